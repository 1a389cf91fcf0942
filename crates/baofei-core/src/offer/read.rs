//! Reading an offer as typed: every number validated, every field named in its errors.

use super::input::*;
use crate::date::Date;
use crate::error::{ErrorCode, FieldError};
use crate::input::{plain_number, MAX_MONEY, V};
use crate::money::wan;
use crate::text::Text;
use rust_decimal::Decimal;

/// The offer's fields once read.
pub(super) struct Offer {
    pub(super) start: Option<Date>,
    pub(super) end: Option<Date>,
    pub(super) premium: Option<Decimal>,
    pub(super) per_person: Option<Decimal>,
    pub(super) aggregate: Option<Decimal>,
    pub(super) insured: Option<u32>,
    pub(super) uniform: Option<bool>,
    pub(super) covers: Vec<&'static str>,
    pub(super) services: Vec<(String, u32)>,
    pub(super) written: Option<bool>,
    pub(super) spend: Option<Decimal>,
    pub(super) commission: Option<Decimal>,
    pub(super) payer: Option<&'static str>,
    pub(super) lapse: Option<bool>,
}

pub(super) const YES_NO: [(&str, bool); 2] = [("yes", true), ("no", false)];

/// How messages name the offer's fields (the enterprise's are named by `crate::fields`).
pub(super) const OFFER_NAMES: &[(&str, Text)] = &[
    (
        "offer.insurer",
        Text::new("保险机构名称", "The insurer's name"),
    ),
    (
        "offer.start",
        Text::new("保险起期", "The offer's policy start date"),
    ),
    (
        "offer.end",
        Text::new("保险止期", "The offer's policy end date"),
    ),
    (
        "offer.premium",
        Text::new("报价保费", "The offered premium"),
    ),
    (
        "offer.per_person_limit",
        Text::new("每人死亡伤残限额", "The offered per-person limit"),
    ),
    (
        "offer.aggregate_limit",
        Text::new("累计赔偿限额", "The offered aggregate limit"),
    ),
    (
        "offer.per_accident_limit",
        Text::new("每次事故赔偿限额", "The offered per-accident limit"),
    ),
    (
        "offer.insured",
        Text::new("投保人数", "The number of people insured"),
    ),
    (
        "offer.uniform",
        Text::new("是否统一保额", "Whether one sum covers everyone"),
    ),
    ("offer.covers", Text::new("保障项目", "The covered items")),
    (
        "offer.services.",
        Text::new("每年服务次数", "The promised times a year"),
    ),
    (
        "offer.services",
        Text::new("服务项目", "The promised services"),
    ),
    (
        "offer.written",
        Text::new(
            "服务内容和频次是否写入合同",
            "Whether the services are written into the contract",
        ),
    ),
    (
        "offer.prevention_spend",
        Text::new("事故预防费用", "The stated prevention spending"),
    ),
    (
        "offer.commission",
        Text::new("中介手续费", "The intermediary commission"),
    ),
    (
        "offer.payer",
        Text::new("保费承担方", "Who pays the premium"),
    ),
    (
        "offer.lapse",
        Text::new("退保或延迟续保条款", "The surrender or late-renewal clause"),
    ),
];

pub(super) fn read(o: &OfferInput) -> Result<Offer, Vec<FieldError>> {
    let mut v = V::with_names(OFFER_NAMES);
    let max = Decimal::from(MAX_MONEY);
    let date = |v: &mut V, field: &str, s: &str, zh: &str| {
        let s = s.trim();
        if s.is_empty() {
            return None;
        }
        let d = Date::parse(s);
        if d.is_none() {
            v.push(
                field,
                ErrorCode::Invalid,
                format!("{zh}格式应为 YYYY-MM-DD"),
                format!("{} must be a real date, YYYY-MM-DD", v.en(field)),
            );
        }
        d
    };
    let start = date(&mut v, "offer.start", &o.start, "保险起期");
    let end = date(&mut v, "offer.end", &o.end, "保险止期");
    if let (Some(s), Some(e)) = (start, end) {
        if e <= s {
            v.push(
                "offer.end",
                ErrorCode::TooSmall,
                "保险止期须晚于保险起期".into(),
                "The offer's policy end date must be after its start date".into(),
            );
        }
    }
    let premium = v.money("offer.premium", &o.premium, max);
    // A premium under 100 元 a year is no 安责险 premium: most likely 万元 typed into the 元 field
    // (issue 32 item 3). Said at the field with the reading it would have.
    if let Some(p) = premium.filter(|p| *p > Decimal::ZERO && *p < Decimal::ONE_HUNDRED) {
        let as_wan = p * Decimal::from(10_000);
        v.push(
            "offer.premium",
            ErrorCode::TooSmall,
            format!(
                "报价保费 {} 元不合常理：本栏单位为元，报价单写 {} 万元的，请填 {}",
                p.normalize(),
                p.normalize(),
                as_wan.normalize()
            ),
            format!(
                "The offered premium of CNY {} a year is implausible: this field is in CNY, so an offer of {} × 10,000 CNY is entered as {}",
                p.normalize(),
                p.normalize(),
                as_wan.normalize()
            ),
        );
    }
    let per_person = v.money("offer.per_person_limit", &o.per_person_limit, max);
    let aggregate = v.money("offer.aggregate_limit", &o.aggregate_limit, max);
    let per_accident = v.money("offer.per_accident_limit", &o.per_accident_limit, max);
    // A sum that must hold several per-person payouts cannot be smaller than one of them.
    for (field, zh, en, limit) in [
        (
            "offer.per_accident_limit",
            "每次事故赔偿限额",
            "per-accident",
            per_accident,
        ),
        (
            "offer.aggregate_limit",
            "累计赔偿限额",
            "aggregate",
            aggregate,
        ),
    ] {
        if let (Some(l), Some(p)) = (limit, per_person) {
            if l < p {
                v.push(
                    field,
                    ErrorCode::TooSmall,
                    format!("{zh}不能低于每人死亡伤残限额 {}", wan(p)),
                    format!(
                        "The offered {en} limit cannot be below the per-person limit ({})",
                        wan(p)
                    ),
                );
            }
        }
    }
    if let (Some(a), Some(pa)) = (aggregate, per_accident) {
        if a < pa {
            v.push(
                "offer.aggregate_limit",
                ErrorCode::TooSmall,
                format!("累计赔偿限额不能低于每次事故赔偿限额 {}", wan(pa)),
                format!(
                    "The offered aggregate limit cannot be below the per-accident limit ({})",
                    wan(pa)
                ),
            );
        }
    }
    let insured = v.count("offer.insured", &o.insured);
    if insured == Some(0) {
        v.push(
            "offer.insured",
            ErrorCode::TooSmall,
            "投保人数至少为 1".into(),
            "The number of people insured must be at least 1".into(),
        );
    }
    let uniform = v.code("offer.uniform", &o.uniform, &YES_NO);
    let mut covers = Vec::new();
    for c in &o.covers {
        let c = c.trim();
        match COVER_ITEMS.iter().find(|(k, _, _)| *k == c) {
            Some((k, _, _)) if !covers.contains(k) => covers.push(*k),
            Some(_) => {}
            None => {
                let keys: Vec<&str> = COVER_ITEMS.iter().map(|(k, _, _)| *k).collect();
                v.push(
                    "offer.covers",
                    ErrorCode::Unknown,
                    format!("未知的保障项目: {c}"),
                    format!(
                        "The covered items: {} is not one of the known items ({})",
                        crate::error::quoted(c),
                        keys.join(", ")
                    ),
                );
            }
        }
    }
    let mut services = Vec::new();
    for s in &o.services {
        let field = format!("offer.services.{}", s.id.trim());
        match v.count_as(&field, &s.per_year, "每年服务次数") {
            Some(n) => services.push((s.id.trim().to_string(), n)),
            None if plain_number(&s.per_year).is_empty() => v.missing_as(&field, "每年服务次数"),
            None => {}
        }
    }
    let written = v.code("offer.written", &o.written, &YES_NO);
    let spend = v.money("offer.prevention_spend", &o.prevention_spend, max);
    let commission = percent(&mut v, &o.commission);
    let payer = v.code("offer.payer", &o.payer, &PAYERS.map(|(k, _, _)| (k, k)));
    let lapse = v.code("offer.lapse", &o.lapse, &YES_NO);
    if !v.errs.is_empty() {
        return Err(v.errs);
    }
    Ok(Offer {
        start,
        end,
        premium,
        per_person,
        aggregate,
        insured,
        uniform,
        covers,
        services,
        written,
        spend,
        commission,
        payer,
        lapse,
    })
}

/// The commission as a percentage: "4", "4%" or "4.5".
pub(super) fn percent(v: &mut V, s: &str) -> Option<Decimal> {
    let t = plain_number(s);
    let t = t.trim_end_matches(['%', '％']).trim();
    if t.is_empty() {
        return None;
    }
    match crate::money::parse_plain(t).ok_or(()) {
        Ok(d) if d.is_sign_negative() && !d.is_zero() => {
            v.push(
                "offer.commission",
                ErrorCode::TooSmall,
                "中介手续费比例不能为负数".into(),
                "The intermediary commission cannot be negative".into(),
            );
            None
        }
        Ok(d) if d > Decimal::ONE_HUNDRED => {
            v.push(
                "offer.commission",
                ErrorCode::TooLarge,
                "中介手续费比例不能超过 100%".into(),
                "The intermediary commission cannot exceed 100%".into(),
            );
            None
        }
        Ok(d) => Some(d.normalize()),
        Err(_) => {
            v.push(
                "offer.commission",
                ErrorCode::Invalid,
                "中介手续费比例不是有效数字(如 4 或 4%)".into(),
                "The intermediary commission is not a valid percentage (e.g. 4 or 4%)".into(),
            );
            None
        }
    }
}
