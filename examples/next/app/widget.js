'use client';
// The element runs in the browser only: the module is imported in an effect, and its assets come from
// public/baofei (copied from node_modules/baofei/widget by `npm run assets`).
import { useEffect, useRef } from 'react';

export default function Widget() {
  const ref = useRef(null);
  useEffect(() => {
    let live = true;
    (async () => {
      const { configure } = await import('baofei/widget');
      configure({ base: '/baofei/' });
      const pack = await (await fetch('/baofei/embed/example-insurer-pack.json')).json();
      if (live && ref.current) ref.current.pack = pack;
    })();
    return () => { live = false; };
  }, []);
  return <baofei-quote ref={ref} lang="zh-CN" awaits-pack="" />;
}
