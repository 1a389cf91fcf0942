// <baofei-quote> is a custom element; baofei's Node entry reads its wasm beside itself, so the server build
// keeps the package external (Nitro traces it into .output/server/node_modules instead of bundling it).
export default defineNuxtConfig({
  compatibilityDate: '2026-12-01',
  vue: { compilerOptions: { isCustomElement: (tag) => tag === 'baofei-quote' } },
  nitro: { externals: { external: ['baofei'] } },
});
