// Starts the standalone page. A file rather than an inline script, so a strict CSP needs no exception.
// The page shows a loading line until the widget mounts; if the wasm cannot load or start (an old
// browser, a blocked file, a network error), it says so in both languages instead of staying blank.
const box = document.getElementById('baofei');
try {
  const bindings = await import('./baofei-web.js');
  await bindings.default({ module_or_path: new URL('./baofei-web_bg.wasm', import.meta.url) });
  window.wasmBindings = bindings;
} catch (e) {
  console.error(e);
  if (box) {
    const p = document.createElement('p');
    p.className = 'bf-crash';
    p.setAttribute('role', 'alert');
    p.textContent = '保费计算器无法加载或启动，请刷新页面或换用较新的浏览器。The premium calculator could not load or start: reload the page or use a current browser.';
    box.replaceChildren(p);
  }
}
