//! Next year's plan, written by editing last year's plan file in place (`toml_edit`), so that
//! everything the analyst wrote there — comments, multi-line lists, sections I and III, keys
//! this module does not know — is carried over as it was. What changes is what a new year
//! changes: the year and the title; the targets, set to what the period still needs where
//! the decision gives a period target; the counts and years written in names; dates moved to
//! the new year; the report deadlines per the decision's rules; the plan's own number and
//! date and the budget's amounts, which the new plan does not have yet, left as comments to
//! fill in. Every computed value carries a comment that says how it was computed, and long
//! strings are wrapped so that no line runs past about a hundred columns.

use crate::hash::HashMap;
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use toml_edit::{DocumentMut, Item, Table, Value};

use crate::lang::{Lang, Text};
use crate::model::Item as DecisionItem;
use crate::model::rule_dates;
use crate::model::{Activity, Decision, Plan, ReportKind};
use crate::money::format_vi;
use crate::t;

/// What the skeleton is built from.
pub struct Basis<'a> {
    pub plan: &'a Plan,
    /// The plan file's text, as read.
    pub text: &'a str,
    pub decision: Option<&'a Decision>,
    /// Every plan of the same decision, the base plan included.
    pub plans: Vec<&'a Plan>,
    /// The path of the base plan, as the user named it.
    pub from: String,
    /// The decision file's path relative to where the skeleton will be written.
    pub decision_file: Option<String>,
    /// The language of the comments the skeleton gains (the plan's own are kept as they are).
    pub lang: Lang,
}

/// The skeleton, and what is left in it for the analyst to do.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Skeleton {
    pub text: String,
    pub activities: usize,
    /// Targets computed from the decision's period targets.
    pub targets_computed: usize,
    /// Targets left as comments: the files do not give what they should be.
    pub targets_to_set: usize,
    /// Names whose count or year was changed.
    pub names_changed: usize,
    /// Dates moved to the new year that no rule gives.
    pub dates_moved: usize,
    /// The budget was left as a model to fill in.
    pub budget: bool,
}

/// Lookups made once, so that a plan of thousands of activities costs time in proportion.
struct Index<'a> {
    by_id: HashMap<&'a str, &'a Activity>,
    /// The id of each item's first activity in the base plan: it carries the item's target.
    first_of_item: HashMap<&'a str, &'a str>,
    items: HashMap<&'a str, &'a DecisionItem>,
    /// For each year that has a plan here: per item, the sum of its targets, or `None` when
    /// that plan names the item without a target (or its targets overflow).
    years: HashMap<i32, HashMap<&'a str, Option<Decimal>>>,
}

impl<'a> Index<'a> {
    fn new(basis: &Basis<'a>) -> Self {
        let mut first_of_item = HashMap::default();
        let mut by_id = HashMap::default();
        for activity in &basis.plan.activities {
            by_id.entry(activity.id.value.as_str()).or_insert(activity);
            first_of_item.entry(activity.item.value.as_str()).or_insert(activity.id.value.as_str());
        }
        let mut items = HashMap::default();
        for item in basis.decision.map_or(&[][..], |d| d.items.as_slice()) {
            items.entry(item.id.value.as_str()).or_insert(item);
        }
        let mut years: HashMap<i32, HashMap<&'a str, Option<Decimal>>> = HashMap::default();
        for plan in &basis.plans {
            let Some(year) = plan.year.as_ref().map(|y| y.value) else { continue };
            // Two plans of one year: the first counts.
            if years.contains_key(&year) {
                continue;
            }
            let mut sums: HashMap<&'a str, (bool, Option<Decimal>)> = HashMap::default();
            for activity in &plan.activities {
                let entry = sums.entry(activity.item.value.as_str()).or_insert((false, Some(Decimal::ZERO)));
                if let Some(target) = &activity.target {
                    entry.0 = true;
                    entry.1 = entry.1.and_then(|sum| sum.checked_add(target.value));
                }
            }
            years.insert(year, sums.into_iter().map(|(item, (any, sum))| (item, sum.filter(|_| any))).collect());
        }
        Self { by_id, first_of_item, items, years }
    }
}

/// Lines longer than this (in characters) have their strings wrapped.
const WIDTH: usize = 100;

pub fn write_skeleton(basis: &Basis<'_>, year: i32) -> anyhow::Result<Skeleton> {
    let text = basis.text.strip_prefix('\u{feff}').unwrap_or(basis.text);
    let mut doc: DocumentMut = text.parse()?;
    let base_year = basis.plan.year.as_ref().map_or(year, |y| y.value);
    let mut skeleton = Skeleton::default();
    let index = Index::new(basis);

    if let Some(plan) = doc.get_mut("plan").and_then(Item::as_table_mut) {
        head(plan, basis, base_year, year);
    }
    if let Some(activities) = doc.get_mut("activity").and_then(Item::as_array_of_tables_mut) {
        for table in activities.iter_mut() {
            let id = table.get("id").and_then(Item::as_str).map(str::to_owned);
            let Some(activity) = id.as_deref().and_then(|id| index.by_id.get(id).copied()) else {
                continue;
            };
            skeleton.activities += 1;
            activity_table(table, basis, &index, activity, year, &mut skeleton);
        }
    }
    if let Some(budget) = take_table(&mut doc, "budget") {
        let position = budget.position();
        let block = budget_model(budget, base_year, year, basis.lang);
        prepend_after(&mut doc, position, &block);
        skeleton.budget = true;
    }
    if let Some(reports) = doc.get_mut("report").and_then(Item::as_array_of_tables_mut) {
        for table in reports.iter_mut() {
            report_table(table, basis, base_year, year, &mut skeleton);
        }
    }
    wrap_long_lines(doc.as_table_mut());
    let from = &basis.from;
    let header = t!(
        "# Kế hoạch năm {year}: khung kế hoạch do `plan new --year {year}` viết\n\
         # từ {from} ({base_year}).\n\
         # Đối chiếu mọi giá trị với kế hoạch khi ban hành, điền những gì các ghi chú yêu cầu, rồi\n\
         # chạy `plan check`. Các ghi chú bên dưới khối này là của kế hoạch năm {base_year}.\n\n",
        "# Kế hoạch năm {year}: a skeleton written by `plan new --year {year}`\n\
         # from {from} ({base_year}).\n\
         # Check every value against the plan as issued, fill in what the comments ask, then run\n\
         # `plan check`. The comments below this block are the {base_year} plan's own.\n\n"
    );
    prepend_after(&mut doc, None, header.get(basis.lang));
    skeleton.text = doc.to_string();
    Ok(skeleton)
}

fn head(plan: &mut Table, basis: &Basis<'_>, base_year: i32, year: i32) {
    set_keeping_decor(plan, "year", Value::from(i64::from(year)));
    if let Some(title) = plan.get("title").and_then(Item::as_str) {
        let title = title.replace(&base_year.to_string(), &year.to_string());
        set_keeping_decor(plan, "title", Value::from(title));
    }
    // The new plan is not issued yet: its number and date are the analyst's to write.
    let mut issued = String::new();
    for key in ["number", "date"] {
        if let Some(old) = plan.get(key).and_then(Item::as_value) {
            let old = raw(old);
            let line = t!(
                "# {key} = …   # của kế hoạch mới, ghi khi ban hành ({base_year}: {old})",
                "# {key} = …   # the new plan's own, once issued ({base_year}: {old})"
            );
            let _ = writeln!(issued, "{}", line.get(basis.lang));
        }
    }
    for key in ["number", "date"] {
        comment_out(plan, key, "");
    }
    if !issued.is_empty() {
        prefix_next_key(plan, "issuer", &issued);
    }
    if let (Some(file), Some(decision)) =
        (&basis.decision_file, plan.get_mut("decision").and_then(Item::as_inline_table_mut))
    {
        if decision.get("file").and_then(Value::as_str) != Some(file.as_str()) {
            let decor = decision.get("file").map(|v| v.decor().clone());
            decision.insert("file", Value::from(file.as_str()));
            if let (Some(decor), Some(value)) = (decor, decision.get_mut("file")) {
                *value.decor_mut() = decor;
            }
        }
    }
}

fn activity_table(
    table: &mut Table,
    basis: &Basis<'_>,
    index: &Index<'_>,
    activity: &Activity,
    year: i32,
    skeleton: &mut Skeleton,
) {
    let base_year = basis.plan.year.as_ref().map_or(year, |y| y.value);
    let written = match target_plan(basis, index, activity, year) {
        TargetPlan::Computed { value, why } => {
            if table.contains_key("target") {
                set_keeping_decor(table, "target", number(value));
            } else {
                table.insert("target", Item::Value(number(value)));
            }
            add_prefix(table, "target", &format!("# target: {}\n", why.get(basis.lang)));
            skeleton.targets_computed += 1;
            Some(value)
        }
        TargetPlan::ToSet { why } => {
            let previous = table.get("target").and_then(Item::as_value).map(raw);
            let mut comment = format!("# target: {}\n", why.get(basis.lang));
            if let Some(previous) = previous {
                let _ = writeln!(comment, "# target = {previous}");
                skeleton.targets_to_set += 1;
            }
            comment_out(table, "target", &comment);
            None
        }
        TargetPlan::NoNumber => None,
    };
    if let Some(breakdown) = &activity.breakdown {
        let line = t!(
            "# breakdown năm {base_year}: ghi lại cho chỉ tiêu năm nay\n",
            "# breakdown in {base_year}: set it again for this year's target\n"
        );
        let mut comment = line.get(basis.lang).to_owned();
        for (part, count) in &breakdown.parts {
            let name = breakdown.names.iter().find(|(id, _)| *id == part.value).map(|(_, n)| n.as_str());
            match name {
                Some(name) => {
                    let _ =
                        writeln!(comment, "#   {} = {{ count = {}, name = {} }}", part.value, count.value, quote(name));
                }
                None => {
                    let _ = writeln!(comment, "#   {} = {}", part.value, count.value);
                }
            }
        }
        comment_out(table, "breakdown", &comment);
    }
    if let Some(name) = &activity.name {
        let unit = activity.unit.as_ref().map(|u| u.value.as_str());
        let (renamed, changes) = rename(&name.value, unit, written, year - base_year);
        if !changes.is_empty() {
            set_keeping_decor(table, "name", Value::from(renamed));
            let changes: Vec<&str> = changes.iter().map(|c| change_in(c, basis.lang)).collect();
            let changes = changes.join("; ");
            let line = t!(
                "# name: {changes} (từ năm {base_year}: kiểm tra lại)\n",
                "# name: {changes} (from {base_year}: check it)\n"
            );
            add_prefix(table, "name", line.get(basis.lang));
            skeleton.names_changed += 1;
        }
    }
    if let Some(due) = &activity.due {
        if let Some(moved) = move_year(due.value, year - base_year) {
            set_keeping_decor(table, "due", date_value(moved));
            set_suffix(table, "due", &moved_from(due.value, basis.lang));
            skeleton.dates_moved += 1;
        }
    }
}

enum TargetPlan {
    /// The period target less what earlier years planned.
    Computed { value: Decimal, why: Text },
    /// Nothing in the files gives this year's target: a comment says why.
    ToSet { why: Text },
    /// A task without a number.
    NoNumber,
}

fn target_plan(basis: &Basis<'_>, index: &Index<'_>, activity: &Activity, year: i32) -> TargetPlan {
    let base_target = activity.target.as_ref().map(|t| t.value);
    let base_year = basis.plan.year.as_ref().map_or(0, |y| y.value);
    let item = index.items.get(activity.item.value.as_str());
    let period_target = item.and_then(|i| i.target.as_ref()).map(|t| t.value);
    let first_of_item = index.first_of_item.get(activity.item.value.as_str()) == Some(&activity.id.value.as_str());
    match (period_target, base_target) {
        (Some(target), _) if first_of_item => {
            let period_from = basis.decision.and_then(|d| d.period.as_ref()).map_or(year, |p| p.value.from);
            match earlier_targets(index, &activity.item.value, period_from, year) {
                Ok(earlier) => {
                    let planned = earlier.iter().try_fold(Decimal::ZERO, |sum, (_, t)| sum.checked_add(*t));
                    let Some(planned) = planned else {
                        return TargetPlan::ToSet {
                            why: t!(
                                "chỉ tiêu các năm trước quá lớn, không cộng được: hãy ghi chỉ tiêu năm nay",
                                "the earlier years' targets are too large to add up: set this year's"
                            ),
                        };
                    };
                    let need = target.checked_sub(planned).unwrap_or(Decimal::ZERO).max(Decimal::ZERO);
                    let by_year: Vec<String> = earlier.iter().map(|(y, t)| format!("{y}: {}", format_vi(t))).collect();
                    let (target, planned, need_vi) = (format_vi(&target), format_vi(&planned), format_vi(&need));
                    let by_year = by_year.join(", ");
                    let (none_vi, none_en) = if by_year.is_empty() { ("không có", "none") } else { ("", "") };
                    let mut why = t!(
                        "chỉ tiêu giai đoạn {target} − {planned} đã giao trước năm {year} ({by_year}{none_vi}) = còn {need_vi}",
                        "the period target {target} − {planned} planned before {year} ({by_year}{none_en}) = {need_vi} left"
                    );
                    // What is left is shared over the period's years still to come, not put
                    // all on the next one.
                    let period_to = basis.decision.and_then(|d| d.period.as_ref()).map_or(year, |p| p.value.to);
                    let years_left = period_to.saturating_sub(year).saturating_add(1).max(1);
                    let value = if years_left > 1 {
                        let share = (need / Decimal::from(years_left)).ceil();
                        let share_vi = format_vi(&share);
                        let _ = write!(
                            why.vi,
                            "\n# cho {year}–{period_to}: {need_vi} ÷ {years_left} năm, làm tròn lên = {share_vi}"
                        );
                        let _ = write!(
                            why.en,
                            "\n# for {year}–{period_to}: {need_vi} ÷ {years_left} years, rounded up = {share_vi}"
                        );
                        share
                    } else {
                        need
                    };
                    TargetPlan::Computed { value, why }
                }
                Err(unknown) => {
                    let target = format_vi(&target);
                    TargetPlan::ToSet {
                        why: t!(
                            "trong chỉ tiêu giai đoạn {target}, phần {} đã giao không có ở đây,\n\
                             # nên cũng không biết phần còn lại: hãy ghi chỉ tiêu năm nay",
                            "of the period target {target}, what {} planned is not known here,\n\
                             # so neither is what is left: set this year's",
                            unknown.vi,
                            unknown.en
                        ),
                    }
                }
            }
        }
        (Some(_), _) => {
            let item = &activity.item.value;
            TargetPlan::ToSet {
                why: t!(
                    "hạng mục `{item}` được tính ở hoạt động đầu tiên của nó; chia ra ở đây nếu cần",
                    "item `{item}` is counted on its first activity; split it here if needed"
                ),
            }
        }
        (None, Some(_)) => TargetPlan::ToSet {
            why: t!(
                "quyết định không có chỉ tiêu giai đoạn để tính; chỉ tiêu năm {base_year} là:",
                "no period target in the decision to compute it from; {base_year}'s was:"
            ),
        },
        (None, None) => TargetPlan::NoNumber,
    }
}

/// The targets that plans of the period's years before `year` set for `item`, in year
/// order; a year with no plan here, or whose plan names the item without a target, is
/// unknown, not zero: `Err` names the first such year.
fn earlier_targets(index: &Index<'_>, item: &str, from: i32, year: i32) -> Result<Vec<(i32, Decimal)>, Text> {
    let mut years = Vec::new();
    for y in from..year {
        let Some(plan) = index.years.get(&y) else {
            return Err(t!("năm {y} (không có kế hoạch năm đó ở đây)", "{y} (no plan of that year is here)"));
        };
        match plan.get(item) {
            None => {}
            Some(None) => {
                return Err(t!(
                    "kế hoạch năm {y} (không ghi chỉ tiêu cho `{item}`)",
                    "the {y} plan (it gives no target for `{item}`)"
                ));
            }
            Some(Some(sum)) => years.push((y, *sum)),
        }
    }
    Ok(years)
}

/// The budget as a model for the new year, as comment lines: its structure, notes and
/// source kept, every amount left as `…` with last year's beside it.
fn budget_model(mut budget: Table, base_year: i32, year: i32, lang: Lang) -> String {
    blank_amount(&mut budget, "total", base_year);
    if budget.contains_key("in-words") {
        set_keeping_decor(&mut budget, "in-words", Value::from("…"));
        let note = t!("   # `plan words SỐ-TIỀN` viết số tiền bằng chữ", "   # `plan words AMOUNT` writes it");
        set_suffix(&mut budget, "in-words", note.get(lang));
    }
    if let Some(source) = budget.get("source").and_then(Item::as_str) {
        let source = source.replace(&base_year.to_string(), &year.to_string());
        set_keeping_decor(&mut budget, "source", Value::from(source));
    }
    if let Some(lines) = budget.get_mut("line").and_then(Item::as_array_of_tables_mut) {
        for line in lines.iter_mut() {
            blank_amount(line, "amount", base_year);
        }
    }
    let mut doc = DocumentMut::new();
    doc.insert("budget", Item::Table(budget));
    wrap_long_lines(doc.as_table_mut());
    let mut out = t!(
        "\n# Kinh phí, theo mẫu của năm {base_year}: ghi số tiền năm nay thay cho `…`, rồi\n\
         # bỏ `# ` ở đầu mỗi dòng của phần này.\n",
        "\n# The budget, as a model from {base_year}: write this year's amounts in place of `…`, then\n\
         # remove the `# ` before each line of it.\n"
    )
    .get(lang)
    .to_owned();
    // Every line gets one `# `, the budget's own comments too, so that removing them gives
    // the table back whole.
    for line in doc.to_string().lines() {
        if line.trim().is_empty() {
            out.push_str("#\n");
        } else {
            let _ = writeln!(out, "# {line}");
        }
    }
    out
}

fn blank_amount(table: &mut Table, key: &str, base_year: i32) {
    let Some(old) = table.get(key).and_then(Item::as_str).map(str::to_owned) else { return };
    set_keeping_decor(table, key, Value::from("…"));
    set_suffix(table, key, &format!("   # {base_year}: {old}"));
}

fn report_table(table: &mut Table, basis: &Basis<'_>, base_year: i32, year: i32, skeleton: &mut Skeleton) {
    let kind = match table.get("kind").and_then(Item::as_str) {
        Some("half-year") => ReportKind::HalfYear,
        Some("annual") => ReportKind::Annual,
        _ => return,
    };
    let reporting = basis.decision.map(|d| d.reporting.clone()).unwrap_or_default();
    let previous = basis.plan.reports.iter().find(|r| r.kind.value == kind);
    match rule_dates(&reporting, kind, year) {
        Some((cut_off, due_before)) => {
            set_keeping_decor(table, "due-before", date_value(due_before));
            let note = t!("   # theo quy định báo cáo của quyết định", "   # from the decision's reporting rules");
            set_suffix(table, "due-before", note.get(basis.lang));
            if table.contains_key("cut-off") {
                set_keeping_decor(table, "cut-off", date_value(cut_off));
                set_suffix(table, "cut-off", note.get(basis.lang));
            }
        }
        None => {
            let shift = year - base_year;
            let due = previous.and_then(|r| r.due_before.as_ref()).map(|d| d.value);
            if let Some((old, moved)) = due.and_then(|d| Some((d, move_year(d, shift)?))) {
                set_keeping_decor(table, "due-before", date_value(moved));
                set_suffix(table, "due-before", &moved_from(old, basis.lang));
                skeleton.dates_moved += 1;
            }
        }
    }
}

/// The note after a date moved to the new year: `moved from` (`dời từ`) marks what to check.
fn moved_from(old: NaiveDate, lang: Lang) -> String {
    t!("   # dời từ {old}: kiểm tra lại", "   # moved from {old}: check it").get(lang).to_owned()
}

/// A change [`rename`] made, in `lang`: the changes themselves are quoted from the plan.
fn change_in(change: &str, lang: Lang) -> &str {
    match (change, lang) {
        (PARTS_NOTE, Lang::Vi) => "sửa các phần trong ngoặc",
        _ => change,
    }
}

/// What [`rename`] notes when a count it changed has parts in parentheses.
const PARTS_NOTE: &str = "update the parts in parentheses";

/// `date` moved by `years`, the last day of February kept the last.
fn move_year(date: NaiveDate, years: i32) -> Option<NaiveDate> {
    if years == 0 {
        return None;
    }
    let year = date.year().checked_add(years)?;
    date.with_year(year).or_else(|| NaiveDate::from_ymd_opt(year, date.month(), 28))
}

fn date_value(date: NaiveDate) -> Value {
    Value::from(toml_edit::Datetime {
        date: u8::try_from(date.month())
            .ok()
            .zip(u8::try_from(date.day()).ok())
            .and_then(|(month, day)| Some(toml_edit::Date { year: u16::try_from(date.year()).ok()?, month, day })),
        time: None,
        offset: None,
    })
}

/// A count as TOML: an integer when whole, else a string in Vietnamese notation.
fn number(value: Decimal) -> Value {
    if value.fract().is_zero() {
        if let Ok(whole) = i64::try_from(value.trunc()) {
            return Value::from(whole);
        }
    }
    Value::from(format_vi(&value))
}

/// The value as the file writes it, without its surrounding whitespace and comments.
fn raw(value: &Value) -> String {
    let mut value = value.clone();
    value.decor_mut().clear();
    value.to_string()
}

/// Replaces a value, keeping the comment and spacing around it.
fn set_keeping_decor(table: &mut Table, key: &str, new: Value) {
    match table.get_mut(key).and_then(Item::as_value_mut) {
        Some(old) => {
            let decor = old.decor().clone();
            *old = new;
            *old.decor_mut() = decor;
        }
        None => {
            table.insert(key, Item::Value(new));
        }
    }
}

fn set_suffix(table: &mut Table, key: &str, suffix: &str) {
    if let Some(value) = table.get_mut(key).and_then(Item::as_value_mut) {
        value.decor_mut().set_suffix(suffix);
    }
}

/// Adds comment lines before `key`, after those already there.
fn add_prefix(table: &mut Table, key: &str, comment: &str) {
    if let Some(mut key) = table.key_mut(key) {
        let decor = key.leaf_decor_mut();
        let old = decor.prefix().and_then(|p| p.as_str()).unwrap_or("").to_owned();
        decor.set_prefix(format!("{old}{comment}"));
    }
}

/// Adds comment lines before the first key after `key` that the table has (or after
/// `key`'s own line when it is the last).
fn prefix_next_key(table: &mut Table, key: &str, comment: &str) {
    if table.contains_key(key) {
        add_prefix(table, key, comment);
    } else {
        let first = table.iter().next().map(|(k, _)| k.to_owned());
        if let Some(first) = first {
            add_prefix(table, &first, comment);
        }
    }
}

/// Removes `key`, leaving `comment` (with the key's own comments) where it stood.
fn comment_out(table: &mut Table, key: &str, comment: &str) {
    let keys: Vec<String> = table.iter().map(|(k, _)| k.to_owned()).collect();
    let Some(at) = keys.iter().position(|k| k == key) else {
        if !comment.is_empty() {
            // Nothing to remove: the comment still goes where the key would be.
            if let Some(first) = keys.iter().find(|k| *k != "id" && *k != "section") {
                add_prefix(table, first, comment);
            }
        }
        return;
    };
    let own = table.key(key).and_then(|k| k.leaf_decor().prefix()).and_then(|p| p.as_str()).unwrap_or("").to_owned();
    table.remove(key);
    let comment = format!("{own}{comment}");
    if comment.is_empty() {
        return;
    }
    match keys.get(at + 1) {
        Some(next) => {
            let next = next.clone();
            if let Some(mut k) = table.key_mut(&next) {
                let decor = k.leaf_decor_mut();
                let old = decor.prefix().and_then(|p| p.as_str()).unwrap_or("").to_owned();
                decor.set_prefix(format!("{comment}{old}"));
            }
        }
        None => {
            // The last key: the comment follows the line before it.
            let Some(before) = at.checked_sub(1).and_then(|i| keys.get(i)) else { return };
            if let Some(value) = table.get_mut(before).and_then(Item::as_value_mut) {
                let old = value.decor().suffix().and_then(|s| s.as_str()).unwrap_or("").to_owned();
                let comment = comment.strip_suffix('\n').unwrap_or(&comment);
                value.decor_mut().set_suffix(format!("{old}\n{comment}"));
            }
        }
    }
}

fn take_table(doc: &mut DocumentMut, key: &str) -> Option<Table> {
    match doc.remove(key)? {
        Item::Table(table) => Some(table),
        other => {
            doc.insert(key, other);
            None
        }
    }
}

/// Puts `text` before the first table that comes after `position` in the file (every
/// table when `position` is `None`), or at the end of the file.
fn prepend_after(doc: &mut DocumentMut, position: Option<isize>, text: &str) {
    let mut next: Option<isize> = None;
    each_table(doc.as_table_mut(), &mut |table| {
        if let Some(p) = table.position() {
            if position.is_none_or(|after| p > after) && next.is_none_or(|n| p < n) && !table.is_implicit() {
                next = Some(p);
            }
        }
    });
    let Some(next) = next else {
        let old = doc.trailing().as_str().unwrap_or("").to_owned();
        doc.set_trailing(format!("{old}\n{text}"));
        return;
    };
    each_table(doc.as_table_mut(), &mut |table| {
        if table.position() == Some(next) && !table.is_implicit() {
            let old = table.decor().prefix().and_then(|p| p.as_str()).unwrap_or("").to_owned();
            table.decor_mut().set_prefix(format!("{text}{old}"));
        }
    });
}

fn each_table(table: &mut Table, f: &mut dyn FnMut(&mut Table)) {
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(t) => {
                f(t);
                each_table(t, f);
            }
            Item::ArrayOfTables(array) => {
                for t in array.iter_mut() {
                    f(t);
                    each_table(t, f);
                }
            }
            _ => {}
        }
    }
}

/// Wraps every string whose line would run past [`WIDTH`] into a multi-line string whose
/// line ends are escaped (the value is unchanged), and spreads long one-line lists one item
/// a line.
fn wrap_long_lines(table: &mut Table) {
    for (key, item) in table.iter_mut() {
        let key_len = key.get().chars().count() + 3;
        match item {
            Item::Value(Value::String(_)) => {
                if let Some(value) = item.as_value_mut() {
                    wrap_string(value, key_len, 4);
                }
            }
            Item::Value(Value::Array(array)) => {
                let one_line = !array.to_string().contains('\n');
                if one_line && key_len + array.to_string().chars().count() > WIDTH {
                    for value in array.iter_mut() {
                        value.decor_mut().set_prefix("\n    ");
                        value.decor_mut().set_suffix("");
                    }
                    array.set_trailing_comma(true);
                    array.set_trailing("\n");
                }
                for value in array.iter_mut() {
                    wrap_string(value, 5, 8);
                }
            }
            Item::Table(t) => wrap_long_lines(t),
            Item::ArrayOfTables(array) => {
                for t in array.iter_mut() {
                    wrap_long_lines(t);
                }
            }
            _ => {}
        }
    }
}

fn wrap_string(value: &mut Value, before: usize, indent: usize) {
    let Some(text) = value.as_str() else { return };
    if before + text.chars().count() + 2 <= WIDTH || text.contains(['\n', '\r']) {
        return;
    }
    let Some(wrapped) = wrapped_string(text, indent) else { return };
    let Ok(mut new) = wrapped.parse::<Value>() else { return };
    // Only what reads back as the same text replaces it.
    if new.as_str() != Some(text) {
        return;
    }
    *new.decor_mut() = value.decor().clone();
    *value = new;
}

/// `text` as a TOML multi-line basic string, one chunk of about 88 characters a line, each
/// line but the last ending in `\` (which the reader removes with the line break and the
/// next line's indentation). Breaks only before a word, after every space before it, so
/// that no space is lost; `None` when the text begins or ends with a space.
fn wrapped_string(text: &str, indent: usize) -> Option<String> {
    if text.starts_with(char::is_whitespace) || text.ends_with(char::is_whitespace) {
        return None;
    }
    let pad = " ".repeat(indent);
    let mut out = format!("\"\"\"\\\n{pad}");
    let mut column = 0;
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let at_word = i > 0 && chars.get(i - 1).is_some_and(|p| *p == ' ') && c != ' ';
        if at_word && column >= 80 {
            let _ = write!(out, "\\\n{pad}");
            column = 0;
        }
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
        column += 1;
    }
    out.push_str("\"\"\"");
    Some(out)
}

/// An activity's name carried into the new year: the count it writes before its unit set to
/// the new target (`Tổ chức 01 đợt` → `Tổ chức 02 đợt`, as many digits as before), and each
/// `năm YYYY` moved on by the years between the plans. Counts in parentheses (the parts)
/// are left for the analyst, and said so. Returns the name and what was changed.
pub fn rename(name: &str, unit: Option<&str>, target: Option<Decimal>, shift: i32) -> (String, Vec<String>) {
    let mut notes = Vec::new();
    let mut words: Vec<String> = name.split(' ').map(str::to_owned).collect();
    if shift != 0 {
        for i in 1..words.len() {
            let is_nam = words.get(i - 1).is_some_and(|w| w.to_lowercase() == "năm");
            let Some(word) = words.get_mut(i) else { continue };
            let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
            let Ok(written) = digits.parse::<i32>() else { continue };
            if is_nam && digits.len() == 4 && (1900..=2200).contains(&written) {
                let moved = written + shift;
                notes.push(format!("`năm {written}` → `năm {moved}`"));
                *word = format!("{moved}{}", &word[digits.len()..]);
            }
        }
    }
    if let (Some(unit), Some(target)) = (unit, target) {
        let unit_words: Vec<String> = unit.split_whitespace().map(crate::model::fold_name).collect();
        let mut depth = 0_usize;
        let mut counts = Vec::new();
        for (i, word) in words.iter().enumerate() {
            let digits = !word.is_empty() && word.chars().all(|c| c.is_ascii_digit());
            let follows = words.get(i + 1..i + 1 + unit_words.len()).is_some_and(|next| {
                next.iter()
                    .map(|w| crate::model::fold_name(w.trim_matches(|c: char| !c.is_alphanumeric())))
                    .eq(unit_words.iter().cloned())
            });
            if digits && follows && depth == 0 {
                counts.push(i);
            }
            depth = (depth + word.matches('(').count()).saturating_sub(word.matches(')').count());
        }
        if let [only] = counts.as_slice() {
            if let Some(word) = words.get_mut(*only) {
                let new = format!("{:0width$}", target.trunc().normalize(), width = word.len());
                if *word != new && target.fract().is_zero() {
                    notes.push(format!("`{word} {unit}` → `{new} {unit}`"));
                    if name.contains('(') {
                        notes.push(PARTS_NOTE.to_owned());
                    }
                    *word = new;
                }
            }
        }
    }
    (words.join(" "), notes)
}

/// A TOML basic string.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::{rename, wrapped_string};

    #[test]
    fn a_name_carried_over_takes_the_new_count_and_year() {
        let (name, notes) = rename("Tổ chức 01 đợt hội thảo năm 2019", Some("đợt"), Some(Decimal::TWO), 1);
        assert_eq!(name, "Tổ chức 02 đợt hội thảo năm 2020");
        assert_eq!(notes, ["`năm 2019` → `năm 2020`", "`01 đợt` → `02 đợt`"]);
        let (name, notes) =
            rename("Hỗ trợ 03 công cụ (02 công cụ 5S, 01 công cụ Kaizen)", Some("công cụ"), Some(Decimal::TEN), 1);
        assert_eq!(name, "Hỗ trợ 10 công cụ (02 công cụ 5S, 01 công cụ Kaizen)");
        assert_eq!(notes, ["`03 công cụ` → `10 công cụ`", "update the parts in parentheses"]);
        // Two counts of the unit: which one changes is the analyst's call.
        let two = "cho 02 sản phẩm và 01 sản phẩm";
        assert_eq!(rename(two, Some("sản phẩm"), Some(Decimal::TEN), 0), (two.to_owned(), Vec::new()));
        assert_eq!(rename("ISO 9001 năm 2018", None, None, 2).0, "ISO 9001 năm 2020");
    }

    #[test]
    fn a_wrapped_string_reads_back_as_the_same_text() {
        let text = "Cử công chức của Chi cục tham gia hội nghị/hội thảo và các lớp đào tạo công cụ năng suất chất lượng của tại Thành phố Hồ Chí Minh  hoặc các tỉnh khác, \"trích\" \\ cuối.";
        let wrapped = wrapped_string(text, 4).unwrap();
        assert_eq!(
            wrapped,
            "\"\"\"\\\n    Cử công chức của Chi cục tham gia hội nghị/hội thảo và các lớp đào tạo công cụ năng \\\n    suất chất lượng của tại Thành phố Hồ Chí Minh  hoặc các tỉnh khác, \\\"trích\\\" \\\\ cuối.\"\"\""
        );
        let value: toml_edit::Value = wrapped.parse().unwrap();
        assert_eq!(value.as_str(), Some(text));
        assert_eq!(wrapped_string(" leading space", 4), None);
    }
}
