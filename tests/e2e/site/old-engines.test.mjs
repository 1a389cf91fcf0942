// Issue 28 points 1, 2 and 5: the pages as an old engine sees them. Where the release wasm cannot run (a
// policy that refuses wasm, no reference types, no WebAssembly) the compatibility build computes the same
// premium; where nothing can (no module scripts, a start script that does not parse) the reader is told
// to use a current browser and no control looks live; a modern engine never sees either.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, DIST } from '../harness.mjs';

/** The page's own policy without 'wasm-unsafe-eval': what Chrome < 97 and Safari < 16 enforce. */
const oldPolicy = (html) => html.replace(" 'wasm-unsafe-eval'", '');
const html = (body) => (req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(body); };

let server, broken, browser;
before(async () => {
  const index = await readFile(join(DIST, 'index.html'), 'utf8');
  const builder = await readFile(join(DIST, 'builder.html'), 'utf8');
  server = await serve(DIST, {}, {
    '/old-policy.html': html(oldPolicy(index)),
    '/old-builder.html': html(oldPolicy(builder)),
    '/old-host.html': html(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>host</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'">
<script type="module" src="/embed/baofei-embed.js"></script></head><body><baofei-quote id="w" region="chongqing" employees="100"></baofei-quote></body></html>`),
  });
  // The same site whose start script does not parse (top-level await, below Chromium 89).
  broken = await serve(DIST, {}, {
    '/start.js': (req, res) => { res.writeHead(200, { 'content-type': 'text/javascript' }); res.end('const = ;'); },
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); await broken?.close(); });

/** The notice is up, says to use a current browser, and every control of the page is disabled. */
async function dead(page, box = '#baofei') {
  const notice = page.locator('#bf-unsupported');
  await notice.waitFor({ timeout: 15000 });
  assert.match(await notice.textContent(), /较新的浏览器.*current browser/s);
  const live = await page.$$eval(`${box} input, ${box} select, ${box} button, ${box} textarea`, (els) => els.filter((e) => !e.disabled).length);
  assert.equal(live, 0, 'no control looks live');
  assert.equal(await page.locator('#bf-unsupported').count(), 1, 'one notice, not two');
}

/** The premium the release build computes for a link, in a modern engine: what every build must show. */
async function modernPremium(hash) {
  const page = await browser.newPage();
  await page.goto(`${server.url}index.html${hash}`);
  await page.locator('.bf[data-ready]').waitFor({ timeout: 30000 });
  const premium = await page.textContent('#premium');
  await page.close();
  return premium;
}

/** The page computes in the given build: no notice, the engine it chose, and a field edit reprices. */
async function computes(page, kind) {
  await page.locator('.bf[data-ready]').waitFor({ timeout: 60000 });
  assert.equal(await page.getAttribute('html', 'data-bf-engine'), kind);
  assert.equal(await page.getAttribute('html', 'data-bf-started'), '1');
  assert.equal(await page.locator('#bf-unsupported, .bf-crash').count(), 0, 'no notice');
  const before = await page.textContent('#premium');
  await page.fill('#f-e', '900');
  await page.waitForFunction((b) => document.querySelector('#premium')?.textContent !== b, before, { timeout: 15000 });
}

test('a policy that refuses wasm (Chrome < 97, Safari < 16): the JavaScript build computes the link\'s own premium', async () => {
  const expected = await modernPremium('#v=1&r=guangdong&e=250');
  const page = await browser.newPage();
  const files = [];
  page.on('request', (r) => files.push(new URL(r.url()).pathname));
  await page.goto(`${server.url}old-policy.html#v=1&r=guangdong&e=250`);
  await page.locator('.bf[data-ready]').waitFor({ timeout: 60000 });
  assert.equal(await page.textContent('#premium'), expected, 'the same figure as the release build');
  await computes(page, 'js');
  assert.ok(files.includes('/baofei-page.compat.asm.js'));
  assert.ok(!files.some((f) => f.endsWith('_bg.wasm')), `no wasm is fetched where it cannot compile: ${files}`);
  await page.close();
});

test('no wasm reference types (Chrome < 96, Safari < 15): the MVP wasm build computes', async () => {
  const expected = await modernPremium('#v=1&r=jilin&e=80');
  const page = await browser.newPage();
  const files = [];
  page.on('request', (r) => files.push(new URL(r.url()).pathname));
  // What such an engine answers: the 15-byte module returning externref does not validate.
  await page.addInitScript(() => {
    const validate = WebAssembly.validate;
    WebAssembly.validate = (bytes) => (bytes.length === 15 ? false : validate(bytes));
  });
  await page.goto(`${server.url}index.html#v=1&r=jilin&e=80`);
  await page.locator('.bf[data-ready]').waitFor({ timeout: 60000 });
  assert.equal(await page.textContent('#premium'), expected);
  await computes(page, 'mvp');
  assert.ok(files.includes('/baofei-page.compat_bg.wasm'));
  assert.ok(!files.includes('/baofei-page_bg.wasm'), 'the release wasm is not fetched');
  await page.close();
});

test('no WebAssembly at all: the JavaScript build computes', async () => {
  const page = await browser.newPage();
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto(`${server.url}index.html`);
  await computes(page, 'js');
  await page.close();
});

test('no module scripts (IE mode of a dual-core browser): told at once, nothing looks live', async () => {
  const page = await browser.newPage();
  await page.addInitScript(() => { delete HTMLScriptElement.prototype.noModule; });
  await page.goto(`${server.url}index.html`, { keepPrerendered: true });
  await dead(page);
  assert.equal(await page.getAttribute('html', 'data-bf-unsupported'), 'features');
  await page.close();
});

test('a start script that does not parse: the notice, not a form that looks live', async () => {
  const page = await browser.newPage();
  await page.goto(`${broken.url}index.html`, { keepPrerendered: true });
  await dead(page);
  assert.equal(await page.getAttribute('html', 'data-bf-unsupported'), 'script');
  await page.close();
});

test('the link builder in an old engine says so instead of staying blank', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}old-builder.html`);
  await dead(page, '#builder');
  assert.match(await page.textContent('#bf-unsupported'), /链接生成器/);
  await page.close();
});

test('an embed whose host refuses wasm computes with the JavaScript build, loaded only there', async () => {
  const page = await browser.newPage();
  const files = [];
  page.on('request', (r) => files.push(new URL(r.url()).pathname));
  await page.goto(`${server.url}old-host.html`);
  await page.locator('baofei-quote #premium').waitFor({ timeout: 60000 });
  assert.match(await page.locator('baofei-quote #premium').textContent(), /万元|元/);
  assert.ok(files.includes('/baofei-web.compat.asm.js'));
  assert.equal(await page.locator('baofei-quote .bf-crash').count(), 0);
  await page.close();
});

test('an embed whose compatibility files are missing says "use a current browser", not "try again later"', async () => {
  const page = await browser.newPage();
  await page.route('**/*.compat*', (r) => r.fulfill({ status: 404, body: '' }));
  await page.addInitScript(() => { window.errs = []; document.addEventListener('baofei-error', (e) => window.errs.push(e.detail)); });
  await page.goto(`${server.url}old-host.html`);
  const p = page.locator('baofei-quote .bf-crash');
  await p.waitFor({ timeout: 15000 });
  assert.match(await p.textContent(), /较新的浏览器/);
  assert.doesNotMatch(await p.textContent(), /稍后再试/);
  await page.waitForFunction(() => window.errs.length > 0);
  assert.equal(await page.evaluate(() => window.errs.at(-1).unsupported), true, 'the host is told retrying cannot help');
  await page.close();
});

test('a modern engine never sees the notice, and the page says which core to use', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}index.html#v=1&e=250`);
  await page.locator('.bf[data-ready]').waitFor({ timeout: 30000 });
  assert.equal(await page.locator('#bf-unsupported').count(), 0);
  assert.equal(await page.getAttribute('html', 'data-bf-started'), '1');
  for (const f of ['index.html', 'builder.html', 'iframe.html', 'demo.html', 'rules.html']) {
    assert.match(await readFile(join(DIST, f), 'utf8'), /<meta name="renderer" content="webkit"/, f);
  }
  await page.close();
});
