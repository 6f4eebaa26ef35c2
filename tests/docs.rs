//! The documentation is checked against the code: every diagnostic code has its section in
//! docs/diagnostics.md, and each section's output, in both languages, is the snapshot the tests check (so the
//! page is regenerated with scripts/gen-diagnostics-doc.py when a message changes).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

use plan::diag::Code;

#[test]
fn every_code_is_documented_with_its_current_output() {
    let doc = std::fs::read_to_string("docs/diagnostics.md").unwrap();
    for code in Code::ALL {
        let name = code.as_str();
        assert!(doc.contains(&format!("\n## `{name}`\n")), "docs/diagnostics.md has no section for `{name}`");
        for lang in ["vi", "en"] {
            let snapshot = std::fs::read_to_string(format!("tests/snapshots/invalid-{lang}-{name}.snap")).unwrap();
            let output = snapshot.splitn(3, "---\n").nth(2).unwrap().trim_end();
            assert!(
                doc.contains(output),
                "docs/diagnostics.md shows an old {lang} output for `{name}`: run scripts/gen-diagnostics-doc.py"
            );
        }
    }
}

#[test]
fn every_code_has_a_fixture() {
    for code in Code::ALL {
        let dir = format!("tests/fixtures/invalid/{}", code.as_str());
        assert!(std::path::Path::new(&dir).is_dir(), "no fixture {dir}");
    }
}

/// The text block of README.md that follows the line containing `marker`.
fn readme_block(marker: &str) -> String {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let from = readme.find(marker).unwrap_or_else(|| panic!("README.md has no `{marker}`"));
    let rest = &readme[from..];
    let start = rest.find("```text\n").unwrap() + "```text\n".len();
    let end = rest[start..].find("\n```").unwrap();
    rest[start..start + end].to_owned()
}

fn run(args: &[&str]) -> (String, String) {
    let output = assert_cmd::Command::cargo_bin("plan").unwrap().args(args).env_remove("PLAN_LANG").output().unwrap();
    (String::from_utf8(output.stdout).unwrap(), String::from_utf8(output.stderr).unwrap())
}

#[test]
fn the_readme_shows_real_output() {
    let (report, _) = run(&["report", "plans/ke-hoach-2019.toml", "--half-year"]);
    assert_eq!(readme_block("The 2019 plan's half-year report"), report.trim_end());
    let (_, check) = run(&["check", "tests/fixtures/invalid/amount-words-mismatch"]);
    let shown = readme_block("A plan whose amount in words");
    let shown = shown.strip_prefix("$ plan check tests/fixtures/invalid/amount-words-mismatch\n").unwrap();
    assert_eq!(shown, check.trim_end());
}
