// Issue 30 M9: the iframe carries an insurer's pack and colours. `mountFrame(host, { pack, theme })` sends
// the pack over the checked postMessage channel, cross-origin; the framed page validates it as the element
// does, never shows the reference figures as the insurer's, and tells the host when it refuses it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, DIST } from '../harness.mjs';

let a, b, browser, pack;
before(async () => {
  a = await serve(); b = await serve(); browser = await launch();
  pack = JSON.parse(await readFile(join(DIST, 'embed', 'example-insurer-pack.json'), 'utf8'));
});
after(async () => { await browser?.close(); await a?.close(); await b?.close(); });

/** A host page on origin `a` framing the site on origin `b` with these mountFrame options. */
async function host(options) {
  const p = await browser.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  await p.goto(`${a.url}demo.css`);
  await p.evaluate(async ([src, options]) => {
    const { mountFrame } = await import('./embed/baofei-iframe.js');
    const el = Object.assign(document.createElement('div'), { id: 'frame-host' });
    document.body.append(el);
    window.quotes = []; window.failures = [];
    el.addEventListener('baofei-quote', (e) => window.quotes.push(e.detail.premium));
    el.addEventListener('baofei-error', (e) => window.failures.push(e.detail));
    window.baofeiFrame = mountFrame(el, { src, preset: 'r=chongqing&e=100&sz=medium', ...options });
  }, [`${b.url}index.html`, options]);
  return { p, errors, frame: p.frameLocator('#frame-host iframe') };
}

test('mountFrame({ pack, theme }): the framed page prices with the insurer\'s pack, cross-origin, in its colours, and never shows the reference price', async () => {
  // What the insurer's pack gives for this enterprise, from the element on the site's own origin.
  const ref = await browser.newPage();
  await ref.goto(`${b.url}demo.css`);
  const expected = await ref.evaluate(async (pack) => {
    await import('./embed/baofei-embed.js');
    const el = document.createElement('baofei-quote');
    Object.assign(el, { pack });
    el.setAttribute('region', 'chongqing'); el.setAttribute('employees', '100'); el.setAttribute('size-class', 'medium');
    document.body.append(el);
    return new Promise((done) => el.addEventListener('baofei-quote', (e) => done(e.detail.premium), { once: true }));
  }, pack);
  await ref.close();
  assert.notEqual(expected, '54000.00', 'the example pack prices differently from the reference');

  const { p, errors, frame } = await host({ pack, theme: { accent: '#b22222', radius: '2px', bg: 'url(https://evil.example/x.png)' } });
  await frame.locator('.bf[data-ready] #premium').waitFor({ timeout: 30000 });
  assert.equal(await frame.locator('#premium').getAttribute('data-yuan'), expected);
  assert.match(await frame.locator('.bf-result').textContent(), new RegExp(pack.meta.name_zh), 'whose rates');
  await p.waitForFunction(() => window.quotes.length > 0);
  assert.ok((await p.evaluate(() => window.quotes)).every((q) => q !== '54000.00'), 'no reference price reached the host');
  // Only the insurer's figures were ever shown: the static (reference) frame stayed hidden.
  assert.equal(await frame.locator('[data-prerendered]').count(), 0);
  const [accent, bg] = await frame.locator('html').evaluate(() => {
    const s = getComputedStyle(document.documentElement);
    return [s.getPropertyValue('--bf-accent').trim(), s.getPropertyValue('--bf-bg').trim()];
  });
  assert.equal(accent, '#b22222');
  assert.ok(!bg.includes('url'), `a value that loads something is dropped: ${bg}`);
  assert.deepEqual(errors, []);
  await p.close();
});

test('mountFrame({ pack }) with a refused pack: the frame says so with no figure, and the host hears baofei-error', async () => {
  const { p, frame } = await host({ pack: { meta: { id: 'x' } } });
  await frame.locator('#pack-error').waitFor({ timeout: 30000 });
  assert.equal(await frame.locator('#premium').count(), 0);
  await p.waitForFunction(() => window.failures.some((f) => f.stage === 'pack'));
  const f = (await p.evaluate(() => window.failures)).find((x) => x.stage === 'pack');
  assert.equal(f.code, 'invalid_pack');
  assert.ok(f.count >= 1 && f.message);
  await p.close();
});
