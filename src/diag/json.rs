//! The JSON product of `plan check`: one document, described in docs/diagnostics.md.

use std::io::{self, Write};

use serde::Serialize;

use super::{Diagnostic, Lang, Severity, Summary};
use crate::source::{Sources, Span};

/// The version of the document's shape; it changes only when a field changes meaning.
pub const FORMAT: &str = "plan-check/1";

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    files: usize,
    errors: usize,
    warnings: usize,
    diagnostics: Vec<Entry<'a>>,
    /// Files that could not be read at all (counted in `errors`); absent when none.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    unreadable: &'a [String],
    /// What the per-file cap left out (counted in `errors` and `warnings`); absent when
    /// nothing was.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressed: Vec<NotShown<'a>>,
}

/// Diagnostics of one code in one file that were counted but not shown.
#[derive(Serialize)]
struct NotShown<'a> {
    file: &'a str,
    code: &'static str,
    severity: Severity,
    count: usize,
}

#[derive(Serialize)]
struct Entry<'a> {
    code: &'static str,
    severity: Severity,
    message: &'a str,
    #[serde(flatten)]
    at: Place<'a>,
    label: &'a str,
    help: Option<&'a str>,
    related: Vec<Related<'a>>,
}

#[derive(Serialize)]
struct Related<'a> {
    #[serde(flatten)]
    at: Place<'a>,
    message: &'a str,
}

#[derive(Serialize)]
struct Place<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

fn place<'a>(sources: &'a Sources, span: &Span) -> Place<'a> {
    let at = sources.locate(span);
    Place {
        file: &sources.get(span.file).name,
        line: at.line,
        column: at.column,
        end_line: at.end_line,
        end_column: at.end_column,
    }
}

pub fn render_json(
    out: &mut dyn Write,
    sources: &Sources,
    diagnostics: &[Diagnostic],
    summary: Summary,
    lang: Lang,
) -> io::Result<()> {
    render_json_with(out, sources, diagnostics, summary, &[], lang)
}

/// [`render_json`] with the messages of files that could not be read, so that the document
/// never says `"errors": 0` about files it could not check.
pub fn render_json_with(
    out: &mut dyn Write,
    sources: &Sources,
    diagnostics: &[Diagnostic],
    summary: Summary,
    unreadable: &[String],
    lang: Lang,
) -> io::Result<()> {
    render_json_capped(out, sources, diagnostics, summary, unreadable, &[], lang)
}

/// [`render_json_with`], with what the per-file cap left out (`suppressed`).
pub fn render_json_capped(
    out: &mut dyn Write,
    sources: &Sources,
    diagnostics: &[Diagnostic],
    summary: Summary,
    unreadable: &[String],
    suppressed: &[super::cap::Suppressed],
    lang: Lang,
) -> io::Result<()> {
    let document = Document {
        unreadable,
        suppressed: suppressed
            .iter()
            .map(|s| NotShown {
                file: &sources.get(s.file).name,
                code: s.code.as_str(),
                severity: s.severity(),
                count: s.count,
            })
            .collect(),
        format: FORMAT,
        files: summary.files,
        errors: summary.errors + unreadable.len(),
        warnings: summary.warnings,
        diagnostics: diagnostics
            .iter()
            .map(|d| Entry {
                code: d.code.as_str(),
                severity: d.severity,
                message: d.message.get(lang),
                at: place(sources, &d.primary.span),
                label: d.primary.message.get(lang),
                help: d.help.as_ref().map(|h| h.get(lang)),
                related: d
                    .secondary
                    .iter()
                    .map(|l| Related { at: place(sources, &l.span), message: l.message.get(lang) })
                    .collect(),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}
