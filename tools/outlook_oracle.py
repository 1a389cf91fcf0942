#!/usr/bin/env python3
"""Works out the expected floats of the outlook golden cases (tests/golden/compare/outlooks.json) from the rule
files alone, without the engine: for each renewal, the three-year window moved as the issue describes,
then the work-safety float rule as the rules and ARCHITECTURE.md state it:

    raw = accident(worst grade in the window) x deaths(most deaths in one year) x consecutive-fatal
          x claim-free (neutral outside Hubei) x standardisation
    band: loaded (a 较大+ accident, or deaths two years running) 0.60-2.50; clean (three years, none)
          min(clean floor, 0.60)-1.40; else 0.60-1.40 (Chongqing's 渝府办发〔2017〕182号 二(五))
    float = raw clamped to the band

Run it to rewrite the `expect` of every case: `python3 tools/outlook_oracle.py`. The runner
(crates/baofei-rules/tests/compare.rs) then checks the engine against these figures.
Outside its scope (refused by the script): Hubei's own tables, the environmental line, other flags."""
import json, pathlib
from decimal import Decimal as D
ROOT = pathlib.Path(__file__).resolve().parent.parent
RULES = ROOT / 'crates/baofei-rules/rules'
GRADES = ['ordinary', 'larger', 'serious', 'especially_serious']

def table(path, region, as_of):
    d = json.loads((RULES / path).read_text())
    if 'work_safety' in d: d = d['work_safety']
    rows = d.get('regions', {}).get(region) or d['national']
    rows = [r for r in rows if r['from'] <= as_of and (r.get('until') is None or as_of < r['until'])]
    return max(rows, key=lambda r: r['from'])['value']

def worst(year):
    g = 'none'
    for k in GRADES:
        if int(year.get(k) or 0) > 0: g = k
    return g

def float_for(case, window):
    e = case['enterprise']; r, d = e['region'], e['as_of']
    assert r != 'hubei' and not r.startswith('hubei'), 'Hubei has its own tables'
    window = window + [{}] * (3 - len(window))
    rank = ['none'] + GRADES
    w = max((worst(y) for y in window), key=rank.index)
    deaths = max(int(y.get('deaths') or 0) for y in window)
    consecutive = any(int(window[i].get('deaths') or 0) > 0 and int(window[i + 1].get('deaths') or 0) > 0 for i in range(2))
    raw = D(table('pricing/accident_factors.json', r, d)[w])
    raw *= D(table('pricing/death_factors.json', r, d)['3+' if deaths >= 3 else str(deaths)])
    raw *= D(table('pricing/consecutive_fatal_factors.json', r, d)['yes' if consecutive else 'no'])
    raw *= D(table('pricing/standardisation_factors.json', r, d)[e.get('standardisation') or 'none'])
    band = table('statutes/float_band.json', r, d)
    low, high = 1 - D(band['normal']), 1 + D(band['normal'])
    kind = 'normal'
    if rank.index(w) >= rank.index('larger') or consecutive:
        kind, high = 'loaded', 1 + D(band['loaded_up'])
    elif w == 'none':
        kind, low = 'clean', min(D(table('pricing/clean_floor.json', r, d)), low)
    return min(max(raw, low), high), kind

def moved(history, coming, year):
    clean = {k: '0' for k in GRADES + ['deaths']}
    return ([clean] * (year - 1) + [coming] + history[:3 - year])[:3]

cases = json.loads((ROOT / 'tests/golden/compare/outlooks.json').read_text())
for c in cases:
    hist = c['enterprise'].get('history', [])
    c['expect'] = {}
    for sid, coming in [('none', {}), ('ordinary', {'ordinary': '1'}), ('larger', {'larger': '1'})]:
        out = []
        for y in (1, 2, 3):
            f, kind = float_for(c, moved(hist, coming, y))
            out.append({'float': str(f.normalize()), 'band': kind})
        c['expect'][sid] = out
(ROOT / 'tests/golden/compare/outlooks.json').write_text(json.dumps(cases, ensure_ascii=False, indent=2) + '\n')
print(len(cases), 'cases')
