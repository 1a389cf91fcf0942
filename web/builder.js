import init, { mountBuilder } from './baofei-web.js';
await init({ module_or_path: new URL('./baofei-web_bg.wasm', import.meta.url) });
mountBuilder(document.getElementById('builder'));
