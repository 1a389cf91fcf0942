// A government site's accessibility toolbar (无障碍工具条) around Baofei (issue 29 item 3; gov-site review
// row 11): its high-contrast switch and its hover read-aloud work on the standalone page, on the
// element and in the iframe, within the pages' strict CSP (the toolbar is served from the site itself,
// as a same-origin script or stylesheet is the only kind the policy lets in).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, chromiumOnly } from '../harness.mjs';

// A toolbar's "高对比度" stylesheet as the review simulated it: yellow on black, forced on every node of
// the page it can reach.
const TOOLBAR_CSS = '* { color: #ff0 !important; background-color: #000 !important; }';
let server, browser;
before(async () => {
  server = await serve(undefined, {}, {
    '/toolbar.css': (req, res) => { res.writeHead(200, { 'content-type': 'text/css' }); res.end(TOOLBAR_CSS); },
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** Switches the simulated toolbar on: its stylesheet (same origin) and the documented switch. */
const toolbarOn = (page, { attribute = true } = {}) => page.evaluate(async (attribute) => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective));
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = 'toolbar.css';
  const loaded = new Promise((ok) => { link.onload = ok; });
  document.head.append(link);
  await loaded;
  if (attribute) document.documentElement.dataset.bfContrast = 'high';
}, attribute);

/** Contrast of an element's text against the first opaque background behind it (in its own tree). */
const contrast = (locator) => locator.evaluate((el) => {
  const rgb = (s) => s.match(/[\d.]+/g).map(Number);
  const lin = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const L = (m) => 0.2126 * lin(m[0]) + 0.7152 * lin(m[1]) + 0.0722 * lin(m[2]);
  let bg = [255, 255, 255];
  for (let e = el; e; e = e.parentElement ?? e.getRootNode().host) {
    const m = rgb(getComputedStyle(e).backgroundColor);
    if (m.length < 4 || m[3] > 0.5) { bg = m.slice(0, 3); break; }
  }
  const [hi, lo] = [L(rgb(getComputedStyle(el).color)), L(bg)].sort((a, b) => b - a);
  return { ratio: (hi + 0.05) / (lo + 0.05), bg: bg.join(',') };
});

test('the standalone page follows a toolbar\'s high contrast, under its CSP', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await page.goto(`${server.url}index.html`);
  await page.locator('.bf[data-ready]').waitFor({ timeout: 30000 });
  await toolbarOn(page);
  for (const sel of ['#premium', 'label[for=f-e]', '.bf-result .bf-hint', '#elder-toggle']) {
    const c = await contrast(page.locator(sel).first());
    assert.ok(c.ratio >= 7, `${sel}: ${c.ratio.toFixed(2)}:1 on ${c.bg}`);
    assert.equal(c.bg, '0,0,0', `${sel} on black`);
  }
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation');
  await page.close();
});

test('the element: the toolbar\'s colours never make it unreadable, the documented switch recolours it, parts are stylable, and read-aloud hears the text under the pointer', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}demo.html`);
  const premium = page.locator('#themed #premium');
  await premium.waitFor({ timeout: 30000 });
  // The toolbar's stylesheet alone (it cannot reach into the shadow root): the widget keeps its own
  // readable colours instead of yellow text on its white panels.
  await toolbarOn(page, { attribute: false });
  const label = page.locator('#themed label[for=f-e]');
  assert.ok((await contrast(label)).ratio >= 4.5, 'readable under the toolbar alone');
  // The switch: every element on the page turns to its high-contrast colours.
  await page.evaluate(() => { document.documentElement.dataset.bfContrast = 'high'; });
  await page.waitForFunction(() => document.querySelector('#themed').hasAttribute('data-bf-page-contrast'));
  const p = await contrast(premium);
  assert.ok(p.ratio >= 7 && p.bg === '0,0,0', `premium ${p.ratio.toFixed(2)}:1 on ${p.bg}`);
  assert.ok((await contrast(label)).ratio >= 7);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  // A host stylesheet reaches the widget's parts.
  await page.evaluate(() => {
    const s = new CSSStyleSheet();
    s.replaceSync('baofei-quote::part(premium) { outline: 3px solid rgb(1, 2, 3); }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, s];
  });
  assert.equal(await premium.evaluate((e) => getComputedStyle(e).outlineColor), 'rgb(1, 2, 3)');
  // Read-aloud as toolbars do it: the hovered target's innerText, heard at the document.
  await page.evaluate(() => {
    window.__spoken = '';
    document.addEventListener('mouseover', (e) => { window.__spoken = (e.target.innerText ?? '').trim(); });
  });
  await premium.hover();
  assert.equal(await page.evaluate(() => window.__spoken), (await premium.textContent()).trim());
  await label.hover();
  assert.equal(await page.evaluate(() => window.__spoken), (await label.textContent()).trim());
  // Screen readers do not hear it twice.
  assert.equal(await page.locator('#themed > [slot=speech]').getAttribute('aria-hidden'), 'true');
  await page.close();
});

test('forced colours and the system\'s contrast preference are followed', chromiumOnly('forced-colours emulation (emulateMedia over BiDi does not set it)'), async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.emulateMedia({ forcedColors: 'active', contrast: 'more' });
  await page.goto(`${server.url}index.html`);
  await page.locator('.bf[data-ready]').waitFor({ timeout: 30000 });
  // A chosen answer was told by its background alone: it keeps a visible outline.
  const chosen = page.locator('.bf-seg input:checked + label').first();
  assert.equal(await chosen.evaluate((e) => getComputedStyle(e).outlineStyle), 'solid');
  await page.emulateMedia({ forcedColors: 'none', contrast: 'more' });
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bf-accent').trim()), '#094a8c');
  await page.close();
});

test('the iframe takes the host\'s high contrast through mountFrame', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}iframe.html`);
  await page.locator('#events li').first().waitFor({ timeout: 30000 });
  await page.evaluate(async () => {
    const { mountFrame } = await import('./embed/baofei-iframe.js');
    const box = document.createElement('div');
    box.id = 'hc';
    document.body.append(box);
    mountFrame(box, { contrast: 'high' });
  });
  const frame = page.frameLocator('#hc iframe');
  await frame.locator('#premium').waitFor({ timeout: 30000 });
  assert.equal(await frame.locator('html').getAttribute('data-bf-contrast'), 'high');
  const p = await contrast(frame.locator('#premium'));
  assert.ok(p.ratio >= 7 && p.bg === '0,0,0', `framed premium ${p.ratio.toFixed(2)}:1 on ${p.bg}`);
  await page.close();
});
