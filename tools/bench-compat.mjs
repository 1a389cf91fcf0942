// Issue 28: what each build costs the browser that loads it, and how long a link's premium takes in each
// on the slow-phone profile (1.6 Mbit/s, 150 ms round trip, CPU 4x slower, 360 px), served gzip as a
// real host serves it. The compatibility paths are forced in this Chromium the way an old engine meets
// them: 'mvp' by refusing the reference-types probe (as Chromium < 96 and Safari < 15 do), 'js' by the
// page policy without 'wasm-unsafe-eval' (as Chromium < 97 and Safari < 16 read it).
//   node tools/bench-compat.mjs DIST [LOADS]   → JSON on stdout
import { readFile } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { serve, launchChromium } from './browser.mjs';

const dist = process.argv[2];
const LOADS = Number(process.argv[3] ?? 5);
const LINK = '#v=1&r=guangdong&e=250';

const kb = (n) => Math.round(n / 102.4) / 10;
async function sizes(files) {
  let raw = 0, gz = 0, br = 0;
  for (const f of files) {
    const b = await readFile(join(dist, f));
    raw += b.length;
    gz += gzipSync(b, { level: 9 }).length;
    br += brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { files, raw: kb(raw), gzip: kb(gz), brotli: kb(br) };
}

const builds = {
  wasm: await sizes(['baofei-page_bg.wasm', 'baofei-page.js']),
  mvp: await sizes(['baofei-page.compat_bg.wasm', 'baofei-page.compat.js']),
  js: await sizes(['baofei-page.compat.asm.js', 'baofei-page.compat.js']),
  widgetWasm: await sizes(['baofei-web_bg.wasm', 'baofei-web.js']),
  widgetMvp: await sizes(['baofei-web.compat_bg.wasm', 'baofei-web.compat.js']),
  widgetJs: await sizes(['baofei-web.compat.asm.js', 'baofei-web.compat.js']),
};

const index = await readFile(join(dist, 'index.html'), 'utf8');
const server = await serve(dist, {}, {
  '/old.html': (req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(index.replace(" 'wasm-unsafe-eval'", '')); },
}, { gzip: true });
const browser = await launchChromium();

/** One fresh load on the slow-phone profile: ms from navigation to the link's premium on screen. */
async function premium(path, kind) {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN', serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  if (kind === 'mvp') {
    await page.addInitScript(() => {
      const validate = WebAssembly.validate;
      WebAssembly.validate = (bytes) => (bytes.length === 15 ? false : validate(bytes));
    });
  }
  await page.goto(`${server.url}${path}`, { waitUntil: 'commit' });
  const t = await page.waitForFunction(() => {
    const p = document.getElementById('premium');
    return p && p.offsetParent && !document.querySelector('[data-prerendered]') && document.documentElement.dataset.bfEngine && performance.now();
  }, null, { timeout: 180000, polling: 'raf' });
  const ms = Math.round(await t.jsonValue());
  const engine = await page.getAttribute('html', 'data-bf-engine');
  await ctx.close();
  if (engine !== kind) throw new Error(`${path}: ran ${engine}, not ${kind}`);
  return ms;
}

const times = { wasm: [], mvp: [], js: [] };
// Interleaved, so a slow spell of the machine falls on every build alike.
for (let i = 0; i < LOADS; i++) {
  times.wasm.push(await premium(`index.html${LINK}`, 'wasm'));
  times.mvp.push(await premium(`index.html${LINK}`, 'mvp'));
  times.js.push(await premium(`old.html${LINK}`, 'js'));
}
await browser.close();
await server.close();
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const summary = Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), loads: xs.length }]));
console.log(JSON.stringify({ link: LINK, builds, premium: summary }, null, 2));
