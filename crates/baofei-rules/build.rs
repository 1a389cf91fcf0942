//! Minifies the rule files into OUT_DIR for embedding: the files under rules/ stay pretty-printed for
//! people, the binary (and the browser bundle) carries no whitespace. A file that is not valid JSON
//! fails the build, naming the file.

use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for dir in ["statutes", "pricing"] {
        let src = Path::new("rules").join(dir);
        println!("cargo:rerun-if-changed={}", src.display());
        std::fs::create_dir_all(Path::new(&out).join(dir)).expect("create OUT_DIR subdirectory");
        for entry in std::fs::read_dir(&src).expect("rules directory") {
            let path = entry.expect("directory entry").path();
            if path.extension().is_some_and(|e| e == "json") {
                println!("cargo:rerun-if-changed={}", path.display());
                let text = std::fs::read_to_string(&path).expect("readable rule file");
                let value: serde_json::Value = serde_json::from_str(&text)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                let name = path.file_name().expect("file name");
                std::fs::write(Path::new(&out).join(dir).join(name), value.to_string())
                    .expect("write minified rule file");
            }
        }
    }
}
