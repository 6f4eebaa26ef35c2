//! Text → spanned TOML tree. The parser recovers from errors, so every syntax error of a
//! file is reported in one run; a file with syntax errors is not lowered further, since a
//! half-parsed tree would only add misleading "missing key" noise.

use toml::de::DeTable;

use crate::diag::{Diagnostic, catalog};
use crate::source::{FileId, Span};

/// Parses `text`; returns the tree when the file is valid TOML, and the syntax diagnostics.
pub fn parse_toml(file: FileId, text: &str) -> (Option<DeTable<'_>>, Vec<Diagnostic>) {
    let (table, errors) = DeTable::parse_recoverable(text);
    if errors.is_empty() {
        return (Some(table.into_inner()), Vec::new());
    }
    let diagnostics = errors
        .iter()
        .map(|error| {
            let range = error.span().unwrap_or(0..0);
            let span = Span::new(file, range);
            let message = error.message().trim();
            if message.starts_with("invalid date") || message.starts_with("invalid time") {
                catalog::impossible_date(&span, message)
            } else {
                catalog::toml_syntax(&span, message)
            }
        })
        .collect();
    (None, diagnostics)
}
