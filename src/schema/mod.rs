//! The keys of the three kinds of file, with their types and descriptions, and the JSON
//! Schema generated from them (`plan schema KIND`, `schemas/*.json`). The language server
//! completes keys from the same tables. A test lowers a file built from these tables and
//! checks that the lowering asks for exactly these keys, in this order, and requires the
//! same ones: the tables cannot drift from what `plan check` accepts.

mod spec;

use serde_json::{Map, Value, json};

pub use spec::{DECISION, PLAN, PROGRESS};

/// What a key holds.
#[derive(Debug, Clone, Copy)]
pub enum Ty {
    Text,
    /// ASCII kebab-case.
    Id,
    Year,
    Bool,
    /// A TOML local date.
    Date,
    /// A count or amount: an integer or a string in Vietnamese notation.
    Amount,
    /// An amount in whole đồng.
    Money,
    /// `"MM-DD"`.
    MonthDay,
    /// A list of strings, or one string.
    Strings,
    /// One of these strings.
    OneOf(&'static [&'static str]),
    Table(&'static Table),
    /// An array of tables (`[[activity]]`).
    Tables(&'static Table),
    /// A table whose keys are data: years (`budget-by-year`) or part ids (`breakdown`), each
    /// an amount.
    AmountMap {
        years: bool,
    },
    /// Amounts of money keyed by source of funds (`by-source`).
    SourceMap,
    /// A target: a count, or a table that says how it is meant (`{ at-least = 100 }`).
    Target(&'static Table),
}

#[derive(Debug)]
pub struct Key {
    pub name: &'static str,
    pub ty: Ty,
    pub required: bool,
    pub vi: &'static str,
    pub en: &'static str,
}

#[derive(Debug)]
pub struct Table {
    pub vi: &'static str,
    pub en: &'static str,
    pub keys: &'static [Key],
}

/// The kinds of file, by the name of their top-level table.
pub const KINDS: [(&str, &Table); 3] = [("decision", &DECISION), ("plan", &PLAN), ("progress", &PROGRESS)];

/// The root table of a kind of file.
pub fn root(kind: &str) -> Option<&'static Table> {
    KINDS.iter().find(|(k, _)| *k == kind).map(|(_, t)| *t)
}

/// The table at a dotted path of table names from the root (`["budget", "line"]`).
pub fn table_at(root: &'static Table, path: &[&str]) -> Option<&'static Table> {
    let mut table = root;
    for name in path {
        let key = table.keys.iter().find(|k| k.name == *name)?;
        table = match key.ty {
            Ty::Table(t) | Ty::Tables(t) | Ty::Target(t) => t,
            _ => return None,
        };
    }
    Some(table)
}

/// An amount in a string: digits grouped by three with `.`, optional decimals after `,`.
pub const AMOUNT_PATTERN: &str = r"^([0-9]+|[0-9]{1,3}(\.[0-9]{3})+)(,[0-9]+)?$";
/// An amount of money: grouped by three with `.`, decimals after `,` — in a table whose
/// `money-unit` is triệu, `57,35` is 57.350.000 đồng. A schema cannot know the unit a
/// parent table sets; that the amount is whole đồng once in its unit is `plan check`'s
/// (`fractional-dong`).
pub const MONEY_PATTERN: &str = r"^([0-9]+|[0-9]{1,3}(\.[0-9]{3})+)(,[0-9]+)?$";

/// The description editors show: Vietnamese, then English.
pub fn describe(vi: &str, en: &str) -> String {
    format!("{vi}\n\n{en}")
}

/// The JSON Schema of a kind of file.
pub fn schema(kind: &str) -> Option<Value> {
    let table = root(kind)?;
    let mut value = table_schema(table);
    if let Value::Object(map) = &mut value {
        let mut head = Map::new();
        head.insert("$schema".into(), json!("http://json-schema.org/draft-07/schema#"));
        head.insert("$id".into(), json!(format!("https://plan.invalid/schemas/{kind}.schema.json")));
        head.insert("title".into(), json!(format!("plan: {kind} file")));
        head.append(map);
        return Some(Value::Object(head));
    }
    Some(value)
}

fn described(mut value: Value, vi: &str, en: &str) -> Value {
    if let Value::Object(map) = &mut value {
        map.insert("description".into(), json!(describe(vi, en)));
        map.insert("x-description-vi".into(), json!(vi));
        map.insert("x-description-en".into(), json!(en));
    }
    value
}

fn table_schema(table: &Table) -> Value {
    let mut properties = Map::new();
    for key in table.keys {
        properties.insert(key.name.into(), described(type_schema(key.ty), key.vi, key.en));
    }
    let names: Vec<&str> = table.keys.iter().map(|k| k.name).collect();
    properties.insert(
        "added".into(),
        described(
            json!({ "type": "array", "items": { "type": "string", "enum": names } }),
            "Các khóa của bảng này do nhóm bổ sung, văn bản gốc không ghi.",
            "The keys of this table that the team added and the source document does not say.",
        ),
    );
    let required: Vec<&str> = table.keys.iter().filter(|k| k.required).map(|k| k.name).collect();
    let mut map = Map::new();
    map.insert("type".into(), json!("object"));
    map.insert("description".into(), json!(describe(table.vi, table.en)));
    map.insert("properties".into(), Value::Object(properties));
    if !required.is_empty() {
        map.insert("required".into(), json!(required));
    }
    map.insert("additionalProperties".into(), json!(false));
    Value::Object(map)
}

fn amount_schema(pattern: &str) -> Value {
    json!({
        "anyOf": [
            { "type": "integer", "minimum": 0 },
            { "type": "string", "pattern": pattern },
        ]
    })
}

fn type_schema(ty: Ty) -> Value {
    match ty {
        Ty::Text => json!({ "type": "string" }),
        Ty::Id => json!({ "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$" }),
        Ty::Year => json!({ "type": "integer", "minimum": 1900, "maximum": 2999 }),
        Ty::Bool => json!({ "type": "boolean" }),
        Ty::Date => json!({ "type": "string", "format": "date" }),
        Ty::Amount => amount_schema(AMOUNT_PATTERN),
        Ty::Money => amount_schema(MONEY_PATTERN),
        Ty::MonthDay => json!({ "type": "string", "pattern": "^[0-9]{2}-[0-9]{2}$" }),
        Ty::Strings => json!({
            "anyOf": [
                { "type": "string" },
                { "type": "array", "items": { "type": "string" } },
            ]
        }),
        Ty::OneOf(names) => json!({ "type": "string", "enum": names }),
        Ty::Table(table) => table_schema(table),
        Ty::Tables(table) => json!({ "type": "array", "items": table_schema(table) }),
        Ty::Target(table) => json!({ "anyOf": [amount_schema(AMOUNT_PATTERN), table_schema(table)] }),
        Ty::SourceMap => json!({
            "type": "object",
            "propertyNames": { "enum": ["trung-uong", "dia-phuong", "nha-nuoc", "doanh-nghiep", "khac"] },
            "additionalProperties": amount_schema(AMOUNT_PATTERN),
        }),
        Ty::AmountMap { years } => {
            let mut map = Map::new();
            map.insert("type".into(), json!("object"));
            if years {
                map.insert("propertyNames".into(), json!({ "pattern": "^[0-9]{4}$" }));
            }
            let value = if years {
                amount_schema(AMOUNT_PATTERN)
            } else {
                // A breakdown part: a count, or `{ count, name }`.
                json!({ "anyOf": [
                    amount_schema(AMOUNT_PATTERN),
                    {
                        "type": "object",
                        "properties": { "count": amount_schema(AMOUNT_PATTERN), "name": { "type": "string" } },
                        "required": ["count"],
                        "additionalProperties": false,
                    },
                ] })
            };
            map.insert("additionalProperties".into(), value);
            Value::Object(map)
        }
    }
}

/// `schema(kind)` as the committed file holds it: pretty JSON and a final newline.
pub fn schema_text(kind: &str) -> Option<String> {
    let value = schema(kind)?;
    serde_json::to_string_pretty(&value).ok().map(|s| s + "\n")
}

#[cfg(test)]
mod tests;
