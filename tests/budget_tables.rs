//! Property: for random valid progress sets, every by-line and by-activity table of the
//! budget section adds up to its total disbursed, to the đồng — for every example plan and
//! the real 2019 plan, at every month end of the year. Payments are drawn against
//! activities (with one line, several or none), against lines, and against both an
//! activity and one of its own lines, with amounts from 1 đồng up, within every line.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

mod common;

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use rust_decimal::Decimal;

use common::in_process as plan;

/// A plan to draw payments for: its directory's files, its activity and line ids, each
/// line's activity, and its year.
struct Subject {
    dir: &'static str,
    plan: &'static str,
    activities: Vec<String>,
    lines: Vec<(String, Option<String>)>,
    year: i32,
}

fn subject(dir: &'static str, plan: &'static str) -> Subject {
    let table: toml::Table = fs::read_to_string(Path::new(dir).join(plan)).unwrap().parse().unwrap();
    let ids = |key: &str| -> Vec<toml::Table> {
        table
            .get(key)
            .and_then(toml::Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_table().cloned())
            .collect()
    };
    let activities = ids("activity").iter().map(|a| a["id"].as_str().unwrap().to_owned()).collect();
    let lines = table
        .get("budget")
        .and_then(|b| b.get("line"))
        .and_then(toml::Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(toml::Value::as_table)
        .map(|l| (l["id"].as_str().unwrap().to_owned(), l.get("activity").and_then(|a| a.as_str()).map(str::to_owned)))
        .collect();
    let year = i32::try_from(table["plan"]["year"].as_integer().unwrap()).unwrap();
    Subject { dir, plan, activities, lines, year }
}

/// One payment: whom it names (0: an activity, 1: a line, 2: an activity and its own
/// line), which one (an index), the day of the year, the amount.
type Payment = (u8, usize, u32, u64);

fn progress_file(s: &Subject, payments: &[Payment]) -> String {
    let mut text = format!("[progress]\nplan = \"{}\"\n", s.plan);
    for (n, &(kind, pick, day, amount)) in payments.iter().enumerate() {
        let date = NaiveDate::from_yo_opt(s.year, day % 365 + 1).unwrap();
        let (activity, line) = match kind {
            1 if !s.lines.is_empty() => (None, Some(s.lines[pick % s.lines.len()].0.clone())),
            2 if s.lines.iter().any(|l| l.1.is_some()) => {
                let own: Vec<_> = s.lines.iter().filter(|l| l.1.is_some()).collect();
                let (line, activity) = own[pick % own.len()];
                (activity.clone(), Some(line.clone()))
            }
            _ => (Some(s.activities[pick % s.activities.len()].clone()), None),
        };
        text.push_str("\n[[disbursement]]\n");
        if let Some(a) = activity {
            let _ = writeln!(text, "activity = \"{a}\"");
        }
        if let Some(l) = line {
            let _ = writeln!(text, "line = \"{l}\"");
        }
        let _ = write!(text, "date = {date}\namount = {amount}\nvoucher = \"PT-{n}\"\n");
    }
    text
}

fn figure(v: &serde_json::Value) -> Decimal {
    v.as_str().unwrap().parse().unwrap()
}

fn tables_add_up(s: &Subject, payments: &[Payment]) -> Result<usize, TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(s.dir).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        // Only the plans and the decision: the random progress file stands alone.
        if !text.contains("[progress]") {
            fs::write(dir.path().join(path.file_name().unwrap()), text).unwrap();
        }
    }
    fs::write(dir.path().join("tien-do-ngau-nhien.toml"), progress_file(s, payments)).unwrap();
    let plan_path = dir.path().join(s.plan);
    let mut compared = 0;
    for month in 1..=12 {
        let end =
            NaiveDate::from_ymd_opt(s.year + i32::from(month == 12), month % 12 + 1, 1).unwrap().pred_opt().unwrap();
        prop_assert_eq!(end.year(), s.year);
        let as_of = end.to_string();
        let (_, out, err) = plan(&["report", plan_path.to_str().unwrap(), "--as-of", &as_of, "--format", "json"]);
        prop_assert!(!out.is_empty(), "no report at {}: {}", as_of, err);
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        let budget = &json["budget"];
        let disbursed = figure(&budget["disbursed"]);
        let sum = |key: &str| budget[key].as_array().unwrap().iter().map(|r| figure(&r["disbursed"])).sum::<Decimal>();
        if !s.lines.is_empty() {
            prop_assert_eq!(sum("lines"), disbursed, "by line at {}", as_of);
        }
        prop_assert_eq!(sum("activities"), disbursed, "by activity at {}", as_of);
        compared += 2;
    }
    Ok(compared)
}

#[test]
fn every_budget_table_adds_up_to_its_total() {
    let subjects = [
        subject("examples/nang-suat-chat-luong", "ke-hoach-2021.toml"),
        subject("examples/nang-suat-chat-luong", "ke-hoach-2022.toml"),
        subject("examples/nang-suat-chat-luong", "ke-hoach-2023.toml"),
        subject("plans", "ke-hoach-2019.toml"),
    ];
    // Valid sets: at most 20 payments of at most 1.000.000 đ stay within every line (the
    // smallest is 28.700.000); 1 đồng and odd amounts test the sums to the đồng.
    let amount = prop_oneof![1_u64..=1_000_000, Just(1_u64), Just(999_999)];
    let payments = proptest::collection::vec((0_u8..3, 0_usize..64, 0_u32..365, amount), 0..20);
    let compared = std::cell::Cell::new(0);
    for s in &subjects {
        let mut runner = TestRunner::new(Config { cases: 12, failure_persistence: None, ..Config::default() });
        runner
            .run(&payments, |p| {
                compared.set(compared.get() + tables_add_up(s, &p)?);
                Ok(())
            })
            .unwrap();
    }
    // 4 plans × 12 cases × 12 month ends, two tables each (the real plan has no lines).
    assert_eq!(compared.get(), 3 * 12 * 12 * 2 + 12 * 12 * 2);
}
