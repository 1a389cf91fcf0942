// Issue 33 on the standalone page: a bureau adds its file to the built site with one command
// (`baofei rules install`), and the page, its rules page and its iframe use it; a refused file is
// never installed, and a page whose file is refused or missing says so and keeps the shipped rules.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, DIST } from '../harness.mjs';

const run = promisify(execFile);
const ROOT = join(DIST, '..');
const EXAMPLE = join(ROOT, 'docs', 'local-rules', 'example-shifan.json');
const baofei = (...args) => run('cargo', ['run', '-q', '-p', 'baofei-cli', '--', ...args], { cwd: ROOT });
// A link to the fictional city the example adds: 100 employees, medium size, on a day its rules apply.
const LINK = '#v=1&r=jiangsu_shifan&s=hazardous_chemicals.production&e=100&sz=medium&d=2026-06-01';

let site, broken, server, brokenServer, browser;
before(async () => {
  site = await mkdtemp(join(tmpdir(), 'bf-site-'));
  broken = await mkdtemp(join(tmpdir(), 'bf-site-'));
  await cp(DIST, site, { recursive: true });
  await cp(DIST, broken, { recursive: true });
  await baofei('rules', 'install', EXAMPLE, '--site', site);
  // A page that names a file which fails the check (written by hand: `install` refuses it).
  const bad = JSON.parse(await readFile(EXAMPLE, 'utf8'));
  bad.minimum_limit[0].value = '300000';
  await writeFile(join(broken, 'local-rules.json'), JSON.stringify(bad));
  const index = await readFile(join(broken, 'index.html'), 'utf8');
  await writeFile(join(broken, 'index.html'), index.replace('<meta charset="utf-8" />', '<meta charset="utf-8" /><meta name="baofei-rules-src" content="local-rules.json" />'));
  server = await serve(site);
  brokenServer = await serve(broken);
  browser = await launch();
});
after(async () => {
  await browser?.close(); await server?.close(); await brokenServer?.close();
  await rm(site, { recursive: true, force: true }); await rm(broken, { recursive: true, force: true });
});

test('rules install refuses a file that loosens the law and changes nothing', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'bf-site-'));
  try {
    await writeFile(join(dir, 'index.html'), '<html><head></head><body></body></html>');
    const bad = JSON.parse(await readFile(EXAMPLE, 'utf8'));
    bad.prevention_min.work_safety[0].value = '-0.5';
    await writeFile(join(dir, 'bad.json'), JSON.stringify(bad));
    await assert.rejects(baofei('rules', 'install', join(dir, 'bad.json'), '--site', dir), (e) => e.code === 1 && /prevention_min\.work_safety\.0\.value/.test(e.stdout));
    assert.equal(await readFile(join(dir, 'index.html'), 'utf8'), '<html><head></head><body></body></html>');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('rules install: the file beside the site, named early in <head>, and a service worker that caches it under a new version', async () => {
  assert.equal(await readFile(join(site, 'local-rules.json'), 'utf8'), await readFile(EXAMPLE, 'utf8'));
  const index = await readFile(join(site, 'index.html'), 'utf8');
  assert.ok(index.indexOf('name="baofei-rules-src"') < index.indexOf('prepaint.js'), 'before prepaint.js runs');
  const [sw, shipped] = await Promise.all([readFile(join(site, 'sw.js'), 'utf8'), readFile(join(DIST, 'sw.js'), 'utf8')]);
  const version = (t) => /var VERSION = '([^']*)'/.exec(t)[1];
  assert.match(version(sw), new RegExp(`^${version(shipped)}\\+rules-[0-9a-f]{16}$`));
  for (const f of ['local-rules.json', 'baofei-web.js', 'baofei-web_bg.wasm']) assert.ok(sw.includes(`'${f}'`), f);
});

test('the page with a host file: the city it adds prices under its rules, labelled; the static default figures never show', async () => {
  const page = await browser.newPage();
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url().split('/').pop()); });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}index.html`);
  // The default page too: its prerendered figures are the shipped rules', so the frame waits.
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('bf-pending')));
  // A new document for the link (a fragment alone would not reload the page).
  await page.goto('about:blank');
  await page.goto(`${server.url}index.html${LINK}`);
  await page.locator('.bf[data-ready] #premium').waitFor({ timeout: 30000 });
  assert.equal(await page.locator('#premium').getAttribute('data-yuan'), '67500.00');
  assert.match(await page.locator('#host-rules').textContent(), /本站提供了江苏省示范市\(虚构\)的地方规则/);
  await page.locator('#trace summary').click();
  assert.ok(await page.locator('.bf-host-rule').count() >= 2);
  assert.ok(wasm.every((w) => w === 'baofei-web_bg.wasm'), `the build that checks the file: ${wasm}`);
  assert.deepEqual(errors, []);
  // The rules page lists the city and labels its rules as the site's.
  await page.goto(`${server.url}rules.html`);
  assert.match(await page.textContent('body'), /江苏省示范市\(虚构\)[\s\S]*由本站提供/);
  await page.close();
});

test('the page with a refused host file keeps the shipped rules and says so', async () => {
  const page = await browser.newPage();
  await page.goto(`${brokenServer.url}index.html#v=1&r=jiangsu&s=hazardous_chemicals.production&e=100&sz=medium&d=2026-06-01`);
  await page.locator('.bf[data-ready] #premium').waitFor({ timeout: 30000 });
  assert.equal(await page.locator('#premium').getAttribute('data-yuan'), '54000.00');
  assert.match(await page.locator('#host-rules-error').textContent(), /minimum_limit\.0\.value/);
  assert.equal(await page.locator('.bf-host-rule').count(), 0);
  await page.close();
});
