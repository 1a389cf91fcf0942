//! The validator every input shares (the enterprise's and the offer's): numbers as people type them,
//! and each error at its field, named by the field's label, never its key.

use crate::error::{quoted, ErrorCode, FieldError};
use crate::text::Text;
use rust_decimal::Decimal;

use super::types::*;

/// Collects field errors while a validator walks its input (shared with [`crate::offer`]). Fields are
/// named in messages from the registry ([`crate::fields`]) or, for another input's fields (an
/// offer's), from the names its validator brings; never by their data key.
///
/// `QUIET` validators (`V::quiet`) record each error's field and code without its message: the first
/// look's engine (issue 31) only asks whether a state can be priced, and a build that validates only
/// quietly carries none of the messages' text and formatting.
pub(crate) struct V<const QUIET: bool = false> {
    pub(crate) errs: Vec<FieldError>,
    /// Names of fields outside the registry: (key, name), or (prefix ending in `.`, name).
    pub(crate) names: &'static [(&'static str, Text)],
}

impl V {
    /// A validator for the enterprise's input.
    pub(crate) fn new() -> V {
        V::with_names(&[])
    }

    /// A validator for an input whose fields are named by `names`.
    pub(crate) fn with_names(names: &'static [(&'static str, Text)]) -> V {
        V {
            errs: Vec::new(),
            names,
        }
    }
}

impl V<true> {
    /// A validator for the enterprise's input that records no messages.
    pub(crate) fn quiet() -> V<true> {
        V {
            errs: Vec::new(),
            names: &[],
        }
    }
}

impl<const QUIET: bool> V<QUIET> {
    /// The field's name in messages.
    fn name(&self, field: &str) -> Option<Text> {
        crate::fields::by_key(field).map(|f| f.name).or_else(|| {
            self.names
                .iter()
                .find(|(k, _)| *k == field || (k.ends_with('.') && field.starts_with(k)))
                .map(|(_, t)| *t)
        })
    }

    fn zh(&self, field: &str) -> String {
        if QUIET {
            return String::new();
        }
        self.name(field)
            .map_or_else(|| field.to_string(), |t| t.zh.to_string())
    }

    pub(crate) fn en(&self, field: &str) -> String {
        if QUIET {
            return String::new();
        }
        self.name(field)
            .map_or_else(|| label_en(field), |t| t.en.to_string())
    }

    /// Records an error at `field`; its message (Chinese, English) is written only by a validator
    /// that keeps messages.
    pub(crate) fn say(
        &mut self,
        field: &str,
        code: ErrorCode,
        message: impl FnOnce(&Self) -> (String, String),
    ) {
        let (zh, en) = if QUIET {
            Default::default()
        } else {
            message(self)
        };
        self.errs.push(FieldError::new(field, code, zh, en));
    }
}

/// A number as people type it, in plain ASCII: full-width digits and signs (１２０, －５, ３．５ from
/// a Chinese IME) become ASCII, and thousands separators (1,200 / 1，200) are dropped when they sit
/// between groups of three digits. Anything else is left for the parser to refuse.
pub fn plain_number(s: &str) -> String {
    let ascii: String = s
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' | '。' => '.',
            '－' | '−' => '-',
            '＋' => '+',
            '，' => ',',
            other => other,
        })
        .collect();
    if !ascii.contains(',') {
        return ascii;
    }
    let (int, frac) = match ascii.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (ascii.as_str(), None),
    };
    let digits = int.trim_start_matches(['-', '+']);
    let groups: Vec<&str> = digits.split(',').collect();
    let grouped = groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
    if !grouped {
        return ascii;
    }
    let mut out = int.replace(',', "");
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// An amount with an optional 万 or 亿 suffix (and an optional 元), as people write them:
/// "5000万" → 50,000,000; "1.2亿元" → 120,000,000. Exact; `None` when it is no number.
pub fn plain_amount(s: &str) -> Option<Decimal> {
    let t = plain_number(s);
    let t = t.strip_suffix('元').unwrap_or(&t).trim_end();
    // "5千万" and "3百万" as people say them (newcomer review 2.2), before the plain 万.
    let (num, scale) = if let Some(n) = t.strip_suffix("千万") {
        (n, Decimal::from(10_000_000))
    } else if let Some(n) = t.strip_suffix("百万") {
        (n, Decimal::from(1_000_000))
    } else if let Some(n) = t.strip_suffix('万') {
        (n, Decimal::from(10_000))
    } else if let Some(n) = t.strip_suffix('亿') {
        (n, Decimal::from(100_000_000))
    } else {
        (t, Decimal::ONE)
    };
    crate::money::parse_plain(num.trim())?.checked_mul(scale)
}

/// How a field is named in English messages (the Chinese label comes with each check): never the
/// data key (issue 13 point 10).
pub fn label_en(field: &str) -> String {
    if let Some(rest) = field.strip_prefix("history.") {
        let p: Vec<&str> = rest.split('.').collect();
        let year = p
            .first()
            .and_then(|y| y.parse::<usize>().ok())
            .and_then(|y| YEARS.get(y))
            .map(|y| y.1)
            .unwrap_or("A year");
        return match p.as_slice() {
            [_, "deaths"] => format!("{year}: deaths"),
            [_, grade] => format!("{year}: number of {} accidents", grade_en(grade)),
            [_, "accidents", n, what] => format!(
                "{year}, accident {}: {}",
                n.parse::<usize>().map(|n| n + 1).unwrap_or(1),
                match *what {
                    "serious_injuries" => "serious injuries",
                    "direct_loss" => "direct economic loss",
                    other => other,
                }
            ),
            _ => year.to_string(),
        };
    }
    match field {
        "history" => "The accident history".to_string(),
        // Every other field is named by the registry; an unknown one by its key, which only a
        // caller's typo can produce.
        other => crate::fields::by_key(other)
            .map_or(other, |f| f.name.en)
            .to_string(),
    }
}

fn grade_en(key: &str) -> &str {
    match key {
        "ordinary" => "一般 (ordinary)",
        "larger" => "较大 (larger)",
        "serious" => "重大 (serious)",
        "especially_serious" => "特别重大 (especially serious)",
        other => other,
    }
}

impl<const QUIET: bool> V<QUIET> {
    pub(crate) fn push(&mut self, field: &str, code: ErrorCode, zh: String, en: String) {
        self.errs.push(FieldError::new(field, code, zh, en));
    }
    pub(crate) fn count(&mut self, field: &str, s: &str) -> Option<u32> {
        let zh = self.zh(field);
        self.count_as(field, s, &zh)
    }
    pub(crate) fn money(&mut self, field: &str, s: &str, max: Decimal) -> Option<Decimal> {
        let zh = self.zh(field);
        self.money_as(field, s, &zh, max)
    }
    pub(crate) fn code<T: Copy>(&mut self, field: &str, s: &str, table: &[(&str, T)]) -> Option<T> {
        let zh = self.zh(field);
        self.code_as(field, s, table, &zh)
    }
    pub(crate) fn missing(&mut self, field: &str) {
        let zh = self.zh(field);
        self.missing_as(field, &zh);
    }
    pub(crate) fn count_as(&mut self, field: &str, s: &str, label_zh: &str) -> Option<u32> {
        let s = plain_number(s);
        // The unit the form itself shows may be typed with the number: "120人", "20辆", "300座"
        // (newcomer review 5.3).
        let s = s
            .strip_suffix(['人', '名', '辆', '座', '个', '起'])
            .map_or(s.as_str(), str::trim_end);
        if s.is_empty() {
            return None;
        }
        let label = self.en(field);
        if s.starts_with('-') {
            self.say(field, ErrorCode::TooSmall, |_| {
                (
                    format!("{label_zh}不能为负数"),
                    format!("{label} cannot be negative"),
                )
            });
            return None;
        }
        match s.parse::<u64>() {
            Ok(n) if n <= u64::from(MAX_COUNT) => Some(n as u32),
            Ok(_) => {
                self.say(field, ErrorCode::TooLarge, |_| {
                    (
                        format!("{label_zh}过大(上限 {MAX_COUNT})"),
                        format!("{label} is too large (at most {MAX_COUNT})"),
                    )
                });
                None
            }
            Err(_) if s.bytes().all(|b| b.is_ascii_digit()) => {
                self.say(field, ErrorCode::TooLarge, |_| {
                    (format!("{label_zh}过大"), format!("{label} is too large"))
                });
                None
            }
            Err(_) => {
                self.say(field, ErrorCode::Invalid, |_| {
                    (
                        format!("{label_zh}须为整数"),
                        format!("{label} must be a whole number"),
                    )
                });
                None
            }
        }
    }
    pub(crate) fn money_as(
        &mut self,
        field: &str,
        s: &str,
        label_zh: &str,
        max: Decimal,
    ) -> Option<Decimal> {
        if s.trim().is_empty() {
            return None;
        }
        let label = self.en(field);
        // money::parse_plain accepts only plain decimal notation: no exponent, no NaN, no Infinity;
        // plain_amount adds full-width digits, thousands separators and a 万/亿 suffix.
        match plain_amount(s).ok_or(()) {
            Ok(d) if d.is_sign_negative() && !d.is_zero() => {
                self.say(field, ErrorCode::TooSmall, |_| {
                    (
                        format!("{label_zh}不能为负数"),
                        format!("{label} cannot be negative"),
                    )
                });
                None
            }
            Ok(d) if d > max => {
                self.say(field, ErrorCode::TooLarge, |_| {
                    (
                        format!("{label_zh}超出上限 {}", crate::money::wan(max)),
                        format!("{label} exceeds the maximum of {}", crate::money::cny(max)),
                    )
                });
                None
            }
            Ok(d) => Some(d.normalize()),
            Err(_) => {
                self.say(field, ErrorCode::Invalid, |_| {
                    (
                        format!("{label_zh}不是有效数字"),
                        format!("{label} is not a valid number"),
                    )
                });
                None
            }
        }
    }
    pub(crate) fn code_as<T: Copy>(
        &mut self,
        field: &str,
        s: &str,
        table: &[(&str, T)],
        label_zh: &str,
    ) -> Option<T> {
        let s = s.trim();
        if s.is_empty() {
            return None;
        }
        let found = table.iter().find(|(k, _)| *k == s).map(|(_, v)| *v);
        if found.is_none() {
            let keys: Vec<&str> = table.iter().map(|(k, _)| *k).collect();
            self.say(field, ErrorCode::Unknown, |v| {
                (
                    format!("未知的{label_zh}: {s}"),
                    format!(
                        "{} {} is not one of the known values ({})",
                        v.en(field),
                        quoted(s),
                        keys.join(", ")
                    ),
                )
            });
        }
        found
    }
    pub(crate) fn missing_as(&mut self, field: &str, label_zh: &str) {
        self.say(field, ErrorCode::Missing, |v| {
            (
                format!("请填写{label_zh}"),
                format!("{} is required", v.en(field)),
            )
        });
    }
}
