// Issue 31: how long a link's premium takes on the slow phone (1.6 Mbit/s, 150 ms round trip, CPU 4x
// slower, 360 px; served gzip), with prepaint.js as built and with its early wasm fetch taken out (the
// same page otherwise), loads interleaved so a slow spell of the machine falls on both alike. Also an
// English browser's first visit (its Chinese frame is hidden too).
//   node tools/bench-link.mjs DIST [LOADS]   → JSON on stdout
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launchChromium } from './browser.mjs';

const dist = process.argv[2];
const LOADS = Number(process.argv[3] ?? 9);
const prepaint = await readFile(join(dist, 'prepaint.js'), 'utf8');
// The same script without its early fetch: the block that appends the preload link is never entered.
const without = prepaint.replace("if (document.documentElement.classList.contains('bf-pending') || english) {", 'if (false) {');
if (without === prepaint) throw new Error('prepaint.js has no early fetch to take out');
const js = (body) => (req, res) => { res.writeHead(200, { 'content-type': 'text/javascript' }); res.end(body); };
const a = await serve(dist, {}, {}, { gzip: true });
const b = await serve(dist, {}, { '/prepaint.js': js(without) }, { gzip: true });
const browser = await launchChromium();

async function premium(url, locale) {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, locale, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url, { waitUntil: 'commit' });
  const t = await page.waitForFunction(() => {
    const p = document.getElementById('premium');
    return p && p.offsetParent && !document.querySelector('[data-prerendered]') && performance.now();
  }, null, { timeout: 120000, polling: 'raf' });
  const ms = Math.round(await t.jsonValue());
  await ctx.close();
  return ms;
}

const cases = { link: ['index.html#v=1&r=guangdong&e=250', 'zh-CN'], english: ['index.html', 'en-US'] };
const times = {};
for (const k of Object.keys(cases)) times[k] = { early: [], late: [] };
for (let i = 0; i < LOADS; i++) {
  for (const [k, [path, locale]] of Object.entries(cases)) {
    times[k].early.push(await premium(`${a.url}${path}`, locale));
    times[k].late.push(await premium(`${b.url}${path}`, locale));
  }
}
await browser.close();
await a.close();
await b.close();
const median = (xs) => { const s = [...xs].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const sum = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), loads: xs.length });
console.log(JSON.stringify(Object.fromEntries(Object.entries(times).map(([k, v]) => [k, { early: sum(v.early), late: sum(v.late) }])), null, 2));
