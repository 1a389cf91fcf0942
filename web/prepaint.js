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
  const preload = (href, as) => {
    const link = document.createElement('link');
    link.rel = as ? 'preload' : 'modulepreload';
    if (as) {
      link.as = as;
      link.crossOrigin = 'anonymous';
    }
    link.href = href;
    document.head.appendChild(link);
  };
  const pending = document.documentElement.classList.contains('bf-pending');
  if (pending) {
    // A hidden frame means the reader waits for the engine (a link, a remembered state, a day outside the
    // frame's dates). The first look's engine (issue 31: `baofei-first`, the engine and the rules without
    // the interface, which start.js runs to show the state's figures at once) is fetched from here, while
    // the rest of the page is still parsed, rather than once start.js runs after it; start.js's fetches
    // of the same URLs are answered by these, and it fetches the widget's wasm once this one has
    // arrived, so the two do not share a slow phone's bandwidth. A page with a host's rules or waiting
    // for an insurer's pack has no first look (its figures would be the shipped rules'): its widget's
    // wasm is fetched from here instead. Only for the release build, and only where it runs (the probe
    // start.js uses: an old engine loads another build).
    let release = false;
    try {
      new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
      release = WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 111]));
    } catch (e) {
      release = false;
    }
    if (release && (hostRules || hostPack)) preload('baofei-web_bg.wasm', 'fetch');
    else if (release) {
      preload('baofei-first_bg.wasm', 'fetch');
      preload('baofei-first.js');
    }
  } else if (english && document.querySelector('meta[name="baofei-frame-en"]')) {
    // Hidden for the language alone: the default quote holds, and the build prerendered it in English too
    // (frame-en.html, issue 31; the meta says so). start.js puts it in place of the Chinese one; a shown
    // frame keeps the widget's wasm until after the first paint (issue 15).
    preload(document.querySelector('meta[name="baofei-frame-en"]').getAttribute('content'), 'fetch');
  }
} catch (e) {
  document.documentElement.classList.add('bf-pending');
}
