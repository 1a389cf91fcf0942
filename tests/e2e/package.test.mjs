// The npm package built by scripts/package.sh: it imports, quotes, types and ships the widget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, access } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const PKG = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'pkg');

test('the package API quotes in Node with decimals as strings and structured errors', async () => {
  const api = await import(join(PKG, 'baofei.js'));
  await api.default({ module_or_path: await readFile(join(PKG, 'baofei_bg.wasm')) });
  const q = api.quote({ as_of: '2026-06-01', region: 'chongqing', line: 'work_safety', sector: 'hazardous_chemicals.production', employees: 100, size_class: 'medium' });
  assert.equal(q.premium, '54000.00');
  assert.equal(q.obligation.level, 'compulsory');
  assert.throws(() => api.quote({ as_of: '2026-06-01', region: 'chongqing', line: 'work_safety', sector: 'x', employees: '-1' }), (e) => {
    assert.equal(e.name, 'BaofeiError');
    assert.ok(e.errors.some((x) => x.field === 'employees' && x.message_zh && x.message_en));
    return true;
  });
  const report = api.validatePack({ meta: {} });
  assert.equal(report.ok, false);
  assert.ok(report.errors.length > 0);
  const s = api.sectors('jilin', 'environmental', '2026-06-01');
  assert.equal(s.find((x) => x.id === 'heavy_metals.smelting').obligation, 'expected');
});

test('the package declares typed functions and ships the widget', async () => {
  const dts = await readFile(join(PKG, 'baofei.d.ts'), 'utf8');
  assert.match(dts, /export interface Quote \{/);
  assert.match(dts, /export function quote\(input: QuoteInput\): Quote;/);
  assert.match(dts, /export function loadPack\(pack: object \| string\): PackReport;/);
  const pkg = JSON.parse(await readFile(join(PKG, 'package.json'), 'utf8'));
  assert.equal(pkg.types, './baofei.d.ts');
  for (const f of ['widget/embed/baofei-embed.js', 'widget/baofei-web_bg.wasm', 'widget/styles.css']) await access(join(PKG, f));
});

test('security review F3: deep and cyclic input in Node never breaks the instance', async () => {
  const api = await import(join(PKG, 'baofei.js'));
  await api.default({ module_or_path: await readFile(join(PKG, 'baofei_bg.wasm')) });
  const valid = { as_of: '2026-06-01', region: 'chongqing', line: 'work_safety', sector: 'hazardous_chemicals.production', employees: 100, size_class: 'medium' };
  const hostile = JSON.parse(JSON.stringify(valid).replace('"employees":100', `"employees":${'['.repeat(5000)}0${']'.repeat(5000)}`));
  const deep100k = { ...valid, region: JSON.parse(`${'['.repeat(100000)}0${']'.repeat(100000)}`) };
  const cyclic = { ...valid };
  cyclic.self = cyclic;
  for (let i = 0; i < 10; i++) {
    for (const bad of [hostile, deep100k, cyclic]) {
      assert.throws(() => api.quote(bad), (e) => e.name === 'BaofeiError');
    }
    assert.equal(api.quote(valid).premium, '54000.00');
  }
  assert.equal(api.validatePack(api.referencePack()).ok, true);
  assert.throws(() => api.quote({ ...valid, blacklist: true }), (e) => e.errors.some((x) => x.field === 'blacklist'));
});

test('checkOffer in Node: the failed rule with its citation and question; bad offer fields named', async () => {
  const api = await import(join(PKG, 'baofei.js'));
  await api.default({ module_or_path: await readFile(join(PKG, 'baofei_bg.wasm')) });
  const enterprise = { as_of: '2026-06-01', region: 'chongqing', line: 'work_safety', sector: 'hazardous_chemicals.production', employees: 100, size_class: 'medium' };
  const c = api.checkOffer(enterprise, { start: '2026-06-01', end: '2027-05-31', premium: '60000', per_person_limit: 300000, insured: 100, uniform: 'yes' });
  assert.equal(c.verdict, 'fails');
  assert.equal(c.legal_failures, 1);
  const min = c.checks.find((k) => k.id === 'minimum_limit');
  assert.equal(min.verdict, 'fails');
  assert.equal(min.sources[0].article, '第十五条');
  assert.match(min.question_zh, /不低于 40万元/);
  assert.equal(c.implied_float, '1');
  assert.equal(c.quote.limits.minimum_per_person, '400000');
  assert.throws(() => api.checkOffer(enterprise, { premum: '1' }), (e) => e.errors.some((x) => x.field === 'offer.premum'));
  assert.throws(() => api.checkOffer(enterprise, { payer: 'insurer', premium: 'abc' }), (e) =>
    ['offer.payer', 'offer.premium'].every((f) => e.errors.some((x) => x.field === f && !x.message_en.includes('offer.'))));
  const dts = await readFile(join(PKG, 'baofei.d.ts'), 'utf8');
  assert.match(dts, /export function checkOffer\(input: QuoteInput, offer: OfferInput\): OfferCheck;/);
});
