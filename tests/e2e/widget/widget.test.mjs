// The built widget in real headless Chromium: typing, live results, share links, language, errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, type, chromiumOnly } from '../harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const premium = (page) => page.getAttribute('#premium', 'data-yuan');

test('typing a headcount shows the premium the engine computed', async () => {
  const { page, log } = await open(browser, server.url);
  // Defaults: Chongqing, hazardous-chemicals production, 100 employees (small), legal minimum 40万.
  assert.equal(await premium(page), '56700.00');
  await type(page, '#f-e', '200');
  // 200 × 40万 × 1‰ × 1.50 (sector) × 1.05 (small) × 0.90 (no accident) = 113,400.00
  await page.waitForFunction(() => document.querySelector('#premium')?.dataset.yuan === '113400.00');
  assert.equal(await premium(page), '113400.00');
  assert.match(await page.textContent('#premium'), /11\.34万元/);
  assert.match(await page.textContent('#obligation'), /强制投保/);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('Chongqing hazardous chemicals with a 较大 accident last year: loaded premium and the 150% cap message', async () => {
  const { page } = await open(browser, server.url);
  await page.selectOption('#f-r', 'chongqing');
  await type(page, '#f-e', '100');
  await page.selectOption('#f-sz', 'medium');
  await type(page, '#f-h0-l', '1');
  await type(page, '#f-h0-d', '3');
  // 60,000 guided × (1.20 较大 × 2.00 for 3 deaths) = 144,000.00, inside the +150% band.
  await page.waitForFunction(() => document.querySelector('#premium')?.dataset.yuan === '144000.00');
  const warning = await page.textContent('#warnings [data-code=loaded_band]');
  assert.match(warning, /浮动幅度最高可达\+150%，即保费最高为浮动前指导保费的2\.5倍/);
  assert.match(warning, /渝府办发〔2017〕182号/);
  assert.match(await page.textContent('#band'), /2\.50/);
  // Blacklisted as well: 3.12 is capped at 2.50.
  await page.check('#f-bl');
  await page.waitForFunction(() => document.querySelector('#premium')?.dataset.yuan === '150000.00');
  assert.ok(await page.$('#warnings [data-code=float_clamped]'));
  await page.close();
});

test('the live region holds the figures and warnings only; explanations follow the first paint outside it', async () => {
  const { page } = await open(browser, server.url);
  await page.locator('#trace').waitFor({ state: 'attached' });
  const live = page.locator('.bf-result [aria-live]');
  assert.equal(await live.count(), 1);
  assert.equal(await live.locator('#premium').count(), 1);
  for (const id of ['#trace', '#services', '#penalty', '#next-steps']) assert.equal(await live.locator(id).count(), 0, id);
  assert.equal(await page.locator('.bf-result #trace').count(), 1);
  await page.close();
});

test('a share link restores the same state', async () => {
  const { page } = await open(browser, server.url);
  await page.selectOption('#f-r', 'jilin');
  await type(page, '#f-e', '250');
  await type(page, '#f-h1-o', '2');
  await page.waitForFunction(() => location.hash.includes('e=250'));
  const link = await page.inputValue('#share-link');
  const shown = await premium(page);
  assert.ok(await page.$('.bf-qr path'), 'QR code drawn');
  const second = await open(browser, link);
  assert.equal(await second.page.inputValue('#f-e'), '250');
  assert.equal(await second.page.inputValue('#f-r'), 'jilin');
  assert.equal(await second.page.inputValue('#f-h1-o'), '2');
  assert.equal(await premium(second.page), shown);
  await page.close(); await second.page.close();
});

test('switching language changes every label and keeps the figure', async () => {
  const { page } = await open(browser, server.url);
  const before = await premium(page);
  assert.match(await page.textContent('h1'), /安责险/);
  await page.click('#lang-toggle');
  await page.waitForFunction(() => document.querySelector('h1').textContent.startsWith('Work-safety'));
  assert.equal(await page.getAttribute('.bf', 'lang'), 'en');
  assert.match(await page.textContent('#obligation'), /Compulsory/);
  assert.equal(await premium(page), before);
  await page.close();
});

test('bad input shows a field error in the current language, and no figure', async () => {
  const { page, log } = await open(browser, server.url);
  await type(page, '#f-e', '-5');
  // While the user is still typing, the field's error waits (issue 14: errors after leaving a field).
  await page.locator('#typing').waitFor();
  assert.equal(await page.locator('#f-e-err').count(), 0);
  await page.keyboard.press('Tab');
  await page.waitForSelector('#f-e-err');
  assert.match(await page.textContent('#f-e-err'), /不能为负数/);
  assert.equal(await page.getAttribute('#f-e', 'aria-invalid'), 'true');
  assert.equal(await page.$('#premium'), null);
  assert.match(await page.textContent('.bf-errors'), /不能为负数/);
  await page.click('#lang-toggle');
  await page.waitForFunction(() => /cannot be negative/.test(document.querySelector('#f-e-err')?.textContent ?? ''));
  const body = await page.textContent('body');
  assert.doesNotMatch(body, /NaN|undefined|panicked/);
  await type(page, '#f-e', '100');
  await page.waitForSelector('#premium');
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('works on a 360 px phone without horizontal scrolling', async () => {
  const { page } = await open(browser, server.url, { width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await page.close();
});

test('the self-assessment prices each gap with the engine', async () => {
  const { page } = await open(browser, server.url);
  await page.check('#f-bl');
  await page.check('#q-hazard_inspection-no');
  await page.waitForSelector('#gaps li[data-question=blacklist]');
  assert.match(await page.textContent('#tier'), /高风险/);
  // Leaving the blacklist removes its 1.30 load: 56,700 → the engine's own figure, shown as a saving.
  assert.match(await page.textContent('#gaps li[data-question=blacklist]'), /可节省/);
  assert.match(await page.textContent('#gaps li[data-question=hazard_inspection]'), /不直接影响保费/);
  await page.close();
});

test('no network request after the page has loaded', async () => {
  const { page, log } = await open(browser, server.url);
  await type(page, '#f-e', '321');
  await page.click('#lang-toggle');
  await page.waitForTimeout(300);
  assert.deepEqual(log.requests, []);
  await page.close();
});

test('print view is a clean quote sheet: facts used, premium, sources and the self-assessment result; no form', chromiumOnly("print-media emulation (Playwright's emulateMedia does nothing over Firefox's BiDi)"), async () => {
  const { page } = await open(browser, server.url);
  await type(page, '#f-h0-o', '1');
  await type(page, '#f-h0-d', '1');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('.bf-form'), false);
  // The self-assessment's result prints (issue 14 point 6), its questions do not.
  assert.equal(await page.isVisible('.bf-questions'), false);
  assert.equal(await page.isVisible('#tier'), true);
  assert.equal(await page.isVisible('#print'), false);
  assert.ok(await page.isVisible('.bf-summary'));
  assert.match(await page.textContent('.bf-summary'), /上一年: 一般 1, 死亡人数 1/);
  assert.ok(await page.isVisible('#premium'));
  assert.ok(await page.isVisible('#trace tr[data-step=base_premium]'), 'trace printed even when collapsed');
  await page.close();
});

test('the per-person limit shows the legal minimum in force as its default', async () => {
  const { page } = await open(browser, server.url);
  assert.equal(await page.getAttribute('#f-pp', 'placeholder'), '40');
  await page.fill('#f-d', '2024-06-01');
  await page.waitForFunction(() => document.querySelector('#f-pp').placeholder === '30');
  assert.match(await page.textContent('#minimum'), /30万元/);
  await page.close();
});

test('guidance notes and priced next steps appear with their citations', async () => {
  const { page } = await open(browser, server.url);
  await page.selectOption('#f-sz', 'medium');
  await page.selectOption('#f-oc', 'employer_liability');
  await page.check('#f-dep');
  const note = await page.waitForSelector('#notes li[data-code=convert_other_cover]');
  assert.match(await note.textContent(), /增加投保或调整投保为安全生产责任保险/);
  assert.match(await note.textContent(), /渝府办发〔2017〕182号 三\(三\)/);
  assert.ok(await page.$('#notes li[data-code=risk_deposit]'));
  // Standardisation grade 3 (0.95): 60,000 × 0.90 × 0.95 = 51,300 vs 54,000 today: saves 2,700.00.
  const step = await page.textContent('#next-steps li[data-step=standardisation]');
  assert.match(step, /可节省 2,700\.00元/);
  await page.close();
});

test('an accident entered by its facts gets its grade from the engine and loads the band', async () => {
  const { page } = await open(browser, server.url);
  await page.click('#facts summary');
  await type(page, '#f-h0-a0-d', '3');
  await page.waitForFunction(() => /较大/.test(document.querySelector('#grade-0-0').textContent));
  await page.waitForSelector('#warnings [data-code=loaded_band]');
  await type(page, '#f-h0-a0-d', '2');
  await page.waitForFunction(() => /一般/.test(document.querySelector('#grade-0-0').textContent));
  assert.equal(await page.$('#warnings [data-code=loaded_band]'), null);
  await type(page, '#f-h0-a0-l', '1000');
  await page.waitForFunction(() => /较大/.test(document.querySelector('#grade-0-0').textContent));
  await page.close();
});
