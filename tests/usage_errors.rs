//! Command-line usage errors in the reader's language: clap words them in English and
//! parses before the language is known, so `plan` reads `--lang`/`PLAN_LANG` off the raw
//! arguments first and words the common kinds in Vietnamese (src/usage.rs).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

use assert_cmd::Command;

fn plan(args: &[&str], lang: Option<&str>) -> (Option<i32>, String) {
    let mut cmd = Command::cargo_bin("plan").unwrap();
    match lang {
        Some(l) => cmd.env("PLAN_LANG", l),
        None => cmd.env_remove("PLAN_LANG"),
    };
    let out = cmd.env_remove("NO_COLOR").args(args).output().unwrap();
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

const MORE: &str = "\n\nXem cách dùng: `plan --help` (hoặc `plan LỆNH --help`).\n";

#[test]
fn usage_errors_read_in_vietnamese_by_default() {
    let cases: &[(&[&str], &str)] = &[
        (&["chek"], "plan: lỗi: không có lệnh `chek`; có phải `schema` hoặc `check`?"),
        (&["check", "--frmat", "json"], "plan: lỗi: không có tùy chọn `--frmat`; có phải `--format`?"),
        (
            &["report", "plans/ke-hoach-2019.toml", "--format", "exel"],
            "plan: lỗi: `exel` không phải giá trị của `--format <FORMAT>`: chọn một trong `table`, \
             `markdown`, `json`, `csv`, `docx`, `xlsx` hoặc `html`",
        ),
        (&["new"], "plan: lỗi: thiếu `--year <YEAR>`"),
        (
            &["report", "plans/ke-hoach-2019.toml", "--half-year", "--annual"],
            "plan: lỗi: `--half-year` không dùng cùng `--annual` được",
        ),
        (
            &["report", "plans/ke-hoach-2019.toml", "--as-of", "31/6/2019"],
            "plan: lỗi: giá trị `31/6/2019` của `--as-of <DATE>` không dùng được: `31/6/2019` không có \
             trên lịch: tháng 6 năm 2019 có 30 ngày",
        ),
        (
            &["report", "plans/ke-hoach-2019.toml", "--as-of", "2019/13"],
            "plan: lỗi: giá trị `2019/13` của `--as-of <DATE>` không dùng được: `2019/13` không phải \
             một ngày: viết `30/6/2019` hoặc `2019-06-30`",
        ),
        (
            &["report", "plans/ke-hoach-2019.toml", "--money-unit", "usd"],
            "plan: lỗi: giá trị `usd` của `--money-unit <UNIT>` không dùng được: `usd` không phải đơn vị \
             tiền: viết một trong `đồng`, `nghìn đồng`, `triệu đồng`, `tỷ đồng`",
        ),
    ];
    for (args, expected) in cases {
        for lang in [None, Some(""), Some("vi")] {
            let (code, stderr) = plan(args, lang);
            assert_eq!(code, Some(2), "{args:?}");
            assert_eq!(stderr, format!("{expected}{MORE}"), "{args:?} with PLAN_LANG={lang:?}");
        }
    }
}

#[test]
fn english_keeps_clap_s_own_wording_and_our_reasons_in_english() {
    let (code, stderr) = plan(&["--lang", "en", "chek"], Some("vi"));
    assert_eq!(code, Some(2));
    assert!(stderr.starts_with("error: unrecognized subcommand 'chek'\n"), "{stderr}");
    let (_, stderr) = plan(&["report", "plans/ke-hoach-2019.toml", "--as-of", "31/6/2019"], Some("en"));
    assert_eq!(
        stderr,
        "error: invalid value '31/6/2019' for '--as-of <DATE>': `31/6/2019` is not a day of the \
         calendar: month 6 of 2019 has 30 days\n\nFor more information, try '--help'.\n"
    );
    // `--lang=en` after the subcommand counts too.
    let (_, stderr) = plan(&["check", "--frmat", "x", "--lang=en"], None);
    assert!(stderr.starts_with("error: unexpected argument '--frmat' found\n"), "{stderr}");
}

#[test]
fn help_and_version_are_not_errors_in_either_language() {
    for lang in ["vi", "en"] {
        let out = Command::cargo_bin("plan").unwrap().env("PLAN_LANG", lang).arg("--version").output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(String::from_utf8(out.stdout).unwrap(), format!("plan {}\n", env!("CARGO_PKG_VERSION")));
    }
}
