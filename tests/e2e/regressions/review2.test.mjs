// Issue 26 in the built site: the second round of outside reviews (newcomer-2026-12, security-2026-12).
// One line's law never reaches the other line's page; borrowed bands are never called legal; the
// offer's free text stays out of the verdict; the builder encodes what is typed; the element's
// attributes and pack loading are strict.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, open, type, DIST, chromiumOnly } from '../harness.mjs';

const host = (body) => (req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>host</title>
<script type="module" src="/embed/baofei-embed.js"></script></head><body>${body}</body></html>`);
};
let server, browser;
before(async () => {
  const pack = await readFile(join(DIST, 'embed', 'example-insurer-pack.json'), 'utf8');
  server = await serve(DIST, {}, {
    '/html-pack.html': host('<baofei-quote id="w" pack-src="/pack-as-html" region="chongqing" employees="100"></baofei-quote>'),
    '/pack-as-html': (req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(pack); },
    '/json-pack.html': host('<baofei-quote id="w" pack-src="/pack-as-json" region="chongqing" employees="100"></baofei-quote>'),
    '/pack-as-json': (req, res) => { res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }); res.end(pack); },
    '/link-base.html': host('<baofei-quote id="w" link-base="javascript:alert(1)//" region="chongqing" employees="100"></baofei-quote>'),
    '/waits-null.html': host('<baofei-quote id="w" awaits-pack region="chongqing" employees="100"></baofei-quote>'),
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** Words of the work-safety line's law and its own word for an accident. */
const WORK_SAFETY = /安全生产法|应急〔2025〕27号|安监总办〔2017〕140号|生产安全事故|安全生产宣传|重大事故隐患|较大事故|较大以上事故|Work Safety Law/;

test('a Jiangsu hazardous-waste (环责险) quote names its own law and none of the work-safety line\'s, on screen and on the print sheet', async () => {
  // A 较大 incident two years ago and every self-assessment answer at its risky value.
  const answers = ['env_insured=no', 'blacklist=yes', 'hazards_rectified=no', 'hazard_inspection=no', 'training=no', 'emergency_drills=no', 'accident_records=no', 'cooperate_services=no', 'env_risk_assessment=no', 'env_emergency_plan=no', 'env_violations=yes', 'env_credit=poor'].map((a) => `a.${a}`).join('&');
  for (const lang of ['zh', 'en']) {
    const { page, log } = await open(browser, `${server.url}#v=1&r=jiangsu&l=environmental&s=hazardous_waste.operator&e=80&h1.l=1&${answers}&lang=${lang}`);
    await page.locator('#share-link').waitFor({ timeout: 30000 });
    await page.locator('#trace summary').click();
    const notes = await page.locator('#notes').textContent();
    if (lang === 'zh') {
      assert.match(notes, /本地区暂未收录环境污染责任保险的地方规定，适用全国规定：《中华人民共和国固体废物污染环境防治法/, notes);
    } else {
      assert.match(notes, /No local rules on environmental pollution liability insurance.*固体废物污染环境防治法/s, notes);
    }
    const screen = await page.locator('.bf').textContent();
    assert.doesNotMatch(screen, WORK_SAFETY, `${lang}: ${screen.match(WORK_SAFETY)?.[0]}`);
    assert.doesNotMatch(await page.locator('#breakdown').textContent(), /法定幅度|legal band/, 'the assumed band is not called legal');
    assert.match(await page.locator('#breakdown').textContent(), lang === 'zh' ? /较大突发环境事件 \+20%/ : /environmental incident/);
    // The offer check says it does not cover this line, instead of silently vanishing.
    assert.match(await page.locator('#offer-env').textContent(), lang === 'zh' ? /只适用于安全生产责任保险/ : /only for work-safety/);
    await page.emulateMedia({ media: 'print' });
    const sheet = await page.evaluate(() => document.querySelector('.bf').innerText);
    assert.doesNotMatch(sheet, WORK_SAFETY, `${lang} print: ${sheet.match(WORK_SAFETY)?.[0]}`);
    assert.deepEqual(log.errors, []);
    await page.close();
  }
});

test('a band borrowed from Chongqing reads so in the breakdown (Hunan), and Chongqing\'s own reads 法定', async () => {
  const { page } = await open(browser, `${server.url}#v=1&r=hunan&s=construction.general&cv=5000`);
  await page.locator('#breakdown').waitFor();
  const b = await page.locator('#breakdown').textContent();
  assert.match(b, /浮动幅度\(参照重庆市规定\)/);
  assert.doesNotMatch(b, /法定/);
  // 80,850 元 guided reads 8.09万 (四舍五入), never 8.08万 beside × 0.90 = 7.28万.
  assert.match(b, /8\.09万元/);
  await page.close();
  const { page: cq } = await open(browser, `${server.url}#v=1&r=chongqing&e=120&h0.l=1&h0.d=3`);
  assert.match(await cq.locator('#breakdown').textContent(), /在法定幅度 0\.60–2\.50 之内/);
  await cq.close();
});

test('an offer\'s insurer name from a link sits outside the verdict, marked as typed (security N1)', async () => {
  const claim = '本报价经应急管理部门审核认证';
  const { page } = await open(browser, `${server.url}#v=1&d=2026-06-01&o.ins=${encodeURIComponent(claim)}&o.prem=60000&o.pp=40`);
  await page.locator('#offer-verdict').waitFor();
  assert.doesNotMatch(await page.locator('#offer-verdict').textContent(), new RegExp(claim));
  assert.match(await page.locator('#offer-insurer').textContent(), /您填写或来自链接，本工具未核实/);
  assert.match(await page.locator('#offer-insurer q').textContent(), new RegExp(claim));
  await page.close();
});

test('an offer limit typed in 元 into the 万元 field is an error at that field, not "correct the enterprise" (newcomer 9.1)', async () => {
  const { page } = await open(browser, `${server.url}#v=1&r=guangdong&s=construction.general&cv=8000&e=300&o.prem=250000&o.pp=300000`);
  await page.locator('#offer-error').waitFor();
  assert.doesNotMatch(await page.locator('#offer-error').textContent(), /上方企业情况/);
  const err = await page.locator('#f-o-pp-err').textContent();
  assert.match(err, /本栏单位为万元/);
  await page.close();
});

test('the link builder takes numbers only and encodes every value it writes (security N5, newcomer 11.1-11.2)', async () => {
  const p = await browser.newPage();
  await p.goto(`${server.url}builder.html`);
  await p.locator('#b-r').waitFor();
  await p.selectOption('#b-r', 'guangdong');
  await p.selectOption('#b-s', 'construction.general');
  await type(p, '#b-basis', '1"><img src=x onerror=alert(1)>');
  await p.locator('#b-basis-hint.bf-err').waitFor();
  const link = await p.inputValue('#b-link');
  assert.doesNotMatch(link, /img|onerror|cv=/, link);
  for (const id of ['#b-element', '#b-iframe']) {
    assert.doesNotMatch(await p.inputValue(id), /<img|onerror/, `${id}: no markup from the field`);
  }
  // A construction link may preset the headcount beside the contract value.
  await type(p, '#b-basis', '8000');
  await type(p, '#b-e', '2000');
  assert.match(await p.inputValue('#b-link'), /&cv=8000&e=2000&/);
  // A tag with a space is said, not dropped in silence.
  await type(p, '#b-c', 'gd-2026 winter!');
  await p.locator('#b-c-error').waitFor();
  assert.doesNotMatch(await p.inputValue('#b-link'), /c=/);
  await p.close();
});

test('pack-src must be served as JSON (security N8)', async () => {
  const p = await browser.newPage();
  await p.goto(`${server.url}html-pack.html`);
  await p.locator('#w #pack-error').waitFor({ timeout: 30000 });
  assert.match(await p.locator('#w').evaluate((e) => e.shadowRoot.textContent), /application\/json/);
  assert.equal(await p.locator('#w #premium').count(), 0, 'no figure from a refused pack');
  await p.close();
  const ok = await browser.newPage();
  await ok.goto(`${server.url}json-pack.html`);
  await ok.locator('#w #pack-label').waitFor({ timeout: 30000 });
  await ok.close();
});

test('link-base must be http(s): a javascript: one is ignored (security N6)', async () => {
  const p = await browser.newPage();
  await p.goto(`${server.url}link-base.html`);
  await p.locator('#w #share-link').waitFor({ timeout: 30000 });
  const link = await p.locator('#w #share-link').inputValue();
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/index\.html#/, link);
  await p.close();
});

test('awaits-pack keeps waiting when the host sets pack = null (security N7)', async () => {
  const p = await browser.newPage();
  await p.addInitScript(() => { window.seen = []; document.addEventListener('baofei-quote', (e) => window.seen.push(e.detail.premium)); });
  await p.goto(`${server.url}waits-null.html`);
  await p.locator('#w .bf-loading').waitFor();
  await p.evaluate(() => { document.getElementById('w').pack = null; });
  // The element re-renders in a microtask: wait until it has run, then look.
  await p.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0))));
  assert.equal(await p.locator('#w .bf-loading').count(), 1);
  assert.equal(await p.locator('#w #premium').count(), 0);
  assert.deepEqual(await p.evaluate(() => window.seen), []);
  await p.close();
});

test('on a phone the sticky bar takes you to the breakdown, or to the field to correct (newcomer 3.9)', async () => {
  const { page } = await open(browser, `${server.url}#v=1&e=120`, { width: 360, height: 740 });
  await page.locator('#share-link').waitFor({ timeout: 30000 });
  await page.locator('.bf-sticky').click();
  await page.waitForFunction(() => document.activeElement?.id === 'breakdown');
  await type(page, '#f-e', 'abc');
  await page.locator('#f-e').blur();
  await page.locator('.bf-sticky-error').waitFor();
  await page.locator('.bf-sticky').click();
  await page.waitForFunction(() => document.activeElement?.id === 'f-e');
  await page.close();
});

test('重新开始 can be undone until the next edit (newcomer 12.1)', async () => {
  const { page } = await open(browser, `${server.url}#v=1&e=345&a.blacklist=yes`);
  await page.locator('#share-link').waitFor({ timeout: 30000 });
  await page.locator('#start-over').click();
  await page.locator('#undo-note').waitFor();
  assert.notEqual(await page.inputValue('#f-e'), '345');
  await page.locator('#undo').click();
  await page.waitForFunction(() => document.querySelector('#f-e').value === '345');
  assert.equal(await page.locator('#undo-note').count(), 0);
  assert.match(await page.locator('#share-link').inputValue(), /a\.blacklist=yes/, 'the self-assessment answer comes back too');
  await page.close();
});

test('printing with an input error prints what was entered beside the errors, and no empty self-assessment (newcomer 12.2)', chromiumOnly("print-media emulation (Playwright's emulateMedia does nothing over Firefox's BiDi)"), async () => {
  // Not the harness's open(): it waits for a premium, which an error state has none of.
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}#v=1&r=chongqing&e=15x`);
  await page.locator('.bf-errors').waitFor({ timeout: 30000 });
  await page.locator('#share-link').waitFor({ timeout: 30000 });
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.bf-summary').isVisible(), true, 'the input summary prints');
  assert.match(await page.locator('.bf-summary').textContent(), /重庆市/);
  assert.equal(await page.locator('.bf-errors').isVisible(), true);
  assert.equal(await page.locator('.bf-assess').isVisible(), false, 'no self-assessment heading with nothing under it');
  await page.close();
});

test('a link\'s unknown region shows as what it is, not as another province (newcomer 4.5); advice is not called a duty (6.4)', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}#v=1&r=mars`);
  await page.locator('#f-r').waitFor({ timeout: 30000 });
  await page.waitForFunction(() => document.querySelector('#f-r')?.selectedOptions[0]?.textContent.includes('mars'));
  assert.match(await page.locator('#f-r').evaluate((s) => s.selectedOptions[0].textContent), /无效：mars/);
  assert.doesNotMatch(await page.locator('#f-r').evaluate((s) => s.selectedOptions[0].textContent), /新疆/);
  await page.close();
  const { page: p } = await open(browser, `${server.url}#v=1&e=120&a.occupational_hazards=yes`);
  await p.locator('#gaps li[data-question="occupational_hazards"]').waitFor({ timeout: 30000 });
  const gap = await p.locator('#gaps li[data-question="occupational_hazards"]').textContent();
  assert.match(gap, /属建议/);
  assert.doesNotMatch(gap, /合规要求/);
  await p.close();
});

test('an offer service the form has no field for is listed in the offer error itself (security N2)', async () => {
  const { page } = await open(browser, `${server.url}#v=1&o.s.bogus_service=1&o.prem=56700`);
  await page.locator('#offer-error').waitFor({ timeout: 30000 });
  assert.match(await page.locator('#offer-error').textContent(), /bogus_service/);
  await page.close();
});

test('newcomer minors: an untouched required field is asked for, not blamed; the high-risk class is not asked twice; the partial result says what waits; the example says it is one', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true });
  await page.goto(`${server.url}index.html#v=1&s=construction.high_risk`);
  await page.locator('#known').waitFor({ timeout: 30000 });
  // 2.6: the empty contract value is a neutral request; the per-person placeholder stays.
  assert.equal(await page.getAttribute('#f-cv', 'aria-invalid'), 'false');
  assert.equal(await page.locator('#f-cv-err.bf-need').count(), 1);
  assert.equal(await page.getAttribute('#f-pp', 'placeholder'), '40');
  // 2.3: the sub-sector is the high-risk class: its box is shown checked and fixed.
  assert.equal(await page.isChecked('#f-hr'), true);
  assert.equal(await page.isDisabled('#f-hr'), true);
  // The result asks for it in the same words, not "correct these inputs".
  assert.match(await page.textContent('.bf-errors.bf-needed h3'), /请填写以下内容/);
  // 2.9: the partial result counts the services that wait for the contract value.
  assert.match(await page.textContent('#services-pending'), /另有 2 项服务/);
  // Typing a bad value does blame it (after leaving the field).
  await type(page, '#f-cv', 'abc');
  await page.keyboard.press('Tab');
  await page.locator('#f-cv-err.bf-err').waitFor();
  assert.equal(await page.getAttribute('#f-cv', 'aria-invalid'), 'true');
  // 1.13: the example note shows on the default form and goes once the reader's input differs.
  await page.goto(`${server.url}index.html`);
  await page.locator('.bf[data-ready]').waitFor({ timeout: 30000 });
  assert.match(await page.textContent('#example-note'), /示例企业/);
  await type(page, '#f-e', '120');
  await page.locator('#example-note').waitFor({ state: 'detached' });
  await page.close();
});

test('newcomer minors at 360 px in English: history heads do not run together or clip, no Chinese colon or 万元 in English sentences, prevention in one plain sentence', async () => {
  for (const lang of ['zh', 'en']) {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, locale: lang === 'en' ? 'en-US' : 'zh-CN' });
    await page.goto(`${server.url}index.html#v=1&lang=${lang}`);
    await page.locator('.bf[data-ready]').waitFor({ timeout: 30000 });
    // 3.10, 4.2: every head and row label fits its cell.
    const overflow = await page.$$eval('.bf-history th', (ths) => ths.filter((t) => {
      // The text's own box, not the cell's: a table cell grows to fit, its text can still spill out.
      const r = document.createRange();
      r.selectNodeContents(t);
      const text = r.getBoundingClientRect(), cell = t.getBoundingClientRect();
      return t.scrollWidth > t.clientWidth + 1 || text.left < cell.left - 0.5 || text.right > cell.right + 0.5;
    }).map((t) => t.textContent));
    assert.deepEqual(overflow, [], `${lang}: heads wider than their column`);
    if (lang === 'en') {
      // 4.1: no full-width colon after the penalty label, no 万元 in the date hint.
      assert.match(await page.textContent('#penalty strong'), /: $/);
      assert.doesNotMatch(await page.textContent('#f-d-hint'), /万/);
    }
    // 1.9: one plain sentence with the range of what prevention gets.
    assert.match(await page.textContent('#prevention-plain'), lang === 'en' ? /the insurer should spend CNY [\d,]+ – CNY [\d,]+/ : /应在 [\d.]+万元 – [\d.]+万元 之间/);
    await page.close();
  }
});
