// Regression tests for the security review of November 2026 (findings numbered as in that review),
// one or more per finding, each reproducing the reviewer's steps against dist/ as shipped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, DIST } from '../harness.mjs';

let a, b, browser;
const routes = {
  // An open redirect on the host's own origin (F4).
  '/redirect': (req, res, url) => { res.writeHead(302, { location: url.searchParams.get('to') }).end(); },
  // 2 MiB of pack, announced (F5).
  '/huge-pack.json': (req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(' '.repeat(2 * 1024 * 1024) + '{}'); },
  // 2 MiB of pack, not announced: streamed in chunks with no Content-Length (F5).
  '/streamed-pack.json': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    let sent = 0;
    const push = () => { if (sent > 2 * 1024 * 1024) return res.end('{}'); sent += 65536; res.write(' '.repeat(65536), push); };
    push();
  },
  // A response that never ends (F5).
  '/slow-pack.json': (req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.write('{'); },
};
before(async () => { a = await serve(DIST, {}, routes); b = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await a?.close(); await b?.close(); });

async function page(url) {
  const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  if (url) await p.goto(url);
  return { p, errors };
}

test('F1: a javascript: frame URL in the iframe demo is refused, not run', async () => {
  const payload = "javascript:parent.document.title='PWNED';parent.__pwned=1//";
  const { p } = await page(`${a.url}iframe.html?frame=${encodeURIComponent(payload)}`);
  await p.locator('#events li').first().waitFor({ timeout: 30000 });
  assert.equal(await p.evaluate(() => window.__pwned), undefined);
  assert.doesNotMatch(await p.title(), /PWNED/);
  assert.equal(await p.locator('#frame-refused').isVisible(), true);
  const src = await p.locator('#frame-host iframe').getAttribute('src');
  assert.ok(src.startsWith(`${a.url}index.html?parent=`), src);
  await p.close();
});

test('F1: the iframe demo frames no page of another origin from its query', async () => {
  const { p } = await page(`${a.url}iframe.html?frame=${encodeURIComponent(`${b.url}index.html`)}`);
  await p.locator('#events li').first().waitFor({ timeout: 30000 });
  assert.ok((await p.locator('#frame-host iframe').getAttribute('src')).startsWith(a.url));
  assert.equal(await p.locator('#frame-refused').isVisible(), true);
  await p.close();
});

test('F1: mountFrame throws on anything but an http(s) URL', async () => {
  const { p } = await page(`${a.url}iframe.html`);
  const got = await p.evaluate(async () => {
    const { mountFrame } = await import('./embed/baofei-iframe.js');
    const out = [];
    for (const src of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'blob:http://x/y']) {
      try { mountFrame(document.createElement('div'), { src }); out.push('mounted'); } catch (e) { out.push(e.name); }
    }
    return out;
  });
  assert.deepEqual(got, ['TypeError', 'TypeError', 'TypeError']);
  await p.close();
});

test('F2: a framed page neither reads nor writes the remembered inputs', async () => {
  const { p } = await page(`${a.url}index.html`);
  await p.locator('#premium').waitFor();
  const stored = 'v=1&bl=1&d=2026-11-24&e=777&h0.d=1&h0.o=2&r=jilin&s=fishery.inland';
  await p.evaluate((s) => localStorage.setItem('baofei.form', s), stored);
  // A page of the same site frames the widget with itself as parent and no fragment.
  await p.goto(`${a.url}demo.css`);
  const got = await p.evaluate(async (src) => {
    const quotes = [];
    window.addEventListener('message', (e) => e.data?.type === 'baofei:quote' && quotes.push(e.data.detail));
    const f = document.createElement('iframe');
    f.src = `${src}?parent=${encodeURIComponent(location.origin)}`;
    document.body.append(f);
    for (let i = 0; i < 100 && !quotes.length; i++) await new Promise((ok) => setTimeout(ok, 100));
    return { quotes: quotes.map((q) => [q.region, q.sector, q.premium]), remember: f.contentDocument.querySelectorAll('#remember').length };
  }, `${a.url}index.html`);
  assert.ok(got.quotes.length > 0, 'the frame quoted');
  for (const [region, sector] of got.quotes) assert.deepEqual([region, sector], ['chongqing', 'hazardous_chemicals.production']);
  assert.equal(got.remember, 0, 'no "remember" option in a frame');
  assert.equal(await p.evaluate(() => localStorage.getItem('baofei.form')), stored, 'the frame did not overwrite it');
  // The standalone page still remembers.
  await p.goto(`${a.url}index.html`);
  await p.locator('#premium').waitFor();
  assert.equal(await p.inputValue('#f-r'), 'jilin');
  await p.evaluate(() => localStorage.clear());
  await p.close();
});

test('F4: pack-src refuses a same-origin redirect to another origin, and data: URLs', async () => {
  const { p } = await page(`${a.url}demo.html`);
  await p.locator('#themed #premium').waitFor();
  const target = `${b.url}embed/example-insurer-pack.json`;
  await p.evaluate(([r, d]) => {
    for (const [id, src] of [['redir', r], ['datauri', d]]) {
      const el = document.createElement('baofei-quote');
      el.id = id;
      el.setAttribute('pack-src', src);
      document.body.append(el);
    }
  }, [`/redirect?to=${encodeURIComponent(target)}`, 'data:application/json,{}']);
  await p.locator('#redir #pack-error').waitFor();
  assert.match(await p.locator('#redir #pack-error').textContent(), /未能加载.*(重定向|其他来源)/s);
  assert.equal(await p.locator('#redir #premium').count(), 0);
  await p.locator('#datauri #pack-error').waitFor();
  assert.match(await p.locator('#datauri #pack-error').textContent(), /http\(s\)/);
  await p.close();
});

test('F5: pack-src is capped in size before it is read whole, and times out', async () => {
  const { p } = await page(`${a.url}demo.html`);
  await p.locator('#themed #premium').waitFor();
  await p.evaluate(() => {
    for (const [id, src] of [['huge', '/huge-pack.json'], ['streamed', '/streamed-pack.json']]) {
      const el = document.createElement('baofei-quote');
      el.id = id;
      el.setAttribute('pack-src', src);
      document.body.append(el);
    }
  });
  for (const id of ['huge', 'streamed']) {
    await p.locator(`#${id} #pack-error`).waitFor();
    assert.match(await p.locator(`#${id} #pack-error`).textContent(), /费率包过大/);
  }
  const slow = await p.evaluate(async () => {
    const { loadPack } = await import('./embed/baofei-embed.js');
    return loadPack('/slow-pack.json', { timeoutMs: 500 });
  });
  assert.match(slow.error.en, /timed out/);
  assert.match(slow.error.zh, /超时/);
  await p.close();
});

test('F11: why pack-src failed reaches the user in both languages', async () => {
  const { p } = await page(`${a.url}demo.html`);
  await p.locator('#themed #premium').waitFor();
  await p.evaluate(() => {
    for (const [id, lang, src] of [['missing', 'zh', 'no-such-pack.json'], ['elsewhere', 'en', 'http://127.0.0.2:9/pack.json']]) {
      const el = document.createElement('baofei-quote');
      el.id = id;
      el.setAttribute('lang', lang);
      el.setAttribute('pack-src', src);
      document.body.append(el);
    }
  });
  await p.locator('#missing #pack-error').waitFor();
  assert.match(await p.locator('#missing #pack-error').textContent(), /HTTP 404/);
  await p.locator('#elsewhere #pack-error').waitFor();
  assert.match(await p.locator('#elsewhere #pack-error').textContent(), /could not be loaded.*own origin/s);
  await p.close();
});

test('F6: a pack with thousands of problems lists a few, counts the rest, and keeps the live region short', async () => {
  const { p } = await page(`${a.url}demo.html`);
  await p.locator('#themed #premium').waitFor();
  const pack = JSON.parse(await readFile(join(DIST, 'embed', 'example-insurer-pack.json'), 'utf8'));
  pack.rates.work_safety.national[0].value[0].sectors = Array.from({ length: 1900 }, (_, i) => `casino${i}`);
  const started = Date.now();
  await p.evaluate((pk) => {
    const el = document.createElement('baofei-quote');
    el.id = 'many';
    el.pack = pk;
    document.body.append(el);
  }, pack);
  await p.locator('#many #pack-error').waitFor();
  assert.ok(Date.now() - started < 10000);
  assert.ok(await p.locator('#many #pack-error li').count() <= 21);
  assert.match(await p.locator('#many #pack-error-rest').textContent(), /另有 \d+ 项问题/);
  const live = await p.locator('#many [aria-live]').first().textContent();
  assert.ok(live.length < 200, live);
  assert.equal(await p.locator('#many #pack-error[role=alert], #many #pack-error[aria-live]').count(), 0);
  await p.close();
});

test('F8: link values for fields the form does not show are dropped with a note, not an error', async () => {
  const { p } = await page(`${a.url}index.html#v=1&rev=abc&t=abc&er=abc&r=jilin`);
  await p.locator('#premium').waitFor();
  const note = await p.locator('#link-note').textContent();
  assert.match(note, /已忽略/);
  assert.match(note, /营业收入/);
  assert.match(note, /核定年产能/);
  assert.match(note, /环境事件风险等级，|环境事件风险等级$|环境事件风险等级恢复/);
  assert.doesNotMatch(note, /选填/);
  assert.equal(await p.inputValue('#f-r'), 'jilin', 'the shown fields are kept');
  await p.click('#reset-defaults');
  await p.locator('#link-note').waitFor({ state: 'detached' });
  assert.equal(await p.inputValue('#f-r'), 'chongqing');
  await p.close();
});

test('F8: a remembered state that cannot be read is cleared, with a message and defaults', async () => {
  const { p } = await page(`${a.url}index.html`);
  await p.locator('#premium').waitFor();
  await p.evaluate(() => localStorage.setItem('baofei.form', 'v=9&e=1'));
  await p.goto(`${a.url}index.html`);
  await p.locator('#premium').waitFor();
  assert.match(await p.locator('#link-note').textContent(), /记住的输入无法读取，已清除/);
  await p.waitForFunction(() => localStorage.getItem('baofei.form') === null);
  await p.close();
});

test('F9: the frame obeys its parent window only, not another window of the same origin', async () => {
  const { p } = await page(`${a.url}iframe.html`);
  await p.locator('#events li').first().waitFor({ timeout: 30000 });
  const frame = p.frameLocator('#frame-host iframe');
  await frame.locator('h1').waitFor();
  // A sibling frame of the parent's origin posts the language message (its window is the source).
  await p.evaluate(async () => {
    const sib = document.createElement('iframe');
    sib.src = 'demo.css';
    document.body.append(sib);
    await new Promise((ok) => sib.addEventListener('load', ok));
    const target = window.baofeiFrame.frame.contentWindow;
    sib.contentWindow.Function('t', "t.postMessage({ type: 'baofei:lang', lang: 'en' }, '*')")(target);
  });
  await p.waitForTimeout(500);
  assert.match(await frame.locator('h1').textContent(), /安责险/, 'ignored');
  // The parent itself is obeyed.
  await p.evaluate(() => window.baofeiFrame.frame.contentWindow.postMessage({ type: 'baofei:lang', lang: 'en' }, '*'));
  await frame.locator('h1', { hasText: 'Work-safety' }).waitFor();
  await p.close();
});

test('F10: mount() and mountBuilder() with a non-element throw a TypeError and crash nothing', async () => {
  const { p, errors } = await page(`${a.url}demo.html`);
  await p.locator('#themed #premium').waitFor();
  const got = await p.evaluate(async () => {
    const m = await import('./baofei-web.js');
    const out = [];
    for (const root of [{}, document.createTextNode('x'), undefined, 1]) {
      try { m.mount(root, {}); out.push('mounted'); } catch (e) { out.push(e.name); }
      try { m.mountBuilder(root); out.push('mounted'); } catch (e) { out.push(e.name); }
    }
    return out;
  });
  assert.deepEqual([...new Set(got)], ['TypeError']);
  assert.equal(await p.locator('baofei-quote .bf-crash').count(), 0, 'no widget crashed');
  // A pack that is not a pack (a function) is an invalid pack, not a blank element.
  await p.evaluate(() => { const el = document.createElement('baofei-quote'); el.id = 'fnpack'; el.pack = () => 1; document.body.append(el); });
  await p.locator('#fnpack #pack-error').waitFor();
  assert.deepEqual(errors, []);
  await p.close();
});
