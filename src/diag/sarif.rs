//! SARIF 2.1.0 (OASIS), the log GitHub code scanning and editors' SARIF viewers read: one
//! run, one rule per diagnostic code (its one-line summary from docs/diagnostics.md and a link
//! to its section there), one result per diagnostic with its file, region and level.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::{Code, Diagnostic, Lang, Severity};
use crate::source::{Sources, Span};

/// The schema the log declares, as published by OASIS.
pub const SCHEMA: &str = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// Where each code's section lives, in the repository: `DOCS#code`.
pub const DOCS: &str = "docs/diagnostics.md";

/// The repository's web address (`repository` in Cargo.toml), when the package names one:
/// then rules carry an absolute `helpUri` into it, else only the relative link in their help.
const REPOSITORY: Option<&str> = option_env!("CARGO_PKG_REPOSITORY");

fn repository() -> Option<&'static str> {
    REPOSITORY.filter(|r| !r.is_empty()).map(|r| r.trim_end_matches('/'))
}

/// The base of relative artifact URIs: the directory `plan check` ran in.
const SRCROOT: &str = "SRCROOT";

/// The code table of docs/diagnostics.md, the one place each code's summary is written.
const DIAGNOSTICS_MD: &str = include_str!("../../docs/diagnostics.md");

/// The one-line summary of a code: its "catches" cell in docs/diagnostics.md.
pub fn summary(code: Code) -> Option<&'static str> {
    let start = format!("| [`{code}`](#{code}) |");
    DIAGNOSTICS_MD.lines().find_map(|line| {
        let rest = line.strip_prefix(start.as_str())?;
        // `severity | catches |`
        let (_, catches) = rest.split_once('|')?;
        Some(catches.trim().trim_end_matches('|').trim())
    })
}

/// A rule's one-line summary in `lang`: the first sentence of what the catalogue says the
/// code means (in English, the "catches" cell of docs/diagnostics.md).
pub fn rule_summary(code: Code, lang: Lang) -> &'static str {
    let meaning = super::catalog::explain::explain(code).meaning(lang);
    let first = meaning.split(". ").next().unwrap_or(meaning);
    first.strip_suffix('.').unwrap_or(first)
}

pub fn render_sarif(out: &mut dyn Write, sources: &Sources, diagnostics: &[Diagnostic], lang: Lang) -> io::Result<()> {
    render_sarif_capped(out, sources, diagnostics, &[], lang)
}

/// [`render_sarif`], with what the per-file cap left out as one tool notification per file
/// and code (level `note`, the count in its properties), in the run's invocation.
pub fn render_sarif_capped(
    out: &mut dyn Write,
    sources: &Sources,
    diagnostics: &[Diagnostic],
    suppressed: &[super::cap::Suppressed],
    lang: Lang,
) -> io::Result<()> {
    let rules: Vec<Value> = Code::ALL.iter().map(|&code| rule(code, lang)).collect();
    let results: Vec<Value> = diagnostics.iter().map(|d| result(sources, d, lang)).collect();
    let mut driver = json!({
        "name": "plan",
        "version": env!("CARGO_PKG_VERSION"),
        "rules": rules,
    });
    if let (Some(repo), Some(o)) = (repository(), driver.as_object_mut()) {
        o.insert("informationUri".into(), json!(repo));
    }
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": driver },
            "originalUriBaseIds": { SRCROOT: { "description": { "text": "the directory plan check ran in" } } },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut log = log;
    if !suppressed.is_empty()
        && let Some(run) = log.pointer_mut("/runs/0").and_then(Value::as_object_mut)
    {
        let notifications: Vec<Value> = suppressed
            .iter()
            .map(|s| {
                json!({
                    "level": "note",
                    "message": { "text": super::cap::message(s, lang) },
                    "descriptor": { "id": s.code.as_str() },
                    "locations": [{ "physicalLocation": { "artifactLocation": artifact(&sources.get(s.file).name) } }],
                    "properties": { "notShown": s.count },
                })
            })
            .collect();
        run.insert(
            "invocations".into(),
            json!([{ "executionSuccessful": true, "toolExecutionNotifications": notifications }]),
        );
    }
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn rule(code: Code, lang: Lang) -> Value {
    let text = rule_summary(code, lang);
    let see = match lang {
        Lang::Vi => "Xem",
        Lang::En => "See",
    };
    let mut value = json!({
        "id": code.as_str(),
        "name": code.as_str(),
        "shortDescription": { "text": text },
        "fullDescription": { "text": text },
        "help": {
            "text": format!("{text}. {see} {DOCS}#{code}."),
            "markdown": format!("{text}. {see} [`{code}`]({DOCS}#{code})."),
        },
        "defaultConfiguration": { "level": level(code.severity()) },
    });
    if let (Some(repo), Some(o)) = (repository(), value.as_object_mut()) {
        o.insert("helpUri".into(), json!(format!("{repo}/blob/main/{DOCS}#{code}")));
    }
    value
}

fn result(sources: &Sources, d: &Diagnostic, lang: Lang) -> Value {
    let message = d.text_with_help(lang);
    let rule_index = Code::ALL.iter().position(|&c| c == d.code).unwrap_or(0);
    let mut value = json!({
        "ruleId": d.code.as_str(),
        "ruleIndex": rule_index,
        "level": level(d.severity),
        "message": { "text": message },
        "locations": [location(sources, &d.primary.span, d.primary.message.get(lang))],
    });
    if !d.secondary.is_empty()
        && let Some(object) = value.as_object_mut()
    {
        let related: Vec<Value> = d
            .secondary
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let mut loc = location(sources, &l.span, l.message.get(lang));
                if let Some(o) = loc.as_object_mut() {
                    o.insert("id".into(), json!(i));
                }
                loc
            })
            .collect();
        object.insert("relatedLocations".into(), Value::Array(related));
    }
    value
}

fn location(sources: &Sources, span: &Span, message: &str) -> Value {
    let at = sources.locate(span);
    let name = &sources.get(span.file).name;
    let mut value = json!({
        "physicalLocation": {
            "artifactLocation": artifact(name),
            "region": {
                "startLine": at.line,
                "startColumn": at.column,
                "endLine": at.end_line,
                "endColumn": at.end_column,
            },
        },
    });
    if !message.is_empty()
        && let Some(o) = value.as_object_mut()
    {
        o.insert("message".into(), json!({ "text": message }));
    }
    value
}

/// A file as SARIF names it: a relative URI against `SRCROOT`, or a `file://` URI for an
/// absolute path; bytes other than unreserved ones and `/` percent-encoded (RFC 3986).
fn artifact(name: &str) -> Value {
    let encoded = percent_encode(name);
    if name.starts_with('/') {
        json!({ "uri": format!("file://{encoded}") })
    } else {
        json!({ "uri": encoded, "uriBaseId": SRCROOT })
    }
}

fn percent_encode(text: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_summary_in_the_docs() {
        for &code in Code::ALL {
            assert!(summary(code).is_some_and(|s| !s.is_empty()), "{code} has no row in docs/diagnostics.md");
        }
        assert_eq!(summary(Code::TomlSyntax), Some("The file is not valid TOML"));
    }

    #[test]
    fn rules_are_summed_up_from_the_catalogue_in_both_languages() {
        for &code in Code::ALL {
            assert_eq!(summary(code), Some(rule_summary(code, Lang::En)), "{code}: regenerate docs/diagnostics.md");
        }
        assert_eq!(
            rule_summary(Code::TomlSyntax, Lang::Vi),
            "Tệp viết sai cú pháp, nên không đọc được: thiếu dấu ngoặc kép, số tiền hay ngày viết như trong văn bản"
        );
    }

    #[test]
    fn paths_are_percent_encoded_relative_uris() {
        assert_eq!(percent_encode("plans/kế hoạch.toml"), "plans/k%E1%BA%BF%20ho%E1%BA%A1ch.toml");
        assert_eq!(artifact("a b.toml"), json!({ "uri": "a%20b.toml", "uriBaseId": "SRCROOT" }));
        assert_eq!(artifact("/tmp/p.toml"), json!({ "uri": "file:///tmp/p.toml" }));
    }
}
