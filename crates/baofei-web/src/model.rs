//! The widget's state without Yew: form values by short key, conversion to the engine's input,
//! share-link encoding, and display formatting. Tested natively; the components only render it.
//!
//! The keys are also the share-link format (`#v=1&r=chongqing&...`), so one table serves the form,
//! the URL and the saved inputs.

use baofei_core::domain::PremiumBasis;
pub use baofei_core::fields::Field;
use baofei_core::input::{AccidentFacts, HistoryYear, QuoteInput};
use baofei_core::map::SortedMap;
use rust_decimal::Decimal;

/// Interface language: the engine's, so one `Text::pick` serves the widget, the engine and the CLI.
pub use baofei_core::text::Lang;

/// Share-link format version.
pub const LINK_VERSION: &str = "1";

/// Longest value accepted from a link or storage: the longest real value is a sector id.
const MAX_VALUE_LEN: usize = 64;

/// History counters per year: key suffix and engine field.
pub const HISTORY_KEYS: [(&str, &str); 5] = [
    ("o", "ordinary"),
    ("l", "larger"),
    ("s", "serious"),
    ("x", "especially_serious"),
    ("d", "deaths"),
];

/// The history cells a line asks for, in the table's order: the accident grades, then (work-safety
/// line only) deaths, which [`HISTORY_KEYS`] lists last.
pub fn history_cells(env: bool) -> impl Iterator<Item = (&'static str, &'static str)> {
    HISTORY_KEYS
        .into_iter()
        .filter(move |(_, field)| !env || *field != "deaths")
}

/// Every form key (the registry's share-link key), its default, and the engine field it feeds, in
/// the form's order: read from `baofei_core::fields`, the one definition of each field. Amount keys
/// (`Unit::Wan`) are in 万元 in the form and sent to the engine in 元.
pub fn fields() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    baofei_core::fields::FIELDS
        .iter()
        .map(|f| (f.link, f.default, f.key))
}

/// Accidents entered by their facts, per year (the engine derives the grade): at most this many.
pub const ACCIDENTS_PER_YEAR: usize = 2;

/// Accident fact fields: key suffix and engine field. The loss is typed in 万元.
pub const ACCIDENT_KEYS: [(&str, &str); 3] = [
    ("d", "deaths"),
    ("i", "serious_injuries"),
    ("l", "direct_loss"),
];

/// The whole widget state.
#[derive(Clone, Debug, PartialEq)]
pub struct Form {
    /// Interface language.
    pub lang: Lang,
    /// The elder-friendly mode (长辈版): larger type and targets, stronger contrast, one column. An
    /// interface setting like the language, carried by the link (`elder=1`).
    pub elder: bool,
    /// Values by key (see [`fields`], `h{year}.{o|l|s|x|d}`, `a.{question}`).
    pub values: SortedMap<String, String>,
}

/// A campaign tag (`c`): letters, digits, `-`, `_`, `.`, at most 64. It changes no figure; the widget
/// carries it in its `baofei-quote` events and sends it nowhere (issue 16 point 4).
pub fn valid_campaign(v: &str) -> bool {
    !v.is_empty()
        && v.len() <= 64
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
}

fn is_known_key(k: &str) -> bool {
    if fields().any(|(f, _, _)| f == k) || k == "c" {
        return true;
    }
    if let Some(rest) = k.strip_prefix('h') {
        let parts: Vec<&str> = rest.split('.').collect();
        return match parts.as_slice() {
            [y, c] => matches!(*y, "0" | "1" | "2") && HISTORY_KEYS.iter().any(|(s, _)| s == c),
            [y, a, c] => {
                matches!(*y, "0" | "1" | "2")
                    && a.strip_prefix('a')
                        .and_then(|n| n.parse::<usize>().ok())
                        .is_some_and(|n| n < ACCIDENTS_PER_YEAR && a.len() == 2)
                    && ACCIDENT_KEYS.iter().any(|(s, _)| s == c)
            }
            _ => false,
        };
    }
    if let Some((n, o)) = split_offer_key(k) {
        return n < MAX_OFFERS && is_offer_key(o);
    }
    k.strip_prefix("a.")
        .is_some_and(|q| baofei_core::assess::QUESTION_IDS.contains(&q))
}

/// The offer's form keys (after `o.`), the engine field each feeds, and whether it is typed in 万元.
/// Covered items are `o.c.<item>` = `1`, promised services `o.s.<service id>` = times a year.
pub const OFFER_FIELDS: [(&str, &str, bool); 14] = [
    ("ins", "insurer", false),
    ("start", "start", false),
    ("end", "end", false),
    ("prem", "premium", false),
    ("pp", "per_person_limit", true),
    ("agg", "aggregate_limit", true),
    ("pa", "per_accident_limit", true),
    ("n", "insured", false),
    ("uni", "uniform", false),
    ("w", "written", false),
    ("spend", "prevention_spend", false),
    ("com", "commission", false),
    ("pay", "payer", false),
    ("lapse", "lapse", false),
];

/// Most offers compared (the engine's limit).
pub const MAX_OFFERS: usize = baofei_core::offer::MAX_OFFERS;

/// The key prefix of offer `n` (from 0): `o` for the first (the links written before offers could be
/// compared keep working), then `o2`, `o3`, `o4`.
pub fn offer_prefix(n: usize) -> String {
    if n == 0 {
        "o".into()
    } else {
        format!("o{}", n + 1)
    }
}

/// An offer key's offer (from 0) and its field (`o2.prem` → (1, "prem")).
pub fn split_offer_key(k: &str) -> Option<(usize, &str)> {
    let (head, rest) = k.split_once('.')?;
    let n = match head {
        "o" => 0,
        _ => {
            head.strip_prefix('o')?
                .parse::<usize>()
                .ok()
                .filter(|n| (2..=9).contains(n))?
                - 1
        }
    };
    Some((n, rest))
}

fn is_offer_key(o: &str) -> bool {
    if let Some(item) = o.strip_prefix("c.") {
        return baofei_core::offer::COVER_ITEMS
            .iter()
            .any(|(k, _, _)| *k == item);
    }
    if let Some(id) = o.strip_prefix("s.") {
        // Service ids are the rules' (checked by the engine, which names an unknown one at its field).
        return !id.is_empty()
            && id.len() <= 40
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    }
    OFFER_FIELDS.iter().any(|(k, _, _)| *k == o)
}

/// Whether the form shows an input for `key` on this line (`env`: 环责险) and premium basis. A link
/// may only set what the user can see and correct (security review F8).
pub fn shown(key: &str, env: bool, basis: Option<PremiumBasis>) -> bool {
    let line = if env {
        baofei_core::domain::Line::Environmental
    } else {
        baofei_core::domain::Line::WorkSafety
    };
    // The registry says when each field shows; the history, answers and offer keys always do.
    baofei_core::fields::by_link(key).is_none_or(|f| f.shown_for(line, basis))
}

impl Form {
    /// Puts the line's first sector where a link named a line and no sector (`from_fragment` left it
    /// empty), so the link opens priced instead of on an error no input explains (integrator review
    /// m10); any other sector, right or wrong for the line, is the link's own and stays.
    pub fn fit_sector(&mut self, st: &baofei_core::rules::Statutes) {
        if !self.value(Field::Sector).is_empty() {
            return;
        }
        let line = self.line();
        if let Some(s) = st.sectors.iter().find(|s| s.line == line) {
            self.put(Field::Sector, &s.id.clone());
        }
    }

    /// Resets each field the form does not show for its line and sector (`basis`) to its default, and
    /// returns the keys whose value was dropped: a restored link must never leave an error the user
    /// has no input to fix.
    pub fn drop_hidden(&mut self, basis: Option<PremiumBasis>) -> Vec<&'static str> {
        let env = self.env();
        let mut dropped = Vec::new();
        for (k, d, _) in fields() {
            if !shown(k, env, basis) && self.get(k) != d {
                self.values.insert(k.to_string(), d.to_string());
                dropped.push(k);
            }
        }
        // The offer check is for 安责险 offers: on the environmental line it has no inputs.
        if env && self.has_offer() {
            self.clear_offer();
            dropped.push("o");
        }
        dropped
    }

    /// Defaults, with the as-of date supplied by the caller (the engine never reads a clock).
    pub fn new(today: &str) -> Form {
        let mut values = SortedMap::new();
        for (k, d, _) in fields() {
            values.insert(k.to_string(), d.to_string());
        }
        values.insert(Field::AsOf.link().into(), today.into());
        Form {
            lang: Lang::Zh,
            elder: false,
            values,
        }
    }

    /// Whether every input is still the example the page opens with (only the date may differ): the
    /// form then says that these are an example's figures, not the reader's (newcomer 1.13).
    pub fn is_example(&self) -> bool {
        self.values == Form::new(self.value(Field::AsOf)).values
    }

    /// The insurance line chosen. The form's short key `l` is read here only: views ask for the typed
    /// line, never compare its text. A key the engine does not know reads as the work-safety line for
    /// the view; the engine refuses it at the field.
    pub fn line(&self) -> baofei_core::domain::Line {
        baofei_core::domain::Line::from_key(self.value(Field::Line))
            .unwrap_or(baofei_core::domain::Line::WorkSafety)
    }

    /// Whether the line is 环责险 (the form shows its own fields and no work-safety ones).
    pub fn env(&self) -> bool {
        self.line() == baofei_core::domain::Line::Environmental
    }

    /// A registry field's value as typed, or "". Views read the enterprise's fields by [`Field`];
    /// the string keys below are the link codec's (and the history, answer and offer cells').
    pub fn value(&self, field: Field) -> &str {
        self.get(field.link())
    }

    /// Sets a registry field (see [`Form::set`]).
    pub fn put(&mut self, field: Field, value: &str) -> bool {
        self.set(field.link(), value)
    }

    /// A value by form key, or "".
    pub fn get(&self, key: &str) -> &str {
        self.values.get(key).map(String::as_str).unwrap_or("")
    }

    /// Whether a registry flag field is ticked.
    pub fn checked(&self, field: Field) -> bool {
        self.flag(field.link())
    }

    /// A flag by form key.
    pub fn flag(&self, key: &str) -> bool {
        matches!(self.get(key), "1" | "true" | "yes")
    }

    /// Sets a value; unknown keys and over-long values are refused (returns false).
    pub fn set(&mut self, key: &str, value: &str) -> bool {
        if !is_known_key(key) || value.chars().count() > MAX_VALUE_LEN {
            return false;
        }
        if key == "c" && !value.is_empty() && !valid_campaign(value) {
            return false;
        }
        // History counts and answers have no default: empty means absent, so a form and the link it
        // writes always describe the same state (found by the fuzzer: `h2.a1.l=` did not round-trip).
        if value.is_empty() && !fields().any(|(f, _, _)| f == key) {
            self.values.remove(key);
        } else {
            self.values.insert(key.into(), value.into());
        }
        true
    }

    /// The questionnaire answers (`a.*` keys).
    pub fn answers(&self) -> SortedMap<String, String> {
        let mut out = SortedMap::new();
        for (k, v) in &self.values {
            if let Some(q) = k.strip_prefix("a.") {
                out.insert(q.to_string(), v.clone());
            }
        }
        out
    }

    /// Whether any offer field holds a value: then the offer is checked.
    pub fn has_offer(&self) -> bool {
        self.values.keys().any(|k| split_offer_key(k).is_some())
    }

    /// How many offers the form holds: one past the last offer with a value (0 for none).
    pub fn offer_count(&self) -> usize {
        self.values
            .keys()
            .filter_map(|k| split_offer_key(k).map(|(n, _)| n + 1))
            .max()
            .unwrap_or(0)
    }

    /// Removes every offer field.
    pub fn clear_offer(&mut self) {
        let keys: Vec<String> = self
            .values
            .keys()
            .filter(|k| split_offer_key(k).is_some())
            .cloned()
            .collect();
        for k in keys {
            self.values.remove(&k);
        }
    }

    /// Removes offer `n`; the offers after it move up one place, so the offers stay numbered 1, 2, 3.
    pub fn remove_offer(&mut self, n: usize) {
        let moved: Vec<(String, String)> = self
            .values
            .iter()
            .filter_map(|(k, v)| {
                let (m, field) = split_offer_key(k)?;
                Some((m, field.to_string(), v.clone()))
            })
            .filter(|(m, _, _)| *m > n)
            .map(|(m, field, v)| (format!("{}.{field}", offer_prefix(m - 1)), v))
            .collect();
        let gone: Vec<String> = self
            .values
            .keys()
            .filter(|k| split_offer_key(k).is_some_and(|(m, _)| m >= n))
            .cloned()
            .collect();
        for k in gone {
            self.values.remove(&k);
        }
        for (k, v) in moved {
            self.values.insert(k, v);
        }
    }

    /// The first offer as the engine reads it (see [`Form::offer_at`]).
    pub fn to_offer(&self) -> baofei_core::offer::OfferInput {
        self.offer_at(0)
    }

    /// Every offer the form holds, in order.
    pub fn offers(&self) -> Vec<baofei_core::offer::OfferInput> {
        (0..self.offer_count()).map(|n| self.offer_at(n)).collect()
    }

    /// Offer `n` as the engine reads it (limits typed in 万元 become 元; premium and spending are
    /// typed in 元, as offers print them).
    pub fn offer_at(&self, n: usize) -> baofei_core::offer::OfferInput {
        let p = offer_prefix(n);
        let g = |k: &str| self.get(&format!("{p}.{k}")).trim().to_string();
        let wan = |k: &str| wan_to_yuan(self.get(&format!("{p}.{k}")));
        baofei_core::offer::OfferInput {
            insurer: g("ins"),
            start: g("start"),
            end: g("end"),
            premium: g("prem"),
            per_person_limit: wan("pp"),
            aggregate_limit: wan("agg"),
            per_accident_limit: wan("pa"),
            insured: g("n"),
            uniform: g("uni"),
            covers: baofei_core::offer::COVER_ITEMS
                .iter()
                .filter(|(k, _, _)| self.flag(&format!("{p}.c.{k}")))
                .map(|(k, _, _)| k.to_string())
                .collect(),
            services: self
                .values
                .iter()
                .filter_map(|(k, v)| {
                    k.strip_prefix(&format!("{p}.s.")).map(|id| {
                        baofei_core::offer::PromisedService {
                            id: id.to_string(),
                            per_year: v.trim().to_string(),
                        }
                    })
                })
                .collect(),
            written: g("w"),
            prevention_spend: g("spend"),
            commission: g("com"),
            payer: g("pay"),
            lapse: g("lapse"),
        }
    }

    /// The engine input. Amounts typed in 万元 become 元; text that is not a number is passed on as
    /// typed so that the engine reports it against the right field.
    pub fn to_input(&self) -> QuoteInput {
        // The environmental line shows incidents by grade only: deaths and accident facts typed on
        // the work-safety line stay in the form but are not sent, so no hidden cell can hold an error.
        let env = self.env();
        let history = (0..3)
            .map(|y| {
                let g = |c: &str| self.get(&format!("h{y}.{c}")).trim().to_string();
                let accidents = (0..ACCIDENTS_PER_YEAR)
                    .filter(|_| !env)
                    .filter_map(|n| {
                        let a = |c: &str| self.get(&format!("h{y}.a{n}.{c}")).trim().to_string();
                        let (d, i, l) = (a("d"), a("i"), a("l"));
                        let any = !d.is_empty() || !i.is_empty() || !l.is_empty();
                        any.then(|| AccidentFacts {
                            deaths: d,
                            serious_injuries: i,
                            direct_loss: wan_to_yuan(&l),
                        })
                    })
                    .collect();
                HistoryYear {
                    ordinary: g("o"),
                    larger: g("l"),
                    serious: g("s"),
                    especially_serious: g("x"),
                    deaths: if env { String::new() } else { g("d") },
                    accidents,
                }
            })
            .collect();
        let mut input = QuoteInput {
            history,
            ..QuoteInput::default()
        };
        // Each field by the registry: its unit and kind say how the form's text reaches the engine.
        for f in baofei_core::fields::FIELDS {
            use baofei_core::fields::{Kind, Unit};
            let v = self.get(f.link);
            let value = match (f.unit, f.kind) {
                (Unit::Wan, _) => wan_to_yuan(v),
                (_, Kind::Percent) => percent_to_ratio(v),
                (_, Kind::Flag) => if self.flag(f.link) { "1" } else { "" }.to_string(),
                (_, Kind::Count | Kind::Amount | Kind::Date) => v.trim().to_string(),
                _ => v.to_string(),
            };
            input.set(f.id, value);
        }
        input
    }

    /// The grade the engine derives for an accident entered by its facts, once they parse.
    pub fn accident_grade(
        &self,
        year: usize,
        n: usize,
    ) -> Option<baofei_core::domain::AccidentGrade> {
        let a = |c: &str| self.get(&format!("h{year}.a{n}.{c}")).trim().to_string();
        let (d, i, l) = (a("d"), a("i"), a("l"));
        if d.is_empty() && i.is_empty() && l.is_empty() {
            return None;
        }
        let count = |s: &str| {
            if s.is_empty() {
                Some(0)
            } else {
                s.parse::<u32>().ok()
            }
        };
        let loss = if l.is_empty() {
            Some(Decimal::ZERO)
        } else {
            baofei_core::money::parse_plain(&wan_to_yuan(&l))
        };
        Some(baofei_core::accident::grade(count(&d)?, count(&i)?, loss?))
    }

    /// The share-link fragment (without `#`): version, language and every non-default value.
    pub fn to_fragment(&self) -> String {
        let defaults = Form::new(self.value(Field::AsOf));
        let mut out = format!("v={LINK_VERSION}");
        if self.lang == Lang::En {
            out.push_str("&lang=en");
        }
        if self.elder {
            out.push_str("&elder=1");
        }
        for (k, v) in &self.values {
            if defaults.values.get(k).map(String::as_str).unwrap_or("") != v
                || k == Field::AsOf.link()
            {
                out.push('&');
                out.push_str(&pct_encode(k));
                out.push('=');
                out.push_str(&pct_encode(v));
            }
        }
        out
    }

    /// Restores a form from a fragment over the defaults. Unknown keys are skipped and reported;
    /// a link of another version is refused.
    pub fn from_fragment(fragment: &str, today: &str) -> Result<(Form, Vec<String>), String> {
        let mut f = Form::new(today);
        let mut skipped = Vec::new();
        let fragment = fragment.trim_start_matches('#');
        if fragment.is_empty() {
            return Ok((f, skipped));
        }
        let mut version = None;
        let (mut line_given, mut sector_given) = (false, false);
        for pair in fragment.split('&').filter(|p| !p.is_empty()).take(200) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let (k, v) = (pct_decode(k), pct_decode(v));
            line_given |= k == Field::Line.link();
            sector_given |= k == Field::Sector.link();
            match k.as_str() {
                "v" => version = Some(v),
                "lang" => f.lang = if v == "en" { Lang::En } else { Lang::Zh },
                "elder" => f.elder = v == "1",
                _ => {
                    if !f.set(&k, &v) {
                        skipped.push(k.chars().take(MAX_VALUE_LEN).collect());
                    }
                }
            }
        }
        // A line without a sector (`l=environmental` alone, or an element with `line` and no `sector`)
        // means that line's first sector, as choosing the line in the form does; the default sector
        // is work safety's, which the other line would refuse (integrator review m10). Which sector
        // is first is the statutes' to say: `fit_sector` fills it in.
        if line_given && !sector_given {
            f.put(Field::Sector, "");
        }
        match version.as_deref() {
            Some(LINK_VERSION) => Ok((f, skipped)),
            Some(other) => Err(format!(
                "unsupported link version {}",
                other.chars().take(8).collect::<String>()
            )),
            None => Err("link has no version".into()),
        }
    }
}

/// "12.5" 万元 → "125000" 元, exactly.
pub fn wan_to_yuan(s: &str) -> String {
    let t = s.trim();
    let n = baofei_core::input::plain_number(t);
    // A unit typed with the number (5000万, 1.2亿, 3000元) says what it is: pass it on in 元.
    if n.ends_with(['万', '亿', '元']) {
        return baofei_core::input::plain_amount(&n)
            .map(|d| d.normalize().to_string())
            .unwrap_or_else(|| t.into());
    }
    match baofei_core::money::parse_plain(&n).ok_or(()) {
        Ok(d) => d
            .checked_mul(Decimal::from(10_000))
            .map(|x| x.normalize().to_string())
            .unwrap_or_else(|| t.into()),
        Err(_) => t.into(),
    }
}

/// "45" % → "0.45".
pub fn percent_to_ratio(s: &str) -> String {
    let t = s.trim();
    let n = baofei_core::input::plain_number(t.trim_end_matches(['%', '％']));
    match baofei_core::money::parse_plain(&n).ok_or(()) {
        Ok(d) => (d / Decimal::from(100)).normalize().to_string(),
        Err(_) => t.into(),
    }
}

/// The form key showing an engine field (`history.0.deaths` → `h0.d`), for field-level messages.
pub fn form_key(engine_field: &str) -> Option<String> {
    if let Some(rest) = engine_field.strip_prefix("history.") {
        let p: Vec<&str> = rest.split('.').collect();
        return match p.as_slice() {
            [y, name] => Some(format!(
                "h{y}.{}",
                HISTORY_KEYS.iter().find(|(_, long)| long == name)?.0
            )),
            [y, "accidents", n, name] => Some(format!(
                "h{y}.a{n}.{}",
                ACCIDENT_KEYS.iter().find(|(_, long)| long == name)?.0
            )),
            _ => None,
        };
    }
    // `offer.x` (one offer checked) or `offers.<n>.x` (offers compared).
    let offer = engine_field
        .strip_prefix("offer.")
        .map(|o| (0, o))
        .or_else(|| {
            let (n, o) = engine_field.strip_prefix("offers.")?.split_once('.')?;
            Some((n.parse::<usize>().ok()?, o))
        });
    if let Some((n, o)) = offer {
        let p = offer_prefix(n);
        if let Some(id) = o.strip_prefix("services.") {
            return Some(format!("{p}.s.{id}"));
        }
        return OFFER_FIELDS
            .iter()
            .find(|(_, f, _)| *f == o)
            .map(|(k, _, _)| format!("{p}.{k}"));
    }
    baofei_core::fields::by_key(engine_field).map(|f| f.link.to_string())
}

/// A share-link value, percent-encoded as the fragment writes it.
pub(crate) fn pct_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn pct_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(if b[i] == b'+' { b' ' } else { b[i] });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The index of an obligation level in `Figures::compulsory` and the `lvl-N` style classes: encouraged 0,
/// expected 1, compulsory 2 (the result panel, the sticky bar and the first look's card).
pub fn obligation_index(l: baofei_core::domain::Obligation) -> usize {
    use baofei_core::domain::Obligation;
    match l {
        Obligation::Encouraged => 0,
        Obligation::Expected => 1,
        Obligation::Compulsory => 2,
    }
}

/// Whether a sector's premium is priced on a project's contract value (it then covers the project's
/// duration, not a policy year).
pub fn contract_priced(st: &baofei_core::rules::Statutes, sector: &str) -> bool {
    st.sector(sector)
        .is_some_and(|s| s.basis == PremiumBasis::ContractValue)
}

/// Text for HTML content and double-quoted attributes written as markup (the builder's snippets, the first
/// look's card): `& < > " '` escaped.
pub fn esc_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// 54000.5 → "54,000.50".
pub fn fmt_yuan(d: Decimal) -> String {
    baofei_core::money::grouped(d)
}

/// An amount the Chinese way: "5.4万元" from 1万 up, "850.00元" below.
pub fn fmt_money(d: Decimal, lang: Lang) -> String {
    // English reads yuan amounts as "CNY 181,440"; 万元 is for Chinese readers only.
    if lang == Lang::En {
        return baofei_core::money::cny(d);
    }
    // One 万元 display across the widget and the engine's sentences (money::wan: 四舍五入).
    if d.abs() >= Decimal::from(10_000) {
        baofei_core::money::wan(d)
    } else {
        format!("{}元", fmt_yuan(d))
    }
}

/// A range of amounts in one unit: both in 万元 when either reaches 10,000 元 (newcomer review 10.6:
/// "9,000.00元 – 2.52万元").
pub fn fmt_range(low: Decimal, high: Decimal, lang: Lang) -> String {
    if lang == Lang::Zh
        && (low.abs() >= Decimal::from(10_000) || high.abs() >= Decimal::from(10_000))
    {
        return format!(
            "{} – {}",
            baofei_core::money::wan(low),
            baofei_core::money::wan(high)
        );
    }
    format!("{} – {}", fmt_money(low, lang), fmt_money(high, lang))
}

/// A ratio as a percentage: 0.21 → "21%".
pub fn fmt_pct(d: Decimal) -> String {
    // Ratios from the rules have at most four places (21.25%): shown exactly, through the one
    // display rounding all the same.
    baofei_core::money::pct(d, 4)
}

/// A QR code of `text` as an SVG path (one unit per module) and its size in modules.
pub fn qr_svg_path(text: &str) -> Option<(i32, String)> {
    use qrcodegen::{QrCode, QrCodeEcc};
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let n = qr.size();
    let mut d = String::new();
    for y in 0..n {
        for x in 0..n {
            if qr.get_module(x, y) {
                d.push_str(&format!("M{x} {y}h1v1h-1z"));
            }
        }
    }
    Some((n, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Security review F8: a link may set only what the form shows for its line and sector.
    #[test]
    fn hidden_fields_from_a_link_are_dropped_and_named() {
        let (mut f, _) =
            Form::from_fragment("v=1&rev=abc&t=abc&er=abc&cv=5&r=jilin&e=50", "2026-06-01")
                .unwrap();
        let dropped = f.drop_hidden(Some(PremiumBasis::Headcount));
        assert_eq!(dropped, ["rev", "cv", "t", "er"]);
        assert_eq!((f.get("rev"), f.get("t"), f.get("er")), ("", "", "general"));
        assert_eq!(
            (f.get("r"), f.get("e")),
            ("jilin", "50"),
            "shown fields are kept"
        );
        // The same values are kept where the form shows them.
        let (mut f, _) =
            Form::from_fragment("v=1&l=environmental&er=major&t=5", "2026-06-01").unwrap();
        assert_eq!(
            f.drop_hidden(Some(PremiumBasis::Tonnage)),
            Vec::<&str>::new()
        );
        assert_eq!(f.get("er"), "major");
        // Every key the form has is decided, and the defaults are never reported.
        let mut d = Form::new("2026-06-01");
        assert!(d.drop_hidden(None).is_empty());
    }

    #[test]
    fn wan_converts_exactly_and_passes_bad_text_through() {
        assert_eq!(wan_to_yuan("40"), "400000");
        assert_eq!(wan_to_yuan("0.1"), "1000");
        assert_eq!(wan_to_yuan("abc"), "abc");
        // Issue 13 point 9: typed as people type.
        assert_eq!(wan_to_yuan("１２０"), "1200000");
        assert_eq!(wan_to_yuan("1,200"), "12000000");
        assert_eq!(wan_to_yuan("1，200.5"), "12005000");
        assert_eq!(wan_to_yuan("5000万"), "50000000");
        assert_eq!(wan_to_yuan("1.2亿"), "120000000");
        assert_eq!(wan_to_yuan("3000元"), "3000");
        assert_eq!(wan_to_yuan("1,2,3"), "1,2,3");
        // Scientific notation is no amount: passed on as typed, for the engine to refuse at its field.
        assert_eq!(wan_to_yuan("1e3"), "1e3");
        assert_eq!(baofei_core::input::plain_amount("1e5"), None);
        assert_eq!(percent_to_ratio("４５％"), "0.45");
        assert_eq!(percent_to_ratio("45"), "0.45");
    }

    #[test]
    fn an_offer_rides_in_the_link_and_reaches_the_engine() {
        let mut f = Form::new("2026-06-01");
        assert!(!f.has_offer());
        assert!(f.set("o.prem", "6万"));
        assert!(f.set("o.pp", "30"));
        assert!(f.set("o.c.rescue", "1"));
        assert!(f.set("o.s.hazard_inspection", "2"));
        assert!(!f.set("o.c.everything", "1"), "unknown cover item");
        assert!(!f.set("o.bogus", "1"));
        let (back, skipped) = Form::from_fragment(&f.to_fragment(), "2000-01-01").unwrap();
        assert_eq!(back, f);
        assert!(skipped.is_empty());
        let o = f.to_offer();
        assert_eq!(
            (o.premium.as_str(), o.per_person_limit.as_str()),
            ("6万", "300000")
        );
        assert_eq!(o.covers, ["rescue"]);
        assert_eq!(o.services[0].id, "hazard_inspection");
        assert_eq!(form_key("offer.premium").as_deref(), Some("o.prem"));
        assert_eq!(
            form_key("offer.services.training").as_deref(),
            Some("o.s.training")
        );
        // Not on the environmental line (security review F8: only what the form shows).
        f.set("l", "environmental");
        assert_eq!(f.drop_hidden(None), ["o"]);
        assert!(!f.has_offer());
    }

    #[test]
    fn a_campaign_tag_rides_in_the_link_and_only_a_plain_one() {
        let (f, skipped) = Form::from_fragment("v=1&c=spring-2026_gov.cq", "2026-06-01").unwrap();
        assert_eq!(f.get("c"), "spring-2026_gov.cq");
        assert!(skipped.is_empty());
        assert!(f.to_fragment().contains("c=spring-2026_gov.cq"));
        let (f, skipped) = Form::from_fragment("v=1&c=%3Cscript%3E", "2026-06-01").unwrap();
        assert_eq!(f.get("c"), "");
        assert_eq!(skipped, ["c"]);
    }

    #[test]
    fn share_link_round_trips() {
        let mut f = Form::new("2026-11-23");
        f.set("r", "jilin");
        f.set("h0.l", "1");
        f.set("a.blacklist", "yes");
        f.set("s", "金属 & <script>");
        f.lang = Lang::En;
        f.elder = true;
        let link = f.to_fragment();
        assert!(link.starts_with("v=1&lang=en&elder=1"));
        let (back, skipped) = Form::from_fragment(&link, "2000-01-01").unwrap();
        assert_eq!(back, f);
        assert!(skipped.is_empty());
    }

    #[test]
    fn empty_values_without_a_default_mean_absent() {
        // Fuzzer finding: these did not survive a round trip.
        for link in ["v=1&h2.a1.l=", "v=1&a.blacklist", "v=1&h0.d=3&h0.d="] {
            let (f, _) = Form::from_fragment(link, "2026-11-23").unwrap();
            let (back, _) = Form::from_fragment(&f.to_fragment(), "2026-11-23").unwrap();
            assert_eq!(back, f, "{link}");
        }
    }

    #[test]
    fn hostile_links_are_contained() {
        let (f, skipped) =
            Form::from_fragment("#v=1&evil=1&r=%3Cimg%20src%3Dx%3E&e=%ZZ", "2026-01-01").unwrap();
        assert_eq!(skipped, vec!["evil".to_string()]);
        assert_eq!(f.get("r"), "<img src=x>"); // kept as text; the engine rejects the region
        assert_eq!(f.get("e"), "%ZZ");
        assert!(Form::from_fragment("v=9&r=x", "2026-01-01").is_err());
        let long = format!("v=1&s={}", "x".repeat(500));
        let (f, skipped) = Form::from_fragment(&long, "2026-01-01").unwrap();
        assert_eq!(f.get("s"), "hazardous_chemicals.production");
        assert_eq!(skipped.len(), 1);
    }

    #[test]
    fn accidents_by_facts_reach_the_engine_and_show_their_grade() {
        let mut f = Form::new("2026-11-23");
        assert!(f.set("h0.a0.d", "3"));
        assert!(f.set("h0.a1.l", "1000"));
        assert!(!f.set("h0.a2.d", "1"), "only two accidents a year");
        assert_eq!(
            f.accident_grade(0, 0),
            Some(baofei_core::domain::AccidentGrade::Larger)
        );
        assert_eq!(
            f.accident_grade(0, 1),
            Some(baofei_core::domain::AccidentGrade::Larger),
            "1000万元 loss"
        );
        let i = f.to_input();
        assert_eq!(i.history[0].accidents.len(), 2);
        assert_eq!(i.history[0].accidents[1].direct_loss, "10000000");
        assert_eq!(
            form_key("history.0.accidents.1.direct_loss").as_deref(),
            Some("h0.a1.l")
        );
    }

    #[test]
    fn engine_fields_map_to_form_keys() {
        assert_eq!(form_key("history.2.deaths").as_deref(), Some("h2.d"));
        assert_eq!(form_key("per_person_limit").as_deref(), Some("pp"));
        assert_eq!(form_key("nonsense"), None);
    }

    #[test]
    fn money_formats_the_chinese_way() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(fmt_yuan(d("1234567.5")), "1,234,567.50");
        assert_eq!(fmt_money(d("54000"), Lang::Zh), "5.4万元");
        assert_eq!(fmt_money(d("850"), Lang::Zh), "850.00元");
        assert_eq!(fmt_money(d("181440.00"), Lang::En), "CNY 181,440");
        assert_eq!(fmt_money(d("850.5"), Lang::En), "CNY 850.50");
        assert_eq!(fmt_pct(d("0.21")), "21%");
    }

    #[test]
    fn qr_code_encodes_a_long_link() {
        let link = format!(
            "https://example.gov.cn/baofei/#{}",
            Form::new("2026-11-23").to_fragment()
        );
        let (size, path) = qr_svg_path(&link).unwrap();
        assert!(
            size >= 21 && (size - 17) % 4 == 0,
            "QR sizes are 17 + 4v: {size}"
        );
        assert!(path.starts_with("M0 0h1v1h-1z")); // finder pattern corner
    }

    #[test]
    fn default_form_quotes() {
        let rules = baofei_rules::load().unwrap();
        let q = baofei_core::quote(&rules, &Form::new("2026-11-23").to_input()).unwrap();
        // 100 employees → small (×1.05): 100 × 40万 × 1‰ × 1.50 × 1.05 × 0.90.
        assert_eq!(q.premium.to_string(), "56700.00");
    }

    #[test]
    fn the_example_note_names_the_example_and_goes_once_anything_changes() {
        // The form's note spells the example out ("重庆 · 危险化学品生产 · 100 人"): it must be it.
        let f = Form::new("2026-11-23");
        assert_eq!(
            (f.get("r"), f.get("s"), f.get("e")),
            ("chongqing", "hazardous_chemicals.production", "100")
        );
        assert!(f.is_example());
        let mut other_day = f.clone();
        other_day.set("d", "2027-01-01");
        assert!(
            other_day.is_example(),
            "the date alone is not the reader's input"
        );
        let mut mine = f.clone();
        mine.set("e", "120");
        assert!(!mine.is_example());
    }

    #[test]
    fn up_to_four_offers_travel_in_the_link_and_close_up_when_one_is_removed() {
        let mut f = Form::new("2026-06-01");
        assert!(f.set("o.prem", "60000"));
        assert!(f.set("o2.prem", "55000"));
        assert!(f.set("o3.prem", "50000"));
        assert!(f.set("o4.pp", "50"));
        assert!(!f.set("o5.prem", "1"), "at most four offers");
        assert!(!f.set("o1.prem", "1"), "the first offer is `o`");
        assert_eq!(f.offer_count(), 4);
        let (back, skipped) = Form::from_fragment(&f.to_fragment(), "2026-06-01").unwrap();
        assert_eq!(back, f);
        assert!(skipped.is_empty());
        assert_eq!(f.offers()[1].premium, "55000");
        assert_eq!(f.offers()[3].per_person_limit, "500000");
        f.remove_offer(1);
        assert_eq!(f.offer_count(), 3);
        assert_eq!(
            (f.get("o.prem"), f.get("o2.prem"), f.get("o3.pp")),
            ("60000", "50000", "50")
        );
        assert_eq!(form_key("offers.2.premium").as_deref(), Some("o3.prem"));
        assert_eq!(
            form_key("offers.0.services.training").as_deref(),
            Some("o.s.training")
        );
        assert_eq!(form_key("offer.premium").as_deref(), Some("o.prem"));
    }
}
