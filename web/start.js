// Starts the standalone page. A file rather than an inline script, so a strict CSP needs no exception.
import init, * as bindings from './baofei-web.js';
await init({ module_or_path: new URL('./baofei-web_bg.wasm', import.meta.url) });
window.wasmBindings = bindings;
