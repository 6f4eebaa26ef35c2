//! Lowering: spanned TOML tree → validated [`model`](crate::model) values. The top-level
//! table tells the kind of file; each kind has its own module. Every problem becomes a
//! diagnostic and lowering goes on, so one run reports all of a file's problems.

mod decision;
mod fields;
mod plan;
mod progress;

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

/// Lowers one parsed file; `None` when its kind cannot be told.
pub fn lower_document(file: FileId, root: &Table<'_>, text: &str, d: &mut Vec<Diagnostic>) -> Option<Document> {
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
                "plan" => Document::Plan(plan::lower_plan(fields, d)),
                _ => Document::Progress(progress::lower_progress(fields, d)),
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
