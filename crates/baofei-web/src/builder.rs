//! The campaign link builder: pick region, line, sector and language; get the share link, its QR
//! code and the embed snippets to copy. Uses the same form model, so links always restore.

use crate::model::{qr_svg_path, Form, Lang};
use crate::outcome::rules;
use crate::views::share::CopyButton;
use wasm_bindgen::prelude::*;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

fn base_url() -> String {
    let loc = gloo::utils::window().location();
    let path = loc.pathname().unwrap_or_default();
    let dir = &path[..path.rfind('/').map(|i| i + 1).unwrap_or(0)];
    format!("{}{}", loc.origin().unwrap_or_default(), dir)
}

/// The builder page.
#[component]
pub fn Builder() -> Html {
    let form = use_state(|| {
        let mut f = Form::new("");
        f.values.remove("d"); // campaign links leave the date to the day they are opened
        f
    });
    let Ok(rules) = rules() else {
        return html! { <p role="alert">{ "rules failed to load" }</p> };
    };
    let st = rules.statutes();
    let set = |key: &'static str| {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut f = (*form).clone();
            match key {
                "lang" => f.lang = if v == "en" { Lang::En } else { Lang::Zh },
                "l" => {
                    f.set("l", &v);
                    if let Some(s) = rules.statutes().sectors.iter().find(|s| s.line.key() == v) {
                        f.set("s", &s.id);
                    }
                }
                _ => {
                    f.set(key, &v);
                }
            }
            form.set(f);
        })
    };
    let base = base_url();
    let fragment = form.to_fragment();
    let link = format!("{base}index.html#{fragment}");
    let lang = if form.lang == Lang::En { "en" } else { "zh" };
    let element = format!(
        "<script type=\"module\" src=\"{base}embed/baofei-embed.js\"></script>\n<baofei-quote region=\"{}\" line=\"{}\" sector=\"{}\" lang=\"{lang}\"></baofei-quote>",
        form.get("r"),
        form.get("l"),
        form.get("s")
    );
    let iframe = format!(
        "<div id=\"baofei-quote\"></div>\n<script type=\"module\">\n  import {{ mountFrame }} from \"{base}embed/baofei-iframe.js\";\n  mountFrame(document.getElementById(\"baofei-quote\"), {{ preset: \"{fragment}\" }});\n</script>"
    );
    let line = form.get("l").to_string();
    let opt = |v: &str, label: &str, cur: &str| {
        let sel = v == cur;
        html! { <option value={v.to_string()} selected={sel}>{ label.to_string() }</option> }
    };
    let qr = qr_svg_path(&link);
    html! {
        <div class="bf bf-builder">
            <h1>{ "推广链接生成器 · Campaign link builder" }</h1>
            <div class="bf-form">
                <div class="bf-field"><label for="b-r">{ "地区 Region" }</label>
                    <select id="b-r" onchange={set("r")}>{ for st.regions.iter().map(|r| opt(&r.id, &format!("{} {}", r.name_zh, r.name_en), form.get("r"))) }</select></div>
                <div class="bf-field"><label for="b-l">{ "险种 Line" }</label>
                    <select id="b-l" onchange={set("l")}>
                        { opt("work_safety", "安责险 Work-safety liability", &line) }
                        { opt("environmental", "环责险 Environmental pollution liability", &line) }
                    </select></div>
                <div class="bf-field"><label for="b-s">{ "行业 Sector" }</label>
                    <select id="b-s" onchange={set("s")}>{ for st.sectors.iter().filter(|s| s.line.key() == line).map(|s| opt(&s.id, &format!("{} · {} / {}", s.group_zh, s.name_zh, s.name_en), form.get("s"))) }</select></div>
                <div class="bf-field"><label for="b-lang">{ "语言 Language" }</label>
                    <select id="b-lang" onchange={set("lang")}>{ opt("zh", "中文", lang) }{ opt("en", "English", lang) }</select></div>
            </div>
            <section class="bf-share">
                <h2>{ "分享链接 Share link" }</h2>
                <div class="bf-share-row"><input id="b-link" type="text" readonly=true value={link.clone()} aria-label="share link" />
                    <CopyButton link={link.clone()} label="复制 Copy" done="已复制 Copied" /></div>
                if let Some((size, path)) = qr {
                    <svg id="b-qr" class="bf-qr" role="img" aria-label="QR code of the share link" viewBox={format!("-2 -2 {} {}", size + 4, size + 4)} xmlns="http://www.w3.org/2000/svg">
                        <rect x="-2" y="-2" width={(size + 4).to_string()} height={(size + 4).to_string()} fill="#fff" />
                        <path d={path} fill="#000" />
                    </svg>
                }
                <h2>{ "嵌入代码 Embed: custom element" }</h2>
                <textarea id="b-element" readonly=true rows="3" aria-label="custom element snippet" value={element.clone()} />
                <CopyButton link={element} label="复制 Copy" done="已复制 Copied" />
                <h2>{ "嵌入代码 Embed: iframe" }</h2>
                <textarea id="b-iframe" readonly=true rows="5" aria-label="iframe snippet" value={iframe.clone()} />
                <CopyButton link={iframe} label="复制 Copy" done="已复制 Copied" />
            </section>
        </div>
    }
}

/// Mounts the link builder in `root`.
#[wasm_bindgen(js_name = mountBuilder)]
pub fn mount_builder(
    #[wasm_bindgen(unchecked_param_type = "Element")] root: JsValue,
) -> Result<(), JsValue> {
    let root = crate::embed::element(root, "mountBuilder")?;
    yew::Renderer::<Builder>::with_root(root).render();
    Ok(())
}
