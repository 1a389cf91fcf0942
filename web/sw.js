// Baofei's service worker: the site keeps working offline after the first visit (issue 29 item 7). A
// safety manager at a site with no signal can still open the calculator and the rules page.
// - Only this origin's own files are cached (the list below, written by scripts/post-build.sh from the
//   build it ships with); a request to any other origin is never cached or answered from here.
// - Cache first, so an offline reload works; the cache is one release's files, named by their hash, so
//   a new release installs beside it, replaces it when it activates, and tells open pages once.
// Classic script, no imports: it must parse in every engine that has service workers.
'use strict';
var VERSION = 'dev';
var RULES_DATE = '';
var FILES = ['./', 'index.html', 'rules.html', 'styles.css', 'start.js', 'watchdog.js', 'prepaint.js', 'teach.js',
  'rules.js', 'offline.js', 'baofei-page.js', 'baofei-page_bg.wasm', 'baofei-first.js', 'baofei-first_bg.wasm',
  'frame-en.html', 'favicon.ico'];
// The widget's build, which the page loads only when its reader opens the offer check (issue 31): kept
// in this release's cache once it has been fetched, so the offer check works offline after its first
// use, and never downloaded for a visitor who does not use it.
var ON_USE = ['baofei-web.js', 'baofei-web_bg.wasm', 'baofei-web.compat.js', 'baofei-web.compat_bg.wasm',
  'baofei-web.compat.asm.js'];
var CACHE = 'baofei-' + VERSION;

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    // `no-cache`: revalidated with the server (a 304 costs no download), never a stale copy of the
    // previous release from the HTTP cache (file names are stable).
    return cache.addAll(FILES.map(function (f) { return new Request(f, { cache: 'no-cache' }); }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    var old = keys.filter(function (k) { return k.indexOf('baofei-') === 0 && k !== CACHE; });
    return Promise.all(old.map(function (k) { return caches.delete(k); })).then(function () {
      return self.clients.claim();
    }).then(function () {
      // A release replaced another: say so once, to the pages open now.
      if (!old.length) return;
      return self.clients.matchAll({ type: 'window' }).then(function (clients) {
        clients.forEach(function (c) { c.postMessage({ type: 'baofei-updated', version: VERSION, rulesDate: RULES_DATE }); });
      });
    });
  }));
});

self.addEventListener('fetch', function (event) {
  var req = event.request;
  var url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  // The fragment never reaches here; a page's query (iframe.html?mode=compact) is the page's own.
  var path = url.pathname.slice(self.registration.scope.length - self.location.origin.length) || './';
  // A file fetched on use is stored on its first fetch; the release's own files were stored at install.
  var onUse = FILES.indexOf(path) < 0 && ON_USE.indexOf(path) >= 0;
  if (FILES.indexOf(path) < 0 && !onUse && !(req.mode === 'navigate' && (path === '' || path === './'))) return;
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(req, { ignoreSearch: req.mode === 'navigate' }).then(function (hit) {
      return hit || fetch(req).then(function (res) {
        if (onUse && res.ok) cache.put(req, res.clone());
        return res;
      });
    });
  }));
});
