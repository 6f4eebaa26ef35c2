//! Text → spanned TOML tree. The parser recovers from errors, so every syntax error of a
//! file is reported in one run; a file with syntax errors is not lowered further, since a
//! half-parsed tree would only add misleading "missing key" noise.

use std::ops::Range;

use toml::de::DeTable;
use toml_parser::lexer::TokenKind;

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
            // The parser's one error without a place is a key of more parts than it nests
            // (`a.b.c…`, past 80): point at the longest key rather than at the first line.
            let range = error.span().or_else(|| longest_key(text)).unwrap_or(0..0);
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

/// The span of the dotted key (`a.b.c`) with the most parts, when one has more than one.
fn longest_key(text: &str) -> Option<Range<usize>> {
    let mut longest: Option<(usize, Range<usize>)> = None;
    let mut run: Option<(usize, Range<usize>)> = None;
    let mut after_dot = false;
    for token in toml_parser::Source::new(text).lex() {
        let span = token.span().start()..token.span().end();
        match token.kind() {
            TokenKind::Atom | TokenKind::BasicString | TokenKind::LiteralString => {
                let (parts, range) = match run.take() {
                    Some((parts, range)) if after_dot => (parts + 1, range.start..span.end),
                    _ => (1, span),
                };
                if longest.as_ref().is_none_or(|(most, _)| parts > *most) {
                    longest = Some((parts, range.clone()));
                }
                run = Some((parts, range));
                after_dot = false;
            }
            TokenKind::Dot => after_dot = true,
            TokenKind::Whitespace => {}
            _ => {
                run = None;
                after_dot = false;
            }
        }
    }
    longest.filter(|(parts, _)| *parts > 1).map(|(_, range)| range)
}
