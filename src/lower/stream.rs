//! Lowering the elements of a file's large arrays of tables (`[[activity]]`,
//! `[[achievement]]`, `[[disbursement]]`, …) as the parser closes them, so that a file's
//! tree is never whole: each element becomes its model and its table is dropped at once.
//! A plan of 16,000 activities or 60 MB of them then holds one activity's tree at a time.
//!
//! What is lowered this way is lowered exactly as [`super::lower_document`] lowers it from
//! a whole tree (the same path in messages, the same money unit, its diagnostics in the same
//! order); `lower::streamed_agrees` checks it on every file of the repository and in the
//! whole-path fuzz target. An element is taken only when what lowering it needs is known
//! for good when it closes:
//!
//! - the kind of the file: exactly one of `[decision]`, `[plan]`, `[progress]` is already
//!   in the tree (a file that turns out to have two is not lowered, and what was taken is
//!   dropped);
//! - the money unit of a disbursement: `[progress]` is already in the tree, made by its own
//!   header, and with it its `money-unit` (a later table can no longer add keys to it);
//! - every element before it of the same array was taken too, so that the taken ones are
//!   the first N and the rest are lowered from the tree after them.
//!
//! Budget lines are not taken: `[budget]` and its `money-unit` may be written after them.

use std::ops::Range;

use super::fields::Fields;
use crate::diag::Diagnostic;
use crate::model::{Achievement, Activity, Disbursement, Milestone, Submission};
use crate::parse::events::Harvest;
use crate::parse::tree::{Table, Value};
use crate::source::{FileId, Span};

/// A lowering of one element: its model (`None` when it cannot be made), diagnostics
/// pushed.
type Lower<T> = fn(Fields<'_, '_>, &mut Vec<Diagnostic>) -> Option<T>;

/// What was lowered of one array as the parser closed its elements.
pub struct Taken<T> {
    /// How many elements (the first ones) were taken.
    pub count: usize,
    lowered: Vec<T>,
    diagnostics: Vec<Diagnostic>,
}

impl<T> Default for Taken<T> {
    fn default() -> Self {
        Self { count: 0, lowered: Vec::new(), diagnostics: Vec::new() }
    }
}

impl<T> Taken<T> {
    /// Whether element `index` is the one to take next.
    fn next_is(&self, index: usize) -> bool {
        index == self.count
    }

    /// Before the first element of `key`, room for as many as `text` has headers at the
    /// start of a line: grown by doubling, the vector would have up to twice the room, each
    /// vector it outgrew would be left to the allocator (freed, but not given back), and
    /// the models would be copied each time (more than the search for the headers costs, a
    /// few bytes an instruction). Headers written otherwise (`[[ activity ]]`) only make
    /// the vector grow; lines of a multi-line string that look like one only make room
    /// that is given back at the end; room that cannot be had is not asked for.
    fn reserve_for(&mut self, text: &str, key: &str) {
        if self.count == 0 {
            let header = format!("[[{key}]]");
            let first = usize::from(text.starts_with(&header));
            let header = format!("\n{header}");
            let count = first + memchr::memmem::find_iter(text.as_bytes(), header.as_bytes()).count();
            let _ = self.lowered.try_reserve_exact(count);
        }
    }

    /// Lowers the next element.
    fn take(&mut self, fields: Fields<'_, '_>, lower: Lower<T>) {
        if let Some(model) = lower(fields, &mut self.diagnostics) {
            self.lowered.push(model);
        }
        self.count += 1;
    }

    /// The taken elements' models followed by those of `rest`, the elements after them;
    /// the taken ones' diagnostics go to `d` first, where lowering them in turn would have
    /// put them.
    pub fn with_rest(self, rest: Vec<Fields<'_, '_>>, d: &mut Vec<Diagnostic>, lower: Lower<T>) -> Vec<T> {
        let Self { mut lowered, mut diagnostics, .. } = self;
        d.append(&mut diagnostics);
        lowered.reserve_exact(rest.len());
        lowered.extend(rest.into_iter().filter_map(|t| lower(t, d)));
        lowered.shrink_to_fit();
        lowered
    }
}

/// The elements of one file taken as the parser closed them.
pub struct Streamed<'i> {
    file: FileId,
    text: &'i str,
    /// The kind of the file (one of [`super::KINDS`]), once the tree had exactly one
    /// kind's table. Not looked at again: a kind added later makes the file one that is not
    /// lowered at all, and what was taken is dropped with it.
    kind: Option<&'static str>,
    /// The money unit of `[progress]`, once read for a disbursement: it cannot change.
    unit: Option<crate::money::Unit>,
    pub activities: Taken<Activity>,
    pub achievements: Taken<Achievement>,
    pub milestones: Taken<Milestone>,
    pub disbursements: Taken<Disbursement>,
    pub submissions: Taken<Submission>,
}

impl Streamed<'_> {
    /// How many elements were taken, of every array.
    pub fn taken(&self) -> usize {
        self.activities.count
            + self.achievements.count
            + self.milestones.count
            + self.disbursements.count
            + self.submissions.count
    }
}

impl<'i> Streamed<'i> {
    /// Nothing taken yet, for `file` of `text`.
    pub fn new(file: FileId, text: &'i str) -> Self {
        Self {
            file,
            text,
            kind: None,
            unit: None,
            activities: Taken::default(),
            achievements: Taken::default(),
            milestones: Taken::default(),
            disbursements: Taken::default(),
            submissions: Taken::default(),
        }
    }
}

/// The money unit `[progress]` writes its amounts in, as lowering reads it — its
/// `money-unit` when that is one, else đồng (a wrong one is reported when `[progress]`
/// is lowered) — once it is known for good: not while `progress` is a table made only by
/// a table under it (`[progress.note]`), whose own header may still come and give it one.
fn progress_unit(root: &Table<'_>) -> Option<crate::money::Unit> {
    match root.get("progress").map(|n| &n.value) {
        Some(Value::Table(head)) if head.is_implicit() => None,
        Some(Value::Table(head)) => Some(match head.get("money-unit").map(|n| &n.value) {
            Some(Value::String(text)) => crate::money::Unit::parse(text).unwrap_or(crate::money::Unit::Dong),
            _ => crate::money::Unit::Dong,
        }),
        // Not a table: lowering reports it, and the amounts are in đồng.
        Some(_) => Some(crate::money::Unit::Dong),
        None => None,
    }
}

impl<'i> Harvest<'i> for Streamed<'i> {
    fn closed(
        &mut self,
        root: &Table<'i>,
        key: &str,
        index: usize,
        span: Range<usize>,
        table: Table<'i>,
    ) -> Option<Table<'i>> {
        if self.kind.is_none() {
            let mut found = super::KINDS.into_iter().filter(|kind| root.get(kind).is_some());
            match (found.next(), found.next()) {
                (Some(kind), None) => self.kind = Some(kind),
                _ => return Some(table),
            }
        }
        let (plan, progress) = (self.kind == Some("plan"), self.kind == Some("progress"));
        let next = match key {
            "activity" if plan => self.activities.next_is(index),
            "achievement" if progress => self.achievements.next_is(index),
            "milestone" if progress => self.milestones.next_is(index),
            "disbursement" if progress => {
                if self.unit.is_none() {
                    self.unit = progress_unit(root);
                }
                self.unit.is_some() && self.disbursements.next_is(index)
            }
            "submission" if progress => self.submissions.next_is(index),
            _ => false,
        };
        if !next {
            return Some(table);
        }
        // The path lowering from the whole tree gives it (`Fields::tables`).
        let path = super::fields::element_path(key, index);
        let mut fields = Fields::new(self.file, path, Span::new(self.file, span), &table);
        let text = self.text;
        match key {
            "activity" => {
                self.activities.reserve_for(text, key);
                self.activities.take(fields, super::plan::lower_activity);
            }
            "achievement" => {
                self.achievements.reserve_for(text, key);
                self.achievements.take(fields, super::progress::lower_achievement);
            }
            "milestone" => {
                self.milestones.reserve_for(text, key);
                self.milestones.take(fields, super::progress::lower_milestone);
            }
            "disbursement" => {
                fields.unit = self.unit.unwrap_or(crate::money::Unit::Dong);
                self.disbursements.reserve_for(text, key);
                self.disbursements.take(fields, super::progress::lower_disbursement);
            }
            _ => {
                self.submissions.reserve_for(text, key);
                self.submissions.take(fields, super::progress::lower_submission);
            }
        }
        None
    }
}
