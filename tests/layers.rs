//! The layers of the crate (style.md): parsing and the model, then checks, then report
//! values, then rendering, then the command line. A module may use the layers below it,
//! never one above: `render` once imported `Lang` and `ReportFormat` from `cli`, a circle.
//! This test reads the sources and fails on a `crate::…` path that points up.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

use std::path::Path;

/// Each layer (a directory of `src/`) and the modules above it, which it must not use.
const LAYERS: &[(&str, &[&str])] = &[
    ("model", &["checks", "report", "render", "cli", "commands"]),
    ("lower", &["checks", "report", "render", "cli", "commands"]),
    ("diag", &["checks", "report", "render", "cli", "commands"]),
    ("checks", &["report", "render", "cli", "commands"]),
    ("report", &["render", "cli", "commands"]),
    ("render", &["cli", "commands"]),
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_module_uses_a_layer_above_it() {
    let mut upward = Vec::new();
    let mut read = 0;
    for (layer, above) in LAYERS {
        let mut files = Vec::new();
        rust_files(&Path::new("src").join(layer), &mut files);
        assert!(!files.is_empty(), "src/{layer} has no Rust file");
        for file in files {
            read += 1;
            let text = std::fs::read_to_string(&file).unwrap();
            for (n, line) in text.lines().enumerate() {
                if line.trim_start().starts_with("//") {
                    continue;
                }
                for module in *above {
                    if line.contains(&format!("crate::{module}::")) || line.contains(&format!("crate::{module};")) {
                        upward.push(format!("{}:{}: uses `crate::{module}`: {}", file.display(), n + 1, line.trim()));
                    }
                }
            }
        }
    }
    assert!(read > 40, "only {read} files read");
    assert!(upward.is_empty(), "a module uses a layer above it:\n{}", upward.join("\n"));
}
