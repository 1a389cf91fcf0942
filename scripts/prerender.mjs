// Build-time prerendering (issue 15): the release page paints the default quote from HTML, before any
// wasm arrives. Run by scripts/post-build.sh on Trunk's staging directory: serves it on loopback, lets
// the real widget render the default state in headless Chromium (Debian's, driven by playwright-core),
// and writes that markup into index.html's #baofei. Form values become attributes (Yew sets them as
// properties); the later panels (and with them what depends on where the page is hosted: the share
// link and its QR) are left out and appear when the widget takes over. web/prepaint.js hides the
// static frame before first paint when the address carries a state, inputs are remembered, today is
// outside the dates its figures hold for, or the widget will speak English, so a link never shows a
// default figure.
import { readFile, writeFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
// The loopback server and headless Chromium the tools share (not the test harness).
import { serve, launchChromium as launch } from '../tools/browser.mjs';

const dir = process.argv[2];
const server = await serve(dir);
const url = `${server.url}index.html`;
const browser = await launch();
/** The widget's first frame for a first visit from a browser in `locale`, as markup for #baofei, and
 *  the as-of date it was rendered for. */
async function render(locale) {
  const page = await browser.newPage({ locale, serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await page.locator('#premium').waitFor({ timeout: 60000 });
  await page.locator('#trace').waitFor({ timeout: 60000 });
  await page.waitForTimeout(200);
  const markup = await page.evaluate(() => {
    const root = document.getElementById('baofei').cloneNode(true);
    // Live values as attributes, so the HTML shows what the widget shows.
    const live = document.getElementById('baofei');
    const pairs = [...live.querySelectorAll('input, select, textarea')];
    const copies = [...root.querySelectorAll('input, select, textarea')];
    pairs.forEach((el, i) => {
      const c = copies[i];
      if (el.tagName === 'SELECT') {
        [...c.options].forEach((o, j) => { if (j === el.selectedIndex) o.setAttribute('selected', ''); else o.removeAttribute('selected'); });
      } else if (el.type === 'checkbox' || el.type === 'radio') {
        if (el.checked) c.setAttribute('checked', ''); else c.removeAttribute('checked');
      } else {
        c.setAttribute('value', el.value);
      }
    });
    // Hosting-dependent parts come with the widget. So do the later panels (self-assessment, offer
    // check, sharing, related schemes, footer): the first two are tools that need the engine (nothing
    // to do in them before it runs) and their 58 controls cost at first paint's end (the browser's form
    // observers, autofill, walk every control when parsing ends: one task of 58-74 ms with them, 32-35
    // ms without; docs/size-steps.md, step 19); keeping the rest alone would push it down by the height
    // of the two when they arrive, under the eyes of a reader who scrolled there. The static frame ends
    // with the result, whose warnings say the figures are an estimate, as the footer does.
    root.querySelectorAll('.bf-link-print, .bf-after').forEach((n) => n.remove());
    // The state this frame shows (the share-link fragment the widget keeps in the address bar,
    // without its date): the widget lets the frame's explanations stand in only for that state.
    const fragment = location.hash.slice(1).split('&').filter((p) => !p.startsWith('d=')).join('&');
    if (!fragment.startsWith('v=')) throw new Error(`no share-link fragment in the address: ${location.hash}`);
    if (!root.querySelector('.bf-explain') || !live.querySelector('.bf-after')) throw new Error('the widget rendered no .bf-explain or .bf-after');
    root.firstElementChild?.setAttribute('data-prerendered', fragment);
    return root.innerHTML;
  });
  const asOf = await page.inputValue('#f-d');
  await page.close();
  return { markup, asOf };
}

try {
  const { markup, asOf } = await render('zh-CN');
  // The same first frame for a browser that does not ask for Chinese (issue 31): the widget answers such a
  // first visit in English, so prepaint.js hides the Chinese frame and fetches this one (frame-en.html),
  // which start.js puts in its place. An English reader then sees the default quote as soon as a Chinese
  // one does, instead of waiting for the engine; Chinese readers never download it.
  const en = await render('en-US');
  if (en.asOf !== asOf) throw new Error(`the two frames were rendered for different dates (${asOf}, ${en.asOf}): run again`);
  if (!/data-prerendered="[^"]*\blang=en\b/.test(en.markup)) throw new Error('the English frame is not the widget in English (no lang=en in its state)');
  await writeFile(join(dir, 'frame-en.html'), en.markup);
  // The frame's figures hold from the last rule change on or before the date it was rendered for to
  // the day before the next one (every dated rule, statutes and reference rates alike): outside that
  // window prepaint.js hides it, so a page opened after a rule change never shows the old figure.
  const dates = await ruleDates(new URL('../crates/baofei-rules/rules/', import.meta.url));
  const since = dates.filter((d) => d <= asOf).at(-1);
  const until = dates.find((d) => d > asOf);
  const index = join(dir, 'index.html');
  const html = await readFile(index, 'utf8');
  const start = html.indexOf('<div id="baofei"');
  const open = html.indexOf('>', start) + 1;
  const close = html.indexOf('</body>', open);
  const end = html.lastIndexOf('</div>', close);
  if (start < 0 || end < open) throw new Error('index.html has no #baofei to fill');
  const noscript = '<noscript>本工具需要启用 JavaScript 和 WebAssembly 才能计算；以上为默认情况的示例。This tool needs JavaScript and WebAssembly to compute; the figures above are the default example.</noscript>';
  // Trunk preloads the wasm from <head>; start.js fetches it after the static frame has painted
  // (issue 15), so the preload would only race the HTML and CSS for a slow phone's bandwidth.
  const page2 = html.slice(0, open) + markup + noscript + html.slice(end);
  const unpreloaded = page2.replace(/<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>\s*/g, '');
  if (unpreloaded === page2) throw new Error('index.html: no wasm preload link found to remove (did Trunk change its output?)');
  const window_ = `data-prerendered-as-of="${asOf}"${since ? ` data-prerendered-since="${since}"` : ''}${until ? ` data-prerendered-until="${until}"` : ''}`;
  // Nor the page glue's modulepreload: on the default page start.js imports it beside the wasm's
  // fetch after the first paint (it arrives long before the 300 KB it drives), and where the frame is
  // hidden the first look's engine needs the slow phone's bandwidth first (issue 31).
  const unglued = unpreloaded.replace(/<link rel="modulepreload" href="[^"]*baofei-page\.js"[^>]*>/g, '');
  if (unglued === unpreloaded) throw new Error('index.html: no modulepreload of baofei-page.js found to remove (did Trunk change its output?)');
  // Where prepaint.js finds the English frame (a page without it, such as a debug build, has no meta).
  const named = unglued.replace('<script src="prepaint.js"></script>', '<meta name="baofei-frame-en" content="frame-en.html" />\n  <script src="prepaint.js"></script>');
  if (named === unglued) throw new Error('index.html: no <script src="prepaint.js"> to name the English frame before');
  const dated = named.replace('<html lang="zh-CN">', `<html lang="zh-CN" ${window_}>`);
  if (dated === named) throw new Error('index.html: no <html lang="zh-CN"> to date');
  await writeFile(index, dated);
  console.log(`prerender: ${markup.length} bytes of markup written into index.html (${en.markup.length} into frame-en.html), valid ${since ?? '…'} to ${until ?? '…'}`);
} finally {
  await browser.close();
  await server.close();
}

/** Every date a rule starts or ends on ("from"/"until" in the rule files), sorted. */
async function ruleDates(dir) {
  const out = new Set();
  for (const e of await readdir(dir, { recursive: true })) {
    if (!e.endsWith('.json')) continue;
    const text = await readFile(new URL(e, dir), 'utf8');
    for (const m of text.matchAll(/"(?:from|until)"\s*:\s*"(\d{4}-\d{2}-\d{2})"/g)) out.add(m[1]);
  }
  return [...out].sort();
}
