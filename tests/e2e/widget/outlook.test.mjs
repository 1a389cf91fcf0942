// 保费展望 in the widget (issue 32 item 5): three courses of events, three renewals each, figures that
// agree with the premium above and with their own sentences, in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, type } from '../harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

for (const [lang, hash] of [['zh', '#v=1&h0.l=1'], ['en', '#v=1&lang=en&h0.l=1']]) {
  test(`the outlook after a 较大 accident, ${lang}: the table, the sentences and the premium agree`, async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${server.url}index.html${hash}`);
    await page.locator('.bf[data-ready] #outlook').waitFor({ timeout: 30000 });
    const t = await page.evaluate(() => ({
      premium: document.querySelector('#premium').textContent,
      rows: [...document.querySelectorAll('#outlook tbody tr')].map((r) => ({ id: r.dataset.scenario, cells: [...r.querySelectorAll('td')].map((c) => c.textContent) })),
      says: Object.fromEntries([...document.querySelectorAll('#outlook li')].map((l) => [l.dataset.scenario, l.textContent])),
      overflow: document.documentElement.scrollWidth - innerWidth,
    }));
    assert.deepEqual(t.rows.map((r) => r.id), ['none', 'ordinary', 'larger']);
    for (const r of t.rows) {
      assert.equal(r.cells.length, 4);
      assert.equal(r.cells[0], t.premium, 'today is the premium shown above');
    }
    // Each sentence states the figures of its own row.
    const none = t.rows[0].cells;
    assert.ok(t.says.none.includes(none[3]) && t.says.none.includes(none[0]), t.says.none);
    for (const r of t.rows.slice(1)) for (const c of r.cells.slice(1)) assert.ok(t.says[r.id].includes(c), `${r.id}: ${t.says[r.id]} lacks ${c}`);
    assert.ok(t.overflow <= 0, 'no sideways scroll on a phone');
    await page.close();
  });
}

test('the outlook follows the form', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}index.html`);
  await page.locator('.bf[data-ready] #outlook').waitFor({ timeout: 30000 });
  const before = await page.locator('#outlook tbody tr:first-child td:last-child').textContent();
  await type(page, '#f-e', '900');
  await page.waitForFunction((b) => document.querySelector('#outlook tbody tr:first-child td:last-child')?.textContent !== b, before);
  await page.close();
});
