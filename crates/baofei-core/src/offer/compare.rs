//! Several offers side by side (issue 32): each checked on its own start date as one offer is, then one
//! comparison on the law, the price and the cover. A lawful offer always ranks above one that fails a
//! legal requirement; the best value of each row is marked among the lawful offers only (a cheaper offer
//! that breaks the law is not the best price). Every figure is the checks' own or read from the offer;
//! nothing here prices.

use super::check::{OfferCheck, Verdict};
use super::read::Offer;
use crate::date::Date;
use crate::money::{cny, pct, round_half_up, wan};
use rust_decimal::Decimal;
use serde::Serialize;

/// One offer as compared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ComparedOffer {
    /// Its place in the input (0-based).
    pub index: usize,
    /// Its place in the ranking (1 = first).
    pub rank: usize,
    /// Its own check, as `checkOffer` gives it.
    pub check: OfferCheck,
    /// Where its premium sits in its band, from 0 (the floor) to 1 (the cap); below 0 or above 1
    /// outside the band. Four places.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub band_position: Option<Decimal>,
    /// Its premium against our estimate for the same cover, minus one (0.30 = 30% above): the loading
    /// nothing entered explains. Four places.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub implied_loading: Option<Decimal>,
    /// Premium per 万元 of per-person limit, 元, to the fen.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub cost_per_wan: Option<Decimal>,
    /// The verdict and the price in one plain sentence, Chinese.
    pub sentence_zh: String,
    /// The same in English.
    pub sentence_en: String,
}

/// One row of the comparison table: a label and one cell per offer, with the best marked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    /// Stable id: `verdict`, `premium`, `band_position`, `implied_loading`, `per_person_limit`,
    /// `aggregate_limit`, `cost_per_wan`, `term`, `covered_items`, `services`, `prevention_fund`,
    /// `commission`, `payer`.
    pub id: String,
    /// The row's label, Chinese.
    pub label_zh: String,
    /// The row's label, English.
    pub label_en: String,
    /// One cell per offer, in input order: Chinese.
    pub cells_zh: Vec<String>,
    /// The same in English.
    pub cells_en: Vec<String>,
    /// The offers (input indices) holding the best value of the row; empty where the row has no
    /// better or worse, or no lawful offer states it.
    pub best: Vec<usize>,
}

/// The comparison of one to four offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// Each offer, in input order.
    pub offers: Vec<ComparedOffer>,
    /// Input indices, best first: lawful before failing, then fewer open questions, then the lower
    /// premium per 万元 of per-person cover, then the lower premium.
    pub ranking: Vec<usize>,
    /// The table.
    pub rows: Vec<Row>,
    /// What the reader should know about the comparison itself (one offer, identical offers, other
    /// start dates or covers), Chinese.
    pub notes_zh: Vec<String>,
    /// The same in English.
    pub notes_en: Vec<String>,
}

/// An offer's check with what it offers, as read.
pub(super) struct Checked {
    pub(super) check: OfferCheck,
    pub(super) offer: Offer,
}

/// Best means lowest or highest, or (for text rows) nothing to rank.
#[derive(Clone, Copy)]
enum Better {
    Lower,
    Higher,
}

fn position(c: &OfferCheck) -> Option<Decimal> {
    let (p, low, high) = (c.premium?, c.quote.premium_low, c.quote.premium_high);
    (high > low).then(|| round_half_up((p - low) / (high - low), 4))
}

/// The premium over our estimate, unrounded: the sentence, the cell and the 20% threshold read it as the
/// premium check does (`offer::price`), so a card never rounds twice where the check rounds once; it is
/// rounded to four places only where it is reported.
fn loading(c: &OfferCheck) -> Option<Decimal> {
    let p = c.premium?;
    (!c.quote.premium.is_zero()).then(|| p / c.quote.premium - Decimal::ONE)
}

fn per_wan(c: &OfferCheck, o: &Offer) -> Option<Decimal> {
    let (p, limit) = (c.premium?, o.per_person.or(c.quote.limits.per_person)?);
    let wan_units = limit / Decimal::from(10_000);
    (!wan_units.is_zero()).then(|| crate::money::round_fen(p / wan_units))
}

/// The months of a term, when both ends are known: whole months, else days.
fn term(c: &OfferCheck) -> (String, String, Option<Decimal>) {
    match c.end {
        Some(end) => {
            // Both ends are policy days: 2026-06-01 to 2027-05-31 is 365 days.
            let days = end.day_number() - c.start.day_number() + 1;
            (
                format!("{} 至 {}({days} 天)", c.start, end),
                format!("{} to {} ({days} days)", c.start, end),
                Some(Decimal::from(days)),
            )
        }
        None => (
            format!("{} 起，止期未写明", c.start),
            format!("from {}, end not stated", c.start),
            None,
        ),
    }
}

/// The verdict and the price, in the words a reader acts on.
fn sentence(c: &OfferCheck, pos: Option<Decimal>, load: Option<Decimal>) -> (String, String) {
    let open = c
        .checks
        .iter()
        .filter(|x| x.verdict != Verdict::Meets)
        .count();
    let (mut zh, mut en) = if c.legal_failures > 0 {
        (
            format!("不合法：{} 项不符合法定要求", c.legal_failures),
            format!(
                "Not lawful: fails {} legal requirement{}",
                c.legal_failures,
                if c.legal_failures == 1 { "" } else { "s" }
            ),
        )
    } else if open > 0 {
        (
            format!("未见违法，{open} 项需问清"),
            format!(
                "No legal failure; {open} item{} to ask about",
                if open == 1 { "" } else { "s" }
            ),
        )
    } else {
        ("合法".to_string(), "Lawful".to_string())
    };
    match (pos, load) {
        (Some(p), _) if p < Decimal::ZERO => {
            zh.push_str("，价格低于浮动区间下限：对企业并不违法，但请确认保障和服务没有缩水");
            en.push_str(", priced below the band's floor: not unlawful for the enterprise, but check the cover and services were not cut");
        }
        (Some(p), _) if p > Decimal::ONE => {
            zh.push_str("，价格高于浮动区间上限");
            en.push_str(", priced above the band's cap");
        }
        (Some(p), l) => {
            let (where_zh, where_en) = if p < Decimal::new(3333, 4) {
                ("偏低", "low")
            } else if p <= Decimal::new(6667, 4) {
                ("居中", "mid")
            } else {
                ("偏高", "high")
            };
            zh.push_str(&format!("，价格在区间内{where_zh}"));
            en.push_str(&format!(", priced {where_en} in the band"));
            // The same threshold as the premium check's question (offer::price): more than a fifth.
            if let Some(l) = l.filter(|l| *l > Decimal::new(20, 2)) {
                zh.push_str(&format!("：隐含上浮 {}，可询问依据", pct(l, 0)));
                en.push_str(&format!(
                    ": an implied loading of {} over our estimate, ask what it rests on",
                    pct(l, 0)
                ));
            }
        }
        (None, _) => {
            zh.push_str("，保费未写明");
            en.push_str(", premium not stated");
        }
    }
    zh.push('。');
    en.push('.');
    (zh, en)
}

/// Marks the best values of a numeric row among the offers that fail no legal requirement.
fn best(values: &[Option<Decimal>], lawful: &[bool], better: Better) -> Vec<usize> {
    let pick = values
        .iter()
        .zip(lawful)
        .filter_map(|(v, ok)| v.filter(|_| *ok))
        .reduce(|a, b| match better {
            Better::Lower => a.min(b),
            Better::Higher => a.max(b),
        });
    let Some(pick) = pick else { return vec![] };
    // A row where every lawful offer is equal marks nothing: there is no better there.
    let stated: Vec<Decimal> = values
        .iter()
        .zip(lawful)
        .filter_map(|(v, ok)| v.filter(|_| *ok))
        .collect();
    if stated.len() > 1 && stated.iter().all(|v| *v == pick) {
        return vec![];
    }
    (0..values.len())
        .filter(|i| lawful[*i] && values[*i] == Some(pick))
        .collect()
}

fn row(
    id: &str,
    label: (&str, &str),
    cells: Vec<(String, String)>,
    values: &[Option<Decimal>],
    lawful: &[bool],
    better: Option<Better>,
) -> Row {
    Row {
        id: id.into(),
        label_zh: label.0.into(),
        label_en: label.1.into(),
        best: better.map_or_else(Vec::new, |b| best(values, lawful, b)),
        cells_zh: cells.iter().map(|c| c.0.clone()).collect(),
        cells_en: cells.into_iter().map(|c| c.1).collect(),
    }
}

fn not_stated() -> (String, String) {
    ("未写明".into(), "not stated".into())
}

/// One row's cells from its figures: "未写明" where an offer states none.
fn cells(values: &[Option<Decimal>], f: fn(Decimal) -> (String, String)) -> Vec<(String, String)> {
    values
        .iter()
        .map(|v| v.map_or_else(not_stated, f))
        .collect()
}

fn money(d: Decimal) -> (String, String) {
    (wan(d), cny(d))
}

fn yuan_text(d: Decimal) -> (String, String) {
    (format!("{} 元", crate::money::yuan(d)), cny(d))
}

fn position_text(p: Decimal) -> (String, String) {
    (
        format!("{}(0 为下限，100% 为上限)", pct(p, 0)),
        format!("{} (0 = floor, 100% = cap)", pct(p, 0)),
    )
}

fn loading_text(l: Decimal) -> (String, String) {
    if l >= Decimal::ZERO {
        (format!("高 {}", pct(l, 0)), format!("{} above", pct(l, 0)))
    } else {
        (
            format!("低 {}", pct(-l, 0)),
            format!("{} below", pct(-l, 0)),
        )
    }
}

fn percent_text(p: Decimal) -> (String, String) {
    let s = pct(p / Decimal::ONE_HUNDRED, 1);
    (s.clone(), s)
}

/// The comparison of checked offers (one to four), in input order.
pub(super) fn compare(checked: Vec<Checked>) -> Comparison {
    let n = checked.len();
    let lawful: Vec<bool> = checked
        .iter()
        .map(|c| c.check.legal_failures == 0)
        .collect();
    let positions: Vec<Option<Decimal>> = checked.iter().map(|c| position(&c.check)).collect();
    let loadings: Vec<Option<Decimal>> = checked.iter().map(|c| loading(&c.check)).collect();
    let costs: Vec<Option<Decimal>> = checked
        .iter()
        .map(|c| per_wan(&c.check, &c.offer))
        .collect();
    let open = |c: &OfferCheck| {
        c.checks
            .iter()
            .filter(|x| x.verdict != Verdict::Meets)
            .count()
    };
    // Lawful first (never a failing offer above a lawful one), then fewer questions, then the cheaper
    // cover per 万元, then the lower premium; an unstated figure ranks after a stated one.
    let mut ranking: Vec<usize> = (0..n).collect();
    let key = |i: usize| {
        let c = &checked[i].check;
        (
            c.legal_failures > 0,
            c.legal_failures,
            open(c),
            costs[i].is_none(),
            costs[i],
            c.premium.is_none(),
            c.premium,
            i,
        )
    };
    crate::sort::sort_small_by(&mut ranking, |a, b| key(*a) < key(*b));

    let premiums: Vec<Option<Decimal>> = checked.iter().map(|c| c.check.premium).collect();
    let pp: Vec<Option<Decimal>> = checked.iter().map(|c| c.offer.per_person).collect();
    let agg: Vec<Option<Decimal>> = checked.iter().map(|c| c.offer.aggregate).collect();
    let terms: Vec<(String, String, Option<Decimal>)> =
        checked.iter().map(|c| term(&c.check)).collect();
    let covers: Vec<Option<Decimal>> = checked
        .iter()
        .map(|c| Some(Decimal::from(c.offer.covers.len())))
        .collect();
    let visits: Vec<Option<Decimal>> = checked
        .iter()
        .map(|c| {
            Some(Decimal::from(
                c.offer.services.iter().map(|(_, t)| *t).sum::<u32>(),
            ))
        })
        .collect();
    let spend: Vec<Option<Decimal>> = checked.iter().map(|c| c.offer.spend).collect();
    let commission: Vec<Option<Decimal>> = checked.iter().map(|c| c.offer.commission).collect();
    let verdict_cells = checked
        .iter()
        .map(|c| match c.check.verdict {
            Verdict::Meets => ("合法".to_string(), "Lawful".to_string()),
            Verdict::Unclear => ("合法，需问清".into(), "Lawful, ask".into()),
            Verdict::Fails if c.check.legal_failures > 0 => (
                format!("不合法({} 项)", c.check.legal_failures),
                format!("Unlawful ({})", c.check.legal_failures),
            ),
            Verdict::Fails => ("合法，需问清".into(), "Lawful, ask".into()),
        })
        .collect();
    // Each cell through one non-generic formatter (`cells`): one copy of the code in the wasm, not one
    // per row (the comparison added 17 KB gzip to the page when every row had closures of its own).
    let texts =
        |f: &dyn Fn(&Checked) -> (String, String)| checked.iter().map(f).collect::<Vec<_>>();
    let rows = vec![
        row(
            "verdict",
            ("是否合法", "Lawful?"),
            verdict_cells,
            &[],
            &lawful,
            None,
        ),
        row(
            "premium",
            ("年保费", "Annual premium"),
            cells(&premiums, money),
            &premiums,
            &lawful,
            Some(Better::Lower),
        ),
        row(
            "band_position",
            ("在浮动区间中的位置", "Position in the band"),
            cells(&positions, position_text),
            &positions,
            &lawful,
            Some(Better::Lower),
        ),
        row(
            "implied_loading",
            ("比本工具估算", "Against our estimate"),
            cells(&loadings, loading_text),
            &loadings,
            &lawful,
            Some(Better::Lower),
        ),
        row(
            "per_person_limit",
            ("每人死亡伤残限额", "Per-person limit"),
            cells(&pp, money),
            &pp,
            &lawful,
            Some(Better::Higher),
        ),
        row(
            "aggregate_limit",
            ("累计赔偿限额", "Aggregate limit"),
            cells(&agg, money),
            &agg,
            &lawful,
            Some(Better::Higher),
        ),
        row(
            "cost_per_wan",
            (
                "每万元每人保额的保费",
                "Premium per CNY 10,000 of per-person cover",
            ),
            cells(&costs, yuan_text),
            &costs,
            &lawful,
            Some(Better::Lower),
        ),
        row(
            "term",
            ("保险期间", "Term"),
            terms.iter().map(|t| (t.0.clone(), t.1.clone())).collect(),
            &[],
            &lawful,
            None,
        ),
        row(
            "covered_items",
            ("保障项目(法定 7 项)", "Covered items (7 required)"),
            texts(&|c| {
                (
                    format!("{} / 7 项", c.offer.covers.len()),
                    format!("{} of 7", c.offer.covers.len()),
                )
            }),
            &covers,
            &lawful,
            Some(Better::Higher),
        ),
        row(
            "services",
            (
                "承诺的预防服务(次/年)",
                "Prevention services promised (visits a year)",
            ),
            texts(&|c| {
                let (n, v) = (
                    c.offer.services.len(),
                    c.offer.services.iter().map(|(_, t)| *t).sum::<u32>(),
                );
                (
                    format!("{n} 项，共 {v} 次/年"),
                    format!("{n} services, {v} visits a year"),
                )
            }),
            &visits,
            &lawful,
            Some(Better::Higher),
        ),
        row(
            "prevention_fund",
            ("事故预防投入", "Prevention spending"),
            cells(&spend, money),
            &spend,
            &lawful,
            Some(Better::Higher),
        ),
        // The offer states its commission in per cent (`4` is 4%).
        row(
            "commission",
            ("中介手续费比例", "Commission"),
            cells(&commission, percent_text),
            &commission,
            &lawful,
            Some(Better::Lower),
        ),
        row(
            "payer",
            ("保费由谁承担", "Who pays"),
            texts(&|c| match c
                .offer
                .payer
                .and_then(|k| super::input::PAYERS.iter().find(|(key, _, _)| *key == k))
            {
                Some((_, zh, en)) => (zh.to_string(), en.to_string()),
                None => not_stated(),
            }),
            &[],
            &lawful,
            None,
        ),
    ];

    // Said about the comparison itself.
    let (mut notes_zh, mut notes_en) = (Vec::new(), Vec::new());
    if n == 1 {
        notes_zh.push(
            "只有一份报价：下表是它本身的情况，没有可比较的对象；收到更多报价后再比较。"
                .to_string(),
        );
        notes_en.push("Only one offer: the table shows it alone, with nothing to compare it with; add the others you receive.".to_string());
    }
    for i in 0..n {
        for j in i + 1..n {
            if same(&checked[i], &checked[j]) {
                notes_zh.push(format!("报价 {} 与报价 {} 的各项内容相同。", i + 1, j + 1));
                notes_en.push(format!(
                    "Offers {} and {} are the same in every item compared.",
                    i + 1,
                    j + 1
                ));
            }
        }
    }
    let starts: Vec<Date> = checked.iter().map(|c| c.check.start).collect();
    if starts.iter().any(|s| *s != starts[0]) {
        notes_zh.push("各报价的起保日期不同：每份报价按其起保日当天有效的规则核对和估算，价格差异可能部分来自规则变化。".to_string());
        notes_en.push("The offers start on different dates: each is checked and estimated under the rules in force on its own start date, so part of a price difference may come from a rule change.".to_string());
    }
    let limits: Vec<(Option<Decimal>, Option<Decimal>)> = checked
        .iter()
        .map(|c| (c.offer.per_person, c.offer.aggregate))
        .collect();
    if limits.iter().any(|l| *l != limits[0]) {
        notes_zh.push("各报价的保额不同：比较价格时请看“每万元每人保额的保费”一行。".to_string());
        notes_en.push("The offers cover different limits: compare prices on the row “premium per CNY 10,000 of per-person cover”.".to_string());
    }

    let mut rank = vec![0; n];
    for (r, i) in ranking.iter().enumerate() {
        rank[*i] = r + 1;
    }
    let offers = checked
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let (sentence_zh, sentence_en) = sentence(&c.check, positions[i], loadings[i]);
            ComparedOffer {
                index: i,
                rank: rank[i],
                check: c.check,
                band_position: positions[i],
                implied_loading: loadings[i].map(|l| round_half_up(l, 4)),
                cost_per_wan: costs[i],
                sentence_zh,
                sentence_en,
            }
        })
        .collect();
    Comparison {
        offers,
        ranking,
        rows,
        notes_zh,
        notes_en,
    }
}

/// Whether two offers say the same in everything compared (the insurer's name aside).
fn same(a: &Checked, b: &Checked) -> bool {
    let (x, y) = (&a.offer, &b.offer);
    a.check.start == b.check.start
        && a.check.end == b.check.end
        && x.premium == y.premium
        && x.per_person == y.per_person
        && x.aggregate == y.aggregate
        && x.covers == y.covers
        && x.services == y.services
        && x.spend == y.spend
        && x.commission == y.commission
        && x.payer == y.payer
        && x.insured == y.insured
        && x.uniform == y.uniform
        && x.written == y.written
        && x.lapse == y.lapse
}
