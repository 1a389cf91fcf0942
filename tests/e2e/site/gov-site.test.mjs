// Issue 29: ready for a government site. A government page that links a repost vouches for it, so the
// pages link only official copies of a rule (gov.cn); every other citation is text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch } from '../harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Hosts of every link inside a citation on the page, and how many citations there are. */
const cited = (page) => page.evaluate(() => {
  const cites = [...document.querySelectorAll('cite')];
  const hosts = [...document.querySelectorAll('cite a[href]')].map((a) => new URL(a.href).host);
  return { cites: cites.length, hosts };
});
const official = (h) => h === 'gov.cn' || h.endsWith('.gov.cn');

test('the widget and the rules page link only official copies of a rule, in every line and a few places', async () => {
  const page = await browser.newPage();
  let total = 0;
  for (const hash of ['', '#v=1&r=hunan&s=construction.general&cv=3000', '#v=1&r=jiangsu&l=environmental&s=hazardous_waste.operator&e=80&h1.l=1', '#v=1&r=jilin&e=300', '#v=1&r=guangdong_zhongshan&e=50&lang=en']) {
    await page.goto(`${server.url}index.html${hash}`);
    await page.locator('.bf[data-ready]').waitFor({ timeout: 30000 });
    await page.locator('#trace summary').click();
    const { cites, hosts } = await cited(page);
    total += cites;
    assert.deepEqual(hosts.filter((h) => !official(h)), [], `${hash}: a link to a repost`);
  }
  assert.ok(total > 50, `only ${total} citations seen`);
  for (const r of ['', '#r=hebei', '#r=guangdong_zhongshan', '#r=jilin']) {
    await page.goto(`${server.url}rules.html${r}`);
    await page.locator('cite').first().waitFor();
    const { hosts } = await cited(page);
    assert.deepEqual(hosts.filter((h) => !official(h)), [], `rules.html${r}: a link to a repost`);
  }
  await page.close();
});

test('sharing: a short Chinese title, a link card with a square image, and a copy that works without the clipboard API', async () => {
  const { readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { DIST } = await import('../harness.mjs');
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const og = (p) => html.match(new RegExp(`<meta property="og:${p}" content="([^"]*)"`))?.[1];
  assert.equal(og('title'), '安责险·环责险保费测算与自评');
  assert.ok(og('description')?.length > 10);
  const png = await readFile(join(DIST, og('image')));
  const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  assert.ok(w >= 300 && h >= 300, `og:image ${w}x${h}`);
  // Plain http and some WebViews have no navigator.clipboard: the link is selected and the reader told.
  const page = await browser.newPage();
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  await page.goto(`${server.url}index.html#v=1&e=120`);
  await page.locator('#share-link').waitFor({ timeout: 30000 });
  await page.click('.bf-share .bf-copy');
  await page.locator('.bf-copy-by-hand').waitFor();
  assert.match(await page.textContent('.bf-copy-by-hand'), /Ctrl\+C/);
  const sel = await page.evaluate(() => { const i = document.getElementById('share-link'); return [document.activeElement === i, i.selectionStart, i.selectionEnd, i.value.length]; });
  assert.deepEqual(sel, [true, 0, sel[3], sel[3]], 'the whole link is selected');
  await page.close();
});

test('focus stays visible on every control: never under the phone\'s sticky bar, a ring of 3:1 on its own background, at 360 px, 200% zoom and in the elder mode', async () => {
  for (const [zoom, hash] of [[1, ''], [2, ''], [1, '#v=1&elder=1']]) {
    // 200% zoom on a 360 px phone: the page lays out at 180 CSS px, every size doubled.
    const page = await browser.newPage({ viewport: { width: 360 / zoom, height: Math.round(740 / zoom) }, deviceScaleFactor: zoom, isMobile: true });
    await page.goto(`${server.url}index.html${hash}`);
    await page.locator('.bf[data-ready]').waitFor({ timeout: 30000 });
    // Every panel open, so its controls are reached too. Opening the offer check hands the page over
    // to the widget's build (issue 31): its panels are opened again once it is there.
    await page.evaluate(() => document.querySelectorAll('.bf details').forEach((d) => { d.open = true; }));
    await page.locator('#offer-add').waitFor({ timeout: 30000 });
    await page.evaluate(() => document.querySelectorAll('.bf details').forEach((d) => { d.open = true; }));
    await page.focus('#lang-toggle');
    const problems = [], seen = new Set();
    const measure = () => page.evaluate(() => {
      const a = document.activeElement;
      if (!a || a === document.body || !a.closest('.bf')) return null;
      const key = a.id || `${a.tagName}:${a.name}:${a.textContent.slice(0, 20)}`;
      const bar = document.querySelector('.bf-sticky');
      const f = a.getBoundingClientRect();
      const b = bar && getComputedStyle(bar).display !== 'none' ? bar.getBoundingClientRect() : null;
      // A control: no part under the bar. A region taller than the room above the bar (a scrollable
      // table) cannot be wholly above it: its top, where reading starts, must be (WCAG 2.4.11).
      const overlap = !!b && !a.closest('.bf-sticky') && f.bottom > b.top + 1 && f.top < b.bottom;
      const covered = overlap && (f.height <= 120 ? true : f.top > b.top - 24);
      const st = getComputedStyle(a);
      // The ring against what is behind the control: the first opaque background up the tree.
      let bg = [255, 255, 255];
      for (let e = a.parentElement; e; e = e.parentElement) {
        const m = getComputedStyle(e).backgroundColor.match(/[\d.]+/g)?.map(Number);
        if (m && (m.length < 4 || m[3] > 0.5)) { bg = m.slice(0, 3); break; }
      }
      const ring = st.outlineColor.match(/[\d.]+/g).map(Number);
      const lin = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
      const L = (m) => 0.2126 * lin(m[0]) + 0.7152 * lin(m[1]) + 0.0722 * lin(m[2]);
      const [hi, lo] = [L(ring), L(bg)].sort((x, y) => y - x);
      return { key, covered, ring: st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) >= 2, ratio: (hi + 0.05) / (lo + 0.05),
        where: `control ${f.top.toFixed(0)}-${f.bottom.toFixed(0)}, bar ${b ? `${b.top.toFixed(0)}-${b.bottom.toFixed(0)}` : 'none'}, scrollY ${scrollY}` };
    });
    for (let i = 0; i < 400; i++) {
      let r = await measure();
      // The CI's 2 cores once saw a control under the bar that sits 180 px clear of it here: measured
      // mid-layout. The page keeps the focused control clear when it changes size (hooks::section), so a
      // control still covered once the page holds still (the same geometry three frames running, at
      // most 60 frames) is a finding.
      if (r?.covered) {
        await page.evaluate(() => new Promise((ok) => {
          const at = () => { const a = document.activeElement.getBoundingClientRect(); const b = document.querySelector('.bf-sticky').getBoundingClientRect(); return `${a.top},${a.bottom},${b.top},${scrollY}`; };
          let last = at(), same = 0, n = 0;
          const tick = () => { const now = at(); same = now === last ? same + 1 : 0; last = now; if (same >= 3 || ++n > 60) ok(); else requestAnimationFrame(tick); };
          requestAnimationFrame(tick);
        }));
        r = await measure();
      }
      if (r) {
        // Round the page and back to the start: every control seen (a date input takes several Tabs).
        if (r.key === 'lang-toggle' && seen.size > 1) break;
        if (seen.has(r.key)) { await page.keyboard.press('Tab'); continue; }
        seen.add(r.key);
        if (r.covered) problems.push(`${r.key} under the sticky bar (${r.where})`);
        if (!r.ring) problems.push(`${r.key} has no ring`);
        else if (r.ratio < 3) problems.push(`${r.key} ring ${r.ratio.toFixed(2)}:1`);
      }
      await page.keyboard.press('Tab');
    }
    assert.ok(seen.size >= 60, `zoom ${zoom} ${hash}: only ${seen.size} controls reached`);
    if (problems.length && process.env.BAOFEI_SHOT) await page.screenshot({ path: `/tmp/focus-${zoom}.png` });
    assert.deepEqual(problems, [], `zoom ${zoom} ${hash}`);
    await page.close();
  }
});

test('a privacy note in both languages says what is computed where, what is stored, and what a link carries', async () => {
  for (const [lang, words] of [['zh', [/浏览器内完成/, /本地存储/, /分享链接和二维码/, /统计代码/]], ['en', [/computed in your browser/, /local storage/, /share link or QR code carries/, /analytics/]]]) {
    // A page per language: a new fragment on the same page is not a new visit.
    const page = await browser.newPage();
    await page.goto(`${server.url}index.html#v=1&lang=${lang}`);
    await page.locator('.bf[data-ready]').waitFor({ timeout: 30000 });
    await page.click('#privacy summary');
    const text = await page.textContent('#privacy');
    for (const w of words) assert.match(text, w, `${lang}: ${w}`);
    await page.close();
  }
});
