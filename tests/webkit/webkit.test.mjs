// The site in WebKit (issue 28 point 4): Debian's WebKitGTK (the engine of Safari and of every browser
// on an iPhone) driven by its WebDriver, WebKitWebDriver, under xvfb-run (scripts/test.sh). Playwright's
// WebKit needs its own patched build, which cannot be downloaded here, so these tests speak classic
// WebDriver (./webdriver.mjs). Each figure is compared with the one Chromium shows for the same page.
import { test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { serve, DIST, launchChromium } from '../../tools/browser.mjs';
import { startDriver, Session } from './webdriver.mjs';

let server, held, driver, s, chromium;

// Every page these servers send starts with one same-origin script that records the page's errors and
// warnings (window.__errs), so a wait that times out says why (Session.state). WebKitGTK's wasm engine
// on x86-64 Linux sometimes faults in code that runs correctly everywhere else, more often with its
// in-place interpreter (startDriver turns that tier off): "RuntimeError: Out of bounds memory access"
// in a closure call, or the first look's module failing. A test that timed out on such an engine fault
// is run once more and the fault is printed; any other failure, or the same test failing twice, fails.
const DIAG = `window.__errs = [];
addEventListener('error', function (e) { __errs.push('error: ' + e.message); });
addEventListener('unhandledrejection', function (e) { __errs.push('rejection: ' + String(e.reason && e.reason.message || e.reason)); });
['error', 'warn'].forEach(function (k) { var f = console[k]; console[k] = function () { __errs.push(k + ': ' + Array.prototype.map.call(arguments, String).join(' ')); return f.apply(console, arguments); }; });`;
async function diagnosed() {
  const routes = { '/webkit-diag.js': (req, res) => { res.writeHead(200, { 'content-type': 'text/javascript' }); res.end(DIAG); } };
  for (const name of (await readdir(DIST)).filter((f) => f.endsWith('.html'))) {
    const html = (await readFile(join(DIST, name), 'utf8')).replace('<head>', '<head><script src="/webkit-diag.js"></script>');
    const send = (req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(html); };
    routes[`/${name}`] = send;
    if (name === 'index.html') routes['/'] = send;
  }
  return routes;
}
const ENGINE_FAULT = /RuntimeError|first look unavailable/;
function test(name, fn) {
  return nodeTest(name, async (t) => {
    try {
      await fn(t);
    } catch (e) {
      if (!ENGINE_FAULT.test(String(e?.message))) throw e;
      console.log(`# WebKit engine fault in "${name}", run again: ${e.message.slice(0, 400)}`);
      await fn(t);
    }
  });
}
// The page's wasm, held back until a test releases it: the reader meets the prerendered page first, as
// on a slow phone.
let release = () => {};
const gate = () => new Promise((ok) => { release = ok; });
let opened = Promise.resolve();

before(async () => {
  const diag = await diagnosed();
  server = await serve(DIST, {}, diag);
  held = await serve(DIST, {}, { ...diag,
    '/baofei-page_bg.wasm': async (req, res) => {
      await opened;
      res.writeHead(200, { 'content-type': 'application/wasm', 'cache-control': 'no-store' });
      createReadStream(join(DIST, 'baofei-page_bg.wasm')).pipe(res);
    },
    // No service worker on this origin: once installed it answers the wasm from its cache, the gate
    // holds nothing, and a "scrolled before the engine" test scrolls a page already taken over.
    '/sw.js': (req, res) => { res.writeHead(404); res.end(); },
  });
  driver = await startDriver();
  s = await Session.create(driver);
  chromium = await launchChromium();
});
after(async () => {
  await s?.close().catch(() => {});
  driver?.stop();
  await chromium?.close();
  await server?.close();
  await held?.close();
});

/** What Chromium shows as the premium for a page of the site (the reference every engine must match). */
async function chromiumPremium(path, employees) {
  const page = await chromium.newPage({ locale: 'zh-CN', serviceWorkers: 'block' });
  await page.goto(`${server.url}${path}`);
  await page.locator('.bf[data-ready] #premium').waitFor({ timeout: 30000 });
  if (employees) {
    const before = await page.textContent('#premium');
    await page.fill('#f-e', employees);
    await page.waitForFunction((b) => document.querySelector('#premium').textContent !== b, before);
  }
  const text = await page.textContent('#premium');
  await page.close();
  return text;
}

// The prerendered frame is a snapshot of the widget, data-ready and all: ready means taken over.
const READY = 'return !document.querySelector("[data-prerendered]") && document.documentElement.dataset.bfStarted === "1" && document.querySelector(".bf[data-ready] #premium")?.textContent';
const TAKEN_OVER = 'return !document.querySelector("[data-prerendered]") && document.documentElement.dataset.bfStarted === "1" && document.querySelector(".bf[data-ready]")';

test('WebKit is driven as a Chinese browser', async () => {
  await s.goto(`${server.url}index.html`);
  assert.match(await s.exec('return navigator.language'), /^zh/);
  assert.match(s.capabilities.browserName + ' ' + s.capabilities.browserVersion, /MiniBrowser \d/);
});

test('the prerendered premium shows before the engine, and the engine computes the same', async () => {
  await s.viewport(1280, 900);
  opened = gate();
  await s.goto(`${held.url}index.html`);
  const staticPremium = await s.waitFor('const p = document.querySelector("[data-prerendered] #premium"); return p && p.getClientRects().length && p.textContent', { what: 'the static premium' });
  release();
  await s.waitFor(TAKEN_OVER, { what: 'the takeover' });
  const live = await s.exec(READY);
  assert.equal(live, staticPremium, 'the engine agrees with the prerendered figure');
  assert.equal(live, await chromiumPremium('index.html'));
  assert.equal(await s.exec('return document.querySelectorAll(".bf-crash").length'), 0);
});

for (const [width, height, to] of [[360, 740, 1500], [360, 740, 'end'], [1280, 900, 600]]) {
  test(`a reader who scrolled before the engine arrived stays where they were (${width} px, scrolled to ${to})`, async () => {
    await s.viewport(width, height);
    opened = gate();
    await s.goto(`${held.url}index.html`);
    await s.waitFor('return document.querySelector("[data-prerendered] #premium")', { what: 'the static frame' });
    const [y, waiting] = await s.exec('window.scrollTo(0, arguments[0] === "end" ? document.documentElement.scrollHeight : arguments[0]); return [window.scrollY, !!document.querySelector("[data-prerendered]")]', to);
    assert.ok(y > 300, `the page scrolled (${y})`);
    assert.ok(waiting, 'the engine was held back: the reader scrolled the prerendered page');
    // What the reader is looking at: the text in the middle of the screen.
    const read = 'const el = document.elementFromPoint(innerWidth / 2, innerHeight / 2); return (el && el.closest("p, li, dd, dt, h2, h3, label, legend, summary, footer, div") || el || {}).textContent?.trim().slice(0, 40) ?? ""';
    const before = await s.exec(read);
    release();
    await s.waitFor(TAKEN_OVER, { what: 'the takeover' });
    // Two frames after the takeover, when the widget's own stages have painted.
    await s.waitFor('if (!window.__f) { window.__f = 1; requestAnimationFrame(() => requestAnimationFrame(() => { window.__f = 2; })); } return window.__f === 2');
    const after = await s.exec('return window.scrollY');
    assert.ok(Math.abs(after - y) <= 2, `the scroll stayed at ${y}, not ${after}`);
    if (to !== 'end') assert.equal(await s.exec(read), before, 'the same text is under the reader');
  });
}

test('a reader who jumps to the end and scrolls back up sees the page hold still (no scroll anchoring in WebKit)', async () => {
  await s.viewport(360, 740);
  await s.goto(`${server.url}index.html`);
  await s.waitFor(READY);
  await s.exec('window.scrollTo(0, document.documentElement.scrollHeight)');
  const frames = 'if (!window.__g) { window.__g = 1; requestAnimationFrame(() => requestAnimationFrame(() => { window.__g = 2; })); } if (window.__g === 2) { window.__g = 0; return true; } return false';
  await s.waitFor(frames);
  // Each step: the element in the middle of the screen, where it sits in the document; scroll up 250 px,
  // let the browser lay out what came into view, and read where that element sits now.
  const moves = [];
  for (let i = 0; i < 12; i++) {
    const [y, at] = await s.exec('window.__m = document.elementFromPoint(innerWidth / 2, innerHeight / 2); return [scrollY, window.__m.getBoundingClientRect().top + scrollY]');
    if (y < 250) break;
    await s.exec('window.scrollBy(0, -250)');
    await s.waitFor(frames);
    moves.push(Math.round((await s.exec('return window.__m.getBoundingClientRect().top + scrollY')) - at));
  }
  assert.ok(moves.length >= 8, `enough steps (${moves.length})`);
  assert.deepEqual(moves.filter((m) => Math.abs(m) > 1), [], `nothing moved under the reader: ${moves}`);
});

test('editing a field changes the premium, to the figure Chromium computes for the same state', async () => {
  await s.viewport(1280, 900);
  await s.goto(`${server.url}index.html`);
  const before = await s.waitFor(READY, { what: 'the widget' });
  await s.type('#f-e', '900');
  const after = await s.waitFor('const p = document.querySelector("#premium").textContent; return p !== arguments[0] && p', { args: [before], what: 'a new premium' });
  assert.equal(after, await chromiumPremium('index.html', '900'));
});

test('a share link opens on its own premium, never the default one', async () => {
  await s.goto(`${server.url}index.html#v=1&r=guangdong&e=250`);
  const premium = await s.waitFor(READY);
  assert.equal(premium, await chromiumPremium('index.html#v=1&r=guangdong&e=250'));
  assert.notEqual(premium, await chromiumPremium('index.html'));
});

test("a share link's first look: its own premium in a card before the engine, the engine's the same (issue 31)", async () => {
  await s.viewport(360, 740);
  const path = 'index.html#v=1&r=guangdong&e=250';
  opened = gate();
  await s.goto(`${held.url}${path}`);
  const card = await s.waitFor('const p = document.querySelector("#first-look #first-premium"); return p && p.getClientRects().length && p.textContent', { what: 'the first look' });
  assert.equal(await s.exec('const p = document.querySelector("[data-prerendered] #premium"); return !!p && p.checkVisibility({ visibilityProperty: true }) && p.getClientRects().length > 0'), false, 'the default figure stays hidden');
  release();
  await s.waitFor(TAKEN_OVER, { what: 'the takeover' });
  const live = await s.exec(READY);
  assert.equal(live, card, 'the widget agrees with the first look');
  assert.equal(live, await chromiumPremium(path));
});

test('English: the page and its figures in English', async () => {
  await s.goto(`${server.url}index.html#v=1&lang=en&r=jilin&e=120`);
  const premium = await s.waitFor(READY);
  assert.equal(await s.exec('return document.documentElement.lang'), 'en');
  assert.equal(premium, await chromiumPremium('index.html#v=1&lang=en&r=jilin&e=120'));
});

test('the custom element computes inside its shadow root on a host page', async () => {
  await s.goto(`${server.url}demo.html`);
  const premium = await s.waitFor('const el = document.querySelector("baofei-quote"); return el?.shadowRoot?.querySelector(".bf[data-ready] #premium")?.textContent', { what: 'the element' });
  const page = await chromium.newPage({ locale: 'zh-CN', serviceWorkers: 'block' });
  await page.goto(`${server.url}demo.html`);
  const expected = await page.locator('baofei-quote').first().locator('.bf[data-ready] #premium').textContent({ timeout: 30000 });
  await page.close();
  assert.equal(premium, expected);
});

test('the iframe grows to its content and relays the quotes to its host', async () => {
  await s.goto(`${server.url}iframe.html`);
  await s.waitFor('return document.querySelectorAll("#events li").length > 0', { what: 'a quote event from the frame' });
  const h = await s.waitFor('const f = document.querySelector("#frame-host iframe"); return f && f.getBoundingClientRect().height > 600 && f.getBoundingClientRect().height');
  assert.ok(h > 600, `the frame grew (${h} px)`);
});

test('on a 360 px phone the sticky summary shows the premium while the reader edits the form', async () => {
  await s.viewport(360, 740);
  await s.goto(`${server.url}index.html`);
  await s.waitFor(READY);
  await s.type('#f-e', '900');
  await s.waitFor('return document.querySelector("#sticky-premium")?.textContent === document.querySelector("#premium").textContent');
  const box = await s.exec('const r = document.querySelector("#sticky-premium").getBoundingClientRect(); return [r.top, r.bottom, r.width]');
  assert.ok(box[0] >= 0 && box[1] <= 740 && box[2] > 0, `the sticky premium is on screen (${box})`);
});

const run = promisify(execFile);

for (const lang of ['zh', 'en']) {
  test(`printing in WebKit: a typical quote sheet fits two A4 pages, its steps two to a line (${lang})`, async (t) => {
    // WebKitWebDriver has no Print Page: WebKitGTK's own print operation writes the PDF (./print.py).
    const dir = await mkdtemp(join(tmpdir(), 'bf-wk-print-'));
    try {
      const pdf = join(dir, 'sheet.pdf');
      const print = () => run('/usr/bin/python3', [new URL('./print.py', import.meta.url).pathname,
        `${server.url}index.html#v=1&lang=${lang}&h0.o=1&h0.d=1`, pdf, '--lang', lang === 'en' ? 'en-US' : 'zh-CN'],
      { env: { ...process.env, LANG: 'C.UTF-8' }, timeout: 90000 });
      try {
        await print();
      } catch (e) {
        // One fresh CI machine's first WebKitGTK print never saw the page ready in 60 s (the next
        // one took 2 s). A second process is tried once; the first failure stays in the report,
        // with what the page looked like, so a real regression still fails both times.
        t.diagnostic(`first print failed, retried: ${String(e.stderr || e.message).trim()}`);
        await print();
      }
      const { stdout: info } = await run('pdfinfo', [pdf]);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
      assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
      // NFKC: the PDF's fonts map some ideographs to their Kangxi radical forms (⼈ for 人).
      const text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout.normalize('NFKC');
      // The first two steps of the breakdown share a line (WebKit printed them one under the other).
      const [a, b] = lang === 'en' ? [/compulsory status/, /statutory minimum per-person limit/] : [/是否强制投保/, /最低每人死亡伤残限额/];
      assert.ok(text.split('\n').some((l) => a.test(l) && b.test(l)), 'the first two steps side by side');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
