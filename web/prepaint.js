// Runs before the first paint (a classic script in <head>): the prerendered page shows the default
// quote in Chinese, which is right only when the address carries no state, no inputs are remembered,
// today is inside the window of dates its figures hold for (written on <html> by scripts/prerender.mjs:
// from the last rule change on or before the date it was rendered for, to the day before the next), and
// the widget will speak Chinese. Otherwise the static frame is hidden until the widget computes the real
// figures (issue 15); when the widget will speak English (a link's `lang=en`, or a first visit from a
// browser that does not ask for Chinese: the widget's own rule, `state::initial_state`) the Chinese
// title is hidden too, so the page does not switch language before the reader's eyes.
// A host's high-contrast mode for a framed page (`mountFrame(…, { contrast: 'high' })`): the same switch
// a toolbar sets on the standalone page's <html>.
if (/[?&]contrast=high(&|$)/.test(location.search)) document.documentElement.dataset.bfContrast = 'high';
// A host's colours for a framed page (`mountFrame(…, { theme })`, issue 30 M9): known keys only, plain
// values only (a colour, a length, a font list: no url(), no expression), set through the CSSOM (which
// the page's policy allows, unlike style attributes) before the first paint.
try {
  const theme = window.parent !== window && new URLSearchParams(location.search).get('theme');
  const keys = ['accent', 'accent-ink', 'ink', 'muted', 'line', 'bg', 'soft', 'font', 'radius', 'input-bg',
    'input-border', 'focus', 'ok', 'ok-bg', 'warn', 'warn-bg', 'danger', 'danger-bg', 'error'];
  if (theme) {
    theme.split(';').slice(0, keys.length).forEach((pair) => {
      const i = pair.indexOf(':');
      const k = pair.slice(0, i), v = pair.slice(i + 1).trim();
      if (i > 0 && keys.includes(k) && v.length <= 80 && /^[#\w\s,.%()'"-]+$/.test(v) && !/url|expression|image|var\(/i.test(v)) {
        document.documentElement.style.setProperty(`--bf-${k}`, v);
      }
    });
  }
} catch (e) { /* a theme is decoration: the page works without it */ }
try {
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const { prerenderedSince: since, prerenderedUntil: until } = document.documentElement.dataset;
  // Remembered inputs as the widget reads them: not in a frame (an embed never reads them), and none
  // where the browser refuses storage (its getter throws), as on a first visit.
  let stored = null;
  if (window.parent === window) {
    try { stored = localStorage.getItem('baofei.form'); } catch (e) { stored = null; }
  }
  const source = location.hash.length > 1 ? location.hash.slice(1) : stored;
  const browser = (navigator.language || '').toLowerCase();
  const english = source ? /(^|&)lang=en(&|$)/.test(source) : browser !== '' && !browser.startsWith('zh');
  // A host's local rules (issue 33) may change any figure the frame shows: it waits for the engine.
  const hostRules = document.querySelector('meta[name="baofei-rules-src"]');
  // A framed page waiting for its insurer's pack (`mountFrame(…, { pack })`): the static figures are the
  // reference pack's, never the insurer's.
  // (Read as start.js reads it, so the two never disagree about `pack=%31`.)
  const hostPack = window.parent !== window && new URLSearchParams(location.search).get('pack') === '1';
  if (source || hostRules || hostPack || (since && today < since) || (until && today >= until)) {
    document.documentElement.classList.add('bf-pending');
  }
  // Hidden for the language alone: the figures hold, so start.js shows them if the wasm cannot start.
  if (english) document.documentElement.classList.add('bf-pending-en');
  // A hidden frame means the reader waits for the engine (a link, an English first visit): its wasm is
  // fetched from here, while the rest of the page is still parsed, rather than once start.js runs after
  // it (issue 31). start.js's fetch of the same URL is then answered by this one. Only for the release
  // build, and only where it runs (the probe start.js uses: an old engine loads another build); a shown
  // frame keeps its wasm until after the first paint (issue 15).
  if (document.documentElement.classList.contains('bf-pending') || english) {
    let release = false;
    try {
      new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
      release = WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 111]));
    } catch (e) {
      release = false;
    }
    if (release) {
      const link = document.createElement('link');
      link.rel = 'preload';
      link.as = 'fetch';
      link.crossOrigin = 'anonymous';
      // A page with host rules runs the widget's build (start.js).
      link.href = hostRules || hostPack ? 'baofei-web_bg.wasm' : 'baofei-page_bg.wasm';
      document.head.appendChild(link);
    }
  }
} catch (e) {
  document.documentElement.classList.add('bf-pending');
}
