// Browser side of scripts/bench.sh: bundle sizes and timings of the widget next to an empty Yew app
// built the same way in the same run. Prints JSON. Usage: node bench.mjs <widget dist> <empty dist>
import { readFile } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { cp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { serve, launch } from '../tests/e2e/harness.mjs';

const [widgetDir, emptyDir] = process.argv.slice(2);
const LOADS = Number(process.env.BENCH_LOADS ?? 10);

async function size(dir, files) {
  const out = {};
  for (const [kind, f] of Object.entries(files)) {
    const b = await readFile(join(dir, f));
    out[kind] = { raw: b.length, gzip: gzipSync(b, { level: 9 }).length, brotli: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
  }
  const sum = (k) => Object.values(out).reduce((a, x) => a + x[k], 0);
  out.total = { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
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

/** Issue 15: what a user on a slow phone feels. A fresh load with the network at about 1.6 Mbit/s and
 *  150 ms round trip and the CPU 4x slower (or as is): first contentful paint, largest contentful paint,
 *  when the premium is first visible, total blocking time (long tasks beyond 50 ms until load + 2 s) and
 *  the delay before a first input (a keystroke in the headcount) is handled. */
async function feel(browser, url, slow, { premium = true, input = true } = {}) {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  if (slow) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  await page.addInitScript(() => {
    window.m = { tbt: 0, longest: 0, long: 0, tasks: [] };
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') window.m.fcp = e.startTime; }).observe({ type: 'paint', buffered: true });
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        window.m.lcp = e.startTime;
        const el = e.element;
        window.m.lcpElement = el ? `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className ? '.' + String(el.className).split(' ')[0] : ''}` : null;
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        window.m.tbt += Math.max(0, e.duration - 50);
        window.m.longest = Math.max(window.m.longest, e.duration);
        window.m.long += 1;
        window.m.tasks.push([e.startTime, e.duration]);
      }
    }).observe({ type: 'longtask', buffered: true });
    const tick = () => { const p = document.getElementById('premium'); if (p && p.offsetParent && !window.m.premium) window.m.premium = performance.now(); if (!window.m.premium) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  await page.goto(url, { keepPrerendered: true, waitUntil: 'load' });
  if (premium) await page.waitForFunction(() => window.m.premium && !document.querySelector('[data-prerendered]'), null, { timeout: 120000 });
  await page.waitForTimeout(2000);
  let firstInput = null;
  if (input && premium) {
    const t0 = Date.now();
    await page.fill('#f-e', '101');
    await page.waitForFunction(() => document.querySelector('#f-e')?.value === '101');
    firstInput = Date.now() - t0;
  }
  const m = await page.evaluate(() => window.m);
  await ctx.close();
  // Tasks that start once the first frame is on screen (the takeover and what follows), apart from the
  // browser's own parsing and layout of the static page before it.
  const after = m.tasks.filter(([t]) => t >= (m.fcp ?? 0)).map(([, d]) => d);
  const before = m.tasks.filter(([t]) => t < (m.fcp ?? 0)).map(([, d]) => d);
  return { ...m, longestAfter: Math.max(0, ...after), longestBefore: Math.max(0, ...before), firstInput };
}

async function feelMedian(browser, url, slow, opts, n = 3) {
  const runs = [];
  for (let i = 0; i < n; i++) runs.push(await feel(browser, url, slow, opts));
  const med = (k) => median(runs.map((r) => r[k]).filter((x) => x !== null && x !== undefined));
  return { fcp: med('fcp'), lcp: med('lcp'), premium: med('premium'), tbt: med('tbt'), firstInput: med('firstInput'),
    longest: med('longest'), long: med('long'), longestAfter: med('longestAfter'), longestBefore: med('longestBefore'), lcpElement: runs.map((r) => r.lcpElement).filter(Boolean)[0] ?? null, runs: n };
}

/** Every file each page loads, with its gzip and brotli size (issue 15 point 5: what each page costs). */
async function pages(browser, root, names) {
  const out = {};
  const server = await serve(root);
  for (const name of names) {
    const page = await browser.newPage();
    const files = new Set();
    page.on('response', (r) => { const u = new URL(r.url()); if (u.origin === new URL(server.url).origin && r.status() === 200) files.add(decodeURIComponent(u.pathname.slice(1)) || 'index.html'); });
    await page.goto(server.url + name);
    await page.waitForTimeout(2500);
    await page.close();
    let raw = 0, gz = 0, br = 0;
    for (const f of files) {
      const b = await readFile(join(root, f));
      raw += b.length;
      gz += gzipSync(b, { level: 9 }).length;
      br += brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    }
    out[name] = { files: [...files].sort(), raw, gzip: gz, brotli: br };
  }
  await server.close();
  return out;
}

/** The static floor: index.html exactly as shipped (the prerendered frame and its CSS) with no script.
 *  `headerOnly`: the same page cut after the widget's header (the second floor, about 1.0× the
 *  empty app's first paint on this kind of machine). */
async function staticFloor(root, headerOnly = false) {
  const dir = join(tmpdir(), `baofei-floor-${process.pid}-${headerOnly ? 'head' : 'full'}`);
  await rm(dir, { recursive: true, force: true });
  await cp(root, dir, { recursive: true });
  let html = (await readFile(join(dir, 'index.html'), 'utf8')).replace(/<script\b[^>]*>\s*<\/script>/g, '').replace(/<link rel="modulepreload"[^>]*>/g, '').replace(/<link rel="preload"[^>]*>/g, '');
  if (headerOnly) {
    const a = html.indexOf('<header');
    const b = html.indexOf('</header>', a);
    const open = html.indexOf('>', html.indexOf('<div id="baofei"')) + 1;
    const close = html.lastIndexOf('</div>', html.indexOf('</body>'));
    html = html.slice(0, open) + '<div class="bf">' + html.slice(a, b + 9) + '</div>' + html.slice(close);
  }
  await writeFile(join(dir, 'index.html'), html);
  return dir;
}

/** Lighthouse mobile performance score (npm lighthouse@12.8.2 against Debian's Chromium, run by
 *  scripts/bench.sh with LIGHTHOUSE set to its binary), median of 3; null when not available. The
 *  browser asks for Chinese, as our users' do (the budget); an English browser's first visit waits for
 *  the widget's English instead of showing the Chinese static frame (web/prepaint.js), so `lang`
 *  measures that too. */
async function lighthouse(url, lang = 'zh-CN') {
  const bin = process.env.LIGHTHOUSE;
  if (!bin) return null;
  const scores = [];
  for (let i = 0; i < 3; i++) {
    const { stdout } = await promisify(execFile)(bin, [url, '--output=json', '--quiet', '--only-categories=performance',
      `--chrome-flags=--headless=new --no-sandbox --disable-gpu --accept-lang=${lang}`], { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, maxBuffer: 64 * 1024 * 1024 });
    const r = JSON.parse(stdout);
    scores.push({ score: Math.round(r.categories.performance.score * 100), lcp: r.audits['largest-contentful-paint'].numericValue, tbt: r.audits['total-blocking-time'].numericValue });
  }
  const med = (k) => median(scores.map((x) => x[k]));
  return { score: med('score'), lcp: med('lcp'), tbt: med('tbt'), runs: scores.map((x) => x.score) };
}

const widget = await serve(widgetDir);
const empty = await serve(emptyDir);
const browser = await launch();
const result = {
  sizes: {
    // The standalone page's own wasm (what index.html loads) is the widget the budget is for; the one
    // host pages import (with the JS API and pack validation) is reported beside it.
    widget: await size(widgetDir, { wasm: 'baofei-page_bg.wasm', js: 'baofei-page.js', css: 'styles.css' }),
    host: await size(widgetDir, { wasm: 'baofei-web_bg.wasm', js: 'baofei-web.js', css: 'styles.css' }),
    empty: await size(emptyDir, { wasm: 'bench-empty-yew_bg.wasm', js: 'bench-empty-yew.js' }),
  },
  first: await (async () => {
    const apps = [{ url: widget.url, mark: 'baofei:first-premium' }, { url: empty.url, mark: 'app:first-render' }];
    const [w1, e1] = await firstMarks(browser, apps, 1);
    const [w4, e4] = await firstMarks(browser, apps, 4);
    return { widget: w1, empty: e1, widget4x: w4, empty4x: e4 };
  })(),
  recompute: await recompute(browser, widget.url),
  feel: await (async () => {
    // Served gzip-compressed, as a real host serves them: a throttled load moves the bytes a phone would.
    const floorDir = await staticFloor(widgetDir);
    const headDir = await staticFloor(widgetDir, true);
    const floor = await serve(floorDir, {}, {}, { gzip: true });
    const head = await serve(headDir, {}, {}, { gzip: true });
    const w = await serve(widgetDir, {}, {}, { gzip: true });
    const e = await serve(emptyDir, {}, {}, { gzip: true });
    const out = {};
    for (const slow of [false, true]) {
      const k = slow ? 'slow' : 'fast';
      const n = slow ? 3 : 5;
      out[k] = {
        widget: await feelMedian(browser, w.url, slow, {}, n),
        empty: await feelMedian(browser, e.url, slow, { premium: false, input: false }, n),
        floor: await feelMedian(browser, floor.url, slow, { premium: false, input: false }, n),
        header: await feelMedian(browser, head.url, slow, { premium: false, input: false }, n),
      };
    }
    for (const x of [floor, head, w, e]) await x.close();
    await rm(floorDir, { recursive: true, force: true });
    await rm(headDir, { recursive: true, force: true });
    return out;
  })(),
  pages: await pages(browser, widgetDir, ['index.html', 'demo.html', 'iframe.html', 'builder.html', 'rules.html']),
  lighthouse: await (async () => { const g = await serve(widgetDir, {}, {}, { gzip: true }); try { return await lighthouse(g.url); } finally { await g.close(); } })(),
  lighthouseEn: await (async () => { const g = await serve(widgetDir, {}, {}, { gzip: true }); try { return await lighthouse(g.url, 'en-US'); } finally { await g.close(); } })(),
  chromium: browser.version(),
};
await browser.close(); await widget.close(); await empty.close();
console.log(JSON.stringify(result, null, 2));
