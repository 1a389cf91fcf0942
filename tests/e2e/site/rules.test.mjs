// Issue 18: the rules page, generated from the rule data at build time, shows what is in force in a
// region on a date, most local first, and what changes next; the calculator links to it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open } from '../harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const visible = (page, sel) => page.$$eval(sel, (els) => els.filter((e) => e.offsetParent !== null).map((e) => e.textContent));

test('national rules on 2025-01-01: the 30万 minimum, and the next change is 2025-03-29', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${server.url}rules.html#r=national&d=2025-01-01`);
  await page.waitForFunction(() => document.getElementById('rp-status').textContent.length > 0);
  const shown = (await visible(page, '.rp-scope li')).join('\n');
  assert.match(shown, /不低于 30万元/);
  assert.doesNotMatch(shown, /不低于 40万元/);
  assert.match(await page.textContent('#rp-next'), /下一次变化：2025-03-29/);
  await page.fill('#rp-date', '2026-06-01');
  await page.dispatchEvent('#rp-date', 'change');
  const later = (await visible(page, '.rp-scope li')).join('\n');
  assert.match(later, /不低于 40万元/);
  assert.doesNotMatch(later, /安监总办〔2017〕140号/, 'the repealed measures are gone');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a city shows its own rules, then its province\'s, then the national; a bare province says so', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}rules.html#r=jiangsu_wuxi&d=2026-06-01`);
  await page.waitForFunction(() => document.getElementById('rp-status').textContent.length > 0);
  const scopes = await page.$$eval('.rp-scope', (s) => s.filter((e) => !e.hidden).map((e) => e.dataset.scope));
  assert.deepEqual(scopes, ['jiangsu_wuxi', 'national'], 'Jiangsu itself has no rule of its own');
  assert.match((await visible(page, '.rp-scope[data-scope=jiangsu_wuxi] li')).join(''), /不低于保费的 20%/);
  assert.equal(await page.locator('#rp-none').isVisible(), false);
  await page.selectOption('#rp-region', 'tibet');
  assert.equal(await page.locator('#rp-none').isVisible(), true);
  assert.deepEqual(await page.$$eval('.rp-scope', (s) => s.filter((e) => !e.hidden).map((e) => e.dataset.scope)), ['national']);
  await page.selectOption('#rp-region', 'guangdong_meizhou');
  const gd = await page.$$eval('.rp-scope', (s) => s.filter((e) => !e.hidden).map((e) => e.dataset.scope));
  assert.deepEqual(gd, ['guangdong', 'national'], 'Meizhou\'s own 2021–2025 note has ended; Guangdong\'s rule applies');
  assert.match(page.url(), /#r=guangdong_meizhou&d=2026-06-01$/);
  await page.close();
});

test('the calculator links to the rules page for its region and date', async () => {
  const { page } = await open(browser, `${server.url}#v=1&r=hebei&d=2026-06-01`);
  assert.equal(await page.getAttribute('#rules-link', 'href'), 'rules.html#r=hebei&d=2026-06-01');
  await page.click('#rules-link');
  await page.waitForFunction(() => document.getElementById('rp-status')?.textContent.length > 0);
  assert.match((await visible(page, '.rp-scope[data-scope=hebei] li')).join(''), /不低于保费的 15%/);
  await page.close();
});

test('a local minimum below the national one that applies is marked superseded, not in force (newcomer 1.17)', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}rules.html#r=chongqing&d=2026-12-03`);
  const lower = page.locator('li:not([hidden]).rp-lower');
  await lower.first().waitFor();
  assert.match(await lower.first().textContent(), /30万元.*低于当日适用的 40万元，不适用/s);
  assert.equal(await page.locator('li:not([hidden]) .rp-superseded').count(), await lower.count());
  // Before 2025-03-29 the national minimum was 30万 too: nothing is superseded.
  await page.goto(`${server.url}rules.html#r=chongqing&d=2025-01-01`);
  await page.reload();
  await page.locator('#rp-status').waitFor();
  await page.waitForFunction(() => document.getElementById('rp-status').textContent.includes('2025-01-01'));
  assert.equal(await page.locator('li:not([hidden]).rp-lower').count(), 0);
  await page.close();
});
