//! Where a rule comes from.

use serde::Serialize;

/// The domains whose pages are official copies of a rule: the government's (gov.cn, and under it the
/// State Council, the ministries, the provinces and the bureaus; flk.npc.gov.cn for laws). The list a
/// person reviews lives in `crates/baofei-rules/official-domains.txt`; a test keeps the two equal.
pub const OFFICIAL_DOMAINS: &[&str] = &["gov.cn"];

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
    /// Supplied by the site's host in a local-rules file (issue 33), not shipped with Baofei: every
    /// front end labels it so (由本站提供). Never read from a rule file: set only when a host's file
    /// is merged ([`crate::rules::local`]), so a shipped or insurer's file cannot claim it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub host: bool,
}

impl Citation {
    /// Whether the source address is an official copy: a host in [`OFFICIAL_DOMAINS`] or under one.
    /// Front ends link only such addresses; any other is shown as text (a government site that links
    /// a repost vouches for it, and one that later serves bad content is a veto for the host: issue 29).
    pub fn official_url(&self) -> bool {
        self.url.as_deref().is_some_and(|u| {
            // A backslash reads as a slash in browsers (`https://evil\@www.gov.cn` goes to evil), and
            // credentials or spaces have no place in a citation's address: refused before the host is read.
            if u.chars()
                .any(|c| c == '\\' || c == '@' || c.is_whitespace() || c.is_control())
            {
                return false;
            }
            let Some(rest) = u
                .strip_prefix("https://")
                .or_else(|| u.strip_prefix("http://"))
            else {
                return false;
            };
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            OFFICIAL_DOMAINS
                .iter()
                .any(|d| host == *d || host.strip_suffix(d).is_some_and(|h| h.ends_with('.')))
        })
    }

    /// The address to link, if it is an official copy; `None` for anything else.
    pub fn official_link(&self) -> Option<&str> {
        self.url.as_deref().filter(|_| self.official_url())
    }

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
        if self.host {
            s.push_str(" (由本站提供 supplied by this site)");
        }
        s
    }
}

/// A rule borrowed from elsewhere (another region, the other line, an analogue) says so where its
/// figure is shown, in the reader's language: "参照阜阳市规定" / "reference: Fuyang". A region's own
/// rule wins over a national one, and a national one over a borrowed reference; only the last
/// carries this label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reference {
    /// Chinese, e.g. 参照阜阳市规定.
    pub zh: String,
    /// English, e.g. "reference: Fuyang".
    pub en: String,
}

/// Sources several layers cite (the self-assessment's questions, guidance's next steps, the risk tier
/// step of pricing). Kept in the lowest layer so that none of them has to import another for a citation.
pub mod known {
    use super::Citation;

    /// 渝府办发〔2017〕182号 (Chongqing's implementing opinion), at an article.
    pub fn c182(article: &str) -> Citation {
        Citation {
            document: "重庆市人民政府办公厅关于在高危行业领域强制推行安全生产责任保险的实施意见"
                .into(),
            number: Some("渝府办发〔2017〕182号".into()),
            article: Some(article.into()),
            url: None,
            host: false,
        }
    }
    /// 吉应急规划财务联〔2020〕282号 (Jilin's notice), at an article.
    pub fn c282(article: &str) -> Citation {
        Citation {
            document: "关于进一步推进安全生产责任保险工作的通知".into(),
            number: Some("吉应急规划财务联〔2020〕282号".into()),
            article: Some(article.into()),
            url: None,
            host: false,
        }
    }
    /// 应急〔2025〕27号, the national implementing measures, at an article.
    pub fn c27(article: &str) -> Citation {
        Citation {
            document: "安全生产责任保险实施办法".into(),
            number: Some("应急〔2025〕27号".into()),
            article: Some(article.into()),
            url: Some("https://www.gov.cn/zhengce/zhengceku/202504/content_7017006.htm".into()),
            host: false,
        }
    }
    /// The Work Safety Law (2021 amendment), at an article.
    pub fn aqf(article: &str) -> Citation {
        Citation {
            document: "中华人民共和国安全生产法(2021年修正)".into(),
            number: None,
            article: Some(article.into()),
            // No official copy's address is known to us: cited as text (issue 29 point 1).
            url: None,
            host: false,
        }
    }
    /// 环发〔2013〕10号, the national guidance on 环责险 (the pilot of compulsory environmental
    /// pollution liability insurance): the environmental line's own national document, cited where the
    /// self-assessment asks about environmental risk prevention. No article: none was verified.
    pub fn c2013() -> Citation {
        Citation {
            document: "关于开展环境污染强制责任保险试点工作的指导意见".into(),
            number: Some("环发〔2013〕10号".into()),
            article: None,
            url: None,
            host: false,
        }
    }
    /// 中华人民共和国环境保护法(2014年修订), at an article.
    pub fn hbf(article: &str) -> Citation {
        Citation {
            document: "中华人民共和国环境保护法(2014年修订)".into(),
            number: None,
            article: Some(article.into()),
            url: None,
            host: false,
        }
    }
    /// 吉环文〔2019〕170号 (Changchun's reply on 环责险 coverage), 一(五).
    pub fn c001() -> Citation {
        Citation {
            document:
                "长春市生态环境局对市政协十四届二次会议第329号委员提案的答复(引吉环文〔2019〕170号)"
                    .into(),
            number: Some("吉环文〔2019〕170号".into()),
            article: Some("一(五)".into()),
            url: None,
            host: false,
        }
    }
    /// 渝环函〔2021〕294号 (Chongqing's reply on 环责险 credit grades), 一(一).
    pub fn c294() -> Citation {
        Citation {
            document: "重庆市生态环境局关于市五届人大四次会议第0304号建议办理情况的答复函".into(),
            number: Some("渝环函〔2021〕294号".into()),
            article: Some("一(一)".into()),
            url: None,
            host: false,
        }
    }

    /// Source of the high/medium/low tiering.
    pub fn tiering_citation() -> Citation {
        Citation {
            document: "关于充分发挥安全生产责任保险功能作用助力安全生产治本攻坚三年行动的通知"
                .into(),
            number: None,
            article: None,
            url: None,
            host: false,
        }
    }
}
