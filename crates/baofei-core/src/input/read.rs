//! Reading a caller's JSON into the input types: an enterprise and a set of self-assessment answers
//! (the JS API's arguments, after `JSON.stringify`); `offer::from_json` reads offers with the same
//! [`Reader`] (offers are a layer above).
//!
//! Why not serde_json: it and its monomorphised readers were about 120 KB of the API's wasm (integrator
//! review m19, docs/size-steps.md), and it stopped at the first bad field, so a second reading per
//! field was needed to report them all (m13). This reads the engine's own untyped tree
//! ([`crate::json::parse`]) in one pass and collects every refusal, each at its path
//! (`employees`, `history.0.deaths`, `offer.premium`, `offers.1.insured`) and named by the field's
//! label, never its key. It is strict where a lenient reading would price something else: unknown
//! fields are refused (a misspelt `blacklist` must not price as "not blacklisted"), a decimal must be a
//! string (money never passes through floating point) and `null` is refused (NaN and Infinity become
//! `null` in `JSON.stringify`).

use super::types::{AccidentFacts, HistoryYear, QuoteInput, YEARS};
use crate::error::{ErrorCode, Errors, FieldError};
use crate::json::{parse, Json, Limits};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// An input nests five deep at most (input, history, a year, its accidents, one accident); the
/// caller's text is already capped in size before it reaches here.
const INPUT_LIMITS: Limits = Limits {
    max_depth: 16,
    max_len: 10_000,
};

/// A field's label in both languages.
pub(crate) type Name = (String, String);

/// Reads an enterprise (`QuoteInput`) from JSON text.
pub fn quote_input(text: &str) -> Result<QuoteInput, Errors> {
    let root = document(text, "input")?;
    let mut r = Reader::default();
    let input = r.quote_input(&root);
    r.done(input)
}

/// Reads self-assessment answers (question id to answer text) from JSON text; which ids and answers
/// are known is the assessment's own check.
pub fn answers(text: &str) -> Result<BTreeMap<String, String>, Errors> {
    let root = document(text, "answers")?;
    let mut r = Reader::default();
    let mut out = BTreeMap::new();
    if let Some(members) = r.object(&root, "answers") {
        for (k, v) in members {
            let at = format!("answers.{k}");
            let name = (format!("自评问题 {k} 的回答"), format!("The answer to {k}"));
            if let Some(s) = r.string(v, &at, &name) {
                out.insert(k.to_string(), s);
            }
        }
    }
    r.done(out)
}

/// The parsed document, or one error at `what` saying why it is no JSON this reader takes (only the
/// limits can refuse what `JSON.stringify` wrote). The position is left out: it is in our text, not
/// the caller's object.
pub(crate) fn document<'a>(text: &'a str, what: &str) -> Result<Json<'a>, Errors> {
    parse(text, INPUT_LIMITS).map_err(|e| {
        Errors::one(FieldError::new(
            what,
            ErrorCode::Invalid,
            format!("输入格式不正确：{}", e.zh),
            format!("malformed {what}: {}", e.en),
        ))
    })
}

/// Collects every refusal while it reads.
#[derive(Default)]
pub(crate) struct Reader {
    pub(crate) errs: Vec<FieldError>,
}

impl Reader {
    pub(crate) fn done<T>(self, value: T) -> Result<T, Errors> {
        if self.errs.is_empty() {
            Ok(value)
        } else {
            Err(Errors(self.errs))
        }
    }

    pub(crate) fn refuse(&mut self, at: &str, name: &Name, zh: &str, en: &str) {
        self.errs.push(FieldError::new(
            at,
            ErrorCode::Invalid,
            format!("{}{zh}", name.0),
            format!("{} {en}", name.1),
        ));
    }

    pub(crate) fn unknown(&mut self, at: &str, key: &str) {
        self.errs.push(FieldError::new(
            at,
            ErrorCode::Unknown,
            format!("未知字段 {key}(请检查拼写)"),
            format!("unknown field {key:?} (check the spelling)"),
        ));
    }

    /// `null` is refused with its own message: it is what NaN and Infinity become.
    fn null(&mut self, at: &str, name: &Name) {
        self.refuse(
            at,
            name,
            "不能为 null：不填请省略该字段(NaN 和 Infinity 也会变成 null)",
            "cannot be null: leave the field out to leave it empty (NaN and Infinity become null too)",
        );
    }

    /// `v` is not what the field takes: `null` is refused with its own message, anything else with
    /// `zh`/`en` (what the field must be).
    fn wrong<T>(&mut self, v: &Json<'_>, at: &str, name: &Name, zh: &str, en: &str) -> Option<T> {
        if matches!(v, Json::Null) {
            self.null(at, name);
        } else {
            self.refuse(at, name, zh, en);
        }
        None
    }

    /// A text field: a count or an amount (`numeric`, which may also be a whole JSON number) or text only.
    pub(crate) fn text(
        &mut self,
        v: &Json<'_>,
        at: &str,
        name: &Name,
        numeric: bool,
    ) -> Option<String> {
        if numeric {
            self.string_or_int(v, at, name)
        } else {
            self.string(v, at, name)
        }
    }

    /// An object's members, or a refusal at `at`.
    pub(crate) fn object<'v, 'a>(
        &mut self,
        v: &'v Json<'a>,
        at: &str,
    ) -> Option<&'v [(Cow<'a, str>, Json<'a>)]> {
        match v {
            Json::Object(m) => Some(m),
            _ => {
                self.errs.push(FieldError::new(
                    at,
                    ErrorCode::Invalid,
                    "须为对象(字段名对应字段值)",
                    "must be an object (field names to values)",
                ));
                None
            }
        }
    }

    pub(crate) fn array<'v, 'a>(
        &mut self,
        v: &'v Json<'a>,
        at: &str,
        name: &Name,
    ) -> Option<&'v [Json<'a>]> {
        match v {
            Json::Array(items) => Some(items),
            _ => self.wrong(v, at, name, "须为数组", "must be an array"),
        }
    }

    /// Text only (a date, an id, a choice).
    pub(crate) fn string(&mut self, v: &Json<'_>, at: &str, name: &Name) -> Option<String> {
        match v {
            Json::Str(s) => Some(s.to_string()),
            _ => self.wrong(v, at, name, "须为字符串", "must be a string"),
        }
    }

    /// A count or an amount: text, or a whole JSON number kept as written. A number with a fraction
    /// or an exponent is refused: it has already passed through a binary float in the caller's hands.
    pub(crate) fn string_or_int(&mut self, v: &Json<'_>, at: &str, name: &Name) -> Option<String> {
        match v {
            Json::Str(s) => Some(s.to_string()),
            Json::Number(n) if n.parse::<i64>().is_ok() || n.parse::<u64>().is_ok() => {
                Some((*n).to_string())
            }
            Json::Number(_) => {
                self.refuse(
                    at,
                    name,
                    "须为整数或字符串：小数请写成字符串，如 \"100.5\"(金额不经过浮点数)",
                    "must be a whole number or a string: write decimals as strings, such as \"100.5\" (money never passes through floating point)",
                );
                None
            }
            _ => self.wrong(
                v,
                at,
                name,
                "须为字符串或整数",
                "must be a string or a whole number",
            ),
        }
    }

    fn flag(&mut self, v: &Json<'_>, at: &str, name: &Name) -> Option<bool> {
        match v {
            Json::Bool(b) => Some(*b),
            _ => self.wrong(v, at, name, "须为 true 或 false", "must be true or false"),
        }
    }

    fn quote_input(&mut self, v: &Json<'_>) -> QuoteInput {
        let mut input = QuoteInput::default();
        let Some(members) = self.object(v, "input") else {
            return input;
        };
        for (key, value) in members {
            let at: &str = key;
            if at == "history" {
                let name = ("事故记录".to_string(), "The accident history".to_string());
                if let Some(years) = self.array(value, at, &name) {
                    input.history = years
                        .iter()
                        .enumerate()
                        .map(|(i, y)| self.year(y, i))
                        .collect();
                }
                continue;
            }
            let Some(spec) = crate::fields::by_key(at) else {
                self.unknown(at, at);
                continue;
            };
            let name = (spec.name.zh.to_string(), spec.name.en.to_string());
            match slot(&mut input, at) {
                Some(Slot::Flag(b)) => {
                    if let Some(x) = self.flag(value, at, &name) {
                        *b = x;
                    }
                }
                Some(Slot::Text(s, numeric)) => {
                    if let Some(x) = self.text(value, at, &name, numeric) {
                        *s = x;
                    }
                }
                None => self.unknown(at, at),
            }
        }
        input
    }

    /// One year of the accident history, at `history.<i>`.
    fn year(&mut self, v: &Json<'_>, i: usize) -> HistoryYear {
        let mut year = HistoryYear::default();
        let at = format!("history.{i}");
        let Some(members) = self.object(v, &at) else {
            return year;
        };
        let label = YEARS.get(i).map_or(("", "A year"), |y| (y.0, y.1));
        for (key, value) in members {
            let path = format!("{at}.{key}");
            let (slot, zh) = match &**key {
                "ordinary" => (&mut year.ordinary, "一般事故数"),
                "larger" => (&mut year.larger, "较大事故数"),
                "serious" => (&mut year.serious, "重大事故数"),
                "especially_serious" => (&mut year.especially_serious, "特别重大事故数"),
                "deaths" => (&mut year.deaths, "死亡人数"),
                "accidents" => {
                    let name = (
                        format!("{}事故经过", label.0),
                        format!("{}: the accident facts", label.1),
                    );
                    if let Some(items) = self.array(value, &path, &name) {
                        year.accidents = items
                            .iter()
                            .enumerate()
                            .map(|(j, a)| self.accident(a, &format!("{path}.{j}"), label.0, j))
                            .collect();
                    }
                    continue;
                }
                _ => {
                    self.unknown(&path, key);
                    continue;
                }
            };
            let name = (format!("{}{zh}", label.0), super::label_en(&path));
            if let Some(x) = self.string_or_int(value, &path, &name) {
                *slot = x;
            }
        }
        year
    }

    /// One accident by its facts, at `history.<i>.accidents.<j>`.
    fn accident(&mut self, v: &Json<'_>, at: &str, year_zh: &str, j: usize) -> AccidentFacts {
        let mut facts = AccidentFacts::default();
        let Some(members) = self.object(v, at) else {
            return facts;
        };
        for (key, value) in members {
            let path = format!("{at}.{key}");
            let (slot, zh) = match &**key {
                "deaths" => (&mut facts.deaths, "死亡人数"),
                "serious_injuries" => (&mut facts.serious_injuries, "重伤人数"),
                "direct_loss" => (&mut facts.direct_loss, "直接经济损失"),
                _ => {
                    self.unknown(&path, key);
                    continue;
                }
            };
            let name = (
                format!("{year_zh}第 {} 起事故{zh}", j + 1),
                super::label_en(&path),
            );
            if let Some(x) = self.string_or_int(value, &path, &name) {
                *slot = x;
            }
        }
        facts
    }
}

/// Where an enterprise field's value goes: text (`true`: a count or an amount, which may also be a
/// whole JSON number) or a flag.
enum Slot<'a> {
    Text(&'a mut String, bool),
    Flag(&'a mut bool),
}

/// The input's field for a registry key (every key the registry holds has one; a test checks it).
fn slot<'a>(input: &'a mut QuoteInput, key: &str) -> Option<Slot<'a>> {
    use Slot::{Flag, Text};
    Some(match key {
        "as_of" => Text(&mut input.as_of, false),
        "region" => Text(&mut input.region, false),
        "line" => Text(&mut input.line, false),
        "sector" => Text(&mut input.sector, false),
        "size_class" => Text(&mut input.size_class, false),
        "standardisation" => Text(&mut input.standardisation, false),
        "env_risk_grade" => Text(&mut input.env_risk_grade, false),
        "env_credit_grade" => Text(&mut input.env_credit_grade, false),
        "other_cover" => Text(&mut input.other_cover, false),
        "employees" => Text(&mut input.employees, true),
        "annual_revenue" => Text(&mut input.annual_revenue, true),
        "contract_value" => Text(&mut input.contract_value, true),
        "tonnage" => Text(&mut input.tonnage, true),
        "vehicles" => Text(&mut input.vehicles, true),
        "seats" => Text(&mut input.seats, true),
        "per_person_limit" => Text(&mut input.per_person_limit, true),
        "aggregate_limit" => Text(&mut input.aggregate_limit, true),
        "loss_ratio" => Text(&mut input.loss_ratio, true),
        "high_risk_project" => Flag(&mut input.high_risk_project),
        "metro" => Flag(&mut input.metro),
        "blacklisted" => Flag(&mut input.blacklisted),
        "refused_rectification" => Flag(&mut input.refused_rectification),
        "risk_deposit" => Flag(&mut input.risk_deposit),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reader agrees with serde's reading of the same types wherever serde accepts the text, for
    /// every field the registry holds (a field added to `QuoteInput` and the registry but not to
    /// [`slot`] fails here).
    #[test]
    fn every_registry_field_has_a_slot_of_serde_s_kind() {
        for f in crate::fields::FIELDS {
            let mut input = QuoteInput::default();
            let slot = slot(&mut input, f.key).unwrap_or_else(|| panic!("no slot for {}", f.key));
            let (text, want_ok) = match slot {
                Slot::Flag(_) => (format!("{{\"{}\": true}}", f.key), true),
                Slot::Text(_, true) => (format!("{{\"{}\": 12}}", f.key), true),
                Slot::Text(_, false) => (format!("{{\"{}\": 12}}", f.key), false),
            };
            let serde = serde_json::from_str::<QuoteInput>(&text);
            assert_eq!(serde.is_ok(), want_ok, "serde's reading of {text}");
            let ours = quote_input(&text);
            assert_eq!(ours.is_ok(), want_ok, "our reading of {text}");
            if let (Ok(a), Ok(b)) = (serde, ours) {
                assert_eq!(a, b, "{text}");
            }
        }
    }

    #[test]
    fn a_full_input_reads_as_serde_reads_it() {
        let text = r#"{"as_of":"2026-06-01","region":"chongqing","line":"work_safety",
            "sector":"hazardous_chemicals.production","employees":100,"annual_revenue":"5000000",
            "per_person_limit":"500000","blacklisted":false,"metro":true,
            "history":[{"ordinary":1,"deaths":"0"},{},{"accidents":[{"deaths":1,"serious_injuries":"2","direct_loss":"100000"}]}]}"#;
        assert_eq!(
            quote_input(text).unwrap(),
            serde_json::from_str::<QuoteInput>(text).unwrap()
        );
    }

    #[test]
    fn every_bad_field_is_reported_at_once_at_its_path_and_named() {
        let e = quote_input(
            r#"{"employees":100.5,"annual_revenue":null,"blacklisted":"yes","id":7,
                "history":[{"ordinary":1.5,"accidents":[{"deaths":"x","direct_loss":1e5}]}, 3],"sector":5}"#,
        )
        .unwrap_err();
        let by: BTreeMap<&str, &FieldError> = e.0.iter().map(|x| (x.field.as_str(), x)).collect();
        assert_eq!(
            by.keys().copied().collect::<Vec<_>>(),
            [
                "annual_revenue",
                "blacklisted",
                "employees",
                "history.0.accidents.0.direct_loss",
                "history.0.ordinary",
                "history.1",
                "id",
                "sector"
            ]
        );
        assert!(by["employees"]
            .message_zh
            .starts_with("从业人员数须为整数或字符串：小数请写成字符串"));
        assert!(by["annual_revenue"].message_zh.contains("不能为 null"));
        assert!(by["blacklisted"].message_zh.ends_with("须为 true 或 false"));
        assert_eq!(by["id"].code, ErrorCode::Unknown);
        assert_eq!(
            by["history.0.ordinary"].message_zh,
            "上一年一般事故数须为整数或字符串：小数请写成字符串，如 \"100.5\"(金额不经过浮点数)"
        );
        assert!(by["history.0.accidents.0.direct_loss"]
            .message_zh
            .starts_with("上一年第 1 起事故直接经济损失须为整数或字符串"));
        assert!(by["history.0.accidents.0.direct_loss"]
            .message_en
            .starts_with("Last year, accident 1: direct economic loss must be"));
        assert_eq!(by["sector"].message_en, "The sector must be a string");
        // No data key in a message, except an unknown field's own (the caller's typo).
        for x in e.0.iter().filter(|x| x.code != ErrorCode::Unknown) {
            assert!(
                !x.message_zh.contains('_') && !x.message_en.contains("direct_loss"),
                "{x:?}"
            );
        }
    }

    #[test]
    fn answers_must_be_text() {
        assert_eq!(
            answers(r#"{"blacklist":"yes"}"#).unwrap()["blacklist"],
            "yes"
        );
        assert_eq!(
            answers(r#"{"blacklist":true}"#).unwrap_err().0[0].field,
            "answers.blacklist"
        );
    }

    #[test]
    fn limits_refuse_at_the_argument_without_a_position() {
        let deep = format!(
            "{{\"employees\":{}0{}}}",
            "[".repeat(5000),
            "]".repeat(5000)
        );
        let e = quote_input(&deep).unwrap_err();
        assert_eq!(e.0[0].field, "input");
        assert!(
            !e.0[0].message_en.contains("column"),
            "{}",
            e.0[0].message_en
        );
    }
}
