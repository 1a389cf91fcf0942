// Issue 16 point 1: demo.html and iframe.html show, beside each live example, the code that makes it;
// what is shown is what runs (checked against the page's own source and the files it loads).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, DIST } from '../harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

for (const page of ['demo.html', 'iframe.html']) {
  test(`${page}: every code sample equals what the page runs, and has a copy button`, async () => {
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    p.on('pageerror', (e) => errors.push(String(e)));
    await p.goto(server.url + page);
    await p.waitForSelector('html[data-taught=true]');
    const raw = await readFile(join(DIST, page), 'utf8');
    const samples = await p.$$eval('pre[data-source]', (pres) => pres.map((pre) => ({ spec: pre.dataset.source, text: pre.textContent, copy: pre.nextElementSibling?.matches('button.copy') })));
    assert.ok(samples.length >= (page === 'demo.html' ? 10 : 2), `${samples.length} samples`);
    for (const { spec, text, copy } of samples) {
      assert.ok(copy, `${spec}: a copy button`);
      const [kind, ref] = [spec.slice(0, spec.indexOf(':')), spec.slice(spec.indexOf(':') + 1)];
      if (kind === 'file') assert.equal(text, (await readFile(join(DIST, ref), 'utf8')).trimEnd(), spec);
      else assert.ok(raw.includes(text), `${spec}: ${text} is not in ${page} as written`);
    }
    // And it runs: the event listener shown logs quotes, the script-set pack prices.
    await p.waitForSelector('#events li');
    if (page === 'demo.html') {
      await p.locator('#insurer-js #premium').waitFor();
      assert.equal(await p.locator('#insurer-js #premium').getAttribute('data-yuan'), await p.locator('#insurer #premium').getAttribute('data-yuan'), 'the script-set pack prices like the pack-src one');
      assert.equal(await p.locator('#compact h1').count(), 0);
      assert.equal(await p.getAttribute('a[href="EMBEDDING.md"]', 'href'), 'EMBEDDING.md');
      const guide = await p.request.get(server.url + 'EMBEDDING.md');
      assert.match(await guide.text(), /^# Embedding Baofei/);
    }
    assert.deepEqual(errors, []);
    await p.close();
  });
}
