//! Last: the warnings a quote carries (limit below the minimum, loaded or clamped band, unrectified
//! hazard, illustrative parameters).

use super::ctx::{msg, Ctx};
use crate::input::Enterprise;
use crate::money::fmt_factor;
use crate::output::{Band, Limits, Message};
use crate::rules::{applies, Statutes};

pub(crate) fn warnings(
    st: &Statutes,
    e: &Enterprise,
    limits: &Limits,
    band: &Band,
    cx: &mut Ctx<'_>,
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
    if band.kind == "loaded" {
        cx.warnings.push(Message {
            code: "loaded_band".into(),
            zh: "发生较大以上事故或连续2年发生亡人事故：浮动幅度最高可达+150%，即保费最高为浮动前指导保费的2.5倍".into(),
            en: "A 较大 or worse accident, or fatal accidents two years running: the float may reach +150%, so the premium may be up to 2.5 times the guided premium before the float".into(),
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
            .filter(|g| applies(g.from, g.until, &g.regions, &e.region, e.as_of))
            .max_by_key(|g| g.from);
        cx.warnings.push(match rule {
            Some(g) => Message {
                code: "refused_rectification".into(),
                zh: g.text_zh.clone(),
                en: g.text_en.clone(),
                source: Some(g.source.clone()),
                field: None,
            },
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
