// The npm package built by scripts/package.sh: it imports, quotes, types and ships the widget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, access } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PKG = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'pkg');

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

test('issue 33: a host\'s local rules through the API: quoted under them and marked as the host\'s; a refused file throws every error and never quotes', async () => {
  const api = await import(join(PKG, 'baofei.js'));
  await api.default({ module_or_path: await readFile(join(PKG, 'baofei_bg.wasm')) });
  const file = JSON.parse(await readFile(join(PKG, '..', 'docs', 'local-rules', 'example-shifan.json'), 'utf8'));
  const input = { as_of: '2026-06-01', region: 'jiangsu_shifan', line: 'work_safety', sector: 'hazardous_chemicals.production', employees: '100', size_class: 'medium' };
  // Object or JSON text, with or without an insurer's pack.
  for (const q of [api.createQuoter({ localRules: file }), api.createQuoter({ localRules: JSON.stringify(file), pack: api.referencePack() })]) {
    const r = q.quote(input);
    assert.equal(r.limits.minimum_per_person, '500000');
    assert.equal(r.premium, '67500.00');
    assert.equal(r.trace.find((s) => s.id === 'minimum_limit').source.host, true);
    assert.ok(r.trace.every((s) => s.id === 'minimum_limit' || s.id === 'prevention.min' || !s.source?.host), 'only the host\'s values are marked');
  }
  // The shipped rules know no such city, and the module-level API is untouched.
  assert.throws(() => api.quote(input), (e) => e.errors.some((x) => x.field === 'region'));
  assert.deepEqual(api.validateLocalRules(file), { ok: true, region: 'jiangsu_shifan', errors: [] });
  const bad = structuredClone(file);
  bad.minimum_limit[0].value = '300000';
  bad.obligations[0].regions = ['beijing'];
  const rep = api.validateLocalRules(bad);
  assert.equal(rep.ok, false);
  assert.deepEqual(rep.errors.map((e) => e.field).sort(), ['minimum_limit.0.value', 'obligations.0.regions.0']);
  assert.throws(() => api.createQuoter({ localRules: bad }), (e) => e.name === 'BaofeiError' && e.errors.length === 2);
});

test('the package declares typed functions and ships the widget', async () => {
  const dts = await readFile(join(PKG, 'baofei.d.ts'), 'utf8');
  assert.match(dts, /export interface Quote \{/);
  assert.match(dts, /export function quote\(input: QuoteInput\): Quote;/);
  assert.match(dts, /export function loadPack\(pack: object \| string\): PackReport;/);
  const pkg = JSON.parse(await readFile(join(PKG, 'package.json'), 'utf8'));
  assert.equal(pkg.types, './baofei.d.ts');
  for (const f of ['widget/embed/baofei-embed.js', 'widget/baofei-web_bg.wasm', 'widget/styles.css',
    'widget/baofei-page.js', 'widget/baofei-page_bg.wasm', 'widget/start.js', 'widget/prepaint.js',
    // Issue 31: the standalone page's first look and English frame travel with it.
    'widget/baofei-first.js', 'widget/baofei-first_bg.wasm', 'widget/frame-en.html',
    // The rules page the standalone page links to (integrator review m9), without the site's service worker.
    'widget/rules.html', 'widget/rules.js']) await access(join(PKG, f));
  assert.doesNotMatch(await readFile(join(PKG, 'widget', 'rules.html'), 'utf8'), /offline\.js/);
  // Issue 30 M8: the pack format's JSON Schema, exported, the same as docs/ (which a CLI test keeps generated).
  assert.equal(pkg.exports['./pack.schema.json'], './pack.schema.json');
  // The guide the shipped EMBEDDING.md links to, beside it.
  assert.match(await readFile(join(PKG, 'EMBEDDING.md'), 'utf8'), /\]\(pack-format\.md\)/);
  await access(join(PKG, 'pack-format.md'));
  assert.equal(await readFile(join(PKG, 'pack.schema.json'), 'utf8'), await readFile(new URL('../../../docs/pack.schema.json', import.meta.url), 'utf8'));
});

test('issue 30 m11: the guides shipped in the package name only files the package holds, and no repository tool', async () => {
  const files = new Set();
  const walk = async (dir) => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (e.isDirectory()) await walk(join(dir, e.name));
      else files.add(e.name);
    }
  };
  await walk(PKG);
  // Names of the host's own files in the examples (its pack, its local rules), not the package's.
  // And products named like files.
  const hosts = new Set(['my-pack.json', 'local-rules.json', 'Next.js', 'Node.js']);
  for (const doc of ['README.md', 'EMBEDDING.md', 'pack-format.md']) {
    const text = (await readFile(join(PKG, doc), 'utf8')).replace(/https?:\/\/\S+/g, '');
    assert.doesNotMatch(text, /<!--/, `${doc} keeps a source comment`);
    for (const [name] of text.matchAll(/[\w.-]+\.(?:html|m?js|wasm|css|json|md|sh|png|ico|csv)\b/g)) {
      const base = name.split('/').pop();
      if (hosts.has(base)) continue;
      // A name's ending (".wasm", ".compat_bg.wasm") names the files that end so.
      const held = base.startsWith('.') ? [...files].some((f) => f.endsWith(base)) : files.has(base);
      assert.ok(held, `${doc} names ${name}, which the package does not hold`);
    }
    for (const repo of [/\bscripts\//, /\bdist\//, /\bcrates\//, /`baofei (?:pack|rules|explain|impact|quote)\b/, /BENCHMARKS\.md/]) {
      assert.doesNotMatch(text, repo, `${doc} names the repository's ${repo}`);
    }
  }
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
  // Issue 30 M8: the tables that keep a quote illustrative, by path in the pack.
  assert.ok(api.validatePack(api.referencePack()).illustrative.includes('size_factors.national'));
  assert.throws(() => api.quote({ ...valid, blacklist: true }), (e) => e.errors.some((x) => x.field === 'blacklist'));
});

test('integrator m14: a call before init() says to await init(); isBaofeiError answers false; init() then works', async () => {
  // A module instance of its own (the query), not initialised by the tests before it.
  const api = await import(`${pathToFileURL(join(PKG, 'baofei.js')).href}?before-init`);
  assert.throws(() => api.quote({}), (e) => e instanceof Error && /await init\(\)/.test(e.message) && /quote/.test(e.message));
  assert.throws(() => api.sectors(), /the wasm is not loaded yet/);
  assert.equal(api.isBaofeiError(new Error('x')), false);
  await api.default({ module_or_path: await readFile(join(PKG, 'baofei_bg.wasm')) });
  assert.throws(() => api.quote({ employees: '-1' }), (e) => api.isBaofeiError(e));
});

test('integrator m13: malformed numbers, nulls and unknown fields are reported at once, each at its field and named, with no position in our JSON', async () => {
  const api = await import(join(PKG, 'baofei.js'));
  await api.default({ module_or_path: await readFile(join(PKG, 'baofei_bg.wasm')) });
  const valid = { as_of: '2026-06-01', region: 'chongqing', line: 'work_safety', sector: 'hazardous_chemicals.production', employees: 100, size_class: 'medium' };
  // A CSV row spread into quote(): a float, a NaN (null once stringified), a flag as text and two extra columns.
  const row = { ...valid, employees: 100.5, annual_revenue: NaN, blacklisted: 'yes', id: 7, row: 2 };
  assert.throws(() => api.quote(row), (e) => {
    const by = Object.fromEntries(e.errors.map((x) => [x.field, x]));
    assert.deepEqual(Object.keys(by).sort(), ['annual_revenue', 'blacklisted', 'employees', 'id', 'row']);
    assert.match(by.employees.message_zh, /^从业人员数须为整数或字符串：小数请写成字符串/);
    assert.match(by.employees.message_en, /^The number of employees must be a whole number or a string/);
    assert.match(by.annual_revenue.message_zh, /不能为 null/);
    assert.match(by.blacklisted.message_zh, /须为 true 或 false$/);
    assert.equal(by.id.code, 'unknown');
    for (const x of e.errors) {
      assert.doesNotMatch(`${x.message_zh} ${x.message_en}`, /line \d+ column|invalid type|expected/, x.field);
      assert.notEqual(x.field, 'input');
    }
    return true;
  });
  // An offer's and the offers' fields at their own paths.
  const offer = { insurer: 'A', start: '2026-06-01', end: '2027-05-31', premium: 54000.5, per_person_limit: '500000' };
  assert.throws(() => api.checkOffer(valid, { ...offer, comment: 'x' }), (e) =>
    e.errors.length === 2 && e.errors.some((x) => x.field === 'offer.premium' && x.message_zh.startsWith('报价保费须为整数或字符串'))
    && e.errors.some((x) => x.field === 'offer.comment' && x.code === 'unknown'));
  assert.throws(() => api.compareOffers(valid, [{ ...offer, premium: '54000' }, { ...offer, premium: '54000', insured: true }]), (e) =>
    e.errors.length === 1 && e.errors[0].field === 'offers.1.insured' && e.errors[0].message_zh === '报价 2：投保人数须为字符串或整数'
    && e.errors[0].message_en === 'Offer 2: The number of people insured must be a string or a whole number');
  // Still quoted once the row is mended.
  assert.equal(api.quote({ ...valid, employees: '101' }).line, 'work_safety');
});

test('compareOffers and outlook in Node: lawful first, best marked among lawful offers, bad fields at their offer; three renewals in three courses', async () => {
  const api = await import(join(PKG, 'baofei.js'));
  await api.default({ module_or_path: await readFile(join(PKG, 'baofei_bg.wasm')) });
  const enterprise = { as_of: '2026-06-01', region: 'chongqing', line: 'work_safety', sector: 'hazardous_chemicals.production', employees: 100, size_class: 'medium' };
  const offer = { start: '2026-06-01', end: '2027-05-31', premium: '60000', per_person_limit: 400000, insured: 100, uniform: 'yes', payer: 'enterprise' };
  const c = api.compareOffers(enterprise, [{ ...offer, premium: '40000', payer: 'employees' }, offer]);
  assert.deepEqual(c.ranking, [1, 0], 'the lawful offer first, though dearer');
  assert.deepEqual(c.rows.find((r) => r.id === 'premium').best, [1], 'the unlawful offer is never best');
  assert.match(c.offers[0].sentence_zh, /^不合法/);
  assert.throws(() => api.compareOffers(enterprise, [offer, { ...offer, premium: 'abc' }]), (e) => e.errors.some((x) => x.field === 'offers.1.premium' && x.message_zh.startsWith('报价 2：')));
  assert.throws(() => api.compareOffers(enterprise, []), (e) => e.errors.some((x) => x.field === 'offers'));
  const o = api.outlook(enterprise);
  assert.deepEqual(o.scenarios.map((s) => s.id), ['none', 'ordinary', 'larger']);
  assert.ok(o.scenarios.every((s) => s.renewals.length === 3 && s.renewals.every((r) => /^\d+\.\d\d$/.test(r.premium))));
  assert.equal(o.rules_date, '2026-06-01');
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
  assert.match(dts, /export function createQuoter\(arg\?: object \| string \| QuoterOptions( \| null)?\): Quoter;/);
  assert.match(dts, /export function validateLocalRules\(local: object \| string\): LocalRulesReport;/);
  assert.match(dts, /export function regions\(\): RegionInfo\[\];/);
});

// Integrator review 1, 6, 7, 9, 10: the tarball installed into a fresh project, used as an insurer would.
import { mkdtemp, writeFile, rm, readdir, cp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { execFileSync, spawnSync } from 'node:child_process';
import { serve, launch } from '../harness.mjs';

test('installed from the tarball: Node needs no init; two quoters, two packs, one law; regions; strict answers; the iframe page runs', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'baofei-consumer-'));
  try {
    const tgz = (await readdir(PKG)).find((f) => f.endsWith('.tgz'));
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent', join(PKG, tgz)], { cwd: dir, stdio: 'pipe' });
    const insurer = await readFile(join(PKG, 'widget', 'embed', 'example-insurer-pack.json'), 'utf8');
    await writeFile(join(dir, 'main.mjs'), `
      import { quote, createQuoter, regions, lines, assess, referencePack } from 'baofei';
      import { readFileSync } from 'node:fs';
      const input = { as_of: '2026-06-01', region: 'chongqing', line: 'work_safety', sector: 'hazardous_chemicals.production', employees: 100, size_class: 'medium' };
      const ref = createQuoter(), ins = createQuoter(readFileSync(process.argv[2], 'utf8'));
      let strict = 'accepted';
      try { assess(input, { blacklist: 'YES' }); } catch (e) { strict = e.errors.map((x) => x.field).join(','); }
      let unknown = 'accepted';
      try { assess(input, { nosuch: 'yes' }); } catch (e) { unknown = e.errors.map((x) => x.field).join(','); }
      console.log(JSON.stringify({
        premium: quote(input).premium,
        ref: ref.quote(input).premium, ins: ins.quote(input).premium,
        minRef: ref.quote(input).limits.minimum_per_person, minIns: ins.quote(input).limits.minimum_per_person,
        packs: [ref.pack, ins.pack], afterBoth: quote(input).premium,
        regions: regions().length, provinces: regions().filter((r) => r.id !== 'national' && !r.parent).length,
        wuxi: regions().find((r) => r.id === 'jiangsu_wuxi'), lines: lines().map((l) => l.id),
        strict, unknown, blacklisted: assess(input, { blacklist: 'yes' }).quote.premium,
      }));`);
    const out = JSON.parse(execFileSync('node', ['main.mjs', join(PKG, 'widget', 'embed', 'example-insurer-pack.json')], { cwd: dir, encoding: 'utf8' }));
    // Integrator review m17: an ES module package, which CommonJS loads with require() from Node 20.19
    // (require(esm); `engines` says so) and with import() anywhere.
    await writeFile(join(dir, 'main.cjs'), `
      const { quote } = require('baofei');
      import('baofei').then((m) => console.log(quote(${JSON.stringify({ as_of: '2026-06-01', region: 'chongqing', line: 'work_safety', sector: 'hazardous_chemicals.production', employees: 100, size_class: 'medium' })}).premium, m.quote === quote));
    `);
    assert.equal(execFileSync('node', ['main.cjs'], { cwd: dir, encoding: 'utf8' }).trim(), '54000.00 true');
    assert.equal(out.premium, '54000.00', 'Node: no init call needed');
    assert.equal(out.ref, '54000.00');
    assert.notEqual(out.ins, out.ref, 'the insurer pack prices differently');
    assert.equal(out.minRef, '400000');
    assert.equal(out.minIns, out.minRef, 'the same legal minimum');
    assert.match(out.packs[0], /^baofei-reference@/);
    assert.equal(out.packs[1], 'example-insurer@2026.1');
    assert.equal(out.afterBoth, '54000.00', 'quoters leave the module functions alone');
    assert.equal(out.provinces, 31);
    assert.equal(out.wuxi.parent, 'jiangsu');
    assert.deepEqual(out.lines, ['work_safety', 'environmental']);
    assert.equal(out.strict, 'answers.blacklist');
    assert.equal(out.unknown, 'answers.nosuch');
    assert.ok(Number(out.blacklisted) > 54000);
    JSON.parse(insurer);
    // The iframe page (widget/index.html) from the installed copy: it loads start.js and renders.
    const widget = join(dir, 'node_modules', 'baofei', 'widget');
    await access(join(widget, 'start.js'));
    const server = await serve(widget);
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}index.html#v=1&e=100&sz=medium&d=2026-06-01`);
      await page.locator('#premium').waitFor({ timeout: 30000 });
      assert.equal(await page.getAttribute('#premium', 'data-yuan'), '54000.00');
    } finally {
      await browser.close();
      await server.close();
    }
    for (const f of ['LICENSE-MIT', 'LICENSE-APACHE', 'CHANGELOG.md', 'README.md', 'node.js']) await access(join(dir, 'node_modules', 'baofei', f));
    // Integrator review 2026-12, M3: the guide's default import works in Node (the node entry has one).
    await writeFile(join(dir, 'default.mjs'), `import init, { quote } from 'baofei'; await init();
      console.log(quote({ as_of: '2026-06-01', region: 'chongqing', line: 'work_safety', sector: 'hazardous_chemicals.production', employees: 100, size_class: 'medium' }).premium);`);
    assert.equal(execFileSync('node', ['default.mjs'], { cwd: dir, encoding: 'utf8' }).trim(), '54000.00');
    // M2: a bundle for Node (server routes, serverless) keeps the node entry's initialisation, which
    // "sideEffects" once let the bundler drop.
    await writeFile(join(dir, 'server.mjs'), `import { quote } from 'baofei';
      console.log(quote({ as_of: '2026-06-01', region: 'chongqing', line: 'work_safety', sector: 'hazardous_chemicals.production', employees: 100, size_class: 'medium' }).premium);`);
    const esbuild = join(process.env.BAOFEI_TOOLS ?? join(process.env.HOME, '.cache', 'baofei-tools'), 'node_modules', '.bin', 'esbuild');
    execFileSync(esbuild, ['server.mjs', '--bundle', '--platform=node', '--format=esm', '--outfile=out/server.mjs', '--loader:.wasm=file'], { cwd: dir, stdio: 'pipe' });
    await cp(join(dir, 'node_modules', 'baofei', 'baofei_bg.wasm'), join(dir, 'out', 'baofei_bg.wasm'));
    assert.equal(execFileSync('node', ['out/server.mjs'], { cwd: dir, encoding: 'utf8' }).trim(), '54000.00', 'the bundled node entry initialised the engine');
    // The declarations, type-checked as an insurer's strict TypeScript project would (integrator
    // review, must-show): a correct consumer passes, a wrong one fails on each wrong line.
    const tsc = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'typescript', 'bin', 'tsc');
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'] }, files: ['consumer.ts'] }));
    const good = `
      import { quote, createQuoter, checkOffer, regions, assess, isBaofeiError, type Quote, type OfferCheck, type Verdict, type RegionInfo } from 'baofei';
      import type { BaofeiQuoteDetail } from 'baofei/widget';
      import { mountFrame, type FrameHandle } from 'baofei/iframe';
      const input = { as_of: '2026-06-01', region: 'chongqing', line: 'work_safety' as const, sector: 'hazardous_chemicals.production', employees: 100 };
      const q: Quote = quote(input);
      const premium: string = q.premium;
      const min: string | null = q.limits.minimum_per_person;
      const c: OfferCheck = checkOffer(input, { premium: '60000', covers: ['rescue', 'medical'], services: [{ id: 'training', per_year: 1 }], payer: 'enterprise' });
      const v: Verdict = c.checks[0].verdict;
      const legal: boolean = c.checks[0].legal;
      const r: RegionInfo = regions()[0];
      const parent: string | undefined = r.parent;
      const other: string = createQuoter().quote(input).premium + createQuoter('{}').pack;
      const tier: 'low' | 'medium' | 'high' = assess(input, { blacklist: 'yes' }).assessment.tier;
      try { quote({ ...input, employees: '-1' }); } catch (e) { if (isBaofeiError(e)) console.log(e.errors[0].field, e.known?.minimum_per_person); }
      const el = document.querySelector('baofei-quote');
      if (el) el.pack = '{}';
      document.addEventListener('baofei-quote', (e) => { const d: BaofeiQuoteDetail = e.detail; console.log(d.premium, d.campaign, d.quote.risk_tier); });
      const frame: FrameHandle = mountFrame(document.body, { mode: 'compact', lang: 'en' });
      // m12: the input is keyed on its line; a region completes from the shipped ids and stays open to local rules'.
      const env: Quote = quote({ as_of: '2026-06-01', region: 'guangdong', line: 'environmental', sector: 'heavy_metals.smelting', employees: 100, env_risk_grade: 'larger', env_credit_grade: 'good' });
      const city: RegionInfo['id'] = 'jiangsu_shifan';
      console.log(premium, min, v, legal, parent, other, tier, frame.frame.src, env.premium, city);
    `;
    await writeFile(join(dir, 'consumer.ts'), good);
    try { execFileSync('node', [tsc, '-p', '.'], { cwd: dir, stdio: 'pipe' }); } catch (e) { assert.fail(e.stdout.toString()); }
    await writeFile(join(dir, 'consumer.ts'), `${good}
      const n: number = quote(input).premium;
      checkOffer(input, { covers: ['everything'] });
      const w: Verdict = 'maybe';
      mountFrame(document.body, { mode: 'tiny' });
      quote({ as_of: '2026-06-01', region: 'guangdong', line: 'environmental', sector: 'heavy_metals.smelting', employees: 100 });
    `);
    let errors = '';
    try { execFileSync('node', [tsc, '-p', '.'], { cwd: dir, stdio: 'pipe' }); } catch (e) { errors = e.stdout.toString(); }
    assert.equal((errors.match(/error TS/g) ?? []).length, 5, errors);
    assert.match(errors, /env_risk_grade/, 'the environmental line without its grades');
    // Integrator review m12: a Node-only project (lib ES2022 and no DOM, the libraries' declarations
    // checked too) compiles against the API; a line argument and a sector's basis are unions.
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022'], types: [], skipLibCheck: false }, files: ['node.ts'] }));
    const nodeGood = `
      import init, { quote, sectors, isBaofeiError, type InitOutput } from 'baofei';
      export async function run(): Promise<void> {
        const out: InitOutput = await init();
        const basis: 'headcount' | 'contract_value' | 'tonnage' | 'vehicles' | 'seats' | 'aggregate_limit' = sectors('chongqing', 'work_safety', '2026-06-01')[0].basis;
        try { quote({ as_of: '2026-06-01', region: 'chongqing', line: 'work_safety', sector: 'x' }); } catch (e) { if (isBaofeiError(e)) console.log(e.errors.length, basis, out.memory); }
      }
    `;
    await writeFile(join(dir, 'node.ts'), nodeGood);
    try { execFileSync('node', [tsc, '-p', '.'], { cwd: dir, stdio: 'pipe' }); } catch (e) { assert.fail(e.stdout.toString()); }
    await writeFile(join(dir, 'node.ts'), `${nodeGood}
      sectors('chongqing', 'work-safety', '2026-06-01');
      const b: 'per_head' = sectors('chongqing', 'work_safety', '2026-06-01')[0].basis;
      export async function bad(): Promise<unknown> { return (await init()).quote; }
    `);
    errors = '';
    try { execFileSync('node', [tsc, '-p', '.'], { cwd: dir, stdio: 'pipe' }); } catch (e) { errors = e.stdout.toString(); }
    assert.equal((errors.match(/error TS/g) ?? []).length, 3, errors);
    // Integrator review m2 and m3: the guide's bundler imports of the assets (their URLs) and
    // <baofei-quote> in React's JSX, with a ref typed as the element, type-check in a strict project
    // resolving like a bundler; a wrong attribute value, a wrong mode and a file the package lacks fail.
    await symlink(join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '@types'), join(dir, 'node_modules', '@types'), 'dir');
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'esnext', moduleResolution: 'bundler', target: 'es2022', lib: ['es2022', 'dom'], jsx: 'react-jsx', types: [] }, files: ['app.tsx'] }));
    const app = `
      import init, { quote } from 'baofei';
      import apiWasm from 'baofei/baofei_bg.wasm';
      import { configure, type BaofeiQuote } from 'baofei/widget';
      import widgetWasm from 'baofei/widget/baofei-web_bg.wasm';
      import widgetCss from 'baofei/widget/styles.css';
      import type {} from 'baofei/jsx';
      import { useRef } from 'react';
      configure({ wasm: widgetWasm, css: widgetCss });
      await init({ module_or_path: apiWasm });
      export function Estimate() {
        const ref = useRef<BaofeiQuote>(null);
        if (ref.current) ref.current.pack = '{}';
        return <baofei-quote ref={ref} region="jilin" line="environmental" aggregate-limit={500} lang="en" awaits-pack mode="compact" />;
      }
      console.log(quote, apiWasm.length);
    `;
    await writeFile(join(dir, 'app.tsx'), app);
    try { execFileSync('node', [tsc, '-p', '.'], { cwd: dir, stdio: 'pipe' }); } catch (e) { assert.fail(e.stdout.toString()); }
    await writeFile(join(dir, 'app.tsx'), `${app}
      export const wrong = [<baofei-quote line="marine" />, <baofei-quote mode="tiny" />];
      import missing from 'baofei/widget/missing.txt';
      console.log(missing);
    `);
    errors = '';
    try { execFileSync('node', [tsc, '-p', '.'], { cwd: dir, stdio: 'pipe' }); } catch (e) { errors = e.stdout.toString(); }
    assert.equal((errors.match(/error TS/g) ?? []).length, 3, errors);
    const pkg = JSON.parse(await readFile(join(dir, 'node_modules', 'baofei', 'package.json'), 'utf8'));
    assert.equal(pkg.engines.node, '>=20.19');
    assert.ok(pkg.author);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

// Integrator review 4 and 5: a bundler finds every asset through the package's exports; nothing is
// copied by hand. esbuild (pinned by scripts/setup.sh) bundles a page that uses the API and the element.
for (const bundler of ['esbuild', 'vite']) test(`bundled with ${bundler} from the installed package: the API and the element run, assets found by import`, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'baofei-bundle-'));
  try {
    const tgz = (await readdir(PKG)).find((f) => f.endsWith('.tgz'));
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'bundled', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent', join(PKG, tgz)], { cwd: dir, stdio: 'pipe' });
    // Vite takes asset URLs with ?url; esbuild with its file loader.
    const url = bundler === 'vite' ? '?url' : '';
    await writeFile(join(dir, 'main.js'), `
      import init, { quote } from 'baofei';
      import apiWasm from 'baofei/baofei_bg.wasm${url}';
      import { configure } from 'baofei/widget';
      import widgetWasm from 'baofei/widget/baofei-web_bg.wasm${url}';
      import widgetCss from 'baofei/widget/styles.css${url}';
      configure({ wasm: widgetWasm, css: widgetCss });
      init({ module_or_path: apiWasm }).then(() => {
        document.getElementById('api').textContent = quote({ as_of: '2026-06-01', region: 'chongqing', line: 'work_safety',
          sector: 'hazardous_chemicals.production', employees: 100, size_class: 'medium' }).premium;
      });
      const el = document.createElement('baofei-quote');
      el.setAttribute('region', 'chongqing'); el.setAttribute('employees', '100'); el.setAttribute('size-class', 'medium');
      document.body.append(el);
    `);
    const page = (src) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bundled</title><script type="module" src="${src}"></script></head><body><p id="api"></p></body></html>`;
    if (bundler === 'esbuild') {
      const tools = process.env.BAOFEI_TOOLS ?? join(process.env.HOME, '.cache', 'baofei-tools');
      execFileSync(join(tools, 'node_modules', '.bin', 'esbuild'), ['main.js', '--bundle', '--format=esm', '--platform=browser', '--outdir=out',
        '--loader:.wasm=file', '--loader:.css=file', '--log-level=error'], { cwd: dir, stdio: 'pipe' });
      await writeFile(join(dir, 'out', 'index.html'), page('main.js'));
    } else {
      await writeFile(join(dir, 'index.html'), page('./main.js'));
      const vite = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'vite', 'bin', 'vite.js');
      const built = spawnSync('node', [vite, 'build', '--logLevel', 'warn', '--outDir', 'out'], { cwd: dir, encoding: 'utf8' });
      assert.equal(built.status, 0, built.stderr);
      // The element's default asset place is computed, not written `new URL('..', import.meta.url)`, which
      // bundlers try to resolve: Next.js failed on it, Vite warned (integrator review 2026-12, M1 and m4).
      assert.doesNotMatch(built.stdout + built.stderr, /doesn't exist at build time|Can't resolve/, 'an asset URL the bundler cannot resolve');
    }
    const files = [...await readdir(join(dir, 'out')), ...await readdir(join(dir, 'out', 'assets')).catch(() => [])];
    assert.ok(files.some((f) => f.endsWith('.wasm')) && files.some((f) => f.endsWith('.css')), files.join(' '));
    const server = await serve(join(dir, 'out'));
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${server.url}index.html`);
      await page.waitForFunction(() => document.getElementById('api').textContent.length > 0, null, { timeout: 30000 })
        .catch((e) => { throw new Error(`${e.message}; page errors: ${errors.join(' | ')}`); });
      assert.equal(await page.textContent('#api'), '54000.00');
      await page.locator('baofei-quote #premium').waitFor({ timeout: 30000 });
      assert.equal(await page.locator('baofei-quote #premium').getAttribute('data-yuan'), '54000.00');
      const styled = await page.locator('baofei-quote .bf').evaluate((e) => getComputedStyle(e).containerType);
      assert.equal(styled, 'inline-size', 'the widget\'s styles loaded from the bundler\'s copy');
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('importing baofei/widget where there is no DOM (server-side rendering) does not throw', async () => {
  const m = await import(join(PKG, 'widget', 'embed', 'baofei-embed.js'));
  assert.equal(typeof m.configure, 'function');
  assert.equal(typeof m.BaofeiQuote, 'function');
});

test('security review N3/N14: oversized inputs are refused before they reach wasm; errors echo a bounded excerpt; isBaofeiError never throws', async () => {
  const api = await import(join(PKG, 'baofei.js'));
  await api.default({ module_or_path: await readFile(join(PKG, 'baofei_bg.wasm')) });
  const huge = 'x'.repeat(1_000_000);
  const refused = (f) => assert.throws(f, (e) => {
    assert.equal(e.name, 'BaofeiError');
    assert.ok(JSON.stringify(e.errors).length < 2000, 'a bounded error');
    return true;
  });
  refused(() => api.quote({ as_of: '2026-06-01', region: huge, line: 'work_safety', sector: 'x', employees: 1 }));
  refused(() => api.sectors(huge, 'work_safety', '2026-06-01'));
  // An unknown value of ordinary size is echoed at most 64 characters long.
  assert.throws(() => api.quote({ as_of: '2026-06-01', region: 'y'.repeat(5000), line: 'work_safety', sector: 'x', employees: 1 }), (e) => {
    const m = e.errors.find((x) => x.field === 'region');
    assert.ok(m, JSON.stringify(e.errors).slice(0, 300));
    assert.doesNotMatch(m.message_en, /y{65}/, 'at most 64 characters of the value');
    assert.match(m.message_en, /y{64}…/);
    return true;
  });
  const sneaky = Object.create(Error.prototype, { name: { get() { throw new Error('gotcha'); } } });
  assert.equal(api.isBaofeiError(sneaky), false);
  // The instance still quotes.
  assert.equal(api.quote({ as_of: '2026-06-01', region: 'chongqing', line: 'work_safety', sector: 'hazardous_chemicals.production', employees: 100, size_class: 'medium' }).premium, '54000.00');
});
