import { serve, launch } from '../harness.mjs';
const server = await serve(); const browser = await launch();
const zoom = 2;
const page = await browser.newPage({ viewport: { width: 360 / zoom, height: Math.round(740 / zoom) }, deviceScaleFactor: zoom, isMobile: true });
await page.goto(`${server.url}index.html`);
await page.locator('.bf[data-ready]').waitFor({ timeout: 30000 });
await page.evaluate(() => document.querySelectorAll('.bf details').forEach((d) => { d.open = true; }));
await page.focus('#share-link');
for (let i = 0; i < 6; i++) {
  await page.keyboard.press('Tab');
  console.log(await page.evaluate(() => { const a = document.activeElement; const f = a.getBoundingClientRect(); const b = document.querySelector('.bf-sticky').getBoundingClientRect();
    return `${a.id||a.tagName} ${a.textContent.slice(0,30)} inBf ${!!a.closest('.bf')} details ${document.querySelectorAll('details').length}/${document.querySelectorAll('details[open]').length} top ${f.top.toFixed(1)} bottom ${f.bottom.toFixed(1)} bar ${b.top.toFixed(1)}-${b.bottom.toFixed(1)} scrollY ${scrollY} docH ${document.documentElement.scrollHeight} vh ${innerHeight}`; }));
}
await browser.close(); await server.close();
