//! Local rules supplied by the site's host (issue 33): a bureau publishes its own place's rules as a
//! file beside the site, without a Rust toolchain, and every front end reads them.
//!
//! The file has the statutes' shape for one place only (a region the statutes know, or a new city
//! under a known province). It can only tighten the law: every value is compared with the national
//! value and the province's (the law the place sits under) on every day both apply, and a file that
//! would lower a minimum or a prevention floor, raise a cap, widen the float band or lower a fine is
//! refused whole, with every problem at its path in both languages. A refused file changes nothing:
//! [`Statutes::with_local`] returns the errors and the caller keeps the shipped statutes.
//!
//! Accepted values are merged as the place's own (they win for the place over shipped values of the
//! same place on the days they cover; national values come after, as for any regional rule), and
//! each citation is marked [`Citation::host`] so every front end says the site supplied it.

use super::{
    names_sector, Dated, FactorValue, FloatBand, GuidanceRule, ObligationRule, Param, Penalty,
    Region, Rules, ServiceRule, Statutes,
};
use crate::citation::{Citation, Reference};
use crate::date::Date;
use crate::domain::Line;
use crate::error::{ErrorCode, Errors, FieldError};
use crate::json::{At, Fields, FromJson, Json, JsonError};
use crate::map::SortedMap;
use rust_decimal::Decimal;
use serde::Serialize;

/// The `format` a local-rules file declares: a later, incompatible shape gets a new number.
pub const FORMAT: &str = "baofei-local-rules/1";

/// A host's rules for its own place: each list holds that place's values only, dated and cited.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LocalRules {
    /// Always [`FORMAT`].
    pub format: String,
    /// The place the file is for: a region id the statutes know (`jiangsu_wuxi`), or the id of
    /// `place`.
    pub region: String,
    /// A city the statutes do not list: its id, names and province (`parent`, required).
    pub place: Option<Region>,
    /// Who publishes the file, in both languages (e.g. 某市应急管理局).
    pub publisher: Reference,
    /// Minimum per-person death/disability limit (元), 安责险: at least the law's.
    pub minimum_limit: Vec<Dated<FactorValue>>,
    /// Prevention fund floor per line: at least the law's.
    pub prevention_min: SortedMap<Line, Vec<Dated<FactorValue>>>,
    /// Prevention spending cap per line: at most the law's.
    pub prevention_max: SortedMap<Line, Vec<Dated<FactorValue>>>,
    /// Float band per line: no wider than the law's, either way.
    pub float_band: SortedMap<Line, Vec<Dated<FloatBand>>>,
    /// The local penalty article per line: fines at least the law's.
    pub penalty: SortedMap<Line, Vec<Dated<Penalty>>>,
    /// More sectors made compulsory (or encouraged) in the place; `regions` empty or the place.
    pub obligations: Vec<ObligationRule>,
    /// Local prevention services and their frequency; `regions` empty or the place.
    pub services: Vec<ServiceRule>,
    /// Local notes and guidance; `regions` empty or the place.
    pub guidance: Vec<GuidanceRule>,
}

impl FromJson for LocalRules {
    fn from_json(v: &Json<'_>, at: &At<'_>) -> Result<Self, JsonError> {
        let f = Fields::new(
            v,
            at,
            &[
                "format",
                "region",
                "place",
                "publisher",
                "minimum_limit",
                "prevention_min",
                "prevention_max",
                "float_band",
                "penalty",
                "obligations",
                "services",
                "guidance",
            ],
        )?;
        Ok(LocalRules {
            format: f.req("format")?,
            region: f.req("region")?,
            place: f.opt("place")?,
            publisher: f.req("publisher")?,
            minimum_limit: f.opt("minimum_limit")?,
            prevention_min: f.opt("prevention_min")?,
            prevention_max: f.opt("prevention_max")?,
            float_band: f.opt("float_band")?,
            penalty: f.opt("penalty")?,
            obligations: f.opt("obligations")?,
            services: f.opt("services")?,
            guidance: f.opt("guidance")?,
        })
    }
}

/// Whether two periods `[from, until)` share a day.
fn overlap(a: (Date, Option<Date>), b: (Date, Option<Date>)) -> bool {
    b.1.is_none_or(|u| a.0 < u) && a.1.is_none_or(|u| b.0 < u)
}

struct Check<'a> {
    st: &'a Statutes,
    /// The places whose shipped rules are the law here, most local first: the place itself where
    /// the statutes know it, then its province; national values are looked up apart.
    above: Vec<&'a str>,
    region: &'a str,
    errs: Vec<FieldError>,
}

impl Check<'_> {
    fn err(&mut self, field: String, zh: String, en: String) {
        self.errs
            .push(FieldError::new(field, ErrorCode::InvalidPack, zh, en));
    }

    /// Every value the host relies on is cited, with an official copy a reader can open.
    fn citation(&mut self, field: &str, c: &Citation) {
        if c.document.trim().is_empty() {
            self.err(
                format!("{field}.source.document"),
                "缺少出处文件名".into(),
                "the source document is empty".into(),
            );
        }
        if c.article.as_deref().is_none_or(|a| a.trim().is_empty()) {
            self.err(
                format!("{field}.source.article"),
                "缺少条款(如 第五条)".into(),
                "the source article is missing (e.g. 第五条, article 5)".into(),
            );
        }
        if !c.official_url() {
            self.err(
                format!("{field}.source.url"),
                "缺少官方网址：须为政府网站(gov.cn)上的原文地址".into(),
                "no official address: the text's address on a government site (gov.cn) is required"
                    .into(),
            );
        }
    }

    fn period(&mut self, field: &str, from: Date, until: Option<Date>) {
        if until.is_some_and(|u| u <= from) {
            self.err(
                field.into(),
                "失效日期(until)须晚于生效日期(from)".into(),
                "`until` must be after `from`".into(),
            );
        }
    }

    /// A list of dated values of one parameter: each cited and dated, none borrowed, and one after
    /// another with no day missing or doubled (`until` is the first day a value no longer applies;
    /// the same rule as packs: `validate::sequence_gaps`).
    fn dated<T>(&mut self, field: &str, vs: &[Dated<T>]) {
        for (i, v) in vs.iter().enumerate() {
            let f = format!("{field}.{i}");
            self.citation(&f, &v.source);
            self.period(&f, v.from, v.until);
            if v.reference.is_some() {
                self.err(
                    format!("{f}.reference"),
                    "本地规则不能是借用的参照值".into(),
                    "a local rule cannot be a value borrowed from elsewhere".into(),
                );
            }
            if v.illustrative {
                self.err(
                    format!("{f}.illustrative"),
                    "本地规则须为已发布的规定，不能是示意值".into(),
                    "a local rule must be a published one, not illustrative".into(),
                );
            }
        }
        // Two values starting on one day; then the gaps and overlaps packs are refused for too.
        for (i, v) in vs.iter().enumerate() {
            if vs[..i].iter().any(|e| e.from == v.from) {
                self.err(
                    format!("{field}.{i}.from"),
                    format!("{} 起有两个取值", v.from),
                    format!("two values start on {}", v.from),
                );
            }
        }
        for (j, zh, en) in super::validate::sequence_gaps(vs) {
            self.err(format!("{field}.{j}.from"), zh, en);
        }
    }

    /// The law's values (national, then the province's) that share a day with `v`, with the place
    /// each comes from.
    fn law<'p, T>(&self, p: Option<&'p Param<T>>, v: &Dated<T>) -> Vec<(&'p Dated<T>, Reference)> {
        let Some(p) = p else { return Vec::new() };
        let national = p.national.iter().map(|d| {
            (
                d,
                Reference {
                    zh: "全国规定".into(),
                    en: "the national rule".into(),
                },
            )
        });
        let local = self.above.iter().flat_map(|r| {
            let name = self.st.regions.iter().find(|x| x.id == *r);
            let (zh, en) = name.map_or((r.to_string(), r.to_string()), |n| {
                (
                    format!("{}规定", n.name_zh),
                    format!("{}'s rule", n.name_en),
                )
            });
            p.regions.get(*r).into_iter().flatten().map(move |d| {
                (
                    d,
                    Reference {
                        zh: zh.clone(),
                        en: en.clone(),
                    },
                )
            })
        });
        national
            .chain(local)
            .filter(|(d, _)| overlap((d.from, d.until), (v.from, v.until)))
            .collect()
    }

    /// A decimal that must not fall below (`at_least`) or rise above the law's on any shared day.
    #[allow(clippy::too_many_arguments)]
    fn bound(
        &mut self,
        field: &str,
        p: Option<&Param<FactorValue>>,
        v: &Dated<FactorValue>,
        at_least: bool,
        what_zh: &str,
        what_en: &str,
    ) {
        for (d, whose) in self.law(p, v) {
            let bad = if at_least {
                v.value.0 < d.value.0
            } else {
                v.value.0 > d.value.0
            };
            if bad {
                let (zh, en) = if at_least {
                    ("低于", "below")
                } else {
                    ("高于", "above")
                };
                self.err(
                    format!("{field}.value"),
                    format!(
                        "{what_zh} {} {zh}{}的 {}(自 {} 起)：本地规则只能更严",
                        v.value.0, whose.zh, d.value.0, d.from
                    ),
                    format!(
                        "{what_en} {} is {en} {} of {} (from {}): a local rule can only be stricter",
                        v.value.0, whose.en, d.value.0, d.from
                    ),
                );
            }
        }
    }

    /// A rule list's `regions`: empty (the file's place) or the file's place itself.
    fn place(&mut self, field: &str, regions: &[String]) {
        for (i, r) in regions.iter().enumerate() {
            if r != self.region {
                self.err(
                    format!("{field}.regions.{i}"),
                    format!("{r} 不是本文件的地区 {}：本地规则只能规定本地", self.region),
                    format!(
                        "{r} is outside this file's place, {}: a local file rules its own place only",
                        self.region
                    ),
                );
            }
        }
    }

    fn sectors(&mut self, field: &str, line: Line, sectors: &[String]) {
        if sectors.is_empty() {
            self.err(
                format!("{field}.sectors"),
                "须列出行业".into(),
                "list the sectors".into(),
            );
        }
        for (i, s) in sectors.iter().enumerate() {
            let known = s == "*"
                || self
                    .st
                    .sectors
                    .iter()
                    .any(|d| d.line == line && (&d.id == s || d.group() == s));
            if !known {
                self.err(
                    format!("{field}.sectors.{i}"),
                    format!("未知行业 {s}(该险种下没有此行业或行业组)"),
                    format!("unknown sector {s} (no such sector or group on this line)"),
                );
            }
        }
    }
}

/// A region id: lower-case ASCII letters, digits and `_`, starting with a letter (it appears in
/// links and attributes).
fn valid_id(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

impl LocalRules {
    /// Every problem with the file against these statutes, at once; `Ok` when it only tightens the law.
    pub fn check(&self, st: &Statutes) -> Result<(), Errors> {
        let mut above: Vec<&str> = Vec::new();
        let mut c = Check {
            st,
            above: Vec::new(),
            region: &self.region,
            errs: Vec::new(),
        };
        if self.format != FORMAT {
            c.err(
                "format".into(),
                format!("format 须为 {FORMAT}"),
                format!("format must be {FORMAT}"),
            );
        }
        for (f, t) in [
            ("publisher.zh", &self.publisher.zh),
            ("publisher.en", &self.publisher.en),
        ] {
            if t.trim().is_empty() {
                c.err(
                    f.into(),
                    "须写明发布单位".into(),
                    "name the publisher".into(),
                );
            }
        }
        let known = st.regions.iter().find(|r| r.id == self.region);
        match (&self.place, known) {
            // The place's own shipped values are law too: a file may tighten them, never relax
            // them (anyone can host a page; the file is not proof of who wrote it).
            (None, Some(r)) => {
                above.push(r.id.as_str());
                above.extend(r.parent.as_deref());
            }
            (None, None) => c.err(
                "region".into(),
                format!("未知地区 {}：新的城市须在 place 中写明名称和所属省份", self.region),
                format!(
                    "unknown region {}: a city not listed needs `place` with its names and province",
                    self.region
                ),
            ),
            (Some(_), Some(_)) => c.err(
                "place".into(),
                format!("{} 已是已知地区，请删去 place", self.region),
                format!("{} is a known region: remove `place`", self.region),
            ),
            (Some(p), None) => {
                if p.id != self.region {
                    c.err(
                        "place.id".into(),
                        format!("place.id 须与 region ({}) 相同", self.region),
                        format!("place.id must equal region ({})", self.region),
                    );
                }
                if !valid_id(&p.id) {
                    c.err(
                        "place.id".into(),
                        "地区 id 只能用小写字母、数字和下划线，以字母开头".into(),
                        "a region id is lower-case letters, digits and _, starting with a letter"
                            .into(),
                    );
                }
                // A new place named as a known one would stand beside it in the form, without its rules.
                let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
                if let Some(r) = st
                    .regions
                    .iter()
                    .find(|r| same(&r.name_zh, &p.name_zh) || same(&r.name_en, &p.name_en))
                {
                    c.err(
                        "place".into(),
                        format!("{} 已有(地区 {})：请用该地区的 id 作 region，删去 place", r.name_zh, r.id),
                        format!("{} is a known region ({}): use its id as region and remove place", r.name_en, r.id),
                    );
                }
                if p.name_zh.trim().is_empty() || p.name_en.trim().is_empty() {
                    c.err(
                        "place".into(),
                        "须写明中英文地名".into(),
                        "name the place in Chinese and English".into(),
                    );
                }
                match p.parent.as_deref() {
                    Some(parent)
                        if st
                            .regions
                            .iter()
                            .any(|r| r.id == parent && r.parent.is_none()) =>
                    {
                        above.push(st.regions.iter().find(|r| r.id == parent).map_or("", |r| &r.id))
                    }
                    _ => c.err(
                        "place.parent".into(),
                        "须写明所属省级地区(已知的省级地区 id)".into(),
                        "name the province it sits in (a known provincial region id)".into(),
                    ),
                }
            }
        }
        c.above = above;
        let nothing = self.minimum_limit.is_empty()
            && self.prevention_min.is_empty()
            && self.prevention_max.is_empty()
            && self.float_band.is_empty()
            && self.penalty.is_empty()
            && self.obligations.is_empty()
            && self.services.is_empty()
            && self.guidance.is_empty();
        if nothing {
            c.err(
                "region".into(),
                "文件没有任何规则".into(),
                "the file sets no rule".into(),
            );
        }

        c.dated("minimum_limit", &self.minimum_limit);
        for (i, v) in self.minimum_limit.iter().enumerate() {
            let f = format!("minimum_limit.{i}");
            c.bound(
                &f,
                Some(&st.minimum_limit),
                v,
                true,
                "最低限额",
                "minimum limit",
            );
        }
        for (name, map, at_least, zh, en) in [
            (
                "prevention_min",
                &self.prevention_min,
                true,
                "事故预防资金比例下限",
                "prevention floor",
            ),
            (
                "prevention_max",
                &self.prevention_max,
                false,
                "事故预防支出比例上限",
                "prevention cap",
            ),
        ] {
            let law = if at_least {
                &st.prevention_min
            } else {
                &st.prevention_max
            };
            for (line, vs) in map {
                let field = format!("{name}.{}", line.key());
                c.dated(&field, vs);
                for (i, v) in vs.iter().enumerate() {
                    let f = format!("{field}.{i}");
                    if v.value.0 < Decimal::ZERO || v.value.0 > Decimal::ONE {
                        c.err(
                            format!("{f}.value"),
                            "比例须在 0 到 1 之间".into(),
                            "a share must be between 0 and 1".into(),
                        );
                    }
                    c.bound(&f, law.get(line), v, at_least, zh, en);
                }
            }
        }
        for (line, vs) in &self.float_band {
            let field = format!("float_band.{}", line.key());
            c.dated(&field, vs);
            for (i, v) in vs.iter().enumerate() {
                let f = format!("{field}.{i}");
                let b = &v.value;
                if b.normal <= Decimal::ZERO || b.normal >= Decimal::ONE || b.loaded_up < b.normal {
                    c.err(
                        format!("{f}.value"),
                        "浮动幅度须满足 0 < normal < 1 且 loaded_up ≥ normal".into(),
                        "a float band needs 0 < normal < 1 and loaded_up >= normal".into(),
                    );
                }
                for (d, whose) in c.law(st.float_band.get(line), v) {
                    let l = &d.value;
                    if b.normal > l.normal
                        || b.loaded_up > l.loaded_up
                        || b.clean_years < l.clean_years
                    {
                        c.err(
                            format!("{f}.value"),
                            format!(
                                "浮动幅度宽于{}(±{}，事故后上浮 {}，{} 年无事故)：本地规则只能更严",
                                whose.zh, l.normal, l.loaded_up, l.clean_years
                            ),
                            format!(
                                "the band is wider than {} (±{}, {} up after an accident, {} clean years): a local rule can only be stricter",
                                whose.en, l.normal, l.loaded_up, l.clean_years
                            ),
                        );
                    }
                }
            }
        }
        for (line, vs) in &self.penalty {
            let field = format!("penalty.{}", line.key());
            c.dated(&field, vs);
            for (i, v) in vs.iter().enumerate() {
                let f = format!("{field}.{i}");
                let p = &v.value;
                if p.fine_min > p.fine_max || p.repeat_min > p.repeat_max {
                    c.err(
                        format!("{f}.value"),
                        "罚款下限不能高于上限".into(),
                        "a fine's lower end is above its upper end".into(),
                    );
                }
                if p.text_zh.trim().is_empty() || p.text_en.trim().is_empty() {
                    c.err(
                        format!("{f}.value"),
                        "须有中英文的处罚说明".into(),
                        "the penalty needs its text in Chinese and English".into(),
                    );
                }
                for (d, whose) in c.law(st.penalty.get(line), v) {
                    let l = &d.value;
                    if p.fine_min < l.fine_min
                        || p.fine_max < l.fine_max
                        || p.repeat_min < l.repeat_min
                        || p.repeat_max < l.repeat_max
                    {
                        c.err(
                            format!("{f}.value"),
                            format!(
                                "罚款低于{}({}-{} 元，逾期 {}-{} 元)：本地规则只能更严",
                                whose.zh, l.fine_min, l.fine_max, l.repeat_min, l.repeat_max
                            ),
                            format!(
                                "fines below {} ({}-{} yuan, {}-{} if not corrected): a local rule can only be stricter",
                                whose.en, l.fine_min, l.fine_max, l.repeat_min, l.repeat_max
                            ),
                        );
                    }
                }
            }
        }
        for (i, o) in self.obligations.iter().enumerate() {
            let f = format!("obligations.{i}");
            c.citation(&f, &o.source);
            c.period(&f, o.from, o.until);
            c.place(&f, &o.regions);
            c.sectors(&f, o.line, &o.sectors);
            // Obligations only add: the strongest rule that applies wins, so a weaker local one
            // changes nothing, but a file that says "encouraged" for a compulsory sector means to
            // take it off the list, and is refused for saying so.
            let chain: Vec<&str> = c.above.clone();
            let weaker = st
                .sectors
                .iter()
                .filter(|d| d.line == o.line && names_sector(&o.sectors, d))
                .find_map(|d| {
                    st.obligations
                        .iter()
                        .filter(|l| {
                            l.line == o.line
                                && names_sector(&l.sectors, d)
                                && (l.regions.is_empty()
                                    || l.regions.iter().any(|r| chain.contains(&r.as_str())))
                                && overlap((l.from, l.until), (o.from, o.until))
                        })
                        .map(|l| l.obligation)
                        .max()
                        .filter(|level| o.obligation < *level)
                        .map(|level| (d, level))
                });
            if let Some((d, level)) = weaker {
                c.err(
                    format!("{f}.obligation"),
                    format!(
                        "{}({}) 按现行规定为 {}，本地规则不能减轻投保义务",
                        d.name_zh,
                        d.id,
                        level.key()
                    ),
                    format!(
                        "{} ({}) is {} under the law: a local rule cannot lighten the duty to insure",
                        d.name_en,
                        d.id,
                        level.key()
                    ),
                );
            }
        }
        for (i, s) in self.services.iter().enumerate() {
            let f = format!("services.{i}");
            c.citation(&f, &s.source);
            c.period(&f, s.from, s.until);
            c.place(&f, &s.regions);
            if s.illustrative {
                c.err(
                    format!("{f}.illustrative"),
                    "本地规则须为已发布的规定，不能是示意值".into(),
                    "a local rule must be a published one, not illustrative".into(),
                );
            }
            // The same service at a lower frequency than the law asks of the same enterprises would
            // read as a relief it is not.
            let chain: Vec<&str> = c.above.clone();
            for law in st.services.iter().filter(|l| {
                l.id == s.id
                    && l.line == s.line
                    && (l.regions.is_empty()
                        || l.regions.iter().any(|r| chain.contains(&r.as_str())))
                    && overlap((l.from, l.until), (s.from, s.until))
                    && (l.tiers.is_empty()
                        || s.tiers.is_empty()
                        || l.tiers.iter().any(|t| s.tiers.contains(t)))
                    && (l.sizes.is_empty()
                        || s.sizes.is_empty()
                        || l.sizes.iter().any(|z| s.sizes.contains(z)))
            }) {
                if law.per_year > 0 && s.per_year < law.per_year {
                    c.err(
                        format!("{f}.per_year"),
                        format!(
                            "每年 {} 次少于现行规定的 {} 次：本地规则只能更严",
                            s.per_year, law.per_year
                        ),
                        format!(
                            "{} a year is fewer than the {} the law asks: a local rule can only be stricter",
                            s.per_year, law.per_year
                        ),
                    );
                }
            }
        }
        for (i, g) in self.guidance.iter().enumerate() {
            let f = format!("guidance.{i}");
            c.citation(&f, &g.source);
            c.period(&f, g.from, g.until);
            c.place(&f, &g.regions);
            if !g.sectors.is_empty() {
                c.sectors(&f, g.line, &g.sectors);
            }
            // A note with a shipped note's id would replace it (the newest of an id is shown): a local
            // note adds, it never hides the law's own (review: `uniform_cover` could be replaced).
            if st.guidance.iter().any(|x| x.id == g.id) {
                c.err(
                    format!("{f}.id"),
                    format!("提示 id {} 已被内置规则使用，请另取 id：本地提示只能增加，不能替换", g.id),
                    format!("the note id {} is a built-in rule's: choose another; a local note adds to the rules, it cannot replace one", g.id),
                );
            }
        }
        // The floor never above the cap on a day both apply (the host's own and the law's), or every
        // offer would fail and the quote would show a floor over its cap.
        for (line, floors) in &self.prevention_min {
            for (i, v) in floors.iter().enumerate() {
                let host_caps = self.prevention_max.get(line).into_iter().flatten();
                let cap = host_caps
                    .filter(|d| overlap((d.from, d.until), (v.from, v.until)))
                    .chain(
                        c.law(st.prevention_max.get(line), v)
                            .into_iter()
                            .map(|(d, _)| d),
                    )
                    .find(|d| v.value.0 > d.value.0)
                    .map(|d| d.value.0);
                if let Some(cap) = cap {
                    c.err(
                        format!("prevention_min.{}.{i}.value", line.key()),
                        format!("事故预防资金下限 {} 高于同期的支出上限 {cap}", v.value.0),
                        format!("the prevention floor {} is above the cap of {cap} that applies on the same days", v.value.0),
                    );
                }
            }
        }
        for (line, caps) in &self.prevention_max {
            for (i, v) in caps.iter().enumerate() {
                let floor = c
                    .law(st.prevention_min.get(line), v)
                    .into_iter()
                    .find(|(d, _)| v.value.0 < d.value.0)
                    .map(|(d, _)| d.value.0);
                if let Some(floor) = floor {
                    c.err(
                        format!("prevention_max.{}.{i}.value", line.key()),
                        format!("事故预防支出上限 {} 低于同期的资金下限 {floor}", v.value.0),
                        format!("the prevention cap {} is below the floor of {floor} that applies on the same days", v.value.0),
                    );
                }
            }
        }
        if c.errs.is_empty() {
            Ok(())
        } else {
            Err(Errors(c.errs))
        }
    }
}

/// A host's value list merged into a parameter for `region`: the host's values replace the shipped
/// values of that place on the days they cover, and a shipped value keeps the days before and after
/// them. A checked host list has no gap, so the days it covers are one period: from its first `from`
/// to its last value's `until` (or open).
fn merge<T: Clone>(p: &mut Param<T>, region: &str, host: &[Dated<T>]) {
    let Some(start) = host.iter().map(|h| h.from).min() else {
        return;
    };
    // Open when any value is: an earlier value with no `until` stays in force after a later one ends.
    let end = if host.iter().any(|h| h.until.is_none()) {
        None
    } else {
        host.iter().filter_map(|h| h.until).max()
    };
    let mut vs: Vec<Dated<T>> = Vec::new();
    for s in p.regions.get(region).into_iter().flatten() {
        if s.from < start {
            let mut before = s.clone();
            before.until = Some(s.until.map_or(start, |u| u.min(start)));
            vs.push(before);
        }
        if let Some(end) = end {
            if s.until.is_none_or(|u| u > end) {
                let mut after = s.clone();
                after.from = s.from.max(end);
                vs.push(after);
            }
        }
    }
    vs.extend(host.iter().cloned().map(|mut h| {
        h.source.host = true;
        h
    }));
    p.regions.insert(region.to_owned(), vs);
}

/// The parameter of a line, made empty (no national value) when the shipped rules have none for it: a
/// host may set, say, an environmental prevention floor where the law names no figure.
fn param_for<T>(map: &mut SortedMap<Line, Param<T>>, line: Line) -> Option<&mut Param<T>> {
    if !map.contains_key(&line) {
        map.insert(
            line,
            Param {
                description: "local rule (host)".into(),
                unit: String::new(),
                national: Vec::new(),
                regions: SortedMap::default(),
            },
        );
    }
    map.get_mut(&line)
}

impl Statutes {
    /// These statutes with a host's local rules for one place, checked first ([`LocalRules::check`]);
    /// on any problem, every error and no statutes (the caller keeps these).
    pub fn with_local(&self, local: &LocalRules) -> Result<Statutes, Errors> {
        local.check(self)?;
        let mut st = self.clone();
        let region = local.region.as_str();
        if let Some(p) = &local.place {
            st.regions.push(p.clone());
        }
        merge(&mut st.minimum_limit, region, &local.minimum_limit);
        for (map, host) in [
            (&mut st.prevention_min, &local.prevention_min),
            (&mut st.prevention_max, &local.prevention_max),
        ] {
            for (line, vs) in host {
                if let Some(p) = param_for(map, *line) {
                    merge(p, region, vs);
                }
            }
        }
        for (line, vs) in &local.float_band {
            if let Some(p) = param_for(&mut st.float_band, *line) {
                merge(p, region, vs);
            }
        }
        for (line, vs) in &local.penalty {
            if let Some(p) = param_for(&mut st.penalty, *line) {
                merge(p, region, vs);
            }
        }
        let here = || vec![region.to_owned()];
        st.obligations
            .extend(local.obligations.iter().cloned().map(|mut o| {
                o.regions = here();
                o.source.host = true;
                o
            }));
        st.services
            .extend(local.services.iter().cloned().map(|mut s| {
                s.regions = here();
                s.source.host = true;
                s
            }));
        st.guidance
            .extend(local.guidance.iter().cloned().map(|mut g| {
                g.regions = here();
                g.source.host = true;
                g
            }));
        // Not `st.validate()`: the shipped statutes passed it at build time, each host value passed
        // `check`, and the merge keeps every list gap-free; the statutes' checks would add 20 KB
        // (gzip) to every embedder's widget. The tests validate every merged result instead.
        Ok(st)
    }
}

impl Rules {
    /// The same pack under the statutes with a host's local rules merged in
    /// ([`Statutes::with_local`]): every problem with the file at once, and then no rules (the caller
    /// keeps these, and says the file was refused).
    pub fn with_local(&self, local: &LocalRules) -> Result<Rules, Errors> {
        let statutes = self.statutes.with_local(local)?;
        self.pack.validate(&statutes)?;
        Ok(Rules {
            statutes,
            pack: self.pack.clone(),
        })
    }
}
