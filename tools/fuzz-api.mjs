// Fuzzes the JS API entry points of the npm package (pkg/, built by scripts/package.sh) in Node for a
// bounded time: random nested JSON, wrong types, cycles, BigInts, symbols, functions, proxies, each
// passed to every exported function. A finding is anything but a clean failure: a thrown value that
// is not an Error, a wasm trap (RuntimeError), or an instance that no longer quotes a valid input
// correctly afterwards (security review F3). Prints executions and findings; exits 1 on a finding.
//   node tools/fuzz-api.mjs [SECONDS] [SEED]
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const PKG = join(dirname(fileURLToPath(import.meta.url)), '..', 'pkg');
const seconds = Number(process.argv[2] ?? 30);
let seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
const firstSeed = seed;
const rand = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

const api = await import(join(PKG, 'baofei.js'));
await api.default({ module_or_path: await readFile(join(PKG, 'baofei_bg.wasm')) });
const VALID = { as_of: '2026-06-01', region: 'chongqing', line: 'work_safety', sector: 'hazardous_chemicals.production', employees: 100, size_class: 'medium' };
const EXPECTED = api.quote(VALID).premium;
const FIELDS = [...Object.keys(VALID), 'history', 'blacklisted', 'per_person_limit', 'loss_ratio', 'env_credit_grade', 'blacklist', 'x'];

function nested(depth, leaf) {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = rand() < 0.5 ? [v] : { k: v };
  return v;
}
function value(level = 0) {
  switch (Math.floor(rand() * 16)) {
    case 0: return undefined;
    case 1: return null;
    case 2: return () => 1;
    case 3: return Symbol('s');
    case 4: return BigInt(Math.floor(rand() * 1e6));
    case 5: return pick([0, -1, 1.5, NaN, Infinity, 1e308, 2 ** 53 + 1]);
    case 6: return pick(['', 'x'.repeat(Math.floor(rand() * 5000)), '2026-06-01', '\u0000', '𝟘', '40', '-0']);
    case 7: return nested(pick([10, 200, 5000, 20000]), pick([0, 'a', null]));
    case 8: { const o = {}; o.self = o; return o; }
    case 9: return new Proxy({}, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); } });
    case 10: return new Date();
    case 11: return level < 3 ? Array.from({ length: Math.floor(rand() * 4) }, () => value(level + 1)) : [];
    case 12: return true;
    default: {
      if (level > 3) return {};
      const o = { ...VALID };
      for (let i = 0; i < 1 + rand() * 3; i++) o[pick(FIELDS)] = value(level + 1);
      return o;
    }
  }
}

const calls = [
  (v) => api.quote(v),
  (v) => api.assess(v, value()),
  (v) => api.assess(VALID, v),
  (v) => api.sectors(v, value(), value()),
  (v) => api.validatePack(v),
  (v) => { try { return api.loadPack(v); } finally { api.resetPack(); } },
  (v) => api.questions(v),
  (v) => api.referencePack(v),
  // Issue 16 and 17: the offer check, quoters and vocabularies.
  (v) => api.checkOffer(VALID, v),
  (v) => api.checkOffer(v, { premium: '60000' }),
  (v) => { const q = api.createQuoter(v); try { return q.quote(VALID); } finally { q.free(); } },
  (v) => { const q = api.createQuoter(); try { return q.checkOffer(VALID, v); } finally { q.free(); } },
  (v) => api.regions(v),
  (v) => api.lines(v),
  (v) => api.isBaofeiError(v),
];

let executions = 0;
const findings = [];
const until = Date.now() + seconds * 1000;
while (Date.now() < until && findings.length < 5) {
  const v = value();
  const call = pick(calls);
  executions++;
  try {
    call(v);
  } catch (e) {
    if (!(e instanceof Error) || e instanceof WebAssembly.RuntimeError || /memory access|unreachable/.test(String(e))) {
      findings.push(`threw ${String(e).slice(0, 120)} (seed ${firstSeed}, execution ${executions})`);
    }
  }
  try {
    const p = api.quote(VALID).premium;
    if (p !== EXPECTED) findings.push(`valid quote gave ${p} after execution ${executions} (seed ${firstSeed})`);
  } catch (e) {
    findings.push(`instance broken after execution ${executions} (seed ${firstSeed}): ${String(e).slice(0, 120)}`);
    break;
  }
}
console.log(`js api: ${executions} executions in ${seconds} s (seed ${firstSeed}), ${findings.length} finding(s)`);
for (const f of findings) console.log(`  ${f}`);
process.exit(findings.length ? 1 : 0);
