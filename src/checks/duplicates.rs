//! Entries recorded twice across a plan's progress files. Copying the half-year file to
//! start the annual one is the natural move, and without these checks it doubled every
//! figure of the report without a word. An entry that is certainly repeated (a voucher on
//! two payments, a report sent twice, an entry identical in every field) is an error: the
//! report would be wrong. One that only may be (identical but for a detail only one of
//! them gives; the same enterprise and detail on another date) is a warning.

use crate::hash::{HashMap, HashSet};

use crate::diag::cap::Sink;
use crate::diag::catalog;
use crate::model::{Progress, ReportKind};
use crate::source::Span;

pub fn check_duplicates(progress: &[&Progress], d: &mut Sink) {
    let repeated_vouchers = check_vouchers(progress, d);
    check_submissions(progress, d);
    let mut entries = entries(progress);
    entries.retain(|e| !repeated_vouchers.contains(e.span));
    // Each entry is a table of its own, so no two spans are equal: an unstable sort gives
    // the same order, without a buffer of half the entries.
    entries.sort_unstable_by(|a, b| a.span.cmp(b.span));
    check_entries(&entries, d);
    check_same_enterprise(progress, d);
}

/// Reports every voucher already on an earlier disbursement; returns those disbursements.
fn check_vouchers<'a>(progress: &[&'a Progress], d: &mut Sink) -> HashSet<&'a Span> {
    let mut paid: Vec<(&Span, &str, &Span)> = progress
        .iter()
        .flat_map(|p| &p.disbursements)
        .filter_map(|x| x.voucher.as_ref().map(|v| (&x.span, v.value.trim(), &v.span)))
        .filter(|(_, voucher, _)| !voucher.is_empty())
        .collect();
    paid.sort_by(|a, b| a.0.cmp(b.0));
    let mut first: HashMap<&str, &Span> = HashMap::default();
    let mut repeated = HashSet::default();
    for (entry, voucher, span) in paid {
        match first.get(voucher) {
            Some(earlier) => {
                d.push(catalog::duplicate_voucher(span, voucher, earlier));
                repeated.insert(entry);
            }
            None => {
                first.insert(voucher, span);
            }
        }
    }
    repeated
}

/// A report is sent once: the same number twice, or the same kind on the same day twice,
/// is one submission recorded twice.
fn check_submissions(progress: &[&Progress], d: &mut Sink) {
    let mut sent: Vec<_> = progress.iter().flat_map(|p| &p.submissions).collect();
    sent.sort_by(|a, b| a.span.cmp(&b.span));
    let mut by_number: HashMap<&str, &Span> = HashMap::default();
    let mut by_day: HashMap<(ReportKind, chrono::NaiveDate), &Span> = HashMap::default();
    for submission in sent {
        let number = submission.number.as_ref().map(|n| (n.value.trim(), &n.span)).filter(|(n, _)| !n.is_empty());
        let day = (submission.report.value, submission.date.value);
        if let Some((number, span)) = number {
            if let Some(earlier) = by_number.get(number) {
                d.push(catalog::duplicate_submission(span, &format!("number `{number}`"), earlier));
                continue;
            }
            by_number.insert(number, span);
        }
        match by_day.get(&day) {
            Some(earlier) => d.push(catalog::duplicate_submission(
                &submission.date.span,
                &format!("the {} report of `{}`", day.0.as_str(), day.1),
                earlier,
            )),
            None => {
                by_day.insert(day, &submission.date.span);
            }
        }
    }
}

/// One achievement, disbursement or milestone: what makes it the same entry (`key`), and
/// the details that may tell two such entries apart (`details`).
struct Entry<'a> {
    what: &'static str,
    span: &'a Span,
    key: Key<'a>,
    details: [Option<&'a str>; 2],
}

/// What makes two entries the same: the kind, what it is for (activity and part, line or
/// task), the date and the figure. Built of borrowed fields, not a formatted string: one
/// `format!` of a date and an amount for every entry was a tenth of a check.
#[derive(PartialEq, Eq, Hash)]
struct Key<'a> {
    kind: u8,
    first: &'a str,
    second: &'a str,
    date: chrono::NaiveDate,
    /// Normalised, so that `1` and `1.0` are the same figure.
    value: rust_decimal::Decimal,
    status: Option<crate::model::MilestoneStatus>,
}

/// The entries whose key another entry may share: those whose key's hash is another's.
/// Most entries of a year are of a key of their own, and all of them at once were a fifth
/// of the memory of checking a plan set of 64,000 entries; two hashes alike only make two
/// entries candidates, which [`check_entries`] then compares by their keys.
fn entries<'a>(progress: &[&'a Progress]) -> Vec<Entry<'a>> {
    use std::hash::BuildHasher as _;
    let state = foldhash::fast::FixedState::default();
    let hashes: Vec<u64> = every_entry(progress).map(|e| state.hash_one(&e.key)).collect();
    let mut times: HashMap<u64, u8> = HashMap::default();
    times.reserve(hashes.len());
    for hash in &hashes {
        let n = times.entry(*hash).or_default();
        *n = n.saturating_add(1);
    }
    every_entry(progress)
        .zip(hashes)
        .filter(|(_, hash)| times.get(hash).is_some_and(|n| *n > 1))
        .map(|(e, _)| e)
        .collect()
}

/// Every achievement, disbursement and milestone of `progress`, file by file.
fn every_entry<'a>(progress: &[&'a Progress]) -> impl Iterator<Item = Entry<'a>> {
    let text = |v: Option<&'a crate::source::Sp<String>>| v.map(|s| s.value.as_str());
    progress.iter().flat_map(move |record| {
        let achievements = record.achievements.iter().map(move |a| Entry {
            what: "achievement",
            span: &a.span,
            key: Key {
                kind: b'a',
                first: &a.activity.value,
                second: text(a.part.as_ref()).unwrap_or_default(),
                date: a.date.value,
                value: a.quantity.value.normalize(),
                status: None,
            },
            details: [text(a.enterprise.as_ref()), text(a.detail.as_ref())],
        });
        let disbursements = record.disbursements.iter().map(move |x| Entry {
            what: "disbursement",
            span: &x.span,
            key: Key {
                kind: b'd',
                first: text(x.activity.as_ref()).unwrap_or_default(),
                second: text(x.line.as_ref()).unwrap_or_default(),
                date: x.date.value,
                value: x.amount.value.normalize(),
                status: None,
            },
            details: [text(x.voucher.as_ref()), text(x.enterprise.as_ref())],
        });
        let milestones = record.milestones.iter().map(move |m| Entry {
            what: "milestone",
            span: &m.span,
            key: Key {
                kind: b'm',
                first: text(m.activity.as_ref()).unwrap_or_default(),
                second: text(m.task.as_ref()).unwrap_or_default(),
                date: m.date.value,
                value: rust_decimal::Decimal::ZERO,
                status: Some(m.status.value),
            },
            details: [text(m.detail.as_ref()), None],
        });
        achievements.chain(disbursements).chain(milestones)
    })
}

/// `entries` in span order: each is compared with the earlier entries of the same key, and
/// the first of them that is the same (else the first that may be) is the one named.
fn check_entries(entries: &[Entry<'_>], d: &mut Sink) {
    // The last entry of each key, and for each entry the one of its key before it: a list
    // of the earlier ones for each key, in two integers an entry (a vector per key was a
    // sixth of the memory of a check of 64,000 entries).
    let mut last: HashMap<&Key<'_>, u32> = HashMap::default();
    let mut before: Vec<u32> = Vec::with_capacity(entries.len());
    for (n, entry) in entries.iter().enumerate() {
        let n = u32::try_from(n).unwrap_or(u32::MAX);
        let previous = last.insert(&entry.key, n).unwrap_or(u32::MAX);
        before.push(previous);
        // From the latest earlier entry back to the first: what is found last is the first.
        let (mut same, mut near) = (None, None);
        let mut at = previous;
        while let Some(earlier) = entries.get(at as usize) {
            if earlier.details == entry.details {
                same = Some(earlier);
            } else if compatible(&earlier.details, &entry.details) {
                near = Some(earlier);
            }
            at = before.get(at as usize).copied().unwrap_or(u32::MAX);
        }
        if let Some(same) = same {
            d.push(catalog::duplicate_entry(entry.span, entry.what, same.span));
        } else if let Some(near) = near {
            d.push(catalog::possible_duplicate(
                entry.span,
                entry.what,
                "the same in every field that both give, and one gives a detail the other lacks",
                near.span,
            ));
        }
    }
}

/// No detail that both give differs.
fn compatible(a: &[Option<&str>; 2], b: &[Option<&str>; 2]) -> bool {
    a.iter().zip(b).all(|(x, y)| x.is_none() || y.is_none() || x == y)
}

/// What one enterprise was supported for: activity, part, enterprise, detail.
type SupportKey<'a> = (&'a str, Option<&'a str>, &'a str, &'a str);

/// The same enterprise supported for the same thing (activity, part and detail) on two
/// different dates: the same certificate, perhaps, recorded on the day it was applied for
/// and again on the day it was granted.
fn check_same_enterprise(progress: &[&Progress], d: &mut Sink) {
    let mut achieved: Vec<_> = progress.iter().flat_map(|p| &p.achievements).collect();
    achieved.sort_by(|a, b| a.span.cmp(&b.span));
    let mut first: HashMap<SupportKey<'_>, (&Span, chrono::NaiveDate)> = HashMap::default();
    for a in achieved {
        let (Some(enterprise), Some(detail)) = (&a.enterprise, &a.detail) else { continue };
        let key = (
            a.activity.value.as_str(),
            a.part.as_ref().map(|p| p.value.as_str()),
            enterprise.value.as_str(),
            detail.value.as_str(),
        );
        match first.get(&key) {
            Some((span, date)) if *date != a.date.value => d.push(catalog::possible_duplicate(
                &a.span,
                "achievement",
                &format!("the same enterprise and detail, recorded on `{date}` too"),
                span,
            )),
            Some(_) => {}
            None => {
                first.insert(key, (&a.span, a.date.value));
            }
        }
    }
}
