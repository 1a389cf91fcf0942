//! The `baofei` binary end to end, on the sample files in `tests/cli/`.

use std::path::PathBuf;
use std::process::{Command, Output};

#[path = "../../../tests/support/manifest_dir.rs"]
mod support;
use support::manifest_dir;

fn root() -> PathBuf {
    manifest_dir().join("../..")
}

fn baofei(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_baofei"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn quote_csv_matches_the_expected_output_and_reports_every_bad_row() {
    let o = baofei(&["quote", "tests/cli/enterprises.csv", "--quiet"]);
    assert_eq!(o.status.code(), Some(1), "rows were rejected, so exit 1");
    let want = std::fs::read_to_string(root().join("tests/cli/enterprises.expected.csv")).unwrap();
    assert_eq!(stdout(&o), want);
    let out = stdout(&o);
    assert!(out
        .lines()
        .any(|l| l.starts_with("5,bad-employees,error,") && l.contains("employees")));
    assert!(out
        .lines()
        .any(|l| l.starts_with("7,bad-flag,error,") && l.contains("blacklisted")));
    assert_eq!(out.lines().count(), 9, "header + every input row");
}

#[test]
fn summary_goes_to_stderr() {
    let o = baofei(&["quote", "tests/cli/enterprises.csv"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("rows 8, quoted 5, rejected 3"), "{err}");
}

#[test]
fn quote_jsonl_names_the_bad_field() {
    let o = baofei(&["quote", "tests/cli/enterprises.jsonl", "-q"]);
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["premium"], "54000.00");
    assert_eq!(lines[1]["premium"], "150000.00");
    assert_eq!(lines[2]["status"], "error");
    assert_eq!(lines[2]["id"], "c");
    assert_eq!(lines[2]["errors"][0]["field"], "employees");
    assert_eq!(lines[3]["errors"][0]["field"], "json");
}

#[test]
fn unknown_csv_column_is_refused() {
    let dir = std::env::temp_dir().join(format!("baofei-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("bad.csv");
    std::fs::write(&f, "region,employes\nchongqing,10\n").unwrap();
    let o = baofei(&["quote", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown CSV column(s): employes"));
}

#[test]
fn insurer_pack_changes_the_price_but_not_the_law() {
    let ours = stdout(&baofei(&["quote", "tests/cli/enterprises.csv", "-q"]));
    let theirs = stdout(&baofei(&[
        "quote",
        "tests/cli/enterprises.csv",
        "-q",
        "--pack",
        "tests/cli/insurer-pack.json",
    ]));
    let row = |s: &str| {
        s.lines()
            .nth(1)
            .unwrap()
            .split(',')
            .map(String::from)
            .collect::<Vec<_>>()
    };
    let (a, b) = (row(&ours), row(&theirs));
    assert_eq!(a[3], "54000.00");
    assert_eq!(b[3], "64800.00", "sector factor 1.80 instead of 1.50");
    assert_eq!(a[8], b[8], "minimum limit unchanged");
    assert_eq!(a[12], b[12], "band unchanged");
}

#[test]
fn explain_prints_steps_with_citations() {
    let o = baofei(&["explain", "tests/cli/enterprise.json"]);
    assert!(o.status.success());
    let out = stdout(&o);
    for needle in [
        "144000.00",
        "渝府办发〔2017〕182号 二(五)",
        "应急〔2025〕27号 第十五条",
        "增加投保或调整投保为安全生产责任保险",
        "下一步",
    ] {
        assert!(out.contains(needle), "missing {needle}:\n{out}");
    }
    let en = stdout(&baofei(&[
        "explain",
        "tests/cli/enterprise.json",
        "--lang",
        "en",
    ]));
    assert!(en.contains("Steps") && en.contains("Next steps"));
}

#[test]
fn pack_check_reports_coverage_and_errors() {
    let ok = baofei(&["pack", "check"]);
    assert!(ok.status.success());
    let out = stdout(&ok);
    assert!(
        out.contains("valid") && out.contains("illustrative parameters") && out.contains("hunan")
    );
    // Issue 30 M8: which tables keep a quote illustrative, by path (every national table of the
    // reference pack; the Hunan construction table is published, so not listed).
    assert!(
        out.contains("tables that keep a quote illustrative (14): rates.work_safety.national,"),
        "{out}"
    );
    assert!(!out.contains("rates.work_safety.regions.hunan"), "{out}");
    let insurer = baofei(&["pack", "check", "tests/cli/insurer-pack.json"]);
    assert!(insurer.status.success());
    assert!(stdout(&insurer).contains("accident_factors.regions.hubei"));
    let bad = baofei(&["pack", "check", "tests/cli/broken-pack.json"]);
    assert_eq!(bad.status.code(), Some(1));
    let out = stdout(&bad);
    assert!(out.contains("INVALID (3 problems)"), "{out}");
    assert!(out.contains("unknown sector casino"));
    assert!(out.contains("must not decrease"));
}

#[test]
fn every_command_has_a_manual() {
    for cmd in [
        &["--help"][..],
        &["quote", "--help"],
        &["explain", "--help"],
        &["check", "--help"],
        &["pack", "check", "--help"],
        &["rules", "--help"],
        &["impact", "--help"],
    ] {
        let out = stdout(&baofei(cmd));
        assert!(
            out.contains("EXAMPLES") || out.contains("SYNOPSIS"),
            "{cmd:?}:\n{out}"
        );
    }
}

/// Issue 13 point 10: `baofei explain` in Chinese prints no English sentence and no data key, and in
/// English no data key, for every shipped sector (both lines, every premium basis, with a loaded
/// history, a below-minimum limit and defaults that produce assumptions).
#[test]
fn explain_speaks_the_users_language_for_every_sector() {
    let rules = baofei_rules::load().unwrap();
    let dir = std::env::temp_dir().join(format!("baofei-explain-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // Words allowed in Chinese output: the product, its reference pack's id and standard numbers.
    let allowed = ["Baofei", "baofei", "reference", "HJ"];
    let english = |line: &str| {
        line.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 3 && !allowed.contains(w))
            .map(String::from)
            .collect::<Vec<_>>()
    };
    let key_like = |line: &str| {
        line.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
            .filter(|w| {
                let w = w.trim_matches('.');
                (w.contains('_') || (w.contains('.') && w.chars().any(|c| c.is_ascii_lowercase())))
                    && !w.starts_with("baofei")
                    && !w.chars().next().is_some_and(|c| c.is_ascii_digit())
            })
            .map(String::from)
            .collect::<Vec<_>>()
    };
    let mut problems = Vec::new();
    for (i, s) in rules.statutes().sectors.iter().enumerate() {
        let line = s.line.key();
        let input = serde_json::json!({
            "as_of": "2026-06-01", "region": "national", "line": line, "sector": s.id,
            "employees": "100", "contract_value": "30000000", "tonnage": "60000", "vehicles": "12",
            "seats": "40", "per_person_limit": if line == "work_safety" { "200000" } else { "" },
            "env_risk_grade": if line == "environmental" { "larger" } else { "" },
            "env_credit_grade": if line == "environmental" { "good" } else { "" },
            "history": [{ "larger": "1", "deaths": "3" }], "loss_ratio": "0.8",
        });
        let file = dir.join(format!("{i}.json"));
        std::fs::write(&file, input.to_string()).unwrap();
        for lang in ["zh", "en"] {
            let o = baofei(&["explain", file.to_str().unwrap(), "--lang", lang]);
            let text = format!("{}{}", stdout(&o), String::from_utf8_lossy(&o.stderr));
            for l in text.lines() {
                let keys = key_like(l);
                if !keys.is_empty() {
                    problems.push(format!("{} [{lang}] data key {keys:?}: {l}", s.id));
                }
                if lang == "zh" {
                    let words = english(l);
                    if !words.is_empty() {
                        problems.push(format!("{} [zh] English {words:?}: {l}", s.id));
                    }
                }
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(
        problems.is_empty(),
        "{} problems, e.g.:\n{}",
        problems.len(),
        problems
            .iter()
            .take(25)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn check_reports_each_rule_with_its_citation_and_exits_1_on_a_legal_failure() {
    // tests/cli/offer.json: a 30万 per-person limit on a policy starting 2026-06-01 (minimum 40万).
    let o = baofei(&["check", "tests/cli/offer.json"]);
    assert_eq!(o.status.code(), Some(1), "a legal requirement fails");
    let out = stdout(&o);
    assert!(
        out.contains("[不符合] 每人死亡伤残限额 30万元 低于"),
        "{out}"
    );
    assert!(out.contains("应急〔2025〕27号 第十五条"), "{out}");
    assert!(
        out.contains("问保险公司： 请将每人死亡伤残限额提高到不低于 40万元"),
        "{out}"
    );
    let en = baofei(&["check", "tests/cli/offer.json", "--lang", "en", "--json"]);
    assert_eq!(en.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&en.stdout).unwrap();
    assert_eq!(v["verdict"], "fails");
    assert_eq!(v["legal_failures"], 1);
    assert_eq!(v["checks"][0]["id"], "minimum_limit");
    assert_eq!(v["quote"]["limits"]["minimum_per_person"], "400000");
    // With the limit raised nothing legal fails: exit 0, some items still open.
    let text = std::fs::read_to_string(root().join("tests/cli/offer.json"))
        .unwrap()
        .replace("\"300000\"", "\"400000\"");
    let dir = std::env::temp_dir().join(format!("baofei-offer-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fixed = dir.join("offer.json");
    std::fs::write(&fixed, text).unwrap();
    let ok = baofei(&["check", fixed.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(ok.status.code(), Some(0), "{}", stdout(&ok));
    assert!(stdout(&ok)
        .contains("[cannot tell] The offer does not list any accident-prevention service."));
    // A bad field is named by its label, exit 2.
    std::fs::write(&fixed, r#"{"enterprise": {"as_of": "2026-06-01", "region": "chongqing", "line": "work_safety", "sector": "hazardous_chemicals.production", "employees": "100"}, "offer": {"premium": "abc"}}"#).unwrap();
    let bad = baofei(&["check", fixed.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("The offered premium is not a valid number")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Issue 18: the rules page is generated from the same data as the engine: every region is offered and
/// every document the statutes cite is listed, with its dates.
#[test]
fn rules_page_lists_every_region_and_every_cited_document() {
    let dir = std::env::temp_dir().join(format!("baofei-rules-page-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("rules.html");
    let o = baofei(&["rules-page", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let html = std::fs::read_to_string(&out).unwrap();
    let rules = baofei_rules::load().unwrap();
    let st = rules.statutes();
    for r in &st.regions {
        assert!(
            html.contains(&format!("<option value=\"{}\"", r.id)),
            "region {}",
            r.id
        );
    }
    let v: serde_json::Value = serde_json::from_str(&baofei_rules::statutes_json()).unwrap();
    let mut docs = std::collections::BTreeSet::new();
    let mut stack = vec![&v];
    while let Some(x) = stack.pop() {
        match x {
            serde_json::Value::Object(m) => {
                if let Some(d) = m.get("source").and_then(|s| s["document"].as_str()) {
                    docs.insert(
                        d.replace('&', "&amp;")
                            .replace('<', "&lt;")
                            .replace('>', "&gt;")
                            .replace('"', "&quot;"),
                    );
                }
                stack.extend(m.values());
            }
            serde_json::Value::Array(a) => stack.extend(a.iter()),
            _ => {}
        }
    }
    assert!(docs.len() > 15);
    for d in &docs {
        assert!(
            html.contains(d.as_str()),
            "document {d} not on the rules page"
        );
    }
    assert!(
        html.contains("data-from=\"2025-03-29\""),
        "dates are on every rule"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn check_compares_several_offers_and_outlook_prints_three_renewals() {
    // Two offers for the same enterprise (tests/cli/offer.json, and offer-b.json 5,000 元 cheaper):
    // both fail the 40万 minimum, so no offer is lawful and the exit status is 1.
    let o = baofei(&["check", "tests/cli/offer.json", "tests/cli/offer-b.json"]);
    assert_eq!(o.status.code(), Some(1), "no lawful offer");
    let out = stdout(&o);
    assert!(out.contains("报价比较(按推荐顺序)"), "{out}");
    assert!(
        out.contains("1. 2 乙财险"),
        "the cheaper offer first: {out}"
    );
    assert!(out.contains("中介手续费比例"), "{out}");
    let json = baofei(&[
        "check",
        "tests/cli/offer.json",
        "tests/cli/offer-b.json",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["ranking"], serde_json::json!([1, 0]));
    assert_eq!(v["offers"][1]["cost_per_wan"], "1833.33");
    // Five files are refused by the argument parser.
    let five = baofei(&["check", "a", "b", "c", "d", "e"]);
    assert_eq!(five.status.code(), Some(2));

    let o = baofei(&["outlook", "tests/cli/enterprise.json", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("No accident in three years"), "{out}");
    assert_eq!(out.matches("renewal ").count(), 9, "{out}");
    let json = baofei(&["outlook", "tests/cli/enterprise.json", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["scenarios"].as_array().map(Vec::len), Some(3));
}

/// Issue 33: `baofei rules check` accepts the example file and lists what it sets; a file that loosens
/// the law exits 1 with every problem at its path in both languages; `rules init` prints a file that
/// passes.
#[test]
fn rules_check_accepts_the_example_and_refuses_a_loosening_at_each_path() {
    let ok = baofei(&["rules", "check", "docs/local-rules/example-shifan.json"]);
    assert_eq!(ok.status.code(), Some(0), "{}", stdout(&ok));
    let out = stdout(&ok);
    assert!(
        out.contains("accepted") && out.contains("minimum_limit") && out.contains("other.general"),
        "{out}"
    );

    let dir = std::env::temp_dir().join(format!("baofei-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    let text = std::fs::read_to_string(root().join("docs/local-rules/example-shifan.json"))
        .unwrap()
        .replace("\"500000\"", "\"300000\"")
        .replace("\"0.20\"", "\"-0.1\"");
    std::fs::write(&bad, text).unwrap();
    let o = baofei(&["rules", "check", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    for want in [
        "minimum_limit.0.value",
        "prevention_min.work_safety.0.value",
        "本地规则只能更严",
        "can only be stricter",
        "shipped rules stay in force",
    ] {
        assert!(out.contains(want), "no {want:?} in:\n{out}");
    }
    // A refused file stops a quote instead of pricing under it or silently without it.
    let e = baofei(&[
        "explain",
        "tests/cli/enterprise.json",
        "--local-rules",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(e.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&e.stderr).contains("refused"));

    let init = baofei(&["rules", "init"]);
    let started = dir.join("init.json");
    std::fs::write(&started, &init.stdout).unwrap();
    assert_eq!(
        baofei(&["rules", "check", started.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Issue 33 point 5: `baofei impact` prices the book before and after a draft; a city the draft adds
/// is priced under its province before; a bad row is kept with its error.
#[test]
fn impact_shows_what_a_draft_changes_per_enterprise_and_in_sum() {
    let dir = std::env::temp_dir().join(format!("baofei-impact-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (summary, chart) = (dir.join("s.md"), dir.join("c.svg"));
    let o = baofei(&[
        "impact",
        "--book",
        "tests/cli/impact-book.csv",
        "--local-rules",
        "docs/local-rules/example-shifan.json",
        "--summary",
        summary.to_str().unwrap(),
        "--chart",
        chart.to_str().unwrap(),
        "--quiet",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = stdout(&o);
    let row = |id: &str| {
        out.lines()
            .find(|l| l.split(',').nth(1) == Some(id))
            .unwrap_or_else(|| panic!("no row {id}:\n{out}"))
            .to_string()
    };
    // premium 54000 under Jiangsu's rules (national 40万), 67500 at the city's 50万; its 20% floor.
    assert!(
        row("shifan-hazchem").contains(
            ",ok,54000.00,67500.00,13500.00,25,400000,500000,,13500.00,compulsory,compulsory,1,"
        ),
        "{out}"
    );
    assert!(
        row("shifan-other").contains(",encouraged,compulsory,1,"),
        "{out}"
    );
    assert!(row("shifan-before-the-rule").ends_with(",0,"), "{out}");
    assert!(row("jiangsu-hazchem").ends_with(",0,"), "{out}");
    assert!(
        row("shifan-bad").contains(",error,") && row("shifan-bad").contains("employees"),
        "{out}"
    );
    let md = std::fs::read_to_string(&summary).unwrap();
    for want in [
        "| 有变化 any figure changes | 2 |",
        "| 新增强制投保 newly compulsory | 1 |",
        "168048.00 → 183060.00",
    ] {
        assert!(md.contains(want), "no {want:?} in:\n{md}");
    }
    let svg = std::fs::read_to_string(&chart).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("<rect x="), "{svg}");
    std::fs::remove_dir_all(&dir).ok();
}

/// Issue 33 point 5: the same comparison for an insurer's new tariff against the reference pack: every
/// priced row changes price, nothing legal changes.
#[test]
fn impact_compares_a_new_pack_with_the_old() {
    let o = baofei(&[
        "impact",
        "--book",
        "tests/cli/enterprises.csv",
        "--pack",
        "tests/cli/insurer-pack.json",
        "--quiet",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = stdout(&o);
    let ok: Vec<&str> = out.lines().filter(|l| l.contains(",ok,")).collect();
    assert!(!ok.is_empty(), "{out}");
    for l in &ok {
        let f: Vec<&str> = l.split(',').collect();
        // minimum and obligation before = after: a pack cannot change the law.
        assert_eq!((f[10], f[14]), (f[11], f[15]), "{l}");
    }
    assert!(
        ok.iter().any(|l| l.split(',').nth(16) == Some("1")),
        "the new pack changes some price:\n{out}"
    );
}

/// The few JSON Schema keywords `baofei pack schema` writes (type, properties, required,
/// additionalProperties, propertyNames, items, enum, const, anyOf, oneOf, minimum, maximum, and the two
/// patterns it uses: a decimal and a date), checked the way a validator would. Returns each failure's path.
fn schema_errors(s: &serde_json::Value, v: &serde_json::Value, at: &str, out: &mut Vec<String>) {
    use serde_json::Value as J;
    let fail = |out: &mut Vec<String>, why: &str| out.push(format!("{at}: {why}"));
    let ok = |s: &J, v: &J| {
        let mut e = Vec::new();
        schema_errors(s, v, at, &mut e);
        e.is_empty()
    };
    if let Some(alts) = s.get("anyOf").and_then(J::as_array) {
        if !alts.iter().any(|a| ok(a, v)) {
            fail(out, "matches no alternative of anyOf");
        }
        return;
    }
    if let Some(alts) = s.get("oneOf").and_then(J::as_array) {
        let n = alts.iter().filter(|a| ok(a, v)).count();
        if n != 1 {
            fail(out, &format!("matches {n} alternatives of oneOf"));
        }
        return;
    }
    if let Some(c) = s.get("const") {
        if c != v {
            fail(out, &format!("is not {c}"));
        }
    }
    if let Some(e) = s.get("enum").and_then(J::as_array) {
        if !e.contains(v) {
            fail(out, &format!("{v} is not one of {e:?}"));
        }
    }
    let ty = s.get("type").and_then(J::as_str);
    match (ty, v) {
        (None, _) => {}
        (Some("object"), J::Object(m)) => {
            let props = s.get("properties").and_then(J::as_object);
            for r in s
                .get("required")
                .and_then(J::as_array)
                .into_iter()
                .flatten()
            {
                if !m.contains_key(r.as_str().unwrap()) {
                    fail(out, &format!("missing {r}"));
                }
            }
            for (k, x) in m {
                let here = format!("{at}.{k}");
                if let Some(names) = s.get("propertyNames") {
                    schema_errors(names, &J::String(k.clone()), &here, out);
                }
                match (props.and_then(|p| p.get(k)), s.get("additionalProperties")) {
                    (Some(p), _) => schema_errors(p, x, &here, out),
                    (None, Some(J::Bool(false))) => out.push(format!("{here}: not allowed")),
                    (None, Some(extra)) => schema_errors(extra, x, &here, out),
                    (None, None) => {}
                }
            }
        }
        (Some("array"), J::Array(items)) => {
            for (i, x) in items.iter().enumerate() {
                schema_errors(&s["items"], x, &format!("{at}[{i}]"), out);
            }
        }
        (Some("string"), J::String(t)) => {
            let decimal = |t: &str| {
                let t = t.strip_prefix('-').unwrap_or(t);
                let (w, f) = t.split_once('.').unwrap_or((t, "0"));
                !w.is_empty()
                    && !f.is_empty()
                    && (w.to_owned() + f).bytes().all(|b| b.is_ascii_digit())
            };
            let date = |t: &str| {
                t.len() == 10
                    && t.bytes().enumerate().all(|(i, b)| {
                        if i == 4 || i == 7 {
                            b == b'-'
                        } else {
                            b.is_ascii_digit()
                        }
                    })
            };
            match s.get("pattern").and_then(J::as_str) {
                Some("^-?[0-9]+(\\.[0-9]+)?$") if !decimal(t) => {
                    fail(out, &format!("{t:?} is not a decimal"))
                }
                Some("^[0-9]{4}-[0-9]{2}-[0-9]{2}$") if !date(t) => {
                    fail(out, &format!("{t:?} is not a date"))
                }
                Some(p) if !p.starts_with("^-?[0-9]+") && !p.starts_with("^[0-9]{4}") => {
                    fail(out, &format!("unknown pattern {p}"))
                }
                _ => {}
            }
        }
        (Some("integer"), J::Number(n)) if n.is_u64() => {
            let n = n.as_u64().unwrap();
            if s.get("maximum").and_then(J::as_u64).is_some_and(|m| n > m) {
                fail(out, "above maximum");
            }
        }
        (Some("boolean"), J::Bool(_)) | (Some("null"), J::Null) => {}
        (Some(t), _) => fail(out, &format!("{v} is not of type {t}")),
    }
}

#[test]
fn the_pack_schema_is_generated_from_the_readers_committed_and_agrees_with_them() {
    // Drift: docs/pack.schema.json (shipped in the npm package) is what the engine's readers say today.
    let o = baofei(&["pack", "schema"]);
    assert_eq!(o.status.code(), Some(0));
    let generated = stdout(&o);
    let committed = std::fs::read_to_string(root().join("docs/pack.schema.json")).unwrap();
    assert_eq!(
        generated.trim_end(),
        committed.trim_end(),
        "docs/pack.schema.json is stale: run `cargo run -p baofei-cli -- pack schema > docs/pack.schema.json`"
    );
    let schema: serde_json::Value = serde_json::from_str(&generated).unwrap();
    // Every pack the readers accept passes the schema: the reference pack and an insurer's.
    let reference: serde_json::Value =
        serde_json::from_str(&stdout(&baofei(&["pack", "dump"]))).unwrap();
    let insurer: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/cli/insurer-pack.json")).unwrap(),
    )
    .unwrap();
    for (name, pack) in [("reference", &reference), ("insurer", &insurer)] {
        let mut e = Vec::new();
        schema_errors(&schema, pack, "$", &mut e);
        assert!(e.is_empty(), "the {name} pack fails the schema: {e:?}");
    }
    // What the readers refuse, the schema refuses, at the same place: an unknown member, a decimal as a
    // number, a date in another form, a scheme kind that does not exist, a required member left out.
    type Mutation = (&'static str, fn(&mut serde_json::Value));
    let mutations: [Mutation; 5] = [
        ("$.meta.colour", |p| {
            p["meta"]["colour"] = "red".into();
        }),
        ("$.clean_floor", |p| {
            let n = p["clean_floor"]["national"].as_array_mut().unwrap();
            n[0]["value"] = serde_json::json!(0.9);
        }),
        ("$.clean_floor", |p| {
            let n = p["clean_floor"]["national"].as_array_mut().unwrap();
            n[0]["from"] = "2026/01/01".into();
        }),
        ("$.rates", |p| {
            let first = p["rates"]
                .as_object_mut()
                .unwrap()
                .values_mut()
                .next()
                .unwrap();
            let v = first["national"][0]["value"].as_array_mut().unwrap();
            v[0]["scheme"]["kind"] = "per_vehicle".into();
        }),
        ("$.meta", |p| {
            p["meta"].as_object_mut().unwrap().remove("id");
        }),
    ];
    for (place, mutate) in mutations {
        let mut pack = reference.clone();
        mutate(&mut pack);
        let mut e = Vec::new();
        schema_errors(&schema, &pack, "$", &mut e);
        assert!(
            e.iter().any(|x| x.starts_with(place)),
            "{place}: the schema accepted it ({e:?})"
        );
        let path = std::env::temp_dir().join(format!(
            "baofei-schema-{}.json",
            place.replace(['$', '.'], "_")
        ));
        std::fs::write(&path, serde_json::to_string(&pack).unwrap()).unwrap();
        let o = baofei(&["pack", "check", path.to_str().unwrap()]);
        assert_ne!(
            o.status.code(),
            Some(0),
            "{place}: the reader accepted what the schema refuses"
        );
    }
}

/// Issue 30 M8: `pack init` gives a complete pack to edit, valid as it is, under the insurer's own meta, still
/// listing what is illustrative.
#[test]
fn pack_init_writes_a_complete_valid_starting_pack() {
    let o = baofei(&["pack", "init"]);
    assert_eq!(o.status.code(), Some(0));
    let pack: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(pack["meta"]["id"], "my-insurer");
    let reference: serde_json::Value =
        serde_json::from_str(&stdout(&baofei(&["pack", "dump"]))).unwrap();
    let tables = |p: &serde_json::Value| p.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(tables(&pack), tables(&reference), "every table");
    let path = std::env::temp_dir().join("baofei-pack-init.json");
    std::fs::write(&path, stdout(&o)).unwrap();
    let check = baofei(&["pack", "check", path.to_str().unwrap()]);
    assert!(check.status.success(), "{}", stdout(&check));
    assert!(
        stdout(&check).contains("my-insurer")
            && stdout(&check).contains("tables that keep a quote illustrative")
    );
}
