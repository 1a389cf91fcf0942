import { mountFrame } from './embed/baofei-iframe.js';
const params = new URLSearchParams(location.search);
const host = document.getElementById('frame-host');
const handle = mountFrame(host, { src: params.get('frame') ?? undefined, preset: params.get('preset') ?? 'r=chongqing&e=120', lang: params.get('lang') ?? '' });
window.baofeiFrame = handle;
host.addEventListener('baofei-quote', (e) => {
  const li = document.createElement('li');
  li.dataset.premium = e.detail.premium;
  li.textContent = `${e.detail.sector} → ${e.detail.premium} 元`;
  document.getElementById('events').prepend(li);
});
