//! Reading one TOML table into typed, spanned values. A [`Fields`] remembers every key it
//! was asked for, so that [`Fields::finish`] can report each key nobody asked for as
//! `unknown-key` with the nearest known key as a suggestion. Every accessor reports what is
//! wrong (missing, wrong type, bad amount or date) and returns `None`: lowering never stops
//! at the first problem.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use toml::de::{DeTable, DeValue};

use crate::diag::{Diagnostic, catalog};
use crate::money;
use crate::source::{FileId, Sp, Span};

type Value<'i> = toml::Spanned<DeValue<'i>>;

/// One table being read, with where it stands (`activity[3]`) for messages.
pub struct Fields<'t, 'i> {
    pub file: FileId,
    pub path: String,
    pub span: Span,
    table: &'t DeTable<'i>,
    known: Vec<&'static str>,
    /// The unit this table's money is written in: its own `money-unit`, else its parent's.
    pub unit: money::Unit,
}

impl<'t, 'i> Fields<'t, 'i> {
    pub fn new(file: FileId, path: impl Into<String>, span: Span, table: &'t DeTable<'i>) -> Self {
        Self { file, path: path.into(), span, table, known: Vec::new(), unit: money::Unit::Dong }
    }

    fn child(&self, path: String, span: Span, table: &'t DeTable<'i>) -> Self {
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
        Span::new(self.file, value.span())
    }

    /// The raw value of `key`; a required key that is absent is reported.
    pub fn raw(&mut self, key: &'static str, required: bool, d: &mut Vec<Diagnostic>) -> Option<&'t Value<'i>> {
        self.known.push(key);
        let found = self.table.iter().find(|(k, _)| k.get_ref() == key).map(|(_, v)| v);
        if found.is_none() && required {
            d.push(catalog::missing_key(&self.span, &self.key_path(key)));
        }
        found
    }

    fn wrong(&self, key: &str, value: &Value<'_>, expected: &str, d: &mut Vec<Diagnostic>) {
        d.push(catalog::wrong_type(&self.span_of(value), &self.key_path(key), expected, value.get_ref().type_str()));
    }

    pub fn string(&mut self, key: &'static str, required: bool, d: &mut Vec<Diagnostic>) -> Option<Sp<String>> {
        let value = self.raw(key, required, d)?;
        match value.get_ref() {
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
        let parsed = match value.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok(),
            _ => {
                self.wrong(key, value, "an integer", d);
                return None;
            }
        };
        if parsed.is_none() {
            d.push(catalog::invalid_value(
                &self.span_of(value),
                &format!("`{}` is too large", self.key_path(key)),
                "write a smaller whole number",
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
                d.push(catalog::invalid_value(
                    &year.span,
                    &format!("`{}` is not a year: `{}`", self.key_path(key), year.value),
                    "write a four-digit year, such as `2019`",
                ));
                None
            }
        }
    }

    pub fn boolean(&mut self, key: &'static str, d: &mut Vec<Diagnostic>) -> Option<Sp<bool>> {
        let value = self.raw(key, false, d)?;
        if let DeValue::Boolean(b) = value.get_ref() {
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
        match value.get_ref() {
            DeValue::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(date), None, None) => {
                    let parsed =
                        NaiveDate::from_ymd_opt(i32::from(date.year), u32::from(date.month), u32::from(date.day));
                    if parsed.is_none() {
                        d.push(catalog::impossible_date(&span, &format!("`{dt}` is not a day of the calendar")));
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
        self.amount_of(key, value, d)
    }

    /// An amount of money: an amount in whole đồng. The đồng has no smaller unit, so a
    /// fractional amount (`"1.000,5"`) is refused with that reason: its words could not be
    /// checked, and no payment is made in fractions of a đồng.
    pub fn money(&mut self, key: &'static str, required: bool, d: &mut Vec<Diagnostic>) -> Option<Sp<Decimal>> {
        let amount = self.amount(key, required, d)?;
        self.in_dong(key, amount, d)
    }

    /// An amount written in the table's unit, in đồng: `"17.825"` in triệu đồng is
    /// 17.825.000.000 đồng. What is not a whole number of đồng is refused.
    pub fn in_dong(&self, key: &str, amount: Sp<Decimal>, d: &mut Vec<Diagnostic>) -> Option<Sp<Decimal>> {
        let Some(value) = amount.value.checked_mul(self.unit.factor()) else {
            d.push(catalog::invalid_value(
                &amount.span,
                &format!("`{}` is too large once written in đồng", self.key_path(key)),
                "check the amount and the table's `money-unit`",
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
        let span = self.span_of(value);
        let parsed = match value.get_ref() {
            DeValue::Integer(i) => money::parse_toml_integer(i.as_str(), i.radix()),
            DeValue::String(s) => money::parse_amount(s),
            DeValue::Float(f) => {
                d.push(catalog::float_amount(&span, &self.key_path(key), f.as_str()));
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
                d.push(catalog::invalid_amount(&span, &self.key_path(key), &error));
                None
            }
        }
    }

    /// A list of strings; a lone string is accepted as a list of one.
    pub fn strings(&mut self, key: &'static str, d: &mut Vec<Diagnostic>) -> Vec<Sp<String>> {
        let Some(value) = self.raw(key, false, d) else { return Vec::new() };
        match value.get_ref() {
            DeValue::String(s) => vec![Sp::new(s.to_string(), self.span_of(value))],
            DeValue::Array(items) => items
                .iter()
                .filter_map(|item| match item.get_ref() {
                    DeValue::String(s) => Some(Sp::new(s.to_string(), self.span_of(item))),
                    _ => {
                        self.wrong(key, item, "a string", d);
                        None
                    }
                })
                .collect(),
            _ => {
                self.wrong(key, value, "a list of strings", d);
                Vec::new()
            }
        }
    }

    /// A sub-table (`[budget]` or an inline `{ … }`).
    pub fn table(&mut self, key: &'static str, required: bool, d: &mut Vec<Diagnostic>) -> Option<Fields<'t, 'i>> {
        let value = self.raw(key, required, d)?;
        if let DeValue::Table(table) = value.get_ref() {
            Some(self.child(self.key_path(key), self.span_of(value), table))
        } else {
            self.wrong(key, value, "a table", d);
            None
        }
    }

    /// An array of tables (`[[activity]]`), each with its index in the path.
    pub fn tables(&mut self, key: &'static str, d: &mut Vec<Diagnostic>) -> Vec<Fields<'t, 'i>> {
        let Some(value) = self.raw(key, false, d) else { return Vec::new() };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong(key, value, &format!("an array of tables (`[[{key}]]`)"), d);
            return Vec::new();
        };
        let mut tables = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            match item.get_ref() {
                DeValue::Table(table) => {
                    let path = format!("{}[{}]", self.key_path(key), index + 1);
                    tables.push(self.child(path, self.span_of(item), table));
                }
                _ => self.wrong(key, item, "a table", d),
            }
        }
        tables
    }

    /// The entry `key` of a data table (`breakdown`'s parts), when it is itself a table.
    pub fn sub_table(&self, key: &str, value: &'t Value<'i>) -> Option<Fields<'t, 'i>> {
        match value.get_ref() {
            DeValue::Table(table) => Some(self.child(self.key_path(key), self.span_of(value), table)),
            _ => None,
        }
    }

    /// The entries of a table whose keys are data (`breakdown = { giai-vang = 1 }`).
    pub fn entries(&self) -> impl Iterator<Item = (Sp<String>, &'t Value<'i>)> + '_ {
        self.table.iter().map(|(k, v)| (Sp::new(k.get_ref().to_string(), Span::new(self.file, k.span())), v))
    }

    /// Reports every key that no accessor asked for.
    ///
    /// Every table may also have `added`: the keys of that table that the team added and
    /// the source document does not say (an alias, a decision's lead), so that a reader
    /// can tell transcription from addition. Each must be a key of the table.
    pub fn finish(self, d: &mut Vec<Diagnostic>) {
        for (key, value) in self.table {
            let name = key.get_ref();
            if name == ADDED && !self.known.contains(&ADDED) {
                self.check_added(value, d);
                continue;
            }
            if !self.known.iter().any(|k| k == name) {
                let suggestion = suggest(name, self.known.iter().copied());
                d.push(catalog::unknown_key(
                    &Span::new(self.file, key.span()),
                    &self.key_path(name),
                    suggestion,
                    &self.known,
                ));
            }
        }
    }
}

/// The key that marks what the team added to a table.
const ADDED: &str = "added";

impl Fields<'_, '_> {
    fn check_added(&self, value: &Value<'_>, d: &mut Vec<Diagnostic>) {
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong(ADDED, value, "an array of key names", d);
            return;
        };
        for item in items {
            match item.get_ref() {
                DeValue::String(key)
                    if self.table.iter().any(|(k, _)| k.get_ref() == key.as_ref() && key.as_ref() != ADDED) => {}
                DeValue::String(key) => d.push(catalog::invalid_value(
                    &self.span_of(item),
                    &format!("`{}` names `{key}`, which is not a key of this table", self.key_path(ADDED)),
                    "list in `added` the keys of this table that the source document does not give",
                )),
                _ => self.wrong(ADDED, item, "a key name", d),
            }
        }
    }
}

/// The candidate nearest to `wanted`, when it is near enough to be what was meant.
pub fn suggest<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (strsim::jaro_winkler(wanted, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Whether `text` is an ASCII kebab-case slug: lowercase letters and digits in words
/// joined by single hyphens.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.split('-').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}
