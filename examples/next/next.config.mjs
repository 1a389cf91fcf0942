// baofei's Node entry reads its wasm from its own directory on import: keep it a package Node loads at run
// time rather than bundling it into the server chunks (where the wasm's URL becomes a web path).
export default { serverExternalPackages: ['baofei'] };
