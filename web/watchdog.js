// A classic script in ES5, so it runs in every browser that reaches the page, including the old
// Chromium cores of 信创 desktops and a dual-core browser in IE mode, where the module scripts never run
// (issue 28 point 2). A page that looks live but computes nothing is the worst outcome: where the
// calculator cannot start, this disables the prerendered form and says so in both languages, telling
// the reader to use a current browser (retrying cannot help).
//
// Old engines that run module scripts do compute: start.js picks the compatibility build (MVP wasm, or
// the same as JavaScript where the page's policy refuses wasm; issue 28 point 1). "Cannot start" is
// decided by what the browser can do, never by a timer alone (a slow phone on a campaign link can take
// seconds to fetch the engine):
// - no module scripts or no Promise (IE, and 360 or other dual-core browsers in their IE mode);
// - the start script failed to load or parse (an error event for it);
// - and, as a last resort, the start script never began within 10 seconds of the page being parsed
//   (start.js marks <html data-bf-starting> as its first act; once it runs, its own error handling
//   speaks for it).
(function () {
  var root = document.documentElement;
  var shown = false;
  var MESSAGE = '您的浏览器版本过旧，无法运行保费计算器；请换用较新的浏览器(如 Chrome、Edge、Firefox、Safari 或 360 浏览器极速模式的最新版本)。下方为默认情况的示例，不能按您的情况计算。'
    + ' Your browser is too old to run the premium calculator: please use a current browser (a recent Chrome, Edge, Firefox or Safari, or 360 in its fast mode). Below is the default example; it cannot compute your case.';

  var BUILDER = '您的浏览器版本过旧，无法运行链接生成器；请换用较新的浏览器。'
    + ' Your browser is too old to run the link builder: please use a current browser.';

  function show(reason) {
    if (shown || root.getAttribute('data-bf-started') === '1') return;
    shown = true;
    root.setAttribute('data-bf-unsupported', reason);
    var box = document.getElementById('baofei') || document.getElementById('builder') || document.body;
    if (!box) return;
    // Every control of the static frame stops looking live.
    var tags = ['input', 'select', 'textarea', 'button'];
    for (var t = 0; t < tags.length; t++) {
      var els = box.getElementsByTagName(tags[t]);
      for (var i = 0; i < els.length; i++) els[i].disabled = true;
    }
    // start.js may have put its own notice up first: this one replaces it.
    var old = document.getElementById('bf-unsupported');
    var crash = box.getElementsByTagName('p');
    for (var c = 0; c < crash.length; c++) {
      if (/\bbf-crash\b/.test(crash[c].className)) { old = crash[c]; break; }
    }
    if (old && old.parentNode) old.parentNode.removeChild(old);
    var p = document.createElement('p');
    p.className = 'bf-crash';
    p.id = 'bf-unsupported';
    p.setAttribute('role', 'alert');
    p.appendChild(document.createTextNode(box.id === 'builder' ? BUILDER : MESSAGE));
    box.insertBefore(p, box.firstChild);
    // A frame hidden until the widget would show it (a link's state, English) is shown now: without the
    // engine it is all there is, under the notice.
    root.className = root.className.replace(/\bbf-pending(-en)?\b/g, '');
  }

  function whenParsed(f) {
    if (document.readyState !== 'loading') f();
    else document.addEventListener('DOMContentLoaded', f);
  }

  // builder.js has no compatibility build (it is a campaign staff's tool): where its wasm cannot start,
  // it asks for this notice rather than leave a blank page.
  window.bfUnsupported = function (reason) { whenParsed(function () { show(reason); }); };
  var capable = false;
  try {
    capable = 'noModule' in document.createElement('script') && typeof Promise === 'function';
  } catch (e) {
    capable = false;
  }
  if (!capable) {
    // Marked at once, so nothing else tries.
    root.setAttribute('data-bf-unsupported', 'features');
    whenParsed(function () { show('features'); });
    return;
  }
  // The start script (or the builder's) failed to load or to parse.
  window.addEventListener('error', function (e) {
    var file = (e && (e.filename || (e.target && e.target.src))) || '';
    if (/(start|builder)\.js/.test(file) && root.getAttribute('data-bf-starting') !== '1') {
      whenParsed(function () { show('script'); });
    }
  }, true);
  whenParsed(function () {
    setTimeout(function () {
      if (root.getAttribute('data-bf-starting') !== '1') show('timeout');
    }, 10000);
  });
})();
