// Issue 30 item 1: the examples are tests. Each app under examples/ is copied out of the checkout, installed
// as a user installs it (`npm ci` from its committed lockfile, then the packed tarball from pkg/), built with
// its framework's own command, started, and checked in Chromium: the premium shows, styled, with an insurer's
// pack, and the server side quotes. A failing install, build or check fails the suite. Each example's shipped
// size (gzip) and its time are printed for BENCHMARKS.md ("examples:" lines).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync, spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:net';
import { serve, launchChromium } from '../../tools/browser.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PKG = join(ROOT, 'pkg');
const INPUT = { as_of: '2026-06-01', region: 'chongqing', line: 'work_safety', sector: 'hazardous_chemicals.production', employees: 100, size_class: 'medium' };
let browser;
const cleanup = [];
after(async () => { await browser?.close(); for (const f of cleanup.reverse()) await f(); });

/** The example copied out of the checkout and installed from its lockfile and the tarball. */
async function install(name) {
  const dir = await mkdtemp(join(tmpdir(), `baofei-example-${name}-`));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  await cp(join(ROOT, 'examples', name), dir, { recursive: true, filter: (src) => !/node_modules|\.next|dist|public\/baofei/.test(src.slice(ROOT.length)) });
  const tgz = (await readdir(PKG)).find((f) => f.endsWith('.tgz'));
  const npm = (args) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'pipe', timeout: 600000 });
  npm(['ci']);
  npm(['install', '--no-save', join(PKG, tgz)]);
  return dir;
}

/** Gzip size of every file a built app ships to the browser (`dir`, recursively; maps left out). */
async function shipped(dir) {
  let total = 0;
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || /\.map$/.test(e.name)) continue;
    const p = join(e.parentPath ?? e.path, e.name);
    if (['.js', '.mjs', '.css', '.html', '.wasm', '.json'].includes(extname(p))) total += gzipSync(await readFile(p), { level: 9 }).length;
  }
  return total;
}

/** The premium the engine gives the widget's default enterprise (INPUT with its size class left to the
 *  headcount, as the form does) on `asOf` under the insurer's pack, from the installed package. */
async function insurerPremium(dir, asOf) {
  const { size_class: _derived, ...input } = INPUT;
  const out = execFileSync('node', ['--input-type=module', '-e', `
    import { createQuoter } from 'baofei';
    import { readFileSync } from 'node:fs';
    const q = createQuoter({ pack: readFileSync('node_modules/baofei/widget/embed/example-insurer-pack.json', 'utf8') });
    console.log(q.quote(${JSON.stringify({ ...input, as_of: asOf })}).premium);`], { cwd: dir, encoding: 'utf8' });
  return out.trim();
}

const freePort = () => new Promise((ok) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); }); });

/** Checks the element on `url`: its premium shows, styled, under the insurer's pack; and the page's own
 *  `#server-premium` or `#api-premium`. */
async function checkPage(url, ownId, name) {
  browser ??= await launchChromium();
  const page = await browser.newPage({ locale: 'zh-CN', serviceWorkers: 'block' });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  const own = await page.locator(`#${ownId}`).textContent({ timeout: 60000 });
  await page.locator('baofei-quote #premium').waitFor({ timeout: 60000 });
  const r = await page.locator('baofei-quote').evaluate((el) => {
    const root = el.shadowRoot ?? el;
    const premium = root.querySelector('#premium');
    return {
      yuan: premium.dataset.yuan,
      asOf: root.querySelector('#f-d')?.value,
      label: root.querySelector('#pack-label')?.textContent ?? '',
      // Styled: the widget's stylesheet sets its container and the premium's weight (unstyled, neither).
      container: getComputedStyle(root.querySelector('.bf')).containerType,
      weight: getComputedStyle(premium).fontWeight,
    };
  });
  // An app that listens to the element's event shows the premium it heard (examples/vite-vue).
  const heard = await page.locator('#event-premium').count() ? await page.locator('#event-premium').textContent() : undefined;
  await shots(page, name);
  await page.close();
  return { own, heard, ...r, errors };
}

/** With BAOFEI_EXAMPLE_SHOTS=dir, each example's page as a reader sees it (360 px phone and desktop, the
 *  first screen), for looking at: the checks above cannot tell a cramped or broken layout. */
async function shots(page, name) {
  const dir = process.env.BAOFEI_EXAMPLE_SHOTS;
  if (!dir) return;
  for (const [w, h, kind] of [[360, 740, 'phone'], [1280, 900, 'desktop']]) {
    await page.setViewportSize({ width: w, height: h });
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    await page.screenshot({ path: join(dir, `${name}-${kind}.png`) });
  }
}

/** A server started in a process group of its own, stopped whole at the end (`next start` forks the
 *  server it runs: killing only the first process left it holding the test's pipes, and the file never ended). */
function started(cmd, args, cwd, port) {
  const child = spawn(cmd, args, { cwd, stdio: 'pipe', detached: true, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1' } });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  cleanup.push(() => { try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ } });
  return { child, log: () => log };
}

async function until(url, what, log) {
  for (let i = 0; i < 600; i++) {
    try { const r = await fetch(url); if (r.ok) return; } catch { /* not up yet */ }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`${what} did not start: ${log()}`);
}

for (const [name, ownId] of [['vite-react', 'api-premium'], ['vite-react18', 'api-premium'], ['vite-vue', 'api-premium']]) {
  test(`examples/${name}: installed from the tarball, built by Vite, the API and the element (styled, with an insurer's pack) run`, async () => {
    const t0 = Date.now();
    const dir = await install(name);
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: dir, stdio: 'pipe', timeout: 600000 });
    const server = await serve(join(dir, 'dist'), {}, {}, { gzip: true });
    cleanup.push(() => server.close());
    const r = await checkPage(`${server.url}index.html`, ownId, name);
    assert.deepEqual(r.errors, []);
    assert.equal(r.own, '54000.00', 'the API in the browser');
    assert.equal(r.container, 'inline-size', 'the widget is styled');
    assert.equal(r.weight, '700');
    assert.match(r.label, /示例/, `the insurer's pack is named: ${r.label}`);
    assert.equal(r.yuan, await insurerPremium(dir, r.asOf), 'the element prices with the insurer\'s pack');
    if (name === 'vite-vue') assert.equal(r.heard, r.yuan, 'the app heard the element\'s baofei-quote event (typed by baofei/vue)');
    console.log(`examples: ${name} shipped ${(await shipped(join(dir, 'dist')) / 1024).toFixed(1)} KB gzip, install+build+check ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  });
}

test('examples/next: the app router builds; a server component quotes, the client component shows the element with the pack, a route handler quotes', async () => {
  const t0 = Date.now();
  const dir = await install('next');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: dir, stdio: 'pipe', timeout: 900000, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  const port = await freePort();
  const app = started(process.execPath, [join(dir, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port), '-H', '127.0.0.1'], dir, port);
  const base = `http://127.0.0.1:${port}/`;
  await until(base, 'next start', app.log);
  // Server-rendered: the premium is in the HTML before any script runs.
  const html = await (await fetch(base)).text();
  assert.match(html, /<output id="server-premium">54000\.00<\/output>/);
  const r = await checkPage(base, 'server-premium', 'next');
  assert.deepEqual(r.errors, []);
  assert.equal(r.container, 'inline-size', 'the widget is styled');
  assert.match(r.label, /示例/);
  assert.equal(r.yuan, await insurerPremium(dir, r.asOf));
  // The route handler quotes on the server, and refuses a bad field at its name.
  const ok = await (await fetch(`${base}api/quote`, { method: 'POST', body: JSON.stringify(INPUT) })).json();
  assert.equal(ok.premium, '54000.00');
  const bad = await fetch(`${base}api/quote`, { method: 'POST', body: JSON.stringify({ ...INPUT, employees: 'abc' }) });
  assert.equal(bad.status, 400);
  assert.ok((await bad.json()).errors.some((e) => e.field === 'employees'));
  const next = join(dir, '.next', 'static');
  console.log(`examples: next shipped ${(await shipped(next) / 1024).toFixed(1)} KB gzip (.next/static) + ${(await shipped(join(dir, 'public')) / 1024).toFixed(1)} KB (public/baofei), install+build+check ${((Date.now() - t0) / 1000).toFixed(0)} s`);
});

test('examples/nuxt: a server route quotes; the page and the element are server-rendered; the element, upgraded before configure(), ends styled and priced with the pack', async () => {
  const t0 = Date.now();
  const dir = await install('nuxt');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: dir, stdio: 'pipe', timeout: 900000, env: { ...process.env, NUXT_TELEMETRY_DISABLED: '1' } });
  const port = await freePort();
  const app = started(process.execPath, [join(dir, '.output', 'server', 'index.mjs')], dir, port);
  const base = `http://127.0.0.1:${port}/`;
  await until(base, 'the Nuxt server', app.log);
  const html = await (await fetch(base)).text();
  assert.match(html, /<output id="server-premium">54000\.00<\/output>/, 'server-rendered');
  // M4: the element itself is in the server's HTML, so it upgrades before the plugin's configure() runs
  // (it was wrapped in <ClientOnly>, which hid the problem); it must still end styled and priced below.
  assert.match(html, /<baofei-quote id="bq"/, 'the element is server-rendered');
  const r = await checkPage(base, 'server-premium', 'nuxt');
  assert.deepEqual(r.errors, []);
  assert.equal(r.container, 'inline-size', 'the widget is styled');
  assert.match(r.label, /示例/);
  assert.equal(r.yuan, await insurerPremium(dir, r.asOf));
  const bad = await fetch(`${base}api/quote`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...INPUT, employees: 'abc' }) });
  assert.equal(bad.status, 400);
  assert.ok((await bad.json()).errors.some((e) => e.field === 'employees'));
  console.log(`examples: nuxt shipped ${(await shipped(join(dir, '.output', 'public', '_nuxt')) / 1024).toFixed(1)} KB gzip (.output/public/_nuxt) + public/baofei, install+build+check ${((Date.now() - t0) / 1000).toFixed(0)} s`);
});

test('examples/plain: one script tag and the element, the package served as files, the pack by pack-src', async () => {
  const t0 = Date.now();
  const dir = await install('plain');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: dir, stdio: 'pipe' });
  const server = await serve(dir, {}, {}, { gzip: true });
  cleanup.push(() => server.close());
  browser ??= await launchChromium();
  const page = await browser.newPage({ locale: 'zh-CN', serviceWorkers: 'block' });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}index.html`);
  await page.locator('baofei-quote #pack-label').waitFor({ timeout: 60000 });
  const r = await page.locator('baofei-quote').evaluate((el) => {
    const root = el.shadowRoot ?? el;
    return { yuan: root.querySelector('#premium').dataset.yuan, asOf: root.querySelector('#f-d')?.value,
      container: getComputedStyle(root.querySelector('.bf')).containerType };
  });
  await shots(page, 'plain');
  await page.close();
  assert.deepEqual(errors, []);
  assert.equal(r.container, 'inline-size', 'the widget is styled');
  assert.equal(r.yuan, await insurerPremium(dir, r.asOf), "priced with the insurer's pack");
  console.log(`examples: plain (the package's widget/ served as files) install+check ${((Date.now() - t0) / 1000).toFixed(0)} s`);
});

test('examples/node-batch: a CSV quoted under an insurer\'s pack in Node, a bad row named at its field', async () => {
  const t0 = Date.now();
  const dir = await install('node-batch');
  const out = execFileSync('node', ['quote.mjs', 'enterprises.csv'], { cwd: dir, encoding: 'utf8' }).trim().split('\n');
  assert.equal(out[0], 'id,premium,minimum_per_person,obligation,error');
  assert.match(out[1], /^a,\d+\.\d\d,400000,compulsory,$/);
  assert.equal(out[1].split(',')[1], await insurerPremium(dir, '2026-06-01'));
  assert.match(out[3], /^c,,,,.*employees/);
  console.log(`examples: node-batch install+run ${((Date.now() - t0) / 1000).toFixed(0)} s`);
});

// The directories exist (a renamed example would otherwise be skipped silently).
test('every example under examples/ is tested here', async () => {
  const names = (await readdir(join(ROOT, 'examples'), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  assert.deepEqual(names, ['next', 'node-batch', 'nuxt', 'plain', 'vite-react', 'vite-react18', 'vite-vue']);
  for (const n of names) await stat(join(ROOT, 'examples', n, 'package-lock.json'));
});
