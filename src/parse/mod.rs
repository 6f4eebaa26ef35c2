//! Text → spanned TOML tree ([`tree::Table`]). A valid file's tree is built straight from the
//! parser's events ([`events`]); a file with an error is parsed by the toml crate, whose
//! parser recovers from errors, so every syntax error of a file is reported in one run (the
//! first [`MAX_SYNTAX_ERRORS`], then how many more); a file with syntax errors is not lowered
//! further, since a half-parsed tree would only add misleading "missing key" noise.

use std::ops::Range;

pub mod events;
pub mod tree;

use toml::de::DeTable;
use toml_parser::lexer::TokenKind;

use self::tree::Table;

use crate::diag::{Diagnostic, catalog};
use crate::source::{FileId, Span};

/// At most this many syntax errors are shown for one file, then a count of the rest: a
/// 60 MB file of garbage has tens of millions, which would take more memory than the
/// machine has and print gigabytes.
pub const MAX_SYNTAX_ERRORS: usize = 100;

/// Parses `text`; returns the tree when the file is valid TOML, and the syntax diagnostics
/// (the last one the count of those past [`MAX_SYNTAX_ERRORS`]).
pub fn parse_toml(file: FileId, text: &str) -> (Option<Table<'_>>, Vec<Diagnostic>) {
    let (tree, mut diagnostics, more) = parse_toml_counted(file, text);
    if let Some((span, count)) = more {
        diagnostics.push(catalog::toml_syntax_more(&span, count));
    }
    (tree, diagnostics)
}

/// [`parse_toml`], with the syntax errors past [`MAX_SYNTAX_ERRORS`] given as where the
/// first of them is and how many there are, not as a diagnostic: a run of `plan check`
/// counts them in its totals and says so in one closing line (`diag::cap`).
pub fn parse_toml_counted(file: FileId, text: &str) -> Parsed<'_> {
    parse_toml_harvested(file, text, &mut ()).0
}

/// [`parse_toml_counted`], with the elements of top-level arrays of tables handed to
/// `harvest` as they close ([`events::Harvest`]); `true` with it when the tree is the one
/// they were taken from. When it is not (the file has an error and the toml crate parsed
/// it again), the tree is whole, and what `harvest` took is not for it.
pub fn parse_toml_harvested<'i>(
    file: FileId,
    text: &'i str,
    harvest: &mut dyn events::Harvest<'i>,
) -> (Parsed<'i>, bool) {
    if let Some(tree) = events::tree_harvested(text, harvest) {
        return ((Some(tree), Vec::new(), None), true);
    }
    (parse_by_the_crate(file, text), false)
}

/// The toml crate's parse of `text`: its errors, or its tree when it has none.
fn parse_by_the_crate(file: FileId, text: &str) -> Parsed<'_> {
    if text.len() > 2 * CHUNK_BYTES
        && let Some(dense) = error_dense(file, text)
    {
        return dense;
    }
    let (table, errors) = DeTable::parse_recoverable(text);
    if errors.is_empty() {
        // Not reached unless the two parsers disagree: the file is valid after all.
        return (Some(Table::from_toml(table.get_ref())), Vec::new(), None);
    }
    shown(file, text, &errors, errors.len())
}

/// A large file is first parsed on its first [`PROBE_BYTES`] alone: when that already has
/// more syntax errors than are shown, the file is error-dense (junk, or not TOML), and
/// parsing it whole would hold every error at once — 1.9 GB for 60 MB of junk lines. Its
/// first errors are then those of the first chunk, and the rest are counted chunk by
/// chunk, each cut at a line end, so that no more than a chunk's errors are held at once.
/// A construct cut in two by a chunk's end (a multi-line string or array) may count an
/// error more or less than a parse of the whole file would: the count is that of the
/// chunks, and the file is not lowered either way.
const CHUNK_BYTES: usize = 1 << 20;

/// A file's tree when it is valid, its syntax diagnostics, and where the first not shown is
/// with how many are not.
pub type Parsed<'a> = (Option<Table<'a>>, Vec<Diagnostic>, Option<(Span, usize)>);

/// How much of a large file is parsed first to tell whether it is error-dense. Small, so
/// that a large valid file is not parsed a megabyte more than it is long: parsing the
/// first MiB again made a plan of 16,000 activities cost 5.4× one of 4,000, not 4×. Junk
/// has thousands of errors in its first 64 KiB (one a line); a real file none.
const PROBE_BYTES: usize = 1 << 16;

fn error_dense(file: FileId, text: &str) -> Option<Parsed<'_>> {
    let head = cut(text, PROBE_BYTES);
    let (_, errors) = DeTable::parse_recoverable(head);
    if errors.len() <= MAX_SYNTAX_ERRORS {
        return None;
    }
    let mut total = errors.len();
    let mut rest = text.get(head.len()..).unwrap_or_default();
    while !rest.is_empty() {
        let part = chunk(rest);
        total += DeTable::parse_recoverable(part).1.len();
        rest = rest.get(part.len()..).unwrap_or_default();
    }
    Some(shown(file, head, &errors, total))
}

/// The start of `text` up to the end of the line that [`CHUNK_BYTES`] falls in.
fn chunk(text: &str) -> &str {
    cut(text, CHUNK_BYTES)
}

/// The start of `text` up to the end of the line that byte `at` falls in.
fn cut(text: &str, at: usize) -> &str {
    match text.get(at..).and_then(|after| after.find('\n')) {
        Some(end) => text.get(..at + end + 1).unwrap_or(text),
        None => text,
    }
}

/// The diagnostics of the first [`MAX_SYNTAX_ERRORS`] of `errors` (of `total` in the file)
/// and where the first not shown is, with how many are not.
fn shown<'a>(file: FileId, text: &str, errors: &[toml::de::Error], total: usize) -> Parsed<'a> {
    let mut openings = unclosed(text);
    let diagnostics: Vec<Diagnostic> = errors
        .iter()
        .take(MAX_SYNTAX_ERRORS)
        .map(|error| {
            // The parser's one error without a place is a key of more parts than it nests
            // (`a.b.c…`, past 80): point at the longest key rather than at the first line.
            let range = error.span().or_else(|| longest_key(text)).unwrap_or(0..0);
            let span = Span::new(file, range);
            let message = error.message().trim();
            // Each opening once, in order: nested ones may be reported at the same offset.
            let opening = openings.iter().position(|(what, end, _)| *end == span.start() && message.starts_with(what));
            if let Some((_, _, open)) = opening.map(|n| openings.remove(n)) {
                catalog::toml_unclosed(&Span::new(file, open), message, &span)
            } else if message.starts_with("invalid date") || message.starts_with("invalid time") {
                let value = value_at(text, span.start());
                match value.and_then(catalog::syntax_fix) {
                    // `2020-6-30`: the format, not a day that does not exist.
                    Some(fix) => catalog::date_format(&span, message, fix),
                    None => catalog::impossible_date(&span, message, value.and_then(year_month)),
                }
            } else {
                catalog::toml_syntax(&span, message, value_at(text, span.start()))
            }
        })
        .collect();
    let more = errors
        .get(MAX_SYNTAX_ERRORS)
        .map(|first| (Span::new(file, first.span().unwrap_or(0..0)), total - MAX_SYNTAX_ERRORS));
    (None, diagnostics, more)
}

/// The value written after `=` on the line of `offset` (a comment after it left out), so
/// that a help line can give the corrected value of an amount or a date typed as in a
/// document.
fn value_at(text: &str, offset: usize) -> Option<&str> {
    let start = text.get(..offset)?.rfind('\n').map_or(0, |n| n + 1);
    let end = text.get(offset..)?.find('\n').map_or(text.len(), |n| offset + n);
    let line = text.get(start..end)?;
    let (_, value) = line.split_once('=')?;
    let value = value.split(" #").next().unwrap_or(value).trim();
    (!value.is_empty()).then_some(value)
}

/// The year and month of `YYYY-MM-DD`, with the day, when the text is one.
fn year_month(value: &str) -> Option<(i32, u32, u32)> {
    let mut parts = value.get(..10)?.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    Some((y.parse().ok()?, m.parse().ok()?, d.parse().ok()?))
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

/// Each array, inline table and multi-line string of `text` that is never closed: the start
/// of the parser's message about it, the offset it reports it at, and where it opens. The
/// parser reports these where it gave up looking for the end — often the end of the file,
/// lines below the mistake — so they are shown at the opening instead.
fn unclosed(text: &str) -> Vec<(&'static str, usize, Range<usize>)> {
    let source = toml_parser::Source::new(text);
    let tokens = source.lex().into_vec();
    let mut found = Vec::new();
    for token in &tokens {
        let span = token.span().start()..token.span().end();
        let (what, delimiter) = match token.kind() {
            TokenKind::MlBasicString => ("invalid multi-line basic string", "\"\"\""),
            TokenKind::MlLiteralString => ("invalid multi-line literal string", "\'\'\'"),
            _ => continue,
        };
        let raw = &text[span.clone()];
        if raw.len() < 2 * delimiter.len() || !raw.ends_with(delimiter) {
            found.push((what, span.end, span.start..span.start + delimiter.len()));
        }
    }
    // Only these errors are kept: a broken file may have millions of others.
    let mut keep = |error: toml_parser::ParseError| {
        let what = match error.description() {
            "unclosed array" => "unclosed array,",
            "unclosed inline table" => "unclosed inline table",
            _ => return,
        };
        if let (Some(end), Some(open)) = (error.unexpected(), error.context()) {
            found.push((what, end.start(), open.start()..open.end()));
        }
    };
    // With the same nesting limit as the toml crate's parser (80): without one, the
    // parser's recursion overflows the stack on arrays nested 10,000 deep.
    let mut ignored = ();
    let mut events = toml_parser::parser::RecursionGuard::new(&mut ignored, 80);
    toml_parser::parser::parse_document(&tokens, &mut events, &mut keep);
    found
}

/// Whether the tree built from the parser's events ([`events::tree`]) is the toml crate's:
/// `Ok(true)` when both accept `text` and give the same tree, `Ok(false)` when the events
/// path declines it (the toml crate then explains it, or gives the tree), and an error when
/// the events path accepts what the crate refuses or gives another tree. For the tests and
/// the fuzz targets.
pub fn trees_agree(text: &str) -> Result<bool, String> {
    let Some(fast) = events::tree(text) else { return Ok(false) };
    let (crate_tree, errors) = DeTable::parse_recoverable(text);
    if let Some(error) = errors.first() {
        return Err(format!("accepted, but the toml crate says: {}", error.message()));
    }
    let slow = Table::from_toml(crate_tree.get_ref());
    if fast == slow { Ok(true) } else { Err(format!("another tree:\n{fast:#?}\nthe toml crate's:\n{slow:#?}")) }
}

#[cfg(test)]
mod tests {
    use super::parse_toml;
    use crate::source::FileId;

    /// The start offset and label of each diagnostic of `text`.
    fn primaries(text: &str) -> Vec<(usize, String)> {
        let (_, diagnostics) = parse_toml(FileId(0), text);
        diagnostics.iter().map(|d| (d.primary.span.start(), d.primary.message.en.clone())).collect()
    }

    #[test]
    fn unclosed_brackets_and_strings_are_shown_where_they_open() {
        let opened = |text: &str| -> Vec<usize> {
            let mut at: Vec<usize> = primaries(text)
                .into_iter()
                .filter(|(_, label)| label.contains("never closed"))
                .map(|(at, _)| at)
                .collect();
            at.sort_unstable();
            at
        };
        assert_eq!(opened("x = [1, [2, 3\ny = 1\n"), [4, 8]);
        assert_eq!(opened("x = { a = [1, 2 }\ny = 1\n"), [4, 10]);
        assert_eq!(opened("x = 1\ny = \"\"\"abc\nz = 2\n"), [10]);
        assert_eq!(opened("x = 1\ny = '''abc''\n"), [10]);
        // A bracket closed on its own line is not reported as unclosed.
        assert_eq!(opened("x = [1, 2]\ny = [\n"), [15]);
    }

    #[test]
    fn a_key_of_too_many_parts_is_shown_where_it_stands() {
        let key = vec!["a"; 100].join(".");
        assert_eq!(primaries(&format!("x = 1\n{key} = 2\n")), [(6, "the TOML parser stopped here".to_owned())]);
    }
}
