//! The shipped rule data parses, validates, and keeps its promises.

#[test]
fn shipped_rules_load_and_validate() {
    let rules = baofei_rules::load().unwrap_or_else(|e| panic!("shipped rules invalid: {e}"));
    assert!(rules.statutes().sectors.len() >= 20);
    assert_eq!(rules.pack().meta.id, "baofei-reference");
}

/// Catala-style temporal coverage: for every quarter from 2018 to 2030, every line has a rate, a float
/// band and (for 安责险) a minimum limit in force nationally, so no date falls into a gap.
#[test]
fn no_gaps_in_time() {
    let rules = baofei_rules::load().unwrap();
    let st = rules.statutes();
    for year in 2018..=2030u16 {
        for month in [1u8, 4, 7, 10] {
            let day = baofei_core::Date::new(year, month, 1).unwrap();
            for region in st.regions.iter().map(|r| r.id.as_str()) {
                assert!(
                    st.minimum_limit.lookup(&[region], day).is_some(),
                    "no minimum limit {region} {day}"
                );
                for (line, p) in &st.float_band {
                    assert!(
                        p.lookup(&[region], day).is_some(),
                        "no band {line:?} {region} {day}"
                    );
                }
                for (line, p) in &rules.pack().rates {
                    assert!(
                        p.lookup(&[region], day).is_some(),
                        "no rates {line:?} {region} {day}"
                    );
                }
            }
        }
    }
}

/// Every dated value cites a document; illustrative ones say why in a note.
#[test]
fn every_value_is_cited_and_illustrative_ones_explained() {
    let v: serde_json::Value = serde_json::from_str(&baofei_rules::pack_json()).unwrap();
    let s: serde_json::Value = serde_json::from_str(&baofei_rules::statutes_json()).unwrap();
    let mut n = 0;
    walk(&v, &mut n);
    walk(&s, &mut n);
    assert!(n > 30, "only {n} dated values found");
}

fn walk(v: &serde_json::Value, n: &mut usize) {
    match v {
        serde_json::Value::Object(m) => {
            if m.contains_key("from") && m.contains_key("value") {
                *n += 1;
                let doc = m["source"]["document"].as_str().unwrap_or("");
                assert!(!doc.trim().is_empty(), "uncited value: {v}");
            }
            if m.get("illustrative") == Some(&serde_json::Value::Bool(true))
                && m.contains_key("value")
            {
                assert!(
                    m.get("note").is_some()
                        || m["source"]["document"]
                            .as_str()
                            .unwrap_or("")
                            .contains("示意参数"),
                    "illustrative without a note: {v}"
                );
            }
            m.values().for_each(|x| walk(x, n));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, n)),
        _ => {}
    }
}

/// Documents known to have lost force, and the day they did. 应急〔2025〕27号 took effect on
/// 2025-03-29 and repealed 安监总办〔2017〕140号 (its closing article).
const REPEALED: &[(&str, &str)] = &[("安监总办〔2017〕140号", "2025-03-29")];

/// Nothing repealed stays in force: every dated rule (value, obligation, service, guidance note)
/// whose source was repealed ends no later than the day its source lost force.
#[test]
fn nothing_from_a_repealed_document_outlives_it() {
    let s: serde_json::Value = serde_json::from_str(&baofei_rules::statutes_json()).unwrap();
    let v: serde_json::Value = serde_json::from_str(&baofei_rules::pack_json()).unwrap();
    let mut found = Vec::new();
    let mut checked = 0;
    repealed_walk(&s, &mut found, &mut checked);
    repealed_walk(&v, &mut found, &mut checked);
    assert!(
        checked >= 4,
        "only {checked} rules cite a repealed document"
    );
    assert!(
        found.is_empty(),
        "in force after repeal:\n{}",
        found.join("\n")
    );
}

fn repealed_walk(v: &serde_json::Value, found: &mut Vec<String>, checked: &mut usize) {
    match v {
        serde_json::Value::Object(m) => {
            let number = m.get("source").and_then(|c| c["number"].as_str());
            if let (Some(number), Some(_)) = (number, m.get("from")) {
                for (doc, day) in REPEALED {
                    if number == *doc {
                        *checked += 1;
                        match m.get("until").and_then(|u| u.as_str()) {
                            Some(u) if u <= *day => {}
                            other => found.push(format!(
                                "{number} (repealed {day}) until {other:?}: {}",
                                serde_json::to_string(v)
                                    .unwrap()
                                    .chars()
                                    .take(160)
                                    .collect::<String>()
                            )),
                        }
                    }
                }
            }
            m.values().for_each(|x| repealed_walk(x, found, checked));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| repealed_walk(x, found, checked)),
        _ => {}
    }
}

/// The refused-rectification warning cites the rule of the enterprise's own region, or none.
#[test]
fn rectification_warning_cites_the_regions_rule() {
    let rules = baofei_rules::load().unwrap();
    let warning_source = |region: &str| {
        let input = baofei_core::QuoteInput {
            as_of: "2026-06-01".into(),
            region: region.into(),
            line: "work_safety".into(),
            sector: "hazardous_chemicals.production".into(),
            employees: "100".into(),
            refused_rectification: true,
            ..Default::default()
        };
        let q = baofei_core::quote(&rules, &input).unwrap();
        let w = q
            .warnings
            .iter()
            .find(|w| w.code == "refused_rectification")
            .expect("warning present")
            .clone();
        w.source.and_then(|c| c.number)
    };
    assert_eq!(
        warning_source("chongqing").as_deref(),
        Some("渝府办发〔2017〕182号")
    );
    assert_eq!(
        warning_source("jilin").as_deref(),
        Some("吉应急规划财务联〔2020〕282号")
    );
    assert_eq!(warning_source("national"), None);
    assert_eq!(warning_source("hunan"), None);
}

/// Each priced gap of the self-assessment is the premium of the improved enterprise, quoted directly.
#[test]
fn assessment_gaps_price_the_improvement() {
    use baofei_core::map::SortedMap;
    let rules = baofei_rules::load().unwrap();
    let base = baofei_core::QuoteInput {
        as_of: "2026-06-01".into(),
        region: "chongqing".into(),
        line: "work_safety".into(),
        sector: "hazardous_chemicals.production".into(),
        employees: "100".into(),
        size_class: "medium".into(),
        standardisation: "none".into(),
        blacklisted: true,
        refused_rectification: true,
        ..Default::default()
    };
    let answers: SortedMap<String, String> = [
        ("blacklist", "yes"),
        ("hazards_rectified", "no"),
        ("standardisation", "none"),
        ("training", "no"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let (current, a) = baofei_core::quote::assess(&rules, &base, &answers).unwrap();
    let direct = |i: baofei_core::QuoteInput| baofei_core::quote(&rules, &i).unwrap().premium;
    let gap = |id: &str| {
        a.gaps
            .iter()
            .find(|g| g.question == id)
            .unwrap_or_else(|| panic!("gap {id}"))
            .clone()
    };
    for (id, improved) in [
        (
            "blacklist",
            baofei_core::QuoteInput {
                blacklisted: false,
                ..base.clone()
            },
        ),
        (
            "hazards_rectified",
            baofei_core::QuoteInput {
                refused_rectification: false,
                ..base.clone()
            },
        ),
        (
            "standardisation",
            baofei_core::QuoteInput {
                standardisation: "grade3".into(),
                ..base.clone()
            },
        ),
    ] {
        let g = gap(id);
        let want = direct(improved);
        assert_eq!(g.premium_after, Some(want), "{id}");
        assert_eq!(g.premium_change, Some(want - current.premium), "{id}");
    }
    assert_eq!(
        gap("training").premium_after,
        None,
        "a compliance gap has no price effect"
    );
}

/// `load()` trusts the build script's validation; the same data must pass `Rules::new` at run time.
#[test]
fn the_shipped_rules_pass_full_validation_at_run_time_too() {
    use baofei_core::json;
    let statutes: baofei_core::rules::Statutes =
        json::read(&baofei_rules::statutes_json(), json::RULE_LIMITS).unwrap();
    let pack = baofei_rules::parse_pack(&baofei_rules::pack_json()).unwrap();
    let checked = baofei_core::Rules::new(statutes, pack).unwrap();
    let loaded = baofei_rules::load().unwrap();
    assert_eq!(checked.statutes(), loaded.statutes());
    assert_eq!(checked.pack(), loaded.pack());
}

/// A hazardous-chemicals producer with 100 employees in `region` on `as_of`: the enterprise the issue-13
/// checks below vary.
fn hazchem(region: &str, as_of: &str) -> baofei_core::QuoteInput {
    baofei_core::QuoteInput {
        as_of: as_of.into(),
        region: region.into(),
        line: "work_safety".into(),
        sector: "hazardous_chemicals.production".into(),
        employees: "100".into(),
        ..Default::default()
    }
}

/// Issue 13 point 4: the below-minimum message sits at the field, dates the minimum by when it took
/// effect (not the as-of date), speaks the form's unit (万元) and names no data key.
#[test]
fn below_minimum_message_is_at_the_field_dated_and_in_wan() {
    let rules = baofei_rules::load().unwrap();
    let input = baofei_core::QuoteInput {
        per_person_limit: "200000".into(),
        ..hazchem("national", "2026-11-24")
    };
    let q = baofei_core::quote(&rules, &input).unwrap();
    let w = q
        .warnings
        .iter()
        .find(|w| w.code == "below_minimum_limit")
        .unwrap();
    assert_eq!(w.field.as_deref(), Some("per_person_limit"));
    assert!(
        w.zh.contains("20万元") && w.zh.contains("40万元") && w.zh.contains("自 2025-03-29 起施行"),
        "{}",
        w.zh
    );
    assert!(!w.zh.contains("2026-11-24") && !w.en.contains("2026-11-24"));
    assert!(
        w.en.contains("since 2025-03-29") && !w.en.contains("per_person"),
        "{}",
        w.en
    );
    assert_eq!(q.limits.per_person.unwrap().to_string(), "400000");
    assert_eq!(q.limits.requested_per_person.unwrap().to_string(), "200000");
}

/// Issue 13 point 8: the 150% clause is said one way (amplitude: +150%, at most 2.5×) in both
/// languages, and the per-head base and the guided premium do not share a name.
#[test]
fn the_150_percent_clause_reads_as_amplitude_in_both_languages() {
    let rules = baofei_rules::load().unwrap();
    let mut input = hazchem("chongqing", "2026-06-01");
    input.history = vec![baofei_core::input::HistoryYear {
        larger: "1".into(),
        ..Default::default()
    }];
    let q = baofei_core::quote(&rules, &input).unwrap();
    let w = q.warnings.iter().find(|w| w.code == "loaded_band").unwrap();
    assert!(w.zh.contains("+150%") && w.zh.contains("2.5倍"), "{}", w.zh);
    assert!(
        w.en.contains("+150%") && w.en.contains("2.5 times"),
        "{}",
        w.en
    );
    let text = serde_json::to_string(&q).unwrap();
    assert!(!text.contains("上浮至150%"));
    let label = |id: &str| {
        q.trace
            .iter()
            .find(|s| s.id == id)
            .unwrap()
            .label_zh
            .clone()
    };
    assert!(label("base_premium").starts_with("基础保费"));
    assert!(label("guided_premium").starts_with("指导保费"));
}

/// Issue 13 points 1 and 10: one precedence rule, written once: a region's own rule, then a national
/// one, then a rule borrowed from elsewhere, which must say so (`reference`, in both languages). A
/// value counts as borrowed when its source is neither a national document nor the applying region's
/// own. Every note exists in Chinese as well as English.
#[test]
fn borrowed_rules_say_so_and_every_note_is_bilingual() {
    // National issuers and laws, and our own marked assumptions (not borrowed: illustrative).
    let national = |doc: &str, number: &str| {
        ["应急", "安监总", "国务院令", "环发", "国办", "生态环境部"]
            .iter()
            .any(|p| number.starts_with(p))
            || doc.starts_with("中华人民共和国")
            || doc.starts_with("Baofei 示意参数")
    };
    // A region's own documents name it (重庆, 吉林, 湖南…) or carry its short name in the number (渝, 吉).
    let own = |region: &str, doc: &str, number: &str| {
        let names: &[&str] = match region {
            "chongqing" => &["重庆", "渝"],
            "jilin" => &["吉林", "吉"],
            "guangdong_zhongshan" => &["中山"],
            "hunan" => &["湖南", "湘"],
            "shandong" => &["山东", "鲁"],
            "hubei" => &["湖北", "鄂"],
            "anhui_fuyang" => &["阜阳"],
            "hebei" => &["河北", "冀"],
            "jiangsu_wuxi" => &["无锡"],
            "beijing" => &["北京", "京"],
            _ => &[],
        };
        names
            .iter()
            .any(|n| doc.contains(n) || number.starts_with(n))
    };
    let mut problems = Vec::new();
    let mut borrowed = 0;
    for text in [baofei_rules::statutes_json(), baofei_rules::pack_json()] {
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let mut stack = vec![(v, String::from("national"))];
        while let Some((v, region)) = stack.pop() {
            match v {
                serde_json::Value::Object(m) => {
                    if m.contains_key("note") && !m.contains_key("note_zh") {
                        problems.push(format!("note without note_zh: {}", m["note"]));
                    }
                    if let (Some(_), Some(src)) = (m.get("value"), m.get("source")) {
                        let doc = src["document"].as_str().unwrap_or("");
                        let number = src["number"].as_str().unwrap_or("");
                        let is_borrowed = !national(doc, number)
                            && (region == "national" || !own(&region, doc, number));
                        let labelled = m
                            .get("reference")
                            .is_some_and(|r| r["zh"].is_string() && r["en"].is_string());
                        if is_borrowed {
                            borrowed += 1;
                            if !labelled {
                                problems.push(format!(
                                    "borrowed without a reference ({region}): {doc}"
                                ));
                            }
                        }
                    }
                    for (k, x) in m {
                        if k == "regions" && x.is_object() {
                            for (r, y) in x.as_object().unwrap() {
                                stack.push((y.clone(), r.clone()));
                            }
                        } else {
                            stack.push((x, region.clone()));
                        }
                    }
                }
                serde_json::Value::Array(a) => {
                    stack.extend(a.into_iter().map(|x| (x, region.clone())))
                }
                _ => {}
            }
        }
    }
    // 9 since issue 26: Hubei's accident entry is its own table's reading now, not a borrowed one.
    assert!(borrowed >= 9, "only {borrowed} borrowed values found");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Issue 13 point 1: a borrowed factor is named where its figure is shown, in the user's language.
#[test]
fn a_borrowed_factor_is_named_in_the_trace() {
    let rules = baofei_rules::load().unwrap();
    let input = hazchem("national", "2026-06-01");
    let q = baofei_core::quote(&rules, &input).unwrap();
    let step = |id: &str| q.trace.iter().find(|s| s.id == id).unwrap();
    let r = step("float.accident").reference.as_ref().unwrap();
    assert_eq!(
        (r.zh.as_str(), r.en.as_str()),
        ("参照阜阳市规定", "reference: Fuyang")
    );
    assert_eq!(
        step("float.deaths").reference.as_ref().unwrap().zh,
        "类比北京市工伤保险"
    );
    assert_eq!(q.band.reference.as_ref().unwrap().zh, "参照重庆市规定");
    // Fuyang's own table is not a reference in Fuyang; Chongqing's own band is not one in Chongqing.
    let local = |region: &str| {
        let mut i = input.clone();
        i.region = region.into();
        baofei_core::quote(&rules, &i).unwrap()
    };
    let fy = local("anhui_fuyang");
    assert!(fy
        .trace
        .iter()
        .find(|s| s.id == "float.accident")
        .unwrap()
        .reference
        .is_none());
    assert!(local("chongqing").band.reference.is_none());
}

/// Issue 13 point 7: at the cap the self-assessment names the combination that moves the premium.
#[test]
fn at_the_cap_the_assessment_prices_the_fixes_together() {
    let rules = baofei_rules::load().unwrap();
    let mut input = baofei_core::QuoteInput {
        employees: "120".into(),
        size_class: "medium".into(),
        standardisation: "none".into(),
        blacklisted: true,
        refused_rectification: true,
        ..hazchem("chongqing", "2026-06-01")
    };
    input.history = vec![baofei_core::input::HistoryYear {
        larger: "1".into(),
        deaths: "3".into(),
        ..Default::default()
    }];
    let mut answers = baofei_core::map::SortedMap::new();
    answers.insert("blacklist".to_string(), "yes".to_string());
    answers.insert("hazards_rectified".to_string(), "no".to_string());
    let (q, a) = baofei_core::quote::assess(&rules, &input, &answers).unwrap();
    assert!(q.band.clamped);
    let c = a.combined.expect("a combination at the cap");
    assert_eq!(c.premium_change.to_string(), "-15840.00");
    assert!(
        c.zh.contains("移出黑名单") && c.zh.contains("整改重大隐患"),
        "{}",
        c.zh
    );
    assert!(a
        .gaps
        .iter()
        .all(|g| g.premium_change.is_none_or(|x| x.is_zero())));
}

/// An input that every sector can be priced from: each premium basis filled.
fn any_sector(region: &str, sector: &baofei_core::rules::SectorDef) -> baofei_core::QuoteInput {
    baofei_core::QuoteInput {
        as_of: "2026-06-01".into(),
        region: region.into(),
        line: sector.line.key().into(),
        sector: sector.id.clone(),
        employees: "100".into(),
        contract_value: "30000000".into(),
        tonnage: "300000".into(),
        vehicles: "20".into(),
        seats: "300".into(),
        env_risk_grade: "general".into(),
        env_credit_grade: "good".into(),
        ..Default::default()
    }
}

/// Issue 18: all 31 provinces (and the cities with rules of their own, each under its province) quote
/// for every sector on 2026-06-01, and a region with no rule of its own says the national rules apply.
#[test]
fn every_region_quotes_every_sector() {
    let rules = baofei_rules::load().unwrap();
    let st = rules.statutes();
    let provinces = st
        .regions
        .iter()
        .filter(|r| r.id != "national" && r.parent.is_none())
        .count();
    assert_eq!(provinces, 31, "all provincial-level regions");
    let mut bare = 0;
    for r in &st.regions {
        for s in &st.sectors {
            let q = baofei_core::quote(&rules, &any_sector(&r.id, s))
                .unwrap_or_else(|e| panic!("{} / {}: {e}", r.id, s.id));
            let says = q.notes.iter().any(|n| n.code == "no_local_rules");
            let local = st.local_rules(&st.chain(&r.id), s.line);
            assert_eq!(
                says,
                !local && r.id != "national",
                "{}: no-local-rules note",
                r.id
            );
            bare += usize::from(says && s.id == "hazardous_chemicals.production");
        }
    }
    assert!(bare >= 15, "only {bare} regions without local rules?");
}

/// Issue 18: no region's own rule reaches another. Every document the statutes attach only to some
/// regions (not used nationally) may be cited in a quote only where the region, or the province it sits
/// in, is one of them.
#[test]
fn no_local_rule_leaks_to_another_region() {
    use std::collections::{BTreeMap, BTreeSet};
    let rules = baofei_rules::load().unwrap();
    let st = rules.statutes();
    let v: serde_json::Value = serde_json::from_str(&baofei_rules::statutes_json()).unwrap();
    let (mut local, mut national) = (BTreeMap::<String, BTreeSet<String>>::new(), BTreeSet::new());
    let mut stack = vec![(v, Vec::<String>::new())];
    while let Some((v, regions)) = stack.pop() {
        match v {
            serde_json::Value::Object(m) => {
                // A rule listing its regions ("regions": [..]) or a value under "regions": {id: ..}.
                let here = match m.get("regions") {
                    Some(serde_json::Value::Array(a)) => a
                        .iter()
                        .filter_map(|x| x.as_str().map(String::from))
                        .collect(),
                    _ => regions.clone(),
                };
                if let Some(doc) = m.get("source").and_then(|s| s["document"].as_str()) {
                    if here.is_empty() {
                        national.insert(doc.to_string());
                    } else {
                        local
                            .entry(doc.to_string())
                            .or_default()
                            .extend(here.iter().cloned());
                    }
                }
                for (k, x) in m {
                    if k == "regions" && x.is_object() {
                        for (r, y) in x.as_object().unwrap() {
                            stack.push((y.clone(), vec![r.clone()]));
                        }
                    } else if k != "regions" {
                        stack.push((x, here.clone()));
                    }
                }
            }
            serde_json::Value::Array(a) => {
                stack.extend(a.into_iter().map(|x| (x, regions.clone())))
            }
            _ => {}
        }
    }
    local.retain(|doc, _| !national.contains(doc));
    assert!(
        local.len() >= 10,
        "only {} local-only documents",
        local.len()
    );
    let mut checked = 0;
    for r in &st.regions {
        let chain = st.chain(&r.id);
        for s in &st.sectors {
            let q = baofei_core::quote(&rules, &any_sector(&r.id, s)).unwrap();
            // A pricing step may borrow another region's rule, labelled as such (checked above).
            let cited = q
                .trace
                .iter()
                .filter(|t| t.reference.is_none())
                .filter_map(|t| t.source.as_ref())
                .chain(q.obligation.basis.iter().filter_map(|b| b.source.as_ref()))
                .chain(
                    q.obligation
                        .penalty
                        .iter()
                        .filter_map(|p| p.source.as_ref()),
                )
                .chain(q.notes.iter().filter_map(|n| n.source.as_ref()))
                .chain(q.warnings.iter().filter_map(|n| n.source.as_ref()))
                .chain(q.prevention.sources.iter())
                .chain(q.prevention.services.iter().map(|x| &x.source));
            for c in cited {
                if let Some(owners) = local.get(&c.document) {
                    checked += 1;
                    assert!(
                        chain.iter().any(|x| owners.contains(*x)),
                        "{} / {} cites {} (a rule of {owners:?})",
                        r.id,
                        s.id,
                        c.document
                    );
                }
            }
        }
    }
    assert!(checked > 50, "only {checked} local citations checked");
}

/// Issue 29 point 1: every source address anywhere (the rule data, the citations fixed in code) is an
/// official copy, on a domain of `official-domains.txt`, the list reviewed by hand; the engine's own list
/// is that file. `mirrors.json` records the reposts seen while searching: none may be linked.
#[test]
fn every_source_address_is_an_official_copy() {
    let listed: Vec<&str> = include_str!("../official-domains.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    assert_eq!(
        listed,
        baofei_core::citation::OFFICIAL_DOMAINS,
        "official-domains.txt and the engine's list differ"
    );
    let official = |u: &str| {
        baofei_core::Citation {
            document: String::new(),
            number: None,
            article: None,
            url: Some(u.to_string()),
            host: false,
        }
        .official_url()
    };
    // The test of the test: a repost, a look-alike host and a scheme trick are not official.
    for u in [
        "https://wxredian.com/art?id=1",
        "https://gov.cn.example.com/x",
        "https://evilgov.cn/x",
        "javascript://www.gov.cn/%0aalert(1)",
        // A browser reads `\` as `/`: this goes to evil.example (review of issue 33's host files).
        "https://evil.example\\@www.gov.cn/x",
        "https://user@www.gov.cn/x",
        "https://www.gov.cn/a b",
    ] {
        assert!(!official(u), "{u} passed as official");
    }
    assert!(official(
        "https://www.gov.cn/zhengce/zhengceku/202504/content_7017006.htm"
    ));
    let mut used = Vec::new();
    for text in [baofei_rules::statutes_json(), baofei_rules::pack_json()] {
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let mut stack = vec![v];
        while let Some(x) = stack.pop() {
            match x {
                serde_json::Value::Object(m) => {
                    if let Some(u) = m.get("url").and_then(|u| u.as_str()) {
                        used.push(u.to_string());
                    }
                    stack.extend(m.into_iter().map(|(_, v)| v));
                }
                serde_json::Value::Array(a) => stack.extend(a),
                _ => {}
            }
        }
    }
    // The addresses written in the engine's code (citations of the self-assessment and next steps).
    let code = [
        include_str!("../../baofei-core/src/citation.rs"),
        include_str!("../../baofei-core/src/accident.rs"),
    ];
    for src in code {
        for part in src.split("\"http").skip(1) {
            let u = format!("http{}", part.split('"').next().unwrap_or(""));
            // "https://" alone is the official test's own prefix, not an address.
            if !u.ends_with("://") {
                used.push(u);
            }
        }
    }
    assert!(used.len() >= 10, "only {} addresses found", used.len());
    let bad: Vec<&String> = used.iter().filter(|u| !official(u)).collect();
    assert!(bad.is_empty(), "not official copies: {bad:?}");
    let mirrors: serde_json::Value = serde_json::from_str(include_str!("../mirrors.json")).unwrap();
    for m in mirrors["mirrors"].as_array().unwrap() {
        let u = m["url"].as_str().unwrap();
        assert!(!used.iter().any(|x| x == u), "{u}: a repost is linked");
    }
}

/// At the band's cap, the combined next step never says "no fix alone lowers it" beside a fix that
/// does (a review found 移出黑名单 saving 7,560 元 under that sentence), and keeps saying it where true.
#[test]
fn the_combined_step_agrees_with_the_single_steps() {
    let rules = baofei_rules::load().unwrap();
    let loaded = |blacklisted: bool, refused: bool| baofei_core::QuoteInput {
        employees: "120".into(),
        history: vec![baofei_core::input::HistoryYear {
            larger: "1".into(),
            deaths: "3".into(),
            ..Default::default()
        }],
        blacklisted,
        refused_rectification: refused,
        ..hazchem("chongqing", "2026-06-01")
    };
    for (input, some_alone) in [(loaded(true, false), true), (loaded(true, true), false)] {
        let q = baofei_core::quote(&rules, &input).unwrap();
        let singles_save = q
            .next_steps
            .iter()
            .any(|n| n.id != "combined" && n.premium_change < rust_decimal::Decimal::ZERO);
        assert_eq!(singles_save, some_alone, "{:?}", q.next_steps);
        let combined = q.next_steps.iter().find(|n| n.id == "combined");
        if let Some(c) = combined {
            assert_eq!(
                c.zh.contains("单项整改不改变保费"),
                !singles_save,
                "{}",
                c.zh
            );
            assert_eq!(c.en.contains("no one fix alone"), !singles_save, "{}", c.en);
        }
    }
}

/// Issue 30 M8: a pack lists where it still holds illustrative values, and only there.
#[test]
fn a_pack_names_the_tables_that_keep_quotes_illustrative() {
    let reference = baofei_rules::parse_pack(&baofei_rules::pack_json()).unwrap();
    let listed = reference.illustrative_tables();
    assert!(
        listed.contains(&"size_factors.national".to_string()),
        "{listed:?}"
    );
    // With every value's flag cleared (an insurer's filed figures), nothing is listed; one regional value
    // flagged again is named with its region.
    let mut filed: serde_json::Value = serde_json::from_str(&baofei_rules::pack_json()).unwrap();
    fn clear(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                m.remove("illustrative");
                m.values_mut().for_each(clear);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(clear),
            _ => {}
        }
    }
    clear(&mut filed);
    let pack = baofei_rules::parse_pack(&filed.to_string()).unwrap();
    assert_eq!(pack.illustrative_tables(), Vec::<String>::new());
    let hunan = &mut filed["rates"]["work_safety"]["regions"]["hunan"][0];
    hunan["illustrative"] = true.into();
    let pack = baofei_rules::parse_pack(&filed.to_string()).unwrap();
    assert_eq!(
        pack.illustrative_tables(),
        vec!["rates.work_safety.regions.hunan".to_string()]
    );
}

/// The compact binary form the first look reads (issue 31, `json::packed`) gives back exactly what the
/// JSON reader read: for the whole statutes and pack, not only the brief ones build.rs writes.
#[test]
fn the_packed_form_gives_back_what_the_json_gave() {
    use baofei_core::json::packed;
    let rules = baofei_rules::load().unwrap();
    let st = packed::pack(rules.statutes());
    assert_eq!(
        &packed::unpack::<baofei_core::rules::Statutes>(&st),
        rules.statutes()
    );
    let pack = packed::pack(rules.pack());
    assert_eq!(
        &packed::unpack::<baofei_core::rules::PricingPack>(&pack),
        rules.pack()
    );
    // The page's rules (`load_packed`, build.rs's bytes) are the JSON's, whole.
    let page = baofei_rules::load_packed();
    assert_eq!(page.statutes(), rules.statutes());
    assert_eq!(page.pack(), rules.pack());
    // And the brief rules are the full ones without what only explanations read: same sectors,
    // regions, rates and dates.
    let brief = baofei_rules::load_brief();
    assert_eq!(brief.statutes().sectors, rules.statutes().sectors);
    assert_eq!(brief.statutes().regions, rules.statutes().regions);
    assert!(brief.statutes().guidance.is_empty() && brief.statutes().services.is_empty());
    for (line, p) in &rules.pack().rates {
        let b = brief.pack().rates.get(line).unwrap();
        let from = |p: &baofei_core::rules::Param<Vec<baofei_core::rules::RateEntry>>| {
            let values = p
                .national
                .iter()
                .map(|d| (d.from, d.until, d.value.clone()));
            values.collect::<Vec<_>>()
        };
        assert_eq!(from(b), from(p), "{line:?}");
    }
}

/// The package's `RegionId` type lists the shipped regions, in the data's order, and stays open to the
/// cities a host's local rules add (integrator review m12: `region` was a bare `string`, no completion).
#[test]
fn the_typescript_region_ids_are_the_shipped_regions() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let lib = std::fs::read_to_string(root.join("crates/baofei-js/src/lib.rs")).unwrap();
    let start = lib.find("export type RegionId = ").expect("RegionId type")
        + "export type RegionId = ".len();
    let decl = &lib[start..start + lib[start..].find(';').unwrap()];
    let mut ids: Vec<&str> = decl.split('|').map(str::trim).collect();
    assert_eq!(
        ids.pop(),
        Some("(string & {})"),
        "open to local rules' cities"
    );
    let ids: Vec<&str> = ids.iter().map(|i| i.trim_matches('"')).collect();
    let rules = baofei_rules::load().unwrap();
    let shipped: Vec<&str> = rules
        .statutes()
        .regions
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(
        ids, shipped,
        "RegionId in the .d.ts disagrees with regions.json"
    );
}
