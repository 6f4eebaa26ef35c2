//! Tests of the checks that keep figures from being counted twice or dropped: duplicates
//! across progress files, payments that name two places, overflow, fractional đồng, the
//! data window. Each asserts the exact code, line and message.

use crate::testing::{DECISION, PLAN, PROGRESS, check_changed, check_files};

fn with_copy(copy: &str) -> Vec<String> {
    two_progress_files(PROGRESS, copy)
}

/// The base decision and plan with two progress files: `progress.toml` and `copy.toml`.
fn two_progress_files(progress: &str, copy: &str) -> Vec<String> {
    check_files(&[("decision.toml", DECISION), ("plan.toml", PLAN), ("progress.toml", progress), ("copy.toml", copy)])
        .lines()
}

#[test]
fn a_copied_progress_file_is_every_entry_twice() {
    assert_eq!(
        with_copy(PROGRESS),
        [
            // `copy.toml` is read first (file names in order), so the entries of
            // `progress.toml` are the second occurrences.
            "duplicate-entry progress.toml:4 this achievement repeats an earlier one exactly",
            "duplicate-entry progress.toml:9 this disbursement repeats an earlier one exactly",
            "overspent progress.toml:12 disbursements against budget line `l1` reach `300.000.000`, more than its `200.000.000`",
            "duplicate-submission progress.toml:16 the same report is recorded as sent twice: the half-year report of `2019-06-27`",
        ]
    );
}

#[test]
fn a_voucher_on_two_payments_is_reported_once_not_also_as_a_duplicate_entry() {
    let progress = PROGRESS.replace("amount = \"150.000.000\"", "amount = \"150.000.000\"\nvoucher = \"PC-07\"");
    let copy = "[progress]\nplan = \"plan.toml\"\n\n[[disbursement]]\nline = \"l1\"\ndate = 2019-05-25\namount = \"150.000.000\"\nvoucher = \"PC-07\"\n";
    let lines = two_progress_files(&progress, copy);
    assert_eq!(
        lines,
        [
            "overspent progress.toml:12 disbursements against budget line `l1` reach `300.000.000`, more than its `200.000.000`",
            "duplicate-voucher progress.toml:13 voucher `PC-07` is on two disbursements",
        ]
    );
}

#[test]
fn entries_told_apart_by_a_detail_are_not_duplicates_and_one_missing_detail_is_a_warning() {
    let two = "[progress]\nplan = \"plan.toml\"\n\n[[achievement]]\nactivity = \"he-thong\"\ndate = 2019-05-20\nquantity = 2\nenterprise = \"Công ty A\"\n";
    assert_eq!(
        with_copy(two),
        [
            "possible-duplicate progress.toml:4 this achievement may repeat an earlier one: the same in every field that both give, and one gives a detail the other lacks"
        ]
    );
    let progress = PROGRESS.replace("quantity = 2", "quantity = 2\nenterprise = \"Công ty B\"");
    let lines = two_progress_files(&progress, two);
    assert_eq!(lines, Vec::<String>::new());
}

#[test]
fn a_report_number_recorded_twice() {
    let progress = PROGRESS.replace("date = 2019-06-27", "date = 2019-06-27\nnumber = \"15/BC-SKHCN\"");
    let copy = "[progress]\nplan = \"plan.toml\"\n\n[[submission]]\nreport = \"half-year\"\ndate = 2019-06-28\nnumber = \"15/BC-SKHCN\"\n";
    let lines = two_progress_files(&progress, copy);
    assert_eq!(
        lines,
        ["duplicate-submission progress.toml:17 the same report is recorded as sent twice: number `15/BC-SKHCN`"]
    );
}

#[test]
fn a_payment_naming_an_activity_and_another_activitys_line() {
    assert_eq!(
        check_changed(&[("progress.toml", "line = \"l1\"", "activity = \"giai-thuong\"\nline = \"l1\"")]).lines(),
        [
            "line-activity-mismatch progress.toml:11 the disbursement names activity `giai-thuong` and budget line `l1`, which belongs to `he-thong`"
        ]
    );
}

#[test]
fn a_sum_past_the_decimal_limit_is_an_error_at_the_value_that_passes_it() {
    let huge = "amount = 50_000_000_000_000_000_000_000_000_000";
    let progress = PROGRESS.replace("amount = \"150.000.000\"", huge)
        + "\n[[disbursement]]\nline = \"l2\"\ndate = 2019-07-25\n"
        + huge
        + "\n";
    let lines = check_files(&[("decision.toml", DECISION), ("plan.toml", PLAN), ("progress.toml", &progress)]).lines();
    assert_eq!(
        lines,
        [
            // The plan's total cannot be compared with a sum that overflowed: the overflow
            // is the error, at the payment that caused it.
            "overspent progress.toml:12 disbursements against budget line `l1` reach `50.000.000.000.000.000.000.000.000.000`, more than its `200.000.000`",
            "overspent progress.toml:21 disbursements against budget line `l2` reach `50.000.000.000.000.000.000.000.000.000`, more than its `100.000.000`",
            "sum-overflow progress.toml:21 adding this amount to the amounts disbursed passes the largest amount that can be counted exactly",
        ]
    );
}

#[test]
fn a_fraction_of_a_dong_is_refused_with_its_reason() {
    assert_eq!(
        check_changed(&[("plan.toml", "total = \"300.000.000\"", "total = \"300.000.000,5\"")]).lines(),
        ["invalid-amount plan.toml:21 `budget.total` is `300.000.000,5` đồng: the đồng has no smaller unit"]
    );
}

#[test]
fn results_count_in_the_data_window_and_money_in_the_budget_year() {
    // 20/12/2018 is in the 2019 reports' data window (from 15/12/2018): no warning.
    assert_eq!(
        check_changed(&[("progress.toml", "date = 2019-05-20", "date = 2018-12-20")]).lines(),
        Vec::<String>::new()
    );
    assert_eq!(
        check_changed(&[("progress.toml", "date = 2019-05-20", "date = 2018-12-14")]).lines(),
        [
            "date-outside-year progress.toml:6 the achievement is dated `2018-12-14`, outside the data period of the 2019 reports (15/12/2018 to 14/12/2019)"
        ]
    );
    assert_eq!(
        check_changed(&[("progress.toml", "date = 2019-05-20", "date = 2019-12-20")]).lines(),
        [
            "date-outside-year progress.toml:6 the achievement is dated `2019-12-20`, outside the data period of the 2019 reports (15/12/2018 to 14/12/2019)"
        ]
    );
    assert_eq!(
        check_changed(&[("progress.toml", "date = 2019-05-25", "date = 2019-12-20")]).lines(),
        [
            "date-outside-year progress.toml:11 the disbursement is dated `2019-12-20`, after the annual report's cut-off `2019-12-14`: it is in the 2019 budget but in no periodic report of 2019"
        ]
    );
    assert_eq!(
        check_changed(&[("progress.toml", "date = 2019-05-25", "date = 2018-12-20")]).lines(),
        ["date-outside-year progress.toml:11 the disbursement is dated `2018-12-20`, outside the plan year `2019`"]
    );
}

#[test]
fn an_unfinished_plan_does_not_pass_as_finished() {
    assert_eq!(
        check_changed(&[("plan.toml", "target = 5\n", "")]).lines(),
        ["target-missing plan.toml:7 activity `he-thong` counts in `hệ thống` but has no target"]
    );
    assert_eq!(
        check_changed(&[(
            "plan.toml",
            "name = \"Xây dựng hệ thống quản lý\"",
            "name = \"Xây dựng 04 hệ thống quản lý\""
        )])
        .lines(),
        ["name-count-mismatch plan.toml:9 the target is `5`, but the activity's name says `4`"]
    );
    assert_eq!(
        check_changed(&[(
            "plan.toml",
            "name = \"Xây dựng hệ thống quản lý\"",
            "name = \"Xây dựng hệ thống quản lý năm 2018\""
        )])
        .lines(),
        ["name-year-mismatch plan.toml:8 the activity's name says `năm 2018` in the plan of `2019`"]
    );
}

#[test]
fn counts_in_names_as_plans_write_them() {
    use super::unfinished::count_in_name;
    use rust_decimal::Decimal;
    let count = |name: &str, unit: &str| count_in_name(name, unit).map(|d| d.to_string());
    assert_eq!(count("Tổ chức 01 đợt hội thảo/hội nghị", "đợt").as_deref(), Some("1"));
    assert_eq!(count("Hỗ trợ 03 công cụ (02 công cụ 5S, 01 công cụ Kaizen)", "công cụ").as_deref(), Some("3"));
    assert_eq!(
        count("chứng nhận hợp chuẩn cho 02 sản phẩm và hợp quy cho 01 sản phẩm", "sản phẩm").as_deref(),
        Some("3")
    );
    assert_eq!(count("Hỗ trợ kinh phí 03 DOANH NGHIỆP đạt giải năm 2018", "doanh nghiệp").as_deref(), Some("3"));
    assert_eq!(count("Áp dụng ISO 9001 cho doanh nghiệp", "doanh nghiệp"), None);
    assert_eq!(count_in_name("Tổ chức 2 lớp", "lớp"), Some(Decimal::TWO));
}

#[test]
fn what_the_team_added_is_named_by_key_and_checked() {
    assert_eq!(
        check_changed(&[("decision.toml", "lead = \"so-khcn\"", "lead = \"so-khcn\"\nadded = [\"lead\"]")]).lines(),
        Vec::<String>::new()
    );
    assert_eq!(
        check_changed(&[("decision.toml", "lead = \"so-khcn\"", "lead = \"so-khcn\"\nadded = [\"leader\"]")]).lines(),
        ["invalid-value decision.toml:7 `decision.added` names `leader`, which is not a key of this table"]
    );
}

#[test]
fn section_three_tasks_are_followed_by_milestones_and_recipients_keep_the_documents_phrases() {
    let plan = format!(
        "{PLAN}\n[[responsibility]]\nunit = \"Chi cục TĐC\"\n\n[[responsibility.task]]\nid = \"tuyen-chon-tu-van\"\ntext = \"Tuyển chọn tổ chức tư vấn\"\n"
    )
    .replace("year = 2019", "year = 2019\nrecipients = [\"UBND tỉnh\", \"Như tổ chức thực hiện\"]\narchive = \"VT, VP.UBND tỉnh\"");
    let progress = format!(
        "{PROGRESS}\n[[milestone]]\ntask = \"tuyen-chon-tu-van\"\ndate = 2019-07-01\nstatus = \"done\"\n\n[[milestone]]\ntask = \"tuyen-chon\"\ndate = 2019-07-02\nstatus = \"done\"\n"
    );
    let lines = check_files(&[("decision.toml", DECISION), ("plan.toml", &plan), ("progress.toml", &progress)]).lines();
    assert_eq!(
        lines,
        [
            "unknown-activity progress.toml:24 no task `tuyen-chon` in the plan's section III (`[[responsibility.task]]` with an `id`)"
        ]
    );
}
