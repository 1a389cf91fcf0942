// Starts the standalone page. A file rather than an inline script, so a strict CSP needs no exception.
import init, * as bindings from './bench-empty-yew.js';
await init({ module_or_path: new URL('./bench-empty-yew_bg.wasm', import.meta.url) });

