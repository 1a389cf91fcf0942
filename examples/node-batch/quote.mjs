// Quotes each enterprise of a CSV under the shipped rules and an insurer's pack (Node: no init, the
// package's `node` condition loads the wasm). A row the engine refuses says why, at its field.
//   node quote.mjs enterprises.csv [pack.json] [as-of]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createQuoter } from 'baofei';

const [file, packFile, asOf = '2026-06-01'] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const pack = readFileSync(packFile ?? require.resolve('baofei/widget/embed/example-insurer-pack.json'), 'utf8');
const quoter = createQuoter({ pack });
const [header, ...rows] = readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split(','));
console.log('id,premium,minimum_per_person,obligation,error');
for (const cells of rows) {
  const r = Object.fromEntries(header.map((h, i) => [h, cells[i]]));
  try {
    const q = quoter.quote({ as_of: asOf, region: r.region, line: 'work_safety', sector: r.sector, employees: r.employees });
    console.log([r.id, q.premium, q.limits.minimum_per_person, q.obligation.level, ''].join(','));
  } catch (e) {
    console.log([r.id, '', '', '', JSON.stringify(e.errors?.map((x) => `${x.field}: ${x.message_en}`).join('; ') ?? String(e))].join(','));
  }
}
