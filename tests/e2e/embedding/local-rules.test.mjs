// Issue 33: a host's local rules through the element's `rules-src`. An accepted file prices under its
// place's rules and says which values are the host's (由本站提供); a refused or missing file leaves the
// shipped rules in force, shows why, and tells the host (`baofei-error`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, DIST } from '../harness.mjs';

const EXAMPLE = join(DIST, '..', 'docs', 'local-rules', 'example-shifan.json');
const json = (text) => (req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(text); };
const host = (body) => (req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>host</title>
<script type="module" src="/embed/baofei-embed.js"></script></head><body>${body}</body></html>`);
};
const el = (region, src, extra = '') => `<baofei-quote id="w" region="${region}" sector="hazardous_chemicals.production" employees="100" size-class="medium" as-of="2026-06-01" rules-src="${src}" ${extra}></baofei-quote>`;

let server, browser;
before(async () => {
  const good = await readFile(EXAMPLE, 'utf8');
  const bad = JSON.parse(good);
  bad.minimum_limit[0].value = '300000';
  server = await serve(DIST, {}, {
    '/local.json': json(good),
    '/bad-local.json': json(JSON.stringify(bad)),
    '/good.html': host(el('jiangsu_shifan', '/local.json')),
    '/good-en.html': host(el('jiangsu_shifan', '/local.json', 'lang="en"')),
    '/refused.html': host(el('jiangsu', '/bad-local.json')),
    '/missing.html': host(el('jiangsu', '/nowhere.json')),
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

async function open(path) {
  const p = await browser.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  // Listening before the page runs: the element may report a load failure at once.
  await p.addInitScript(() => { window.events = []; document.addEventListener('baofei-error', (e) => window.events.push(e.detail)); });
  await p.goto(`${server.url}${path}`);
  return { p, errors };
}

test('rules-src: the element quotes under the host\'s rules for a city the file adds, and marks them as the host\'s', async () => {
  for (const [path, marker, banner] of [['good.html', '由本站提供', /本站提供了江苏省示范市\(虚构\)的地方规则/], ['good-en.html', 'supplied by this site', /local rules for Shifan, Jiangsu \(fictional\)/]]) {
    const { p, errors } = await open(path);
    await p.locator('#w #premium').waitFor({ timeout: 30000 });
    // 54,000 under the national 40万 minimum; 67,500 at the city's 50万 (docs/local-rules/example-shifan.json).
    assert.equal(await p.locator('#w #premium').getAttribute('data-yuan'), '67500.00');
    assert.match(await p.locator('#w #host-rules').textContent(), banner);
    // The city the file adds can be chosen in the form.
    assert.equal(await p.locator('#w #f-r').inputValue(), 'jiangsu_shifan');
    await p.locator('#w #trace summary').click();
    const marked = await p.locator('#w .bf-host-rule').allTextContents();
    assert.ok(marked.length >= 2 && marked.every((t) => t.includes(marker)), `host marks: ${marked}`);
    assert.deepEqual(errors, []);
    await p.close();
  }
});

test('rules-src: a refused file leaves the shipped rules in force, lists its problems, and never prices under it', async () => {
  const { p, errors } = await open('refused.html');
  await p.locator('#w #premium').waitFor({ timeout: 30000 });
  assert.equal(await p.locator('#w #premium').getAttribute('data-yuan'), '54000.00', 'the shipped rules');
  const banner = await p.locator('#w #host-rules-error').textContent();
  assert.match(banner, /本站提供的地方规则未通过校验/);
  assert.match(banner, /minimum_limit\.0\.value/);
  assert.equal(await p.locator('#w .bf-host-rule').count(), 0);
  assert.deepEqual(errors, []);
  await p.close();
});

test('rules-src: a file that cannot be loaded says why on the widget and to the host', async () => {
  const { p } = await open('missing.html');
  await p.locator('#w #premium').waitFor({ timeout: 30000 });
  assert.match(await p.locator('#w #host-rules-error').textContent(), /rules-src.*HTTP 404/);
  await p.waitForFunction(() => window.events.some((e) => e.stage === 'rules'));
  await p.close();
});
