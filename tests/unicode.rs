//! Unicode in names: agency references match whatever Unicode form, tone placement, case
//! and spacing they were typed in, and whatever the tool prints back is the text exactly as
//! the file wrote it, byte for byte.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

mod common;

use std::fmt::Write as _;
use std::path::Path;

use common::in_process as plan;
use plan::cli::Exit;
use unicode_normalization::UnicodeNormalization;

/// `plan check DIR --format json`: the exit status and the diagnostics as
/// `code file:line message`.
fn check(dir: &Path) -> (Exit, Vec<String>) {
    let (exit, out, _) = plan(&["check", dir.to_str().unwrap(), "--format", "json", "--lang", "en"]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
    let lines = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let file = Path::new(d["file"].as_str().unwrap()).file_name().unwrap().to_string_lossy().into_owned();
            format!("{} {file}:{} {}", d["code"].as_str().unwrap(), d["line"], d["message"].as_str().unwrap())
        })
        .collect();
    (exit, lines)
}

fn write_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).expect("the needle is in the text")].matches('\n').count() + 1
}

/// "Cục Thống kê tỉnh" as the real 2019 plan writes it: "Cục" with a combining dot below
/// (U+0323) and "Thống" as a precomposed ô with a combining acute (U+0301), so decomposed
/// (NFD) in its tone marks; "kê" and "tỉnh" precomposed.
const SEED_NFD: &str = "Cu\u{0323}c Th\u{00F4}\u{0301}ng k\u{00EA} t\u{1EC9}nh";
/// The same name as the real decision writes it, precomposed (NFC).
const SEED_NFC: &str = "C\u{1EE5}c Th\u{1ED1}ng k\u{00EA} t\u{1EC9}nh";

#[test]
fn the_seed_holds_the_same_agency_in_two_unicode_forms() {
    let plan = std::fs::read_to_string("plans/ke-hoach-2019.toml").unwrap();
    let decision = std::fs::read_to_string("plans/quyet-dinh-1186-2016.toml").unwrap();
    assert_eq!(plan.matches(&format!("\"{SEED_NFD}\",")).count(), 8, "the plan's decomposed references");
    assert!(!plan.contains(&format!("\"{SEED_NFC}\",")), "no reference is precomposed");
    assert!(decision.contains(&format!("name = \"{SEED_NFC}\"")), "the decision's precomposed name");
    assert_ne!(SEED_NFD.as_bytes(), SEED_NFC.as_bytes());
    assert_eq!(SEED_NFD.nfc().collect::<String>(), SEED_NFC);
    // The seed also writes a tone in the old place: "Tỉnh uỷ" in the plan, "Tỉnh ủy" in the
    // decision.
    assert!(plan.contains("\"TT, Tỉnh uỷ\"") && decision.contains("\"TT, Tỉnh ủy\""));
}

/// A copy of `plans/` with `edit` applied to the 2019 plan.
fn seed_with(edit: impl Fn(String) -> String) -> tempfile::TempDir {
    let plan = edit(std::fs::read_to_string("plans/ke-hoach-2019.toml").unwrap());
    let decision = std::fs::read_to_string("plans/quyet-dinh-1186-2016.toml").unwrap();
    write_dir(&[("ke-hoach-2019.toml", &plan), ("quyet-dinh-1186-2016.toml", &decision)])
}

#[test]
fn the_seed_agency_names_resolve_byte_for_byte() {
    // As the seed has them: all references resolve, nothing is reported.
    let seed = seed_with(|text| text);
    assert_eq!(check(seed.path()), (Exit::Success, Vec::new()));
    // The references are checked: the decomposed name changed by one word is reported, at
    // its line, with the text as written.
    let unknown = format!("{SEED_NFD} Long An");
    let edited = seed_with(|text| text.replacen(&format!("\"{SEED_NFD}\""), &format!("\"{unknown}\""), 1));
    let plan = std::fs::read_to_string(edited.path().join("ke-hoach-2019.toml")).unwrap();
    let (exit, lines) = check(edited.path());
    assert_eq!(exit, Exit::Failure);
    assert_eq!(
        lines,
        [format!(
            "unknown-agency ke-hoach-2019.toml:{} no agency `{unknown}` in the decision's `[[agency]]` list",
            line_of(&plan, &unknown)
        )]
    );
}

const DECISION_HEAD: &str = "[decision]
number = \"1186/QĐ-UBND\"
date = 2016-05-16
title = \"Nâng cao năng suất và chất lượng\"
period = { from = 2016, to = 2020 }
";

const PLAN_HEAD: &str = "[plan]
title = \"Kế hoạch năm 2019\"
year = 2019
decision = { number = \"1186/QĐ-UBND\", date = 2016-05-16, file = \"decision.toml\" }
";

/// A decision whose registry has `names` (ids `a1`, `a2`, …) and a plan whose recipients
/// are `references`.
fn registry_and_references(names: &[&str], references: &[&str]) -> tempfile::TempDir {
    let mut decision = DECISION_HEAD.to_owned();
    for (n, name) in names.iter().enumerate() {
        let _ = write!(decision, "\n[[agency]]\nid = \"a{}\"\nname = \"{name}\"\n", n + 1);
    }
    let quoted: Vec<String> = references.iter().map(|r| format!("    \"{r}\",\n")).collect();
    let plan = format!("{PLAN_HEAD}recipients = [\n{}]\n", quoted.concat());
    write_dir(&[("decision.toml", &decision), ("plan.toml", &plan)])
}

/// Names in the new tone placement ("ủy", "hòa", "thủy"), and the same in the old ("uỷ",
/// "hoà", "thuỷ").
const NEW_STYLE: [&str; 4] =
    ["Ủy ban nhân dân tỉnh", "Sở Văn hóa, Thể thao và Du lịch", "Chi cục Thủy lợi", "Trung tâm Hòa giải"];
const OLD_STYLE: [&str; 4] =
    ["Uỷ ban nhân dân tỉnh", "Sở Văn hoá, Thể thao và Du lịch", "Chi cục Thuỷ lợi", "Trung tâm Hoà giải"];

#[test]
fn names_differing_in_tone_placement_resolve_both_ways() {
    for (registry, references) in [(NEW_STYLE, OLD_STYLE), (OLD_STYLE, NEW_STYLE)] {
        for (a, b) in registry.iter().zip(&references) {
            assert_ne!(a.nfd().collect::<String>(), b.nfd().collect::<String>(), "`{a}` and `{b}` differ");
        }
        let dir = registry_and_references(&registry, &references);
        assert_eq!(check(dir.path()), (Exit::Success, Vec::new()), "{references:?}");
    }
}

#[test]
fn names_differing_in_unicode_form_case_or_spacing_resolve() {
    let nfd: Vec<String> = OLD_STYLE.iter().map(|n| n.nfd().collect()).collect();
    let nfc: Vec<String> = OLD_STYLE.iter().map(|n| n.nfc().collect()).collect();
    let upper: Vec<String> = OLD_STYLE.iter().map(|n| n.to_uppercase()).collect();
    let lower: Vec<String> = NEW_STYLE.iter().map(|n| n.to_lowercase()).collect();
    let spaced: Vec<String> = NEW_STYLE.iter().map(|n| format!("  {}\\t", n.replace(' ', "  "))).collect();
    let nbsp: Vec<String> = NEW_STYLE.iter().map(|n| n.replace(' ', "\u{00A0}")).collect();
    let zero_width: Vec<String> = NEW_STYLE.iter().map(|n| n.replacen(' ', "\u{200B} ", 1)).collect();
    for (registry, references) in [
        (NEW_STYLE.map(str::to_owned), nfd.clone()),
        (nfd.clone().try_into().unwrap(), NEW_STYLE.map(str::to_owned).to_vec()),
        (NEW_STYLE.map(str::to_owned), nfc),
        (NEW_STYLE.map(str::to_owned), upper),
        (nfd.try_into().unwrap(), lower),
        (NEW_STYLE.map(str::to_owned), spaced),
        (NEW_STYLE.map(str::to_owned), nbsp),
        (NEW_STYLE.map(str::to_owned), zero_width),
    ] {
        let registry: Vec<&str> = registry.iter().map(String::as_str).collect();
        let references: Vec<&str> = references.iter().map(String::as_str).collect();
        let dir = registry_and_references(&registry, &references);
        assert_eq!(check(dir.path()), (Exit::Success, Vec::new()), "{references:?}");
    }
}

#[test]
fn names_differing_in_letters_do_not_resolve() {
    // The other marks (horn, circumflex, breve, đ) are letters, not tone placement.
    for (name, other) in [("Chi cục Thủy lợi", "Chi cục Thủy lới"), ("Sở Y tế", "Sở Y tê"), ("Đài", "Dài")]
    {
        let dir = registry_and_references(&[name], &[other]);
        let (exit, lines) = check(dir.path());
        assert_eq!(exit, Exit::Failure, "`{other}` must not resolve to `{name}`");
        assert_eq!(lines.len(), 1);
        assert!(lines[0].starts_with("unknown-agency plan.toml:6 "), "{lines:?}");
    }
}

#[test]
fn two_entries_that_fold_alike_are_ambiguous() {
    let variants = [
        ("Ủy ban nhân dân tỉnh", "UỶ BAN  NHÂN DÂN TỈNH"),
        ("Trung tâm Hòa giải", "Trung tâm Hoa\u{0300} giải"),
        (SEED_NFC, SEED_NFD),
    ];
    for (first, second) in variants {
        let dir = registry_and_references(&[first, second], &[]);
        let decision = std::fs::read_to_string(dir.path().join("decision.toml")).unwrap();
        let (exit, lines) = check(dir.path());
        assert_eq!(exit, Exit::Failure);
        assert_eq!(
            lines,
            [format!(
                "ambiguous-agency decision.toml:{} `{second}` names two agencies",
                line_of(&decision, &format!("name = \"{second}\""))
            )]
        );
    }
}

/// An activity name, a unit and a title in decomposed Unicode, with an old-style tone and
/// a double space: the report must give them back exactly.
#[test]
fn report_and_diagnostics_print_text_exactly_as_written() {
    let name: String = "Xây dựng hệ thống quản lý  tiên tiến".nfd().collect();
    let unit: String = "hệ thống".nfd().collect();
    let title = "Kế hoạch năm 2019 của Uỷ ban nhân dân tỉnh";
    assert_ne!(name, name.nfc().collect::<String>(), "the name is decomposed");
    let decision = format!("{DECISION_HEAD}\n[[agency]]\nid = \"so-khcn\"\nname = \"Sở Khoa học và Công nghệ\"\n");
    let text = format!(
        "{}\n[[activity]]\nid = \"he-thong\"\nname = \"{name}\"\ntarget = 5\nunit = \"{unit}\"\nlead = \"so-khcn\"\n",
        PLAN_HEAD.replace("Kế hoạch năm 2019", title)
    );
    let dir = write_dir(&[("decision.toml", &decision), ("plan.toml", &text)]);
    let plan_path = dir.path().join("plan.toml");
    let plan_path = plan_path.to_str().unwrap();

    let (exit, out, err) = plan_report(&[plan_path, "progress", "--as-of", "2019-06-30", "--format", "json"]);
    assert_eq!(exit, Exit::Success, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["plan"]["title"].as_str().unwrap().as_bytes(), title.as_bytes());
    assert_eq!(json["progress"][0]["name"].as_str().unwrap().as_bytes(), name.as_bytes());
    assert_eq!(json["progress"][0]["unit"].as_str().unwrap().as_bytes(), unit.as_bytes());
    let (_, markdown, _) = plan_report(&[plan_path, "progress", "--as-of", "2019-06-30", "--format", "markdown"]);
    assert!(markdown.contains(&name), "the Markdown report holds the decomposed name");

    // A diagnostic quotes the reference as written: decomposed, spaces and all.
    let lead: String = "Sở  Khoa học và Công nghệ tỉnh".nfd().collect();
    let text = text.replace("lead = \"so-khcn\"", &format!("lead = \"{lead}\""));
    std::fs::write(plan_path, &text).unwrap();
    let (exit, lines) = check(dir.path());
    assert_eq!(exit, Exit::Failure);
    assert_eq!(
        lines,
        [format!(
            "unknown-agency plan.toml:{} no agency `{lead}` in the decision's `[[agency]]` list",
            line_of(&text, "lead = ")
        )]
    );
    let (_, _, human) = plan(&["check", dir.path().to_str().unwrap(), "--color", "never", "--lang", "en"]);
    assert!(human.contains(&format!("no agency `{lead}`")), "{human}");
    assert!(human.contains(&format!("lead = \"{lead}\"")), "the source line as written: {human}");
}

fn plan_report(args: &[&str]) -> (Exit, String, String) {
    let mut all = vec!["report"];
    all.extend(args);
    plan(&all)
}
