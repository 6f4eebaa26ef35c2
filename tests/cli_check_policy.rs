//! `plan check --allow CODE` / `--deny CODE` and `.plan/config.toml`: the real binary, exit
//! status and exact output.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

mod common;

const EXAMPLE: &str = "examples/nang-suat-chat-luong";

fn run(args: &[&str]) -> (Option<i32>, String) {
    let output = common::plan().args(args).args(["--lang", "en"]).output().unwrap();
    (output.status.code(), String::from_utf8(output.stderr).unwrap())
}

#[test]
fn deny_turns_a_warning_into_an_error_and_allow_silences_it() {
    let (code, stderr) = run(&["check", "--color", "never", EXAMPLE]);
    assert_eq!((code, stderr.lines().rev().nth(1)), (Some(0), Some("checked 8 files: 0 errors, 1 warning")));
    let (code, stderr) = run(&["check", "--color", "never", "--deny", "late-submission", EXAMPLE]);
    assert_eq!(code, Some(1));
    assert!(stderr.starts_with("error[late-submission]: the annual report was sent on `2022-12-15`"), "{stderr}");
    assert_eq!(stderr.lines().rev().nth(1), Some("checked 8 files: 1 error, 0 warnings"));
    let (code, stderr) = run(&["check", "--color", "never", "--allow", "late-submission", EXAMPLE]);
    assert_eq!((code, stderr.as_str()), (Some(0), "checked 8 files: 0 errors, 0 warnings\n"));
}

#[test]
fn a_settings_file_that_does_not_read_says_where_in_each_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".plan")).unwrap();
    std::fs::write(dir.path().join(".plan/config.toml"), "[check]\nallw = [\"late-submission\"]\n").unwrap();
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE);
    let vi = common::plan().arg("check").arg(&example).current_dir(dir.path()).output().unwrap();
    assert_eq!(
        (vi.status.code(), String::from_utf8(vi.stderr).unwrap().as_str()),
        (
            Some(2),
            "plan: lỗi: `.plan/config.toml` không phải tệp cài đặt hợp lệ: dòng 2, cột 1: \
             khóa `allw` không dùng được ở đây; các khóa là `allow` hoặc `deny`\n"
        )
    );
    let en = common::plan().arg("check").arg(&example).args(["--lang", "en"]).current_dir(dir.path()).output().unwrap();
    let en = String::from_utf8(en.stderr).unwrap();
    assert!(
        en.starts_with(
            "plan: error: `.plan/config.toml` is not a valid settings file: TOML parse error at line 2, column 1\n"
        ) && en.ends_with("unknown field `allw`, expected `allow` or `deny`\n"),
        "{en}"
    );
}

#[test]
fn unknown_codes_and_allowed_errors_are_usage_errors() {
    let vi = common::plan().args(["check", "--allow", "late-submision", EXAMPLE]).output().unwrap();
    assert_eq!(
        (vi.status.code(), String::from_utf8(vi.stderr).unwrap().as_str()),
        (
            Some(2),
            "plan: lỗi: không có mã `late-submision`: có phải ý là `late-submission`? (danh sách mã: docs/diagnostics.md)\n"
        )
    );
    assert_eq!(
        run(&["check", "--allow", "late-submision", EXAMPLE]),
        (
            Some(2),
            "plan: error: unknown diagnostic code `late-submision`: did you mean `late-submission`? (codes: docs/diagnostics.md)\n"
                .to_owned()
        )
    );
    assert_eq!(
        run(&["check", "--allow", "overspent", EXAMPLE]),
        (
            Some(2),
            "plan: error: `overspent` is an error and cannot be allowed: only warnings can (an error stays an error)\n"
                .to_owned()
        )
    );
}

#[test]
fn the_config_file_in_the_current_directory_is_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".plan")).unwrap();
    std::fs::write(dir.path().join(".plan/config.toml"), "[check]\ndeny = [\"late-submission\"]\n").unwrap();
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE);
    let output = common::plan()
        .current_dir(dir.path())
        .args(["check", "--format", "json", example.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!((json["errors"].as_u64(), json["warnings"].as_u64()), (Some(1), Some(0)));
    assert_eq!(json["diagnostics"][0]["severity"], "error");
    // The command line overrides the file.
    let output = common::plan()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "--allow", "late-submission", example.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
}
