// Issue 31: how long a link's premium and an English first visit's premium take, on the slow phone
// (1.6 Mbit/s, 150 ms round trip, CPU 4x slower) and unthrottled, 360 px, against the empty Yew app's
// first paint and the default page's premium in the same run (loads interleaved, so a slow spell of the
// machine falls on all alike), served gzip and brotli.
//   node tools/bench-link.mjs DIST EMPTY_DIST [LOADS]   → JSON on stdout
// For each page: the premium first on screen (the first look's card, `#first-premium`, or the prerendered
// frame's `#premium` on the default page) and, for the link and the English visit, when the widget has
// taken over (`#premium` of the live widget). The empty app: first contentful paint.
import { serve, launchChromium } from './browser.mjs';

const [dist, emptyDir] = process.argv.slice(2);
const LOADS = Number(process.argv[4] ?? 9);
const browser = await launchChromium();

/** One fresh load: ms from navigation start to the premium's paint (the first frame it is visible in)
 *  and to the widget's takeover; for the empty app, its first contentful paint. */
async function load(url, { locale = 'zh-CN', slow, empty = false, full = false }) {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, locale, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  if (slow) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  await page.addInitScript(() => {
    window.t = {};
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') window.t.fcp = e.startTime; }).observe({ type: 'paint', buffered: true });
    // Checked each frame: the frame in which the element is first laid out and visible.
    const tick = () => {
      const shown = (id) => { const p = document.getElementById(id); return p && p.offsetParent && getComputedStyle(p).visibility === 'visible'; };
      if (!window.t.premium && (shown('first-premium') || shown('premium'))) window.t.premium = performance.now();
      if (!window.t.ready && shown('premium') && !document.querySelector('[data-prerendered]')) window.t.ready = performance.now();
      if (!window.t.ready) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.goto(url, { waitUntil: 'commit' });
  const t = empty
    ? await page.waitForFunction(() => window.t.fcp !== undefined && window.t, null, { timeout: 60000 })
    : await page.waitForFunction((full) => (full ? window.t.ready : window.t.premium) && window.t, full, { timeout: 120000, polling: 100 });
  const v = await t.jsonValue();
  await ctx.close();
  return empty ? { premium: Math.round(v.fcp) } : { premium: Math.round(v.premium), ready: v.ready ? Math.round(v.ready) : null };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const summary = (xs) => (xs.length ? { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), loads: xs.length } : null);

const CASES = {
  empty: { path: '', empty: true },
  default: { path: 'index.html' },
  link: { path: 'index.html#v=1&r=guangdong&e=250', full: true },
  english: { path: 'index.html', locale: 'en-US', full: true },
};
const out = { link: CASES.link.path, loads: LOADS };
for (const encoding of ['gzip', 'br']) {
  const opt = encoding === 'br' ? { brotli: true } : { gzip: true };
  const w = await serve(dist, {}, {}, opt);
  const e = await serve(emptyDir, {}, {}, opt);
  out[encoding] = {};
  for (const slow of [true, false]) {
    const acc = Object.fromEntries(Object.keys(CASES).map((k) => [k, { premium: [], ready: [] }]));
    for (let i = 0; i < LOADS; i++) {
      for (const [k, c] of Object.entries(CASES)) {
        const base = c.empty ? e.url : w.url;
        const r = await load(`${base}${c.path}`, { locale: c.locale, slow, empty: c.empty, full: c.full });
        acc[k].premium.push(r.premium);
        if (r.ready) acc[k].ready.push(r.ready);
      }
    }
    out[encoding][slow ? 'slow' : 'fast'] = Object.fromEntries(Object.entries(acc).map(([k, v]) => [k, { premium: summary(v.premium), ready: summary(v.ready) }]));
  }
  await w.close();
  await e.close();
}
await browser.close();
console.log(JSON.stringify(out, null, 2));
