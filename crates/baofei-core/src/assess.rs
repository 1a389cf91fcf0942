//! Self-assessment: risk tier, a short questionnaire drawn from the seeds, and what closing each gap
//! would do to the premium, computed by re-running the engine (never guessed).

use crate::accident;
use crate::citation::known::{aqf, c001, c182, c2013, c27, c282, c294, hbf, tiering_citation};
use crate::citation::{Citation, Reference};
use crate::domain::{EnvCreditGrade, Line, RiskTier, StandardisationGrade};
use crate::input::{Enterprise, QuoteInput};
use crate::map::SortedMap;
use crate::output::{NextStep, Quote};
use crate::rules::Statutes;
use rust_decimal::Decimal;
use serde::Serialize;

/// How a question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    /// `yes` / `no`; the good answer is given by `good`.
    YesNo {
        /// Which answer is the safe one.
        good: bool,
    },
    /// One of the standardisation grades.
    Standardisation,
    /// One of the environmental credit grades.
    EnvCredit,
}

/// One question of the self-assessment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Question {
    /// Stable id (used in share links and the JS API).
    pub id: &'static str,
    /// Line it applies to (`None`: both).
    pub line: Option<Line>,
    /// Question, Chinese.
    pub zh: &'static str,
    /// Question, English.
    pub en: &'static str,
    /// Kind of answer.
    pub kind: AnswerKind,
    /// What to do if the answer is the risky one, Chinese.
    pub fix_zh: &'static str,
    /// The same, English.
    pub fix_en: &'static str,
    /// Whether a risky answer alone makes the tier high.
    pub severe: bool,
    /// Source.
    pub source: Citation,
}

/// Every question's id, once (a question may be asked on both lines): what a link's `a.` keys may name.
/// Kept apart from [`questions`] so that reading a link does not link the questionnaire's texts (the
/// first look's wasm, issue 31, reads links and never asks); a test holds the two equal.
pub const QUESTION_IDS: &[&str] = &[
    "insured",
    "work_injury",
    "premium_from_enterprise",
    "env_insured",
    "env_info_sharing",
    "standardisation",
    "blacklist",
    "hazards_rectified",
    "hazard_inspection",
    "risk_assessment",
    "training",
    "emergency_drills",
    "accident_records",
    "all_insured",
    "continuous_cover",
    "only_other_cover",
    "safety_fund",
    "cooperate_services",
    "occupational_hazards",
    "env_credit",
    "env_risk_assessment",
    "env_emergency_plan",
    "env_violations",
];

/// The questionnaire, in display order.
pub fn questions() -> Vec<Question> {
    use AnswerKind::*;
    let ws = Some(Line::WorkSafety);
    let env = Some(Line::Environmental);
    let q = |id, line, zh, en, kind, fix_zh, fix_en, severe, source| Question {
        id,
        line,
        zh,
        en,
        kind,
        fix_zh,
        fix_en,
        severe,
        source,
    };
    vec![
        q("insured", ws, "目前是否已投保安全生产责任保险？", "Is the enterprise insured under work-safety liability insurance now?", YesNo { good: true }, "高危行业应当投保；未投保的责令限期改正，处5万至10万元罚款，逾期未改正处10万至20万元罚款", "High-risk units must insure; otherwise a deadline and a fine of 50,000–100,000 元, then 100,000–200,000 元", true, aqf("第五十一条、第一百零九条")),
        q("work_injury", ws, "是否依法为从业人员缴纳工伤保险？", "Are employees covered by work-injury insurance as the law requires?", YesNo { good: true }, "依法参加工伤保险；安责险赔偿不影响工伤保险待遇", "Join work-injury insurance; 安责险 claims do not reduce it", false, aqf("第五十一条第一款")),
        q("premium_from_enterprise", ws, "保费是否全部由企业承担、未摊派给从业人员？", "Does the enterprise pay the whole premium, charging none to employees?", YesNo { good: true }, "保费由企业承担，不得以任何方式摊派给从业人员", "The enterprise pays; nothing may be charged to employees", false, c27("第六条")),
        q("env_insured", env, "目前是否已投保环境污染责任保险？", "Is the enterprise insured under pollution liability insurance now?", YesNo { good: true }, "涉重金属、危废、石化等高风险企业应保尽保；危险废物单位依法应当投保", "Heavy-metal, hazardous-waste and petrochemical enterprises are to be fully covered; hazardous-waste handlers must insure", true, c001()),
        q("env_info_sharing", env, "是否配合开展环境风险评估和信息共享？", "Do you take part in environmental risk assessment and information sharing?", YesNo { good: true }, "配合生态环境部门和保险机构开展风险评估、信息共享", "Take part in the risk assessment and information sharing with the regulator and insurer", false, c001()),
        q("standardisation", ws, "安全生产标准化达标等级", "Safety standardisation grade", Standardisation, "提升安全生产标准化等级", "Reach a higher standardisation grade", false, c182("二(五)")),
        q("blacklist", ws, "是否被列入安全生产失信联合惩戒名单(黑名单)？", "Is the enterprise on the joint-punishment blacklist?", YesNo { good: false }, "整改失信行为并申请信用修复，移出黑名单", "Correct the breaches and apply to be removed from the blacklist", true, c182("二(五)")),
        q("hazards_rectified", ws, "排查发现的重大事故隐患是否均已整改？", "Have all major hidden hazards found been rectified?", YesNo { good: true }, "立即整改重大隐患；拒不整改的，下一年度可上浮费率并报告监管部门", "Rectify major hazards now; refusing lets the insurer raise next year's rate and report it", true, c182("二(八)")),
        q("hazard_inspection", ws, "是否定期开展隐患排查治理并建立台账？", "Do you inspect for hidden hazards regularly and keep a register?", YesNo { good: true }, "建立隐患排查治理制度和台账，配合保险机构的隐患排查服务", "Set up regular hazard inspection with a register; use the insurer's inspection service", true, tiering_citation()),
        q("risk_assessment", ws, "是否开展安全风险辨识、评估？", "Do you identify and assess safety risks?", YesNo { good: true }, "开展安全风险辨识评估(大中型高危企业保险机构每年至少提供1次)", "Carry out a risk assessment (insurers owe large and medium high-risk units at least one a year in Jilin)", false, c282("三(三)")),
        q("training", ws, "是否对全体从业人员开展安全生产宣传教育培训？", "Are all employees given safety training?", YesNo { good: true }, "组织全员安全培训，可使用保险机构的培训服务", "Train all employees; the insurer's training service can be used", false, c182("二(八)")),
        q("emergency_drills", ws, "是否制定应急预案并每年开展应急救援演练？", "Do you have an emergency plan and hold a drill every year?", YesNo { good: true }, "制定应急预案并至少每年演练一次", "Write an emergency plan and drill it at least yearly", false, c182("二(九)")),
        q("accident_records", ws, "是否如实记录并报告生产安全事故？", "Are accidents recorded and reported truthfully?", YesNo { good: true }, "建立事故记录并依法如实报告", "Keep accident records and report as the law requires", true, accident::citation()),
        q("all_insured", ws, "是否为全体从业人员按统一保险金额投保？", "Are all employees insured at one uniform sum?", YesNo { good: true }, "全员按统一标准投保，不论用工形式和岗位", "Insure every employee at one sum, whatever the contract or post", false, c27("第十六条")),
        q("continuous_cover", ws, "保险是否连续有效、未退保或延迟续保？", "Is cover continuous, never surrendered or renewed late?", YesNo { good: true }, "按期续保；依法关闭或完全停产前不得退保", "Renew on time; no surrender unless closed or fully stopped", false, c27("第十六条")),
        q("only_other_cover", ws, "是否仅投保了雇主责任险、承运人责任险或建筑团体意外险？", "Do you hold only employer, carrier or construction group accident cover?", YesNo { good: false }, "增加投保或调整投保为安全生产责任保险", "Add or convert to work-safety liability insurance", false, c182("三(三)")),
        q("safety_fund", ws, "是否依法提取安全生产费用？", "Do you set aside the safety production fund as required?", YesNo { good: true }, "依法提取安全生产费用；保费可在其中列支", "Set aside the safety production fund; the premium may be paid from it", false, c27("第六条")),
        q("cooperate_services", ws, "是否配合保险机构的事故预防服务？", "Do you cooperate with the insurer's prevention services?", YesNo { good: true }, "配合事故预防服务并整改评估发现的隐患", "Cooperate with prevention services and fix the hazards they find", false, c182("二(八)")),
        q("occupational_hazards", ws, "从业人员是否接触有毒有害物质或严重职业病危害？", "Are employees exposed to toxic substances or serious occupational-disease hazards?", YesNo { good: false }, "考虑附加职业病保险责任", "Consider adding occupational-disease cover", false, c182("二(一)")),
        q("env_credit", env, "企业环境信用评价等级", "Environmental credit grade", EnvCredit, "改善环境信用评价等级(诚信企业可获费率优惠)", "Improve the environmental credit grade (诚信 enterprises may get rate discounts)", false, c294()),
        q("env_risk_assessment", env, "是否按 HJ 941-2018 完成突发环境事件风险评估？", "Have you assessed environmental incident risk under HJ 941-2018?", YesNo { good: true }, "完成环境风险评估并确定风险等级", "Complete the environmental risk assessment and grade", false, Citation { document: "企业突发环境事件风险分级方法".into(), number: Some("HJ 941-2018".into()), article: None, url: None, host: false }),
        q("env_emergency_plan", env, "是否编制并备案突发环境事件应急预案？", "Is there a filed environmental emergency plan?", YesNo { good: true }, "编制并备案突发环境事件应急预案", "Draft and file an environmental emergency plan", true, Citation { document: "企业突发环境事件风险分级方法".into(), number: Some("HJ 941-2018".into()), article: None, url: None, host: false }),
        // The questions both lines ask, in the environmental line's own words and sources: a pollution
        // incident is not a 生产安全事故, and the work-safety rules are not its law (newcomer review
        // 10.4). Same ids, so answers and links carry across a change of line.
        q("blacklist", env, "是否被列入失信联合惩戒名单(黑名单)？", "Is the enterprise on a joint-punishment (dishonesty) blacklist?", YesNo { good: false }, "整改失信行为并申请信用修复，移出黑名单", "Correct the breaches and apply to be removed from the blacklist", true, c182("二(五)")),
        q("hazards_rectified", env, "排查发现的环境安全隐患是否均已整改？", "Have all environmental hazards found been rectified?", YesNo { good: true }, "立即整改环境安全隐患；本工具借用安责险的做法，拒不整改按上浮费率计", "Rectify environmental hazards now; Baofei borrows the work-safety practice and prices a refusal with a loading", true, c182("二(八)")),
        q("hazard_inspection", env, "是否定期开展突发环境事件隐患排查并建立台账？", "Do you inspect regularly for environmental-incident hazards and keep a register?", YesNo { good: true }, "建立环境安全隐患排查治理制度和台账，配合保险机构的环境风险评估和隐患排查", "Set up regular environmental hazard inspection with a register; use the insurer's risk assessment and inspection", true, c2013()),
        q("training", env, "是否对从业人员开展突发环境事件应急培训？", "Are employees trained for environmental emergencies?", YesNo { good: true }, "组织突发环境事件应急培训", "Train employees for environmental emergencies", false, c2013()),
        q("emergency_drills", env, "是否按应急预案定期开展突发环境事件应急演练？", "Do you drill the environmental emergency plan regularly?", YesNo { good: true }, "按预案定期开展突发环境事件应急演练", "Drill the environmental emergency plan regularly", false, c2013()),
        q("accident_records", env, "发生或可能发生突发环境事件时，是否及时通报并向主管部门报告？", "Do you warn those at risk and report to the authorities when an environmental incident happens or threatens?", YesNo { good: true }, "建立突发环境事件报告制度，及时通报可能受到危害的单位和居民并报告主管部门", "Set up incident reporting: warn those at risk and report to the authorities at once", true, hbf("第四十七条")),
        q("cooperate_services", env, "是否配合保险机构的环境风险评估和隐患排查服务？", "Do you cooperate with the insurer's environmental risk assessment and hazard inspection?", YesNo { good: true }, "配合保险机构的环境风险评估，并整改评估发现的隐患", "Cooperate with the insurer's risk assessment and fix the hazards it finds", false, c2013()),
        q("env_violations", env, "近三年是否受到环境行政处罚？", "Any environmental administrative penalty in the last three years?", YesNo { good: false }, "整改违法行为，避免信用降级", "Correct violations to avoid a credit downgrade", false, c294()),
    ]
}

/// One gap found, with the premium effect of closing it (if it affects pricing).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Gap {
    /// Question id.
    pub question: String,
    /// What to do, Chinese.
    pub fix_zh: String,
    /// What to do, English.
    pub fix_en: String,
    /// Source.
    pub source: Citation,
    /// Where `source` is another place's rule or the other line's: the words shown beside it
    /// ("参照重庆市规定").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<Reference>,
    /// Premium after closing the gap, when it changes pricing, 元.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub premium_after: Option<Decimal>,
    /// premium_after − current premium (negative = saving), 元.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub premium_change: Option<Decimal>,
}

/// Result of a self-assessment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Assessment {
    /// Overall tier: the worse of the quote's tier and the questionnaire's.
    pub tier: RiskTier,
    /// Questions answered.
    pub answered: usize,
    /// Gaps, the ones that lower the premium most first.
    pub gaps: Vec<Gap>,
    /// At the band's cap, where no one fix moves the premium: the fixes together and what they save.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub combined: Option<NextStep>,
}

/// Checks answers given through an API: every key is a question id and every value one the question
/// accepts (`yes`/`no`, a standardisation grade, an environmental credit grade; empty = not answered).
/// A misspelt id or a "YES" would otherwise be counted as answered and change nothing (integrator
/// review 9). Errors sit at `answers.<id>`.
pub fn validate_answers(answers: &SortedMap<String, String>) -> Result<(), crate::error::Errors> {
    use crate::error::{quoted, ErrorCode, FieldError};
    let qs = questions();
    let mut errs = Vec::new();
    for (id, v) in answers {
        let field = format!("answers.{id}");
        let Some(q) = qs.iter().find(|q| q.id == id.as_str()) else {
            let ids: Vec<&str> = qs.iter().map(|q| q.id).collect();
            errs.push(FieldError::new(
                field,
                ErrorCode::Unknown,
                format!("未知的自评问题: {}", quoted(id)),
                format!(
                    "The self-assessment has no question {} (questions: {})",
                    quoted(id),
                    ids.join(", ")
                ),
            ));
            continue;
        };
        let allowed: &[&str] = match q.kind {
            AnswerKind::YesNo { .. } => &["yes", "no"],
            AnswerKind::Standardisation => &StandardisationGrade::KEYS,
            AnswerKind::EnvCredit => &EnvCreditGrade::KEYS,
        };
        if !v.is_empty() && !allowed.contains(&v.as_str()) {
            errs.push(FieldError::new(
                field,
                ErrorCode::Invalid,
                format!(
                    "自评问题“{}”的回答 {} 无效(可选: {})",
                    q.zh,
                    quoted(v),
                    allowed.join("、")
                ),
                format!(
                    "The answer {} to \"{}\" is not one of: {}",
                    quoted(v),
                    q.en,
                    allowed.join(", ")
                ),
            ));
        }
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(crate::error::Errors(errs))
    }
}

/// Applies the answers that change rating inputs (grades, blacklist, rectification) to the input.
pub fn apply_answers(input: &QuoteInput, answers: &SortedMap<String, String>) -> QuoteInput {
    let mut i = input.clone();
    if let Some(g) = answers.get("standardisation").filter(|g| !g.is_empty()) {
        i.standardisation = g.clone();
    }
    if let Some(a) = answers.get("blacklist") {
        i.blacklisted = a == "yes";
    }
    if let Some(a) = answers.get("hazards_rectified") {
        i.refused_rectification = a == "no";
    }
    if let Some(g) = answers.get("env_credit").filter(|g| !g.is_empty()) {
        i.env_credit_grade = g.clone();
    }
    i
}

/// The self-assessment of a validated enterprise against its full quote (with next steps, which
/// price each gap once): answers that reveal a gap, the tier they imply, what closing each would do.
/// [`crate::quote::assess`] composes it with quoting.
pub fn evaluate(
    st: &Statutes,
    e: &Enterprise,
    current: &Quote,
    answers: &SortedMap<String, String>,
) -> Assessment {
    let mut gaps = Vec::new();
    let mut tier = current.risk_tier;
    let mut answered = 0;
    let mut minor = 0;
    let chain = st.chain(&e.region);
    for q in questions()
        .into_iter()
        .filter(|q| q.line.is_none_or(|l| l == e.line))
    {
        let Some(a) = answers.get(q.id).filter(|a| !a.is_empty()) else {
            continue;
        };
        answered += 1;
        // Whether the answer is a gap, and the quote's own priced next step that closes it (the
        // engine prices each improvement once, in `guidance::next_steps`).
        let step = |id: &str| current.next_steps.iter().find(|s| s.id == id);
        let (risky, priced) = match q.kind {
            AnswerKind::YesNo { good } => {
                let priced = match q.id {
                    "blacklist" => step("leave_blacklist"),
                    "hazards_rectified" => step("rectify_hazards"),
                    _ => None,
                };
                ((a == "yes") != good, priced)
            }
            AnswerKind::Standardisation => (
                e.standardisation != StandardisationGrade::Grade1,
                step("standardisation"),
            ),
            AnswerKind::EnvCredit => (
                matches!(
                    e.env_credit_grade,
                    Some(EnvCreditGrade::Poor | EnvCreditGrade::Warning | EnvCreditGrade::Good)
                ),
                step("env_credit"),
            ),
        };
        if !risky {
            continue;
        }
        if q.severe {
            tier = RiskTier::High;
        } else {
            minor += 1;
        }
        // A grade question names its target, as the priced next step does ("达到安全生产标准化三级").
        let named = priced
            .filter(|_| matches!(q.kind, AnswerKind::Standardisation | AnswerKind::EnvCredit));
        gaps.push(Gap {
            question: q.id.into(),
            fix_zh: named.map_or_else(|| q.fix_zh.into(), |s| s.zh.clone()),
            fix_en: named.map_or_else(|| q.fix_en.into(), |s| s.en.clone()),
            reference: st.reference_for(&chain, e.line, &q.source),
            source: q.source,
            premium_after: priced.map(|s| s.premium_after),
            premium_change: priced.map(|s| s.premium_change),
        });
    }
    if minor >= 3 && tier == RiskTier::Low {
        tier = RiskTier::Medium;
    }
    let change = |g: &Gap| g.premium_change.unwrap_or(Decimal::ZERO);
    crate::sort::sort_small_by(&mut gaps, |a, b| change(a) < change(b));
    let combined = (!gaps.is_empty())
        .then(|| {
            current
                .next_steps
                .iter()
                .find(|s| s.id == "combined")
                .cloned()
        })
        .flatten();
    Assessment {
        tier,
        answered,
        gaps,
        combined,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn question_ids_are_the_questionnaires() {
        let mut asked: Vec<&str> = super::questions().iter().map(|q| q.id).collect();
        asked.sort_unstable();
        asked.dedup();
        let mut listed = super::QUESTION_IDS.to_vec();
        listed.sort_unstable();
        assert_eq!(asked, listed);
    }
}
