// A server component: the premium is computed on the server (the package's `node` condition) and sent
// as HTML; the widget below is a client component.
import { quote } from 'baofei';
import Widget from './widget';

export const dynamic = 'force-dynamic';

export default function Page() {
  const q = quote({ as_of: '2026-06-01', region: 'chongqing', line: 'work_safety',
    sector: 'hazardous_chemicals.production', employees: 100, size_class: 'medium' });
  return (
    <main>
      <p>服务器端估算保费: <output id="server-premium">{q.premium}</output></p>
      <Widget />
    </main>
  );
}
