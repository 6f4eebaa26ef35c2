//! The JSON Schemas in `schemas/`: the same as `plan schema KIND` prints, and, read by an
//! independent validator (the `jsonschema` crate), they accept every real and example file
//! and refuse a misspelt key and a missing required key.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

const KINDS: [&str; 3] = ["decision", "plan", "progress"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn committed(kind: &str) -> String {
    std::fs::read_to_string(root().join("schemas").join(format!("{kind}.schema.json"))).unwrap()
}

fn validator(kind: &str) -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&committed(kind)).unwrap();
    jsonschema::options().should_validate_formats(true).build(&schema).unwrap()
}

/// TOML as JSON, the way editors see it: dates become strings.
fn to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(to_json).collect()),
        toml::Value::Table(table) => Value::Object(table.into_iter().map(|(k, v)| (k, to_json(v))).collect()),
    }
}

fn parse(text: &str) -> Value {
    to_json(toml::Value::Table(toml::from_str::<toml::Table>(text).unwrap()))
}

fn kind_of(value: &Value) -> &'static str {
    KINDS.into_iter().find(|k| value.get(k).is_some()).unwrap()
}

fn errors(kind: &str, value: &Value) -> Vec<String> {
    validator(kind).iter_errors(value).map(|e| format!("{} at {}", e, e.instance_path())).collect()
}

fn toml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            toml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

#[test]
fn the_committed_schemas_are_what_plan_schema_prints() {
    for kind in KINDS {
        let output = Command::cargo_bin("plan").unwrap().args(["schema", kind]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{kind}");
        assert_eq!(
            String::from_utf8(output.stdout).unwrap(),
            committed(kind),
            "{kind}: run `plan schema {kind} > schemas/{kind}.schema.json`"
        );
    }
}

#[test]
fn every_real_and_example_file_is_valid() {
    let mut files = Vec::new();
    toml_files(&root().join("plans"), &mut files);
    toml_files(&root().join("examples"), &mut files);
    assert_eq!(files.len(), 15);
    let mut kinds = Vec::new();
    for file in &files {
        let value = parse(&std::fs::read_to_string(file).unwrap());
        let kind = kind_of(&value);
        kinds.push(kind);
        assert_eq!(errors(kind, &value), Vec::<String>::new(), "{}", file.display());
    }
    kinds.sort_unstable();
    kinds.dedup();
    assert_eq!(kinds, ["decision", "plan", "progress"]);
}

const PLAN: &str = r#"
[plan]
title = "Kế hoạch năm 2019"
year = 2019
decision = { number = "1186/QĐ-UBND", date = 2016-05-16 }

[[activity]]
id = "he-thong-quan-ly"
name = "Xây dựng hệ thống quản lý"
target = 5

[budget]
total = "491.300.000"
"#;

#[test]
fn a_small_plan_is_valid() {
    assert_eq!(errors("plan", &parse(PLAN)), Vec::<String>::new());
}

#[test]
fn a_misspelt_key_is_refused() {
    let value = parse(&PLAN.replace("target = 5", "taget = 5"));
    let found = errors("plan", &value);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("taget"), "{found:?}");
    assert!(found[0].ends_with(" at /activity/0"), "{found:?}");
}

#[test]
fn a_missing_required_key_is_refused() {
    let value = parse(&PLAN.replace("year = 2019\n", ""));
    let found = errors("plan", &value);
    assert_eq!(found, ["\"year\" is a required property at /plan"]);
}

#[test]
fn an_amount_in_english_notation_and_an_unknown_report_kind_are_refused() {
    let value = parse(&PLAN.replace("\"491.300.000\"", "\"491,300,000\""));
    assert_eq!(errors("plan", &value).len(), 1);
    let value = parse(&PLAN.replace("total = \"491.300.000\"", "total = 491_300_000"));
    assert_eq!(errors("plan", &value), Vec::<String>::new());
    let value =
        parse(&PLAN.replace("[budget]", "[[report]]\nkind = \"quarterly\"\ndue-before = 2019-06-30\n\n[budget]"));
    assert_eq!(errors("plan", &value).len(), 1);
}
