// Registers the site's service worker (sw.js): after the first visit the calculator and the rules page
// open with no network (issue 29 item 7). Only on this site's own pages, opened at the top level: an
// iframe or a host's copy of the widget never installs one. A new release, once active, is said once.
if ('serviceWorker' in navigator && window.top === window && location.protocol !== 'file:') {
  navigator.serviceWorker.addEventListener('message', (event) => {
    const d = event.data;
    if (!d || d.type !== 'baofei-updated' || document.getElementById('sw-updated')) return;
    const zh = !document.documentElement.lang.startsWith('en');
    const date = d.rulesDate || '';
    const p = document.createElement('p');
    p.id = 'sw-updated';
    p.className = 'bf-banner bf-updated';
    p.setAttribute('role', 'status');
    p.textContent = zh
      ? `已更新到 ${date} 的规则。重新打开本页即按新规则计算。`
      : `Updated to the rules of ${date}. Reopen this page to compute with them.`;
    document.body.prepend(p);
  });
  // After the page has loaded: installing fetches the site's files once more, and must not compete
  // with the first paint.
  const register = () => navigator.serviceWorker.register('sw.js').catch(() => {});
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
