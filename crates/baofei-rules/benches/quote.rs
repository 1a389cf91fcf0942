//! Native time per quote: `cargo bench -p baofei-rules --bench quote`.
//! Kept out of the pass/fail suite (CI only compiles it through clippy).

use baofei_core::input::{HistoryYear, QuoteInput};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn inputs() -> Vec<(&'static str, QuoteInput)> {
    let base = QuoteInput {
        as_of: "2026-06-01".into(),
        region: "chongqing".into(),
        line: "work_safety".into(),
        sector: "hazardous_chemicals.production".into(),
        employees: "100".into(),
        size_class: "medium".into(),
        standardisation: "grade2".into(),
        ..Default::default()
    };
    let loaded = QuoteInput {
        history: vec![
            HistoryYear {
                larger: "1".into(),
                deaths: "3".into(),
                ..Default::default()
            },
            HistoryYear::default(),
        ],
        blacklisted: true,
        loss_ratio: "0.85".into(),
        ..base.clone()
    };
    let construction = QuoteInput {
        region: "hunan".into(),
        sector: "construction.high_risk".into(),
        contract_value: "100000000".into(),
        high_risk_project: true,
        aggregate_limit: "4000000".into(),
        ..base.clone()
    };
    vec![
        ("clean hazchem", base),
        ("loaded hazchem", loaded),
        ("hunan construction table", construction),
    ]
}

fn bench(c: &mut Criterion) {
    let rules = baofei_rules::load().unwrap();
    for (name, input) in inputs() {
        c.bench_function(&format!("quote: {name}"), |b| {
            b.iter(|| baofei_core::quote(black_box(&rules), black_box(&input)).unwrap())
        });
    }
    c.bench_function(
        "load the shipped rules (read; validated at build time)",
        |b| b.iter(|| baofei_rules::load().unwrap()),
    );
    let pack = baofei_rules::pack_json();
    c.bench_function("read and validate a pack (insurer's path)", |b| {
        b.iter(|| {
            rules
                .with_pack(baofei_rules::parse_pack(black_box(&pack)).unwrap())
                .unwrap()
        })
    });
}

// criterion_group! generates an undocumented public function.
#[allow(missing_docs)]
mod group {
    use super::*;
    criterion_group!(benches, bench);
}
use group::benches;
criterion_main!(benches);
