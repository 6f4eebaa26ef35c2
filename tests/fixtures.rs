//! Fixture tests: every directory under `tests/fixtures/invalid/` is checked as a user would
//! check it. Each must exit 1 with its own code at the line `expected.txt` names, and its
//! rendered human output must match the snapshot in `tests/snapshots/`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

mod common;

use std::path::{Path, PathBuf};

use common::in_process as plan;
use plan::cli::Exit;

fn fixtures() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("tests/fixtures/invalid")
        .expect("the fixtures directory")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

fn expected(dir: &Path) -> (String, String, usize) {
    let text = std::fs::read_to_string(dir.join("expected.txt")).expect("expected.txt");
    let (code, place) = text.trim().split_once(' ').expect("`code file:line`");
    let (file, line) = place.split_once(':').expect("`file:line`");
    (code.to_owned(), file.to_owned(), line.parse().expect("a line number"))
}

#[test]
fn every_invalid_fixture_fails_with_its_code_at_its_line() {
    let dirs = fixtures();
    assert!(dirs.len() >= 32, "found only {} fixtures", dirs.len());
    for dir in dirs {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let (code, file, line) = expected(&dir);
        assert_eq!(code, name, "the directory is named after its code");
        // `--deny-warnings`, so that the fixtures of warning codes fail too.
        let (exit, out, _) = plan(&["check", dir.to_str().unwrap(), "--format", "json", "--deny-warnings"]);
        assert_eq!(exit, Exit::Failure, "{name}");
        let json: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
        let found = json["diagnostics"].as_array().unwrap().iter().any(|d| {
            d["code"] == code.as_str()
                && d["file"].as_str().unwrap().ends_with(&format!("/{file}"))
                && d["line"] == line
        });
        assert!(found, "{name}: no `{code}` at {file}:{line} in {out}");
    }
}

#[test]
fn every_invalid_fixture_renders_as_its_snapshot_in_both_languages() {
    for dir in fixtures() {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        for lang in ["vi", "en"] {
            let (_, out, err) = plan(&["check", dir.to_str().unwrap(), "--color", "never", "--lang", lang]);
            assert_eq!(out, "", "human output goes to stderr only");
            insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
                insta::assert_snapshot!(format!("invalid-{lang}-{name}"), err);
            });
        }
    }
}

/// The words docs/glossary.md bans from the Vietnamese text: programmer's words an analyst
/// does not know.
fn banned_words() -> Vec<String> {
    let glossary = std::fs::read_to_string("docs/glossary.md").expect("docs/glossary.md");
    let section = glossary.split("## Banned").nth(1).expect("a `## Banned` section");
    let section = section.split("\n## ").next().unwrap_or(section);
    let words: Vec<String> = section
        .lines()
        .filter_map(|l| l.strip_prefix("- `"))
        .filter_map(|l| l.split('`').next())
        .map(str::to_lowercase)
        .collect();
    assert!(words.len() >= 6, "the banned list: {words:?}");
    words
}

#[test]
fn no_vietnamese_snapshot_uses_a_banned_word() {
    let banned = banned_words();
    for dir in fixtures() {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let path = format!("tests/snapshots/invalid-vi-{name}.snap");
        let text = std::fs::read_to_string(&path).expect("the Vietnamese snapshot");
        // The output only: the header names the test file, and codes stay English.
        let body = text.splitn(3, "---\n").nth(2).unwrap_or(&text).to_lowercase();
        for line in body.lines() {
            // The quoted source lines (`12 │ …`) and file names (`┌─ plan.toml:3:1`) are
            // the user's text, not ours.
            let quoted = line.trim_start().split_once(" │").is_some_and(|(n, _)| n.bytes().all(|b| b.is_ascii_digit()));
            if quoted || line.contains("┌─") {
                continue;
            }
            // Values in backticks are quoted from the files (`decison.toml`, a key).
            let ours: String = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
            let words = ours.replace(|c: char| !c.is_alphanumeric() && c != '-', " ");
            for word in &banned {
                let hit = if word.contains(' ') {
                    words.contains(word.as_str())
                } else {
                    words.split_whitespace().any(|w| w == word)
                };
                assert!(!hit, "{path}: `{word}` in {line:?}");
            }
        }
    }
}
