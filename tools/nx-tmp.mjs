import { launchChromium } from './browser.mjs';
const b = await launchChromium();
for (const [w, h, name] of [[360, 740, 'phone'], [1280, 900, 'desktop']]) {
  const p = await b.newPage({ viewport: { width: w, height: h }, locale: 'zh-CN', serviceWorkers: 'block' });
  const log = [];
  p.on('requestfailed', (r) => log.push('FAILED ' + r.url()));
  p.on('response', (r) => { if (r.status() >= 400) log.push(r.status() + ' ' + r.url()); });
  p.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') log.push('console ' + m.type() + ': ' + m.text()); });
  p.on('pageerror', (e) => log.push('pageerror ' + e));
  await p.goto('http://127.0.0.1:3999/');
  await p.locator('baofei-quote #premium').waitFor({ timeout: 60000 });
  await p.locator('baofei-quote #pack-label').waitFor({ timeout: 60000 });
  await p.screenshot({ path: `/tmp/nx/${name}.png`, fullPage: false });
  console.log(name, JSON.stringify(log, null, 1));
  await p.close();
}
await b.close();
