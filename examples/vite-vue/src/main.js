// The API in the browser and the element, with every asset imported as a URL (Vite copies them).
import { createApp } from 'vue';
import init, { quote } from 'baofei';
import apiWasm from 'baofei/baofei_bg.wasm?url';
import { configure } from 'baofei/widget';
import widgetWasm from 'baofei/widget/baofei-web_bg.wasm?url';
import widgetCss from 'baofei/widget/styles.css?url';
import App from './App.vue';

configure({ wasm: widgetWasm, css: widgetCss });

init({ module_or_path: apiWasm }).then(() => {
  const q = quote({ as_of: '2026-06-01', region: 'chongqing', line: 'work_safety',
    sector: 'hazardous_chemicals.production', employees: 100, size_class: 'medium' });
  createApp(App, { premium: q.premium }).mount('#app');
});
