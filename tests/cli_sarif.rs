//! `plan check --format sarif`: every fixture's log is valid against the OASIS SARIF 2.1.0
//! JSON Schema (vendored in tests/data/sarif/, validated by the `jsonschema` crate), and its
//! results say what the JSON product says, position for position.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

mod common;

use serde_json::{Value, json};

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string("tests/data/sarif/sarif-schema-2.1.0.json").unwrap();
    // The schema's `language` patterns have a stray `]` (`…{2}]?$`), which the crate's check
    // of the schema against its meta-schema rejects as a regex; they are read as meant (a
    // tag like `en` or `en-US`). `plan` writes no `language`.
    let stray = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert_eq!(text.matches(stray).count(), 2);
    let text = text.replace(stray, r#""^[a-zA-Z]{2}$|^[a-zA-Z]{2}-[a-zA-Z]{2}$""#);
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn sarif(path: &str) -> Value {
    let (_, out, err) = common::in_process(&["check", "--format", "sarif", path]);
    assert_eq!(err, "", "nothing on stderr");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn every_fixture_gives_a_log_valid_against_the_schema_that_matches_the_json_product() {
    let validator = schema();
    let mut checked = 0;
    for dir in ["tests/fixtures/invalid", "tests/fixtures/valid"] {
        let Ok(entries) = std::fs::read_dir(dir) else { continue };
        let mut paths: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        paths.sort();
        for path in paths {
            let path = path.to_string_lossy().into_owned();
            let log = sarif(&path);
            let errors: Vec<String> =
                validator.iter_errors(&log).map(|e| format!("{e} at {}", e.instance_path())).collect();
            assert!(errors.is_empty(), "{path}: {errors:#?}");
            let (_, json_out, _) = common::in_process(&["check", "--format", "json", &path]);
            let product: Value = serde_json::from_str(&json_out).unwrap();
            let results = log["runs"][0]["results"].as_array().unwrap();
            let diagnostics = product["diagnostics"].as_array().unwrap();
            assert_eq!(results.len(), diagnostics.len(), "{path}");
            for (r, d) in results.iter().zip(diagnostics) {
                assert_eq!(r["ruleId"], d["code"]);
                assert_eq!(r["level"], d["severity"]);
                let region = &r["locations"][0]["physicalLocation"]["region"];
                assert_eq!(
                    [&region["startLine"], &region["startColumn"], &region["endLine"], &region["endColumn"]],
                    [&d["line"], &d["column"], &d["end_line"], &d["end_column"]],
                    "{path}"
                );
                let rules = &log["runs"][0]["tool"]["driver"]["rules"];
                assert_eq!(rules[usize::try_from(r["ruleIndex"].as_u64().unwrap()).unwrap()]["id"], d["code"]);
            }
            checked += 1;
        }
    }
    assert!(checked >= 41, "checked {checked} fixtures");
    // The validator does reject what SARIF does not allow.
    let mut bad = sarif("tests/fixtures/invalid/amount-words-mismatch");
    bad["runs"][0]["results"][0]["level"] = json!("fatal");
    assert!(!validator.is_valid(&bad));
}

#[test]
fn a_result_carries_file_region_level_message_and_related_locations() {
    let log = sarif("tests/fixtures/invalid/amount-words-mismatch");
    let uri = json!({ "uri": "tests/fixtures/invalid/amount-words-mismatch/plan.toml", "uriBaseId": "SRCROOT" });
    assert_eq!(
        log["runs"][0]["results"],
        json!([{
            "ruleId": "amount-words-mismatch",
            "ruleIndex": 21,
            "level": "error",
            "message": { "text": "the amount in words reads as `310.000.000`, not `300.000.000`\nhelp: write it as “Ba trăm triệu đồng”" },
            "locations": [{
                "physicalLocation": { "artifactLocation": uri, "region": { "startLine": 23, "startColumn": 12, "endLine": 23, "endColumn": 37 } },
                "message": { "text": "reads as `310.000.000`" },
            }],
            "relatedLocations": [{
                "physicalLocation": { "artifactLocation": uri, "region": { "startLine": 22, "startColumn": 9, "endLine": 22, "endColumn": 22 } },
                "message": { "text": "the amount in figures" },
                "id": 0,
            }],
        }])
    );
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(log["runs"][0]["columnKind"], "unicodeCodePoints");
}

#[test]
fn rules_carry_every_code_with_its_summary_level_and_docs_anchor() {
    let log = sarif("plans");
    let rules = log["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 44);
    let warn = rules.iter().find(|r| r["id"] == "late-submission").unwrap();
    assert_eq!(
        warn["shortDescription"]["text"],
        "A report was sent on or after its due-before date (\"before 30/6\" means 29/6 is the last day)"
    );
    assert_eq!(warn["defaultConfiguration"]["level"], "warning");
    assert_eq!(
        warn["help"]["markdown"],
        "A report was sent on or after its due-before date (\"before 30/6\" means 29/6 is the last day). See [`late-submission`](docs/diagnostics.md#late-submission)."
    );
    assert_eq!(log["runs"][0]["results"], json!([]));
}
