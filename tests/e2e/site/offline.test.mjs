// Offline after the first visit (issue 29 item 7): the site's service worker caches its own files, a
// reload with no network still quotes, the rules page opens, and a new release replaces the cache and
// says "已更新到 … 的规则" once. Served from a copy of dist/ so that the test can publish a "new release".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, DIST, type } from '../harness.mjs';

let server, browser, dir;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baofei-offline-'));
  await cp(DIST, dir, { recursive: true });
  server = await serve(dir);
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); await rm(dir, { recursive: true, force: true }); });

const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });

test('after one visit the calculator and the rules page work with no network, and only this site\'s files are cached', async () => {
  const context = await browser.newContext({ serviceWorkers: 'allow', viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${server.url}index.html`);
  await page.locator('.bf[data-ready]').waitFor({ timeout: 30000 });
  await controlled(page);
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const urls = (await Promise.all(keys.map(async (k) => (await (await caches.open(k)).keys()).map((r) => r.url)))).flat();
    return { keys, urls };
  });
  assert.equal(cached.keys.length, 1);
  assert.match(cached.keys[0], /^baofei-[0-9a-f]{16}$/, 'named by the release, not "dev"');
  assert.ok(cached.urls.length >= 10 && cached.urls.every((u) => u.startsWith(server.url)), cached.urls.join('\n'));
  assert.ok(cached.urls.some((u) => u.endsWith('baofei-page_bg.wasm')) && cached.urls.some((u) => u.endsWith('rules.html')));

  // The widget's build (the offer check, issue 31) is not downloaded with the rest; it is kept once used.
  assert.ok(!cached.urls.some((u) => /baofei-web/.test(u)), 'the offer check only on use');
  await page.click('#offer > summary');
  await page.locator('#offer-add').waitFor({ timeout: 30000 });
  await page.waitForFunction(async () => {
    const urls = (await Promise.all((await caches.keys()).map(async (k) => (await (await caches.open(k)).keys()).map((r) => r.url)))).flat();
    return urls.some((u) => u.endsWith('baofei-web_bg.wasm'));
  });

  await context.setOffline(true);
  await page.goto(`${server.url}index.html#v=1`);
  await page.reload();
  await page.locator('.bf[data-ready]').waitFor({ timeout: 30000 });
  // The offer check opens offline, from the cache.
  await page.click('#offer > summary');
  await page.locator('#offer-add').waitFor({ timeout: 30000 });
  await page.reload();
  await page.locator('.bf[data-ready]').waitFor({ timeout: 30000 });
  const before = await page.locator('#premium').textContent();
  await type(page, '#f-e', '900');
  await page.waitForFunction((b) => document.querySelector('#premium')?.textContent !== b, before);
  // A link opened offline computes its own state.
  await page.goto(`${server.url}index.html#v=1&r=guangdong&e=250`);
  await page.locator('.bf[data-ready]').waitFor({ timeout: 30000 });
  assert.match(await page.locator('#premium').textContent(), /万元/);
  await page.goto(`${server.url}rules.html#r=chongqing`);
  await page.locator('#rp-status:not(:empty)').waitFor({ timeout: 30000 });
  await context.close();
});

test('a new release replaces the cache and says so once', async () => {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.goto(`${server.url}index.html`);
  await page.locator('.bf[data-ready]').waitFor({ timeout: 30000 });
  await controlled(page);
  const [first] = await page.evaluate(() => caches.keys());
  // Publish a new release: another file hash and a newer rules date.
  const sw = join(dir, 'sw.js');
  const text = await readFile(sw, 'utf8');
  await writeFile(sw, text.replace(/^var VERSION = '[^']*';/m, "var VERSION = '00000000feedbeef';").replace(/^var RULES_DATE = '[^']*';/m, "var RULES_DATE = '2027-01-01';"));
  try {
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const note = page.locator('#sw-updated');
    await note.waitFor({ timeout: 30000 });
    assert.equal(await note.textContent(), '已更新到 2027-01-01 的规则。重新打开本页即按新规则计算。');
    assert.equal(await note.getAttribute('role'), 'status');
    await page.waitForFunction(async (old) => !(await caches.keys()).includes(old), first);
    assert.deepEqual(await page.evaluate(() => caches.keys()), ['baofei-00000000feedbeef']);
    // Once: the next visit says nothing.
    await page.reload();
    await page.locator('.bf[data-ready]').waitFor({ timeout: 30000 });
    assert.equal(await page.locator('#sw-updated').count(), 0);
  } finally {
    await writeFile(sw, text);
    await context.close();
  }
});

test('an iframe of the site registers no service worker', async () => {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  // Every frame records its registrations.
  await context.addInitScript(() => {
    window.__swCalls = 0;
    const real = navigator.serviceWorker?.register?.bind(navigator.serviceWorker);
    if (real) navigator.serviceWorker.register = (...a) => { window.__swCalls++; return real(...a); };
  });
  const page = await context.newPage();
  await page.goto(`${server.url}iframe.html?frame=index.html`);
  await page.locator('#events li').first().waitFor({ timeout: 30000 });
  const frame = page.frames().find((f) => f !== page.mainFrame());
  await frame.waitForFunction(() => document.readyState === 'complete');
  assert.equal(await frame.evaluate(() => window.__swCalls), 0, 'the framed page registered a worker');
  // The same page at the top level does (the spy sees it).
  const top = await context.newPage();
  await top.goto(`${server.url}index.html`);
  await top.waitForFunction(() => window.__swCalls === 1);
  await context.close();
});
