// Writes docs/screenshots/*.png of the main states (desktop and 360 px phone). Run after a release build:
//   node tools/screenshots.mjs
import { mkdir } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, open, type } from '../tests/e2e/harness.mjs';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'screenshots');
await mkdir(out, { recursive: true });
const server = await serve();
const browser = await launch();
const shot = async (name, setup, viewport) => {
  const { page } = await open(browser, server.url, viewport);
  await setup(page);
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(out, `${name}.png`), fullPage: !viewport || viewport.width > 400 ? false : false });
  await page.close();
};
const loaded = async (p) => { await type(p, '#f-h0-l', '1'); await type(p, '#f-h0-d', '3'); };
await shot('desktop-default', async () => {});
await shot('desktop-loaded-accident', loaded);
await shot('desktop-trace', async (p) => { await p.click('#trace summary'); await p.locator('#trace').scrollIntoViewIfNeeded(); });
await shot('desktop-english', async (p) => { await p.click('#lang-toggle'); });
await shot('desktop-error', async (p) => { await type(p, '#f-e', '-5'); });
await shot('desktop-assessment', async (p) => { await p.check('#f-bl'); await p.check('#q-hazard_inspection-no'); await p.locator('#tier').scrollIntoViewIfNeeded(); });
await shot('desktop-guidance', async (p) => { await p.selectOption('#f-oc', 'employer_liability'); await p.check('#f-dep'); await p.locator('#next-steps').scrollIntoViewIfNeeded(); });
await shot('phone-default', async () => {}, { width: 360, height: 740 });
await shot('phone-result', async (p) => { await loaded(p); await p.locator('#result-h').scrollIntoViewIfNeeded(); }, { width: 360, height: 740 });
{
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}demo.html`);
  await page.locator('#themed #premium').waitFor();
  await page.screenshot({ path: join(out, 'embed-demo.png') });
  await page.close();
}
// States added by the security fixes: a link with fields the form does not show, an unusable pack.
const shotUrl = async (name, path, ready, setup, viewport = { width: 1280, height: 900 }) => {
  const page = await browser.newPage({ viewport });
  await page.goto(`${server.url}${path.startsWith('#') ? `index.html${path}` : path}`);
  await page.locator(ready).first().waitFor({ timeout: 30000 });
  await setup?.(page);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, `${name}.png`) });
  await page.close();
};
await shotUrl('desktop-link-note', 'index.html#v=1&rev=abc&t=abc&er=abc&r=jilin', '#premium');
await shotUrl('phone-link-note-en', 'index.html#v=1&lang=en&rev=abc&t=abc&r=jilin', '#premium', null, { width: 360, height: 740 });
const badPack = async (page, lang) => page.evaluate(async (lang) => {
  const pack = JSON.parse(await (await fetch('embed/example-insurer-pack.json')).text());
  pack.rates.work_safety.national[0].value[0].sectors = Array.from({ length: 400 }, (_, i) => `casino${i}`);
  document.body.replaceChildren();
  const el = document.createElement('baofei-quote');
  el.id = 'bad';
  el.setAttribute('lang', lang);
  el.pack = pack;
  document.body.append(el);
  await new Promise((ok) => setTimeout(ok, 1500));
}, lang);
await shotUrl('desktop-pack-errors', 'demo.html', '#themed #premium', (p) => badPack(p, 'zh'));
await shotUrl('phone-pack-errors-en', 'demo.html', '#themed #premium', (p) => badPack(p, 'en'), { width: 360, height: 740 });
await shotUrl('desktop-iframe-refused', `iframe.html?frame=${encodeURIComponent('javascript:alert(1)')}`, '#events li');
// Issue 13 states: partial result, below-minimum at the field, environmental line, the cap combination.
await shotUrl('desktop-partial', '#v=1&r=hunan&s=construction.general&e=100', '#known');
await shotUrl('phone-partial-en', '#v=1&lang=en&r=hunan&s=construction.general&e=100', '#known', null, { width: 360, height: 740 });
await shotUrl('desktop-below-minimum', '#v=1&pp=20', '#f-pp-err', (p) => p.locator('#f-pp').scrollIntoViewIfNeeded());
await shotUrl('phone-below-minimum-en', '#v=1&lang=en&pp=20', '#f-pp-err', (p) => p.locator('#f-pp').scrollIntoViewIfNeeded(), { width: 360, height: 740 });
await shotUrl('desktop-environmental', '#v=1&l=environmental&s=heavy_metals.smelting&er=larger&h1.l=1', '#premium', (p) => p.locator('.bf-history').scrollIntoViewIfNeeded());
await shotUrl('desktop-trace-zh', '#v=1&r=national&h0.l=1&h0.d=3', '#trace', async (p) => { await p.click('#trace summary'); await p.locator('#trace table').scrollIntoViewIfNeeded(); });
await shotUrl('phone-trace-en', '#v=1&lang=en&r=national&h0.l=1&h0.d=3', '#trace', async (p) => { await p.click('#trace summary'); await p.locator('#trace table').scrollIntoViewIfNeeded(); }, { width: 360, height: 740 });
await shotUrl('desktop-cap-combined', '#v=1&e=120&sz=medium&h0.l=1&h0.d=3&bl=1&rr=1&a.blacklist=yes', '#combined', (p) => p.locator('#combined').scrollIntoViewIfNeeded());
// Issue 14 in part: the breakdown with its chart, and the phone while editing the accident table.
await shotUrl('desktop-breakdown', '#v=1&e=120&h0.l=1&h0.d=3', '#breakdown', (p) => p.locator('#breakdown').scrollIntoViewIfNeeded());
await shotUrl('phone-editing-history', '#v=1&e=120&h0.l=1&h0.d=3', '#premium', (p) => p.locator('#f-h0-d').scrollIntoViewIfNeeded(), { width: 360, height: 740 });
await shotUrl('phone-breakdown-en', '#v=1&lang=en&e=120&h0.l=1&h0.d=3', '#breakdown', (p) => p.locator('#breakdown').scrollIntoViewIfNeeded(), { width: 360, height: 740 });
// Issue 14: the print sheet (print media), the phone self-assessment, and the iframe summary on a phone.
await shotUrl('desktop-print-sheet', '#v=1&e=120&h0.l=1&h0.d=3&bl=1', '#tier', async (p) => { await p.emulateMedia({ media: 'print' }); await p.evaluate(() => window.scrollTo(0, 0)); });
await shotUrl('phone-self-assessment', '#v=1&e=120&bl=1', '#q-blacklist', (p) => p.locator('#q-blacklist').scrollIntoViewIfNeeded(), { width: 360, height: 740 });
await shotUrl('phone-iframe-summary', 'iframe.html', '#events li', (p) => p.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2)), { width: 360, height: 740 });
// Issue 17: an offer checked, desktop and phone, both languages.
const offer = 'd=2026-06-01&o.ins=%E6%9F%90%E8%B4%A2%E9%99%A9&o.prem=60000&o.pp=30&o.n=80&o.uni=yes&o.c.employee_injury=1&o.c.medical=1&o.s.hazard_inspection=1&o.pay=enterprise&o.end=2027-05-31';
await shotUrl('desktop-offer', `#v=1&${offer}`, '#offer-verdict', (p) => p.locator('#offer-verdict').evaluate((e) => e.scrollIntoView({ block: 'start' })));
await shotUrl('desktop-offer-en', `#v=1&lang=en&${offer}`, '#offer-verdict', (p) => p.locator('#offer-verdict').evaluate((e) => e.scrollIntoView({ block: 'start' })));
await shotUrl('phone-offer', `#v=1&${offer}`, '#offer-verdict', (p) => p.locator('#offer-verdict').evaluate((e) => e.scrollIntoView({ block: 'start' })), { width: 360, height: 740 });
await shotUrl('phone-offer-form-en', `#v=1&lang=en&${offer}`, '#offer-verdict', (p) => p.locator('#offer').evaluate((e) => e.scrollIntoView({ block: 'start' })), { width: 360, height: 740 });
// Issue 18: the rules page, and a province with no local rule in the calculator.
await shotUrl('desktop-rules-page', 'rules.html#r=jiangsu_wuxi&d=2026-06-01', '#rp-status:not(:empty)');
await shotUrl('phone-rules-page-beijing', 'rules.html#r=beijing&d=2026-06-01', '#rp-status:not(:empty)', null, { width: 360, height: 740 });
await shotUrl('desktop-no-local-rules', '#v=1&r=tibet', '#region-hint');
// Issue 16: the teaching demo, compact mode in a sidebar, the builder (desktop and phone).
await shotUrl('desktop-demo', 'demo.html', 'html[data-taught=true]', (p) => p.evaluate(() => window.scrollTo(0, 0)));
await shotUrl('desktop-compact-sidebar', 'demo.html', '#compact #premium', (p) => p.locator('#compact').evaluate((e) => e.closest('.demo-row').scrollIntoView()));
await shotUrl('phone-compact', 'demo.html', '#compact #premium', (p) => p.locator('#compact').evaluate((e) => e.scrollIntoView()), { width: 360, height: 740 });
await shotUrl('desktop-builder', 'builder.html', '#b-qr', (p) => p.evaluate(() => window.scrollTo(0, 0)));
await shotUrl('phone-builder', 'builder.html', '#b-qr', (p) => p.locator('#b-link').scrollIntoViewIfNeeded(), { width: 360, height: 740 });
// Issue 15: the prerendered page before the wasm arrives (held), with the wasm blocked, a link while
// it computes (static frame hidden), and panels laid out lazily (content-visibility) once scrolled to.
const staticShot = async (name, { url = '', viewport, wasm = 'hold', lang = 'zh-CN', setup } = {}) => {
  const ctx = await browser.newContext({ viewport, locale: lang });
  const page = await ctx.newPage();
  await page.route('**/baofei-page_bg.wasm', (route) => (wasm === 'abort' ? route.abort() : new Promise(() => {})));
  await page.goto(`${server.url}${url}`, { keepPrerendered: true, waitUntil: 'load' }).catch(() => {});
  await page.waitForTimeout(800);
  await setup?.(page);
  await page.screenshot({ path: join(out, `${name}.png`) });
  await ctx.close();
};
await staticShot('phone-prerendered', { viewport: { width: 360, height: 740 } });
await staticShot('desktop-prerendered', { viewport: { width: 1280, height: 900 } });
await staticShot('phone-wasm-blocked', { viewport: { width: 360, height: 740 }, wasm: 'abort' });
await staticShot('desktop-wasm-blocked-en', { viewport: { width: 1280, height: 900 }, wasm: 'abort', lang: 'en' });
await staticShot('phone-link-computing', { url: '#v=1&e=250&r=jilin', viewport: { width: 360, height: 740 } });
await staticShot('phone-link-computing-en', { url: '#v=1&lang=en&e=250', viewport: { width: 360, height: 740 } });
await staticShot('phone-first-visit-computing-en', { viewport: { width: 360, height: 740 }, lang: 'en-US' });
await shotUrl('phone-scrolled-panels', '', '#premium', (p) => p.evaluate(() => window.scrollTo(0, document.body.scrollHeight * 0.55)), { width: 360, height: 740 });
await shotUrl('desktop-scrolled-panels-en', '#v=1&lang=en', '#premium', (p) => p.evaluate(() => window.scrollTo(0, document.body.scrollHeight * 0.6)));
await browser.close();
await server.close();
console.log(`screenshots written to ${out}`);
