import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { serve, DIST } from '../../tools/browser.mjs';
import { startDriver, Session } from './webdriver.mjs';
let release = () => {}; let opened;
const held = await serve(DIST, {}, { '/baofei-page_bg.wasm': async (req, res) => { await opened; res.writeHead(200, { 'content-type': 'application/wasm', 'cache-control': 'no-store' }); createReadStream(join(DIST, 'baofei-page_bg.wasm')).pipe(res); }, '/sw.js': (req, res) => { res.writeHead(404); res.end(); } });
const driver = await startDriver(); const s = await Session.create(driver);
const H = 'return [scrollY, document.documentElement.scrollHeight, innerHeight, !!document.querySelector("[data-prerendered]"), !!document.querySelector(".bf[data-ready]"), document.querySelector("#app, .bf-root, main")?.style.minHeight]';
for (let k = 0; k < 4; k++) {
  await s.viewport(360, 740);
  opened = new Promise((ok) => { release = ok; });
  await s.goto(`${held.url}index.html`);
  await s.waitFor('return document.querySelector("[data-prerendered] #premium")');
  await s.exec('window.scrollTo(0, document.documentElement.scrollHeight)');
  console.log('before', JSON.stringify(await s.exec(H)));
  await s.exec('window.__log = []; const t0 = performance.now(); const f = () => { window.__log.push([Math.round(performance.now() - t0), scrollY, document.documentElement.scrollHeight, !!document.querySelector("[data-prerendered]"), !!document.querySelector(".bf[data-ready]")]); if (window.__log.length < 60) requestAnimationFrame(f); }; requestAnimationFrame(f);');
  release();
  await s.waitFor('return window.__log.length >= 60');
  const log = await s.exec('return window.__log');
  console.log(log.filter((r, i) => i === 0 || JSON.stringify(r.slice(1)) !== JSON.stringify(log[i - 1].slice(1))).map((r) => r.join(',')).join(' | '));
}
await s.close(); driver.stop(); await held.close();
