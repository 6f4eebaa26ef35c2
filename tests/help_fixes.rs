//! The help line of each common mistake gives the corrected value (issue 11): one test per
//! mistake, on the fixture plan with the mistake typed in, in both languages.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

mod common;

use common::in_process as plan;

const BASE: &str = "tests/fixtures/invalid/invalid-amount";

/// The diagnostics (code, message, help) of the fixture plan with `from` replaced by `to`,
/// in `lang`.
fn check_with(from: &str, to: &str, lang: &str) -> Vec<(String, String, String)> {
    check_with_all(&[(from, to)], lang)
}

/// [`check_with`] with several replacements.
fn check_with_all(edits: &[(&str, &str)], lang: &str) -> Vec<(String, String, String)> {
    let dir = tempfile::tempdir().unwrap();
    for file in ["decision.toml", "plan.toml", "progress.toml"] {
        let mut text = std::fs::read_to_string(format!("{BASE}/{file}")).unwrap();
        // The fixture's own mistake is corrected, so that only the one typed in is found.
        text = text.replace("target = 5.0", "target = 5");
        if file == "plan.toml" {
            for (from, to) in edits {
                assert!(text.contains(from), "{from}");
                text = text.replacen(from, to, 1);
            }
        }
        std::fs::write(dir.path().join(file), text).unwrap();
    }
    let (_, out, _) = plan(&["check", dir.path().to_str().unwrap(), "--format", "json", "--lang", lang]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["message"].as_str().unwrap().to_owned(),
                d["help"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// The one diagnostic's help, in Vietnamese and in English.
fn helps(from: &str, to: &str, code: &str) -> (String, String) {
    let one = |lang| {
        let found = check_with(from, to, lang);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, code, "{found:?}");
        found[0].2.clone()
    };
    (one("vi"), one("en"))
}

#[test]
fn an_unquoted_dotted_amount_is_to_be_quoted() {
    let found = check_with("total = \"300.000.000\"", "total = 300.000.000", "vi");
    assert_eq!(found[0].1, "số tiền `300.000.000` viết có dấu chấm nên phải đặt trong ngoặc kép");
    let (vi, en) = helps("total = \"300.000.000\"", "total = 300.000.000", "toml-syntax");
    assert_eq!(vi, "viết số tiền trong ngoặc kép: `\"300.000.000\"`");
    assert_eq!(en, "write the amount in quotes: `\"300.000.000\"`");
}

#[test]
fn a_whole_float_total_is_written_with_underscores() {
    let (vi, en) = helps("total = \"300.000.000\"", "total = 520000000.0", "invalid-amount");
    assert_eq!(vi, "viết `520_000_000` (bỏ `.0`), hoặc `\"520.000.000\"` trong ngoặc kép");
    assert_eq!(en, "write `520_000_000` (without `.0`), or `\"520.000.000\"` in quotes");
}

#[test]
fn a_whole_float_target_is_a_count_not_money() {
    let (vi, en) = helps("target = 3\n", "target = 6.0\n", "invalid-amount");
    assert_eq!(vi, "viết `6`: một số đếm là số nguyên");
    assert_eq!(en, "write `6`: a count is a whole number");
}

#[test]
fn a_day_past_the_month_typed_day_first() {
    let found = check_with("due-before = 2019-06-30", "due-before = 31/06/2020", "en");
    assert_eq!(found[0].1, "the date `31/06/2020` is written day/month/year, which cannot be read");
    let (vi, en) = helps("due-before = 2019-06-30", "due-before = 31/06/2020", "toml-syntax");
    assert_eq!(vi, "tháng 6 chỉ có 30 ngày; ngày viết năm trước: `2020-06-30`");
    assert_eq!(en, "month 6 has 30 days; write the date year first: `2020-06-30`");
}

#[test]
fn a_quoted_day_first_date() {
    let (vi, en) = helps("due-before = 2019-06-30", "due-before = \"30/6/2019\"", "invalid-date");
    assert_eq!(vi, "viết `2019-06-30`, không có ngoặc kép: năm trước, rồi tháng, rồi ngày");
    assert_eq!(en, "write `2019-06-30`, without quotes: year first, then month and day");
}

#[test]
fn an_unpadded_date_gets_the_format() {
    let (vi, en) = helps("due-before = 2019-06-30", "due-before = 2019-6-30", "invalid-date");
    assert_eq!(vi, "ngày viết dạng `YYYY-MM-DD`, tháng và ngày đủ hai chữ số: `2019-06-30`");
    assert_eq!(en, "write the date as `YYYY-MM-DD`, with two digits for month and day: `2019-06-30`");
}

#[test]
fn a_currency_sign_is_dropped_at_its_character() {
    let found = check_with("amount = \"200.000.000\"", "amount = \"200.000.000 đ\"", "vi");
    assert_eq!(
        found,
        [(
            "invalid-amount".to_owned(),
            "`budget.line[1].amount`: có `đ` ở ký tự thứ 13".to_owned(),
            "bỏ ký hiệu tiền tệ `đ`: viết `\"200.000.000\"`; đơn vị luôn là đồng".to_owned()
        )]
    );
    let found = check_with("amount = \"200.000.000\"", "amount = \"200.000.000 đ\"", "en");
    assert_eq!(found[0].1, "`budget.line[1].amount`: unexpected `đ` at character 13");
    assert_eq!(found[0].2, "drop the currency sign `đ`: write `\"200.000.000\"`; amounts are always in đồng");
}

#[test]
fn an_agency_missing_from_the_registry_is_added_by_name() {
    let (vi, en) = helps("to = \"UBND tỉnh\"", "to = \"Sở Tư pháp\"", "unknown-agency");
    assert_eq!(
        vi,
        "nếu đúng tên, thêm cơ quan vào tệp quyết định: một bảng `[[agency]]` có `id` và `name = \"Sở Tư pháp\"`; nếu không, sửa tên cho đúng một cơ quan đã có"
    );
    assert_eq!(
        en,
        "if the name is right, add the agency to the decision file: an `[[agency]]` table with an `id` and `name = \"Sở Tư pháp\"`; if not, correct the name to one the decision lists"
    );
}

#[test]
fn a_near_agency_name_is_suggested() {
    let (vi, en) = helps("to = \"UBND tỉnh\"", "to = \"UBND tỉng\"", "unknown-agency");
    assert_eq!(vi, "có phải ý là `UBND tỉnh`?");
    assert_eq!(en, "did you mean `UBND tỉnh`?");
}

#[test]
fn a_non_ascii_id_gets_its_slug() {
    let found = check_with("id = \"giai-thuong\"", "id = \"hội-thảo\"", "vi");
    let invalid: Vec<_> = found.iter().filter(|d| d.0 == "invalid-value").collect();
    assert_eq!(invalid.len(), 1, "{found:?}");
    assert_eq!(
        invalid[0].2,
        "viết `\"hoi-thao\"`: mã định danh chỉ gồm chữ thường không dấu và chữ số, nối bằng `-`; sửa cả những chỗ nhắc đến nó"
    );
    // Never a suggestion to spread the bad id to what refers to the old one.
    assert!(
        found.iter().all(|d| !d.2.contains("did you mean `hội-thảo`") && !d.2.contains("`hội-thảo`?")),
        "{found:?}"
    );
}

#[test]
fn ruoi_in_words_gets_this_amount_written_out() {
    let (vi, en) =
        helps("in-words = \"Ba trăm triệu đồng\"", "in-words = \"Ba trăm triệu rưỡi đồng\"", "amount-words-mismatch");
    assert_eq!(vi, "viết đầy đủ số tiền bằng số: “Ba trăm triệu đồng”");
    assert_eq!(en, "write out the amount in figures: “Ba trăm triệu đồng”");
}

#[test]
fn words_that_do_not_read_say_why_in_each_language() {
    let found = |lang| {
        let found = check_with("in-words = \"Ba trăm triệu đồng\"", "in-words = \"Ba trăm linh lăm triệu đồng\"", lang);
        assert_eq!(found.len(), 1, "{found:?}");
        (found[0].1.clone(), found[0].2.clone())
    };
    assert_eq!(
        found("vi"),
        (
            "số tiền bằng chữ không đọc được thành số: `linh lăm` viết sai: sau `linh`, số 5 là `năm`".to_owned(),
            "viết `linh năm`".to_owned()
        )
    );
    assert_eq!(
        found("en"),
        (
            "the amount in words does not read as a number: `linh lăm` is wrong: after `linh`, 5 is `năm`".to_owned(),
            "write `linh năm`".to_owned()
        )
    );
}

#[test]
fn a_mistyped_section_suggests_budget() {
    for (lang, help) in [("vi", "có phải ý là `budget`?"), ("en", "did you mean `budget`?")] {
        let found = check_with("[budget]", "[budjet]", lang);
        let unknown: Vec<_> = found.iter().filter(|d| d.0 == "unknown-key").map(|d| d.2.as_str()).collect();
        assert_eq!(unknown, [help], "{found:?}");
    }
}

#[test]
fn explain_gives_the_meaning_and_the_fix_and_refuses_an_unknown_code() {
    let (exit, out, _) = plan(&["explain", "invalid-amount", "--lang", "vi"]);
    assert_eq!(exit, plan::cli::Exit::Success);
    assert!(out.starts_with("invalid-amount (lỗi)\n\nMột số tiền hay số lượng không đọc được chính xác"), "{out}");
    assert!(out.contains("Sửa thành:\n    total = 520_000_000\n"), "{out}");
    let (exit, out, err) = plan(&["explain", "invalid-amout", "--lang", "en"]);
    assert_eq!((exit, out.as_str()), (plan::cli::Exit::Trouble, ""));
    assert_eq!(
        err,
        "plan: error: no code `invalid-amout`; the nearest: `invalid-amount`, `invalid-date`, `invalid-value`\n"
    );
}

#[test]
fn as_of_is_read_day_first_or_year_first() {
    let report = |day: &str| {
        let (exit, out, err) =
            plan(&["report", "plans/ke-hoach-2019.toml", "budget", "--as-of", day, "--format", "json"]);
        assert_eq!(exit, plan::cli::Exit::Success, "{err}");
        out
    };
    let iso = report("2019-06-30");
    assert!(iso.contains("\"as_of\": \"2019-06-30\""), "{iso}");
    assert_eq!(report("30/6/2019"), iso);
}

#[test]
fn an_empty_plan_lang_is_the_default_and_a_wrong_one_is_a_usage_error() {
    let check = |value: &str| {
        common::plan()
            .args(["check", "tests/fixtures/invalid/amount-words-mismatch"])
            .env("PLAN_LANG", value)
            .output()
            .unwrap()
    };
    let empty = check("");
    assert_eq!(empty.status.code(), Some(1));
    let stderr = String::from_utf8(empty.stderr).unwrap();
    assert!(stderr.contains("\nđã kiểm tra 3 tệp: 1 lỗi, 0 cảnh báo\n"), "{stderr}");
    let english = String::from_utf8(check("en").stderr).unwrap();
    assert!(english.contains("\nchecked 3 files: 1 error, 0 warnings\n"), "{english}");
    let wrong = check("fr");
    assert_eq!(wrong.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(wrong.stderr).unwrap(),
        "plan: error: PLAN_LANG is `fr`: it must be `vi` or `en` (or empty, for the default `vi`)\n"
    );
}

#[test]
fn a_reference_to_a_non_ascii_id_is_not_told_to_use_it() {
    let edits = [("id = \"he-thong\"", "id = \"hội-thảo\""), ("activity = \"he-thong\"", "activity = \"hoi-thao\"")];
    let found = check_with_all(&edits, "en");
    let unknown: Vec<_> = found.iter().filter(|d| d.0 == "unknown-activity").map(|d| d.2.as_str()).collect();
    // The budget line (edited) and the progress record (not edited) name `hoi-thao` and
    // `he-thong`: neither is told to use `hội-thảo`.
    assert_eq!(
        unknown,
        [
            "the id it resembles, `hội-thảo`, is not an identifier either: write `hoi-thao` in both places",
            "add the activity to the plan, or correct the name"
        ]
    );
}
