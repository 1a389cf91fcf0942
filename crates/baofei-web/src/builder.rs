//! The campaign link builder: pick region, line, sector and language; get the share link, its QR
//! code and the embed snippets to copy. Uses the same form model, so links always restore.

use crate::model::{qr_svg_path, Form, Lang};
use crate::outcome::rules;
use crate::views::share::CopyButton;
use baofei_core::fields::Field as F;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

fn base_url() -> String {
    let loc = gloo::utils::window().location();
    let path = loc.pathname().unwrap_or_default();
    let dir = &path[..path.rfind('/').map(|i| i + 1).unwrap_or(0)];
    format!("{}{}", loc.origin().unwrap_or_default(), dir)
}

/// Whether the page is served from this machine (localhost, a loopback address).
fn local_host() -> bool {
    let host = gloo::utils::window()
        .location()
        .hostname()
        .unwrap_or_default();
    host == "localhost" || host.starts_with("127.") || host == "[::1]" || host == "::1"
}

/// The input a sector's premium basis needs, with the default a campaign link starts from, so that a
/// link never opens on an error (issue 16 point 4): the registry field (its link key, element
/// attribute and label), and the builder's own starting figure.
fn basis_field(
    basis: Option<baofei_core::domain::PremiumBasis>,
) -> Option<(F, String, &'static str)> {
    use baofei_core::domain::PremiumBasis as B;
    use baofei_core::fields::{Shown, FIELDS};
    let basis = basis?;
    let spec = match basis {
        B::Headcount => Some(F::Employees.spec()),
        B::AggregateLimit => None,
        b => FIELDS
            .iter()
            .find(|f| f.shown == Shown::Basis(b) && f.attr.is_some()),
    }?;
    let start = match basis {
        B::Headcount => "100",
        B::ContractValue => "3000",
        B::Tonnage => "300000",
        B::Vehicles => "20",
        B::Seats => "300",
        B::AggregateLimit => return None,
    };
    spec.attr?;
    Some((spec.id, both(spec), start))
}

/// A field's label in both languages with its unit, as the builder (for marketers of either
/// language) shows it: "工程造价(万元) Project contract value (× CNY 10,000)".
fn both(f: &baofei_core::fields::FieldSpec) -> String {
    let u = f.unit.text();
    if u.zh.is_empty() || f.unit == baofei_core::fields::Unit::Person {
        format!("{} {}", f.label.zh, f.label.en)
    } else {
        format!("{}({}) {} ({})", f.label.zh, u.zh, f.label.en, u.en)
    }
}

/// The builder page.
#[component]
pub fn Builder() -> Html {
    let form = use_state(|| {
        let mut f = Form::new("");
        f.values.remove(F::AsOf.link()); // campaign links leave the date to the day they are opened
        f
    });
    let caption =
        use_state(|| AttrValue::from("扫码测算安责险保费 · Scan to estimate your premium"));
    // The tag as typed: shown back as typed, and put in the link only when it is a valid tag.
    let campaign = use_state(String::new);
    let Ok(rules) = rules() else {
        return html! { <p role="alert">{ "rules failed to load" }</p> };
    };
    let st = rules.statutes();
    // A select: a registry field, or (None) the language.
    let set = |key: Option<F>| {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut f = (*form).clone();
            let st = rules.statutes();
            // A new sector starts with its basis field filled, so the link it makes opens on a figure
            // (a headcount typed earlier is kept).
            let with_sector = |f: &mut Form, id: &str| {
                f.put(F::Sector, id);
                let basis = basis_field(st.sector(id).map(|s| s.basis));
                // The optional headcount beside another basis starts empty: a default of 100 would be
                // presented to every visitor as their own size (newcomer review 11.1).
                if !matches!(basis, Some((F::Employees, ..))) && f.value(F::Employees) == "100" {
                    f.put(F::Employees, "");
                }
                if let Some((k, _, d)) = basis {
                    if f.value(k).trim().is_empty() || k != F::Employees {
                        f.put(k, d);
                    }
                }
            };
            match key {
                None => f.lang = if v == "en" { Lang::En } else { Lang::Zh },
                Some(F::Line) => {
                    f.put(F::Line, &v);
                    let line = f.line();
                    if let Some(s) = st.sectors.iter().find(|s| s.line == line) {
                        with_sector(&mut f, &s.id);
                    }
                }
                Some(F::Sector) => with_sector(&mut f, &v),
                Some(field) => {
                    f.put(field, &v);
                }
            }
            form.set(f);
        })
    };
    let typed = |key: F| {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut f = (*form).clone();
            f.put(key, v.trim());
            form.set(f);
        })
    };
    let base = base_url();
    let lang = if form.lang == Lang::En { "en" } else { "zh" };
    let basis = basis_field(st.sector(form.value(F::Sector)).map(|s| s.basis));
    let env = form.env();
    // The free fields take a plain number only (security review N5: what a marketer types became
    // markup in the snippets and extra keys in the link). A bad value is said at its field and left
    // out of the link, never carried into it.
    let number_ok = |v: &str| {
        v.is_empty()
            || (v.len() <= 16
                && v.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                && v.bytes().filter(|b| *b == b'.').count() <= 1
                && v.bytes().any(|b| b.is_ascii_digit()))
    };
    // Fields the link presets: the premium's basis and, for a sector not priced per head, the
    // headcount too (it sets the size class; newcomer review 11.1: a construction link priced every
    // visitor as a 100-person firm without saying so).
    let mut free: Vec<(F, String)> = Vec::new();
    if let Some((k, label, _)) = &basis {
        free.push((*k, label.clone()));
    }
    if !matches!(basis, Some((F::Employees, ..))) && !env {
        free.push((F::Employees, "从业人员数(选填) Employees (optional)".into()));
    }
    let campaign_ok = campaign.is_empty() || crate::model::valid_campaign(&campaign);
    let tag = (!campaign.is_empty() && campaign_ok).then(|| campaign.to_string());
    // Every preset spelled out (not only what differs from today's defaults), so the link means the
    // same thing whatever a later version's defaults are: one list of (link key, element attribute,
    // value), written into the link and into the element snippet.
    // Link key and attribute from the registry: the builder types neither.
    let preset = |field: F| {
        let f = field.spec();
        (
            f.link,
            f.attr.unwrap_or(f.key),
            form.value(field).to_string(),
        )
    };
    let mut presets: Vec<(&str, &str, String)> =
        vec![preset(F::Region), preset(F::Line), preset(F::Sector)];
    for (k, _) in &free {
        let v = form.value(*k);
        if !v.is_empty() && number_ok(v) {
            presets.push(preset(*k));
        }
    }
    if env {
        presets.push(preset(F::EnvRiskGrade));
    }
    // Every value percent-encoded in the link, escaped in the HTML snippet and JSON-encoded in the
    // script snippet: the output is pasted into other sites' pages (N5).
    let mut parts: Vec<(&str, String)> = vec![("v", "1".into())];
    parts.extend(presets.iter().map(|(k, _, v)| (*k, v.clone())));
    parts.push(("lang", lang.into()));
    if let Some(t) = &tag {
        parts.push(("c", t.clone()));
        presets.push(("c", "campaign", t.clone()));
    }
    let fragment = parts
        .iter()
        .map(|(k, v)| format!("{k}={}", crate::model::pct_encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let link = format!("{base}index.html#{fragment}");
    let attrs = presets
        .iter()
        .map(|(_, a, v)| format!("{a}=\"{}\"", crate::model::esc_html(v)))
        .collect::<Vec<_>>()
        .join(" ");
    let base_attr = crate::model::esc_html(&base);
    // Fallback content: the element's shadow root hides it once the script runs; where the script is
    // blocked (another origin without CORS, an old browser) the visitor gets a link to the full page
    // instead of nothing (newcomer 7.6).
    let fallback = if lang == "en" {
        "Open the liability-insurance premium calculator"
    } else {
        "打开安责险、环责险保费测算"
    };
    let link_attr = crate::model::esc_html(&link);
    let element = format!(
        "<script type=\"module\" src=\"{base_attr}embed/baofei-embed.js\"></script>\n<baofei-quote {attrs} lang=\"{lang}\"><a href=\"{link_attr}\">{fallback}</a></baofei-quote>"
    );
    let js = |v: &str| serde_json::to_string(v).unwrap_or_else(|_| "\"\"".into());
    let iframe = format!(
        "<div id=\"baofei-quote\"></div>\n<script type=\"module\">\n  import {{ mountFrame }} from {};\n  mountFrame(document.getElementById(\"baofei-quote\"), {{ preset: {} }});\n</script>",
        js(&format!("{base}embed/baofei-iframe.js")),
        js(&fragment)
    );
    let line = form.line();
    let opt = |v: &str, label: &str, cur: &str| {
        let sel = v == cur;
        html! { <option value={v.to_string()} selected={sel}>{ label.to_string() }</option> }
    };
    let qr = qr_svg_path(&link);
    let on_campaign = {
        let campaign = campaign.clone();
        Callback::from(move |e: InputEvent| {
            campaign.set(
                e.target_unchecked_into::<HtmlInputElement>()
                    .value()
                    .trim()
                    .to_string(),
            )
        })
    };
    let on_caption = {
        let caption = caption.clone();
        Callback::from(move |e: InputEvent| {
            caption.set(e.target_unchecked_into::<HtmlInputElement>().value().into())
        })
    };
    html! {
        <div class="bf bf-builder">
            <h1>{ "推广链接生成器 · Campaign link builder" }</h1>
            // A link made on this machine's own address opens nowhere else: say so before it is printed.
            if local_host() {
                <p class="bf-banner" role="status" id="b-local">{ "本页运行在本机地址：生成的链接和二维码只能在这台电脑上打开，请在正式网站上生成推广链接。 This page runs on a local address: its links and QR codes open only on this computer; make campaign links on the public site." }</p>
            }
            <div class="bf-form">
                <div class="bf-field"><label for="b-r">{ "地区 Region" }</label>
                    <select id="b-r" onchange={set(Some(F::Region))}>{ for st.regions.iter().map(|r| opt(&r.id, &format!("{} {}", r.name_zh, r.name_en), form.value(F::Region))) }</select></div>
                <div class="bf-field"><label for="b-l">{ "险种 Line" }</label>
                    <select id="b-l" onchange={set(Some(F::Line))}>
                        { for baofei_core::domain::Line::ALL.iter().map(|l| opt(l.key(), &format!("{} {}", l.name().zh, l.name().en.split(" (").next().unwrap_or_default()), line.key())) }
                    </select></div>
                <div class="bf-field"><label for="b-s">{ "行业 Sector" }</label>
                    <select id="b-s" onchange={set(Some(F::Sector))}>{ for st.sectors.iter().filter(|s| s.line == line).map(|s| opt(&s.id, &format!("{} · {} / {}", s.group_zh, s.name_zh, s.name_en), form.value(F::Sector))) }</select></div>
                { for free.iter().map(|(k, label)| {
                    let id = if Some(*k) == basis.as_ref().map(|b| b.0) { "b-basis".to_string() } else { format!("b-{}", k.link()) };
                    let v = form.value(*k).to_string();
                    let ok = number_ok(&v);
                    let hint_id = format!("{id}-hint");
                    html! {
                        <div class={classes!("bf-field", (!ok).then_some("invalid"))}><label for={id.clone()}>{ label.clone() }</label>
                            <input id={id.clone()} type="text" inputmode="decimal" value={v} oninput={typed(*k)} aria-invalid={(!ok).to_string()} aria-describedby={hint_id.clone()} />
                            if ok {
                                <p class="bf-hint" id={hint_id}>{ if id == "b-basis" { "链接打开时预填此项(计算保费所必需)。Prefilled when the link opens (the premium needs it)." } else { "填写后链接按此人数确定企业规模；不填则由访问者自己填写。Sets the size class when given; otherwise the visitor enters it." } }</p>
                            } else {
                                <p class="bf-err" id={hint_id} role="alert">{ "请只填数字(如 3000)：此项未写入链接。Numbers only (e.g. 3000): this value is not in the link." }</p>
                            }
                        </div>
                    }
                }) }
                <div class="bf-field"><label for="b-lang">{ "语言 Language" }</label>
                    <select id="b-lang" onchange={set(None)}>{ opt("zh", "中文", lang) }{ opt("en", "English", lang) }</select></div>
                <div class={classes!("bf-field", (!campaign_ok).then_some("invalid"))}><label for="b-c">{ "活动标记(选填) Campaign tag (optional)" }</label>
                    <input id="b-c" type="text" value={(*campaign).clone()} oninput={on_campaign} aria-describedby="b-c-hint" aria-invalid={(!campaign_ok).to_string()} />
                    <p class="bf-hint" id="b-c-hint">{ "字母、数字、- _ .，最多64个。随链接和报价事件传递给您的页面，本工具不向任何地方发送。Letters, digits, - _ . (up to 64); carried in the link and the quote events for your own page, never sent anywhere by the widget." }</p>
                    // Said, not silently dropped (newcomer review 11.2).
                    if !campaign_ok {
                        <p class="bf-err" id="b-c-error" role="alert">{ "标记含不允许的字符(如空格、!)：此标记未写入链接。The tag has characters that are not allowed (a space, !...): it is not in the link." }</p>
                    }
                    </div>
            </div>
            <section class="bf-share">
                <h2>{ "分享链接 Share link" }</h2>
                <div class="bf-share-row"><input id="b-link" type="text" readonly=true value={link.clone()} aria-label="share link" />
                    <CopyButton link={link.clone()} label="复制 Copy" done="已复制 Copied" target="b-link" /></div>
                if let Some((size, path)) = qr {
                    <figure class="bf-qr-figure">
                        <svg id="b-qr" class="bf-qr" role="img" aria-label="QR code of the share link" data-modules={size.to_string()} viewBox={format!("-2 -2 {} {}", size + 4, size + 4)} xmlns="http://www.w3.org/2000/svg">
                            <rect x="-2" y="-2" width={(size + 4).to_string()} height={(size + 4).to_string()} fill="#fff" />
                            <path d={path} fill="#000" />
                        </svg>
                        <figcaption id="b-qr-caption">{ (*caption).clone() }</figcaption>
                    </figure>
                }
                <div class="bf-field"><label for="b-caption">{ "二维码说明文字 QR caption" }</label>
                    <input id="b-caption" type="text" value={(*caption).clone()} oninput={on_caption} /></div>
                <div class="bf-field"><label for="b-size">{ "下载尺寸 Download size" }</label>
                    <select id="b-size">{ opt("256", "256 px", "512") }{ opt("512", "512 px", "512") }{ opt("1024", "1024 px", "512") }</select></div>
                <div class="bf-share-row">
                    <button type="button" id="b-dl-png">{ "下载 PNG · Download PNG" }</button>
                    <button type="button" id="b-dl-svg">{ "下载 SVG · Download SVG" }</button>
                </div>
                <h2>{ "嵌入代码 Embed: custom element" }</h2>
                <textarea id="b-element" readonly=true rows="3" aria-label="custom element snippet" value={element.clone()} />
                <CopyButton link={element} label="复制 Copy" done="已复制 Copied" target="b-element" />
                <h2>{ "嵌入代码 Embed: iframe" }</h2>
                <textarea id="b-iframe" readonly=true rows="5" aria-label="iframe snippet" value={iframe.clone()} />
                <CopyButton link={iframe} label="复制 Copy" done="已复制 Copied" target="b-iframe" />
            </section>
            <section class="bf-preview">
                <h2>{ "预览 Preview" }</h2>
                <p class="bf-hint">{ "链接打开后的样子(本页内嵌，不发送任何数据)。What the link opens (framed here; nothing is sent)." }</p>
                // Keyed by the link: a new iframe for each link, since only its fragment changes and the
                // framed page reads its fragment once, on load.
                <iframe key={link.clone()} id="b-preview" src={link} title="预览 Preview of the linked widget" loading="lazy"></iframe>
            </section>
        </div>
    }
}

/// Mounts the link builder in `root`. Exported by the builder's own bin (`baofei-builder`), not by
/// the widget's: the widget page never loads the builder (issue 15 point 3).
pub fn mount_builder(root: JsValue) -> Result<(), JsValue> {
    let root = crate::embed::element(root, "mountBuilder")?;
    yew::Renderer::<Builder>::with_root(root).render();
    Ok(())
}
