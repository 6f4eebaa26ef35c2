//! Human diagnostics, rustc style: the source line, the span underlined, the code, and a
//! help line; then a one-line summary. Rendering is `codespan-reporting`'s.

use std::io::{self, Write};

use codespan_reporting::diagnostic as cs;
use codespan_reporting::term::{self, Config, termcolor::Ansi};

use super::{Diagnostic, Severity, Summary};
use crate::source::Sources;

/// Writes every diagnostic, with colour when `color` is set.
pub fn render_human(out: &mut dyn Write, sources: &Sources, diagnostics: &[Diagnostic], color: bool) -> io::Result<()> {
    let config = Config::default();
    for diagnostic in diagnostics {
        let rendered = to_codespan(diagnostic);
        let result = if color {
            term::emit_to_write_style(&mut Ansi::new(&mut *out), &config, sources, &rendered)
        } else {
            term::emit_to_io_write(&mut *out, &config, sources, &rendered)
        };
        result.map_err(|e| match e {
            codespan_reporting::files::Error::Io(io) => io,
            other => io::Error::other(other.to_string()),
        })?;
    }
    Ok(())
}

/// `checked 3 files: 1 error, 2 warnings`
pub fn render_summary(out: &mut dyn Write, summary: Summary) -> io::Result<()> {
    writeln!(
        out,
        "checked {}: {}, {}",
        plural(summary.files, "file"),
        plural(summary.errors, "error"),
        plural(summary.warnings, "warning")
    )
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}

fn to_codespan(diagnostic: &Diagnostic) -> cs::Diagnostic<crate::source::FileId> {
    let severity = match diagnostic.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
    };
    let primary = cs::Label::primary(diagnostic.primary.span.file, diagnostic.primary.span.range.clone())
        .with_message(&diagnostic.primary.message);
    let secondary = diagnostic
        .secondary
        .iter()
        .map(|l| cs::Label::secondary(l.span.file, l.span.range.clone()).with_message(&l.message));
    cs::Diagnostic::new(severity)
        .with_code(diagnostic.code.as_str())
        .with_message(&diagnostic.message)
        .with_labels(std::iter::once(primary).chain(secondary).collect())
        .with_notes(diagnostic.help.iter().map(|h| format!("help: {h}")).collect())
}
