//! One test per diagnostic code at least, each from TOML text: the code, the line of the
//! primary span and the message, exactly. The base files (`testing::DECISION`, `PLAN`,
//! `PROGRESS`) check clean; each test changes one thing.

use crate::testing::{DECISION, PLAN, PROGRESS, check_bytes, check_changed, check_files};

fn one(changes: &[(&str, &str, &str)]) -> Vec<String> {
    check_changed(changes).lines()
}

#[test]
fn base_files_are_clean() {
    assert_eq!(one(&[]), Vec::<String>::new());
}

#[test]
fn toml_syntax() {
    assert_eq!(
        one(&[("plan.toml", "title = \"Kế hoạch năm 2019\"", "title = \"Kế hoạch năm 2019")]),
        ["toml-syntax plan.toml:2 invalid basic string, expected `\"`"]
    );
}

#[test]
fn unreadable_file() {
    let checked = check_bytes(&[("plan.toml", b"[plan]\ntitle = \"K\xe1 ho\xe1ch\"\n")]);
    assert_eq!(
        checked.lines(),
        ["unreadable-file plan.toml:2 the file is not UTF-8 text: byte `0xe1` cannot start or continue a character"]
    );
}

#[test]
fn unknown_kind() {
    assert_eq!(check_files(&[("a.toml", "")]).lines(), ["unknown-kind a.toml:1 the file is empty"]);
    assert_eq!(
        check_files(&[("a.toml", "[plan]\ntitle = \"x\"\n[progress]\nplan = \"a.toml\"\n")]).lines(),
        ["unknown-kind a.toml:3 the file has both `[plan]` and `[progress]`"]
    );
}

#[test]
fn unknown_key() {
    let checked = check_changed(&[("plan.toml", "unit = \"hệ thống\"", "units = \"hệ thống\"")]);
    assert_eq!(checked.lines(), ["unknown-key plan.toml:10 unknown key `activity[1].units`"]);
    assert_eq!(checked.diagnostics[0].help.as_ref().map(|h| h.en.as_str()), Some("did you mean `unit`?"));
}

#[test]
fn missing_key() {
    assert_eq!(
        one(&[("plan.toml", "title = \"Kế hoạch năm 2019\"\n", "")]),
        ["missing-key plan.toml:1 missing key `plan.title`"]
    );
}

#[test]
fn wrong_type() {
    assert_eq!(
        one(&[("plan.toml", "year = 2019", "year = \"2019\"")]),
        ["wrong-type plan.toml:3 `plan.year` must be an integer, found a string"]
    );
    let checked = check_changed(&[("progress.toml", "[[submission]]", "[submission]")]);
    assert_eq!(
        checked.lines(),
        ["wrong-type progress.toml:14 `submission` must be an array of tables (`[[submission]]`), found a table"]
    );
}

#[test]
fn invalid_value() {
    assert_eq!(
        one(&[("plan.toml", "kind = \"annual\"", "kind = \"quarterly\"")]),
        ["invalid-value plan.toml:40 `report[2].kind` cannot be `quarterly`"]
    );
    assert_eq!(
        one(&[("decision.toml", "id = \"ubnd-tinh\"", "id = \"UBND_tinh\"")]),
        ["invalid-value decision.toml:14 `agency[2].id` is not an identifier: `UBND_tinh`"]
    );
}

#[test]
fn invalid_amount() {
    assert_eq!(
        one(&[("plan.toml", "target = 5", "target = 5.0")]),
        ["invalid-amount plan.toml:9 `activity[1].target` is a TOML float (`5.0`), which cannot hold money exactly"]
    );
    assert_eq!(
        one(&[("plan.toml", "total = \"300.000.000\"", "total = \"300.00.000\"")])[0],
        "invalid-amount plan.toml:21 `budget.total`: misplaced group separator `.` at character 4"
    );
}

#[test]
fn invalid_date() {
    assert_eq!(
        one(&[("progress.toml", "date = 2019-05-20", "date = 2019-02-29")]),
        ["invalid-date progress.toml:6 invalid date, expected day between 01 and 28"]
    );
    assert_eq!(
        one(&[("progress.toml", "date = 2019-05-20", "date = \"20/5/2019\"")]),
        ["invalid-date progress.toml:6 `achievement[1].date` is a string (`\"20/5/2019\"`), not a date"]
    );
}

#[test]
fn duplicate_id() {
    assert_eq!(
        one(&[("plan.toml", "id = \"l2\"", "id = \"l1\"")]),
        ["duplicate-id plan.toml:30 two budget lines have the id `l1`"]
    );
    assert_eq!(
        one(&[("plan.toml", "id = \"giai-thuong\"", "id = \"he-thong\"")])[0],
        "duplicate-id plan.toml:14 two activities have the id `he-thong`"
    );
    assert_eq!(
        one(&[("decision.toml", "id = \"ubnd-tinh\"", "id = \"so-khcn\"")])[0],
        "duplicate-id decision.toml:14 two agencies have the id `so-khcn`"
    );
}

#[test]
fn unresolved_file() {
    assert_eq!(
        one(&[("plan.toml", "file = \"decision.toml\"", "file = \"decison.toml\"")]),
        ["unresolved-file plan.toml:4 cannot use `decison.toml`: no such file"]
    );
    assert_eq!(
        one(&[("plan.toml", "file = \"decision.toml\"", "file = \".\"")]),
        ["unresolved-file plan.toml:4 cannot use `.`: it is a directory"]
    );
    assert_eq!(
        one(&[("progress.toml", "plan = \"plan.toml\"", "plan = \"..\"")]),
        ["unresolved-file progress.toml:2 cannot use `..`: it is a directory"]
    );
}

#[test]
fn decision_mismatch() {
    assert_eq!(
        one(&[("plan.toml", "number = \"1186/QĐ-UBND\"", "number = \"1168/QĐ-UBND\"")]),
        [
            "decision-mismatch plan.toml:4 the plan cites the decision's number as `1168/QĐ-UBND`, but the decision file has `1186/QĐ-UBND`"
        ]
    );
    assert_eq!(
        one(&[("plan.toml", "date = 2016-05-16", "date = 2016-06-16")]),
        [
            "decision-mismatch plan.toml:4 the plan cites the decision's date as `2016-06-16`, but the decision file has `2016-05-16`"
        ]
    );
}

#[test]
fn year_outside_period() {
    let lines = one(&[("plan.toml", "year = 2019", "year = 2021")]);
    assert_eq!(
        lines[0],
        "year-outside-period plan.toml:3 the plan's year `2021` is outside the decision's period `2016–2020`"
    );
}

#[test]
fn unknown_item() {
    let checked = check_changed(&[("plan.toml", "id = \"he-thong\"", "id = \"he-thng\"")]);
    assert_eq!(
        checked.lines(),
        [
            "unknown-item plan.toml:7 no item `he-thng` in the decision",
            "unknown-activity plan.toml:26 no activity `he-thong` in the plan",
            "unknown-activity progress.toml:5 no activity `he-thong` in the plan",
        ]
    );
    assert_eq!(checked.diagnostics[0].help.as_ref().map(|h| h.en.as_str()), Some("did you mean `he-thong`?"));
}

#[test]
fn unknown_budget_line() {
    assert_eq!(
        one(&[("progress.toml", "line = \"l1\"", "line = \"l3\"")]),
        ["unknown-budget-line progress.toml:10 no budget line `l3` in the plan's budget"]
    );
}

#[test]
fn unknown_agency() {
    let checked = check_changed(&[("plan.toml", "to = \"UBND tỉnh\"", "to = \"UBND huyện\"")]);
    assert_eq!(
        checked.lines(),
        ["unknown-agency plan.toml:37 no agency `UBND huyện` in the decision's `[[agency]]` list"]
    );
}

#[test]
fn an_agency_missing_its_id_or_name_is_not_unknown() {
    for (from, to) in [("id = \"ubnd-tinh\"\n", ""), ("name = \"Ủy ban nhân dân tỉnh\"\n", "")] {
        assert_eq!(one(&[("decision.toml", from, to)]).len(), 1, "only the missing key");
        // Other references are still checked.
        let lines = one(&[("decision.toml", from, to), ("plan.toml", "to = \"UBND tỉnh\"", "to = \"UBND huyện\"")]);
        assert_eq!(lines[1], "unknown-agency plan.toml:37 no agency `UBND huyện` in the decision's `[[agency]]` list");
    }
}

#[test]
fn agency_names_fold_tone_placement_case_form_and_spacing() {
    let nfd = "Sở Khoa học và Công nghệ".chars().collect::<String>();
    for name in ["sở  khoa học và công nghệ", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Sở KH&CN", "so-khcn", nfd.as_str()]
    {
        let lead = format!("lead = \"{name}\"");
        assert_eq!(one(&[("plan.toml", "lead = \"Sở KH&CN\"", &lead)]), Vec::<String>::new(), "{name}");
    }
    let decision = DECISION.replace("Ủy ban nhân dân tỉnh", "Uỷ ban nhân dân tỉnh");
    let plan = PLAN.replace("to = \"UBND tỉnh\"", "to = \"Ủy ban nhân dân tỉnh\"");
    let checked = check_files(&[("decision.toml", &decision), ("plan.toml", &plan), ("progress.toml", PROGRESS)]);
    assert_eq!(checked.lines(), Vec::<String>::new());
}

#[test]
fn ambiguous_agency() {
    assert_eq!(
        one(&[("decision.toml", "aliases = [\"UBND tỉnh\"]", "aliases = [\"UBND tỉnh\", \"sở kh&cn\"]")]),
        ["ambiguous-agency decision.toml:16 `sở kh&cn` names two agencies"]
    );
}

#[test]
fn unit_mismatch() {
    assert_eq!(
        one(&[("plan.toml", "unit = \"hệ thống\"", "unit = \"chứng chỉ\"")]),
        ["unit-mismatch plan.toml:10 the unit `chứng chỉ` differs from the decision item's unit `hệ thống`"]
    );
}

#[test]
fn lead_mismatch() {
    assert_eq!(
        one(&[("plan.toml", "lead = \"Sở KH&CN\"", "lead = \"UBND tỉnh\"")]),
        ["lead-mismatch plan.toml:11 the lead `UBND tỉnh` is not the decision's lead `so-khcn`"]
    );
}

#[test]
fn budget_lines_sum() {
    let checked = check_changed(&[("plan.toml", "amount = 100_000_000", "amount = 90_000_000")]);
    assert_eq!(
        checked.lines(),
        [
            "budget-lines-sum plan.toml:21 the budget lines add up to `290.000.000`, less than the total `300.000.000` by `10.000.000`"
        ]
    );
    assert_eq!(checked.diagnostics[0].secondary.len(), 2);
}

#[test]
fn amount_words_mismatch() {
    let checked = check_changed(&[("plan.toml", "Ba trăm triệu đồng", "Ba trăm mười triệu đồng")]);
    assert_eq!(
        checked.lines(),
        ["amount-words-mismatch plan.toml:22 the amount in words reads as `310.000.000`, not `300.000.000`"]
    );
    assert_eq!(checked.diagnostics[0].help.as_ref().map(|h| h.en.as_str()), Some("write it as “Ba trăm triệu đồng”"));
}

#[test]
fn amount_words_unreadable_points_at_the_word() {
    let checked = check_changed(&[("plan.toml", "Ba trăm triệu đồng", "Ba trăm triệuu đồng")]);
    let d = &checked.diagnostics[0];
    assert_eq!(d.code.as_str(), "amount-words-mismatch");
    let text = &checked.ws.sources.get(d.primary.span.file).text;
    assert_eq!(&text[d.primary.span.range()], "triệuu");
}

#[test]
fn breakdown_sum() {
    assert_eq!(
        one(&[("plan.toml", "thuong = 2", "thuong = 3")]),
        ["breakdown-sum plan.toml:18 the parts add up to `4`, but the target is `3`"]
    );
}

#[test]
fn overspent() {
    let progress = format!("{PROGRESS}\n[[disbursement]]\nline = \"l1\"\ndate = 2019-07-01\namount = \"60.000.000\"\n");
    let checked = check_files(&[("decision.toml", DECISION), ("plan.toml", PLAN), ("progress.toml", &progress)]);
    assert_eq!(
        checked.lines(),
        [
            "overspent progress.toml:21 disbursements against budget line `l1` reach `210.000.000`, more than its `200.000.000`"
        ]
    );
}

#[test]
fn over_target() {
    assert_eq!(
        one(&[("progress.toml", "quantity = 2", "quantity = 6")]),
        ["over-target progress.toml:7 achievements for `he-thong` reach `6`, more than its target `5`"]
    );
}

#[test]
fn date_outside_year() {
    assert_eq!(
        one(&[("progress.toml", "date = 2019-05-25", "date = 2020-01-03")]),
        ["date-outside-year progress.toml:11 the disbursement is dated `2020-01-03`, outside the plan year `2019`"]
    );
}

#[test]
fn deadline_order() {
    assert_eq!(
        one(&[("plan.toml", "due-before = 2019-06-30", "due-before = 2019-12-30")]),
        [
            "deadline-order plan.toml:36 the half-year report is due `2019-12-30`, after the annual report (`2019-12-15`)"
        ]
    );
}

#[test]
fn late_submission() {
    assert_eq!(
        one(&[("progress.toml", "date = 2019-06-27", "date = 2019-06-30")]),
        ["late-submission progress.toml:16 the half-year report was sent on `2019-06-30`, not before `2019-06-30`"]
    );
}

#[test]
fn every_problem_of_a_file_is_reported_in_one_run() {
    let lines = one(&[
        ("plan.toml", "year = 2019", "yeer = 2019"),
        ("plan.toml", "target = 5", "target = 5.5"),
        ("plan.toml", "kind = \"annual\"", "kind = 7"),
    ]);
    assert_eq!(
        lines,
        [
            "missing-key plan.toml:1 missing key `plan.year`",
            "unknown-key plan.toml:3 unknown key `plan.yeer`",
            "invalid-amount plan.toml:9 `activity[1].target` is a TOML float (`5.5`), which cannot hold money exactly",
            "wrong-type plan.toml:40 `report[2].kind` must be a string, found an integer",
        ]
    );
}

/// The base decision with a period envelope, a 2019 budget ceiling and a period target for
/// `he-thong`; the base plan for 2019, and a copy of it for 2020 (the final year).
fn period_files(changes: &[(&str, &str, &str)]) -> Vec<String> {
    let decision = DECISION
        .replace(
            "lead = \"so-khcn\"\n",
            "lead = \"so-khcn\"\nbudget = 700_000_000\nbudget-by-year = { 2019 = 350_000_000 }\n",
        )
        .replace("unit = \"hệ thống\"\n", "unit = \"hệ thống\"\ntarget = 10\n");
    let plan_2020 = PLAN.replace("2019", "2020");
    let progress_2020 = PROGRESS.replace("2019", "2020").replace("plan.toml", "plan-2020.toml");
    let mut files = [
        ("decision.toml", decision),
        ("plan.toml", PLAN.to_owned()),
        ("progress.toml", PROGRESS.to_owned()),
        ("plan-2020.toml", plan_2020),
        ("progress-2020.toml", progress_2020),
    ];
    for (file, from, to) in changes {
        let entry = files.iter_mut().find(|(n, _)| n == file).unwrap();
        assert!(entry.1.contains(from), "`{from}` is not in {file}");
        entry.1 = entry.1.replacen(from, to, 1);
    }
    let refs: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
    check_files(&refs).lines()
}

#[test]
fn a_period_within_its_envelope_and_targets_is_clean() {
    assert_eq!(period_files(&[]), Vec::<String>::new());
}

#[test]
fn period_budget_exceeded() {
    // 300 + 450 million passes the 700 million envelope in 2020.
    let lines = period_files(&[
        (
            "plan-2020.toml",
            "total = \"300.000.000\"\nin-words = \"Ba trăm triệu đồng\"",
            "total = \"450.000.000\"\nin-words = \"Bốn trăm năm mươi triệu đồng\"",
        ),
        ("plan-2020.toml", "amount = 100_000_000", "amount = 250_000_000"),
    ]);
    assert_eq!(
        lines,
        [
            "period-budget-exceeded plan-2020.toml:21 the yearly budgets add up to `750.000.000`, more than the decision's envelope `700.000.000` by `50.000.000`"
        ]
    );
}

#[test]
fn a_year_over_its_own_budget() {
    let lines = period_files(&[("decision.toml", "2019 = 350_000_000", "2019 = 250_000_000")]);
    assert_eq!(
        lines,
        [
            "period-budget-exceeded plan.toml:21 the 2019 budget `300.000.000` is more than the decision allows for 2019 (`250.000.000`)"
        ]
    );
}

#[test]
fn period_target_exceeded() {
    let lines = period_files(&[("plan-2020.toml", "target = 5", "target = 6")]);
    assert_eq!(
        lines,
        [
            "period-target-exceeded plan-2020.toml:9 the yearly targets for `he-thong` add up to `11`, more than the period target `10`"
        ]
    );
}

#[test]
fn period_target_short() {
    let lines = period_files(&[("plan-2020.toml", "target = 5", "target = 4")]);
    assert_eq!(
        lines,
        [
            "period-target-short plan-2020.toml:9 the final year leaves `he-thong` short: the yearly targets add up to `9`, less than the period target `10` by `1`"
        ]
    );
}

#[test]
fn duplicate_year() {
    let lines = period_files(&[
        ("plan-2020.toml", "year = 2020", "year = 2019"),
        ("plan-2020.toml", "due-before = 2020-06-30", "due-before = 2019-06-30"),
        ("plan-2020.toml", "due-before = 2020-12-15", "due-before = 2019-12-15"),
        ("progress-2020.toml", "date = 2020-05-20", "date = 2019-05-20"),
        ("progress-2020.toml", "date = 2020-05-25", "date = 2019-05-25"),
        ("progress-2020.toml", "date = 2020-06-27", "date = 2019-06-27"),
    ]);
    assert_eq!(lines, ["duplicate-year plan.toml:3 two plans for `2019` under decision `1186/QĐ-UBND`"]);
}
