export const metadata = { title: 'Baofei in Next.js' };
export default function RootLayout({ children }) {
  return <html lang="zh-CN"><body>{children}</body></html>;
}
