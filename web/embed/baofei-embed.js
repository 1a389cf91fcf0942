// <baofei-quote>: the Baofei widget as a custom element. Load once per page:
//   <script type="module" src="https://…/embed/baofei-embed.js"></script>
//   <baofei-quote region="chongqing" line="work_safety" sector="hazardous_chemicals.production" lang="zh"></baofei-quote>
// Attributes preset the form; `preset` takes a whole share-link fragment. Theme with CSS custom
// properties on the element (--bf-accent, --bf-font, --bf-radius, ...). Every new quote fires a
// `baofei-quote` CustomEvent (bubbles, composed) whose detail holds the figures and the full quote.
// An insurer pack is passed as the `pack` property (object or JSON text) or a same-origin `pack-src`.
import init, { mount } from '../baofei-web.js';

// Where the widget's wasm and styles are: next to this script's directory by default (a CDN copy or
// the package served as files). A bundler that moves this script elsewhere hands over the asset URLs it
// made with `configure` (integrator review 4): no file needs copying by hand.
// The directory above this module's: the module's URL with its path edited. `new URL('..', import.meta.url)`
// is the pattern bundlers read as an asset to resolve, and Next.js (Turbopack and webpack) failed the build on
// '..' (integrator review 2026-12, M1; every Vite build warned, m4). Through a variable was not enough:
// Turbopack follows constants, and Next.js 16.5 still failed (found by examples/next, issue 30 item 1). At a
// site's root the directory above is the root itself, as `..` resolves there (a bundle served as /main.js).
const HERE = import.meta.url;
const parentDir = (href) => {
  const u = new URL(href);
  u.pathname = u.pathname.replace(/[^/]*\/[^/]*$/, '');
  u.search = '';
  u.hash = '';
  return u;
};
let BASE = parentDir(HERE);
/** The elements on the page, which a later `configure()` restyles and, if their engine failed, restarts. */
const live = new Set();
let failed = false;
const assets = { wasm: undefined, css: undefined, integrity: {} };
let ready;
/** Loads the engine once, in the build this browser runs, and gives back its `mount`. */
const load = () => (ready ??= loadEngine().catch((e) => { failed = true; throw e; }));
async function loadEngine() {
  const kind = engine();
  if (kind === 'wasm') {
    const url = assets.wasm ?? new URL('baofei-web_bg.wasm', BASE);
    // With an integrity hash the wasm is fetched by us, checked by the browser, then handed over.
    const module_or_path = assets.integrity.wasm ? fetch(url, { integrity: assets.integrity.wasm }) : url;
    await init({ module_or_path });
    return mount;
  }
  // The compatibility build (issue 28 point 1), only for engines that need it: from the base directory
  // (a bundler does not follow these imports, so it never bundles them for modern browsers either).
  const glue = import(/* @vite-ignore */ /* webpackIgnore: true */ new URL('baofei-web.compat.js', BASE).href);
  if (kind === 'mvp') {
    await (await glue).default({ module_or_path: new URL('baofei-web.compat_bg.wasm', BASE) });
  } else {
    const [bindings, asm] = await Promise.all([glue, import(/* @vite-ignore */ /* webpackIgnore: true */ new URL('baofei-web.compat.asm.js', BASE).href)]);
    bindings.initFromJs(asm.default);
  }
  return (await glue).mount;
}

/**
 * Which build this engine runs, decided before anything is fetched (the same probe as start.js):
 * 'wasm' (the release build), 'mvp' (the compatibility wasm: no reference types, Chromium < 96 and
 * Safari < 15), or 'js' (the same build as JavaScript: the page's policy refuses every wasm compile, as
 * Chrome < 97 and Safari < 16 do under a policy with 'wasm-unsafe-eval', or there is no WebAssembly).
 */
function engine() {
  try {
    new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
  } catch (e) {
    return 'js';
  }
  return WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 111])) ? 'wasm' : 'mvp';
}

/**
 * Tells the element where its assets are, before the first element connects: `base` (a directory
 * holding baofei-web_bg.wasm and styles.css) or the URLs of each, as a bundler gives them
 * (esbuild `--loader:.wasm=file --loader:.css=file`; Vite `?url` imports).
 */
export function configure({ base, wasm, css, integrity, allowOrigins = [] } = {}) {
  // Resolved against the page's own address, never `document.baseURI`, which an injected <base>
  // redirects; http(s) only, and on this page's origin (or one the host lists in `allowOrigins`) or
  // this script's own (a CDN copy): the wasm is code (security review N4). Values must be constants
  // of the host's build, not anything a visitor can influence.
  const allowed = new Set([location.origin, new URL(import.meta.url).origin, ...allowOrigins.map((o) => new URL(o).origin)]);
  const checked = (v, what) => {
    const u = new URL(v, location.href);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new TypeError(`configure: ${what} must be an http(s) URL, not ${u.protocol}`);
    if (!allowed.has(u.origin)) throw new TypeError(`configure: ${what} is on ${u.origin}; list it in allowOrigins to load the widget from there`);
    return u;
  };
  if (base) BASE = checked(base, 'base');
  if (wasm) assets.wasm = checked(wasm, 'wasm');
  if (css) assets.css = checked(css, 'css');
  // Subresource integrity for the wasm and the stylesheet (the hashes are published per version in
  // the package's integrity.json): a CDN that serves other bytes is refused.
  if (integrity) Object.assign(assets.integrity, integrity);
  // A server-rendered page's elements upgrade as soon as this module runs, before the host's code can
  // call configure() (integrator review 2026-12, M4: the widget hydrated unstyled): they take the new
  // stylesheet now, and an engine that failed to load from the default place is loaded again from the
  // configured one.
  if (failed) { ready = undefined; failed = false; }
  for (const el of live) el.configured();
}

/** Attribute → share-link key. */
const ATTRS = {
  region: 'r', line: 'l', sector: 's', employees: 'e', 'as-of': 'd', 'size-class': 'sz',
  'contract-value': 'cv', tonnage: 't', vehicles: 'veh', seats: 'seats', 'per-person-limit': 'pp',
  'aggregate-limit': 'agg', standardisation: 'std', 'env-risk-grade': 'er', 'env-credit-grade': 'ec', campaign: 'c',
};
let counter = 0;

/** Largest pack read, in bytes: the same cap the widget's reader enforces (baofei_rules::parse_pack). */
export const PACK_MAX_BYTES = 1024 * 1024;
/** How long a pack-src load may take before the widget shows why it has no figure. */
export const PACK_TIMEOUT_MS = 15000;

const fail = (zh, en) => ({ error: { zh, en } });

/**
 * Loads a same-origin pack: http(s) only (no data: or blob:), no redirect, the final URL checked
 * again, at most PACK_MAX_BYTES (by Content-Length, then while streaming), within PACK_TIMEOUT_MS.
 * Resolves to `{ text }` or `{ error: { zh, en } }` saying why (security review F4, F5, F11).
 */
export async function loadPack(src, { maxBytes = PACK_MAX_BYTES, timeoutMs = PACK_TIMEOUT_MS, attr = 'pack-src' } = {}) {
  // The same rules for a host's local-rules file (`rules-src`, issue 33): it decides the legal figures
  // users see, as a pack decides the prices.
  const why = attr === 'rules-src'
    ? ['(地方规则决定显示给用户的法定要求)', '(local rules decide the legal requirements users see)']
    : ['(费率包决定显示给用户的价格)', '(a pack decides the prices users see)'];
  const what = attr === 'rules-src' ? ['地方规则文件', 'the local rules file'] : ['费率包', 'the pack'];
  let url;
  try { url = new URL(src, document.baseURI); } catch { return fail(`${attr} 不是有效地址: ${src}`, `${attr} is not a valid URL: ${src}`); }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return fail(`${attr} 只能是 http(s) 地址，不能是 ${url.protocol}`, `${attr} must be an http(s) URL, not ${url.protocol}`);
  }
  if (url.origin !== location.origin) {
    return fail(`${attr} 必须与本页同源${why[0]}`, `${attr} must be on the page's own origin ${why[1]}`);
  }
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const r = await fetch(url, { mode: 'same-origin', redirect: 'error', credentials: 'same-origin', signal: abort.signal });
    if (!r.url || new URL(r.url).origin !== location.origin) {
      return fail(`${attr} 的响应来自其他来源`, `the ${attr} response came from another origin`);
    }
    if (!r.ok) return fail(`加载 ${attr} 失败: HTTP ${r.status}`, `loading ${attr} failed: HTTP ${r.status}`);
    // A pack is JSON: an HTML page or an upload served same-origin is not one (security review N8).
    const type = (r.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json' && !type.endsWith('+json')) {
      abort.abort();
      return fail(`${attr} 的内容类型须为 application/json，实际为 ${type || '(无)'}`, `${attr} must be served as application/json, not ${type || '(none)'}`);
    }
    const tooLarge = () => fail(`${what[0]}过大(超过 ${maxBytes} 字节)`, `${what[1]} is too large (over ${maxBytes} bytes)`);
    if (Number(r.headers.get('content-length') ?? 0) > maxBytes) { abort.abort(); return tooLarge(); }
    const reader = r.body.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) { abort.abort(); return tooLarge(); }
      chunks.push(value);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) { bytes.set(c, at); at += c.byteLength; }
    return { text: new TextDecoder().decode(bytes) };
  } catch (e) {
    if (abort.signal.aborted) return fail(`加载 ${attr} 超时(${Math.round(timeoutMs / 1000)} 秒)`, `loading ${attr} timed out (${Math.round(timeoutMs / 1000)} s)`);
    return fail(`加载 ${attr} 失败(网络错误或被重定向): ${e}`, `loading ${attr} failed (network error or a redirect): ${e}`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The `link-base` attribute as a link the share panel and its QR code may carry: http(s) only
 * (security review N6: `javascript:` was handed out as the share link). Another origin than the
 * page's is allowed (a campaign site) but noted on the console.
 */
function linkBase(v) {
  if (v == null) return undefined;
  let u;
  try { u = new URL(v, location.href); } catch { console.warn(`baofei-quote: link-base ${JSON.stringify(v)} is not a URL; ignored`); return undefined; }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') { console.warn(`baofei-quote: link-base must be http(s), not ${u.protocol}; ignored`); return undefined; }
  if (u.origin !== location.origin) console.info(`baofei-quote: share links point to ${u.origin}`);
  return u.href;
}

// Importing this module where there is no DOM (server-side rendering) must not throw: the element is
// defined only in a browser (integrator review 31).
const ElementBase = globalThis.HTMLElement ?? class {};

export class BaofeiQuote extends ElementBase {
  static get observedAttributes() { return [...Object.keys(ATTRS), 'lang', 'elder', 'pack', 'preset', 'pack-src', 'rules-src', 'mode', 'awaits-pack', 'link-base']; }
  #widget; #root; #pack; #speech; #contrast; #pending = false; #generation = 0; #crashed = false;
  // The visitor's inputs as the widget last reported them (a share-link fragment), and the attributes
  // changed since the last mount: a remount starts from the first with only the second set from the
  // host (integrator review m7: a host's 中文/English switch discarded what was typed).
  #typed; #changed = new Set();

  /** The insurer pack in use (object or JSON text), or undefined for the reference pack. */
  get pack() { return this.#pack; }
  set pack(p) { this.#pack = p; this.#schedule(); }

  /** The share-link fragment these attributes describe. */
  get presetFragment() {
    const p = new URLSearchParams(this.getAttribute('preset') ?? '');
    if (!p.has('v')) p.set('v', '1');
    for (const [attr, key] of Object.entries(ATTRS)) {
      const v = this.getAttribute(attr);
      if (v !== null) p.set(key, v);
    }
    return p.toString();
  }

  /** Called by configure(): the stylesheet from the configured place; a failed start tried again. */
  configured() {
    this.#style();
    if (this.#crashed) this.#schedule();
  }

  #style() {
    const css = this.shadowRoot?.querySelector('link[rel=stylesheet]');
    if (!css) return;
    const href = (assets.css ?? new URL('styles.css', BASE)).href;
    if (css.href === href) return;
    if (assets.integrity.css) { css.integrity = assets.integrity.css; css.crossOrigin = 'anonymous'; }
    css.href = href;
  }

  connectedCallback() {
    live.add(this);
    // A framework that set `pack` before this element was defined (React 19 rendering before the module
    // loads, hydration) left an own property that hides the accessor: take it over (M5).
    if (Object.prototype.hasOwnProperty.call(this, 'pack')) {
      const p = this.pack;
      delete this.pack;
      this.pack = p;
    }
    if (!this.shadowRoot) {
      const shadow = this.attachShadow({ mode: 'open' });
      const css = document.createElement('link');
      css.rel = 'stylesheet';
      this.#root = document.createElement('div');
      // Host toolbars' read-aloud speaks `event.target.innerText` on hover; inside a shadow root the
      // target is this element, whose own text is empty (gov-site review row 11: it heard only
      // "baofei-quote"). A slotted line of the light DOM, clipped and hidden from screen readers (they
      // read the widget itself), carries the text under the pointer or focus, set before the event
      // leaves the shadow root.
      const slot = document.createElement('slot');
      slot.name = 'speech';
      slot.className = 'bf-speech';
      shadow.append(css, slot, this.#root);
      this.#style();
      const speak = (e) => {
        const t = e.composedPath()[0];
        const el = t?.nodeType === 1 ? t : t?.parentElement;
        if (!el || !this.#speech) return;
        const unit = el.closest('label, button, a, summary, legend, h1, h2, h3, h4, p, li, dt, dd, th, td, output, option') ?? el;
        this.#speech.textContent = (unit.innerText ?? unit.textContent ?? '').trim().slice(0, 400);
        // A move between two parts of the widget never reaches the page (both ends retarget to this
        // element, so the browser stops the event at the shadow root): say it to the page once more,
        // from this element, so the toolbar hears the new text.
        const from = e.relatedTarget;
        if (e.type === 'mouseover' && e.isTrusted && from && (from === this || shadow.contains(from))) {
          this.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true, clientX: e.clientX, clientY: e.clientY }));
        }
      };
      shadow.addEventListener('mouseover', speak);
      shadow.addEventListener('focusin', speak);
    }
    if (!this.#speech?.isConnected) {
      this.#speech = document.createElement('span');
      this.#speech.slot = 'speech';
      this.#speech.setAttribute('aria-hidden', 'true');
      this.append(this.#speech);
    }
    // A toolbar's high contrast on the page (`<html data-bf-contrast="high">`) reaches the shadow root
    // through an attribute of this element, which styles.css reads.
    const page = () => this.toggleAttribute('data-bf-page-contrast', document.documentElement.dataset.bfContrast === 'high');
    page();
    this.#contrast ??= new MutationObserver(page);
    this.#contrast.observe(document.documentElement, { attributes: true, attributeFilter: ['data-bf-contrast'] });
    this.#schedule();
  }

  disconnectedCallback() {
    live.delete(this);
    this.#contrast?.disconnect();
    this.#generation++;
    this.#widget?.destroy();
    this.#widget = undefined;
  }

  attributeChangedCallback(name) {
    this.#changed.add(name);
    if (this.isConnected) this.#schedule();
  }

  /** The state a (re)mount starts from: the presets at first; after that what the visitor typed, with
   *  only the fields whose attributes the host changed taken from them. A new `preset` is the host's
   *  whole state and replaces what was typed; a new `line` without a new `sector` starts that line
   *  on its first sector. Returns the fragment and whether the host's `lang` applies. */
  #startFrom() {
    const changed = this.#changed;
    this.#changed = new Set();
    if (this.#typed === undefined || changed.has('preset')) return { preset: this.presetFragment, lang: true };
    const p = new URLSearchParams(this.#typed);
    for (const [attr, key] of Object.entries(ATTRS)) {
      if (!changed.has(attr)) continue;
      const v = this.getAttribute(attr);
      if (v === null) p.delete(key);
      else p.set(key, v);
    }
    if (changed.has('line') && !changed.has('sector')) p.delete('s');
    if (changed.has('lang')) p.delete('lang');
    if (changed.has('elder')) p.delete('elder');
    return { preset: p.toString(), lang: changed.has('lang') };
  }

  // Several attribute changes in one task remount once.
  #schedule() {
    if (this.#pending || !this.#root) return;
    this.#pending = true;
    queueMicrotask(() => { this.#pending = false; this.#remount(); });
  }

  async #remount() {
    const generation = ++this.#generation;
    // A framework that sets `pack` as an attribute (React 18, or React 19 when the element is defined
    // after render) passes "[object Object]": the pack never arrives, and `awaits-pack` would wait for
    // ever (integrator review 2026-12, M5). Said at once, in the element and to the host.
    const packAttr = this.getAttribute('pack');
    if (this.#pack === undefined && packAttr !== null) {
      this.#widget?.destroy();
      this.#widget = undefined;
      const p = document.createElement('p');
      p.className = 'bf-crash';
      p.setAttribute('role', 'alert');
      p.textContent = '费率包须作为属性(property)设置：element.pack = 对象或 JSON 文本(React 请用 ref)，不能写成 HTML 属性。The pricing pack must be set as a property (element.pack = object or JSON text; in React, through a ref), not as an HTML attribute.';
      this.#root.replaceChildren(p);
      this.dispatchEvent(new CustomEvent('baofei-error', { bubbles: true, composed: true, detail: { stage: 'pack', message: `pack was given as the attribute ${JSON.stringify(packAttr.slice(0, 40))}; set the property element.pack instead` } }));
      return;
    }
    // An element told to wait for its insurer's pack (`awaits-pack`) shows no reference price first
    // (integrator review 8): a neutral line until `element.pack` is set.
    // `null` waits too: a host's `el.pack = await getPack().catch(() => null)` must not show the
    // reference price as its own (security review N7).
    if (this.#pack == null && this.hasAttribute('awaits-pack') && !this.getAttribute('pack-src')) {
      this.#widget?.destroy();
      this.#widget = undefined;
      const wait = document.createElement('p');
      wait.className = 'bf-loading';
      wait.setAttribute('role', 'status');
      wait.textContent = '正在加载费率… Loading rates…';
      this.#root.replaceChildren(wait);
      return;
    }
    let mountWidget;
    this.#crashed = false;
    try {
      mountWidget = await load();
    } catch (error) {
      this.#crashed = true;
      // The module or wasm could not load (a 404, a CSP or CORS block): say so in both languages
      // and tell the host, instead of leaving a blank element (integrator review 26).
      if (generation !== this.#generation) return;
      const p = document.createElement('p');
      p.className = 'bf-crash';
      p.setAttribute('role', 'alert');
      // Retrying helps a network error on the release build. Where the compatibility build could not
      // start (an old engine, or a host that did not serve its files), a current browser would help,
      // and the reader is told so (issue 28 point 2).
      const old = engine() !== 'wasm';
      p.textContent = old
        ? '您的浏览器版本过旧，无法运行保费计算器，请换用较新的浏览器。Your browser is too old to run the premium calculator: please use a current browser.'
        : '保费计算器暂时无法加载，请稍后再试。The premium calculator could not load; please try again later.';
      this.#root.replaceChildren(p);
      this.dispatchEvent(new CustomEvent('baofei-error', { bubbles: true, composed: true, detail: { stage: 'load', message: String(error), unsupported: old } }));
      return;
    }
    let pack = this.#pack;
    let packError;
    const src = this.getAttribute('pack-src');
    if (pack === undefined && src) {
      const got = await loadPack(src);
      pack = got.text;
      packError = got.error;
    }
    // A host's local rules (issue 33): same-origin like pack-src; a file that cannot be loaded is
    // reported on the widget, which then uses the shipped rules.
    let localRules, localRulesError;
    const rulesSrc = this.getAttribute('rules-src');
    if (rulesSrc) {
      const got = await loadPack(rulesSrc, { attr: 'rules-src' });
      localRules = got.text;
      localRulesError = got.error;
      if (got.error) this.dispatchEvent(new CustomEvent('baofei-error', { bubbles: true, composed: true, detail: { stage: 'rules', message: got.error.en } }));
    }
    if (generation !== this.#generation || !this.isConnected) return;
    this.#widget?.destroy();
    this.#root.replaceChildren();
    const start = this.#startFrom();
    this.#widget = mountWidget(this.#root, {
      preset: start.preset,
      // The visitor's own language switch holds unless the host changed `lang`.
      lang: start.lang ? this.getAttribute('lang') ?? '' : '',
      onState: (fragment) => { if (generation === this.#generation) this.#typed = fragment; },
      // 长辈版 (elder-friendly mode): `elder` present and not "false".
      elder: this.hasAttribute('elder') && this.getAttribute('elder') !== 'false' ? '1' : '',
      instance: this.id || `baofei-${++counter}`,
      host: this,
      pack,
      packError,
      localRules,
      localRulesError,
      linkBase: linkBase(this.getAttribute('link-base')) ?? new URL('index.html', BASE).href,
      mode: this.getAttribute('mode') ?? '',
    });
  }
}

if (globalThis.customElements && !customElements.get('baofei-quote')) customElements.define('baofei-quote', BaofeiQuote);
