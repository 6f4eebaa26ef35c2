use std::collections::BTreeSet;

use super::{KINDS, Table, Ty};
use crate::diag::{Code, Diagnostic};
use crate::lower::lower_document;
use crate::parse::parse_toml;
use crate::source::FileId;

const BOGUS: &str = "zzz-bogus";

fn sample(ty: Ty, keep_required: bool) -> String {
    match ty {
        Ty::Text => "\"x\"".into(),
        Ty::Id => "\"a-b\"".into(),
        Ty::Year => "2019".into(),
        Ty::Bool => "true".into(),
        Ty::Date => "2019-01-02".into(),
        Ty::Amount | Ty::Money => "1".into(),
        Ty::MonthDay => "\"06-30\"".into(),
        Ty::Strings => "[\"x\"]".into(),
        Ty::OneOf(names) => format!("\"{}\"", names.first().copied().unwrap_or_default()),
        Ty::Table(t) | Ty::Target(t) => inline(t, keep_required),
        Ty::Tables(t) => format!("[{}]", inline(t, keep_required)),
        Ty::AmountMap { .. } | Ty::SourceMap => "{}".into(),
    }
}

/// A table with every key (or every key but the required scalars) and a bogus key.
fn inline(table: &Table, keep_required: bool) -> String {
    let mut parts: Vec<String> = table
        .keys
        .iter()
        .filter(|k| keep_required || !k.required || matches!(k.ty, Ty::Table(_) | Ty::Tables(_)))
        .map(|k| format!("{} = {}", k.name, sample(k.ty, keep_required)))
        .collect();
    parts.push(format!("{BOGUS} = 1"));
    format!("{{ {} }}", parts.join(", "))
}

fn document(root: &Table, keep_required: bool) -> String {
    let mut lines: Vec<String> =
        root.keys.iter().map(|k| format!("{} = {}", k.name, sample(k.ty, keep_required))).collect();
    lines.push(format!("{BOGUS} = 1"));
    lines.join("\n") + "\n"
}

fn lowered(text: &str) -> Vec<Diagnostic> {
    let (tree, mut d) = parse_toml(FileId(0), text);
    assert!(d.is_empty(), "{text}: {d:?}");
    let tree = tree.unwrap_or_default();
    lower_document(FileId(0), &tree, text, &mut d);
    d
}

/// Every table's path, with its keys.
fn tables(path: &str, table: &'static Table, out: &mut Vec<(String, &'static Table)>) {
    out.push((path.to_owned(), table));
    for key in table.keys {
        let sub = if path.is_empty() { key.name.to_owned() } else { format!("{path}.{}", key.name) };
        match key.ty {
            Ty::Table(t) | Ty::Target(t) => tables(&sub, t, out),
            Ty::Tables(t) => tables(&format!("{sub}[1]"), t, out),
            _ => {}
        }
    }
}

#[test]
fn the_lowering_reads_exactly_the_keys_of_the_tables() {
    for (kind, root) in KINDS {
        let d = lowered(&document(root, true));
        let mut all = Vec::new();
        tables("", root, &mut all);
        for (path, table) in &all {
            let bogus = if path.is_empty() { BOGUS.to_owned() } else { format!("{path}.{BOGUS}") };
            let found: Vec<&Diagnostic> = d
                .iter()
                .filter(|x| x.code == Code::UnknownKey && x.message.en == format!("unknown key `{bogus}`"))
                .collect();
            assert_eq!(found.len(), 1, "{kind}: {bogus}: {d:#?}");
            let help = found.first().and_then(|x| x.help.clone()).map(|h| h.en).unwrap_or_default();
            let list = help.strip_prefix("the keys here are ").unwrap_or(&help);
            let mut known: Vec<String> = Vec::new();
            for name in list.split(", ").flat_map(|p| p.split(" or ")) {
                let name = name.trim_matches('`').to_owned();
                if !known.contains(&name) {
                    known.push(name);
                }
            }
            let spec: Vec<String> = table.keys.iter().map(|k| k.name.to_owned()).collect();
            assert_eq!(known, spec, "{kind}: keys of `{path}`");
        }
        let unknown = d.iter().filter(|x| x.code == Code::UnknownKey).count();
        assert_eq!(unknown, all.len(), "{kind}: only the bogus keys are unknown: {d:#?}");
        assert!(!d.iter().any(|x| x.code == Code::MissingKey), "{kind}: {d:#?}");
    }
}

#[test]
fn the_lowering_requires_exactly_the_required_keys() {
    for (kind, root) in KINDS {
        let d = lowered(&document(root, false));
        let missing: BTreeSet<String> =
            d.iter().filter(|x| x.code == Code::MissingKey).map(|x| x.message.en.clone()).collect();
        let mut all = Vec::new();
        tables("", root, &mut all);
        let expected: BTreeSet<String> = all
            .iter()
            .flat_map(|(path, table)| {
                table.keys.iter().filter(|k| k.required && !matches!(k.ty, Ty::Table(_) | Ty::Tables(_))).map(
                    move |k| {
                        let key = if path.is_empty() { k.name.to_owned() } else { format!("{path}.{}", k.name) };
                        format!("missing key `{key}`")
                    },
                )
            })
            .collect();
        assert_eq!(missing, expected, "{kind}");
        // The required tables: a file with only its head table, empty.
        let head = root.keys.iter().find(|k| k.required).map(|k| k.name).unwrap_or_default();
        let d = lowered(&format!("[{head}]\n"));
        let missing: BTreeSet<String> =
            d.iter().filter(|x| x.code == Code::MissingKey).map(|x| x.message.en.clone()).collect();
        let expected: BTreeSet<String> = super::table_at(root, &[head])
            .map(|t| t.keys.iter().filter(|k| k.required).map(|k| format!("missing key `{head}.{}`", k.name)).collect())
            .unwrap_or_default();
        assert_eq!(missing, expected, "{kind}: an empty head");
    }
}

#[test]
fn the_schema_lists_the_kinds_and_units_the_lowering_reads() {
    let kinds: Vec<&str> = crate::model::DocumentKind::ALL.iter().map(|k| k.as_str()).collect();
    assert_eq!(kinds, super::spec::DOCUMENT_KINDS);
    assert_eq!(crate::money::Unit::NAMES, super::spec::MONEY_UNITS);
}
