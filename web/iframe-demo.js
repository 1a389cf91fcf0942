import { mountFrame } from './embed/baofei-iframe.js';
const params = new URLSearchParams(location.search);
const host = document.getElementById('frame-host');
/** `?frame=` is honoured only for a page of this site over http(s): the demo must never frame, let
 *  alone run, what a link tells it to (security review F1). */
function frameFromQuery() {
  const raw = params.get('frame');
  if (raw === null) return undefined;
  try {
    const url = new URL(raw, location.href);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === location.origin) return url.href;
  } catch { /* not a URL */ }
  const note = document.getElementById('frame-refused');
  if (note) note.hidden = false;
  return undefined;
}
const handle = mountFrame(host, { src: frameFromQuery(), preset: params.get('preset') ?? 'r=chongqing&e=120', lang: params.get('lang') ?? '' });
window.baofeiFrame = handle;
host.addEventListener('baofei-quote', (e) => {
  const li = document.createElement('li');
  li.dataset.premium = e.detail.premium;
  li.textContent = `${e.detail.sector} → ${e.detail.premium} 元`;
  document.getElementById('events').prepend(li);
});
