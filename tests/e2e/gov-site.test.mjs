// Issue 29: ready for a government site. A government page that links a repost vouches for it, so the
// pages link only official copies of a rule (gov.cn); every other citation is text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch } from './harness.mjs';

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
