//! The two languages and one bilingual text type: every label, unit and vocabulary name the engine,
//! the widget and the CLI show is a [`Text`], and [`Text::pick`] is the one place a language is chosen.

/// Interface language: Chinese first, English available.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// 简体中文 (default).
    #[default]
    Zh,
    /// English.
    En,
}

/// A fixed text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Text {
    /// Chinese.
    pub zh: &'static str,
    /// English.
    pub en: &'static str,
}

impl Text {
    /// A text from its two versions.
    pub const fn new(zh: &'static str, en: &'static str) -> Text {
        Text { zh, en }
    }

    /// The version in `lang`.
    pub const fn pick(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pick_chooses_the_language() {
        let t = Text::new("从业人员数", "Employees");
        assert_eq!(t.pick(Lang::Zh), "从业人员数");
        assert_eq!(t.pick(Lang::En), "Employees");
        assert_eq!(Lang::default(), Lang::Zh);
    }
}
