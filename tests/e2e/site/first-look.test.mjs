// Issue 31: a link's premium before the widget arrives (the first look, a small wasm of its own that
// prices the link's state and shows it as a card in the header), and an English first visit's default
// quote prerendered in English (frame-en.html). Neither ever shows a figure that is not the state's own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, chromiumOnly } from '../harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The premium the live widget computes for `path` (what the takeover must end on). */
async function premiumFor(path, locale = 'zh-CN') {
  const ctx = await browser.newContext({ locale, serviceWorkers: 'block' });
  const ref = await ctx.newPage();
  await ref.goto(`${server.url}${path}`);
  await ref.waitForFunction(() => !document.querySelector('[data-prerendered]') && document.querySelector('#premium'));
  const yuan = await ref.getAttribute('#premium', 'data-yuan');
  await ctx.close();
  return yuan;
}

/** A page whose widget wasm is held until `release()`; every frame records each premium on screen. */
async function held(path, { locale = 'zh-CN', viewport = { width: 360, height: 740 } } = {}) {
  const ctx = await browser.newContext({ locale, viewport, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  let release, requested;
  const gate = new Promise((ok) => { release = ok; });
  // start.js asks for the widget only once the first look has finished (shown a card or not).
  const widgetRequested = new Promise((ok) => { requested = ok; });
  await page.route('**/baofei-page_bg.wasm', async (route) => { requested(); await gate; await route.continue(); });
  await page.addInitScript(() => {
    window.seen = [];
    const tick = () => {
      for (const el of document.querySelectorAll('#first-premium, #premium')) {
        if (el.checkVisibility({ visibilityProperty: true }) && el.getClientRects().length > 0) {
          window.seen.push({ id: el.id, yuan: el.dataset.yuan, frame: !!el.closest('[data-prerendered]'), t: performance.now() });
        }
      }
      if (!document.querySelector('.bf[data-ready]:not([data-prerendered])')) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.goto(`${server.url}${path}`, { keepPrerendered: true });
  return { ctx, page, release, widgetRequested };
}

const taken = (page) => page.waitForFunction(() => !document.querySelector('[data-prerendered]') && document.querySelector('.bf[data-ready] #premium'), null, { timeout: 30000 });

test("a link's first premium on screen is the link's own, before the widget, and in every frame after", async () => {
  for (const [path, locale] of [['index.html#v=1&r=guangdong&e=250', 'zh-CN'], ['index.html#v=1&r=jilin&e=40&h0.o=1&lang=en', 'zh-CN']]) {
    const want = await premiumFor(path, locale);
    const { ctx, page, release } = await held(path, { locale });
    // The widget's wasm is held: the card shows the link's premium from the first look's engine.
    await page.locator('#first-look #first-premium').waitFor({ timeout: 30000 });
    assert.equal(await page.getAttribute('#first-premium', 'data-yuan'), want, `${path}: the card's premium`);
    assert.equal(await page.locator('[data-prerendered] #premium').isVisible(), false, 'the default figure stays hidden');
    const card = await page.textContent('#first-look');
    if (path.includes('lang=en')) assert.match(card, /This link's estimate[\s\S]*Jilin/);
    else assert.match(card, /本链接的测算结果[\s\S]*广东省[\s\S]*250 人/);
    release();
    await taken(page);
    assert.equal(await page.locator('#first-look').count(), 0, 'the widget replaced the card');
    assert.equal(await page.getAttribute('#premium', 'data-yuan'), want);
    const seen = await page.evaluate(() => window.seen);
    assert.ok(seen.length > 1, 'sampled');
    assert.equal(seen[0].id, 'first-premium', 'the first premium painted is the card\'s');
    assert.deepEqual(seen.filter((s) => s.yuan !== want), [], `only the link's premium (${want}) was ever on screen`);
    await ctx.close();
  }
});

test('a state that cannot be priced has no card: the reader waits for the widget, which says why', async () => {
  const { ctx, page, release, widgetRequested } = await held('index.html#v=1&r=guangdong&e=abc');
  // The first look has finished once the widget's wasm is asked for (and is held): no card was put up.
  await widgetRequested;
  assert.ok(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('baofei-first_bg.wasm'))), 'the first look ran');
  assert.equal(await page.locator('#first-look').count(), 0);
  release();
  await page.locator('#f-e[aria-invalid=true]').waitFor({ timeout: 30000 });
  assert.deepEqual((await page.evaluate(() => window.seen)).filter((s) => s.id === 'first-premium'), []);
  await ctx.close();
});

test('an English first visit sees the default quote in English at once; what it types first is kept, in English', async () => {
  const want = await premiumFor('index.html#v=1&lang=en&e=250', 'en-US');
  const { ctx, page, release } = await held('index.html', { locale: 'en-US' });
  const frame = page.locator('.bf[data-prerendered][lang=en]');
  await frame.locator('#premium').waitFor({ timeout: 30000 });
  assert.equal(await frame.locator('#premium').isVisible(), true, 'the English frame is shown before the widget');
  assert.match(await frame.locator('h1').textContent(), /premium estimate/i);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  // Typed into the static English form while the widget is still on its way.
  await page.fill('#f-e', '250');
  release();
  await taken(page);
  await page.waitForFunction((w) => document.querySelector('#premium')?.dataset.yuan === w, want, { timeout: 30000 });
  assert.equal(await page.inputValue('#f-e'), '250');
  assert.equal(await page.getAttribute('.bf', 'lang'), 'en', 'still English after the takeover');
  const seen = await page.evaluate(() => window.seen);
  assert.ok(seen.every((s) => s.id === 'premium'), 'no first look: the frame holds');
  await ctx.close();
});

test('on a throttled network the link shows its premium well before the whole interface is ready', chromiumOnly('a CDP session throttles the network'), async () => {
  const path = 'index.html#v=1&r=guangdong&e=250';
  const want = await premiumFor(path);
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 });
  await page.goto(`${server.url}${path}`, { waitUntil: 'commit' });
  const first = await (await page.waitForFunction(() => { const p = document.getElementById('first-premium'); return p && p.offsetParent && performance.now(); }, null, { timeout: 60000, polling: 'raf' })).jsonValue();
  assert.equal(await page.getAttribute('#first-premium', 'data-yuan'), want);
  const ready = await (await page.waitForFunction(() => !document.querySelector('[data-prerendered]') && document.querySelector('.bf[data-ready] #premium') && performance.now(), null, { timeout: 60000, polling: 'raf' })).jsonValue();
  // The widget's wasm is fetched only once the first look's has arrived, so the two do not share the
  // bandwidth, and once.
  const t = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('resource')
    .filter((e) => /(first|page)_bg\.wasm$/.test(e.name)).map((e) => [e.name.split('/').pop(), { start: e.startTime, end: e.responseEnd, n: 1 }])));
  await ctx.close();
  assert.ok(first < ready - 1000, `the link's premium at ${first} ms, the widget ready at ${ready} ms`);
  assert.ok(t['baofei-page_bg.wasm'].start >= t['baofei-first_bg.wasm'].end, JSON.stringify(t));
});
