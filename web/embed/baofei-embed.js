// <baofei-quote>: the Baofei widget as a custom element. Load once per page:
//   <script type="module" src="https://…/embed/baofei-embed.js"></script>
//   <baofei-quote region="chongqing" line="work_safety" sector="hazardous_chemicals.production" lang="zh"></baofei-quote>
// Attributes preset the form; `preset` takes a whole share-link fragment. Theme with CSS custom
// properties on the element (--bf-accent, --bf-font, --bf-radius, ...). Every new quote fires a
// `baofei-quote` CustomEvent (bubbles, composed) whose detail holds the figures and the full quote.
// An insurer pack is passed as the `pack` property (object or JSON text) or a same-origin `pack-src`.
import init, { mount } from '../baofei-web.js';

const BASE = new URL('..', import.meta.url);
let ready;
const load = () => (ready ??= init({ module_or_path: new URL('baofei-web_bg.wasm', BASE) }));

/** Attribute → share-link key. */
const ATTRS = {
  region: 'r', line: 'l', sector: 's', employees: 'e', 'as-of': 'd', 'size-class': 'sz',
  'contract-value': 'cv', tonnage: 't', vehicles: 'veh', seats: 'seats', 'per-person-limit': 'pp',
  standardisation: 'std', 'env-risk-grade': 'er', 'env-credit-grade': 'ec',
};
let counter = 0;

export class BaofeiQuote extends HTMLElement {
  static get observedAttributes() { return [...Object.keys(ATTRS), 'lang', 'preset', 'pack-src']; }
  #widget; #root; #pack; #pending = false; #generation = 0;

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

  connectedCallback() {
    if (!this.shadowRoot) {
      const shadow = this.attachShadow({ mode: 'open' });
      const css = document.createElement('link');
      css.rel = 'stylesheet';
      css.href = new URL('styles.css', BASE).href;
      this.#root = document.createElement('div');
      shadow.append(css, this.#root);
    }
    this.#schedule();
  }

  disconnectedCallback() {
    this.#generation++;
    this.#widget?.destroy();
    this.#widget = undefined;
  }

  attributeChangedCallback() { if (this.isConnected) this.#schedule(); }

  // Several attribute changes in one task remount once.
  #schedule() {
    if (this.#pending || !this.#root) return;
    this.#pending = true;
    queueMicrotask(() => { this.#pending = false; this.#remount(); });
  }

  async #remount() {
    const generation = ++this.#generation;
    await load();
    let pack = this.#pack;
    const src = this.getAttribute('pack-src');
    if (pack === undefined && src) {
      const url = new URL(src, document.baseURI);
      // Same origin only: a pack decides prices shown to the user.
      pack = url.origin === location.origin
        ? await fetch(url).then((r) => (r.ok ? r.text() : `{"error":"HTTP ${r.status} for ${url.pathname}"}`), (e) => `{"error":${JSON.stringify(String(e))}}`)
        : '{"error":"pack-src must be on the page\'s own origin"}';
    }
    if (generation !== this.#generation || !this.isConnected) return;
    this.#widget?.destroy();
    this.#root.replaceChildren();
    this.#widget = mount(this.#root, {
      preset: this.presetFragment,
      lang: this.getAttribute('lang') ?? '',
      instance: this.id || `baofei-${++counter}`,
      host: this,
      pack,
      linkBase: new URL('index.html', BASE).href,
    });
  }
}

if (!customElements.get('baofei-quote')) customElements.define('baofei-quote', BaofeiQuote);
