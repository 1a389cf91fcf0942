// Starts the standalone page. A file rather than an inline script, so a strict CSP needs no exception.
// The page shows a loading line (or, in a release build, the prerendered default quote) until the
// widget mounts; if the wasm cannot load or start (an old browser, a blocked file, a network error), it
// says so in both languages instead of staying blank.
const box = document.getElementById('baofei');
// For watchdog.js: this module parsed and runs, so its own error handling below speaks from here on.
document.documentElement.dataset.bfStarting = '1';

// Issue 15: a prerendered page that is shown (no link state hides it) paints its premium from HTML
// first; the wasm is fetched only after that paint, so on a slow network its 250 KB never compete with
// the HTML and CSS for the first screen. Without a visible static frame there is nothing to wait for.
// "Painted" is the browser's own first-contentful-paint entry (a frame callback can run before the
// frame is on screen); a hidden tab paints nothing, so a timeout starts the widget there.
// The static figures hold for this visit unless prepaint.js hid them for a link, a remembered state or
// the date (bf-pending); a frame hidden only because the widget will speak English (bf-pending-en) is
// still right, and is shown if the wasm cannot start.
const root = document.documentElement.classList;
// watchdog.js found that this browser cannot run the calculator at all (no module scripts reach here,
// but a start script that failed once, or no Promise): it says so; nothing here would help.
const unsupported = document.documentElement.hasAttribute('data-bf-unsupported');
const right = box?.querySelector('[data-prerendered]') && !root.contains('bf-pending');
let shown = right && !root.contains('bf-pending-en');
// Issue 31: a frame hidden only because the widget will speak English is replaced by the same default
// quote prerendered in English (frame-en.html, which prepaint.js fetched early), then shown like the
// Chinese one: an English reader sees the premium as soon as a Chinese reader does.
const english = right && !shown && document.querySelector('meta[name="baofei-frame-en"]')?.getAttribute('content');

/** Puts the English frame in place of the Chinese one; false when it could not be had (the reader then
 *  waits for the widget, as before). Its figures are the build's, for the same state and dates. */
async function englishFrame(src) {
  try {
    // As prepaint.js's preload asked for it (a CORS-mode, same-origin request), so that one answers it.
    const r = await fetch(new URL(src, document.baseURI));
    if (new URL(r.url).origin !== location.origin) return false;
    if (!r.ok) return false;
    const text = await r.text();
    const frame = box.querySelector('[data-prerendered]');
    // Only the build's own frame: one root, the widget in English for a first visit.
    const t = document.createElement('template');
    t.innerHTML = text;
    const next = t.content.firstElementChild;
    if (!frame || !next || t.content.childElementCount !== 1 || !/(^|&)lang=en(&|$)/.test(next.getAttribute('data-prerendered') || '')) return false;
    frame.replaceWith(next);
    document.documentElement.lang = 'en';
    root.remove('bf-pending-en');
    return true;
  } catch (e) {
    return false;
  }
}

/**
 * Which build this engine runs (issue 28 point 1), decided synchronously before anything is fetched:
 * - 'wasm': the release build (reference types, and a policy that lets the page compile wasm);
 * - 'mvp': the compatibility build's wasm (no reference types: Chromium < 96, Safari < 15);
 * - 'js': the same build as JavaScript (wasm2js), where the page's policy refuses every wasm compile
 *   ('wasm-unsafe-eval' is unknown before Chrome 97 and Safari 16) or there is no WebAssembly.
 * The probes: validating a 15-byte module whose one type returns externref, and compiling the empty
 * module, which a policy that refuses wasm refuses synchronously.
 */
function engine() {
  try {
    new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
  } catch (e) {
    return 'js';
  }
  return WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 111])) ? 'wasm' : 'mvp';
}

// Issue 33: a host's local rules, named by the page (`<meta name="baofei-rules-src">`, written by
// `baofei rules install`). Such a page runs the widget's build, which carries the file's check (the
// page's own build stays 14 KB smaller for every other site), and prepaint.js hid the static frame.
const rulesSrc = document.querySelector('meta[name="baofei-rules-src"]')?.getAttribute('content');

/**
 * The host's file, same-origin only (it decides the legal figures readers see): `{ localRules }` (its
 * text) or `{ localRulesError: { zh, en } }`, which the widget shows while the shipped rules apply.
 */
async function hostRules(src) {
  const fail = (zh, en) => ({ localRulesError: { zh, en } });
  let url;
  try { url = new URL(src, document.baseURI); } catch (e) { return fail(`地方规则地址无效: ${src}`, `invalid local rules address: ${src}`); }
  if (url.origin !== location.origin) return fail('地方规则文件须与本页同源', "the local rules file must be on the page's own origin");
  try {
    const r = await fetch(url, { mode: 'same-origin', redirect: 'error', credentials: 'same-origin', cache: 'no-cache' });
    if (!r.ok) return fail(`加载地方规则失败: HTTP ${r.status}`, `loading the local rules failed: HTTP ${r.status}`);
    const type = (r.headers.get('content-type') || '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json' && !type.endsWith('+json')) {
      return fail(`地方规则文件的内容类型须为 application/json，实际为 ${type || '(无)'}`, `the local rules file must be served as application/json, not ${type || '(none)'}`);
    }
    const text = await r.text();
    if (text.length > 1024 * 1024) return fail('地方规则文件过大(超过 1 MB)', 'the local rules file is too large (over 1 MB)');
    return { localRules: text };
  } catch (e) {
    return fail(`加载地方规则失败(网络错误或被重定向): ${e}`, `loading the local rules failed (network error or a redirect): ${e}`);
  }
}

// Issue 30 M9: a framed page whose host passes an insurer's pack (`mountFrame(…, { pack })` adds
// `?pack=1`) runs the widget's build, which validates packs, and takes the pack only from its parent
// window and the `?parent=` origin (a real origin; the same checks as the widget's iframe link).
const params = new URLSearchParams(location.search);
const parentOrigin = (() => {
  const p = params.get('parent');
  try { return window.parent !== window && p && new URL(p).origin === p ? p : null; } catch (e) { return null; }
})();
// A frame told to wait for a pack whose parent cannot be verified (an opaque "null" origin, a bad
// `?parent=`) gets no pack, and says so: it never prices with the reference pack in the insurer's frame.
const framedPack = params.get('pack') === '1' && window.parent !== window;

/** The pack from the parent window: `{ pack }`, or `{ packError }` after 15 s without one. */
function parentPack() {
  if (!parentOrigin) {
    return Promise.resolve({ packError: { zh: '无法确认宿主页面的来源，未采用其费率包', en: "the host page's origin could not be verified: its pricing pack was not used" } });
  }
  return new Promise((done) => {
    const timer = setTimeout(() => {
      window.removeEventListener('message', onMessage);
      done({ packError: { zh: '未收到宿主页面的费率包(15 秒)', en: 'no pricing pack came from the host page (15 s)' } });
    }, 15000);
    function onMessage(e) {
      if (e.origin !== parentOrigin || e.source !== window.parent) return;
      if (!e.data || e.data.type !== 'baofei:pack' || typeof e.data.pack !== 'string') return;
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      done({ pack: e.data.pack });
    }
    window.addEventListener('message', onMessage);
    window.parent.postMessage({ type: 'baofei:ready-for-pack' }, parentOrigin);
  });
}

// Issue 31: the page's own wasm leaves out the offer check (about 30 KB gzip that every first visit
// would load before its premium). A state that holds offers (a link or the remembered inputs) starts
// the widget's build, which carries it; on the page, opening the offer panel hands over to it
// (`window.baofeiOffers`, below).
/**
 * The state the widget starts from (`state::initial_state`): the address's fragment ('link'), else (not
 * framed) the remembered inputs ('saved'), else the default; prepaint.js read the same two.
 */
function startingState() {
  if (location.hash.length > 1) return { source: location.hash.slice(1), kind: 'link' };
  let source = '';
  if (window.parent === window) {
    try { source = localStorage.getItem('baofei.form') || ''; } catch (e) { source = ''; }
  }
  return { source, kind: source ? 'saved' : 'default' };
}
const starting = startingState();
const withOffers = /(^|&)o\d?\./.test(starting.source);

/** Loads a build (`bin`) of the engine in the form this browser runs, and gives its bindings. */
async function load(bin, kind) {
  let bindings;
  if (kind === 'wasm') {
    // The wasm download starts at once, beside the glue's import (not after it).
    const wasm = fetch(new URL(`./${bin}_bg.wasm`, import.meta.url));
    bindings = await import(`./${bin}.js`);
    await bindings.default({ module_or_path: wasm });
  } else {
    const glue = import(`./${bin}.compat.js`);
    if (kind === 'mvp') {
      const wasm = fetch(new URL(`./${bin}.compat_bg.wasm`, import.meta.url));
      bindings = await glue;
      await bindings.default({ module_or_path: wasm });
    } else {
      const [b, asm] = await Promise.all([glue, import(`./${bin}.compat.asm.js`)]);
      bindings = b;
      bindings.initFromJs(asm.default);
    }
  }
  return bindings;
}

let handing = null;
let pageStarted;
const page = new Promise((resolve) => { pageStarted = resolve; });
/**
 * The page's offer panel was opened (`views::offer::OfferLoader` calls this): the widget's build is
 * loaded, the page's own widget ends, and the widget's build starts from the same state (the address's
 * fragment, which the page keeps current) with the panel open and focused. Once; on a failure (offline
 * before the build was ever loaded, say) `failed` is called, the panel says so, and the page's widget stays.
 */
window.baofeiOffers = (failed) => {
  if (handing) return;
  const kind = document.documentElement.dataset.bfEngine;
  handing = Promise.all([page, load('baofei-web', kind)]).then(([own, widget]) => {
    own.stopPage();
    widget.startStandalone({ openOffers: true });
  }).catch((e) => {
    console.error(e);
    handing = null;
    if (typeof failed === 'function') failed();
  });
};

/** Loads and starts the page's engine in the build this browser runs. */
async function start(kind) {
  const bin = rulesSrc || framedPack || withOffers ? 'baofei-web' : 'baofei-page';
  const pack = framedPack ? parentPack() : null;
  const rules = rulesSrc ? hostRules(rulesSrc) : null;
  const bindings = await load(bin, kind);
  if (bin === 'baofei-page') pageStarted(bindings);
  else bindings.startStandalone({ ...(rules ? await rules : {}), ...(pack ? await pack : {}) });
}

/**
 * Issue 31, the first look: when the static frame is hidden (a link, a remembered state, an English
 * first visit, a day outside its dates) and the release wasm runs, a small wasm of its own
 * (`baofei-first`: the engine and the rules, no interface; prepaint.js fetched it early) prices the
 * state the widget will start from and shows the figures as a card in the header, so a slow phone
 * shows the link's premium long before the widget's 300 KB have arrived. Its figures are the engine's
 * (never a guess); the widget replaces the card when it takes over. The widget's wasm is fetched only
 * after this one arrived, so the two do not share the phone's bandwidth. Resolves when done (or not:
 * the state cannot be priced, or the module failed), never rejects.
 */
async function firstLook() {
  try {
    const head = box.querySelector('[data-prerendered] > .bf-head');
    if (!head) return;
    const { source, kind } = starting;
    const d = new Date();
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const first = await import('./baofei-first.js');
    await first.default({ module_or_path: fetch(new URL('./baofei-first_bg.wasm', import.meta.url)) });
    const card = first.firstLook(source, kind, today, root.contains('bf-pending-en'));
    // The widget may have taken over meanwhile (it never does before this resolves, but a card must
    // never land in the live widget).
    if (!card || !head.isConnected) return;
    head.insertAdjacentHTML('beforeend', card);
    root.add('bf-first-shown');
    performance.mark('baofei:first-look');
  } catch (e) {
    console.warn('first look unavailable', e);
  }
}

// No top-level await: Chromium 86-88 (信创 desktops) cannot parse a module that uses it.
(async () => {
  if (unsupported) return;
  if (english) shown = await englishFrame(english);
  if (shown) {
    await new Promise((painted) => {
      try {
        new PerformanceObserver((list, observer) => {
          if (list.getEntriesByName('first-contentful-paint').length) { observer.disconnect(); painted(); }
        }).observe({ type: 'paint', buffered: true });
      } catch (e) {
        requestAnimationFrame(() => setTimeout(painted, 0));
      }
      setTimeout(painted, 1000);
    });
  }
  const kind = engine();
  document.documentElement.dataset.bfEngine = kind;
  // Not for a page with a host's rules or waiting for an insurer's pack (the card would show the
  // shipped rules' figures), nor for old engines (their builds are larger; they wait as before).
  if (!shown && kind === 'wasm' && !rulesSrc && !framedPack && box?.querySelector('[data-prerendered]')) {
    await firstLook();
  }
  try {
    await start(kind);
    document.documentElement.dataset.bfStarted = '1';
  } catch (e) {
    console.error(e);
    // watchdog.js may have said it first (the browser cannot run the calculator at all): one notice.
    if (box && !document.documentElement.hasAttribute('data-bf-unsupported')) {
      const p = document.createElement('p');
      p.className = 'bf-crash';
      p.setAttribute('role', 'alert');
      if (right) {
        // The prerendered default quote is still right for the default choices: it stays, read-only,
        // under a notice that says it cannot be recomputed (a form that looks live but computes nothing
        // would mislead).
        p.textContent = '保费计算器无法启动，无法按您的情况计算；下方为默认情况的示例。请刷新页面或换用较新的浏览器。The premium calculator could not start and cannot compute your case; below is the default example. Reload the page or use a current browser.';
        box.querySelectorAll('input, select, textarea, button').forEach((el) => { el.disabled = true; });
        root.remove('bf-pending-en');
        box.prepend(p);
      } else {
        p.textContent = '保费计算器无法加载或启动，请刷新页面或换用较新的浏览器。The premium calculator could not load or start: reload the page or use a current browser.';
        box.replaceChildren(p);
      }
    }
  }
})();
