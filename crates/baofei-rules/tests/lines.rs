//! Issue 26 item 1 (newcomer review 10.1-10.6): one line's law never appears in the other line's
//! result. An environmental (环责险) quote must not tell a hazardous-waste firm that the work-safety
//! measures apply, call its incident a 生产安全事故, ask work-safety questions, or cite a work-safety
//! document as if it were its own; and the other way round.
//!
//! Every region × every sector of each line is quoted with a history that loads the band and every
//! self-assessment answer set to its risky value (so that every question, gap, next step, note and
//! warning the engine can say is said). The whole quote and assessment are serialised and walked:
//! - no sentence may contain a marker of the other line's law (its statutes' names and numbers and
//!   its own words for an accident);
//! - a citation of a document that only the other line's rules cite may appear only on an item that
//!   says it is borrowed ("借用安责险…") in its `reference`.

use baofei_core::domain::Line;
use baofei_core::map::SortedMap;
use serde_json::Value;

/// Words that belong to one line's law and must not appear in the other line's sentences.
fn markers(of: Line) -> &'static [&'static str] {
    match of {
        Line::WorkSafety => &[
            "安全生产法",
            "Work Safety Law",
            "应急〔2025〕27号",
            "安监总办〔2017〕140号",
            "生产安全事故",
            "安全生产宣传",
            "重大事故隐患",
            "较大事故",
            "较大以上事故",
            "accident-free",
            "(larger) accident",
        ],
        Line::Environmental => &[
            "固体废物污染环境防治法",
            "环发〔2013〕10号",
            "突发环境事件",
            "environmental incident",
            "环境污染责任保险",
        ],
    }
}

/// The documents that only `line`'s own rules (obligations, services, notes, penalty) cite.
fn law_documents(st: &baofei_core::rules::Statutes, line: Line) -> Vec<String> {
    let mut mine = Vec::new();
    let mut other = Vec::new();
    let mut add = |l: Line, d: &str| {
        let list = if l == line { &mut mine } else { &mut other };
        if !list.iter().any(|x: &String| x == d) {
            list.push(d.to_string());
        }
    };
    for o in &st.obligations {
        add(o.line, &o.source.document);
    }
    for s in &st.services {
        add(s.line, &s.source.document);
    }
    for g in &st.guidance {
        add(g.line, &g.source.document);
    }
    for (l, p) in &st.penalty {
        for d in p.national.iter().chain(p.regions.values().flatten()) {
            add(*l, &d.source.document);
        }
    }
    // Baofei's own assumptions belong to no line's law.
    mine.retain(|d| !other.contains(d) && !d.starts_with("Baofei"));
    mine
}

fn input(region: &str, sector: &baofei_core::rules::SectorDef) -> baofei_core::QuoteInput {
    let year = |ordinary: &str, larger: &str, deaths: &str| baofei_core::input::HistoryYear {
        ordinary: ordinary.into(),
        larger: larger.into(),
        deaths: deaths.into(),
        ..Default::default()
    };
    // A 较大 one two years ago, as in the review's journey 10; deaths (a work-safety fact) only on
    // that line.
    let history = if sector.line == Line::WorkSafety {
        vec![
            year("1", "0", "1"),
            year("0", "1", "3"),
            year("0", "0", "0"),
        ]
    } else {
        vec![year("0", "0", ""), year("0", "1", ""), year("0", "0", "")]
    };
    baofei_core::QuoteInput {
        as_of: "2026-12-03".into(),
        region: region.into(),
        line: sector.line.key().into(),
        sector: sector.id.clone(),
        employees: "80".into(),
        contract_value: "30000000".into(),
        tonnage: "300000".into(),
        vehicles: "20".into(),
        seats: "300".into(),
        env_risk_grade: "general".into(),
        env_credit_grade: "poor".into(),
        blacklisted: true,
        refused_rectification: true,
        history,
        ..Default::default()
    }
}

/// Every answer at its risky value.
fn risky_answers(line: Line) -> SortedMap<String, String> {
    use baofei_core::assess::AnswerKind;
    let mut m = SortedMap::new();
    for q in baofei_core::assess::questions() {
        if q.line.is_some_and(|l| l != line) {
            continue;
        }
        let a = match q.kind {
            AnswerKind::YesNo { good } => if good { "no" } else { "yes" }.to_string(),
            AnswerKind::Standardisation => "none".into(),
            AnswerKind::EnvCredit => "poor".into(),
        };
        m.insert(q.id.to_string(), a);
    }
    m
}

/// Walks `v`; `borrowed` is whether the nearest enclosing object says it is borrowed from `from`.
fn walk(
    v: &Value,
    path: &str,
    borrowed: bool,
    words: &[&str],
    docs: &[String],
    from_zh: &str,
    out: &mut Vec<String>,
) {
    match v {
        Value::Object(m) => {
            let here = m
                .get("reference")
                .and_then(|r| r.get("zh"))
                .and_then(Value::as_str)
                .is_some_and(|z| z.contains(from_zh));
            let borrowed = borrowed || here;
            if let Some(d) = m.get("document").and_then(Value::as_str) {
                if docs.iter().any(|x| x == d) && !borrowed {
                    out.push(format!("{path}: cites {d} without saying it is borrowed"));
                }
            }
            for (k, x) in m {
                // The borrowed label itself names the line it borrows from; the step's note on a
                // borrowed row explains the borrowing.
                if k == "reference" || (borrowed && (k == "note" || k == "note_zh")) {
                    continue;
                }
                // A citation's own document name is checked above, not as a sentence.
                if k == "document" || k == "number" {
                    continue;
                }
                walk(
                    x,
                    &format!("{path}.{k}"),
                    borrowed,
                    words,
                    docs,
                    from_zh,
                    out,
                );
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                walk(
                    x,
                    &format!("{path}[{i}]"),
                    borrowed,
                    words,
                    docs,
                    from_zh,
                    out,
                );
            }
        }
        Value::String(s) => {
            for w in words {
                if s.contains(w) {
                    out.push(format!("{path}: “{s}” says {w}"));
                }
            }
        }
        _ => {}
    }
}

fn check_line(line: Line) -> (usize, Vec<String>) {
    let rules = baofei_rules::load().unwrap();
    let st = rules.statutes();
    let other = match line {
        Line::WorkSafety => Line::Environmental,
        Line::Environmental => Line::WorkSafety,
    };
    let words = markers(other);
    let docs = law_documents(st, other);
    assert!(!docs.is_empty(), "no documents of {other:?}");
    let from_zh = match other {
        Line::WorkSafety => "借用安责险",
        Line::Environmental => "借用环责险",
    };
    let answers = risky_answers(line);
    let mut problems = Vec::new();
    let mut n = 0;
    for r in &st.regions {
        for s in st.sectors.iter().filter(|s| s.line == line) {
            let i = baofei_core::assess::apply_answers(&input(&r.id, s), &answers);
            let (q, a) = baofei_core::quote::assess(&rules, &i, &answers)
                .unwrap_or_else(|e| panic!("{} / {}: {e}", r.id, s.id));
            let v = serde_json::json!({ "quote": q, "assessment": a });
            let before = problems.len();
            walk(&v, "", false, words, &docs, from_zh, &mut problems);
            if problems.len() > before {
                problems.insert(before, format!("== {} / {}", r.id, s.id));
            }
            n += 1;
        }
    }
    // The questions themselves (what the self-assessment shows before any answer).
    for q in baofei_core::assess::questions()
        .into_iter()
        .filter(|q| q.line.is_none_or(|l| l == line))
    {
        for w in words {
            for t in [q.zh, q.en, q.fix_zh, q.fix_en] {
                if t.contains(w) {
                    problems.push(format!("question {}: “{t}” says {w}", q.id));
                }
            }
        }
    }
    (n, problems)
}

#[test]
fn environmental_results_carry_no_work_safety_law() {
    let (n, problems) = check_line(Line::Environmental);
    assert!(n > 100, "only {n} environmental quotes");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn work_safety_results_carry_no_environmental_law() {
    let (n, problems) = check_line(Line::WorkSafety);
    assert!(n > 500, "only {n} work-safety quotes");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The blocker itself: Jiangsu, hazardous waste. The note that no local rule is in the data names the
/// environmental statute, never the work-safety measures.
#[test]
fn jiangsu_hazardous_waste_is_told_its_own_law() {
    let rules = baofei_rules::load().unwrap();
    let st = rules.statutes();
    let s = st.sector("hazardous_waste.disposal").or_else(|| {
        st.sectors
            .iter()
            .find(|s| s.id.starts_with("hazardous_waste"))
    });
    let q = baofei_core::quote(&rules, &input("jiangsu", s.unwrap())).unwrap();
    let n = q
        .notes
        .iter()
        .find(|n| n.code == "no_local_rules")
        .expect("Jiangsu has no 环责险 rule of its own in the data");
    assert!(n.zh.contains("固体废物污染环境防治法"), "{}", n.zh);
    assert!(!n.zh.contains("安全生产"), "{}", n.zh);
    assert!(!n.en.contains("Work Safety"), "{}", n.en);
    let src = n.source.as_ref().unwrap();
    assert!(src.document.contains("固体废物"), "{src:?}");
}

/// A figure above a rate table's range is refused with the table's bound in both languages, so a batch
/// can correct its rows without searching for it (integrator review m16: found by bisection before).
#[test]
fn range_errors_name_the_tables_bound() {
    let rules = baofei_rules::load().unwrap();
    let env = baofei_core::QuoteInput {
        as_of: "2026-06-01".into(),
        region: "chongqing".into(),
        line: "environmental".into(),
        sector: "heavy_metals.smelting".into(),
        aggregate_limit: "20000000".into(),
        env_risk_grade: "general".into(),
        env_credit_grade: "poor".into(),
        ..Default::default()
    };
    let e = baofei_core::quote(&rules, &env).unwrap_err();
    let f =
        e.0.iter()
            .find(|f| f.field == "aggregate_limit")
            .unwrap_or_else(|| panic!("{e:?}"));
    assert!(
        f.message_en.contains("(CNY ") && f.message_zh.contains("万元)"),
        "{f:?}"
    );
    // (The reference pack's contract tables have no top to exceed: their last band is open.)
}
