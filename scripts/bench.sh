#!/usr/bin/env bash
# Performance budget and benchmarks. Builds the release widget and an empty Yew app the same way, then
# measures bundle sizes, time to first premium (10 loads, also with the CPU throttled 4x), recompute time,
# native time per quote and CLI throughput; writes BENCHMARKS.md and exits non-zero if a budget fails.
#   scripts/bench.sh [CLI_ROWS]      (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
. scripts/env.sh
# Chinese text as a user's phone lays it out: without a CJK font Chromium draws boxes, and the layout
# and shaping costs measured would not be the real ones (Debian's Noto CJK; not needed by the tests).
if ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  echo "installing fonts-noto-cjk (apt) for realistic Chinese layout..." >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-noto-cjk >/dev/null 2>&1 \
    || { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-noto-cjk >/dev/null; }
fi
rows="${1:-1000000}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "building the widget and the empty baseline..." >&2
trunk build --release >/dev/null 2>&1
empty="$CARGO_TARGET_DIR/bench/empty"
trunk build --release true --dist "$empty" crates/bench-empty-yew/index.html >/dev/null 2>&1

# Lighthouse (not part of setup: only the bench uses it), installed next to the other npm tools.
if [ ! -x "$TOOLS_DIR/node_modules/.bin/lighthouse" ]; then
  (cd "$TOOLS_DIR" && npm install --no-audit --no-fund --silent lighthouse@12.8.2) || echo "lighthouse not installed; skipped" >&2
fi
[ -x "$TOOLS_DIR/node_modules/.bin/lighthouse" ] && export LIGHTHOUSE="$TOOLS_DIR/node_modules/.bin/lighthouse"

echo "browser measurements..." >&2
node tools/bench.mjs "$PWD/dist" "$empty" > "$tmp/browser.json"

echo "a link's premium and an English first visit, gzip and brotli (issue 31)..." >&2
node tools/bench-link.mjs "$PWD/dist" "$empty" 9 > "$tmp/link.json"

echo "compatibility builds (issue 28)..." >&2
node tools/bench-compat.mjs "$PWD/dist" 5 > "$tmp/compat.json"

echo "native time per quote (criterion)..." >&2
cargo bench -q -p baofei-rules --bench quote --profile release-native -- --warm-up-time 1 --measurement-time 3 --noplot 2>/dev/null \
  | awk '/^quote:|^load |^read and/{name=$0; sub(/ +time:.*/, "", name)} /time:/{print name "\t" $0}' > "$tmp/criterion.txt"

echo "CLI throughput on $rows rows..." >&2
cargo build -q --profile release-native -p baofei-cli
bin="$CARGO_TARGET_DIR/release-native/baofei"
"$bin" sample --rows "$rows" > "$tmp/in.csv"
for t in 1 2; do
  # Exit 1 means some generated rows were refused (the generator can draw an impossible history, which the
  # engine refuses since issue 13); they still count as processed rows.
  RAYON_NUM_THREADS=$t /usr/bin/time --quiet -f "%e %M" -o "$tmp/cli$t.time" "$bin" quote "$tmp/in.csv" -o /dev/null -q || [ $? -eq 1 ]
done

# Issue 33: 影响测算 on 100,000 generated enterprises, a sixth of them in the example file's city (the
# generator's Chongqing rows moved there) and a sixth in its province, against `baofei quote` on the same book.
"$bin" sample --rows 100000 | sed 's/,chongqing,/,jiangsu_shifan,/; s/,hunan,/,jiangsu,/' > "$tmp/book.csv"
for i in 1 2 3; do
  /usr/bin/time --quiet -f "%e %M" -o "$tmp/impact$i.time" "$bin" impact --book "$tmp/book.csv" \
    --local-rules docs/local-rules/example-shifan.json -o /dev/null --summary "$tmp/impact.md" -q
  /usr/bin/time --quiet -f "%e %M" -o "$tmp/book$i.time" "$bin" quote "$tmp/book.csv" -o /dev/null -q || [ $? -eq 1 ]
done

status=0
python3 - "$tmp" "$rows" <<'PY' || status=$?
import json, sys, platform, subprocess, re, datetime
tmp, rows = sys.argv[1], int(sys.argv[2])
b = json.load(open(f"{tmp}/browser.json"))
crit = [l.split("\t") for l in open(f"{tmp}/criterion.txt").read().splitlines() if "\t" in l]
cli = {t: open(f"{tmp}/cli{t}.time").read().split() for t in (1, 2)}
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
mem = next((int(l.split()[1]) // 1024 // 1024 for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
s = b["sizes"]; w, e, hw = s["widget"], s["empty"], s["host"]
f = b["first"]; r = b["recompute"]
kb = lambda n: f"{n/1024:.1f} KB"
fe = b["feel"]
fw, fs = fe["fast"], fe["slow"]
lh = b.get("lighthouse")
lk = json.load(open(f"{tmp}/link.json"))
def ratio(enc, case, prof="slow"):
    d = lk[enc][prof]
    return d[case]["premium"]["median"] / d["empty"]["premium"]["median"]
def rtext(enc, case, prof="slow"):
    d = lk[enc][prof]
    return f"{ratio(enc, case, prof):.2f}× ({d[case]['premium']['median']:.0f} / {d['empty']['premium']['median']:.0f} ms, {d[case]['premium']['loads']} loads)"
import gzip as _gz, zlib as _zl
first_gz = sum(len(_gz.compress(open(f"dist/{f}", "rb").read(), 9)) for f in ("baofei-first_bg.wasm", "baofei-first.js"))
page_br = w["total"]["brotli"]
budgets = [
    # `None`: reported, not a budget (issue 31's decisions: the 180 KB aim is reported; the unthrottled first
    # paint is held against the static floor, not an empty app that paints one line).
    ("aim: widget page total (wasm + JS + CSS; the standalone page's own wasm) ≤ 180 KB gzip", None, f"{kb(w['total']['gzip'])} (brotli {kb(w['total']['brotli'])})"),
    ("standalone page total ≤ 265 KB gzip (issue 31's guard, set at 2026-12-02's 261 KB; the aim of 180 KB is the first row)", w["total"]["gzip"] <= 265 * 1024, f"{kb(w['total']['gzip'])}"),
    ("standalone page total ≤ 220 KB brotli (issue 31's guard)", page_br <= 220 * 1024, f"{kb(page_br)}"),
    ("slow phone, default page: premium on screen ≤ 1.0× the empty app's first paint (served gzip)", ratio("gzip", "default") <= 1.0, rtext("gzip", "default")),
    ("slow phone, default page: the same, served brotli", ratio("br", "default") <= 1.0, rtext("br", "default")),
    ("slow phone, a link (`#v=1&r=guangdong&e=250`): its premium on screen ≤ 1.5× the empty app's first paint (gzip)", ratio("gzip", "link") <= 1.5, rtext("gzip", "link")),
    ("slow phone, a link: the same, served brotli", ratio("br", "link") <= 1.5, rtext("br", "link")),
    ("slow phone, an English browser's first visit: premium on screen ≤ 1.5× the empty app's first paint (gzip)", ratio("gzip", "english") <= 1.5, rtext("gzip", "english")),
    ("slow phone, an English first visit: the same, served brotli", ratio("br", "english") <= 1.5, rtext("br", "english")),
    ("slow phone: premium on screen (LCP) ≤ 1.0× the empty app's first paint (the phone table below, 3 loads)", fs["widget"]["lcp"] <= fs["empty"]["fcp"], f"{fs['widget']['lcp']/fs['empty']['fcp']:.2f}× ({fs['widget']['lcp']:.0f} / {fs['empty']['fcp']:.0f} ms)"),
    ("unthrottled: first contentful paint against the empty app's (reported; the budget is the static floor's, next row)", None, f"{fw['widget']['fcp']/fw['empty']['fcp']:.2f}× ({fw['widget']['fcp']:.0f} / {fw['empty']['fcp']:.0f} ms)"),
    ("unthrottled: premium on screen (LCP) ≤ 1.15× the static floor's", fw["widget"]["lcp"] <= 1.15 * fw["floor"]["lcp"], f"{fw['widget']['lcp']/fw['floor']['lcp']:.2f}× ({fw['widget']['lcp']:.0f} / {fw['floor']['lcp']:.0f} ms)"),
    ("unthrottled: no task over 50 ms once the first frame is on screen (longest, median of loads)", fw["widget"]["longestAfter"] <= 50, f"{fw['widget']['longestAfter']:.0f} ms" if fw["widget"]["longestAfter"] else "none over 50 ms"),
    ("total blocking time ≤ 200 ms (unthrottled load; Lighthouse's simulated TBT below)", fw["widget"]["tbt"] <= 200, f"{fw['widget']['tbt']:.0f} ms"),
    ("Lighthouse mobile performance ≥ 90 (median of 3; a Chinese browser)", bool(lh) and lh["score"] >= 90, f"{lh['score']} (runs {', '.join(map(str, lh['runs']))})" if lh else "not run"),
    ("recompute, engine < 1 ms (median)", r["engine"]["median"] < 1, f"{r['engine']['median']:.2f} ms"),
    ("recompute, engine + DOM ≤ 16 ms (median)", r["update"]["median"] <= 16, f"{r['update']['median']:.2f} ms"),
]
out = []
P = out.append
P("# Benchmarks\n")
P(f"Measured {datetime.date.today()} by `scripts/bench.sh` (reproduce with that command; it rewrites this file).")
P(f"Machine: {cpu}, {subprocess.run(['nproc'],capture_output=True,text=True).stdout.strip()} cores, {mem} GiB; {platform.platform()}; {rustc}; Chromium {b['chromium']}.")
P("Ratios are to an empty Yew app (`crates/bench-empty-yew`) built the same way in the same run, so they hold on a noisy machine.\n")
P("## Budgets\n")
P("| budget | measured | result |\n|---|---|---|")
for name, ok, val in budgets:
    P(f"| {name} | {val} | {'reported' if ok is None else 'PASS' if ok else '**FAIL**'} |")
P("\n## Bundle size (release, wasm-opt -Oz)\n")
P("| file | widget raw | widget gzip | widget brotli | empty raw | empty gzip | ratio (gzip) |\n|---|---|---|---|---|---|---|")
for k in ("wasm", "js"):
    P(f"| {k} | {kb(w[k]['raw'])} | {kb(w[k]['gzip'])} | {kb(w[k]['brotli'])} | {kb(e[k]['raw'])} | {kb(e[k]['gzip'])} | {w[k]['gzip']/e[k]['gzip']:.2f}× |")
P(f"| css | {kb(w['css']['raw'])} | {kb(w['css']['gzip'])} | {kb(w['css']['brotli'])} | – | – | – |")
P(f"| **total** | {kb(w['total']['raw'])} | {kb(w['total']['gzip'])} | {kb(w['total']['brotli'])} | {kb(e['total']['raw'])} | {kb(e['total']['gzip'])} | {w['total']['gzip']/e['total']['gzip']:.2f}× |")
P(f"\nThe widget column is the standalone page's own wasm (`baofei-page`, what index.html and the iframe embed load). Host pages import `baofei-web` (the JS API `mount`/`Widget` and an insurer's pack validation): wasm {kb(hw['wasm']['gzip'])} gzip ({kb(hw['wasm']['brotli'])} brotli), total with glue and CSS {kb(hw['total']['gzip'])} gzip ({kb(hw['total']['brotli'])} brotli).")
P("\n## Time to first render (ms from navigation start; median of %d fresh loads of each app, interleaved)\n" % f["widget"]["loads"])
P("Kept for comparison with earlier runs (plain serving, 1280 px); the budgets are read from the phone table below. The release page is prerendered, so its first paint is the default quote as HTML (form and figures), before the wasm runs.")
P("The effect marks (`baofei:first-premium`, `app:first-render`) are shown too; they are not comparable, because Yew yields to the browser (which paints) after 16 ms of work, which our first render exceeds and the empty app's does not.\n")
P("| | widget: first paint (with premium) | empty app: first paint | ratio | widget `baofei:first-premium` mark | empty `app:first-render` mark |\n|---|---|---|---|---|---|")
for label, wk, ek in (("CPU as is", "widget", "empty"), ("CPU throttled 4×", "widget4x", "empty4x")):
    P(f"| {label} | {f[wk]['fcp']['median']:.1f} (min {f[wk]['fcp']['min']:.1f}, max {f[wk]['fcp']['max']:.1f}) | {f[ek]['fcp']['median']:.1f} | {f[wk]['fcp']['median']/f[ek]['fcp']['median']:.2f}× | {f[wk]['median']:.1f} | {f[ek]['median']:.1f} |")
P("\n## What a phone user feels (issue 15; 360 px, median of %d fresh loads as is, %d on the slow phone)\n" % (fw["widget"]["runs"], fs["widget"]["runs"]))
P("Slow phone: network about 1.6 Mbit/s with 150 ms round trip, CPU 4× slower (DevTools protocol). Every page is served gzip-compressed, as a host serves it. The static floor is `index.html` as shipped (prerendered frame and CSS) with no script; the header floor is the same page cut after the widget's header; the empty app is a Yew app that renders one line. LCP is the premium's paint when the LCP element is the premium (named in the last column).\n")
P("| profile | widget FCP | widget LCP | premium visible | FCP ÷ empty app's FCP | LCP ÷ empty app's FCP | LCP ÷ static floor's LCP | total blocking time | longest task after / before first paint | first input handled | empty app FCP | static floor FCP / LCP | header floor FCP | LCP element |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for k, label in (("fast", "as is"), ("slow", "slow phone")):
    wv, ev, fv, hv = fe[k]["widget"], fe[k]["empty"], fe[k]["floor"], fe[k]["header"]
    P(f"| {label} | {wv['fcp']:.0f} ms | {wv['lcp']:.0f} ms | {wv['premium']:.0f} ms | {wv['fcp']/ev['fcp']:.2f}× | {wv['lcp']/ev['fcp']:.2f}× | {wv['lcp']/fv['lcp']:.2f}× | {wv['tbt']:.0f} ms | {wv['longestAfter']:.0f} / {wv['longestBefore']:.0f} ms | {wv['firstInput']:.0f} ms | {ev['fcp']:.0f} ms | {fv['fcp']:.0f} / {fv['lcp']:.0f} ms | {hv['fcp']:.0f} ms ({hv['fcp']/ev['fcp']:.2f}×) | `{wv['lcpElement']}` |")
P("\n## A link's premium and an English first visit (issue 31; 360 px, median of %d fresh loads, interleaved with the empty app and the default page)\n" % lk["loads"])
P(f"A link carries its own state (`{lk['link']}`), so the prerendered default frame is hidden; its premium comes first from the first look (`baofei-first`, the engine and the rules without the interface: {kb(first_gz)} gzip with its glue), shown as a card until the widget takes over. An English browser's first visit gets the default quote prerendered in English (`frame-en.html`). \"Premium\" is the first frame in which a premium is visible (the card's, or the frame's); \"widget\" is when the live widget has taken over. Min–max in brackets.\n")
P("| served | profile | empty app first paint | default page premium | link premium | link: widget | English premium | English: widget |\n|---|---|---|---|---|---|---|---|")
for enc, label in (("gzip", "gzip"), ("br", "brotli")):
    for prof, plabel in (("slow", "slow phone"), ("fast", "as is")):
        d = lk[enc][prof]
        cell = lambda c, k="premium": f"{d[c][k]['median']:.0f} ms ({d[c][k]['min']}–{d[c][k]['max']})" + ("" if c == "empty" or k != "premium" else f", {d[c][k]['median']/d['empty']['premium']['median']:.2f}×")
        P(f"| {label} | {plabel} | {cell('empty')} | {cell('default')} | {cell('link')} | {cell('link', 'ready')} | {cell('english')} | {cell('english', 'ready')} |")
P("\n## What each page loads (issue 15; every same-origin file fetched within 2.5 s)\n")
P("| page | files | raw | gzip | brotli |\n|---|---|---|---|---|")
for name, pg in b["pages"].items():
    P(f"| {name} | {len(pg['files'])} ({', '.join(pg['files'])}) | {kb(pg['raw'])} | {kb(pg['gzip'])} | {kb(pg['brotli'])} |")
if lh:
    P(f"\nLighthouse 12.8.2 mobile performance (Debian's Chromium, headless, browser language zh-CN as our users'), median of 3: **{lh['score']}** (runs {', '.join(map(str, lh['runs']))}); LCP {lh['lcp']:.0f} ms, total blocking time {lh['tbt']:.0f} ms (Lighthouse's own simulated throttling).")
    le = b.get("lighthouseEn")
    if le:
        P(f"With an English browser (its first visit shows the default quote prerendered in English, frame-en.html): **{le['score']}** (runs {', '.join(map(str, le['runs']))}); LCP {le['lcp']:.0f} ms, total blocking time {le['tbt']:.0f} ms.")
else:
    P("\nLighthouse: not run (npm `lighthouse@12.8.2` could not be installed).")
c = json.load(open(f"{tmp}/compat.json"))
P("\n## Old engines: the builds a browser may load (issue 28)\n")
P("Each browser loads one build: the release wasm; the compatibility wasm (no post-MVP feature) where the engine lacks reference types (Chromium < 96, Safari < 15); or the same build as JavaScript (wasm2js) where the page's policy refuses wasm (Chromium < 97 and Safari < 16 do not know `'wasm-unsafe-eval'`) or there is no WebAssembly. `start.js` and the element probe the engine before fetching anything, so a modern browser downloads nothing extra.\n")
P("| build | what the page loads | raw | gzip | brotli | widget for host pages (gzip) | link premium on the slow phone, median (min-max, loads) |\n|---|---|---|---|---|---|---|")
for k, wk, label in (("wasm", "widgetWasm", "release wasm"), ("mvp", "widgetMvp", "compatibility wasm (MVP)"), ("js", "widgetJs", "compatibility JavaScript (wasm2js)")):
    bd, wd, pm = c["builds"][k], c["builds"][wk], c["premium"][k]
    P(f"| {label} | {', '.join(bd['files'])} | {bd['raw']} KB | {bd['gzip']} KB | {bd['brotli']} KB | {wd['gzip']} KB | {pm['median']} ms ({pm['min']}-{pm['max']}, {pm['loads']}) |")
P(f"\nThe link `{c['link']}` (its static frame is hidden, so the premium waits for the engine), 360 px, the slow-phone profile above, served gzip; the compatibility paths are forced in Chromium as an old engine meets them (the reference-types probe refused; the policy without `'wasm-unsafe-eval'`). An old phone's CPU is slower again: these are the builds' costs relative to each other, not an old browser's times.")
P("\n## Recompute after an input change (browser, %d changes)\n" % r["engine"]["samples"])
P("| | median | p95 | max |\n|---|---|---|---|")
P(f"| engine alone (quote + self-assessment + priced next steps) | {r['engine']['median']:.3f} ms | {r['engine']['p95']:.3f} ms | {r['engine']['max']:.3f} ms |")
P(f"| engine + DOM update (input event to patched DOM) | {r['update']['median']:.2f} ms | {r['update']['p95']:.2f} ms | {r['update']['max']:.2f} ms |")
P("\n## Native\n")
P("| criterion (release-native) | time per iteration [low, estimate, high] |\n|---|---|")
for name, t in crit:
    P(f"| {name.strip()} | {t.split('[',1)[1].rstrip(']').strip() if '[' in t else t} |")
P(f"\nCLI (`baofei quote`, {rows:,} generated rows, streaming):\n")
P("| threads | wall | rows/s | rows/s per core | peak memory |\n|---|---|---|---|---|")
for t in (1, 2):
    wall, rss = float(cli[t][0]), int(cli[t][1])
    P(f"| {t} | {wall:.2f} s | {rows/wall:,.0f} | {rows/wall/t:,.0f} | {rss/1024:.0f} MB |")
imp = sorted((tuple(map(float, open(f"{tmp}/impact{i}.time").read().split())) for i in (1, 2, 3)))[1]
book = sorted((tuple(map(float, open(f"{tmp}/book{i}.time").read().split())) for i in (1, 2, 3)))[1]
P("\n`baofei impact` (影响测算, issue 33): 100,000 generated enterprises, a sixth in the example file's city, each priced under the shipped rules and the draft (once where the draft cannot change it); median of 3 runs, 2 threads, against `baofei quote` on the same book:\n")
P("| command | wall | rows/s | peak memory |\n|---|---|---|---|")
P(f"| `baofei impact --local-rules docs/local-rules/example-shifan.json` | {imp[0]:.2f} s | {100000/imp[0]:,.0f} | {imp[1]/1024:.0f} MB |")
P(f"| `baofei quote` (the same book) | {book[0]:.2f} s | {100000/book[0]:,.0f} | {book[1]/1024:.0f} MB |")
text = "\n".join(out) + "\n\n" + open("docs/size-steps.md").read()
open("BENCHMARKS.md.new", "w").write(text)
print(text)
sys.exit(0 if all(ok is not False for _, ok, _ in budgets) else 1)
PY
mv BENCHMARKS.md.new BENCHMARKS.md
exit $status
