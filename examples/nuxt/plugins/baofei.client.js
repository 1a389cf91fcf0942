// Client only: the element module needs a DOM. Its files are served from public/baofei (copied from
// node_modules/baofei/widget by `npm run assets`); the insurer's pack is set as a property once it is in.
// The element is in the server's HTML, so it upgrades as soon as the import below is evaluated, before
// configure() runs: configure() restyles it and loads its engine from the configured place.
export default defineNuxtPlugin(async () => {
  const { configure } = await import('baofei/widget');
  configure({ base: '/baofei/' });
  const pack = await (await fetch('/baofei/embed/example-insurer-pack.json')).json();
  const set = () => { const el = document.getElementById('bq'); if (el) el.pack = pack; else requestAnimationFrame(set); };
  set();
});
