// A generous size budget inside the test suite: it catches a regression (a new dependency, a table
// embedded twice), not the real budget, which scripts/bench.sh checks and BENCHMARKS.md reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { DIST } from '../harness.mjs';

// Measured 213 KB on 2026-11-23 (278.7 KB before the size steps); 245.5 KB after issues 13, 14 and 20;
// 260.3 KB with the offer check (issue 17: about 15 KB of engine, 6 KB of view); 275.2 KB with the
// embedding work of issue 16 (compact mode, pack label, campaign tag, builder preview and downloads) and
// the rules-page link (a clean-clone run caught the old 275 KB line). The real budget (issue 15: 180 KB,
// 150 KB the aim) is for the page split to win back; prerendering already paints before the wasm.
// Session 9 (issue 32, deciding between offers) passed 300 KB: raised to 320 KB, below.
const GENEROUS_GZIP = 340 * 1024;

// The standalone page (index.html: its own wasm since session 6) and the widget host pages import
// (baofei-web, with the JS API and pack validation), each with about 10 KB of headroom over what they
// measured at the end of session 6 (261.1 and 271.7 KB): enough for ordinary work, not for a new
// dependency's worth of code. It would have caught session 6's own slip, 23 KB from printing and
// parsing one `f64` (the float formatting code), which only the benchmark saw. Session 7's second-review
// fixes (per-line law, references, undo, leniency, hardening: about 10 KB) and session 8's newcomer minors
// (1.6 KB of bilingual messages) used that headroom: 273.5 and 284.3 KB on 2026-12-03, guards moved to
// about 6 KB over them. Issue 27's registry, vocabulary names, typed trace and offer rules as data took the page
// to 275.8 KB and the host widget to 290.1 KB (its JS API serialises the new trace fields and reads the offer rules):
// the widget's guard moved to 296 KB. The commits after it (official links only, the copy fallback, the privacy
// note, the short title) took the page to 279.9 KB, not yet broken down by feature: its guard moved to 284 KB.
// Session 9, measured one feature at a time by building without it: the elder mode and toolbar styles (about
// 1 KB of CSS), 保费展望 (5.5 KB), and comparing up to four offers (16.4 KB: the comparison view 3.6, the sticky
// bar's verdicts 1.7, the four offer forms, their state and link keys and the comparison engine the rest) took
// the page to 304.0 KB and the host widget to 315.3 KB (as this test measures them). Making the comparison's cells non-generic won 0.4 KB and
// `wasm-opt --converge` 0.4 KB more (not kept); both guards moved to about 1.5 KB over today's sizes, and the
// generous budget from 300 to 320 KB. Issue 31 sets the guard that stays, and is where bytes are won back.
// Session 10 (issue 28): the takeover's scroll pin, the print layout and WebKit's @supports took the page to
// 305.1 KB; the widget's wasm stopped carrying the standalone page's takeover, which no host page runs
// (4.2 KB), 313.7 KB: its guard moved down to 315.5 KB. Then compact mode for a sidebar (integrator M6: fewer
// fields, the full-widget link, its styles) took the page to 305.7 KB: its guard moved to 306.5 KB.
// Issue 33 (local rules a host supplies): the element reads `rules-src` and checks the file against the
// law (LocalRules::check, its bilingual messages, the merge): the widget for host pages went from under its 315.5 KB guard to 329.4 KB;
// `Statutes::validate` after the merge was dropped for it (335.4 KB with it; the tests validate every
// merge instead). The page gained the "由本站提供" label and the banner: 307.0 KB. Guards moved to 307.5
// and 330 KB, the generous budget to 335 KB; splitting the check into a module loaded only with
// rules-src is the way to win the 14 KB back (docs/size-steps.md). The standalone page with a host's file runs
// the widget's build (`startStandalone`, a plain mount without the takeover: 333.2 KB with it): 329.9 KB. Then the
// focused control kept clear of the sticky bar when the page changes size (a ResizeObserver, CI's focus test at
// 200% zoom and in the elder mode): +0.6 and +1.1 KB, 307.6 and 331.0 KB. Then the iframe's pack (M9: the framed
// page's start with a pack, its error to the host) and the review's checks of local files (floor against cap, a
// known place's name, a built-in note's id): the widget 334.2 KB; guards 308 and 335, the generous budget 340.
// Issue 31: the first look's card (its styles) and the English frame's typed-input rule took the page to
// 308.1 KB: guard 309. The first look's own engine (baofei-first: wasm and glue, no stylesheet of its own)
// is on a link's critical path on a slow phone, where each 10 KB is about 50 ms: measured 109.4 KB, guarded
// at 111 KB (docs/size-steps.md, issue 31). Session 13: the rules in their packed form, no prose code, a quiet
// validator, its own small allocator: 59.7 KB, guarded at 62 KB (the link's budget has about 5 KB of room).
// Session 14: the page's and the widget's shipped rules read from the same packed form (`load_packed`): the
// page carries no JSON reader at all (308.1 -> 291.4 KB), the widget keeps it for packs and host files but
// not the statutes' reading (334.2 -> 332.6 KB). Then the offer check left out of the page's own wasm (its
// panel hands the page over to the widget's build when opened; a link with an offer starts there): 258.0 KB,
// the widget 333.1 KB. Guards 260 and 334 (issue 31's guard for the page, as bench.sh measures it, is 265).
for (const [what, bin, kb, css = true] of [['the standalone page', 'baofei-page', 260], ['the widget for host pages', 'baofei-web', 334], ["the first look's engine", 'baofei-first', 62, false]]) {
  test(`${what} stays within its size guard (${kb} KB gzip) and the generous budget`, async () => {
    let total = 0;
    for (const f of [`${bin}_bg.wasm`, `${bin}.js`, ...(css ? ['styles.css'] : [])]) total += gzipSync(await readFile(join(DIST, f)), { level: 9 }).length;
    assert.ok(total <= GENEROUS_GZIP, `${what} is ${(total / 1024).toFixed(1)} KB gzip, over the generous ${GENEROUS_GZIP / 1024} KB`);
    assert.ok(total <= kb * 1024, `${what} is ${(total / 1024).toFixed(1)} KB gzip, over its ${kb} KB guard: what grew? (docs/size-steps.md)`);
  });
}
