// Client only: the element module needs a DOM. Its files are served from public/baofei (copied from
// node_modules/baofei/widget by `npm run assets`); the insurer's pack is set as a property once it is in.
export default defineNuxtPlugin(async () => {
  const { configure } = await import('baofei/widget');
  configure({ base: '/baofei/' });
  const pack = await (await fetch('/baofei/embed/example-insurer-pack.json')).json();
  const set = () => { const el = document.getElementById('bq'); if (el) el.pack = pack; else requestAnimationFrame(set); };
  set();
});
