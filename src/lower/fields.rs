//! Reading one TOML table into typed, spanned values. A [`Fields`] remembers every key it
//! was asked for, so that [`Fields::finish`] can report each key nobody asked for as
//! `unknown-key` with the nearest known key as a suggestion. Every accessor reports what is
//! wrong (missing, wrong type, bad amount or date) and returns `None`: lowering never stops
//! at the first problem.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::diag::{Diagnostic, catalog};
use crate::money;
use crate::parse::tree::{Node, Table, Value as DeValue};
use crate::source::{FileId, Sp, Span};
use crate::t;

type Value<'i> = Node<'i>;

/// One table being read, with where it stands (`activity[3]`) for messages.
pub struct Fields<'t, 'i> {
    pub file: FileId,
    pub path: String,
    pub span: Span,
    table: &'t Table<'i>,
    known: Vec<&'static str>,
    /// The entries (of the first 64) an accessor found: known without comparing names.
    asked: u64,
    /// The unit this table's money is written in: its own `money-unit`, else its parent's.
    pub unit: money::Unit,
}

impl<'t, 'i> Fields<'t, 'i> {
    pub fn new(file: FileId, path: impl Into<String>, span: Span, table: &'t Table<'i>) -> Self {
        Self { file, path: path.into(), span, table, known: Vec::with_capacity(16), asked: 0, unit: money::Unit::Dong }
    }

    fn child(&self, path: String, span: Span, table: &'t Table<'i>) -> Self {
        Self { unit: self.unit, ..Self::new(self.file, path, span, table) }
    }

    /// Reads `money-unit`, the unit this table and the tables under it write money in.
    pub fn money_unit(&mut self, d: &mut Vec<Diagnostic>) {
        let Some(text) = self.string("money-unit", false, d) else { return };
        match money::Unit::parse(&text.value) {
            Some(unit) => self.unit = unit,
            None => {
                d.push(catalog::not_one_of(&text.span, &self.key_path("money-unit"), &text.value, &money::Unit::NAMES));
            }
        }
    }

    /// The full name of a key of this table, as messages print it.
    pub fn key_path(&self, key: &str) -> String {
        if self.path.is_empty() { key.to_owned() } else { format!("{}.{key}", self.path) }
    }

    pub fn span_of(&self, value: &Value<'_>) -> Span {
        Span::new(self.file, value.span.clone())
    }

    /// The raw value of `key`; a required key that is absent is reported.
    pub fn raw(&mut self, key: &'static str, required: bool, d: &mut Vec<Diagnostic>) -> Option<&'t Value<'i>> {
        self.known.push(key);
        let found = self.table.find(key).map(|(at, node)| {
            if at < 64 {
                self.asked |= 1 << at;
            }
            node
        });
        if found.is_none() && required {
            d.push(catalog::missing_key(&self.span, &self.key_path(key)));
        }
        found
    }

    fn wrong(&self, key: &str, value: &Value<'_>, expected: &str, d: &mut Vec<Diagnostic>) {
        d.push(catalog::wrong_type(&self.span_of(value), &self.key_path(key), expected, value.value.type_str()));
    }

    pub fn string(&mut self, key: &'static str, required: bool, d: &mut Vec<Diagnostic>) -> Option<Sp<String>> {
        let value = self.raw(key, required, d)?;
        match &value.value {
            DeValue::String(s) => Some(Sp::new(s.to_string(), self.span_of(value))),
            _ => {
                self.wrong(key, value, "a string", d);
                None
            }
        }
    }

    /// An identifier: an ASCII kebab-case slug (`he-thong-quan-ly`). One that is not is
    /// reported and still returned.
    pub fn id(&mut self, key: &'static str, required: bool, d: &mut Vec<Diagnostic>) -> Option<Sp<String>> {
        let id = self.string(key, required, d)?;
        if !is_slug(&id.value) {
            d.push(catalog::invalid_id(&id.span, &self.key_path(key), &id.value));
        }
        // Kept even when reported, so that references to it do not fail a second time.
        Some(id)
    }

    pub fn integer(&mut self, key: &'static str, required: bool, d: &mut Vec<Diagnostic>) -> Option<Sp<i64>> {
        let value = self.raw(key, required, d)?;
        let parsed = match &value.value {
            DeValue::Integer(digits, radix) => i64::from_str_radix(&digits.replace('_', ""), *radix).ok(),
            _ => {
                self.wrong(key, value, "an integer", d);
                return None;
            }
        };
        if parsed.is_none() {
            let key = self.key_path(key);
            d.push(catalog::invalid_value(
                &self.span_of(value),
                t!("`{key}` quá lớn", "`{key}` is too large"),
                t!("viết một số nguyên nhỏ hơn", "write a smaller whole number"),
            ));
        }
        parsed.map(|n| Sp::new(n, self.span_of(value)))
    }

    /// A year: an integer between 1900 and 2999.
    pub fn year(&mut self, key: &'static str, required: bool, d: &mut Vec<Diagnostic>) -> Option<Sp<i32>> {
        let year = self.integer(key, required, d)?;
        match i32::try_from(year.value) {
            Ok(y) if (1900..=2999).contains(&y) => Some(Sp::new(y, year.span)),
            _ => {
                let (key, value) = (self.key_path(key), year.value);
                d.push(catalog::invalid_value(
                    &year.span,
                    t!("`{key}` không phải một năm: `{value}`", "`{key}` is not a year: `{value}`"),
                    t!("viết năm đủ bốn chữ số, như `2019`", "write a four-digit year, such as `2019`"),
                ));
                None
            }
        }
    }

    pub fn boolean(&mut self, key: &'static str, d: &mut Vec<Diagnostic>) -> Option<Sp<bool>> {
        let value = self.raw(key, false, d)?;
        if let DeValue::Boolean(b) = &value.value {
            Some(Sp::new(*b, self.span_of(value)))
        } else {
            self.wrong(key, value, "`true` or `false`", d);
            None
        }
    }

    /// A TOML local date (`2019-06-30`).
    pub fn date(&mut self, key: &'static str, required: bool, d: &mut Vec<Diagnostic>) -> Option<Sp<NaiveDate>> {
        let value = self.raw(key, required, d)?;
        let span = self.span_of(value);
        match &value.value {
            DeValue::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(date), None, None) => {
                    let parsed =
                        NaiveDate::from_ymd_opt(i32::from(date.year), u32::from(date.month), u32::from(date.day));
                    if parsed.is_none() {
                        let ymd = (i32::from(date.year), u32::from(date.month), u32::from(date.day));
                        d.push(catalog::impossible_date(
                            &span,
                            &format!("`{dt}` is not a day of the calendar"),
                            Some(ymd),
                        ));
                    }
                    parsed.map(|day| Sp::new(day, span))
                }
                _ => {
                    d.push(catalog::date_with_time(&span, &self.key_path(key), &dt.to_string()));
                    None
                }
            },
            DeValue::String(s) => {
                d.push(catalog::date_as_string(&span, &self.key_path(key), s));
                None
            }
            _ => {
                self.wrong(key, value, "a date (`2019-06-30`)", d);
                None
            }
        }
    }

    /// An amount or a count: a TOML integer, or a string in Vietnamese notation. Floats are
    /// refused: they have already lost precision by the time they are read.
    pub fn amount(&mut self, key: &'static str, required: bool, d: &mut Vec<Diagnostic>) -> Option<Sp<Decimal>> {
        let value = self.raw(key, required, d)?;
        self.amount_in(key, value, false, d)
    }

    /// A target: a count (`target = 6`), or a table that says how it is meant —
    /// `{ at-least = 100 }`, `{ about = 600, tolerance = 5 }`, `{ from = 2, to = 3 }`,
    /// `{ count = 2 }` — each with `each-year = true` where it holds for every year. Returns
    /// the figure, the rule, and whether a target was written but could not be read.
    pub fn target(&mut self, d: &mut Vec<Diagnostic>) -> (Option<Sp<Decimal>>, crate::model::TargetRule, bool) {
        use crate::model::{TargetHow, TargetRule, target::DEFAULT_TOLERANCE};
        let Some(value) = self.raw("target", false, d) else { return (None, TargetRule::default(), false) };
        let Some(mut table) = self.sub_table("target", value) else {
            let figure = self.amount_in("target", value, false, d);
            let unreadable = figure.is_none();
            return (figure, TargetRule::default(), unreadable);
        };
        let count = table.amount("count", false, d);
        let at_least = table.amount("at-least", false, d);
        let about = table.amount("about", false, d);
        let tolerance = table.amount("tolerance", false, d);
        let from = table.amount("from", false, d);
        let to = table.amount("to", false, d);
        let each_year = table.boolean("each-year", d).is_some_and(|b| b.value);
        let written: Vec<&str> =
            [("count", count.is_some()), ("at-least", at_least.is_some()), ("about", about.is_some())]
                .into_iter()
                .chain([("from", from.is_some() || to.is_some())])
                .filter(|(_, w)| *w)
                .map(|(k, _)| k)
                .collect();
        let key = self.key_path("target");
        let span = table.span.clone();
        table.finish(d);
        let n = written.len();
        let bad = |d: &mut Vec<Diagnostic>, message: crate::lang::Text, help: crate::lang::Text| {
            d.push(catalog::invalid_value(&span, message, help));
            (None, TargetRule::default(), true)
        };
        if written.len() != 1 {
            return bad(
                d,
                t!(
                    "`{key}` cần đúng một cách ghi chỉ tiêu; ở đây có {n}",
                    "`{key}` needs exactly one way of writing the target; here there are {n}"
                ),
                t!(
                    "viết một trong `count = 6`, `at-least = 100` (tối thiểu), `about = 600` (khoảng), `from = 2, to = 3` (từ … đến …)",
                    "write one of `count = 6`, `at-least = 100` (a minimum), `about = 600` (approximate), `from = 2, to = 3` (a range)"
                ),
            );
        }
        if tolerance.is_some() && about.is_none() {
            return bad(
                d,
                t!(
                    "`{key}.tolerance` chỉ dùng cho chỉ tiêu “khoảng” (`about`)",
                    "`{key}.tolerance` belongs to an approximate target (`about`) only"
                ),
                t!(
                    "bỏ `tolerance`, hoặc ghi chỉ tiêu là `about = …`",
                    "remove `tolerance`, or write the target as `about = …`"
                ),
            );
        }
        let (figure, how) = match (count, at_least, about, from, to) {
            (Some(c), ..) => (c, TargetHow::Exact),
            (_, Some(m), ..) => (m, TargetHow::AtLeast),
            (_, _, Some(a), ..) => {
                let tolerance = tolerance.map_or(DEFAULT_TOLERANCE, |t| t.value);
                if tolerance <= Decimal::ZERO || tolerance >= Decimal::ONE_HUNDRED {
                    return bad(
                        d,
                        t!(
                            "`{key}.tolerance` là phần trăm sai lệch cho phép: lớn hơn 0 và nhỏ hơn 100",
                            "`{key}.tolerance` is the deviation allowed in percent: more than 0 and less than 100"
                        ),
                        t!("viết như `tolerance = 10` (±10 %)", "write it as `tolerance = 10` (±10 %)"),
                    );
                }
                (a, TargetHow::About { tolerance })
            }
            (_, _, _, Some(low), Some(high)) if low.value <= high.value => (low, TargetHow::Range { to: high.value }),
            (_, _, _, Some(low), Some(high)) => {
                let (low, high) = (low.value, high.value);
                return bad(
                    d,
                    t!(
                        "`{key}`: đầu dưới {low} lớn hơn đầu trên {high}",
                        "`{key}`: the lower end {low} is above the upper end {high}"
                    ),
                    t!("viết `from = {high}, to = {low}`", "write `from = {high}, to = {low}`"),
                );
            }
            _ => {
                return bad(
                    d,
                    t!(
                        "`{key}` là một khoảng: cần cả `from` và `to`",
                        "`{key}` is a range: it needs both `from` and `to`"
                    ),
                    t!("viết như `from = 2, to = 3` cho “2–3”", "write it as `from = 2, to = 3` for “2–3”"),
                );
            }
        };
        (Some(figure), TargetRule { how, each_year }, false)
    }

    /// An amount of money: an amount in whole đồng. The đồng has no smaller unit, so a
    /// fractional amount (`"1.000,5"`) is refused with that reason: its words could not be
    /// checked, and no payment is made in fractions of a đồng.
    pub fn money(&mut self, key: &'static str, required: bool, d: &mut Vec<Diagnostic>) -> Option<Sp<Decimal>> {
        let value = self.raw(key, required, d)?;
        let amount = self.money_of(key, value, d)?;
        self.in_dong(key, amount, d)
    }

    /// An amount written in the table's unit, in đồng: `"17.825"` in triệu đồng is
    /// 17.825.000.000 đồng. What is not a whole number of đồng is refused.
    pub fn in_dong(&self, key: &str, amount: Sp<Decimal>, d: &mut Vec<Diagnostic>) -> Option<Sp<Decimal>> {
        let Some(value) = amount.value.checked_mul(self.unit.factor()) else {
            let key = self.key_path(key);
            d.push(catalog::invalid_value(
                &amount.span,
                t!("`{key}` quá lớn khi tính ra đồng", "`{key}` is too large once written in đồng"),
                t!("kiểm tra số tiền và `money-unit` của bảng", "check the amount and the table's `money-unit`"),
            ));
            return None;
        };
        if value.fract().is_zero() {
            return Some(Sp::new(value.normalize(), amount.span));
        }
        d.push(catalog::fractional_dong(&amount.span, &self.key_path(key), value));
        None
    }

    /// The amount a value of this table holds, whatever its key (`budget-by-year`'s years,
    /// `breakdown`'s parts).
    pub fn amount_of(&self, key: &str, value: &Value<'_>, d: &mut Vec<Diagnostic>) -> Option<Sp<Decimal>> {
        self.amount_in(key, value, false, d)
    }

    /// [`Self::amount_of`] for an amount of money (`budget-by-year`'s years): a float's help
    /// is then about đồng.
    pub fn money_of(&self, key: &str, value: &Value<'_>, d: &mut Vec<Diagnostic>) -> Option<Sp<Decimal>> {
        self.amount_in(key, value, true, d)
    }

    fn amount_in(&self, key: &str, value: &Value<'_>, money: bool, d: &mut Vec<Diagnostic>) -> Option<Sp<Decimal>> {
        let span = self.span_of(value);
        let parsed = match &value.value {
            DeValue::Integer(digits, radix) => money::parse_toml_integer(digits, *radix),
            DeValue::String(s) => money::parse_amount(s),
            DeValue::Float(f) => {
                d.push(catalog::float_amount(&span, &self.key_path(key), f, money));
                return None;
            }
            _ => {
                self.wrong(key, value, "an amount (an integer, or a string such as \"491.300.000\")", d);
                return None;
            }
        };
        match parsed {
            Ok(amount) => Some(Sp::new(amount, span)),
            Err(error) => {
                let raw = match &value.value {
                    DeValue::String(s) => s.to_string(),
                    _ => String::new(),
                };
                d.push(catalog::invalid_amount(&span, &self.key_path(key), &error, &raw));
                None
            }
        }
    }

    /// A list of strings; a lone string is accepted as a list of one.
    pub fn strings(&mut self, key: &'static str, d: &mut Vec<Diagnostic>) -> Vec<Sp<String>> {
        let Some(value) = self.raw(key, false, d) else { return Vec::new() };
        match &value.value {
            DeValue::String(s) => vec![Sp::new(s.to_string(), self.span_of(value))],
            DeValue::Array(items) => {
                // Room for just the strings: a list grown by doubling holds up to twice.
                let mut strings = Vec::with_capacity(items.len());
                for item in items {
                    match &item.value {
                        DeValue::String(s) => strings.push(Sp::new(s.to_string(), self.span_of(item))),
                        _ => self.wrong(key, item, "a string", d),
                    }
                }
                strings
            }
            _ => {
                self.wrong(key, value, "a list of strings", d);
                Vec::new()
            }
        }
    }

    /// A string or a list of strings, as [`Names`](crate::model::Names).
    pub fn names(&mut self, key: &'static str, d: &mut Vec<Diagnostic>) -> crate::model::Names {
        let Some(value) = self.raw(key, false, d) else { return crate::model::Names::empty(self.file) };
        let strings: Vec<(&str, Span)> = match &value.value {
            DeValue::String(s) => vec![(s.as_ref(), self.span_of(value))],
            DeValue::Array(items) => {
                let mut strings = Vec::with_capacity(items.len());
                for item in items {
                    match &item.value {
                        DeValue::String(s) => strings.push((s.as_ref(), self.span_of(item))),
                        _ => self.wrong(key, item, "a string", d),
                    }
                }
                strings
            }
            _ => {
                self.wrong(key, value, "a list of strings", d);
                Vec::new()
            }
        };
        crate::model::Names::from_spanned(self.file, &strings)
    }

    /// A sub-table (`[budget]` or an inline `{ … }`).
    pub fn table(&mut self, key: &'static str, required: bool, d: &mut Vec<Diagnostic>) -> Option<Fields<'t, 'i>> {
        let value = self.raw(key, required, d)?;
        if let DeValue::Table(table) = &value.value {
            Some(self.child(self.key_path(key), self.span_of(value), table))
        } else {
            self.wrong(key, value, "a table", d);
            None
        }
    }

    /// An array of tables (`[[activity]]`), each with its index in the path.
    pub fn tables(&mut self, key: &'static str, d: &mut Vec<Diagnostic>) -> Vec<Fields<'t, 'i>> {
        self.tables_from(key, 0, d)
    }

    /// [`Fields::tables`] from the element `from` on: those before it were lowered as the
    /// parser closed them ([`super::stream`]).
    pub fn tables_from(&mut self, key: &'static str, from: usize, d: &mut Vec<Diagnostic>) -> Vec<Fields<'t, 'i>> {
        let Some(value) = self.raw(key, false, d) else { return Vec::new() };
        let DeValue::Array(items) = &value.value else {
            self.wrong(key, value, &format!("an array of tables (`[[{key}]]`)"), d);
            return Vec::new();
        };
        // The elements taken as they closed are no longer in the tree: the first left is
        // element `taken`.
        let taken = items.taken();
        let mut tables = Vec::with_capacity((items.len() + taken).saturating_sub(from));
        // The key's path once, each item's index added to it.
        let base = self.key_path(key);
        for (index, item) in
            items.iter().enumerate().map(|(n, item)| (n + taken, item)).skip(from.saturating_sub(taken))
        {
            match &item.value {
                DeValue::Table(table) => tables.push(self.child(element_path(&base, index), self.span_of(item), table)),
                _ => self.wrong(key, item, "a table", d),
            }
        }
        tables
    }

    /// The entry `key` of a data table (`breakdown`'s parts), when it is itself a table.
    pub fn sub_table(&self, key: &str, value: &'t Value<'i>) -> Option<Fields<'t, 'i>> {
        match &value.value {
            DeValue::Table(table) => Some(self.child(self.key_path(key), self.span_of(value), table)),
            _ => None,
        }
    }

    /// The entries of a table whose keys are data (`breakdown = { giai-vang = 1 }`).
    pub fn entries(&self) -> impl Iterator<Item = (Sp<String>, &'t Value<'i>)> + '_ {
        self.table.iter().map(|e| (Sp::new(e.key.to_string(), Span::new(self.file, e.key_span.clone())), &e.node))
    }

    /// A table of amounts of money by source of funds: `{ nha-nuoc = "6.665", doanh-nghiep =
    /// "11.160" }`, in the table's unit.
    pub fn by_source(
        &mut self,
        key: &'static str,
        d: &mut Vec<Diagnostic>,
    ) -> Vec<(Sp<crate::model::FundSource>, Sp<Decimal>)> {
        let Some(table) = self.table(key, false, d) else { return Vec::new() };
        let mut out = Vec::new();
        for (source, value) in table.entries() {
            let Some(kind) = crate::model::FundSource::parse(&source.value) else {
                let allowed: Vec<&str> = crate::model::FundSource::ALL.iter().map(|s| s.as_str()).collect();
                d.push(catalog::not_one_of(&source.span, &table.key_path(&source.value), &source.value, &allowed));
                continue;
            };
            if let Some(amount) =
                table.amount_of(&source.value, value, d).and_then(|a| table.in_dong(&source.value, a, d))
            {
                out.push((Sp::new(kind, source.span), amount));
            }
        }
        out
    }

    /// Reports every key that no accessor asked for.
    ///
    /// Every table may also have `added`: the keys of that table that the team added and
    /// the source document does not say (an alias, a decision's lead), so that a reader
    /// can tell transcription from addition. Each must be a key of the table.
    pub fn finish(self, d: &mut Vec<Diagnostic>) {
        for (at, entry) in self.table.iter().enumerate() {
            if at < 64 && self.asked & (1 << at) != 0 {
                continue;
            }
            let (name, value) = (&entry.key, &entry.node);
            if name == ADDED && !self.known.contains(&ADDED) {
                self.check_added(value, d);
                continue;
            }
            if !self.known.iter().any(|k| k == name) {
                let suggestion = suggest(name, self.known.iter().copied());
                d.push(catalog::unknown_key(
                    &Span::new(self.file, entry.key_span.clone()),
                    &self.key_path(name),
                    suggestion,
                    &self.known,
                ));
            }
        }
    }
}

/// The path of element `index` (from 0) of the array `base` in messages: `activity[3]`
/// for the third. Not by `format!`, which for every entry of every progress file was a
/// tenth of what lowering cost.
pub fn element_path(base: &str, index: usize) -> String {
    let mut path = String::with_capacity(base.len() + 8);
    path.push_str(base);
    path.push('[');
    path.push_str(itoa::Buffer::new().format(index + 1));
    path.push(']');
    path
}

/// The key that marks what the team added to a table.
const ADDED: &str = "added";

impl Fields<'_, '_> {
    fn check_added(&self, value: &Value<'_>, d: &mut Vec<Diagnostic>) {
        let DeValue::Array(items) = &value.value else {
            self.wrong(ADDED, value, "an array of key names", d);
            return;
        };
        for item in items {
            match &item.value {
                DeValue::String(key) if self.table.get(key).is_some() && key != ADDED => {}
                DeValue::String(key) => {
                    let added = self.key_path(ADDED);
                    d.push(catalog::invalid_value(
                        &self.span_of(item),
                        t!(
                            "`{added}` ghi `{key}`, không phải khóa của bảng này",
                            "`{added}` names `{key}`, which is not a key of this table"
                        ),
                        t!(
                            "ghi trong `added` các khóa của bảng này mà văn bản gốc không có",
                            "list in `added` the keys of this table that the source document does not give"
                        ),
                    ));
                }
                _ => self.wrong(ADDED, item, "a key name", d),
            }
        }
    }
}

/// The candidate nearest to `wanted`, when it is near enough to be what was meant (the
/// threshold is [`catalog::SUGGESTION_THRESHOLD`], documented in docs/diagnostics.md).
pub fn suggest<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    catalog::suggest_name(wanted, candidates)
}

/// Whether `text` is an ASCII kebab-case slug: lowercase letters and digits in words
/// joined by single hyphens.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.split('-').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}
