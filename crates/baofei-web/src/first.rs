//! The first look (issue 31): a link's (or a remembered state's, or an English first visit's) premium
//! computed by a small wasm of its own (`baofei-first`, the engine and the rules without the interface)
//! and shown as a card in the page's header, while the widget's 300 KB are still on their way.
//!
//! The prerendered page paints the default quote in Chinese from HTML at once; a link carries its own
//! state, so `prepaint.js` hides that frame (its figures are not the link's). Without this the reader
//! of a campaign link on a slow phone saw the title and "正在计算…" for the whole widget's download
//! (2.5-3.4 s measured on the slow-phone profile). The card's figures come from the same engine call
//! as the widget's (`quote_figures`, whose figures property tests hold equal to `quote_brief`'s and
//! `quote`'s), never from a guess, and it says what they rest on (the inputs in one line, a borrowed band, illustrative
//! values). The widget replaces it when it takes over. Plain Rust, tested natively.

use crate::i18n::figures;
use crate::model::{esc_html as esc, fmt_money, fmt_range, Form, Lang};
use baofei_core::domain::PremiumBasis;
use baofei_core::fields::Field as F;
use baofei_core::map::SortedMap;
use baofei_core::{Quote, Rules};

/// Where the state the card shows came from: it is named in the card's heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The address's fragment (a shared or campaign link).
    Link,
    /// The inputs the reader asked the page to remember.
    Saved,
    /// Nothing: the default example (an English first visit, or a date outside the prerendered
    /// figures' window).
    Default,
}

impl Source {
    /// `"link"`, `"saved"` or anything else (the default), as `start.js` passes it.
    pub fn parse(s: &str) -> Source {
        match s {
            "link" => Source::Link,
            "saved" => Source::Saved,
            _ => Source::Default,
        }
    }
}

/// The card for `fragment` (the link's or the remembered state, without `#`; empty for the default)
/// on `today` (`YYYY-MM-DD`, the browser's date, the as-of field's default as in the widget), in the
/// language the page will speak (`english`: `prepaint.js`'s decision, which hid the frame for it).
/// `None` when the state cannot be priced as it stands (a link of another version, a field in error):
/// then the reader waits for the widget, which shows each error at its field.
pub fn card(
    rules: &Rules,
    fragment: &str,
    source: Source,
    today: &str,
    english: bool,
) -> Option<String> {
    let (mut form, _skipped) = Form::from_fragment(fragment, today).ok()?;
    form.lang = if english { Lang::En } else { Lang::Zh };
    let st = rules.statutes();
    // As the widget starts from it (`state::initial_from`): a line's first sector where the link named
    // none, and the fields the sector does not show dropped.
    form.fit_sector(st);
    let basis = st.sector(form.value(F::Sector)).map(|s| s.basis);
    form.drop_hidden(basis);
    let answers = engine_answers(&form);
    let input = baofei_core::assess::apply_answers(&form.to_input(), &answers);
    let q = baofei_core::quote_figures(rules, &input).ok()?;
    Some(render(rules, &form, source, &q))
}

/// The questionnaire answers the widget prices with (`outcome::answers`, one definition): the explicit
/// ones plus those the form states (grades, blacklist, rectification).
pub fn engine_answers(form: &Form) -> SortedMap<String, String> {
    let mut a = form.answers();
    let yn = |b: bool| if b { "yes" } else { "no" }.to_string();
    a.insert(
        "standardisation".into(),
        form.value(F::Standardisation).into(),
    );
    a.insert("blacklist".into(), yn(form.checked(F::Blacklisted)));
    a.insert(
        "hazards_rectified".into(),
        yn(!form.checked(F::RefusedRectification)),
    );
    a.insert("env_credit".into(), form.value(F::EnvCreditGrade).into());
    a
}

fn render(rules: &Rules, form: &Form, source: Source, q: &Quote) -> String {
    let lang = form.lang;
    let tr = figures(lang);
    let pick = |zh: &str, en: &str| crate::i18n::msg(lang, zh, en);
    let st = rules.statutes();
    let heading = match source {
        Source::Link => pick("本链接的测算结果", "This link's estimate"),
        Source::Saved => pick("按您保存的输入测算", "Estimate for your saved inputs"),
        Source::Default => pick("默认示例的测算结果", "Estimate for the default example"),
    };
    // What the figures rest on, in one line: the reader checks the link is theirs before the form comes.
    let mut facts = Vec::new();
    if let Some(r) = st.regions.iter().find(|r| r.id == form.value(F::Region)) {
        facts.push(pick(&r.name_zh, &r.name_en));
    }
    if let Some(s) = st.sector(form.value(F::Sector)) {
        facts.push(pick(
            &format!("{} · {}", s.group_zh, s.name_zh),
            &format!("{} · {}", s.group_en, s.name_en),
        ));
    }
    // The figure the premium rests on (the sector's premium basis): employees for a per-head sector,
    // else its own measure, so an environmental card never names a headcount it does not price by.
    let basis = st.sector(form.value(F::Sector)).map(|s| s.basis);
    let field = match basis {
        None | Some(PremiumBasis::Headcount) => F::Employees,
        Some(PremiumBasis::ContractValue) => F::ContractValue,
        Some(PremiumBasis::Tonnage) => F::Tonnage,
        Some(PremiumBasis::Vehicles) => F::Vehicles,
        Some(PremiumBasis::Seats) => F::Seats,
        Some(PremiumBasis::AggregateLimit) => F::AggregateLimit,
    };
    let value = form.value(field).trim();
    if !value.is_empty() {
        let spec = field.spec();
        let unit = spec.unit.text();
        facts.push(if field == F::Employees {
            pick(&format!("{value} 人"), &format!("{value} employees"))
        } else {
            pick(
                &format!("{} {value}{}", spec.name.zh, unit.zh),
                &format!(
                    "{}: {value} ({})",
                    spec.label.en.trim_end_matches(" (optional)"),
                    unit.en
                ),
            )
        });
    }
    facts.push(pick(
        &format!("按 {} 的规定", q.as_of),
        &format!("rules as of {}", q.as_of),
    ));
    let level = crate::model::obligation_index(q.obligation.level);
    let premium_label = tr.premium_for(crate::model::contract_priced(st, &q.sector));
    let range_label = tr.range_for(q.band.reference.is_some());
    let reference = q
        .band
        .reference
        .as_ref()
        .map(|r| {
            format!(
                r#" <span class="bf-ref">{}</span>"#,
                esc(&pick(&r.zh, &r.en))
            )
        })
        .unwrap_or_default();
    let illustrative = if q.illustrative {
        format!(
            r#" <span class="bf-ill">{}</span>"#,
            esc(&pick(
                "含示意值，说明随完整页面载入",
                "includes illustrative values; the notes come with the full page"
            ))
        )
    } else {
        String::new()
    };
    let mut rows = format!(
        r#"<div class="bf-premium"><dt>{}</dt><dd><output id="first-premium" data-yuan="{}">{}</output>{}</dd></div><div><dt>{}</dt><dd>{}{}</dd></div>"#,
        esc(premium_label),
        q.premium,
        esc(&fmt_money(q.premium, lang)),
        illustrative,
        esc(range_label),
        esc(&fmt_range(q.premium_low, q.premium_high, lang)),
        reference,
    );
    // The statutory per-person minimum is a work-safety rule (as in the result panel).
    if q.line == baofei_core::domain::Line::WorkSafety {
        let min = match q.limits.minimum_per_person {
            Some(v) => fmt_money(v, lang),
            None => tr.no_minimum.to_string(),
        };
        let cite = q
            .limits
            .minimum_source
            .as_ref()
            .map(|c| format!(" · {}", cite(lang, c)))
            .unwrap_or_default();
        rows.push_str(&format!(
            r#"<div class="bf-min"><dt>{}</dt><dd>{}{}</dd></div>"#,
            esc(tr.minimum_limit),
            esc(&min),
            cite
        ));
    }
    rows.push_str(&format!(
        "<div><dt>{}</dt><dd>{}</dd></div>",
        esc(tr.risk_tier),
        esc(q.risk_tier.name().pick(lang))
    ));
    let html_lang = if lang == Lang::En { "en" } else { "zh-CN" };
    format!(
        concat!(
            r#"<section class="bf-first" id="first-look" lang="{lang}" aria-labelledby="first-h">"#,
            r#"<h2 id="first-h">{heading}</h2><p class="bf-first-facts">{facts}</p>"#,
            r#"<p class="bf-status lvl-{level}">{status}</p><dl class="bf-figures">{rows}</dl>"#,
            r#"<p class="bf-first-wait" role="status">{wait}</p></section>"#
        ),
        lang = html_lang,
        heading = esc(&heading),
        facts = esc(&facts.join(" · ")),
        level = level,
        status = esc(tr.compulsory[level]),
        rows = rows,
        wait = esc(&pick(
            "表单、逐步说明与法律依据正在载入…",
            "The form, the step-by-step explanation and the legal basis are loading…"
        )),
    )
}

/// A citation as the result panel writes it (`views::cite`): the title (with its English gloss), number
/// and article, linked only to an official copy.
fn cite(lang: Lang, c: &baofei_core::Citation) -> String {
    let class = if c.number.is_some() {
        "doc numbered"
    } else {
        "doc"
    };
    let mut body = format!(r#"<span class="{class}">{}</span>"#, esc(&c.document));
    for part in [&c.number, &c.article].into_iter().flatten() {
        body.push(' ');
        body.push_str(&esc(part));
    }
    if let (Lang::En, Some(g)) = (lang, crate::i18n::gloss(&c.document)) {
        body.push_str(&format!(r#"<span class="{class}"> ({})</span>"#, esc(g)));
    }
    match c.official_link() {
        Some(u) => format!(
            r#"<cite><a href="{}" target="_blank" rel="noopener noreferrer">{body}</a></cite>"#,
            esc(u)
        ),
        None => format!("<cite>{body}</cite>"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: &str = "2026-12-04";

    fn rules() -> Rules {
        baofei_rules::load().expect("shipped rules")
    }

    /// The widget's own figure for a fragment: `assess`, as `outcome::compute` calls it.
    fn widget_premium(r: &Rules, fragment: &str) -> String {
        let (mut form, _) = Form::from_fragment(fragment, TODAY).unwrap();
        form.fit_sector(r.statutes());
        let basis = r.statutes().sector(form.value(F::Sector)).map(|s| s.basis);
        form.drop_hidden(basis);
        let a = engine_answers(&form);
        let input = baofei_core::assess::apply_answers(&form.to_input(), &a);
        let (q, _) = baofei_core::quote::assess(r, &input, &a).unwrap();
        q.premium.to_string()
    }

    fn yuan(card: &str) -> &str {
        let at = card.find(r#"id="first-premium" data-yuan=""#).unwrap() + 30;
        &card[at..at + card[at..].find('"').unwrap()]
    }

    #[test]
    fn a_links_card_shows_the_widgets_own_figures() {
        let r = rules();
        for fragment in [
            "v=1&r=guangdong&e=250",
            "v=1&r=hunan&s=hazardous_chemicals.storage&e=80",
            "v=1&r=jiangsu&l=environmental&s=heavy_metals.smelting&e=120&lang=en",
            "v=1&r=chongqing&e=30&h0.o=2&h1.l=1",
            // A line without a sector opens on that line's first sector (integrator review m10), and the
            // aggregate limit an environmental preset may give prices its tier.
            "v=1&r=jiangsu&l=environmental&agg=500",
        ] {
            let c = super::card(&r, fragment, Source::Link, TODAY, false)
                .unwrap_or_else(|| panic!("no card for {fragment}"));
            assert_eq!(yuan(&c), widget_premium(&r, fragment), "{fragment}");
            assert!(c.contains("本链接的测算结果"), "{c}");
        }
        let c = super::card(&r, "v=1&r=guangdong&e=250", Source::Link, TODAY, false).unwrap();
        assert!(c.contains("广东省") && c.contains("250 人"), "{c}");
        // The measure the sector is priced by, not a headcount it does not read (an environmental sector's
        // aggregate limit; a construction project's contract value).
        let link = |fragment: &str, english: bool| {
            super::card(&r, fragment, Source::Link, TODAY, english).unwrap()
        };
        let c = link("v=1&r=jiangsu&l=environmental&agg=500&e=100", false);
        assert!(
            c.contains("累计限额 500万元") && !c.contains("100 人"),
            "{c}"
        );
        let c = link("v=1&r=jiangsu&l=environmental&agg=500", true);
        assert!(c.contains("Aggregate limit: 500 (× CNY 10,000)"), "{c}");
        let c = link("v=1&r=hunan&s=construction.general&cv=800", true);
        assert!(
            c.contains("Project contract value: 800 (× CNY 10,000)") && !c.contains("employees"),
            "{c}"
        );
        assert!(c.contains(r#"class="bf-status lvl-"#), "{c}");
    }

    /// The first look's wasm prices with the brief rules (`load_brief`): for every region, every sector
    /// and both languages its card is the full rules' card, byte for byte.
    #[test]
    fn the_brief_rules_give_the_same_card() {
        let (full, brief) = (rules(), baofei_rules::load_brief());
        let st = full.statutes();
        let mut cards = 0;
        for r in &st.regions {
            for s in &st.sectors {
                for extra in ["", "&h0.o=1&h1.l=1&h2.d=1", "&bl=1&er=high"] {
                    let fragment = format!(
                        "v=1&r={}&l={}&s={}&e=250&cv=3000&t=50000&rev=8000&veh=12&seats=40{extra}",
                        r.id,
                        s.line.key(),
                        s.id
                    );
                    for english in [false, true] {
                        let a = super::card(&full, &fragment, Source::Link, TODAY, english);
                        assert_eq!(
                            a,
                            super::card(&brief, &fragment, Source::Link, TODAY, english),
                            "{fragment}"
                        );
                        cards += usize::from(a.is_some());
                    }
                }
            }
        }
        // Most of them priced (not a test of errors only).
        assert!(
            cards >= st.regions.len() * st.sectors.len() * 4,
            "{cards} cards"
        );
    }

    #[test]
    fn english_and_default_and_saved() {
        let r = rules();
        let c = super::card(&r, "", Source::Default, TODAY, true).unwrap();
        assert!(
            c.contains("Estimate for the default example") && c.contains("CNY"),
            "{c}"
        );
        assert!(c.contains(r#"lang="en""#), "{c}");
        assert_eq!(yuan(&c), widget_premium(&r, ""));
        let c = super::card(&r, "v=1&e=40", Source::Saved, TODAY, false).unwrap();
        assert!(c.contains("按您保存的输入测算"), "{c}");
    }

    #[test]
    fn a_state_that_cannot_be_priced_has_no_card() {
        let r = rules();
        // Another link version, a field in error, an unknown region: the widget says why at its field.
        for fragment in ["v=2&e=250", "v=1&e=abc", "v=1&r=atlantis", "e=250"] {
            assert_eq!(
                super::card(&r, fragment, Source::Link, TODAY, false),
                None,
                "{fragment}"
            );
        }
    }

    #[test]
    fn text_from_the_state_is_escaped() {
        assert_eq!(
            esc(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        // The employees field echoes typed text into the facts line: it must not become markup.
        let r = rules();
        if let Some(c) = super::card(&r, "v=1&e=%3Cb%3E", Source::Link, TODAY, false) {
            assert!(!c.contains("<b>"), "{c}");
        }
    }
}
