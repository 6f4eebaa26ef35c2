//! Lowering: spanned TOML tree → validated [`model`](crate::model) values. The top-level
//! table tells the kind of file; each kind has its own module. Every problem becomes a
//! diagnostic and lowering goes on, so one run reports all of a file's problems.

mod decision;
mod fields;
mod plan;
mod progress;
mod stream;

use crate::diag::{Diagnostic, catalog};
use crate::model::Document;
use crate::parse::tree::Table;
use crate::source::{FileId, Span};

pub use fields::{is_slug, suggest};

/// Lowers each table with `lower`, into a vector of just the room it needs: grown by
/// doubling, one of 16,400 activities would have room for 32,768.
fn each<'t, 'i, T>(
    tables: Vec<fields::Fields<'t, 'i>>,
    lower: impl FnMut(fields::Fields<'t, 'i>) -> Option<T>,
) -> Vec<T> {
    let mut lowered = Vec::with_capacity(tables.len());
    lowered.extend(tables.into_iter().filter_map(lower));
    lowered.shrink_to_fit();
    lowered
}

const KINDS: [&str; 3] = ["decision", "plan", "progress"];

/// Parses and lowers one file (`text` of `file`): the elements of its large arrays of
/// tables are lowered as the parser closes them ([`stream`]), so that its whole tree is
/// never held. Gives the model (`None` when the file cannot be lowered), the diagnostics,
/// and where the first syntax error not shown is with how many are not
/// ([`crate::parse::parse_toml_counted`]).
pub fn read_document(file: FileId, text: &str) -> (Option<Document>, Vec<Diagnostic>, Option<(Span, usize)>) {
    let mut streamed = stream::Streamed::new(file, text);
    let ((tree, mut d, more), harvested) = crate::parse::parse_toml_harvested(file, text, &mut streamed);
    if !harvested {
        streamed = stream::Streamed::new(file, text);
    }
    let doc = tree.and_then(|tree| lower_streamed(file, &tree, text, &mut d, streamed));
    (doc, d, more)
}

/// How many `[[…]]` elements of `text` [`read_document`] lowers as the parser closes them:
/// for the tests, that it does, and that it does not where it must not.
pub fn taken_early(text: &str) -> usize {
    let mut streamed = stream::Streamed::new(FileId(0), text);
    let (_, harvested) = crate::parse::parse_toml_harvested(FileId(0), text, &mut streamed);
    if harvested { streamed.taken() } else { 0 }
}

/// Whether [`read_document`] gives what parsing the whole tree and lowering it gives (the
/// same model and diagnostics, in the same order): for the tests and the fuzz targets.
pub fn streamed_agrees(text: &str) -> Result<(), String> {
    let file = FileId(0);
    let (streamed, d_streamed, more_streamed) = read_document(file, text);
    let (tree, mut d, more) = crate::parse::parse_toml_counted(file, text);
    let whole = tree.and_then(|tree| lower_document(file, &tree, text, &mut d));
    let a = format!("{streamed:#?}\n{d_streamed:#?}\n{more_streamed:?}");
    let b = format!("{whole:#?}\n{d:#?}\n{more:?}");
    if a == b {
        Ok(())
    } else {
        Err(format!("lowered as the parser closed the tables:\n{a}\nfrom the whole tree:\n{b}"))
    }
}

/// Lowers one parsed file; `None` when its kind cannot be told.
pub fn lower_document(file: FileId, root: &Table<'_>, text: &str, d: &mut Vec<Diagnostic>) -> Option<Document> {
    lower_streamed(file, root, text, d, stream::Streamed::new(file, text))
}

/// [`lower_document`] of a tree from which `streamed` took and lowered elements.
fn lower_streamed(
    file: FileId,
    root: &Table<'_>,
    text: &str,
    d: &mut Vec<Diagnostic>,
    streamed: stream::Streamed<'_>,
) -> Option<Document> {
    let found: Vec<(&str, Span)> = root
        .iter()
        .filter(|e| KINDS.contains(&e.key.as_ref()))
        .map(|e| {
            (KINDS.iter().copied().find(|kind| e.key == *kind).unwrap_or_default(), Span::new(file, e.key_span.clone()))
        })
        .collect();
    match found.as_slice() {
        [] => {
            d.push(catalog::unknown_kind_none(&Span::file_start(file), text.trim().is_empty()));
            None
        }
        [(kind, _)] => {
            let root_span = Span::new(file, 0..0);
            let fields = fields::Fields::new(file, "", root_span, root);
            Some(match *kind {
                "decision" => Document::Decision(decision::lower_decision(fields, d)),
                "plan" => Document::Plan(plan::lower_plan(fields, d, streamed)),
                _ => Document::Progress(progress::lower_progress(fields, d, streamed)),
            })
        }
        [(first, first_span), rest @ ..] => {
            for (kind, span) in rest {
                d.push(catalog::unknown_kind_many(span, kind, first, first_span));
            }
            None
        }
    }
}
