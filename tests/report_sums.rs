//! Every achieved and disbursed figure of the JSON report, for every plan in `examples/`
//! and at several as-of dates, equals a sum this test computes from the TOML files itself,
//! without the tool's loader or report code.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use rust_decimal::Decimal;

/// An amount or count as the files write it: an integer, or a string in Vietnamese
/// notation ("1.250.000", "12,5").
fn amount(value: &toml::Value) -> Decimal {
    match value {
        toml::Value::Integer(i) => Decimal::from(*i),
        toml::Value::String(s) => s.replace('.', "").replace(',', ".").parse().unwrap(),
        other => panic!("not an amount: {other:?}"),
    }
}

fn date(value: &toml::Value) -> String {
    value.as_datetime().unwrap().to_string()
}

fn read(path: &Path) -> toml::Table {
    let text = std::fs::read_to_string(path).unwrap();
    text.trim_start_matches('\u{feff}').parse().unwrap()
}

/// The example plans, each with the progress files beside it that name it.
fn example_plans() -> Vec<(PathBuf, Vec<toml::Table>)> {
    let mut plans = Vec::new();
    for scenario in std::fs::read_dir("examples").unwrap() {
        let dir = scenario.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let files: Vec<(PathBuf, toml::Table)> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .map(|p| {
                let table = read(&p);
                (p, table)
            })
            .collect();
        for (path, table) in &files {
            if table.contains_key("plan") {
                let name = path.file_name().unwrap().to_str().unwrap();
                let progress = files
                    .iter()
                    .filter(|(_, t)| {
                        t.get("progress").and_then(|p| p.get("plan")).and_then(|p| p.as_str()) == Some(name)
                    })
                    .map(|(_, t)| t.clone())
                    .collect();
                plans.push((path.clone(), progress));
            }
        }
    }
    plans.sort_by(|a, b| a.0.cmp(&b.0));
    plans
}

/// The `[[key]]` tables of all the progress files.
fn entries(progress: &[toml::Table], key: &str) -> Vec<toml::Table> {
    progress
        .iter()
        .filter_map(|p| p.get(key).and_then(toml::Value::as_array))
        .flatten()
        .filter_map(|v| v.as_table().cloned())
        .collect()
}

/// Đồng per unit of a progress file's money (`[progress] money-unit`, docs/format.md).
fn dong_per_unit(progress: &toml::Table) -> Decimal {
    match progress["progress"].get("money-unit").and_then(toml::Value::as_str) {
        None | Some("đồng") => Decimal::ONE,
        Some("nghìn đồng") => Decimal::from(1_000),
        Some("triệu đồng") => Decimal::from(1_000_000),
        Some("tỷ đồng") => Decimal::from(1_000_000_000),
        Some(other) => panic!("unknown money-unit {other}"),
    }
}

/// Each disbursement of the progress files, its amount in đồng.
fn disbursements_in_dong(progress: &[toml::Table]) -> Vec<toml::Table> {
    progress
        .iter()
        .flat_map(|p| {
            let factor = dong_per_unit(p);
            entries(std::slice::from_ref(p), "disbursement").into_iter().map(move |mut d| {
                let dong = amount(&d["amount"]) * factor;
                d.insert("amount".into(), toml::Value::String(dong.normalize().to_string()));
                d
            })
        })
        .collect()
}

#[test]
fn report_figures_equal_independent_sums() {
    let plans = example_plans();
    assert!(plans.len() >= 2, "expected at least two example plans");
    let mut compared = 0;
    for (plan, progress) in &plans {
        let year = read(plan)["plan"]["year"].as_integer().unwrap();
        for as_of in [
            format!("{year}-01-01"),
            format!("{year}-06-14"),
            format!("{year}-06-15"),
            format!("{year}-09-30"),
            format!("{year}-12-31"),
        ] {
            let output = Command::cargo_bin("plan")
                .unwrap()
                .arg("report")
                .arg(plan)
                .args(["--as-of", &as_of, "--format", "json"])
                .output()
                .unwrap();
            assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
            let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
            compared += compare(&json, &read(plan), progress, &as_of);
        }
    }
    assert!(compared > 100, "only {compared} figures compared");
}

/// Compares every achieved and disbursed figure; returns how many were compared. Results
/// count from 15/12 of the year before to the as-of date (at most 14/12, the annual
/// cut-off); money from 1 January. A payment is credited to the line it names, else to the
/// only line of the activity it names, else to the "not allocated" row.
fn compare(json: &serde_json::Value, plan: &toml::Table, progress: &[toml::Table], as_of: &str) -> usize {
    let year = plan["plan"]["year"].as_integer().unwrap();
    let (window_from, window_to) = (format!("{}-12-15", year - 1), format!("{year}-12-14"));
    let result_counted = |t: &toml::Table| {
        let day = date(&t["date"]);
        day.as_str() >= window_from.as_str() && day.as_str() <= as_of && day.as_str() <= window_to.as_str()
    };
    let money_counted = |t: &toml::Table| {
        let day = date(&t["date"]);
        day.as_str() >= format!("{year}-01-01").as_str() && day.as_str() <= as_of
    };
    let lines: Vec<&toml::Table> = plan
        .get("budget")
        .and_then(|b| b.get("line"))
        .and_then(toml::Value::as_array)
        .map(|a| a.iter().filter_map(toml::Value::as_table).collect())
        .unwrap_or_default();
    let mut achieved: BTreeMap<String, Decimal> = BTreeMap::new();
    let mut parts: BTreeMap<(String, String), Decimal> = BTreeMap::new();
    // An activity in % is a level: its latest reading is what was reached (docs/format.md).
    let levels: Vec<&str> = plan["activity"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a.get("unit").and_then(toml::Value::as_str) == Some("%"))
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    let mut counted = entries(progress, "achievement");
    counted.retain(|t| result_counted(t));
    counted.sort_by_key(|t| date(&t["date"]));
    for a in &counted {
        let activity = a["activity"].as_str().unwrap().to_owned();
        if levels.contains(&activity.as_str()) {
            achieved.insert(activity.clone(), amount(&a["quantity"]));
        } else {
            *achieved.entry(activity.clone()).or_default() += amount(&a["quantity"]);
        }
        if let Some(part) = a.get("part") {
            *parts.entry((activity, part.as_str().unwrap().to_owned())).or_default() += amount(&a["quantity"]);
        }
    }
    let mut by_line: BTreeMap<String, Decimal> = BTreeMap::new();
    let mut total = Decimal::ZERO;
    for d in disbursements_in_dong(progress).iter().filter(|t| money_counted(t)) {
        total += amount(&d["amount"]);
        let line = d.get("line").and_then(toml::Value::as_str).map(str::to_owned).or_else(|| {
            let activity = d.get("activity")?.as_str()?;
            let own: Vec<_> =
                lines.iter().filter(|l| l.get("activity").and_then(toml::Value::as_str) == Some(activity)).collect();
            match own.as_slice() {
                [only] => Some(only["id"].as_str().unwrap().to_owned()),
                _ => None,
            }
        });
        *by_line.entry(line.unwrap_or_else(|| "(unallocated)".to_owned())).or_default() += amount(&d["amount"]);
    }
    let mut compared = 0;
    let figure = |v: &serde_json::Value| v.as_str().unwrap().parse::<Decimal>().unwrap();
    for row in json["progress"].as_array().unwrap() {
        let activity = row["activity"].as_str().unwrap();
        // A level no reading gives is unknown (null), not 0; a count of nothing is 0.
        let want = achieved.get(activity).copied().or((!levels.contains(&activity)).then_some(Decimal::ZERO));
        let got = row["achieved"].as_str().map(|v| v.parse::<Decimal>().unwrap());
        assert_eq!(got, want, "{activity} at {as_of}");
        compared += 1;
        for part in row["parts"].as_array().unwrap() {
            let key = (activity.to_owned(), part["part"].as_str().unwrap().to_owned());
            assert_eq!(figure(&part["achieved"]), parts.get(&key).copied().unwrap_or_default(), "{key:?} at {as_of}");
            compared += 1;
        }
    }
    let budget = &json["budget"];
    assert_eq!(figure(&budget["disbursed"]), total, "disbursed at {as_of}");
    assert_eq!(figure(&budget["remaining"]), figure(&budget["total"]) - total, "remaining at {as_of}");
    compared += 2;
    let mut lines_sum = Decimal::ZERO;
    for line in budget["lines"].as_array().unwrap() {
        let id = line.get("line").and_then(serde_json::Value::as_str).unwrap_or("(unallocated)");
        assert_eq!(figure(&line["disbursed"]), by_line.get(id).copied().unwrap_or_default(), "line {id} at {as_of}");
        lines_sum += figure(&line["disbursed"]);
        compared += 1;
    }
    if !lines.is_empty() {
        assert_eq!(lines_sum, total, "the by-line rows add up to the total disbursed at {as_of}");
    }
    let activities_sum: Decimal =
        budget["activities"].as_array().unwrap().iter().map(|r| figure(&r["disbursed"])).sum();
    assert_eq!(activities_sum, total, "the by-activity rows add up to the total disbursed at {as_of}");
    compared += 2;
    compared
}
