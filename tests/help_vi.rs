//! `--help` in the reader's language (issue 11): Vietnamese by default, clap's English with
//! `--lang en` or `PLAN_LANG=en` (`src/help_vi.rs`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

mod common;

/// `plan ARGS…` with `PLAN_LANG` as given, at 100 columns: (exit status, stdout, stderr).
fn run(args: &[&str], lang: Option<&str>) -> (Option<i32>, String, String) {
    let mut cmd = common::plan();
    if let Some(lang) = lang {
        cmd.env("PLAN_LANG", lang);
    }
    let out = cmd.env("COLUMNS", "100").args(args).output().unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

/// The help `plan ARGS…` prints on stdout, which must succeed.
fn help(args: &[&str], lang: Option<&str>) -> String {
    let (code, out, err) = run(args, lang);
    assert_eq!(code, Some(0), "{args:?}: {err}");
    assert_eq!(err, "", "{args:?}");
    out
}

/// Asserts that `text` has each of `lines`, whole.
fn has_lines(text: &str, lines: &[&str]) {
    for line in lines {
        assert!(text.lines().any(|l| l == *line), "no line {line:?} in\n{text}");
    }
}

const SUBCOMMANDS: &[&str] =
    &["check", "words", "report", "new", "calendar", "completions", "man", "schema", "lsp", "explain"];

#[test]
fn plan_help_is_vietnamese_by_default() {
    for lang in [None, Some(""), Some("vi")] {
        let text = help(&["--help"], lang);
        has_lines(
            &text,
            &[
                "Cách dùng: plan [OPTIONS] <COMMAND>",
                "Lệnh:",
                "  check        Kiểm tra các tệp kế hoạch: từng tệp, và đối chiếu với quyết định",
                "  help         In hướng dẫn này, hoặc hướng dẫn của lệnh được nêu",
                "Tùy chọn:",
                "      --lang <LANG>",
                "          - en: tiếng Anh: 491,300,000 VND, 2019-06-30",
                "  -h, --help",
                "          In hướng dẫn (tóm tắt: `-h`)",
                "  -V, --version",
                "          In phiên bản",
                "Trạng thái thoát:",
                "  1  các tệp có lỗi",
            ],
        );
        assert!(text.starts_with("Kiểm tra và lập báo cáo cho các tệp kế hoạch của dự án cấp tỉnh"), "{text}");
    }
}

#[test]
fn plan_check_help_is_vietnamese_by_default() {
    let text = help(&["check", "--help"], None);
    has_lines(
        &text,
        &[
            "Cách dùng: plan check [OPTIONS] [PATHS]...",
            "Đối số:",
            "  [PATHS]...",
            "Tùy chọn:",
            "      --format <FORMAT>",
            "          - human:  lỗi và cảnh báo kèm đoạn trích của tệp, trên stderr",
            "          Mặc định: human",
            "      --deny-warnings",
            "          Coi cảnh báo là lỗi (có cảnh báo thì trạng thái thoát là 1)",
            "          Một trong: auto, always, never",
        ],
    );
    assert!(
        text.ends_with(
            "\nVí dụ:\n  \
             plan check                          các tệp trong plans/ (hoặc .)\n  \
             plan check plans/ke-hoach-2019.toml một kế hoạch, cùng quyết định và tiến độ\n  \
             plan check --lang en                lỗi và cảnh báo bằng tiếng Anh\n  \
             plan check --format sarif > plan.sarif\n\
             \n\
             Trạng thái thoát:\n  \
             0  không có lỗi (cảnh báo thì được, trừ khi có --deny-warnings)\n  \
             1  các tệp có lỗi\n  \
             2  dòng lệnh sai, lỗi đọc ghi tệp hoặc lỗi của chương trình\n"
        ),
        "{text}"
    );
    // The summary says the default and the values on the option's own line.
    let short = help(&["check", "-h"], None);
    has_lines(
        &short,
        &[
            "Cách dùng: plan check [OPTIONS] [PATHS]...",
            "      --deny-warnings    Coi cảnh báo là lỗi (có cảnh báo thì trạng thái thoát là 1)",
            "  -h, --help             In hướng dẫn (đầy đủ hơn: `--help`)",
        ],
    );
    assert!(short.contains("[mặc định: human] [một trong: human, json,\n"), "{short}");
    // `plan help check` is the same page.
    assert_eq!(help(&["help", "check"], None), text);
}

#[test]
fn english_with_lang_en_or_plan_lang_en() {
    for (args, lang) in [(&["check", "--help", "--lang", "en"][..], None), (&["check", "--help"][..], Some("en"))] {
        let text = help(args, lang);
        has_lines(
            &text,
            &[
                "Check plan files, alone and against their decision",
                "Usage: plan check [OPTIONS] [PATHS]...",
                "Arguments:",
                "Options:",
                "          [default: human]",
                "          Print help (see a summary with '-h')",
                "Examples:",
                "  plan check plans/ke-hoach-2019.toml one plan, with its decision and progress",
            ],
        );
        assert!(!text.contains("Cách dùng") && !text.contains("Ví dụ"), "{text}");
    }
    for (args, lang) in [(&["--lang=en", "--help"][..], Some("vi")), (&["--help"][..], Some("en"))] {
        let text = help(args, lang);
        has_lines(
            &text,
            &[
                "Usage: plan [OPTIONS] <COMMAND>",
                "Commands:",
                "  help         Print this message or the help of the given subcommand(s)",
                "          Print version",
            ],
        );
    }
}

/// clap's English, and the words docs/glossary.md keeps from an analyst.
const NOT_IN_VIETNAMESE: &[&str] = &[
    "Usage:",
    "Options:",
    "Arguments:",
    "Commands:",
    "Print help",
    "Print version",
    "Examples:",
    "Exit status",
    "[default:",
    "possible values",
    "Possible values",
    "TOML",
    "float",
    "byte",
    "kebab",
];

#[test]
fn no_vietnamese_help_has_english_left() {
    let mut pages = vec![vec!["--help"], vec!["-h"], vec!["help"], vec!["help", "help"]];
    for sub in SUBCOMMANDS {
        pages.push(vec![sub, "--help"]);
        pages.push(vec![sub, "-h"]);
    }
    for args in pages {
        let text = help(&args, None);
        assert!(text.contains("Cách dùng: plan"), "{args:?}: {text}");
        for word in NOT_IN_VIETNAMESE {
            assert!(!text.contains(word), "`plan {}`: {word:?} in\n{text}", args.join(" "));
        }
        let english = help(&args, Some("en"));
        assert!(english.contains("Usage: plan"), "{args:?}: {english}");
    }
}

#[test]
fn every_subcommand_has_vietnamese_examples() {
    for sub in SUBCOMMANDS {
        let text = help(&[sub, "--help"], None);
        assert!(text.contains(&format!("\nVí dụ:\n  plan {sub}")), "`plan {sub}`: {text}");
    }
}

#[test]
fn a_missing_command_or_a_wrong_one_under_help_is_still_a_usage_error() {
    // `plan` alone prints the help as the error, on stderr.
    let (code, out, err) = run(&[], None);
    assert_eq!((code, out.as_str()), (Some(2), ""));
    assert!(err.starts_with("Kiểm tra và lập báo cáo"), "{err}");
    has_lines(&err, &["Cách dùng: plan [OPTIONS] <COMMAND>"]);
    let (code, _, err) = run(&["help", "chek"], None);
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        "plan: lỗi: không có lệnh `chek`; có phải `schema` hoặc `check`?\n\n\
         Xem cách dùng: `plan --help` (hoặc `plan LỆNH --help`).\n"
    );
    let (code, _, err) = run(&["help", "chek"], Some("en"));
    assert_eq!(code, Some(2));
    assert!(err.starts_with("error: unrecognized subcommand 'chek'\n"), "{err}");
}
