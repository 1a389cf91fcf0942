// Issue 16 point 4: a link builder marketers can use: every sector's link opens on a figure, a campaign
// tag rides in the link and the events, a live preview, and QR downloads (PNG decoded, SVG parsed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { serve, launch, DIST } from '../harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('every sector: the builder\'s link opens on a premium, never on an error', async () => {
  const p = await browser.newPage();
  await p.goto(`${server.url}builder.html`);
  await p.locator('#b-s').waitFor();
  const w = await browser.newPage();
  let checked = 0;
  for (const line of ['work_safety', 'environmental']) {
    await p.selectOption('#b-l', line);
    for (const sector of await p.$$eval('#b-s option', (o) => o.map((x) => x.value))) {
      await p.selectOption('#b-s', sector);
      const link = await p.inputValue('#b-link');
      assert.match(link, new RegExp(`s=${sector.replace('.', '\\.')}`));
      await w.goto('about:blank');
      await w.goto(link);
      await w.locator('#premium, .bf-errors').first().waitFor({ timeout: 30000 });
      assert.equal(await w.locator('.bf-errors').count(), 0, `${sector}: ${link}`);
      checked += 1;
    }
  }
  assert.ok(checked >= 30, `${checked} sectors`);
  await p.close(); await w.close();
});

test('a campaign tag rides in the link and in the widget\'s events; the preview shows the link', async () => {
  const p = await browser.newPage();
  await p.goto(`${server.url}builder.html`);
  await p.locator('#b-c').waitFor();
  await p.fill('#b-c', 'spring-2026');
  await p.dispatchEvent('#b-c', 'input');
  const link = await p.inputValue('#b-link');
  assert.match(link, /&c=spring-2026$/);
  assert.match(await p.inputValue('#b-element'), /campaign="spring-2026"/);
  assert.equal(await p.getAttribute('#b-preview', 'src'), link);
  // The preview shows what the link opens, after every change.
  await p.selectOption('#b-s', 'construction.general');
  // The preview loads lazily, as the reader scrolls to it (Firefox waits until it is near the screen).
  await p.locator('#b-preview').scrollIntoViewIfNeeded();
  const preview = p.frameLocator('#b-preview');
  await preview.locator('#premium').waitFor();
  assert.equal(await preview.locator('#f-s').inputValue(), 'construction.general');
  const w = await browser.newPage();
  await w.addInitScript(() => { window.tags = []; document.addEventListener('baofei-quote', (e) => window.tags.push(e.detail.campaign)); });
  await w.goto(`${server.url}demo.html`);
  await w.evaluate(() => {
    const el = document.createElement('baofei-quote');
    el.id = 'tagged';
    el.setAttribute('campaign', 'spring-2026');
    document.body.append(el);
  });
  await w.waitForFunction(() => window.tags.includes('spring-2026'));
  await p.fill('#b-c', 'bad tag!');
  await p.dispatchEvent('#b-c', 'input');
  assert.equal(await p.getAttribute('#b-c', 'aria-invalid'), 'true');
  await p.close(); await w.close();
});

test('the QR code downloads as a valid PNG at the chosen size and as an SVG with its caption', async () => {
  const p = await browser.newPage();
  await p.goto(`${server.url}builder.html`);
  await p.locator('#b-qr').waitFor();
  await p.selectOption('#b-size', '256');
  await p.fill('#b-caption', '扫码测算 Scan me');
  await p.dispatchEvent('#b-caption', 'input');
  const [png] = await Promise.all([p.waitForEvent('download'), p.click('#b-dl-png')]);
  assert.equal(png.suggestedFilename(), 'baofei-qr-256.png');
  const bytes = await readFile(await png.path());
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
  const width = bytes.readUInt32BE(16), height = bytes.readUInt32BE(20);
  assert.equal(width, 256);
  assert.ok(height > 256, 'room for the caption');
  // Decode: inflate the IDAT chunks; 8-bit RGBA rows, each with a filter byte.
  let at = 8; const idat = [];
  while (at < bytes.length) {
    const len = bytes.readUInt32BE(at), type = bytes.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  assert.equal(bytes[24], 8, 'bit depth 8');
  assert.equal(bytes[25], 6, 'RGBA');
  assert.equal(inflateSync(Buffer.concat(idat)).length, height * (1 + width * 4));
  const [svg] = await Promise.all([p.waitForEvent('download'), p.click('#b-dl-svg')]);
  const text = await readFile(await svg.path(), 'utf8');
  assert.match(text, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="256"/);
  assert.match(text, /<text [^>]*>扫码测算 Scan me<\/text>/);
  assert.equal(text.match(/<path /g).length, 1);
  await p.close();
});

test('the element snippet carries a link to the full page, shown only where its script cannot run (newcomer 7.6)', async () => {
  const p = await browser.newPage();
  await p.goto(`${server.url}builder.html`);
  await p.locator('#b-element').waitFor();
  const snippet = await p.inputValue('#b-element');
  const link = await p.inputValue('#b-link');
  assert.match(snippet, /<baofei-quote [^>]*><a href="[^"]+">打开安责险、环责险保费测算<\/a><\/baofei-quote>/);
  await p.close();
  const page = (body) => (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>host</title></head><body>${body}</body></html>`);
  };
  // The snippet names the builder's origin; the host serves the same files, so it is pointed there (a
  // host on another origin would need CORS headers, which is the blocked case below).
  let own = '';
  const here = () => snippet.replaceAll(server.url, own);
  const host = await serve(DIST, {}, {
    '/works.html': (req, res) => page(here())(req, res),
    // The module blocked, as on another origin without CORS headers: here, a path that is not there.
    '/blocked.html': (req, res) => page(here().replace('embed/baofei-embed.js', 'embed/not-here.js'))(req, res),
  });
  own = host.url;
  try {
    const w = await browser.newPage();
    await w.goto(`${host.url}blocked.html`);
    const a = w.locator('baofei-quote > a');
    await a.waitFor();
    assert.ok(await a.isVisible(), 'the fallback link shows when the script does not run');
    assert.equal(new URL(await a.getAttribute('href')).hash, new URL(link).hash, 'it opens the same preset');
    await w.goto(`${host.url}works.html`);
    await w.locator('baofei-quote #premium').waitFor({ timeout: 30000 });
    assert.equal(await w.locator('baofei-quote > a').isVisible(), false, 'the widget replaces it');
    await w.close();
  } finally {
    await host.close();
  }
});
