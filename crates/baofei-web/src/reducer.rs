//! The widget's state and its reducer, as plain Rust: what the user did ([`Action`]) and the state
//! after it ([`State::apply`]), with today's date and the statutes passed in ([`Context`]), never read
//! from a clock or a global. Tested natively; `state` wires it into Yew.

use crate::model::{Form, Lang};
use baofei_core::domain::Line;
use baofei_core::fields::Field as F;
use baofei_core::rules::{SectorDef, Statutes};

/// Widget state: the form plus two interface flags.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The form.
    pub form: Form,
    /// The share link or remembered state could not be read.
    pub link_error: bool,
    /// "Remember my inputs" is on.
    pub remember: bool,
    /// Keys a link or remembered state set that the form does not show here; they were dropped.
    pub dropped: Vec<&'static str>,
    /// The remembered inputs could not be read; they were cleared.
    pub stored_error: bool,
    /// The form key being typed into: its error waits until the user leaves the field.
    pub editing: Option<String>,
    /// The offer check starts open: the link carried an offer. Fixed at start, so that the panel
    /// never closes under the user when they clear its last field.
    pub offer_open: bool,
    /// How many offer forms are shown (1 to 4): the offers the form holds, or more once the reader
    /// asks to add one.
    pub offers_shown: usize,
    /// The inputs before the last "start over", until the user types again: one tap undoes it
    /// (newcomer review 12.1: it wiped the enterprise, the self-assessment and the offer at once).
    pub undo: Option<Box<Form>>,
}

/// What the user did.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A field changed (by its form key: a registry field's, or a history, answer or offer cell's).
    Set(String, String),
    /// The line changed: the sector resets to the line's first.
    Line(Line),
    /// The sector group changed: the subsector resets to the group's first.
    Group(String),
    /// Language switch.
    Lang(Lang),
    /// The elder-friendly mode (长辈版) on or off.
    Elder(bool),
    /// "Remember my inputs" toggled.
    Remember(bool),
    /// Back to the defaults (keeping the language), dismissing any note about the link.
    Reset,
    /// Focus left a field: its errors may show now.
    Leave,
    /// Remove every offer field.
    ClearOffer,
    /// Show one more offer form (to compare offers).
    AddOffer,
    /// Remove offer `n` (from 0); the later ones move up.
    RemoveOffer(usize),
    /// Bring back the inputs "start over" cleared.
    Undo,
}

/// What the reducer needs from outside it, passed in so that it is plain Rust tested natively: today
/// (the date "start over" fills in) and the statutes (the first sector of a line or group).
pub struct Context<'a> {
    /// Today, `YYYY-MM-DD`.
    pub today: &'a str,
    /// The shipped statutes, if they loaded.
    pub statutes: Option<&'a Statutes>,
}

impl Context<'_> {
    fn first_sector(&self, pred: impl Fn(&SectorDef) -> bool) -> Option<String> {
        self.statutes?
            .sectors
            .iter()
            .find(|s| pred(s))
            .map(|s| s.id.clone())
    }
}

impl State {
    /// A state holding `form`, every interface flag at rest (nothing remembered, no note, one offer form).
    pub fn new(form: Form) -> State {
        State {
            form,
            link_error: false,
            remember: false,
            dropped: Vec::new(),
            stored_error: false,
            editing: None,
            offer_open: false,
            offers_shown: 1,
            undo: None,
        }
    }

    /// The state after `action`: the whole reducer, with no clock and no global rules.
    pub fn apply(mut self, action: Action, cx: &Context<'_>) -> State {
        match action {
            Action::Set(k, v) => {
                self.form.set(&k, &v);
                self.editing = Some(k);
                self.undo = None;
            }
            Action::Line(l) => {
                self.form.put(F::Line, l.key());
                if let Some(id) = cx.first_sector(|d| d.line == l) {
                    self.form.put(F::Sector, &id);
                }
            }
            Action::Group(g) => {
                if let Some(id) = cx.first_sector(|d| d.group() == g) {
                    self.form.put(F::Sector, &id);
                }
            }
            Action::Lang(l) => self.form.lang = l,
            Action::Elder(on) => self.form.elder = on,
            Action::Remember(r) => self.remember = r,
            Action::Leave => self.editing = None,
            Action::ClearOffer => {
                self.form.clear_offer();
                self.offers_shown = 1;
            }
            Action::AddOffer => {
                self.offers_shown = (self.offers_shown.max(self.form.offer_count()) + 1)
                    .min(crate::model::MAX_OFFERS);
            }
            Action::RemoveOffer(n) => {
                self.form.remove_offer(n);
                self.offers_shown = self.offers_shown.saturating_sub(1).max(1);
            }
            Action::Undo => {
                if let Some(f) = self.undo.take() {
                    self.form = *f;
                }
            }
            Action::Reset => {
                let (lang, elder) = (self.form.lang, self.form.elder);
                self.undo = Some(Box::new(self.form.clone()));
                self.form = Form::new(cx.today);
                self.form.lang = lang;
                self.form.elder = elder;
                self.link_error = false;
                self.stored_error = false;
                self.dropped.clear();
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start() -> State {
        State::new(Form::new("2026-12-03"))
    }

    fn with_rules<T>(f: impl FnOnce(&Context<'_>) -> T) -> T {
        let rules = baofei_rules::load().expect("shipped rules load");
        f(&Context {
            today: "2027-01-15",
            statutes: Some(rules.statutes()),
        })
    }

    #[test]
    fn a_new_line_starts_on_its_first_sector() {
        with_rules(|cx| {
            let s = start().apply(Action::Line(Line::Environmental), cx);
            assert_eq!(s.form.line(), Line::Environmental);
            let first = cx
                .statutes
                .unwrap()
                .sectors
                .iter()
                .find(|d| d.line == Line::Environmental);
            assert_eq!(s.form.value(F::Sector), first.unwrap().id);
        });
    }

    #[test]
    fn start_over_uses_the_date_it_is_given_and_one_tap_undoes_it() {
        with_rules(|cx| {
            let mut s = start()
                .apply(Action::Set("e".into(), "250".into()), cx)
                .apply(Action::Elder(true), cx);
            s.form.lang = Lang::En;
            let s = s.apply(Action::Reset, cx);
            // Today comes from the context, not a clock: the test picks it.
            assert_eq!(s.form.value(F::AsOf), "2027-01-15");
            assert_eq!(s.form.value(F::Employees), "100");
            assert_eq!(s.form.lang, Lang::En, "the language survives start over");
            assert!(s.form.elder, "so does the elder-friendly mode");
            let s = s.apply(Action::Undo, cx);
            assert_eq!(s.form.value(F::Employees), "250");
            assert_eq!(s.form.value(F::AsOf), "2026-12-03");
        });
    }

    #[test]
    fn typing_marks_the_field_being_edited_and_drops_the_undo() {
        with_rules(|cx| {
            let s = start().apply(Action::Reset, cx);
            assert!(s.undo.is_some());
            let s = s.apply(Action::Set("e".into(), "30".into()), cx);
            assert!(s.undo.is_none());
            assert_eq!(s.editing.as_deref(), Some("e"));
            let s = s.apply(Action::Leave, cx);
            assert_eq!(s.editing, None);
        });
    }

    #[test]
    fn without_statutes_a_line_change_keeps_the_sector() {
        let cx = Context {
            today: "2027-01-15",
            statutes: None,
        };
        let before = start();
        let s = before.clone().apply(Action::Line(Line::Environmental), &cx);
        assert_eq!(s.form.value(F::Sector), before.form.value(F::Sector));
        let s = s.apply(Action::Group("mining".into()), &cx);
        assert_eq!(s.form.value(F::Sector), before.form.value(F::Sector));
    }

    #[test]
    fn offers_are_added_up_to_four_and_removed_one_at_a_time() {
        let cx = Context {
            today: "2026-06-01",
            statutes: None,
        };
        let mut s = start();
        for _ in 0..5 {
            s = s.apply(Action::AddOffer, &cx);
        }
        assert_eq!(s.offers_shown, 4);
        let s = s
            .apply(Action::Set("o2.prem".into(), "55000".into()), &cx)
            .apply(Action::RemoveOffer(0), &cx);
        assert_eq!(s.offers_shown, 3);
        assert_eq!(
            s.form.get("o.prem"),
            "55000",
            "the second offer became the first"
        );
        let s = s.apply(Action::ClearOffer, &cx);
        assert_eq!((s.offers_shown, s.form.has_offer()), (1, false));
    }
}
