//! The core stays pure: no binary floats, no clock, no I/O, no randomness, no platform crates.
//! A grep, so that a reviewer's memory is not the only guard.

#[path = "../../../tests/support/manifest_dir.rs"]
mod support;
use support::manifest_dir;

#[test]
fn the_core_is_pure() {
    let forbidden = [
        ("f32", "binary floats in rating"),
        ("f64", "binary floats in rating"),
        ("std::fs", "file I/O"),
        ("std::net", "network I/O"),
        ("std::io", "I/O"),
        ("std::time", "the clock"),
        ("SystemTime", "the clock"),
        ("Instant", "the clock"),
        ("std::env", "the environment"),
        ("rand::", "randomness"),
        ("println!", "stdout"),
        ("eprintln!", "stderr"),
        ("wasm_bindgen", "a platform crate"),
        ("web_sys", "a platform crate"),
        ("yew", "a platform crate"),
    ];
    let dir = manifest_dir().join("src");
    let mut found = Vec::new();
    // Every file, module folders (pricing/, rules/) included.
    let mut files = Vec::new();
    let mut dirs = vec![dir.clone()];
    while let Some(d) = dirs.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                files.push(path);
            }
        }
    }
    assert!(files.len() > 20, "read the sources: {}", files.len());
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for (word, why) in forbidden {
                let hit = code.match_indices(word).any(|(i, _)| {
                    let before = code[..i].chars().next_back();
                    let after = code[i + word.len()..].chars().next();
                    let ident =
                        |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
                    !ident(before) && !ident(after)
                });
                if hit {
                    found.push(format!(
                        "{}:{}: {word} ({why})",
                        path.strip_prefix(&dir).unwrap().display(),
                        n + 1
                    ));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "the core must stay pure:\n{}",
        found.join("\n")
    );
    let manifest = std::fs::read_to_string(manifest_dir().join("Cargo.toml")).unwrap();
    let deps = manifest
        .split("[dependencies]")
        .nth(1)
        .unwrap_or("")
        .split("\n[")
        .next()
        .unwrap_or("");
    let names: Vec<&str> = deps
        .lines()
        .filter_map(|l| l.split(['.', ' ', '=']).next())
        .filter(|n| !n.is_empty())
        .collect();
    assert_eq!(names, ["rust_decimal", "serde"], "core dependencies");
}
