//! Last: the warnings a quote carries (limit below the minimum, loaded or clamped band, unrectified
//! hazard, illustrative parameters).

use super::ctx::{msg, Ctx};
use crate::input::Enterprise;
use crate::money::fmt_factor;
use crate::output::{Band, Limits, Message};
use crate::rules::{applies, Statutes};

pub(crate) fn warnings<const D: u8>(
    st: &Statutes,
    e: &Enterprise,
    limits: &Limits,
    band: &Band,
    cx: &mut Ctx<'_, D>,
) {
    if let (true, Some(m), Some(asked)) = (
        limits.below_minimum,
        limits.minimum_per_person,
        limits.requested_per_person,
    ) {
        // In 万元, the form's unit, and dated by when the minimum took effect, not the as-of date.
        let since = limits
            .minimum_from
            .map(|d| d.to_string())
            .unwrap_or_default();
        let (asked, m) = (crate::money::wan(asked), crate::money::wan(m));
        cx.warnings.push(Message {
            code: "below_minimum_limit".into(),
            zh: format!("每人限额 {asked} 低于自 {since} 起施行的法定最低每人限额 {m}，不符合规定；保费已按法定最低限额 {m} 计算"),
            en: format!(
                "A per-person limit of {asked} is below the legal minimum of {m} in force since {since} and does not comply; the premium is computed at the legal minimum of {m}"
            ),
            source: limits.minimum_source.clone(),
            field: Some("per_person_limit".into()),
        });
    }
    plausibility(e, limits, cx);
    if band.kind == crate::domain::BandKind::Loaded {
        let (zh, en) = if e.line == crate::domain::Line::Environmental {
            (
                "发生较大以上突发环境事件：浮动幅度最高可达+150%，即保费最高为浮动前指导保费的2.5倍(借用安责险规定，假设)",
                "A 较大 or worse environmental incident: the float may reach +150%, so the premium may be up to 2.5 times the guided premium before the float (borrowed from 安责险, an assumption)",
            )
        } else {
            (
                "发生较大以上事故或连续2年发生亡人事故：浮动幅度最高可达+150%，即保费最高为浮动前指导保费的2.5倍",
                "A 较大 or worse accident, or fatal accidents two years running: the float may reach +150%, so the premium may be up to 2.5 times the guided premium before the float",
            )
        };
        cx.warnings.push(Message {
            code: "loaded_band".into(),
            zh: zh.into(),
            en: en.into(),
            source: Some(band.source.clone()),
            field: None,
        });
    }
    if band.clamped {
        let (zh, en) = if band.factor == band.high {
            (
                format!(
                    "浮动系数 {} 已按上限 {} 封顶",
                    fmt_factor(band.raw_factor),
                    fmt_factor(band.high)
                ),
                format!(
                    "the float {} was capped at {}",
                    fmt_factor(band.raw_factor),
                    fmt_factor(band.high)
                ),
            )
        } else {
            (
                format!(
                    "浮动系数 {} 已按下限 {} 封底",
                    fmt_factor(band.raw_factor),
                    fmt_factor(band.low)
                ),
                format!(
                    "the float {} was floored at {}",
                    fmt_factor(band.raw_factor),
                    fmt_factor(band.low)
                ),
            )
        };
        cx.warnings.push(Message {
            code: "float_clamped".into(),
            zh,
            en,
            source: Some(band.source.clone()),
            field: None,
        });
    }
    if e.refused_rectification {
        // What the consequence is, and who says so, depends on the region: take the guidance rule in
        // force there (Chongqing 二(八), Jilin 三(二)) rather than citing one region's rule everywhere.
        let rule = st
            .guidance
            .iter()
            .filter(|g| g.id == "refused_rectification" && g.line == e.line)
            .filter(|g| applies(g.from, g.until, &g.regions, &cx.chain, e.as_of))
            .max_by_key(|g| g.from);
        cx.warnings.push(match rule {
            Some(g) => Message {
                code: "refused_rectification".into(),
                zh: g.text_zh.clone(),
                en: g.text_en.clone(),
                source: Some(g.source.clone()),
                field: None,
            },
            None if e.line == crate::domain::Line::Environmental => msg(
                "refused_rectification",
                "存在拒不整改的重大隐患：借用安责险做法，费率按费率包上浮(见计算过程)",
                "a major hazard left unrectified: borrowing the work-safety practice, the pack's loading applies (see the steps)",
            ),
            None => msg(
                "refused_rectification",
                "存在拒不整改的重大事故隐患：费率按费率包上浮(见计算过程)",
                "a major hidden hazard left unrectified: the pack's loading applies (see the steps)",
            ),
        });
    }
    if cx.illustrative {
        cx.warnings.push(msg(
            "illustrative",
            "部分参数为示意值(无公开数据)，结果仅供参考，以保险机构备案费率为准",
            "some parameters are illustrative (no published figure): an estimate only; the insurer's filed rates decide",
        ));
    }
}

/// Figures that are possible but look like a slip, each said at its field with what was done: an
/// amount typed in 元 into a 万元 field, a size class that contradicts the headcount.
fn plausibility<const D: u8>(e: &Enterprise, limits: &Limits, cx: &mut Ctx<'_, D>) {
    use rust_decimal::Decimal;
    let wan = crate::money::wan;
    let mut flag = |field: &str, code: &str, zh: String, en: String| {
        cx.warnings.push(Message {
            code: code.into(),
            zh,
            en,
            source: None,
            field: Some(field.into()),
        });
    };
    // 100亿元 for one project, or 500万元 for one person, is far more likely 元 typed as 万元.
    if let Some(v) = e
        .contract_value
        .filter(|v| *v >= Decimal::from(10_000_000_000u64))
    {
        flag(
            "contract_value",
            "implausible_amount",
            format!("工程造价 {} 异常偏大：该栏以万元为单位，请确认没有按元填写；已按所填数值计算", wan(v)),
            format!("A contract value of {} is unusually large: the field is in units of CNY 10,000 (万元); check it was not typed in yuan; computed as entered", crate::money::cny(v)),
        );
    }
    // Under 10万元 for a whole project is more likely a figure in 元 written with its unit ("5000元")
    // or a slip: said at the field, priced as entered (newcomer review 2.2: 5000元 priced at 8.08元).
    if let Some(v) = e
        .contract_value
        .filter(|v| *v > Decimal::ZERO && *v < Decimal::from(100_000))
    {
        flag(
            "contract_value",
            "implausible_amount",
            format!("工程造价仅 {} 元，异常偏小：该栏以万元为单位(如 5000万元 请填 5000)；已按所填数值计算", crate::money::yuan(v)),
            format!("A contract value of only {} is unusually small: the field is in units of CNY 10,000 (万元; for CNY 50 million enter 5000); computed as entered", crate::money::cny(v)),
        );
    }
    if let Some(p) = limits
        .requested_per_person
        .or(e.per_person_limit)
        .filter(|p| *p > Decimal::from(5_000_000))
    {
        flag(
            "per_person_limit",
            "implausible_amount",
            format!("每人限额 {} 异常偏大：该栏以万元为单位，请确认没有按元填写；已按所填数值计算", wan(p)),
            format!("A per-person limit of {} is unusually large: the field is in units of CNY 10,000 (万元); check it was not typed in yuan; computed as entered", crate::money::cny(p)),
        );
    }
    let (size, derived) = e.size_class;
    let by_headcount = crate::input::size_from_employees(e.employees);
    if !derived && (size as i32 - by_headcount as i32).abs() >= 2 {
        let zh = ["大型", "中型", "小型", "微型"];
        flag(
            "size_class",
            "size_contradicts_headcount",
            format!(
                "所选企业规模({})与从业人员数 {} 人不符(按人数应为{})；已按所选规模计价",
                zh[size as usize], e.employees, zh[by_headcount as usize]
            ),
            format!(
                "The size chosen ({}) contradicts the {} employees entered (by headcount: {}); priced at the size chosen",
                size.key(),
                e.employees,
                by_headcount.key()
            ),
        );
    }
}
