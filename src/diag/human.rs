//! Human diagnostics, rustc style: the source line, the span underlined, the code, and a
//! help line; then a one-line summary. Rendering is `codespan-reporting`'s. Control
//! characters from the files are shown, never sent to the terminal as they are.

use std::borrow::Cow;
use std::io::{self, Write};
use std::ops::Range;

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::{Error, Files};
use codespan_reporting::term::{self, Config, termcolor::Ansi};

use super::{Diagnostic, Severity, Summary};
use crate::source::{FileId, Sources};

/// Writes every diagnostic, with colour when `color` is set.
pub fn render_human(out: &mut dyn Write, sources: &Sources, diagnostics: &[Diagnostic], color: bool) -> io::Result<()> {
    let config = Config::default();
    let sources = &Visible::new(sources);
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

/// `checked 3 files: 1 error, 2 warnings`, and when the per-file cap left some out,
/// ` (950 not shown: at most 50 of one code per file)`.
pub fn render_summary(out: &mut dyn Write, summary: Summary) -> io::Result<()> {
    let not_shown = if summary.not_shown == 0 {
        String::new()
    } else {
        format!(" ({} not shown: at most {} of one code per file)", summary.not_shown, super::cap::MAX_PER_CODE)
    };
    writeln!(
        out,
        "checked {}: {}, {}{not_shown}",
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
        .with_message(escaped(&diagnostic.primary.message));
    let secondary = diagnostic
        .secondary
        .iter()
        .map(|l| cs::Label::secondary(l.span.file, l.span.range.clone()).with_message(escaped(&l.message)));
    cs::Diagnostic::new(severity)
        .with_code(diagnostic.code.as_str())
        .with_message(escaped(&diagnostic.message))
        .with_labels(std::iter::once(primary).chain(secondary).collect())
        .with_notes(diagnostic.help.iter().map(|h| format!("help: {}", escaped(h))).collect())
}

/// A control character that would act on a terminal rather than show: an escape sequence
/// written in a string as `\u001b`, a carriage return that is not part of a line ending.
fn acts_on_terminal(c: char) -> bool {
    c.is_control() && c != '\t' && c != '\n'
}

/// Text of a message or a file name with each control character, a line break included
/// (a key may hold one, and a forged line would read as output), written as an escape.
fn escaped(text: &str) -> Cow<'_, str> {
    crate::escape::terminal(text)
}

/// Source text with each such character (a `\r` before `\n` excepted) replaced by one `?`
/// per byte, so that spans keep their offsets.
fn shown(text: &str) -> Cow<'_, str> {
    let acts =
        |(i, c): (usize, char)| acts_on_terminal(c) && !(c == '\r' && text.as_bytes().get(i + 1) == Some(&b'\n'));
    if !text.char_indices().any(acts) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if acts((i, c)) {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The files as the terminal is shown them; lines and offsets are those of [`Sources`].
struct Visible<'a> {
    sources: &'a Sources,
    names: Vec<Cow<'a, str>>,
    texts: Vec<Cow<'a, str>>,
}

impl<'a> Visible<'a> {
    fn new(sources: &'a Sources) -> Self {
        let files = (0..sources.len()).map(|n| sources.get(FileId(n)));
        let (names, texts) = files.map(|f| (escaped(&f.name), shown(&f.text))).unzip();
        Self { sources, names, texts }
    }
}

impl<'a> Files<'a> for Visible<'_> {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, Error> {
        self.names.get(id.0).map(AsRef::as_ref).ok_or(Error::FileMissing)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, Error> {
        self.texts.get(id.0).map(AsRef::as_ref).ok_or(Error::FileMissing)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, Error> {
        self.sources.line_index(id, byte_index)
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, Error> {
        self.sources.line_range(id, line_index)
    }
}
