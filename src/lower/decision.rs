//! Lowering a decision file: `[decision]`, `[reporting]`, `[[agency]]`, `[[item]]`.

use super::fields::Fields;
use crate::diag::{Diagnostic, catalog};
use crate::model::{
    Agency, Decision, DocumentKind, Item, MonthDay, Period, Reference, ReportRule, Reporting, Stage, Support,
};
use crate::source::{Sp, Span};
use crate::t;

pub fn lower_decision(mut root: Fields<'_, '_>, d: &mut Vec<Diagnostic>) -> Decision {
    let file = root.file;
    let mut head = root.table("decision", true, d);
    let mut decision = Decision {
        file,
        span: head.as_ref().map_or_else(|| Span::file_start(file), |h| h.span.clone()),
        kind: None,
        number: None,
        date: None,
        issuer: None,
        title: None,
        programme: None,
        basis: Vec::new(),
        period: None,
        lead: None,
        funding_sources: Vec::new(),
        budget: None,
        money_unit: crate::money::Unit::Dong,
        budget_by_source: Vec::new(),
        budget_by_year: Vec::new(),
        reporting: Reporting::default(),
        agencies: Vec::new(),
        unreadable_agency_names: Vec::new(),
        items: Vec::new(),
    };
    if let Some(head) = head.as_mut() {
        decision.kind = head.string("kind", false, d).and_then(|kind| document_kind(kind, "decision.kind", d));
        decision.number = head.string("number", true, d);
        decision.date = head.date("date", true, d);
        decision.issuer = head.string("issuer", false, d);
        decision.title = head.string("title", true, d);
        decision.programme = head.table("programme", false, d).map(|t| lower_reference(t, d));
        decision.period = head.table("period", true, d).and_then(|p| lower_period(p, d));
        decision.lead = head.string("lead", false, d);
        decision.funding_sources = head.strings("funding-sources", d);
        head.money_unit(d);
        decision.money_unit = head.unit;
        decision.budget = head.money("budget", false, d);
        decision.budget_by_source = head.by_source("budget-by-source", d);
        if let Some(by_year) = head.table("budget-by-year", false, d) {
            decision.budget_by_year = lower_budget_by_year(&by_year, d);
        }
    }
    if let Some(head) = head {
        head.finish(d);
    }
    if let Some(reporting) = root.table("reporting", false, d) {
        decision.reporting = lower_reporting(reporting, d);
    }
    decision.basis = root.tables("basis", d).into_iter().map(|t| lower_reference(t, d)).collect();
    for table in root.tables("agency", d) {
        match lower_agency(table, d) {
            Ok(agency) => decision.agencies.push(agency),
            Err(names) => decision.unreadable_agency_names.extend(names),
        }
    }
    decision.items = super::each(root.tables("item", d), |t| lower_item(t, d));
    root.finish(d);
    decision
}

/// A document cited as legal basis: `{ kind, number, date, issuer, title }`, with at least a
/// number or a title.
pub(super) fn lower_reference(mut table: Fields<'_, '_>, d: &mut Vec<Diagnostic>) -> Reference {
    let kind = table.string("kind", false, d).and_then(|kind| document_kind(kind, &table.key_path("kind"), d));
    let number = table.string("number", false, d);
    let date = table.date("date", false, d);
    let issuer = table.string("issuer", false, d);
    let title = table.string("title", false, d);
    if number.is_none() && title.is_none() {
        d.push(catalog::missing_key(&table.span, &table.key_path("title")).help(t!(
            "ghi văn bản nào: `number` (số, như `1322/QĐ-TTg`), `title` (trích yếu), hoặc cả hai",
            "say which document it is: its `number` (`1322/QĐ-TTg`), its `title`, or both"
        )));
    }
    let span = table.span.clone();
    table.finish(d);
    Reference { span, kind, number, date, issuer, title }
}

fn document_kind(kind: Sp<String>, key: &str, d: &mut Vec<Diagnostic>) -> Option<Sp<DocumentKind>> {
    if let Some(k) = DocumentKind::parse(&kind.value) {
        return Some(Sp::new(k, kind.span));
    }
    let allowed: Vec<&str> = DocumentKind::ALL.iter().map(|k| k.as_str()).collect();
    d.push(catalog::not_one_of(&kind.span, key, &kind.value, &allowed));
    None
}

fn lower_period(mut table: Fields<'_, '_>, d: &mut Vec<Diagnostic>) -> Option<Sp<Period>> {
    let years = years(&mut table, d);
    let span = table.span.clone();
    table.finish(d);
    let (from, to) = years?;
    Some(Sp::new(Period { from: from.value, to: to.value }, span))
}

/// `from` and `to`, both years, both required, in order; reversed ones are `period-reversed`.
fn years(table: &mut Fields<'_, '_>, d: &mut Vec<Diagnostic>) -> Option<(Sp<i32>, Sp<i32>)> {
    let (from, to) = (table.year("from", true, d), table.year("to", true, d));
    let (from, to) = (from?, to?);
    if from.value > to.value {
        d.push(catalog::period_reversed(&to.span, from.value, to.value));
        return None;
    }
    Some((from, to))
}

fn lower_budget_by_year(table: &Fields<'_, '_>, d: &mut Vec<Diagnostic>) -> Vec<(Sp<i32>, Sp<rust_decimal::Decimal>)> {
    let mut years = Vec::new();
    for (key, value) in table.entries() {
        let year = key.value.parse::<i32>().ok().filter(|y| (1900..=2999).contains(y));
        let Some(year) = year else {
            let year = &key.value;
            d.push(catalog::invalid_value(
                &key.span,
                t!("`{year}` không phải một năm", "`{year}` is not a year"),
                t!(
                    "ghi mỗi số tiền theo năm của nó: `budget-by-year = {{ 2019 = 500_000_000 }}`",
                    "key each amount by its year: `budget-by-year = {{ 2019 = 500_000_000 }}`"
                ),
            ));
            continue;
        };
        if let Some(amount) = table.money_of(&key.value, value, d).and_then(|a| table.in_dong(&key.value, a, d)) {
            years.push((Sp::new(year, key.span), amount));
        }
    }
    years
}

fn lower_reporting(mut table: Fields<'_, '_>, d: &mut Vec<Diagnostic>) -> Reporting {
    let mut reporting = Reporting::default();
    if let Some(rule) = table.table("half-year", false, d) {
        reporting.half_year = lower_rule(rule, &reporting.half_year, d);
    }
    if let Some(rule) = table.table("annual", false, d) {
        reporting.annual = lower_rule(rule, &reporting.annual, d);
    }
    table.finish(d);
    reporting
}

fn lower_rule(mut table: Fields<'_, '_>, default: &ReportRule, d: &mut Vec<Diagnostic>) -> ReportRule {
    let due_before = table.string("due-before", false, d).and_then(|s| month_day(&s, &table.key_path("due-before"), d));
    let cut_off = table.string("cut-off", false, d).and_then(|s| month_day(&s, &table.key_path("cut-off"), d));
    let span = Some(table.span.clone());
    table.finish(d);
    ReportRule {
        due_before: due_before.unwrap_or(default.due_before),
        cut_off: cut_off.unwrap_or(default.cut_off),
        span,
    }
}

/// A day of the year written `MM-DD` (`"06-30"`).
fn month_day(text: &Sp<String>, key: &str, d: &mut Vec<Diagnostic>) -> Option<MonthDay> {
    let parsed = text.value.split_once('-').and_then(|(m, day)| {
        let ok = m.len() == 2 && day.len() == 2;
        let (month, day) = (m.parse::<u32>().ok()?, day.parse::<u32>().ok()?);
        // 2020 is a leap year, so 02-29 is accepted as a day that exists.
        (ok && chrono::NaiveDate::from_ymd_opt(2020, month, day).is_some()).then_some(MonthDay { month, day })
    });
    if parsed.is_none() {
        d.push(catalog::invalid_month_day(&text.span, key, &text.value));
    }
    parsed
}

/// An agency, or when its id or name is missing, the names it does have.
fn lower_agency(mut table: Fields<'_, '_>, d: &mut Vec<Diagnostic>) -> Result<Agency, Vec<String>> {
    let id = table.id("id", true, d);
    let name = table.string("name", true, d);
    let aliases = table.strings("aliases", d);
    let parent = table.string("parent", false, d);
    table.finish(d);
    match (id, name) {
        (Some(id), Some(name)) => Ok(Agency { id, name, aliases, parent }),
        (id, name) => Err(id.into_iter().chain(name).chain(aliases).map(|n| n.value).collect()),
    }
}

fn lower_item(mut table: Fields<'_, '_>, d: &mut Vec<Diagnostic>) -> Option<Item> {
    let id = table.id("id", true, d);
    let group = table.id("group", false, d);
    let name = table.string("name", true, d);
    let unit = table.string("unit", false, d);
    let (target, target_rule, _) = table.target(d);
    let stages = super::each(table.tables("stage", d), |t| lower_stage(t, d));
    let support = table.table("support", false, d).map(|t| lower_support(t, d));
    table.finish(d);
    Some(Item { id: id?, group, name, unit, target, target_rule, stages, support })
}

/// `[[item.stage]]`: the item's target for some years, `from` and `to` both included.
fn lower_stage(mut table: Fields<'_, '_>, d: &mut Vec<Diagnostic>) -> Option<Stage> {
    let years = years(&mut table, d);
    let (target, target_rule, _) = table.target(d);
    let span = table.span.clone();
    table.finish(d);
    let (from, to) = years?;
    Some(Stage { span, from, to, target, target_rule })
}

fn lower_support(mut table: Fields<'_, '_>, d: &mut Vec<Diagnostic>) -> Support {
    table.money_unit(d);
    let rate = table.amount("rate", false, d).filter(|r| {
        let valid = r.value > rust_decimal::Decimal::ZERO && r.value <= rust_decimal::Decimal::ONE_HUNDRED;
        if !valid {
            let key = table.key_path("rate");
            d.push(catalog::invalid_value(
                &r.span,
                t!(
                    "`{key}` là tỷ lệ phần trăm của kinh phí: lớn hơn 0 và không quá 100",
                    "`{key}` is a percentage of the cost: more than 0 and at most 100"
                ),
                t!(
                    "viết phần chương trình hỗ trợ, như `rate = 50` cho “hỗ trợ 50 % kinh phí”",
                    "write the share the programme pays, such as `rate = 50` for “hỗ trợ 50 % kinh phí”"
                ),
            ));
        }
        valid
    });
    let cap = table.money("cap", false, d);
    let per = table.string("per", false, d);
    let basis = table.string("basis", false, d);
    let span = table.span.clone();
    table.finish(d);
    Support { span, rate, cap, per, basis }
}
