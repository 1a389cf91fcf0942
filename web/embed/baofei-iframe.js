// iframe embedding: the widget on its own origin inside the host page, resized to its content.
//   import { mountFrame } from 'https://…/embed/baofei-iframe.js';
//   mountFrame(document.querySelector('#quote'), { preset: 'r=jilin&l=work_safety', lang: 'en', mode: 'compact' });
// The framed page sends its height and quotes only to this page's origin (`?parent=`), and this
// script accepts messages only from that frame's origin *and* window. Quotes are re-fired on the
// container as `baofei-quote` CustomEvents.
// The module's URL with its path edited, not `new URL('../index.html', import.meta.url)`: bundlers read that form as an
// asset to resolve and bundle, also through a variable (Turbopack follows constants: Next.js 16.5 failed on the
// element's; integrator review 2026-12, M1; examples/next).
const HERE = new URL(import.meta.url);
HERE.pathname = HERE.pathname.replace(/[^/]*\/[^/]*$/, 'index.html');
HERE.search = '';
HERE.hash = '';
const DEFAULT_SRC = HERE.href;

/** The custom properties a host may set on a framed page (`theme`), each a colour, a length or a font list. */
export const THEME_KEYS = ['accent', 'accent-ink', 'ink', 'muted', 'line', 'bg', 'soft', 'font', 'radius', 'input-bg',
  'input-border', 'focus', 'ok', 'ok-bg', 'warn', 'warn-bg', 'danger', 'danger-bg', 'error'];

export function mountFrame(container, { src = DEFAULT_SRC, preset = '', lang = '', mode = '', contrast = '', title = '安责险保费测算 Baofei', pack, theme } = {}) {
  const url = new URL(src, document.baseURI);
  // Only a web page may be framed: a javascript: (or data:, blob:) URL would run in this page's
  // origin (security review F1).
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`mountFrame: src must be an http(s) URL, not ${url.protocol}`);
  }
  url.searchParams.set('parent', location.origin);
  // Compact: the form and the result only (no header, self-assessment, offer check, share or related schemes).
  if (mode === 'compact') url.searchParams.set('mode', 'compact');
  // A host toolbar's high contrast, for the framed page (its own <html data-bf-contrast>).
  if (contrast === 'high') url.searchParams.set('contrast', 'high');
  // An insurer's colours (issue 30 M9): `{ accent: '#b22222', radius: '2px', … }` as the framed page's
  // --bf-* properties. Carried in the address so the first paint has them; the framed page keeps only
  // known keys with plain values (prepaint.js).
  if (theme && typeof theme === 'object') {
    const t = Object.entries(theme).filter(([k, v]) => THEME_KEYS.includes(k) && typeof v === 'string' && v.length <= 80);
    if (t.length) url.searchParams.set('theme', t.map(([k, v]) => `${k}:${v}`).join(';'));
  }
  // An insurer's pack (issue 30 M9): the framed page runs the build that validates packs, asks for it
  // once it can read it, and gets it over the checked channel (only this window, only the frame's origin).
  let packText;
  if (pack !== undefined && pack !== null) {
    // A page with an opaque origin (file:, a sandboxed frame) cannot be answered to: say so here.
    if (location.origin === 'null') throw new TypeError('mountFrame: a pack needs a host page with a real origin (http or https), not file: or a sandbox');
    packText = typeof pack === 'string' ? pack : JSON.stringify(pack);
    url.searchParams.set('pack', '1');
  }
  const hash = new URLSearchParams(preset.replace(/^#/, ''));
  if (!hash.has('v')) hash.set('v', '1');
  if (lang) hash.set('lang', lang);
  url.hash = hash.toString();
  const frame = document.createElement('iframe');
  frame.src = url.href;
  frame.title = title;
  frame.style.cssText = 'display:block;width:100%;height:480px;border:0';
  const origin = url.origin;
  // On a phone the frame is as tall as its content, so nothing inside it can stay in view: the
  // host side keeps a compact summary (premium, compulsory status, risk tier) stuck to the bottom of
  // the host's viewport, fed by the frame's quote messages. Styled through the CSSOM (CSP-safe).
  const summary = document.createElement('div');
  summary.className = 'baofei-frame-summary';
  summary.setAttribute('aria-hidden', 'true');
  Object.assign(summary.style, {
    position: 'sticky', bottom: '0', zIndex: '2', display: 'none', gap: '10px', alignItems: 'center', flexWrap: 'wrap',
    padding: '8px 12px', background: '#fff', borderTop: '2px solid #0b57a4', boxShadow: '0 -2px 6px rgba(0,0,0,.12)',
    font: '14px/1.4 system-ui, sans-serif',
  });
  const narrow = window.matchMedia('(max-width: 720px)');
  const en = lang === 'en';
  const words = {
    compulsory: en ? 'Compulsory' : '强制投保', expected: en ? 'Expected' : '应保尽保', encouraged: en ? 'Encouraged' : '鼓励投保',
    high: en ? 'High risk' : '高风险', medium: en ? 'Medium risk' : '中风险', low: en ? 'Low risk' : '低风险',
  };
  const show = (detail) => {
    const premium = Number(detail.premium);
    const amount = en
      ? `CNY ${premium.toLocaleString('en-US', { maximumFractionDigits: 2 })}`
      : `${(premium / 10000).toFixed(2).replace(/\.?0+$/, '')}万元`;
    const strong = document.createElement('strong');
    strong.style.fontSize = '1.2em';
    strong.style.color = '#0b57a4';
    strong.textContent = amount;
    const status = document.createElement('span');
    status.textContent = words[detail.obligation] ?? '';
    const tier = document.createElement('span');
    tier.textContent = words[detail.quote?.risk_tier] ?? '';
    summary.replaceChildren(strong, status, tier);
    summary.dataset.premium = detail.premium;
    summary.style.display = narrow.matches ? 'flex' : 'none';
  };
  const onNarrow = () => { if (summary.dataset.premium) summary.style.display = narrow.matches ? 'flex' : 'none'; };
  narrow.addEventListener('change', onNarrow);
  const onMessage = (e) => {
    if (e.origin !== origin || e.source !== frame.contentWindow) return; // anything else is ignored
    const msg = e.data;
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'baofei:ready-for-pack' && packText !== undefined) {
      frame.contentWindow.postMessage({ type: 'baofei:pack', pack: packText }, origin);
    } else if (msg.type === 'baofei:error') {
      container.dispatchEvent(new CustomEvent('baofei-error', { detail: msg.detail, bubbles: true }));
    } else if (msg.type === 'baofei:resize' && Number.isFinite(msg.detail) && msg.detail > 0 && msg.detail < 20000) {
      frame.style.height = `${Math.ceil(msg.detail)}px`;
    } else if (msg.type === 'baofei:quote') {
      if (msg.detail && typeof msg.detail === 'object') show(msg.detail);
      container.dispatchEvent(new CustomEvent('baofei-quote', { detail: msg.detail, bubbles: true }));
    }
  };
  window.addEventListener('message', onMessage);
  container.append(frame, summary);
  return {
    frame,
    summary,
    destroy() { window.removeEventListener('message', onMessage); narrow.removeEventListener('change', onNarrow); frame.remove(); summary.remove(); },
  };
}
