// Hostile input and strict hosting: CSP, script in links and presets, a crash, no network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open } from '../harness.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; worker-src 'self'; base-uri 'self'; form-action 'none'";
let strict, plain, browser;
before(async () => {
  // No header: the policy must come with the pages themselves (security review F7).
  strict = await serve();
  plain = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); await strict?.close(); await plain?.close(); });

/** Opens `url` and records every CSP violation (DOM event and console). */
async function watch(url) {
  const page = await browser.newPage();
  const violations = [];
  page.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
  page.on('pageerror', (e) => violations.push(`pageerror: ${e}`));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  return { page, violations };
}

for (const [name, path, ready] of [
  ['standalone page', 'index.html', '#premium'],
  ['custom-element demo', 'demo.html', '#themed #premium'],
  ['link builder', 'builder.html', '#b-qr'],
  ['iframe host (same origin)', `iframe.html?frame=index.html`, '#events li'],
]) {
  test(`${name} ships the strict Content-Security-Policy and runs under it with no violation`, async () => {
    const { page, violations } = await watch(`${strict.url}${path}`);
    const res = await page.request.get(`${strict.url}${path}`);
    assert.equal(res.headers()['content-security-policy'], undefined, 'no header from the test server');
    assert.equal(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'), CSP);
    await page.locator(ready).first().waitFor({ timeout: 30000 });
    await page.waitForTimeout(500);
    assert.deepEqual([...violations, ...(await page.evaluate(() => window.__csp))], []);
    await page.close();
  });
}

test('the shipped policy blocks a javascript: URL even where no script checks it', async () => {
  const { page, violations } = await watch(`${strict.url}demo.html`);
  await page.locator('#themed #premium').waitFor({ timeout: 30000 });
  await page.evaluate(() => {
    const f = document.createElement('iframe');
    f.src = "javascript:parent.__pwned=1";
    document.body.append(f);
  });
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.ok(violations.length + (await page.evaluate(() => window.__csp.length)) > 0, 'the browser reported the blocked script');
  await page.close();
});

const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

test('script in every share-link field renders as text', async () => {
  const keys = ['r', 'l', 's', 'e', 'd', 'sz', 'cv', 'pp', 'std', 'er', 'ec', 'oc', 'h0.o', 'h0.a0.l', 'a.training'];
  const frag = `v=1&${keys.map((k) => `${k}=${encodeURIComponent(XSS.slice(0, 60))}`).join('&')}`;
  const page = await browser.newPage();
  await page.goto(`${plain.url}index.html#${frag}`);
  await page.locator('.bf-errors').waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('.bf img[src=x], .bf script').count(), 0);
  assert.match(await page.locator('.bf-errors').textContent(), /<img src=x/);
  await page.close();
});

test('script in custom-element presets and iframe presets renders as text', async () => {
  const page = await browser.newPage();
  await page.goto(`${plain.url}demo.html`);
  await page.locator('#themed #premium').waitFor();
  await page.evaluate((xss) => {
    const el = document.createElement('baofei-quote');
    el.id = 'evil';
    el.setAttribute('region', xss);
    el.setAttribute('preset', `s=${encodeURIComponent(xss)}`);
    document.body.append(el);
  }, XSS.slice(0, 60));
  await page.locator('#evil .bf-errors').waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.match(await page.locator('#evil .bf-errors').textContent(), /<img src=x/);
  const frame = await browser.newPage();
  await frame.goto(`${plain.url}iframe.html?frame=index.html&preset=${encodeURIComponent(`r=${encodeURIComponent(XSS.slice(0, 60))}`)}`);
  const inner = frame.frameLocator('#frame-host iframe');
  await inner.locator('.bf-errors').waitFor();
  assert.equal(await frame.evaluate(() => window.__pwned), undefined);
  await page.close(); await frame.close();
});

test('a pack whose labels carry markup shows them as text', async () => {
  const page = await browser.newPage();
  await page.goto(`${plain.url}demo.html`);
  await page.locator('#themed #premium').waitFor();
  await page.evaluate(async () => {
    const pack = JSON.parse(await (await fetch('embed/example-insurer-pack.json')).text());
    pack.meta.id = '<img src=x onerror="window.__pwned=1">';
    const el = document.createElement('baofei-quote');
    el.id = 'markup';
    el.pack = pack;
    document.body.append(el);
  });
  await page.locator('#markup #premium').waitFor();
  await page.locator('#markup #trace summary').click();
  assert.match(await page.locator('#markup #trace').textContent(), /<img src=x onerror/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.close();
});

test('a panic shows a friendly error instead of a dead page (standalone and embedded)', async () => {
  const { page } = await open(browser, plain.url);
  await page.evaluate(async () => { const m = await import('./baofei-page.js'); try { m.debugPanic(); } catch { /* the trap after the hook */ } });
  assert.equal(await page.evaluate(() => window.wasmBindings), undefined, 'no bindings on window (security review N14)');
  await page.locator('.bf-crash').waitFor();
  assert.match(await page.locator('.bf-crash').textContent(), /意外错误.*unexpected error/s);
  await page.close();
  const demo = await browser.newPage();
  await demo.goto(`${plain.url}demo.html`);
  await demo.locator('#second #premium').waitFor();
  await demo.evaluate(async () => { const m = await import('./baofei-web.js'); try { m.debugPanic(); } catch { /* expected */ } });
  await demo.locator('#second .bf-crash').waitFor();
  assert.equal(await demo.locator('baofei-quote .bf-crash').count(), await demo.locator('baofei-quote').count());
  await demo.close();
});
