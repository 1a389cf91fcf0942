//! Baofei's JavaScript API. Only this crate exports `#[wasm_bindgen]` functions for embedders and
//! handles `JsValue`; everything it returns comes from `baofei-core`.
//!
//! Decimals cross the boundary as strings. Failures throw an `Error` whose `errors` property is an
//! array of `{code, field, message_zh, message_en}`.

use baofei_core::assess::{apply_answers, questions as core_questions};
use baofei_core::domain::Line;
use baofei_core::map::SortedMap;
use baofei_core::pricing::obligation::obligation_of;
use baofei_core::quote::assess as core_assess;
use baofei_core::{Date, ErrorCode, Errors, FieldError, QuoteInput, Rules};
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** A region id as the shipped rules list them (`regions()`), or a city a host's local rules add (any other string). */
export type RegionId = "national" | "beijing" | "tianjin" | "hebei" | "shanxi" | "inner_mongolia" | "liaoning" | "jilin" | "heilongjiang" | "shanghai" | "jiangsu" | "jiangsu_wuxi" | "jiangsu_suzhou" | "zhejiang" | "anhui" | "anhui_fuyang" | "fujian" | "jiangxi" | "shandong" | "henan" | "hubei" | "hunan" | "guangdong" | "guangdong_zhongshan" | "guangdong_meizhou" | "guangxi" | "hainan" | "chongqing" | "sichuan" | "guizhou" | "yunnan" | "tibet" | "shaanxi" | "gansu" | "qinghai" | "ningxia" | "xinjiang" | (string & {});
/** Decimal amounts and counts are strings ("400000", "0.45"); counts may also be integers. The fields both lines take. */
export interface QuoteInputBase {
  as_of: string; region: RegionId; sector: string;
  employees?: string | number; annual_revenue?: string; size_class?: "" | "large" | "medium" | "small" | "micro";
  contract_value?: string; tonnage?: string; vehicles?: string | number; seats?: string | number;
  high_risk_project?: boolean; metro?: boolean; per_person_limit?: string; aggregate_limit?: string;
  /** Accidents by year, the most recent first: [0] is the last year, [1] the year before, [2] the one before that (at most three). */
  history?: HistoryYear[]; standardisation?: "grade1" | "grade2" | "grade3" | "none";
  blacklisted?: boolean; refused_rectification?: boolean; loss_ratio?: string;
  other_cover?: "" | "employer_liability" | "carrier_liability" | "construction_group_accident"; risk_deposit?: boolean;
}
/** 安责险: the environmental grades do not apply (empty or absent). */
export interface WorkSafetyInput extends QuoteInputBase { line: "work_safety"; env_risk_grade?: ""; env_credit_grade?: "" }
/** 环责险: the environmental risk grade and credit grade are required. */
export interface EnvironmentalInput extends QuoteInputBase { line: "environmental";
  env_risk_grade: "general" | "larger" | "major"; env_credit_grade: "trustworthy" | "good" | "warning" | "poor" }
/** One enterprise, keyed on `line`, so the compiler checks the environmental grades that line requires. */
export type QuoteInput = WorkSafetyInput | EnvironmentalInput;
/** One year of the accident record: counts by grade (一般 ordinary, 较大 larger, 重大 serious, 特别重大 especially serious), or the facts of each accident, from which the engine derives the grade. */
export interface HistoryYear {
  ordinary?: string | number; larger?: string | number; serious?: string | number; especially_serious?: string | number;
  deaths?: string | number; accidents?: { deaths?: string | number; serious_injuries?: string | number; direct_loss?: string }[];
}
export interface Citation { document: string; number?: string; article?: string; url?: string;
  /** Supplied by the site's host in a local-rules file (由本站提供), not shipped with Baofei. */
  host?: true }
export interface Message { code: string; zh: string; en: string; source?: Citation; field?: string }
/** Where a borrowed rule comes from: "参照阜阳市规定" / "reference: Fuyang". */
export interface Reference { zh: string; en: string }
export interface Step { id: string; label_zh: string; label_en: string; parameter: string; parameter_zh: string; value: string; value_zh?: string; source?: Citation; illustrative: boolean; note?: string; note_zh?: string; reference?: Reference;
  /** A floating factor's value (read figures here, never from the prose of value or parameter). */
  factor?: string; choice_zh?: string; choice_en?: string }
export interface Quote {
  engine_version: string; statutes_version: string; pack: string; as_of: string; region: RegionId;
  line: "work_safety" | "environmental"; sector: string;
  obligation: { level: "encouraged" | "expected" | "compulsory"; basis: Message[]; penalty?: Message };
  limits: { minimum_per_person: string | null; minimum_source?: Citation; minimum_from?: string; requested_per_person?: string; per_person: string | null; aggregate: string | null; below_minimum: boolean };
  guided_premium: string; premium: string; premium_low: string; premium_high: string;
  band: { low: string; high: string; kind: "normal" | "loaded" | "clean"; raw_factor: string; factor: string; clamped: boolean; source: Citation; illustrative: boolean; reference?: Reference };
  prevention: { min_ratio: string | null; min_amount: string | null; max_ratio: string | null; max_amount: string | null; sources: Citation[];
    services: { id: string; name_zh: string; name_en: string; per_year: number; source: Citation; illustrative: boolean }[] };
  risk_tier: "low" | "medium" | "high"; trace: Step[]; warnings: Message[]; assumptions: Message[]; illustrative: boolean;
  notes: Message[]; next_steps: { id: string; zh: string; en: string; premium_after: string; premium_change: string; source?: Citation; reference?: Reference }[];
}
export interface BaofeiError { code: string; field: string; message_zh: string; message_en: string }
/** What every thrown error carries. */
/** What still holds when a quote cannot be computed (a missing premium basis, a bad number). */
export interface Known {
  obligation: { level: "encouraged" | "expected" | "compulsory"; basis: Message[]; penalty?: Message };
  minimum_per_person: string | null; minimum_source?: Citation; minimum_from?: string;
  prevention: { min_ratio: string | null; min_amount: null; max_ratio: string | null; max_amount: null; sources: Citation[];
    services: { id: string; name_zh: string; name_en: string; per_year: number; source: Citation; illustrative: boolean }[] };
  /** Services owed only for some sizes or risk tiers: listed once the quote can be priced. */
  services_pending: number;
}
export interface BaofeiException extends Error { errors: BaofeiError[]; known?: Known }
/** Whether a caught value is a Baofei error (narrows `unknown` in a catch clause). */
export function isBaofeiError(e: unknown): e is BaofeiException;
export interface Assessment { tier: "low" | "medium" | "high"; answered: number;
  gaps: { question: string; fix_zh: string; fix_en: string; source: Citation; reference?: Reference; premium_after: string | null; premium_change: string | null }[];
  /** At the band's cap, where no one fix moves the premium: the fixes together. */
  combined?: { id: "combined"; zh: string; en: string; premium_after: string; premium_change: string; source?: Citation } }
export interface SectorInfo { id: string; group_zh: string; group_en: string; name_zh: string; name_en: string;
  /** What the rate multiplies: the input field the sector needs (`employees` for headcount, `contract_value`, …). */
  basis: "headcount" | "contract_value" | "tonnage" | "vehicles" | "seats" | "aggregate_limit";
  obligation: "encouraged" | "expected" | "compulsory"; basis_rules: Message[]; penalty?: Message }
export interface PackReport { ok: boolean; id?: string; version?: string;
  /** Paths in the pack (`size_factors.national`, `rates.work_safety.regions.hunan`) that still hold illustrative values: a quote using one says so. */
  illustrative: string[]; errors: BaofeiError[] }
/** What `validateLocalRules` says of a host's local-rules file: every problem at once, at its path. */
export interface LocalRulesReport { ok: boolean; region?: string; errors: BaofeiError[] }
/** `createQuoter`'s options: an insurer's pack and a host's local rules (each an object or JSON text). */
export interface QuoterOptions { pack?: object | string; localRules?: object | string }
/** A self-assessment question; `kind` says which answers it takes (assess() refuses any other). */
export interface Question { id: string; line: "work_safety" | "environmental" | null; zh: string; en: string;
  kind: { yes_no: { good: boolean } } | "standardisation" | "env_credit";
  fix_zh: string; fix_en: string; severe: boolean; source: Citation }
/** A region: a province, or a city under its province (`parent`). `local_rules`: the data hold rules of its own. */
export interface RegionInfo { id: RegionId; name_zh: string; name_en: string; parent?: string; local_rules: boolean }
/** An insurer's 安责险 offer as the enterprise reads it. Empty or absent means "not stated". Amounts in 元. */
export interface OfferInput {
  insurer?: string; start?: string; end?: string; premium?: string | number;
  per_person_limit?: string | number; aggregate_limit?: string | number; per_accident_limit?: string | number;
  insured?: string | number; uniform?: "" | "yes" | "no";
  covers?: ("employee_injury" | "third_party_injury" | "third_party_property" | "rescue" | "medical" | "appraisal" | "litigation")[];
  /** Service ids as in the quote's prevention.services. */
  services?: { id: string; per_year: string | number }[];
  written?: "" | "yes" | "no"; prevention_spend?: string | number;
  /** Percent of premium: "4" or "4%". */
  commission?: string | number;
  payer?: "" | "enterprise" | "employees" | "shared"; lapse?: "" | "yes" | "no";
}
export type Verdict = "meets" | "fails" | "unclear";
export interface OfferCheckItem { id: string; verdict: Verdict; /** A legal requirement; false for the indicative premium comparison. */ legal: boolean;
  zh: string; en: string; sources: Citation[]; reference?: Reference; question_zh?: string; question_en?: string }
export interface OfferCheck { verdict: Verdict; legal_failures: number; summary_zh: string; summary_en: string; insurer: string;
  start: string; end?: string; premium: string | null; implied_float: string | null; checks: OfferCheckItem[]; quote: Quote }
/** One offer in a comparison: its own check, where it sits in its band (0 floor, 1 cap), its premium over our estimate
 *  (0.30 = 30% above), its premium per 10,000 CNY of per-person limit, and one plain sentence. */
export interface ComparedOffer { index: number; rank: number; check: OfferCheck; band_position: string | null; implied_loading: string | null;
  cost_per_wan: string | null; sentence_zh: string; sentence_en: string }
/** A row of the comparison table: one cell per offer (input order); `best` holds the input indices of the best value
 *  among the offers that fail no legal requirement. */
export interface ComparisonRow { id: "verdict" | "premium" | "band_position" | "implied_loading" | "per_person_limit" | "aggregate_limit" |
  "cost_per_wan" | "term" | "covered_items" | "services" | "prevention_fund" | "commission" | "payer";
  label_zh: string; label_en: string; cells_zh: string[]; cells_en: string[]; best: number[] }
/** One to four offers compared: `ranking` lists input indices best first (lawful always before unlawful). */
export interface Comparison { offers: ComparedOffer[]; ranking: number[]; rows: ComparisonRow[]; notes_zh: string[]; notes_en: string[] }
export interface Renewal { year: 1 | 2 | 3; start: string; premium: string; band: "normal" | "loaded" | "clean" }
export interface OutlookScenario { id: "none" | "ordinary" | "larger"; label_zh: string; label_en: string; renewals: Renewal[];
  sentence_zh: string; sentence_en: string }
/** The next three renewals under today's rules: no accident, or one 一般 or 较大 accident next year. */
export interface Outlook { rules_date: string; today: string; scenarios: OutlookScenario[]; note_zh: string; note_en: string }
"#;

thread_local! {
    /// The reference rules, loaded once.
    static REFERENCE: Result<Rc<Rules>, Errors> = Ok(Rc::new(baofei_rules::load_packed()));
    /// The rules in use: the reference pack or one passed to `loadPack`.
    static ACTIVE: RefCell<Option<Rc<Rules>>> = const { RefCell::new(None) };
}

fn reference() -> Result<Rc<Rules>, Errors> {
    REFERENCE.with(|r| r.clone())
}

fn active() -> Result<Rc<Rules>, Errors> {
    match ACTIVE.with(|a| a.borrow().clone()) {
        Some(r) => Ok(r),
        None => reference(),
    }
}

fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

/// A thrown `Error` whose `errors` property lists every problem.
fn throw(errs: &Errors) -> JsValue {
    let first = errs
        .0
        .first()
        .map(|e| format!("{}: {}", e.field, e.message_en))
        .unwrap_or_default();
    let err = js_sys::Error::new(&first);
    err.set_name("BaofeiError");
    let list = to_js(&errs.0).unwrap_or(JsValue::NULL);
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("errors"), &list);
    err.into()
}

/// Attaches what still holds to a thrown error (`error.known`): the compulsory status, legal basis,
/// penalty, legal minimum and prevention rules do not depend on the field that failed.
fn with_known(err: JsValue, known: Option<baofei_core::output::Known>) -> JsValue {
    if let Some(k) = known.and_then(|k| to_js(&k).ok()) {
        let _ = js_sys::Reflect::set(&err, &JsValue::from_str("known"), &k);
    }
    err
}

fn input_error(what: &str, e: impl std::fmt::Display) -> Errors {
    Errors::one(FieldError::new(
        what,
        ErrorCode::Invalid,
        format!("输入格式不正确: {e}"),
        format!("malformed {what}: {e}"),
    ))
}

/// A caller's value as JSON text. Nothing the caller passes is walked by Rust: `JSON.stringify` runs
/// in JavaScript, where a cycle, a BigInt or absurd nesting throws a JS error that is caught here, and
/// the engine's reader then reads the text within its limits (nesting, length). Walking a `JsValue` recursively
/// from wasm overflowed the stack on deep nesting and, after a few calls, broke the instance for good
/// (security review F3).
fn json_text(v: &JsValue, what: &str) -> Result<String, Errors> {
    if v.is_undefined() || v.is_null() || v.is_function() || v.is_symbol() {
        return Err(input_error(what, "expected an object"));
    }
    let text = js_sys::JSON::stringify(v).map_err(|_| {
        input_error(
            what,
            "not JSON-serialisable (a cycle, a BigInt or nesting too deep)",
        )
    })?;
    // Measured in JavaScript before anything is copied into wasm memory, which never shrinks
    // (security review N3: a 100 MB region held 736 MiB for good).
    if text.length() > MAX_JSON_UNITS {
        return Err(input_error(
            what,
            format!("too large: more than {MAX_JSON_UNITS} characters of JSON"),
        ));
    }
    text.as_string().ok_or_else(|| {
        input_error(
            what,
            "not JSON-serialisable (a cycle, a BigInt or nesting too deep)",
        )
    })
}

/// The most JSON text (UTF-16 code units) one call reads: an input, an offer or an answer set is a
/// few kilobytes; packs have their own 1 MiB cap.
const MAX_JSON_UNITS: u32 = 256 * 1024;

/// The longest string argument (a region or line id, a language): ids are a few dozen characters.
const MAX_ARG_UNITS: u32 = 256;

/// Reads the caller's enterprise strictly, every bad field at once at its path
/// (`baofei_core::input::read`).
fn parse_input(input: JsValue) -> Result<QuoteInput, JsValue> {
    json_text(&input, "input")
        .and_then(|t| baofei_core::input::read::quote_input(&t))
        .map_err(|e| throw(&e))
}

/// A string argument, or a field error naming it (wasm-bindgen's own `&str` conversion traps on a
/// number or an object instead of throwing).
fn string_arg(v: &JsValue, field: &str) -> Result<String, JsValue> {
    if let Some(s) = v.dyn_ref::<js_sys::JsString>() {
        if s.length() > MAX_ARG_UNITS {
            return Err(throw(&Errors::one(FieldError::new(
                field,
                ErrorCode::TooLarge,
                format!("{field} 过长(最多 {MAX_ARG_UNITS} 个字符)"),
                format!("{field} is too long (at most {MAX_ARG_UNITS} characters)"),
            ))));
        }
    }
    v.as_string().ok_or_else(|| {
        throw(&Errors::one(FieldError::new(
            field,
            ErrorCode::Invalid,
            format!("{field} 须为字符串"),
            format!("{field} must be a string"),
        )))
    })
}

/// Quotes one enterprise with the active rules.
#[wasm_bindgen(unchecked_return_type = "Quote")]
pub fn quote(
    #[wasm_bindgen(unchecked_param_type = "QuoteInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    quote_in(&*active().map_err(|e| throw(&e))?, input)
}

fn quote_in(rules: &Rules, input: JsValue) -> Result<JsValue, JsValue> {
    let input = parse_input(input)?;
    let q = baofei_core::quote(rules, &input)
        .map_err(|e| with_known(throw(&e), baofei_core::quote::known(rules, &input)))?;
    to_js(&q)
}

/// Checks an insurer's offer for the enterprise `input` against the law in force on the offer's start
/// date and against the estimate for the cover offered (see `OfferCheck`). Throws with every bad
/// field of either, each at its field (`offer.premium`, `employees`...).
#[wasm_bindgen(js_name = checkOffer, unchecked_return_type = "OfferCheck")]
pub fn check_offer(
    #[wasm_bindgen(unchecked_param_type = "QuoteInput")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "OfferInput")] offer: JsValue,
) -> Result<JsValue, JsValue> {
    check_offer_in(&*active().map_err(|e| throw(&e))?, input, offer)
}

fn check_offer_in(rules: &Rules, input: JsValue, offer: JsValue) -> Result<JsValue, JsValue> {
    let input = parse_input(input)?;
    let offer = json_text(&offer, "offer")
        .and_then(|t| baofei_core::offer::from_json::offer_input(&t))
        .map_err(|e| throw(&e))?;
    let c = baofei_core::offer::check_offer(rules, &input, &offer).map_err(|e| throw(&e))?;
    to_js(&c)
}

/// Compares one to four offers for the enterprise `input` (see `Comparison`): each checked as
/// `checkOffer` does, then ranked and tabled. Throws with every bad field, an offer's at
/// `offers.<n>.<field>`.
#[wasm_bindgen(js_name = compareOffers, unchecked_return_type = "Comparison")]
pub fn compare_offers(
    #[wasm_bindgen(unchecked_param_type = "QuoteInput")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "OfferInput[]")] offers: JsValue,
) -> Result<JsValue, JsValue> {
    compare_offers_in(&*active().map_err(|e| throw(&e))?, input, offers)
}

fn compare_offers_in(rules: &Rules, input: JsValue, offers: JsValue) -> Result<JsValue, JsValue> {
    let input = parse_input(input)?;
    let offers = json_text(&offers, "offers")
        .and_then(|t| baofei_core::offer::from_json::offer_inputs(&t))
        .map_err(|e| throw(&e))?;
    let c = baofei_core::offer::compare_offers(rules, &input, &offers).map_err(|e| throw(&e))?;
    to_js(&c)
}

/// What the next three renewals cost (see `Outlook`), under the rules in force on the input's date.
#[wasm_bindgen(unchecked_return_type = "Outlook")]
pub fn outlook(
    #[wasm_bindgen(unchecked_param_type = "QuoteInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    outlook_in(&*active().map_err(|e| throw(&e))?, input)
}

fn outlook_in(rules: &Rules, input: JsValue) -> Result<JsValue, JsValue> {
    let input = parse_input(input)?;
    let o = baofei_core::outlook::outlook(rules, &input).map_err(|e| throw(&e))?;
    to_js(&o)
}

/// Self-assessment: the quote with the answers applied, the risk tier, and each gap priced.
/// `answers` maps question ids (see `questions`) to "yes", "no" or a grade.
#[wasm_bindgen(unchecked_return_type = "{ quote: Quote; assessment: Assessment }")]
pub fn assess(
    #[wasm_bindgen(unchecked_param_type = "QuoteInput")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Record<string, string>")] answers: JsValue,
) -> Result<JsValue, JsValue> {
    assess_in(&*active().map_err(|e| throw(&e))?, input, answers)
}

fn assess_in(rules: &Rules, input: JsValue, answers: JsValue) -> Result<JsValue, JsValue> {
    let input = parse_input(input)?;
    let answers: SortedMap<String, String> = if answers.is_undefined() || answers.is_null() {
        SortedMap::new()
    } else {
        json_text(&answers, "answers")
            .and_then(|t| baofei_core::input::read::answers(&t))
            .map_err(|e| throw(&e))?
            .into_iter()
            .collect()
    };
    baofei_core::assess::validate_answers(&answers).map_err(|e| throw(&e))?;
    let applied = apply_answers(&input, &answers);
    let (q, a) = core_assess(rules, &applied, &answers)
        .map_err(|e| with_known(throw(&e), baofei_core::quote::known(rules, &applied)))?;
    #[derive(Serialize)]
    struct Out<'a> {
        quote: &'a baofei_core::Quote,
        assessment: &'a baofei_core::assess::Assessment,
    }
    to_js(&Out {
        quote: &q,
        assessment: &a,
    })
}

/// The questionnaire, in display order.
#[wasm_bindgen(unchecked_return_type = "Question[]")]
pub fn questions() -> Result<JsValue, JsValue> {
    to_js(&core_questions())
}

/// The sectors of a line, each with its compulsory status in `region` on `date` (YYYY-MM-DD).
#[wasm_bindgen(unchecked_return_type = "SectorInfo[]")]
pub fn sectors(
    #[wasm_bindgen(unchecked_param_type = "RegionId")] region: JsValue,
    #[wasm_bindgen(unchecked_param_type = "\"work_safety\" | \"environmental\"")] line: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
) -> Result<JsValue, JsValue> {
    let (region, line, date) = (
        string_arg(&region, "region")?,
        string_arg(&line, "line")?,
        string_arg(&date, "date")?,
    );
    sectors_in(&*active().map_err(|e| throw(&e))?, &region, &line, &date)
}

fn sectors_in(rules: &Rules, region: &str, line: &str, date: &str) -> Result<JsValue, JsValue> {
    let st = rules.statutes();
    let bad = |field: &str, zh: &str, en: String| {
        throw(&Errors::one(FieldError::new(
            field,
            ErrorCode::Unknown,
            zh,
            en,
        )))
    };
    if !st.regions.iter().any(|r| r.id == region) {
        return Err(bad(
            "region",
            "未知地区",
            format!("unknown region {region:?}"),
        ));
    }
    let Some(line) = Line::from_key(line) else {
        return Err(bad("line", "未知险种", format!("unknown line {line:?}")));
    };
    let Some(day) = Date::parse(date) else {
        return Err(throw(&Errors::one(FieldError::new(
            "date",
            ErrorCode::Invalid,
            "日期格式应为 YYYY-MM-DD",
            "date must be YYYY-MM-DD",
        ))));
    };
    #[derive(Serialize)]
    struct Info<'a> {
        id: &'a str,
        group_zh: &'a str,
        group_en: &'a str,
        name_zh: &'a str,
        name_en: &'a str,
        basis: baofei_core::domain::PremiumBasis,
        obligation: baofei_core::domain::Obligation,
        basis_rules: Vec<baofei_core::output::Message>,
        #[serde(skip_serializing_if = "Option::is_none")]
        penalty: Option<baofei_core::output::Message>,
    }
    let chain = st.chain(region);
    let out: Vec<Info<'_>> = st
        .sectors
        .iter()
        .filter(|s| s.line == line)
        .map(|s| {
            let o = obligation_of(st, &chain, s, day);
            Info {
                id: &s.id,
                group_zh: &s.group_zh,
                group_en: &s.group_en,
                name_zh: &s.name_zh,
                name_en: &s.name_en,
                basis: s.basis,
                obligation: o.level,
                basis_rules: o.basis,
                penalty: o.penalty,
            }
        })
        .collect();
    to_js(&out)
}

fn pack_text(pack: &JsValue) -> Result<String, Errors> {
    match pack.as_string() {
        Some(s) => Ok(s),
        // undefined, a function or a Symbol stringify to undefined: an error, never an unwrap.
        None => json_text(pack, "pack"),
    }
}

fn check_pack(pack: &JsValue) -> Result<Rules, Errors> {
    let pack = baofei_rules::parse_pack(&pack_text(pack)?)?;
    reference()?.with_pack(pack)
}

#[derive(Serialize)]
struct PackReport {
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<String>,
    /// Where the pack still holds illustrative values (`PricingPack::illustrative_tables`): the tables
    /// that keep a quote illustrative until the insurer puts its filed figures there.
    illustrative: Vec<String>,
    errors: Vec<FieldError>,
}

fn report(r: &Result<Rules, Errors>) -> PackReport {
    match r {
        Ok(rules) => PackReport {
            ok: true,
            id: Some(rules.pack().meta.id.clone()),
            version: Some(rules.pack().meta.version.clone()),
            illustrative: rules.pack().illustrative_tables(),
            errors: vec![],
        },
        Err(e) => PackReport {
            ok: false,
            id: None,
            version: None,
            illustrative: vec![],
            errors: e.0.clone(),
        },
    }
}

/// Checks a pricing pack (object or JSON text) without using it. Never throws for a bad pack: the
/// report lists every problem with its path in the pack.
#[wasm_bindgen(js_name = validatePack, unchecked_return_type = "PackReport")]
pub fn validate_pack(
    #[wasm_bindgen(unchecked_param_type = "object | string")] pack: JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&report(&check_pack(&pack)))
}

/// Validates a pricing pack and, if valid, uses it for every later call. A pack can change prices and
/// labels, never the statutory floors and caps. Throws (with `errors`) if invalid; the active pack is
/// then unchanged.
#[wasm_bindgen(js_name = loadPack, unchecked_return_type = "PackReport")]
pub fn load_pack(
    #[wasm_bindgen(unchecked_param_type = "object | string")] pack: JsValue,
) -> Result<JsValue, JsValue> {
    let rules = check_pack(&pack).map_err(|e| throw(&e))?;
    let rep = report(&Ok(rules.clone()));
    ACTIVE.with(|a| *a.borrow_mut() = Some(Rc::new(rules)));
    to_js(&rep)
}

/// The regions the rules know, in display order: id, names and the province a city sits in
/// (`parent`), and whether the data hold rules of its own (`local_rules`; otherwise the national
/// rules apply).
#[wasm_bindgen(unchecked_return_type = "RegionInfo[]")]
pub fn regions() -> Result<JsValue, JsValue> {
    let rules = active().map_err(|e| throw(&e))?;
    let st = rules.statutes();
    #[derive(Serialize)]
    struct Info<'a> {
        id: &'a str,
        name_zh: &'a str,
        name_en: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        parent: Option<&'a str>,
        local_rules: bool,
    }
    let out: Vec<Info<'_>> = st
        .regions
        .iter()
        .map(|r| Info {
            id: &r.id,
            name_zh: &r.name_zh,
            name_en: &r.name_en,
            parent: r.parent.as_deref(),
            local_rules: st.local_rules_any(&st.chain(&r.id)),
        })
        .collect();
    to_js(&out)
}

/// The two lines: `work_safety` (安责险) and `environmental` (环责险), with their names.
#[wasm_bindgen(
    unchecked_return_type = "{ id: \"work_safety\" | \"environmental\"; name_zh: string; name_en: string }[]"
)]
pub fn lines() -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Info {
        id: &'static str,
        name_zh: &'static str,
        name_en: &'static str,
    }
    to_js(&[
        Info {
            id: "work_safety",
            name_zh: "安全生产责任保险(安责险)",
            name_en: "work-safety liability insurance",
        },
        Info {
            id: "environmental",
            name_zh: "环境污染责任保险(环责险)",
            name_en: "environmental pollution liability insurance",
        },
    ])
}

/// A quoter bound to one pricing pack: two insurers' packs can quote side by side on one page, with no
/// global state between them (integrator review 7). Made by `createQuoter`.
#[wasm_bindgen]
pub struct Quoter {
    rules: Rc<Rules>,
}

#[wasm_bindgen]
impl Quoter {
    /// Quotes one enterprise with this quoter's pack.
    #[wasm_bindgen(unchecked_return_type = "Quote")]
    pub fn quote(
        &self,
        #[wasm_bindgen(unchecked_param_type = "QuoteInput")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        quote_in(&self.rules, input)
    }

    /// Self-assessment with this quoter's pack.
    #[wasm_bindgen(unchecked_return_type = "{ quote: Quote; assessment: Assessment }")]
    pub fn assess(
        &self,
        #[wasm_bindgen(unchecked_param_type = "QuoteInput")] input: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Record<string, string>")] answers: JsValue,
    ) -> Result<JsValue, JsValue> {
        assess_in(&self.rules, input, answers)
    }

    /// Checks an offer against the law and this quoter's estimate.
    #[wasm_bindgen(js_name = checkOffer, unchecked_return_type = "OfferCheck")]
    pub fn check_offer(
        &self,
        #[wasm_bindgen(unchecked_param_type = "QuoteInput")] input: JsValue,
        #[wasm_bindgen(unchecked_param_type = "OfferInput")] offer: JsValue,
    ) -> Result<JsValue, JsValue> {
        check_offer_in(&self.rules, input, offer)
    }

    /// Compares one to four offers against the law and this quoter's estimates.
    #[wasm_bindgen(js_name = compareOffers, unchecked_return_type = "Comparison")]
    pub fn compare_offers(
        &self,
        #[wasm_bindgen(unchecked_param_type = "QuoteInput")] input: JsValue,
        #[wasm_bindgen(unchecked_param_type = "OfferInput[]")] offers: JsValue,
    ) -> Result<JsValue, JsValue> {
        compare_offers_in(&self.rules, input, offers)
    }

    /// The next three renewals under this quoter's rates.
    #[wasm_bindgen(unchecked_return_type = "Outlook")]
    pub fn outlook(
        &self,
        #[wasm_bindgen(unchecked_param_type = "QuoteInput")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        outlook_in(&self.rules, input)
    }

    /// The sectors of a line with their compulsory status in `region` on `date`.
    #[wasm_bindgen(unchecked_return_type = "SectorInfo[]")]
    pub fn sectors(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RegionId")] region: JsValue,
        #[wasm_bindgen(unchecked_param_type = "\"work_safety\" | \"environmental\"")] line: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (region, line, date) = (
            string_arg(&region, "region")?,
            string_arg(&line, "line")?,
            string_arg(&date, "date")?,
        );
        sectors_in(&self.rules, &region, &line, &date)
    }

    /// The pack's id and version.
    #[wasm_bindgen(getter)]
    pub fn pack(&self) -> String {
        let m = &self.rules.pack().meta;
        format!("{}@{}", m.id, m.version)
    }
}

/// A quoter for a pack (object or JSON text; the reference pack when omitted), or for
/// `{ pack, localRules }`: an insurer's pack and a host's local-rules file (issue 33), whose place's
/// rules then win there. Throws (with `errors`, every problem at its path) if either is refused; a
/// refused local-rules file never quotes. The module-level functions stay as the shortcut for the
/// active pack.
#[wasm_bindgen(js_name = createQuoter)]
pub fn create_quoter(
    #[wasm_bindgen(unchecked_optional_param_type = "object | string | QuoterOptions")] arg: Option<
        JsValue,
    >,
) -> Result<Quoter, JsValue> {
    let arg = arg.filter(|p| !p.is_undefined() && !p.is_null());
    // Options are an object with `pack` or `localRules` and no `meta` (a pack always has `meta`).
    let has =
        |a: &JsValue, k: &str| js_sys::Reflect::has(a, &JsValue::from_str(k)).unwrap_or(false);
    let (pack, local) = match arg {
        Some(a)
            if a.is_object() && !has(&a, "meta") && (has(&a, "pack") || has(&a, "localRules")) =>
        {
            let get = |k: &str| {
                js_sys::Reflect::get(&a, &JsValue::from_str(k))
                    .ok()
                    .filter(|v| !v.is_undefined() && !v.is_null())
            };
            (get("pack"), get("localRules"))
        }
        other => (other, None),
    };
    let rules = match pack {
        None => reference().map_err(|e| throw(&e))?,
        Some(p) => Rc::new(check_pack(&p).map_err(|e| throw(&e))?),
    };
    let rules = match local {
        None => rules,
        Some(l) => Rc::new(with_local_rules(&rules, &l).map_err(|e| throw(&e))?),
    };
    Ok(Quoter { rules })
}

/// The rules with a host's local-rules file (object or JSON text) merged in, or every problem.
fn with_local_rules(rules: &Rules, local: &JsValue) -> Result<Rules, Errors> {
    let text = match local.as_string() {
        Some(s) => s,
        None => json_text(local, "localRules")?,
    };
    rules.with_local(&baofei_rules::parse_local_rules(&text)?)
}

/// Checks a host's local-rules file (object or JSON text) against the shipped statutes without using
/// it: `ok`, the place, and every problem at once with its path, in both languages. The same check as
/// `baofei rules check`.
#[wasm_bindgen(js_name = validateLocalRules, unchecked_return_type = "LocalRulesReport")]
pub fn validate_local_rules(
    #[wasm_bindgen(unchecked_param_type = "object | string")] local: JsValue,
) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Report {
        ok: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        region: Option<String>,
        errors: Vec<FieldError>,
    }
    let text = match local.as_string() {
        Some(s) => Ok(s),
        None => json_text(&local, "localRules"),
    };
    let parsed = text.and_then(|t| baofei_rules::parse_local_rules(&t));
    let report = match parsed {
        Err(e) => Report {
            ok: false,
            region: None,
            errors: e.0,
        },
        Ok(l) => match reference().and_then(|r| r.with_local(&l)) {
            Ok(_) => Report {
                ok: true,
                region: Some(l.region),
                errors: vec![],
            },
            Err(e) => Report {
                ok: false,
                region: Some(l.region),
                errors: e.0,
            },
        },
    };
    to_js(&report)
}

/// Whether `e` is an error this API threw (an `Error` named `BaofeiError` with an `errors` list). The
/// declarations type it as a guard (`e is BaofeiException`), so a strict TypeScript catch clause can
/// read `e.errors` without a cast.
#[wasm_bindgen(js_name = isBaofeiError)]
pub fn is_baofei_error(e: JsValue) -> bool {
    // Read through Reflect, which returns a JS exception as an Err: a throwing `name` getter answers
    // false instead of throwing out of a type guard (security review N14).
    e.dyn_ref::<js_sys::Error>().is_some()
        && js_sys::Reflect::get(&e, &"name".into())
            .is_ok_and(|n| n.as_string().as_deref() == Some("BaofeiError"))
        && js_sys::Reflect::get(&e, &"errors".into()).is_ok_and(|v| js_sys::Array::is_array(&v))
}

/// Goes back to the reference pack.
#[wasm_bindgen(js_name = resetPack)]
pub fn reset_pack() {
    ACTIVE.with(|a| *a.borrow_mut() = None);
}

/// The reference pack as JSON text: the starting point for an insurer's own pack.
#[wasm_bindgen(js_name = referencePack)]
pub fn reference_pack() -> String {
    baofei_rules::pack_json()
}
