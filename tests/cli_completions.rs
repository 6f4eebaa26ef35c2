//! `plan completions` and `plan man`: the bash script is loaded by bash itself and asked to
//! complete `plan ch`; the man page is rendered by man(1) (groff) when the machine has it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

mod common;

use std::process::Command;

/// What bash completes for the words `line` (the cursor at their end), with the script loaded.
fn bash_complete(script: &str, words: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.bash");
    std::fs::write(&path, script).unwrap();
    let line = words.join(" ");
    let program = format!(
        "source '{}' && COMP_WORDS=({}) && COMP_CWORD={} && COMP_LINE='{line}' && COMP_POINT={} && _plan plan '{}' '{}' && printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        path.display(),
        words.iter().map(|w| format!("'{w}'")).collect::<Vec<_>>().join(" "),
        words.len() - 1,
        line.len(),
        words[words.len() - 1],
        words[words.len() - 2],
    );
    let output = Command::new("bash").arg("-c").arg(program).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn bash_completes_a_subcommand_and_a_format() {
    let script = common::stdout(&["completions", "bash"]);
    assert_eq!(bash_complete(&script, &["plan", "ch"]), "check\n");
    assert_eq!(bash_complete(&script, &["plan", "co"]), "completions\n");
    assert_eq!(bash_complete(&script, &["plan", "check", "--format", "sa"]), "sarif\n");
}

#[test]
fn every_shell_gets_a_script_naming_the_subcommands() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = common::stdout(&["completions", shell]);
        for word in ["check", "report", "words", "new", "man"] {
            assert!(script.contains(word), "{shell}: {word}");
        }
    }
    let output = common::plan().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn the_man_page_documents_exit_status_and_environment() {
    let page = common::stdout(&["man"]);
    assert!(page.starts_with(".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n.TH plan 1  \"plan 0.1.0\" \n"), "{page}");
    for section in
        ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "SUBCOMMANDS", "\"EXIT STATUS\"", "ENVIRONMENT", "\"SEE ALSO\""]
    {
        assert!(page.contains(&format!(".SH {section}\n")), "{section}");
    }
    for word in ["PLAN_LANG", "NO_COLOR"] {
        assert!(page.contains(&format!("\\fB{word}\\fR")), "{word}");
    }
    // Rendered by man(1) where it is installed: the sections read as a page.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.1");
    std::fs::write(&path, &page).unwrap();
    match Command::new("man").arg("-l").arg(&path).env("MANWIDTH", "80").env("MAN_KEEP_FORMATTING", "").output() {
        Ok(output) if output.status.success() => {
            let text = String::from_utf8(output.stdout).unwrap();
            for line in [
                "EXIT STATUS",
                "ENVIRONMENT",
                "       PLAN_LANG",
                "       NO_COLOR",
                "       2      Usage, I/O or internal error.",
            ] {
                assert!(text.lines().any(|l| l == line), "{line:?} in\n{text}");
            }
        }
        // Without man(1), the roff source's sections above are what is checked.
        _ => {}
    }
}
