//! A file lowered as the parser closes its `[[…]]` tables (`lower::read_document`, what
//! `plan` does) gives the same model and diagnostics, in the same order, as its whole tree
//! lowered: on every file of the repository, and on the orders of tables that decide
//! whether an element may be taken early.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

mod common;

use std::fmt::Write as _;

use plan::lower::{read_document, streamed_agrees, taken_early};
use plan::model::Document;
use plan::source::FileId;

#[test]
fn every_file_of_the_repository_is_lowered_the_same_either_way() {
    let files = common::repository_toml_files();
    let mut compared = 0;
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else { continue };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        if let Err(why) = streamed_agrees(text) {
            panic!("{}: {why}", path.display());
        }
        compared += 1;
    }
    assert!(compared > 200, "only {compared} files compared");
    // The real plan's eight activities: all but the last are lowered as they close.
    let real = std::fs::read_to_string("plans/ke-hoach-2019.toml").unwrap();
    assert_eq!(taken_early(&real), 7);
}

const PLAN_HEAD: &str = "[plan]\ntitle = \"K\"\nyear = 2021\ndecision = { number = \"1/QĐ\", date = 2020-01-01 }\n";

fn activity(n: usize, extra: &str) -> String {
    format!("\n[[activity]]\nid = \"a{n}\"\nname = \"Hoạt động {n}\"\ntarget = {n}\n{extra}")
}

/// The activities of a plan, in order, and the diagnostics' codes and first lines.
fn read(text: &str) -> (Vec<String>, Vec<String>) {
    let (doc, d, _) = read_document(FileId(0), text);
    let ids = match doc {
        Some(Document::Plan(plan)) => plan.activities.iter().map(|a| a.id.value.clone()).collect(),
        Some(Document::Progress(p)) => p.disbursements.iter().map(|x| x.amount.value.to_string()).collect(),
        _ => Vec::new(),
    };
    (ids, d.iter().map(|d| format!("{} {}", d.code.as_str(), d.message.en)).collect())
}

#[test]
fn activities_taken_early_keep_their_order_paths_and_diagnostics() {
    let mut text = PLAN_HEAD.to_owned();
    for n in 0..5 {
        // An unknown key in each, and a breakdown written as a table after the header.
        text.push_str(&activity(n, &format!("colour = {n}\n[activity.breakdown]\nx = {n}\n")));
    }
    streamed_agrees(&text).unwrap();
    // All but the last, which nothing closes before the end of the file.
    assert_eq!(taken_early(&text), 4);
    let (ids, d) = read(&text);
    assert_eq!(ids, ["a0", "a1", "a2", "a3", "a4"]);
    let unknown: Vec<&String> = d.iter().filter(|d| d.starts_with("unknown-key")).collect();
    assert_eq!(unknown.len(), 5, "{d:#?}");
    assert!(unknown[0].contains("`activity[1].colour`"), "{}", unknown[0]);
    assert!(unknown[4].contains("`activity[5].colour`"), "{}", unknown[4]);
}

#[test]
fn activities_before_the_plan_table_are_lowered_from_the_tree() {
    // The kind is not known while the first two close; the rest are not taken either, so
    // that what is taken is always the first N.
    let mut text = String::new();
    for n in 0..3 {
        text.push_str(&activity(n, ""));
    }
    text.push('\n');
    text.push_str(PLAN_HEAD);
    for n in 3..6 {
        text.push_str(&activity(n, ""));
    }
    streamed_agrees(&text).unwrap();
    assert_eq!(taken_early(&text), 0);
    assert_eq!(read(&text).0, ["a0", "a1", "a2", "a3", "a4", "a5"]);
}

#[test]
fn a_file_of_two_kinds_is_not_lowered_though_activities_were_taken() {
    let mut text = PLAN_HEAD.to_owned();
    for n in 0..4 {
        text.push_str(&activity(n, ""));
    }
    text.push_str("\n[progress]\nplan = \"k.toml\"\n");
    streamed_agrees(&text).unwrap();
    let (ids, d) = read(&text);
    assert!(ids.is_empty());
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0].starts_with("unknown-kind"), "{d:#?}");
}

#[test]
fn a_broken_file_is_explained_whole_though_activities_were_taken() {
    let mut text = PLAN_HEAD.to_owned();
    for n in 0..4 {
        text.push_str(&activity(n, ""));
    }
    text.push_str("\n[[activity]]\nid = \"a9\"\nid = \"again\"\n");
    streamed_agrees(&text).unwrap();
    let (ids, d) = read(&text);
    assert!(ids.is_empty());
    assert!(d.iter().all(|d| d.starts_with("toml-syntax")), "{d:#?}");
    assert_eq!(d.len(), 1, "{d:#?}");
}

fn disbursements(unit_first: bool) -> String {
    let head = "[progress]\nplan = \"k.toml\"\nmoney-unit = \"triệu đồng\"\n";
    let mut text = if unit_first { head.to_owned() } else { String::new() };
    for n in 1..=4 {
        write!(text, "\n[[disbursement]]\nactivity = \"a\"\ndate = 2021-03-0{n}\namount = {n}\n").unwrap();
    }
    if !unit_first {
        text.push('\n');
        text.push_str(head);
    }
    text
}

#[test]
fn disbursements_are_in_the_progress_tables_unit_wherever_it_is_written() {
    for unit_first in [true, false] {
        let text = disbursements(unit_first);
        streamed_agrees(&text).unwrap();
        // With `[progress]` first, all but the last; written after them, none.
        assert_eq!(taken_early(&text), if unit_first { 3 } else { 0 });
        let (amounts, d) = read(&text);
        assert_eq!(amounts, ["1000000", "2000000", "3000000", "4000000"], "unit first: {unit_first}");
        assert!(d.is_empty(), "{d:#?}");
    }
}

#[test]
fn a_progress_table_made_by_its_subtable_can_still_get_its_unit() {
    // `[progress.note]` makes `progress` before `[progress]` defines it, and with it the
    // unit the disbursements written between them are in.
    let mut text = "[progress.note]\nx = 1\n".to_owned();
    for n in 1..=3 {
        write!(text, "\n[[disbursement]]\nactivity = \"a\"\ndate = 2021-03-0{n}\namount = {n}\n").unwrap();
    }
    text.push_str("\n[progress]\nplan = \"k.toml\"\nmoney-unit = \"triệu đồng\"\n");
    streamed_agrees(&text).unwrap();
    assert_eq!(taken_early(&text), 0);
    assert_eq!(read(&text).0, ["1000000", "2000000", "3000000"]);
}
