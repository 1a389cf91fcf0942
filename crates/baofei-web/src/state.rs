//! Widget state and what changes it: the form (the share-link model) plus two interface flags, the
//! actions the views dispatch, and where the state starts (address bar, remembered inputs, preset).

use crate::hooks::share::{store_fragment, stored_fragment};
use crate::model::{Form, Lang};
use crate::outcome::rules;
use std::rc::Rc;
use yew::Reducible;

/// Today in the browser's local time, `YYYY-MM-DD`: only the default of the as-of field.
fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

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
    /// The inputs before the last "start over", until the user types again: one tap undoes it
    /// (newcomer review 12.1: it wiped the enterprise, the self-assessment and the offer at once).
    pub undo: Option<Box<Form>>,
}

/// What the user did.
pub enum Action {
    /// A field changed.
    Set(String, String),
    /// The line changed: the sector resets to the line's first.
    Line(String),
    /// The sector group changed: the subsector resets to the group's first.
    Group(String),
    /// Language switch.
    Lang(Lang),
    /// "Remember my inputs" toggled.
    Remember(bool),
    /// Back to the defaults (keeping the language), dismissing any note about the link.
    Reset,
    /// Focus left a field: its errors may show now.
    Leave,
    /// Remove every offer field.
    ClearOffer,
    /// Bring back the inputs "start over" cleared.
    Undo,
}

fn first_sector(pred: impl Fn(&baofei_core::rules::SectorDef) -> bool) -> Option<String> {
    rules()
        .as_ref()
        .ok()?
        .statutes()
        .sectors
        .iter()
        .find(|s| pred(s))
        .map(|s| s.id.clone())
}

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Set(k, v) => {
                s.form.set(&k, &v);
                s.editing = Some(k);
                s.undo = None;
            }
            Action::Line(l) => {
                s.form.set("l", &l);
                if let Some(id) = first_sector(|d| d.line.key() == l) {
                    s.form.set("s", &id);
                }
            }
            Action::Group(g) => {
                if let Some(id) = first_sector(|d| d.group() == g) {
                    s.form.set("s", &id);
                }
            }
            Action::Lang(l) => s.form.lang = l,
            Action::Remember(r) => s.remember = r,
            Action::Leave => s.editing = None,
            Action::ClearOffer => s.form.clear_offer(),
            Action::Undo => {
                if let Some(f) = s.undo.take() {
                    s.form = *f;
                }
            }
            Action::Reset => {
                let lang = s.form.lang;
                s.undo = Some(Box::new(s.form.clone()));
                s.form = Form::new(&today());
                s.form.lang = lang;
                s.link_error = false;
                s.stored_error = false;
                s.dropped.clear();
            }
        }
        Rc::new(s)
    }
}

/// Where the widget starts. The standalone page reads its address bar, then (unframed only) the
/// remembered inputs; an embed reads only its preset.
pub fn initial_state(
    standalone: bool,
    storage: bool,
    preset: Option<&str>,
    lang: Option<&str>,
) -> State {
    let today = today();
    // What to start from, whether inputs are remembered, and whether they came from storage.
    let (source, remember, from_storage) = if standalone {
        let hash = gloo::utils::window().location().hash().unwrap_or_default();
        let stored = if storage { stored_fragment() } else { None };
        let remember = stored.is_some();
        if hash.len() > 1 {
            (Some(hash), remember, false)
        } else {
            (stored, remember, true)
        }
    } else {
        (
            preset.filter(|p| !p.is_empty()).map(String::from),
            false,
            false,
        )
    };
    // A first visit with nothing to restore speaks the browser's language (Chinese unless the
    // browser asks for another); a link or a remembered state says its own.
    let first_visit = standalone && source.is_none();
    let mut state = initial_from(source, &today, remember);
    if first_visit && lang.is_none() {
        let browser = gloo::utils::window()
            .navigator()
            .language()
            .unwrap_or_default();
        if !browser.is_empty() && !browser.to_ascii_lowercase().starts_with("zh") {
            state.form.lang = Lang::En;
        }
    }
    // A remembered state that cannot be read would come back on every visit: clear it and say so
    // (security review F8).
    if from_storage && state.link_error {
        store_fragment(None);
        state.link_error = false;
        state.stored_error = true;
        state.remember = false;
    }
    match lang {
        Some("en") => state.form.lang = Lang::En,
        Some("zh") | Some("zh-CN") => state.form.lang = Lang::Zh,
        _ => {}
    }
    state
}

fn initial_from(source: Option<String>, today: &str, remember: bool) -> State {
    let mut state = State {
        form: Form::new(today),
        link_error: false,
        remember,
        dropped: Vec::new(),
        stored_error: false,
        editing: None,
        offer_open: false,
        undo: None,
    };
    match source.map(|f| Form::from_fragment(&f, today)) {
        Some(Ok((mut form, _skipped))) => {
            let basis = rules()
                .as_ref()
                .ok()
                .and_then(|r| r.statutes().sector(form.get("s")))
                .map(|s| s.basis);
            state.dropped = form.drop_hidden(basis);
            state.offer_open = form.has_offer();
            state.form = form;
        }
        Some(Err(_)) => state.link_error = true,
        None => {}
    }
    state
}
