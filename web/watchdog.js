// A classic script in ES5, so it runs in every browser that reaches the page, including the old
// Chromium cores of 信创 desktops and a dual-core browser in IE mode, where the module scripts never run
// (issue 28 point 2). A page that looks live but computes nothing is the worst outcome: where the
// calculator cannot start, this disables the prerendered form and says so in both languages, telling
// the reader to use a current browser (retrying cannot help).
//
// "Cannot start" is decided by what the browser can do, never by a timer alone (a slow phone on a
// campaign link can take seconds to fetch the engine):
// - no module scripts, or no WebAssembly, or no reference types in WebAssembly (Chrome < 96,
//   Safari < 15): the engine cannot run here;
// - the page's policy refuses to compile WebAssembly ('wasm-unsafe-eval' is unknown before Chrome 97
//   and Safari 16): compiling the empty module is refused;
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

  var capable = false;
  try {
    var script = document.createElement('script');
    // magic, version; a type section with one function type returning externref (reference types).
    var refTypes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 111]);
    capable = 'noModule' in script && typeof WebAssembly === 'object'
      && typeof Promise === 'function' && WebAssembly.validate(refTypes);
  } catch (e) {
    capable = false;
  }
  if (!capable) {
    // Marked at once, so start.js (which runs before the page is parsed to the end) does not try.
    root.setAttribute('data-bf-unsupported', 'features');
    whenParsed(function () { show('features'); });
    return;
  }
  // The policy: an engine that does not know 'wasm-unsafe-eval' refuses every compile on this page.
  WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(null, function () {
    whenParsed(function () { show('policy'); });
  });
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
