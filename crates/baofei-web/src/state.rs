//! Widget state and what changes it: the form (the share-link model) plus two interface flags, the
//! actions the views dispatch, and where the state starts (address bar, remembered inputs, preset).

use crate::hooks::share::stored_fragment;
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
        }
        Rc::new(s)
    }
}

/// Where the widget starts. The standalone page reads its address bar, then remembered inputs;
/// an embed reads only its preset.
pub fn initial_state(standalone: bool, preset: Option<&str>, lang: Option<&str>) -> State {
    let today = today();
    let (source, remember) = if standalone {
        let hash = gloo::utils::window().location().hash().unwrap_or_default();
        let stored = stored_fragment();
        let remember = stored.is_some();
        (if hash.len() > 1 { Some(hash) } else { stored }, remember)
    } else {
        (preset.filter(|p| !p.is_empty()).map(String::from), false)
    };
    let mut state = initial_from(source, &today, remember);
    match lang {
        Some("en") => state.form.lang = Lang::En,
        Some("zh") | Some("zh-CN") => state.form.lang = Lang::Zh,
        _ => {}
    }
    state
}

fn initial_from(source: Option<String>, today: &str, remember: bool) -> State {
    match source.map(|f| Form::from_fragment(&f, today)) {
        Some(Ok((form, _skipped))) => State {
            form,
            link_error: false,
            remember,
        },
        Some(Err(_)) => State {
            form: Form::new(today),
            link_error: true,
            remember,
        },
        None => State {
            form: Form::new(today),
            link_error: false,
            remember,
        },
    }
}
