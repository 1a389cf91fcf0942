//! Widget state and what changes it: the form (the share-link model) plus two interface flags, the
//! actions the views dispatch, and where the state starts (address bar, remembered inputs, preset).

use crate::hooks::share::{store_fragment, stored_fragment};
use crate::model::{Form, Lang};
use crate::outcome::rules;
pub use crate::reducer::{Action, Context, State};
use baofei_core::fields::Field as F;
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

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let today = today();
        let cx = Context {
            today: &today,
            statutes: rules().as_ref().ok().map(|r| r.statutes()),
        };
        Rc::new((*self).clone().apply(action, &cx))
    }
}

/// Where the widget starts. The standalone page reads its address bar, then (unframed only) the
/// remembered inputs; an embed reads only its preset.
pub fn initial_state(
    standalone: bool,
    storage: bool,
    preset: Option<&str>,
    lang: Option<&str>,
    elder: bool,
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
    if elder {
        state.form.elder = true;
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
        remember,
        ..State::new(Form::new(today))
    };
    match source.map(|f| Form::from_fragment(&f, today)) {
        Some(Ok((mut form, _skipped))) => {
            let statutes = rules().as_ref().ok().map(|r| r.statutes());
            if let Some(st) = statutes {
                form.fit_sector(st);
            }
            let basis = statutes
                .and_then(|st| st.sector(form.value(F::Sector)))
                .map(|s| s.basis);
            state.dropped = form.drop_hidden(basis);
            state.offer_open = form.has_offer();
            state.offers_shown = form.offer_count().max(1);
            state.form = form;
        }
        Some(Err(_)) => state.link_error = true,
        None => {}
    }
    state
}
