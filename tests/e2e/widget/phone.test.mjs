// Phone first (issue 14): at 360 px the premium stays in view while the user edits, and the result
// explains itself in a few lines with a chart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, type, chromiumOnly } from '../harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const inView = (page, sel) => page.evaluate((s) => {
  const r = document.querySelector(s).getBoundingClientRect();
  return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
}, sel);

test('at 360 px the premium stays on screen while the headcount and the accident table are edited', async () => {
  const { page } = await open(browser, server.url, { width: 360, height: 740 });
  await type(page, '#f-e', '120');
  await page.waitForFunction(() => document.querySelector('#sticky-premium')?.dataset.yuan === '68040.00');
  assert.equal(await inView(page, '#sticky-premium'), true, 'after editing employees');
  await page.locator('#f-h0-l').scrollIntoViewIfNeeded();
  await type(page, '#f-h0-l', '1');
  await type(page, '#f-h0-d', '3');
  await page.waitForFunction(() => document.querySelector('#sticky-premium')?.dataset.yuan === '181440.00');
  assert.equal(await inView(page, '#sticky-premium'), true, 'after editing the accident table');
  assert.match(await page.textContent('.bf-sticky'), /18\.14万元.*强制投保.*高风险/s);
  await page.close();
});

test('on a desktop the sticky summary is not shown', async () => {
  const { page } = await open(browser, server.url);
  assert.equal(await page.locator('.bf-sticky').isVisible(), false);
  await page.close();
});

test('the breakdown says where the premium comes from, with a chart and its text alternative', async () => {
  const { page } = await open(browser, `${server.url}#v=1&e=120&h0.l=1&h0.d=3`);
  const lines = await page.locator('#breakdown li').allTextContents();
  assert.ok(lines.length >= 3 && lines.length <= 6, lines.join(' | '));
  assert.match(lines[0], /指导保费\(浮动前\)\s*7\.56万元/);
  assert.ok(lines.some((l) => /较大事故\s*\+20%/.test(l)), lines.join(' | '));
  assert.ok(lines.some((l) => /死亡3人及以上\s*×2/.test(l)), lines.join(' | '));
  assert.match(lines.at(-1), /0\.60–2\.50.*= 18\.14万元/);
  assert.match(await page.textContent('#bd-chart-title'), /指导保费 7\.56万元.*保费 18\.14万元/);
  assert.ok(await page.locator('#breakdown svg rect.bd-bar').count() >= 3);
  await page.close();
});

test('small things: start over, the policy start date explained, calendar years, error links keep the share link', async () => {
  const { page } = await open(browser, `${server.url}#v=1&d=2026-06-01&e=250&r=jilin`);
  assert.match(await page.textContent('label[for=f-d]'), /保单起期/);
  assert.match(await page.textContent('#f-d-hint'), /2025-03-29/);
  assert.match(await page.textContent('.bf-history tbody'), /上一年\(2025\).*前两年\(2024\).*前三年\(2023\)/s);
  await type(page, '#f-e', 'abc');
  await page.keyboard.press('Tab');
  await page.locator('.bf-errors a').first().waitFor();
  const before = await page.evaluate(() => location.hash);
  await page.click('.bf-errors a');
  assert.equal(await page.evaluate(() => location.hash), before, 'the share link is kept');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-e');
  await page.click('#start-over');
  await page.waitForSelector('#premium');
  assert.equal(await page.inputValue('#f-r'), 'chongqing');
  assert.equal(await page.inputValue('#f-e'), '100');
  await page.close();
});

test('before the wasm runs the page shows the prerendered quote, and a bilingual message if it cannot start', async () => {
  const html = await (await fetch(`${server.url}index.html`)).text();
  // The release page is prerendered (issue 15; prerender.test.mjs): no bare loading line any more.
  assert.match(html, /data-prerendered/);
  assert.doesNotMatch(html, /class="bf-loading"/);
  const { page } = await open(browser, server.url);
  assert.equal(await page.locator('[data-prerendered]').count(), 0, 'replaced once the widget mounts');
  await page.close();
  const { DIST } = await import('../harness.mjs');
  const broken = await serve(DIST, {}, { '/baofei-page_bg.wasm': (req, res) => res.writeHead(404).end('gone') });
  // The prerendered default quote stays (read-only) under the message; a link's hidden frame is
  // replaced by it.
  const p = await browser.newPage();
  await p.goto(`${broken.url}index.html`, { keepPrerendered: true });
  await p.locator('.bf-crash').waitFor({ timeout: 30000 });
  assert.match(await p.textContent('.bf-crash'), /无法启动.*could not start/s);
  assert.equal(await p.locator('[data-prerendered] #premium').isVisible(), true);
  await p.close();
  const q = await browser.newPage();
  await q.goto(`${broken.url}index.html#v=1&e=250`, { keepPrerendered: true });
  await q.locator('.bf-crash').waitFor({ timeout: 30000 });
  assert.match(await q.textContent('.bf-crash'), /无法加载或启动.*could not load or start/s);
  assert.equal(await q.locator('[data-prerendered]').count(), 0);
  await q.close();
  await broken.close();
  const builder = await (await fetch(`${server.url}builder.html`)).text();
  assert.match(builder, /<noscript>/);
});

test('English reads amounts in CNY, the range says what the law allows, and the phone trace is stacked', async () => {
  const { page } = await open(browser, `${server.url}#v=1&lang=en`, { width: 360, height: 740 });
  assert.match(await page.textContent('#premium'), /^CNY 56,700$/);
  assert.match(await page.textContent('.bf-figures'), /Range the law allows around the guided premium/);
  // Where the band is borrowed from another region's rule, the label does not call it the law here.
  const { page: hunan } = await open(browser, `${server.url}#v=1&lang=en&r=tibet`, { width: 360, height: 740 });
  assert.match(await hunan.textContent('.bf-figures'), /Range around the guided premium \(borrowed rule\)/);
  await hunan.close();
  await page.locator('#trace').waitFor();
  await page.click('#trace summary');
  assert.equal(await page.locator('#trace td').first().evaluate((td) => getComputedStyle(td).display), 'block');
  await page.close();
});

test('self-assessment: segmented answers, safe answer always left, two-way with the form, target grade named', async () => {
  const { page } = await open(browser, server.url);
  await page.locator('#q-blacklist').waitFor();
  // 黑名单: the safe answer is 否; 培训: the safe answer is 是. Both sit on the left.
  assert.equal(await page.locator('#q-blacklist .bf-seg label').first().textContent(), '否');
  assert.equal(await page.locator('#q-training .bf-seg label').first().textContent(), '是');
  assert.equal(await page.locator('#q-blacklist .bf-seg label').first().getAttribute('class'), 'seg-good');
  // Answer → form, and form → answer.
  await page.locator('label[for=q-blacklist-yes]').click();
  await page.waitForFunction(() => document.querySelector('#f-bl').checked);
  await page.uncheck('#f-bl');
  await page.waitForFunction(() => document.querySelector('#q-blacklist-no').checked);
  // The standardisation gap names the grade to reach, and a line says what sets the tier.
  await page.locator('#gaps li[data-question=standardisation]').waitFor();
  assert.match(await page.textContent('#gaps li[data-question=standardisation]'), /三级/);
  assert.match(await page.textContent('#tier-why'), /风险分级怎么定/);
  const height = await page.locator('label[for=q-training-yes]').evaluate((l) => l.getBoundingClientRect().height);
  assert.ok(height >= 44, `tap target ${height}px`);
  await page.close();
});

test('the printed quote sheet lists every input, the self-assessment, the link and QR, and one disclaimer', chromiumOnly("print-media emulation (Playwright's emulateMedia does nothing over Firefox's BiDi)"), async () => {
  const { page } = await open(browser, `${server.url}#v=1&e=120&sz=medium&pp=50&agg=2000&std=grade3&bl=1&lr=80&h0.l=1&h0.d=3`);
  await page.locator('#tier').waitFor();
  await page.emulateMedia({ media: 'print' });
  const sheet = await page.locator('.bf-summary').textContent();
  for (const want of [/企业规模\s*中型/, /每人死亡伤残限额\s*50 万元/, /累计赔偿限额.*2000 万元/, /安全生产标准化等级\s*三级/, /失信联合惩戒.*是/, /赔付率.*80%/, /上一年.*较大 1, 死亡人数 3/]) {
    assert.match(sheet, want);
  }
  assert.equal(await page.locator('#tier').isVisible(), true, 'the self-assessment result prints');
  assert.equal(await page.locator('.bf-questions').isVisible(), false, 'not the questions');
  assert.equal(await page.locator('.bf-link-print').isVisible(), true, 'the whole link prints');
  assert.equal(await page.locator('.bf-link-print').textContent(), await page.locator('#share-link').inputValue());
  assert.equal(await page.locator('.bf-qr').isVisible(), true);
  assert.equal(await page.locator('.bf-disclaimer').isVisible(), true);
  assert.equal(await page.locator('.bf-foot').isVisible(), false, 'one disclaimer');
  assert.equal(await page.locator('.bf-related').count(), 0, 'Chongqing\'s related scheme is a pollution one: not on a 安责险 sheet');
  await page.close();
  const { page: env } = await open(browser, `${server.url}#v=1&l=environmental&s=heavy_metals.smelting&er=major&h0.l=1`);
  await env.locator('#share-link').waitFor();
  assert.match(await env.locator('.bf-related').textContent(), /重庆绿色保险/, 'Chongqing 环责险: its own related scheme');
  await env.emulateMedia({ media: 'print' });
  const envSheet = await env.locator('.bf-summary').textContent();
  assert.match(envSheet, /近三年突发环境事件/, 'the environmental line lists incidents under their own heading');
  assert.doesNotMatch(envSheet, /死亡人数|生产安全事故/, 'no work-safety deaths label on a pollution sheet');
  await env.close();
  const { page: hunan } = await open(browser, `${server.url}#v=1&r=hunan&s=construction.general&cv=3000`);
  await hunan.locator('#share-link').waitFor();
  assert.equal(await hunan.locator('.bf-related').count(), 0, 'no other region\'s schemes');
  await hunan.close();
});

test('a first visit speaks the browser language; a link speaks its own; title and description follow', async () => {
  const ctx = await browser.newContext({ locale: 'en-US' });
  const page = await ctx.newPage();
  await page.goto(server.url);
  await page.locator('#premium').waitFor({ timeout: 30000 });
  assert.match(await page.textContent('h1'), /Work-safety/);
  assert.match(await page.title(), /^Baofei — premium estimate/);
  assert.match(await page.getAttribute('meta[name=description]', 'content'), /Computed in your browser/);
  // A shared link without a language stays in Chinese, whatever the browser.
  const linked = await ctx.newPage();
  await linked.goto(`${server.url}#v=1&e=120`);
  await linked.locator('#premium').waitFor({ timeout: 30000 });
  assert.match(await linked.textContent('h1'), /安责险/);
  assert.match(await linked.title(), /^安责险·环责险保费测算与自评$/, 'a short, all-Chinese title');
  await ctx.close();
});

test('in English, citations keep the Chinese title and add a short gloss', async () => {
  const { page } = await open(browser, `${server.url}#v=1&lang=en`);
  await page.locator('.bf-obligation cite').first().waitFor();
  const cites = await page.locator('.bf-obligation cite').allTextContents();
  assert.ok(cites.some((c) => /安全生产责任保险实施办法.*\(national measures on work-safety liability insurance\)$/.test(c)), cites.join(' | '));
  // The law has no official page we know of: it is cited as text, never linked to a repost (issue 29);
  // the measures' gov.cn page is linked.
  assert.ok(cites.some((c) => /中华人民共和国安全生产法.*\(Work Safety Law\)$/.test(c)), cites.join(' | '));
  assert.ok(!cites.some((c) => /copy|转载/.test(c)), cites.join(' | '));
  const linked = await page.locator('.bf-obligation cite a').evaluateAll((as) => as.map((a) => new URL(a.href).host));
  assert.ok(linked.length > 0 && linked.every((h) => h.endsWith('gov.cn')), linked.join(', '));
  await page.close();
});

test('inside an iframe on a phone, the host keeps the summary in its own viewport', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await page.goto(`${server.url}iframe.html`);
  await page.locator('#events li').first().waitFor({ timeout: 30000 });
  const summary = page.locator('.baofei-frame-summary');
  await summary.waitFor();
  assert.match(await summary.textContent(), /6\.8万元.*强制投保.*中风险/s);
  // Half way down the (tall) frame, the summary is still on the host's screen.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
  const box = await summary.boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= 740, JSON.stringify(box));
  // On a desktop it stays hidden.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.baofei-frame-summary')).display === 'none');
  await page.close();
});

test('a typical quote sheet fits two A4 pages, in Chinese and in English', chromiumOnly("print-media emulation (Playwright's emulateMedia does nothing over Firefox's BiDi); pages are counted in Chromium's PDF, whose page tree is not compressed"), async () => {
  // Typical cases: the default (Chongqing hazchem), a construction project (Hunan) and a pollution
  // quote with an incident. Page count read from the PDF Chromium prints.
  const cases = ['', 'r=hunan&s=construction.general&cv=3000', 'l=environmental&s=heavy_metals.smelting&er=major&h0.l=1'];
  for (const c of cases) {
    for (const lang of ['zh', 'en']) {
      const { page } = await open(browser, `${server.url}#v=1&lang=${lang}${c ? `&${c}` : ''}`);
      await page.locator('#share-link').waitFor();
      await page.emulateMedia({ media: 'print' });
      const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
      const pages = pdf.match(/\/Type\s*\/Page[^s]/g).length;
      assert.ok(pages <= 2, `${lang} ${c || 'default'}: ${pages} pages`);
      await page.close();
    }
  }
});
