// Issue 16 in the built site: compact embeds, the element in a narrow column, whose rates, waiting
// for a pack, load failures, the iframe's compact mode and native sharing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, DIST } from '../harness.mjs';

const host = (body) => (req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>host</title>
<script type="module" src="/embed/baofei-embed.js"></script></head><body>${body}</body></html>`);
};
let server, broken, browser;
before(async () => {
  server = await serve(DIST, {}, {
    '/full.html': host('<baofei-quote id="w" region="chongqing" employees="100"></baofei-quote>'),
    '/compact.html': host('<baofei-quote id="w" mode="compact" region="chongqing" employees="100"></baofei-quote>'),
    '/compact-side.html': host('<div style="display:flex;gap:20px"><main style="flex:1">host content</main><aside style="width:360px;flex:none"><baofei-quote id="w" mode="compact" region="chongqing" employees="100"></baofei-quote></aside></div>'),
    '/compact-side-en.html': host('<div style="display:flex;gap:20px"><main style="flex:1">host content</main><aside style="width:360px;flex:none"><baofei-quote id="w" mode="compact" lang="en" region="chongqing" employees="100"></baofei-quote></aside></div>'),
    '/sidebar.html': host('<div style="display:flex;gap:20px"><main style="flex:1">host content</main><aside id="side" style="width:400px;flex:none"><baofei-quote id="w" region="chongqing" employees="100"></baofei-quote></aside></div>'),
    '/waits.html': host('<baofei-quote id="w" awaits-pack region="chongqing" employees="100" size-class="medium"></baofei-quote>'),
  });
  broken = await serve(DIST, {}, {
    '/baofei-web_bg.wasm': (req, res) => res.writeHead(404).end('gone'),
    '/page.html': host('<baofei-quote id="w" region="chongqing"></baofei-quote>'),
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); await broken?.close(); });

async function open(url, viewport = { width: 1280, height: 900 }) {
  const p = await browser.newPage({ viewport });
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  await p.goto(url);
  return { p, errors };
}

test('compact mode fits a sidebar: the pricing fields, then the premium, status and minimum, and a link to the rest (M6)', async () => {
  const { p: full } = await open(`${server.url}full.html`);
  await full.locator('#w #premium').waitFor();
  await full.locator('#w #share-link').waitFor();
  const fullHeight = await full.locator('#w').evaluate((e) => e.getBoundingClientRect().height);
  const { p, errors } = await open(`${server.url}compact-side.html`);
  await p.locator('#w .bf[data-ready] #premium').waitFor();
  for (const gone of ['h1', '#print', '#lang-toggle', '#share-link', '.bf-related', '.bf-assess', '#offer', '.bf-history', '#f-pp', '#f-std', '.bf-explain']) {
    assert.equal(await p.locator(`#w ${gone}`).count(), 0, `${gone} is not in a compact embed`);
  }
  for (const kept of ['#f-r', '#f-l', '#f-group', '#f-s', '#f-e', '#premium', '#minimum', '#obligation']) {
    assert.ok(await p.locator(`#w ${kept}`).first().isVisible(), `${kept} is shown`);
  }
  // In the 360 px sidebar, in both languages: at most 900 px tall (measured 812 and 883 px; the full
  // widget is over 4,900), the form before the result.
  const size = (page) => page.locator('#w').evaluate((e) => ({
    height: e.getBoundingClientRect().height,
    formTop: e.shadowRoot.querySelector('.bf-form').getBoundingClientRect().top,
    resultTop: e.shadowRoot.querySelector('.bf-result').getBoundingClientRect().top,
  }));
  const { p: en } = await open(`${server.url}compact-side-en.html`);
  await en.locator('#w .bf[data-ready] #premium').waitFor();
  for (const [lang, { height, formTop, resultTop }] of [['zh', await size(p)], ['en', await size(en)]]) {
    assert.ok(height <= 900, `${lang}: compact ${Math.round(height)} px tall in a 360 px sidebar (full: ${Math.round(fullHeight)} px)`);
    assert.ok(formTop < resultTop, `${lang}: the form comes first`);
  }
  await en.close();
  // The rest is one link away: the full widget on this very state, in a new tab.
  const before = await p.locator('#w #premium').getAttribute('data-yuan');
  await p.locator('#w #f-e').fill('250');
  await p.waitForFunction((b) => document.querySelector('#w').shadowRoot.querySelector('#premium')?.dataset.yuan !== b, before);
  const href = await p.locator('#w #full-link').getAttribute('href');
  assert.match(href, /index\.html#.*e=250/);
  assert.equal(await p.locator('#w #full-link').getAttribute('target'), '_blank');
  const tab = await browser.newPage();
  await tab.goto(href);
  await tab.locator('.bf[data-ready] #premium').waitFor({ timeout: 30000 });
  assert.equal(await tab.getAttribute('#premium', 'data-yuan'), await p.locator('#w #premium').getAttribute('data-yuan'), 'the full widget opens on the same figure');
  assert.deepEqual(errors, []);
  await tab.close();
  await full.close();
  await p.close();
});

test('in a 400 px sidebar on a desktop page the element lays out by its own width, without overflow', async () => {
  const { p, errors } = await open(`${server.url}sidebar.html`);
  await p.locator('#w #premium').waitFor();
  await p.waitForTimeout(300);
  const { right, outside, columns } = await p.locator('#w').evaluate((el) => {
    const r = el.getBoundingClientRect().right;
    const all = [...el.shadowRoot.querySelectorAll('*')].filter((n) => n.getClientRects().length > 0 && !n.closest('.sr-only'));
    return {
      right: r,
      outside: all.filter((n) => n.getBoundingClientRect().right > r + 1).map((n) => n.tagName + '.' + n.className).slice(0, 5),
      columns: getComputedStyle(el.shadowRoot.querySelector('.bf-main')).gridTemplateColumns.split(' ').length,
    };
  });
  assert.deepEqual(outside, [], `nothing sticks out past ${right}px`);
  assert.equal(columns, 1, 'one column in 400 px, as on a phone');
  assert.deepEqual(errors, []);
  await p.close();
});

test('whose rates: an insurer pack is named beside the premium, and the disclaimer fits', async () => {
  const { p } = await open(`${server.url}demo.html`);
  await p.locator('#insurer #premium').waitFor();
  assert.match(await p.locator('#insurer #pack-label').textContent(), /示例保险公司费率包 2026\.1/);
  await p.locator('#insurer .bf-disclaimer').waitFor();
  const d = await p.locator('#insurer .bf-disclaimer').textContent();
  assert.match(d, /按“示例保险公司费率包 2026\.1”费率计算/);
  assert.doesNotMatch(d, /保险机构备案/, 'the insurer\'s page does not send the user to check its filed rates elsewhere');
  assert.equal(await p.locator('#themed #pack-label').count(), 0, 'the reference pack is not labelled as an insurer');
  await p.close();
});

test('awaits-pack: no reference price is shown or announced before the insurer pack arrives', async () => {
  const { p, errors } = await open(`${server.url}waits.html`);
  await p.evaluate(() => { window.seen = []; document.addEventListener('baofei-quote', (e) => window.seen.push(e.detail.premium)); });
  await p.locator('#w .bf-loading').waitFor();
  await p.waitForTimeout(500);
  assert.equal(await p.locator('#w #premium').count(), 0);
  const pack = await readFile(join(DIST, 'embed', 'example-insurer-pack.json'), 'utf8');
  await p.evaluate((text) => { document.getElementById('w').pack = text; }, pack);
  await p.locator('#w #premium').waitFor();
  const premium = await p.locator('#w #premium').getAttribute('data-yuan');
  assert.notEqual(premium, '54000.00', 'not the reference price');
  await p.waitForFunction(() => window.seen.length > 0);
  assert.ok((await p.evaluate(() => window.seen)).every((x) => x === premium), 'every event carries the insurer price');
  assert.deepEqual(errors, []);
  await p.close();
});

test('a pack set as an attribute (React 18) is said at once, not waited for (integrator review 2026-12, M5)', async () => {
  const { p } = await open(`${server.url}waits.html`);
  await p.locator('#w .bf-loading').waitFor();
  const detail = await p.evaluate(() => new Promise((done) => {
    const el = document.getElementById('w');
    el.addEventListener('baofei-error', (e) => done(e.detail), { once: true });
    el.setAttribute('pack', String({}));
  }));
  assert.equal(detail.stage, 'pack');
  assert.match(detail.message, /object Object.*element\.pack/);
  assert.match(await p.locator('#w .bf-crash').textContent(), /element\.pack/);
  // Setting the property as documented still works afterwards.
  const pack = await readFile(join(DIST, 'embed', 'example-insurer-pack.json'), 'utf8');
  await p.evaluate((text) => { const el = document.getElementById('w'); el.removeAttribute('pack'); el.pack = text; }, pack);
  await p.locator('#w #premium').waitFor();
  await p.close();
});

test('when the wasm cannot load, the element says so in both languages and fires baofei-error', async () => {
  const p = await browser.newPage();
  await p.addInitScript(() => { window.failures = []; document.addEventListener('baofei-error', (e) => window.failures.push(e.detail.stage)); });
  await p.goto(`${broken.url}page.html`);
  await p.locator('#w .bf-crash').waitFor();
  assert.match(await p.locator('#w .bf-crash').textContent(), /暂时无法加载.*could not load/);
  assert.deepEqual(await p.evaluate(() => window.failures), ['load']);
  await p.close();
});

test('iframe compact mode, and native sharing where the browser has a share sheet', async () => {
  const { p } = await open(`${server.url}iframe.html`);
  await p.locator('iframe').first().waitFor();
  const src = await p.evaluate(async () => {
    const { mountFrame } = await import('/embed/baofei-iframe.js');
    const div = document.createElement('div');
    document.body.append(div);
    return mountFrame(div, { mode: 'compact', preset: 'r=hunan' }).frame.src;
  });
  assert.match(src, /[?&]mode=compact/);
  const frame = p.frameLocator(`iframe[src="${src}"]`);
  await frame.locator('#premium, #known').first().waitFor();
  assert.equal(await frame.locator('h1').count(), 0);
  await p.close();
  const ctx = await browser.newContext({ locale: 'zh-CN' });
  await ctx.addInitScript(() => { window.shared = []; navigator.share = async (d) => { window.shared.push(d.url); }; });
  const s = await ctx.newPage();
  await s.goto(`${server.url}#v=1&r=jilin`);
  await s.locator('#share-native').waitFor();
  await s.click('#share-native');
  await s.waitForFunction(() => window.shared.length === 1);
  assert.equal((await s.evaluate(() => window.shared))[0], await s.inputValue('#share-link'));
  await ctx.close();
  const plain = await browser.newPage();
  await plain.goto(`${server.url}#v=1`);
  await plain.locator('#share-link').waitFor();
  const has = await plain.evaluate(() => typeof navigator.share === 'function');
  assert.equal(await plain.locator('#share-native').count(), has ? 1 : 0, 'the button only where a share sheet exists');
  await plain.close();
});
