// Browser side of scripts/bench.sh: bundle sizes and timings of the widget next to an empty Yew app
// built the same way in the same run. Prints JSON. Usage: node bench.mjs <widget dist> <empty dist>
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { serve, launch } from './harness.mjs';

const [widgetDir, emptyDir] = process.argv.slice(2);
const LOADS = Number(process.env.BENCH_LOADS ?? 10);

async function size(dir, files) {
  const out = {};
  for (const [kind, f] of Object.entries(files)) {
    const b = await readFile(join(dir, f));
    out[kind] = { raw: b.length, gzip: gzipSync(b, { level: 9 }).length };
  }
  out.total = { raw: Object.values(out).reduce((a, x) => a + x.raw, 0), gzip: Object.values(out).reduce((a, x) => a + x.gzip, 0) };
  return out;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };

/** One fresh load (new context, no cache), optionally CPU-throttled: time from navigation start to
 * `mark` and to first-contentful-paint. Yew yields to the browser after 16 ms of work, so a large first
 * render is painted before its effects run while a tiny one is not: the effect marks of two apps
 * measure different moments. First-contentful-paint is the same moment for both (our first frame
 * holds the form and the figures, so its first paint already shows the premium). */
async function load(browser, url, mark, throttle) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  if (throttle > 1) {
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  await page.goto(url);
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 60000 });
  const t = await page.evaluate((m) => performance.getEntriesByName(m)[0].startTime, mark);
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 60000 });
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime);
  await ctx.close();
  return [t, fcp];
}

/** LOADS loads of each app, interleaved (widget, empty, widget, ...) so that a slow spell of a noisy
 * machine falls on both alike and the ratio holds. */
async function firstMarks(browser, apps, throttle) {
  const acc = apps.map(() => ({ times: [], fcps: [] }));
  for (let i = 0; i < LOADS; i++) {
    for (const [k, { url, mark }] of apps.entries()) {
      const [t, fcp] = await load(browser, url, mark, throttle);
      acc[k].times.push(t);
      acc[k].fcps.push(fcp);
    }
  }
  return acc.map(({ times, fcps }) => ({ median: median(times), min: Math.min(...times), max: Math.max(...times), loads: times.length,
    fcp: { median: median(fcps), min: Math.min(...fcps), max: Math.max(...fcps) } }));
}

async function recompute(browser, url, n = 30) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector('#premium');
  await page.evaluate(() => performance.clearMeasures());
  for (let i = 0; i < n; i++) {
    const before = await page.evaluate(() => performance.getEntriesByName('baofei:update').length);
    await page.fill('#f-e', String(101 + i));
    await page.waitForFunction((b) => performance.getEntriesByName('baofei:update').length > b, before);
  }
  const get = (name) => page.evaluate((nm) => performance.getEntriesByName(nm).map((e) => e.duration), name);
  const engine = await get('baofei:engine');
  const update = await get('baofei:update');
  await page.close();
  const stat = (xs) => ({ median: median(xs), p95: pct(xs, 95), max: Math.max(...xs), samples: xs.length });
  return { engine: stat(engine), update: stat(update) };
}

const widget = await serve(widgetDir);
const empty = await serve(emptyDir);
const browser = await launch();
const result = {
  sizes: {
    widget: await size(widgetDir, { wasm: 'baofei-web_bg.wasm', js: 'baofei-web.js', css: 'styles.css' }),
    empty: await size(emptyDir, { wasm: 'bench-empty-yew_bg.wasm', js: 'bench-empty-yew.js' }),
  },
  first: await (async () => {
    const apps = [{ url: widget.url, mark: 'baofei:first-premium' }, { url: empty.url, mark: 'app:first-render' }];
    const [w1, e1] = await firstMarks(browser, apps, 1);
    const [w4, e4] = await firstMarks(browser, apps, 4);
    return { widget: w1, empty: e1, widget4x: w4, empty4x: e4 };
  })(),
  recompute: await recompute(browser, widget.url),
  chromium: browser.version(),
};
await browser.close(); await widget.close(); await empty.close();
console.log(JSON.stringify(result, null, 2));
