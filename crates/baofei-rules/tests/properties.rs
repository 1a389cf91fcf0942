//! Invariants that hold for every input and every valid pack.

use baofei_core::domain::BandKind;
use baofei_core::input::{HistoryYear, QuoteInput};
use baofei_core::{quote, Quote, Rules};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::sync::OnceLock;

fn rules() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| baofei_rules::load().unwrap())
}

const REGIONS: &[&str] = &[
    "national",
    "chongqing",
    "jilin",
    "guangdong_zhongshan",
    "hunan",
    "shandong",
    "hubei",
    "anhui_fuyang",
];
const GRADES: &[&str] = &["grade1", "grade2", "grade3", "none"];
const CREDIT: &[&str] = &["trustworthy", "good", "warning", "poor"];

fn year() -> impl Strategy<Value = HistoryYear> {
    (0u32..3, 0u32..2, 0u32..2, 0u32..2, 0u32..12).prop_map(|(o, l, s, e, d)| {
        let any = o + l + s + e > 0;
        // Only possible histories (国务院令第493号 第三条): deaths within what the grades allow.
        let allowed = if e > 0 {
            u32::MAX
        } else {
            2 * o + 9 * l + 29 * s
        };
        HistoryYear {
            ordinary: o.to_string(),
            larger: l.to_string(),
            serious: s.to_string(),
            especially_serious: e.to_string(),
            deaths: if any {
                d.min(allowed).to_string()
            } else {
                "0".into()
            },
            accidents: vec![],
        }
    })
}

/// A random valid enterprise of either line.
fn input() -> impl Strategy<Value = QuoteInput> {
    let ws_sector = prop::sample::select(vec![
        "hazardous_chemicals.production",
        "mining.non_coal_underground",
        "fireworks.trading",
        "metal_smelting.ferrous",
        "fishery.marine",
        "other.general",
        "construction.general",
        "mining.coal",
        "transport.road_passenger",
        "transport.road_freight",
    ]);
    let env_sector = prop::sample::select(vec![
        "heavy_metals.smelting",
        "hazardous_waste.operator",
        "petrochemical.refining",
    ]);
    let line = prop_oneof![
        ws_sector.prop_map(|s| ("work_safety", s)),
        env_sector.prop_map(|s| ("environmental", s))
    ];
    (
        line,
        prop::sample::select(REGIONS),
        2018u16..2031,
        1u32..5000,
        prop::sample::select(GRADES),
        prop::collection::vec(year(), 0..=3),
        any::<bool>(),
        any::<bool>(),
        prop::option::of(0u32..300),
        prop::sample::select(CREDIT),
        prop::sample::select(vec!["general", "larger", "major"]),
        prop::sample::select(vec!["400000", "500000"]),
    )
        .prop_map(
            |(
                (line, sector),
                region,
                year,
                employees,
                grade,
                history,
                bl,
                rr,
                lr,
                credit,
                risk,
                pp,
            )| QuoteInput {
                as_of: format!("{year}-07-01"),
                region: region.into(),
                line: line.into(),
                sector: sector.into(),
                employees: employees.to_string(),
                contract_value: "30000000".into(),
                tonnage: "60000".into(),
                seats: "40".into(),
                vehicles: "12".into(),
                per_person_limit: pp.into(),
                aggregate_limit: if line == "environmental" {
                    "2000000".into()
                } else {
                    String::new()
                },
                history,
                standardisation: grade.into(),
                blacklisted: bl,
                refused_rectification: rr,
                loss_ratio: lr
                    .map(|x| format!("{}.{:02}", x / 100, x % 100))
                    .unwrap_or_default(),
                env_risk_grade: risk.into(),
                env_credit_grade: credit.into(),
                ..Default::default()
            },
        )
}

fn q(i: &QuoteInput) -> Quote {
    quote(rules(), i).unwrap_or_else(|e| panic!("valid input rejected: {e}\n{i:?}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn float_stays_in_band_and_nothing_is_negative(i in input()) {
        let r = q(&i);
        prop_assert!(r.band.low <= r.band.factor && r.band.factor <= r.band.high);
        prop_assert!(r.premium_low <= r.premium && r.premium <= r.premium_high);
        prop_assert!(r.premium >= Decimal::ZERO && r.premium_low >= Decimal::ZERO);
        prop_assert_eq!(r.premium.scale(), 2);
        // The statutory band: at most +40% normally, +150% when loaded; never below the pack's floor.
        prop_assert!(r.band.high <= Decimal::new(250, 2));
        if r.band.kind == BandKind::Normal {
            prop_assert_eq!(r.band.high, Decimal::new(140, 2));
            prop_assert_eq!(r.band.low, Decimal::new(60, 2));
        }
    }

    #[test]
    fn one_more_accident_never_lowers_the_premium(i in input(), which in 0usize..3, grade in 0usize..4, deaths in 0u32..5) {
        let before = q(&i);
        let mut worse = i.clone();
        while worse.history.len() <= which {
            worse.history.push(HistoryYear::default());
        }
        let y = &mut worse.history[which];
        let bump = |s: &mut String, by: u32| *s = (s.parse::<u32>().unwrap_or(0) + by).to_string();
        match grade {
            0 => bump(&mut y.ordinary, 1),
            1 => bump(&mut y.larger, 1),
            2 => bump(&mut y.serious, 1),
            _ => bump(&mut y.especially_serious, 1),
        }
        // The added accident's deaths stay within its grade (一般 at most 2).
        bump(&mut y.deaths, if grade == 0 { deaths.min(2) } else { deaths });
        let after = q(&worse);
        prop_assert!(after.premium >= before.premium, "{} -> {}", before.premium, after.premium);
        prop_assert!(after.premium_high >= before.premium_high);
    }

    /// Issue 13 point 2: the history factors never contradict the band or the tier they trigger. A
    /// loaded band (or a high tier from the history) carries no history discount; a clean band no
    /// history loading; and every accident in any of the three years is read by the factors.
    #[test]
    fn history_factors_agree_with_band_and_tier(i in input()) {
        let q = q(&i);
        let step = |id: &str| -> Option<Decimal> {
            q.trace.iter().find(|s| s.id == id).and_then(|s| s.value.parse().ok())
        };
        let history = ["float.accident", "float.deaths", "float.consecutive_fatal"];
        let claim_free = if q.trace.iter().any(|s| s.id == "float.claim_free_loaded") {
            Some(Decimal::ONE)
        } else {
            step("float.claim_free")
        };
        let factors: Vec<Decimal> = history.iter().filter_map(|id| step(id)).chain(claim_free).collect();
        let any_accident = i.history.iter().any(|y| {
            [&y.ordinary, &y.larger, &y.serious, &y.especially_serious]
                .iter()
                .any(|n| n.parse::<u32>().unwrap_or(0) > 0)
        });
        match q.band.kind {
            BandKind::Loaded => {
                prop_assert!(factors.iter().all(|f| *f >= Decimal::ONE), "discount in a loaded band: {factors:?}");
                prop_assert_eq!(q.risk_tier.key(), "high");
            }
            BandKind::Clean => prop_assert!(factors.iter().all(|f| *f <= Decimal::ONE), "loading in a clean band: {factors:?}"),
            _ => {}
        }
        if any_accident {
            // An accident in any year: no "no accident" discount from the accident table.
            prop_assert!(step("float.accident").unwrap() >= Decimal::ONE);
        }
    }

    #[test]
    fn a_better_grade_never_raises_the_premium(i in input(), g in 0usize..4, c in 0usize..4) {
        let base = q(&i);
        let mut better = i.clone();
        let gi = GRADES.iter().position(|x| *x == i.standardisation).unwrap();
        better.standardisation = GRADES[g.min(gi)].into();
        let ci = CREDIT.iter().position(|x| *x == i.env_credit_grade).unwrap();
        better.env_credit_grade = CREDIT[c.min(ci)].into();
        better.blacklisted = false;
        better.refused_rectification = false;
        prop_assert!(q(&better).premium <= base.premium);
    }

    /// An insurer pack with arbitrary (valid) factors moves prices, never the band or the legal minimum.
    #[test]
    fn insurer_packs_cannot_break_the_law(i in input(), scale in 1u32..60, floor in 1u32..100) {
        let mut pack: serde_json::Value = serde_json::from_str(&baofei_rules::pack_json()).unwrap();
        // Multiply every accident factor by scale/10 (keeps the order, so the pack stays valid).
        let k = Decimal::new(i64::from(scale), 1);
        for v in pack["accident_factors"]["national"][0]["value"].as_object_mut().unwrap().values_mut() {
            let d: Decimal = v.as_str().unwrap().parse().unwrap();
            *v = serde_json::Value::String((d * k).round_dp(4).to_string());
        }
        pack["clean_floor"]["national"][0]["value"] = serde_json::Value::String(Decimal::new(i64::from(floor), 2).to_string());
        let pack = baofei_rules::parse_pack(&pack.to_string()).unwrap();
        let insurer = rules().with_pack(pack).unwrap();
        let ours = q(&i);
        let theirs = quote(&insurer, &i).unwrap();
        prop_assert_eq!(theirs.limits.minimum_per_person, ours.limits.minimum_per_person);
        prop_assert_eq!(theirs.band.high, ours.band.high);
        prop_assert!(theirs.band.low <= theirs.band.factor && theirs.band.factor <= theirs.band.high);
        prop_assert!(theirs.band.low >= Decimal::new(i64::from(floor), 2).min(Decimal::new(60, 2)));
        prop_assert_eq!(theirs.prevention.max_ratio, ours.prevention.max_ratio);
    }
}

proptest! {
    /// Arbitrary text in every field yields a value or field errors, never a panic.
    #[test]
    fn arbitrary_strings_never_panic(a in ".{0,12}", b in ".{0,12}", c in "[-0-9.eE]{0,30}", d in "[-0-9]{0,25}") {
        let i = QuoteInput { as_of: a.clone(), region: b.clone(), line: "work_safety".into(), sector: a, employees: d.clone(), contract_value: c.clone(), loss_ratio: c, per_person_limit: d, ..Default::default() };
        let full = quote(rules(), &i);
        if let Err(e) = &full {
            prop_assert!(!e.0.is_empty());
            prop_assert!(e.0.iter().all(|x| !x.field.is_empty() && !x.message_zh.is_empty() && !x.message_en.is_empty()));
        }
        // The first look's quiet quote (issue 31) refuses what the full one refuses, at the same fields
        // and codes (the full one names an unknown region or sector beside other errors as well).
        match (&full, baofei_core::quote_figures(rules(), &i)) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a.premium, b.premium),
            (Err(a), Err(b)) => {
                let at = |x: &baofei_core::FieldError| format!("{} {:?}", x.field, x.code);
                let full: Vec<String> = a.0.iter().map(at).collect();
                prop_assert!(b.0.iter().all(|x| full.contains(&at(x)) && x.message_en.is_empty()), "{:?} vs {:?}", a, b);
            }
            (a, b) => prop_assert!(false, "{:?} vs {:?}", a.as_ref().map(|q| &q.premium), b.map(|q| q.premium)),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Batch quoting skips the explanations (trace, notes, next steps, legal-basis texts, services,
    /// sources), and the first look's quote the warnings and assumptions too; no figure or flag (and
    /// in batch no warning) may differ.
    #[test]
    fn brief_quote_equals_full_quote(i in input()) {
        let full = q(&i);
        let brief = baofei_core::quote_brief(rules(), &i).unwrap();
        prop_assert!(brief.trace.is_empty() && brief.notes.is_empty() && brief.next_steps.is_empty());
        prop_assert!(!full.trace.is_empty());
        let strip = |x: &Quote| {
            let mut y = Quote { trace: vec![], notes: vec![], next_steps: vec![], ..x.clone() };
            y.obligation.basis.clear();
            y.obligation.penalty = None;
            y.prevention.services.clear();
            y.prevention.sources.clear();
            y
        };
        prop_assert_eq!(strip(&brief), strip(&full));
        // The first look's quote (issue 31) records no warnings or assumptions either; its figures and
        // flags are the brief quote's.
        let figures = baofei_core::quote_figures(rules(), &i).unwrap();
        prop_assert!(figures.warnings.is_empty() && figures.assumptions.is_empty());
        let plain = |x: &Quote| Quote { warnings: vec![], assumptions: vec![], ..strip(x) };
        prop_assert_eq!(plain(&figures), plain(&brief));
    }
}

/// The figures a trace step shows: every number in its text (`137 人 × 800,000 元 × 0.001`), read
/// as the reader reads them.
fn numbers(text: &str) -> Vec<Decimal> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        let tail = &rest[start..];
        let end = tail
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(tail.len());
        let n: Decimal = match tail[..end].replace(',', "").trim_end_matches('.').parse() {
            Ok(n) => n,
            Err(_) => break,
        };
        // A rate written per mille or per cent is read as the reader reads it.
        let after = &tail[end..];
        out.push(if after.starts_with('‰') {
            n / Decimal::from(1000)
        } else if after.starts_with('%') {
            n / Decimal::from(100)
        } else {
            n
        });
        rest = after;
    }
    out
}

/// A step's shown figure, by id.
fn shown(q: &Quote, id: &str) -> Option<Decimal> {
    q.trace
        .iter()
        .find(|s| s.id == id)
        .and_then(|s| numbers(&s.value).first().copied())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Issue 27 item 7: a reader who multiplies the figures a step shows gets the figure it shows,
    /// to the fen: the products in the trace (quantity × limit × rate, premium × share), the guided
    /// premium from the base and the rating factors shown, the raw float from the floating factors
    /// shown, and the premium from the guided premium and the float. Amounts are random with
    /// fractions, so a step that multiplies an unrounded figure while showing it rounded fails here.
    #[test]
    fn every_product_shown_multiplies_out_as_shown(
        i in input(),
        tonnes in 1u64..100_000_000,
        cv in 1u64..10_000_000_000,
        seats in 1u32..400,
        veh in 1u32..300,
    ) {
        let mut i = i;
        i.tonnage = format!("{}.{:03}", tonnes / 1000, tonnes % 1000);
        i.contract_value = format!("{}.{:02}", cv / 100, cv % 100);
        i.seats = seats.to_string();
        i.vehicles = veh.to_string();
        let q = q(&i);
        let fen = baofei_core::money::round_fen;
        for s in &q.trace {
            // A product written out: every operand and the result are shown (after what the step
            // says it read, "band 1 (≤ 5,000,000 元), …: 0.01 元 × 1.71‰").
            let product_text = s.parameter.rsplit([':', '：']).next().unwrap_or_default();
            let ops = numbers(product_text);
            if product_text.contains('×') && ops.len() >= 2 {
                let product = ops.iter().try_fold(Decimal::ONE, |p, x| p.checked_mul(*x));
                prop_assert!(product.is_some(), "{}: {} overflows", s.id, s.parameter);
                let product = product.unwrap();
                let got = numbers(&s.value);
                prop_assert!(!got.is_empty(), "{}: no figure in {:?}", s.id, s.value);
                prop_assert_eq!(fen(product), got[0], "{}: {} = {}", s.id, s.parameter, s.value);
            }
        }
        // The guided premium: the base times each rating factor shown between them.
        let pos = |id: &str| q.trace.iter().position(|s| s.id == id);
        if let (Some(b), Some(g)) = (pos("base_premium"), pos("guided_premium")) {
            let product = q.trace[b + 1..g]
                .iter()
                .filter_map(|s| s.factor.and_then(|_| numbers(&s.value).first().copied()))
                .fold(shown(&q, "base_premium").unwrap(), |p, x| p.checked_mul(x).unwrap_or(p));
            prop_assert_eq!(fen(product), shown(&q, "guided_premium").unwrap(), "guided premium {:?}", q.trace[b..=g].iter().map(|s| (&s.id, &s.value, s.factor)).collect::<Vec<_>>());
        }
        // The premium: the guided premium shown times the float shown.
        if let (Some(g), Some(f), Some(p)) = (shown(&q, "guided_premium"), shown(&q, "float_factor"), shown(&q, "premium")) {
            prop_assert_eq!(fen(g * f), p, "premium = {} × {}", g, f);
        }
    }
}
