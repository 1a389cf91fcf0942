// Part of scripts/compat.sh: adapts wasm-bindgen's glue and binaryen's wasm2js output to each other.
//   node scripts/compat.mjs GLUE_IN ASM_IN GLUE_OUT ASM_OUT
// Each change is checked: a new wasm-bindgen or binaryen that writes other code fails the build here
// rather than shipping a compatibility path that computes nothing.
import { readFileSync, writeFileSync } from 'node:fs';

const [glueIn, asmIn, glueOut, asmOut] = process.argv.slice(2);
const fail = (why) => { console.error(`compat.mjs: ${why}`); process.exit(1); };

let glue = readFileSync(glueIn, 'utf8');
// 1. The glue caches typed-array views of the memory and renews them when the old buffer is detached
//    (byteLength 0), which real wasm memory does when it grows. wasm2js's memory replaces its
//    ArrayBuffer instead and never detaches the old one, so the glue would go on reading stale bytes:
//    renew the view whenever the buffer is another one (true of both kinds of memory).
let views = 0;
glue = glue.replace(/(cached\w+Memory0)\.byteLength === 0/g, (m, v) => { views++; return `${v}.buffer !== wasm.memory.buffer`; });
glue = glue.replace(/(cached\w+Memory0)\.buffer\.detached === true \|\| \(\1\.buffer\.detached === undefined && \1\.buffer !== wasm\.memory\.buffer\)/g,
  (m, v) => { views++; return `${v}.buffer !== wasm.memory.buffer`; });
if (views === 0) fail('no memory view cache found in the glue');
if (/byteLength === 0|\.detached/.test(glue)) fail('a memory view cache the patch does not know');
// 2. The JavaScript module takes the glue's imports and gives back its exports, as an instance would.
if (!/^function __wbg_get_imports\(/m.test(glue) || !/^function __wbg_finalize_init\(/m.test(glue)) {
  fail('the glue no longer has __wbg_get_imports / __wbg_finalize_init');
}
glue += `
/** Starts the engine from its wasm2js module (\`<bin>.compat.asm.js\`'s default export). */
export function initFromJs(instantiate) {
    if (wasm !== undefined) return wasm;
    return __wbg_finalize_init({ exports: instantiate(__wbg_get_imports()) }, undefined);
}
`;
writeFileSync(glueOut, glue);

let asm = readFileSync(asmIn, 'utf8');
// wasm2js writes an ES module that imports the glue by name and instantiates itself at once; the glue
// instead calls its asmFunc with the imports, as WebAssembly.instantiate would be called.
const imp = /^import \* as \S+ from '[^']+';\n/m;
const tail = /\nvar retasmFunc = asmFunc\([\s\S]*$/;
if (!imp.test(asm) || !tail.test(asm)) fail('wasm2js output has another shape');
asm = asm.replace(imp, '').replace(tail, '\nexport default asmFunc;\n');
writeFileSync(asmOut, asm);
