// Types for the package's asset files imported through its exports (`baofei/baofei_bg.wasm`,
// `baofei/widget/baofei-web_bg.wasm`, `baofei/widget/styles.css`): a bundler's file or URL loader
// (esbuild `--loader:.wasm=file`, webpack asset modules, Vite `?url`) turns the import into the
// file's URL (integrator review m3: TS2307 in strict projects without them).
declare const url: string;
export default url;
