//! `plan calendar`: the output is read back by an independent parser (the `icalendar` crate)
//! and its dates compared; it is byte-identical across runs; a plan with errors gives none.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

mod common;

use chrono::NaiveDate;
use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};

/// Each event as (UID, start day, summary, description), in file order.
fn events(text: &str) -> Vec<(String, NaiveDate, String, String)> {
    let calendar: Calendar = text.parse().unwrap();
    calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .map(|e| {
            let Some(DatePerhapsTime::Date(day)) = e.get_start() else { panic!("not all-day: {e:?}") };
            (
                e.get_uid().unwrap().to_owned(),
                day,
                e.get_summary().unwrap().to_owned(),
                e.get_description().unwrap().to_owned(),
            )
        })
        .collect()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn a_plan_gives_its_reports_last_days_with_due_before_and_cut_off() {
    let text = common::stdout(&["calendar", "plans/ke-hoach-2019.toml"]);
    assert!(text.lines().count() > 10);
    assert!(text.split_inclusive('\n').all(|l| l.ends_with("\r\n") && l.len() <= 77), "CRLF, 75 octets");
    assert_eq!(
        events(&text),
        vec![
            (
                "ke-hoach-2019-2019-half-year@plan".to_owned(),
                day(2019, 6, 29),
                "Báo cáo 6 tháng 2019 — hạn chót gửi (KH ke-hoach-2019)".to_owned(),
                "Gửi trước 30/6/2019 (chậm nhất 29/6/2019).\nSố liệu đến hết 14/6/2019.".to_owned(),
            ),
            (
                "ke-hoach-2019-2019-annual@plan".to_owned(),
                day(2019, 12, 14),
                "Báo cáo năm 2019 — hạn chót gửi (KH ke-hoach-2019)".to_owned(),
                "Gửi trước 15/12/2019 (chậm nhất 14/12/2019).\nSố liệu đến hết 14/12/2019.".to_owned(),
            ),
        ]
    );
    assert_eq!(text.matches("BEGIN:VALARM\r\nACTION:DISPLAY\r\n").count(), 2);
    assert_eq!(text.matches("TRIGGER:-P7D\r\n").count(), 2);
    assert_eq!(text.matches("DTSTAMP:20190101T000000Z\r\n").count(), 2);
}

#[test]
fn a_decision_directory_gives_every_plan_with_activity_due_dates_and_stable_uids() {
    let first = common::stdout(&["calendar", "examples/nang-suat-chat-luong"]);
    let second = common::stdout(&["calendar", "examples/nang-suat-chat-luong"]);
    assert_eq!(first, second, "byte-identical across runs");
    let got: Vec<(String, NaiveDate)> = events(&first).into_iter().map(|(uid, d, _, _)| (uid, d)).collect();
    let want = [
        ("18-kh-ubnd-2021-half-year@plan", day(2021, 6, 29)),
        ("18-kh-ubnd-2021-annual@plan", day(2021, 12, 14)),
        ("15-kh-ubnd-2022-half-year@plan", day(2022, 6, 29)),
        ("15-kh-ubnd-2022-annual@plan", day(2022, 12, 14)),
        ("15-kh-ubnd-2022-activity-hoi-thao@plan", day(2022, 11, 30)),
        ("15-kh-ubnd-2022-activity-ho-tro-giai-thuong@plan", day(2022, 10, 31)),
        ("12-kh-ubnd-2023-half-year@plan", day(2023, 6, 29)),
        ("12-kh-ubnd-2023-annual@plan", day(2023, 12, 14)),
        ("12-kh-ubnd-2023-activity-hoi-thao@plan", day(2023, 11, 30)),
    ];
    assert_eq!(got, want.iter().map(|(u, d)| ((*u).to_owned(), *d)).collect::<Vec<_>>());
}

#[test]
fn a_plan_with_errors_gives_no_calendar() {
    let output = common::plan()
        .args(["calendar", "tests/fixtures/invalid/amount-words-mismatch", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.ends_with(
            "checked 3 files: 1 error, 0 warnings\n\
             for what a code means and an example of its fix: `plan explain CODE` (such as `plan explain invalid-amount`)\n\
             plan: no calendar: the files have errors\n"
        ),
        "{stderr}"
    );
    let output = common::plan().args(["calendar", "tests/fixtures/invalid/amount-words-mismatch"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.ends_with("\nplan: không tạo lịch: các tệp có lỗi\n"), "{stderr}");
}

#[test]
fn a_path_that_is_not_there_is_said_in_the_chosen_language() {
    let output = common::plan().args(["calendar", "no-such-dir"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "plan: lỗi: không đọc được `no-such-dir`: không có tệp hay thư mục này\n"
    );
    let output = common::plan().args(["calendar", "no-such-dir", "--lang", "en"]).output().unwrap();
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "plan: error: cannot read `no-such-dir`: No such file or directory (os error 2)\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let output = common::plan().arg("calendar").arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let shown = dir.path().display().to_string();
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        format!("plan: lỗi: không có tệp kế hoạch (`*.toml`) nào trong `{shown}`\n")
    );
}

#[test]
fn output_goes_to_a_file_with_dash_o() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("han.ics");
    let out = common::stdout(&["calendar", "plans", "-o", file.to_str().unwrap()]);
    assert_eq!(out, "");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), common::stdout(&["calendar", "plans"]));
}
