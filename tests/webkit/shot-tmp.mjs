import { writeFile } from 'node:fs/promises';
import { serve, DIST } from '../../tools/browser.mjs';
import { startDriver, Session } from './webdriver.mjs';
const server = await serve(DIST);
const d = await startDriver(); const s = await Session.create(d);
const READY = 'return !document.querySelector("[data-prerendered]") && document.documentElement.dataset.bfStarted === "1" && document.querySelector(".bf[data-ready] #premium")?.textContent';
for (const [name, w, h, hash, y] of [['wk-zh-360', 360, 740, '', 0], ['wk-en-360', 360, 740, '#v=1&lang=en', 0], ['wk-zh-1280', 1280, 900, '', 0], ['wk-zh-360-history', 360, 740, '', '.bf-history'], ['wk-en-360-history', 360, 740, '#v=1&lang=en', '.bf-history']]) {
  await s.viewport(w, h);
  await s.goto(`${server.url}index.html${hash}`);
  await s.waitFor(READY);
  if (y) await s.exec('document.querySelector(arguments[0]).scrollIntoView({block:"center"})', y);
  await new Promise((r) => setTimeout(r, 300));
  await writeFile(`/tmp/shots/${name}.png`, await s.screenshot());
}
await s.close(); d.stop(); await server.close();
