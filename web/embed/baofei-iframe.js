// iframe embedding: the widget on its own origin inside the host page, resized to its content.
//   import { mountFrame } from 'https://…/embed/baofei-iframe.js';
//   mountFrame(document.querySelector('#quote'), { preset: 'r=jilin&l=work_safety', lang: 'en' });
// The framed page sends its height and quotes only to this page's origin (`?parent=`), and this
// script accepts messages only from that frame's origin *and* window. Quotes are re-fired on the
// container as `baofei-quote` CustomEvents.
const DEFAULT_SRC = new URL('../index.html', import.meta.url).href;

export function mountFrame(container, { src = DEFAULT_SRC, preset = '', lang = '', title = '安责险保费测算 Baofei' } = {}) {
  const url = new URL(src, document.baseURI);
  // Only a web page may be framed: a javascript: (or data:, blob:) URL would run in this page's
  // origin (security review F1).
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`mountFrame: src must be an http(s) URL, not ${url.protocol}`);
  }
  url.searchParams.set('parent', location.origin);
  const hash = new URLSearchParams(preset.replace(/^#/, ''));
  if (!hash.has('v')) hash.set('v', '1');
  if (lang) hash.set('lang', lang);
  url.hash = hash.toString();
  const frame = document.createElement('iframe');
  frame.src = url.href;
  frame.title = title;
  frame.style.cssText = 'display:block;width:100%;height:480px;border:0';
  const origin = url.origin;
  const onMessage = (e) => {
    if (e.origin !== origin || e.source !== frame.contentWindow) return; // anything else is ignored
    const msg = e.data;
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'baofei:resize' && Number.isFinite(msg.detail) && msg.detail > 0 && msg.detail < 20000) {
      frame.style.height = `${Math.ceil(msg.detail)}px`;
    } else if (msg.type === 'baofei:quote') {
      container.dispatchEvent(new CustomEvent('baofei-quote', { detail: msg.detail, bubbles: true }));
    }
  };
  window.addEventListener('message', onMessage);
  container.append(frame);
  return { frame, destroy() { window.removeEventListener('message', onMessage); frame.remove(); } };
}
