// React 18 sets unknown props on custom elements as attributes ("[object Object]" for a pack): the pack
// goes through a ref, as a property. The element is defined before React renders.
import { createRoot } from 'react-dom/client';
import { useCallback } from 'react';
import init, { quote } from 'baofei';
import apiWasm from 'baofei/baofei_bg.wasm?url';
import { configure } from 'baofei/widget';
import widgetWasm from 'baofei/widget/baofei-web_bg.wasm?url';
import widgetCss from 'baofei/widget/styles.css?url';
import pack from 'baofei/widget/embed/example-insurer-pack.json';

configure({ wasm: widgetWasm, css: widgetCss });

function App({ premium }) {
  const withPack = useCallback((el) => { if (el) el.pack = pack; }, []);
  return (
    <main>
      <p>浏览器内 API 估算保费: <output id="api-premium">{premium}</output></p>
      <baofei-quote lang="zh-CN" awaits-pack="" ref={withPack}></baofei-quote>
    </main>
  );
}

init({ module_or_path: apiWasm }).then(() => {
  const q = quote({ as_of: '2026-06-01', region: 'chongqing', line: 'work_safety',
    sector: 'hazardous_chemicals.production', employees: 100, size_class: 'medium' });
  createRoot(document.getElementById('root')).render(<App premium={q.premium} />);
});
