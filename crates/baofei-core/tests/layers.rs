//! The core's module layers, checked: every module sits in a layer, imports only from its own layer or
//! the ones below, and no two modules import each other, however indirectly.
//!
//! The layer list is written once, in ARCHITECTURE.md (the fenced `layers` block); this test reads it
//! from there, so the document cannot drift from the code. References are found by reading the source
//! (comments, strings and `#[cfg(test)]` modules left out): `crate::a::b` paths, `use` groups and
//! `super::` inside a module folder.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

#[path = "../../../tests/support/manifest_dir.rs"]
mod support;
use support::manifest_dir;

/// A module of the core (`pricing::band`), the layer of its top-level module, and its source.
struct Module {
    path: String,
    text: String,
}

fn workspace_file(rel: &str) -> PathBuf {
    manifest_dir().join("../..").join(rel)
}

/// The layers, lowest first, from ARCHITECTURE.md: lines `name: module module …` in a ```layers block.
fn layers() -> Vec<(String, Vec<String>)> {
    let doc = std::fs::read_to_string(workspace_file("ARCHITECTURE.md")).unwrap();
    let block = doc
        .split("```layers\n")
        .nth(1)
        .expect("ARCHITECTURE.md has a ```layers block")
        .split("```")
        .next()
        .unwrap();
    block
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let (name, mods) = l.split_once(':').expect("layer line is `name: modules`");
            (
                name.trim().to_string(),
                mods.split_whitespace().map(String::from).collect(),
            )
        })
        .collect()
}

fn modules(src: &Path) -> Vec<Module> {
    let mut out = Vec::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let rel = p.strip_prefix(src).unwrap().with_extension("");
            let mut parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|l| l == "mod") {
                parts.pop();
            }
            if parts == ["lib"] {
                continue; // the root declares and re-exports; it is no layer
            }
            out.push(Module {
                path: parts.join("::"),
                text: code_only(&std::fs::read_to_string(&p).unwrap()),
            });
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// The source without comments, string and char literals, and without the `#[cfg(test)]` module at
/// the end of a file (unit tests may import anything).
fn code_only(text: &str) -> String {
    let text = match text.find("\n#[cfg(test)]") {
        Some(i) => &text[..i],
        None => text,
    };
    let c: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < c.len() {
        match c[i] {
            '/' if c.get(i + 1) == Some(&'/') => {
                while i < c.len() && c[i] != '\n' {
                    i += 1;
                }
            }
            '/' if c.get(i + 1) == Some(&'*') => {
                i += 2;
                while i + 1 < c.len() && !(c[i] == '*' && c[i + 1] == '/') {
                    i += 1;
                }
                i += 2;
            }
            'r' if c.get(i + 1).is_some_and(|&x| x == '"' || x == '#')
                && !c
                    .get(i.wrapping_sub(1))
                    .is_some_and(|x| x.is_alphanumeric() || *x == '_') =>
            {
                let mut j = i + 1;
                let mut hashes = 0;
                while c.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                if c.get(j) != Some(&'"') {
                    out.push(c[i]);
                    i += 1;
                    continue;
                }
                j += 1;
                loop {
                    if j >= c.len() {
                        break;
                    }
                    if c[j] == '"' && (0..hashes).all(|k| c.get(j + 1 + k) == Some(&'#')) {
                        j += 1 + hashes;
                        break;
                    }
                    j += 1;
                }
                out.push_str("\"\"");
                i = j;
            }
            '"' => {
                i += 1;
                while i < c.len() && c[i] != '"' {
                    if c[i] == '\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
                out.push_str("\"\"");
            }
            '\'' if c.get(i + 1) == Some(&'\\') => {
                i += 2;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
            }
            '\'' if c.get(i + 2) == Some(&'\'') => i += 3,
            ch => {
                out.push(ch);
                i += 1;
            }
        }
    }
    out
}

fn ident_at(c: &[char], mut i: usize) -> (String, usize) {
    let mut s = String::new();
    while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
        s.push(c[i]);
        i += 1;
    }
    (s, i)
}

/// Every path (as segments) that starts at `from` in the code: `crate::a::b`, `crate::{a::b, c}`.
fn paths_after(code: &str, from: &str) -> Vec<Vec<String>> {
    fn tree(c: &[char], mut i: usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) -> usize {
        let mut path = prefix;
        loop {
            while i < c.len() && c[i].is_whitespace() {
                i += 1;
            }
            if c.get(i) == Some(&'{') {
                i += 1;
                loop {
                    i = tree(c, i, path.clone(), out);
                    while i < c.len() && c[i].is_whitespace() {
                        i += 1;
                    }
                    match c.get(i) {
                        Some(',') => i += 1,
                        Some('}') => return i + 1,
                        _ => return i,
                    }
                    while i < c.len() && c[i].is_whitespace() {
                        i += 1;
                    }
                    if c.get(i) == Some(&'}') {
                        return i + 1;
                    }
                }
            }
            let (id, j) = ident_at(c, i);
            if id.is_empty() {
                out.push(path);
                return i;
            }
            path.push(id);
            i = j;
            if c.get(i) == Some(&':') && c.get(i + 1) == Some(&':') {
                i += 2;
            } else {
                out.push(path);
                return i;
            }
        }
    }
    let c: Vec<char> = code.chars().collect();
    let pat: Vec<char> = from.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + pat.len() <= c.len() {
        let before_ok = i == 0 || !(c[i - 1].is_alphanumeric() || c[i - 1] == '_');
        if before_ok && c[i..i + pat.len()] == pat[..] {
            i = tree(&c, i + pat.len(), Vec::new(), &mut out);
        } else {
            i += 1;
        }
    }
    out
}

/// Macros exported at the crate root (`#[macro_export]`), with the module that defines them.
fn exported_macros(mods: &[Module], src: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for m in mods {
        let file = std::fs::read_to_string(src.join(m.path.replace("::", "/") + ".rs"))
            .or_else(|_| {
                std::fs::read_to_string(src.join(m.path.replace("::", "/")).join("mod.rs"))
            })
            .unwrap();
        for part in file.split("#[macro_export]").skip(1) {
            let name = part
                .split("macro_rules!")
                .nth(1)
                .and_then(|r| r.split_whitespace().next())
                .unwrap()
                .trim_end_matches('{')
                .to_string();
            out.insert(name, m.path.clone());
        }
    }
    out
}

/// The module graph: for each module, the modules it refers to, or the problems found reading it.
fn graph(mods: &[Module], src: &Path) -> (BTreeMap<String, BTreeSet<String>>, Vec<String>) {
    let known: BTreeSet<&str> = mods.iter().map(|m| m.path.as_str()).collect();
    let macros = exported_macros(mods, src);
    let resolve = |segs: &[String]| -> Option<String> {
        (1..=segs.len())
            .rev()
            .map(|n| segs[..n].join("::"))
            .find(|p| known.contains(p.as_str()))
    };
    let mut edges = BTreeMap::new();
    let mut problems = Vec::new();
    for m in mods {
        let mut to = BTreeSet::new();
        for p in paths_after(&m.text, "crate::") {
            match (resolve(&p), p.first()) {
                (Some(t), _) => {
                    to.insert(t);
                }
                (None, Some(first)) if macros.contains_key(first) => {
                    to.insert(macros[first].clone());
                }
                (None, first) => problems.push(format!(
                    "{}: `crate::{}` goes through the crate root, which hides its layer; import it from its module",
                    m.path,
                    first.map(String::as_str).unwrap_or("")
                )),
            }
        }
        // `super::` in a module folder (`pricing/band.rs`) means the folder's module; in a top-level
        // file it can only come from an inline module of that file, so it points back at the file.
        if let Some((parent, _)) = m.path.rsplit_once("::") {
            for p in paths_after(&m.text, "super::") {
                let mut segs: Vec<String> = parent.split("::").map(String::from).collect();
                segs.extend(p);
                if let Some(t) = resolve(&segs) {
                    to.insert(t);
                }
            }
        }
        // A folder's own module refers to its children by bare name (`band::band(…)`, `use ctx::Ctx`).
        let children = known
            .iter()
            .filter_map(|k| k.strip_prefix(m.path.as_str())?.strip_prefix("::"))
            .filter(|rest| !rest.contains("::"));
        for child in children {
            if !paths_after(&m.text, &format!("{child}::")).is_empty() {
                to.insert(format!("{}::{child}", m.path));
            }
        }
        to.remove(&m.path);
        edges.insert(m.path.clone(), to);
    }
    (edges, problems)
}

/// Strongly connected components with more than one module (Tarjan): each is an import cycle.
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct T<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on: BTreeSet<&'a str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(t: &mut T<'a>, v: &'a str) {
        let n = t.index.len();
        t.index.insert(v, n);
        t.low.insert(v, n);
        t.stack.push(v);
        t.on.insert(v);
        for w in t.edges.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !t.edges.contains_key(w) {
                continue;
            }
            if !t.index.contains_key(w) {
                visit(t, w);
                let l = t.low[v].min(t.low[w]);
                t.low.insert(v, l);
            } else if t.on.contains(w) {
                let l = t.low[v].min(t.index[w]);
                t.low.insert(v, l);
            }
        }
        if t.low[v] == t.index[v] {
            let mut scc = Vec::new();
            while let Some(w) = t.stack.pop() {
                t.on.remove(w);
                scc.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if scc.len() > 1 {
                scc.sort();
                t.out.push(scc);
            }
        }
    }
    let mut t = T {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in edges.keys() {
        if !t.index.contains_key(v.as_str()) {
            visit(&mut t, v);
        }
    }
    t.out
}

/// Problems with the layering: modules with no layer, listed modules that do not exist, imports that
/// go up a layer, and cycles.
fn problems(mods: &[Module], src: &Path, layers: &[(String, Vec<String>)]) -> Vec<String> {
    let layer_of: BTreeMap<&str, usize> = layers
        .iter()
        .enumerate()
        .flat_map(|(i, (_, ms))| ms.iter().map(move |m| (m.as_str(), i)))
        .collect();
    let top = |p: &str| p.split("::").next().unwrap().to_string();
    let (edges, mut out) = graph(mods, src);
    for m in mods {
        if !layer_of.contains_key(top(&m.path).as_str()) {
            out.push(format!("{}: in no layer of ARCHITECTURE.md", m.path));
        }
    }
    for listed in layer_of.keys() {
        if !mods.iter().any(|m| top(&m.path) == *listed) {
            out.push(format!(
                "{listed}: listed in ARCHITECTURE.md but not in src/"
            ));
        }
    }
    for (from, tos) in &edges {
        for to in tos {
            let (Some(&a), Some(&b)) = (
                layer_of.get(top(from).as_str()),
                layer_of.get(top(to).as_str()),
            ) else {
                continue;
            };
            if b > a {
                out.push(format!(
                    "{from} ({}) imports {to} ({}), a layer above it",
                    layers[a].0, layers[b].0
                ));
            }
        }
    }
    for c in cycles(&edges) {
        out.push(format!("import cycle: {}", c.join(" → ")));
    }
    out
}

#[test]
fn modules_import_only_downward_and_without_cycles() {
    let src = manifest_dir().join("src");
    let mods = modules(&src);
    let found = problems(&mods, &src, &layers());
    assert!(found.is_empty(), "core layering:\n{}", found.join("\n"));
}

/// The checker itself: an injected cycle and an injected upward import are both caught, so the test
/// above cannot pass by reading nothing.
#[test]
fn the_checker_sees_cycles_and_upward_imports() {
    let src = manifest_dir().join("src");
    let mods = modules(&src);
    assert!(mods.len() > 20, "read the modules: {}", mods.len());
    let edges = graph(&mods, &src).0;
    assert!(edges["pricing"].contains("pricing::band"));
    assert!(edges["pricing::band"].contains("pricing::ctx"));
    assert!(edges["quote"].contains("pricing"));
    let inject = |changes: &[(&str, &str)]| {
        let mut mods = modules(&src);
        for m in &mut mods {
            for (path, code) in changes {
                if m.path == *path {
                    m.text.push_str(code);
                }
            }
        }
        problems(&mods, &src, &layers())
    };
    // A cycle inside one layer.
    let found = inject(&[
        ("guidance", "\nuse crate::assess::Gap;\n"),
        ("assess", "\nuse crate::guidance::notes;\n"),
    ]);
    assert_eq!(found, ["import cycle: assess → guidance"]);
    // An import up a layer (which here also closes a cycle through the pipeline).
    let found = inject(&[(
        "pricing::ctx",
        "\nuse crate::{quote::quote, domain::Line};\n",
    )]);
    assert_eq!(
        found[0],
        "pricing::ctx (pricing) imports quote (compose), a layer above it"
    );
    // A path through the crate root, which would hide the layer of what it names.
    let found = inject(&[("money", "\nfn f() -> crate::Quote { todo!() }\n")]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("money: `crate::Quote` goes through the crate root"));
}

#[test]
fn literals_and_comments_are_not_read_as_imports() {
    let code = code_only(
        "let a = \"crate::quote\"; // crate::assess\nlet b = r#\"crate::x\"#; let c = '\"'; use crate::map::{SortedMap, self};\n/* crate::y */ fn f<'a>(x: &'a str) {}\n#[cfg(test)]\nmod tests { use crate::quote; }",
    );
    let paths = paths_after(&code, "crate::");
    assert_eq!(
        paths,
        vec![
            vec!["map".to_string(), "SortedMap".into()],
            vec!["map".into(), "self".into()]
        ]
    );
}

/// The widget has no layer list, but no cycle either: `app` composes `views` and `hooks`, `embed`
/// mounts `app`, and neither imports the other back.
#[test]
fn widget_modules_have_no_cycle() {
    let src = workspace_file("crates/baofei-web/src");
    let mods = modules(&src);
    let (edges, mut found) = graph(&mods, &src);
    assert!(edges["embed"].contains("app"), "{edges:?}");
    assert!(edges["app"].contains("views::result"), "{edges:?}");
    found.extend(
        cycles(&edges)
            .into_iter()
            .map(|c| format!("import cycle: {}", c.join(" → "))),
    );
    assert!(found.is_empty(), "widget modules:\n{}", found.join("\n"));
}
