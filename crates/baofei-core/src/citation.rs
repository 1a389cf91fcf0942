//! Where a rule comes from.

use serde::Serialize;

/// A legal or published source: every parameter and every trace step carries one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// Title of the document, e.g. 《安全生产责任保险实施办法》.
    pub document: String,
    /// Its number (文号), e.g. 应急〔2025〕27号; `None` for laws and untitled tables.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Article or section, e.g. "第十五条" or "二(五)"; `None` where it was not verified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// Public address where the text was read, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Citation {
    /// One line for a terminal or a tooltip: document, number, article.
    pub fn short(&self) -> String {
        let mut s = self.document.clone();
        if let Some(n) = &self.number {
            s.push(' ');
            s.push_str(n);
        }
        if let Some(a) = &self.article {
            s.push(' ');
            s.push_str(a);
        }
        s
    }
}
