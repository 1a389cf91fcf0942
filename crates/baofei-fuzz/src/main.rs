//! A small coverage-blind fuzzer for the three inputs anyone can craft: share links, rule packs and
//! quote inputs. Each target runs for a bounded time from seeds, mutating bytes and structure; any
//! panic or broken invariant is a finding (printed with its input; non-zero exit).
//!
//!   cargo run --profile release-native -p baofei-fuzz -- [seconds per target] [seed]
//!
//! cargo-fuzz needs a nightly toolchain this machine cannot fetch, hence this stable harness.

use baofei_core::input::{HistoryYear, QuoteInput};
use baofei_core::{quote, Rules};
use baofei_web::model::Form;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const TOKENS: &[&str] = &[
    "",
    "0",
    "-1",
    "1e30",
    "NaN",
    "99999999999999999999999999999",
    "0.000000000000000000000000001",
    "１２",
    "%",
    "%ZZ",
    "%00",
    "&",
    "=",
    "#",
    "<script>alert(1)</script>",
    "\"",
    "\\",
    "null",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "true",
    "\u{202e}",
    "🧨",
    "v=1",
    "v=2",
    "lang=en",
    "r=chongqing",
    "s=mining.coal",
    "h0.l=1",
    "h0.a1.d=3",
    "a.blacklist=yes",
    "o.prem=60000",
    "o.pp=30",
    "o.c.rescue=1",
    "o.s.training=2",
    "o.end=2027-05-31",
    "c=spring-2026",
    "r=jiangsu_wuxi",
    "2026-02-29",
    "2025-03-29",
    "employees",
    "larger",
    "grade1",
    "400000",
    "1.5",
    "-0",
    "0.0",
    "+1",
    " 7 ",
    "\n",
    "9999999999999999999999999999999999999999",
];

fn mutate(rng: &mut Rng, seed: &str) -> String {
    let mut s: Vec<char> = seed.chars().collect();
    for _ in 0..=rng.below(4) {
        let at = rng.below(s.len() + 1);
        match rng.below(6) {
            0 if !s.is_empty() => {
                let end = (at + 1 + rng.below(16)).min(s.len());
                s.drain(at.min(end)..end);
            }
            1 => s.splice(at..at, rng.pick(TOKENS).chars()).for_each(drop),
            2 if !s.is_empty() => {
                let i = rng.below(s.len());
                s[i] = char::from_u32((rng.next() % 0x3000) as u32).unwrap_or('x');
            }
            3 if !s.is_empty() => {
                let a = rng.below(s.len());
                let b = (a + rng.below(64)).min(s.len());
                let chunk: Vec<char> = s[a..b].to_vec();
                s.splice(at..at, chunk).for_each(drop);
            }
            _ => s.splice(at..at, rng.pick(TOKENS).chars()).for_each(drop),
        }
    }
    s.into_iter().collect()
}

struct Target {
    name: &'static str,
    execs: u64,
    accepted: u64,
    findings: Vec<String>,
}

fn run(
    name: &'static str,
    secs: u64,
    mut one: impl FnMut(&mut Rng) -> Result<bool, String>,
    rng: &mut Rng,
) -> Target {
    let mut t = Target {
        name,
        execs: 0,
        accepted: 0,
        findings: vec![],
    };
    let end = Instant::now() + Duration::from_secs(secs);
    while Instant::now() < end {
        for _ in 0..64 {
            t.execs += 1;
            match catch_unwind(AssertUnwindSafe(|| one(rng))) {
                Ok(Ok(accepted)) => t.accepted += u64::from(accepted),
                Ok(Err(broken)) => t.findings.push(broken),
                Err(p) => {
                    let msg = p
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default();
                    t.findings.push(format!("panic: {msg}"));
                }
            }
            if t.findings.len() > 20 {
                return t;
            }
        }
    }
    t
}

/// Share links: parse; if accepted, the form must survive a round trip and feed the engine.
fn link_target(rules: &Rules) -> impl FnMut(&mut Rng) -> Result<bool, String> + '_ {
    let seeds = [
        Form::new("2026-11-23").to_fragment(),
        "v=1&lang=en&r=jilin&l=environmental&s=heavy_metals.smelting&agg=200&er=larger&h0.l=1&h0.d=3&a.blacklist=yes".to_string(),
        "#v=1&s=construction.general&cv=10000&hr=1&metro=1&pp=60&h1.a0.d=10&h2.a1.l=1000".to_string(),
        // An offer (issue 17), a city under its province (issue 18) and a campaign tag (issue 16).
        "v=1&r=jiangsu_wuxi&d=2026-06-01&c=spring&o.prem=60000&o.pp=30&o.n=80&o.uni=yes&o.c.rescue=1&o.s.training=1&o.end=2027-05-31&o.com=4%25".to_string(),
    ];
    move |rng| {
        let which = rng.below(seeds.len());
        let text = mutate(rng, &seeds[which]);
        match Form::from_fragment(&text, "2026-11-23") {
            Err(_) => Ok(false),
            Ok((form, _)) => {
                let (back, skipped) = Form::from_fragment(&form.to_fragment(), "2026-11-23")
                    .map_err(|e| format!("round trip refused {text:?}: {e}"))?;
                if back != form || !skipped.is_empty() {
                    return Err(format!("round trip changed the form for {text:?}"));
                }
                check_quote(rules, &form.to_input())
                    .map_err(|e| format!("{e} for link {text:?}"))?;
                // The offer check answers or names the bad fields; it never panics (a panic here
                // aborts the fuzzer with the link that caused it).
                if form.has_offer() {
                    if let Err(e) =
                        baofei_core::offer::check_offer(rules, &form.to_input(), &form.to_offer())
                    {
                        if e.0.is_empty() || e.0.iter().any(|x| x.message_zh.is_empty()) {
                            return Err(format!("offer check gave an empty error for {text:?}"));
                        }
                    }
                }
                Ok(true)
            }
        }
    }
}

/// Rule packs: mutated JSON; if accepted, quoting with it must keep every invariant.
fn pack_target(base: &Rules) -> impl FnMut(&mut Rng) -> Result<bool, String> + '_ {
    let seed = baofei_rules::pack_json();
    let sample = QuoteInput {
        as_of: "2026-06-01".into(),
        region: "chongqing".into(),
        line: "work_safety".into(),
        sector: "hazardous_chemicals.production".into(),
        employees: "100".into(),
        ..Default::default()
    };
    move |rng| {
        let text = mutate(rng, &seed);
        let Ok(pack) = baofei_rules::parse_pack(&text) else {
            return Ok(false);
        };
        let Ok(rules) = base.with_pack(pack) else {
            return Ok(false);
        };
        check_quote(&rules, &sample).map_err(|e| format!("{e} with a mutated pack"))?;
        Ok(true)
    }
}

/// Quote inputs: field values from a dictionary of edge cases and random text.
fn input_target(rules: &Rules) -> impl FnMut(&mut Rng) -> Result<bool, String> + '_ {
    const VALUES: &[&str] = &[
        "",
        "0",
        "1",
        "3",
        "10",
        "100",
        "-5",
        "abc",
        "1e3",
        "2.5",
        "99999999999999999999",
        "10000000",
        "400000",
        "0.45",
        "  12  ",
    ];
    const SECTORS: &[&str] = &[
        "hazardous_chemicals.production",
        "construction.general",
        "mining.coal",
        "transport.road_passenger",
        "transport.road_freight",
        "heavy_metals.smelting",
        "other.general",
        "x",
        "",
    ];
    const REGIONS: &[&str] = &[
        "chongqing",
        "jilin",
        "national",
        "hunan",
        "shandong",
        "hubei",
        "anhui_fuyang",
        "guangdong_zhongshan",
        "mars",
    ];
    move |rng| {
        let v = |rng: &mut Rng| {
            if rng.below(5) == 0 {
                {
                    let base = rng.pick(VALUES);
                    mutate(rng, base)
                }
            } else {
                rng.pick(VALUES).to_string()
            }
        };
        let line = if rng.below(4) == 0 {
            "environmental"
        } else {
            "work_safety"
        };
        let history = (0..rng.below(5))
            .map(|_| HistoryYear {
                ordinary: v(rng),
                larger: v(rng),
                serious: v(rng),
                especially_serious: v(rng),
                deaths: v(rng),
                accidents: vec![],
            })
            .collect();
        let i = QuoteInput {
            as_of: rng
                .pick(&[
                    "2026-06-01",
                    "2018-01-01",
                    "2025-03-28",
                    "2017-12-31",
                    "2026-13-01",
                    "",
                ])
                .into(),
            region: rng.pick(REGIONS).into(),
            line: line.into(),
            sector: rng.pick(SECTORS).into(),
            employees: v(rng),
            contract_value: v(rng),
            tonnage: v(rng),
            vehicles: v(rng),
            seats: v(rng),
            per_person_limit: v(rng),
            aggregate_limit: v(rng),
            loss_ratio: v(rng),
            // Every real key (the vocabulary's own list) and two that are not.
            standardisation: rng
                .pick(
                    &[
                        &baofei_core::domain::StandardisationGrade::KEYS[..],
                        &["", "gold"],
                    ]
                    .concat(),
                )
                .into(),
            env_risk_grade: rng.pick(&["general", "larger", "major", "", "x"]).into(),
            env_credit_grade: rng
                .pick(&["trustworthy", "good", "warning", "poor", "", "x"])
                .into(),
            blacklisted: rng.below(2) == 0,
            refused_rectification: rng.below(3) == 0,
            history,
            ..Default::default()
        };
        check_quote(rules, &i).map_err(|e| format!("{e} for {i:?}"))
    }
}

/// A quote is either every field error (non-empty, named, bilingual) or a result within the law.
fn check_quote(rules: &Rules, i: &QuoteInput) -> Result<bool, String> {
    match quote(rules, i) {
        Err(e) => {
            if e.0.is_empty()
                || e.0.iter().any(|x| {
                    x.field.is_empty() || x.message_zh.is_empty() || x.message_en.is_empty()
                })
            {
                return Err("an error without field or message".into());
            }
            Ok(false)
        }
        Ok(q) => {
            let band_ok = q.band.low <= q.band.factor && q.band.factor <= q.band.high;
            let order_ok = q.premium_low <= q.premium && q.premium <= q.premium_high;
            if !band_ok || !order_ok || q.premium.is_sign_negative() || q.premium.scale() != 2 {
                return Err(format!(
                    "broken invariant: premium {} range {}–{} band {}..{} factor {}",
                    q.premium,
                    q.premium_low,
                    q.premium_high,
                    q.band.low,
                    q.band.high,
                    q.band.factor
                ));
            }
            Ok(true)
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let secs: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(30);
    let seed: u64 = args
        .get(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x005E_EDBA_0FE1);
    std::panic::set_hook(Box::new(|_| {})); // panics are counted as findings, not printed twice
    let rules = match baofei_rules::load() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("rules invalid: {e}");
            std::process::exit(2);
        }
    };
    let mut rng = Rng(seed | 1);
    let targets = [
        run("share links", secs, link_target(&rules), &mut rng),
        run("rule packs", secs, pack_target(&rules), &mut rng),
        run("quote inputs", secs, input_target(&rules), &mut rng),
    ];
    let mut found = 0;
    println!(
        "{:<14} {:>12} {:>10} {:>9}",
        "target", "executions", "accepted", "findings"
    );
    for t in &targets {
        println!(
            "{:<14} {:>12} {:>10} {:>9}",
            t.name,
            t.execs,
            t.accepted,
            t.findings.len()
        );
        for f in t.findings.iter().take(5) {
            println!("    {f}");
        }
        found += t.findings.len();
    }
    std::process::exit(if found == 0 { 0 } else { 1 });
}
