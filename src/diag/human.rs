//! Human diagnostics, rustc style: the source line, the span underlined, the code, and a
//! help line; then a one-line summary. Rendering is `codespan-reporting`'s. Control
//! characters from the files are shown, never sent to the terminal as they are.

use std::borrow::Cow;
use std::io::{self, Write};
use std::ops::Range;

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::{Error, Files};
use codespan_reporting::term::{self, Config, termcolor::Ansi};

use super::{Diagnostic, Lang, Severity, Summary};
use crate::source::{FileId, Sources};

/// Writes every diagnostic, with colour when `color` is set.
pub fn render_human(
    out: &mut dyn Write,
    sources: &Sources,
    diagnostics: &[Diagnostic],
    color: bool,
    lang: Lang,
) -> io::Result<()> {
    let config = Config::default();
    let sources = &Visible::new(sources);
    for diagnostic in diagnostics {
        let rendered = to_codespan(diagnostic, lang);
        let mut buffer = Vec::new();
        let result = if color {
            term::emit_to_write_style(&mut Ansi::new(&mut buffer), &config, sources, &rendered)
        } else {
            term::emit_to_io_write(&mut buffer, &config, sources, &rendered)
        };
        result.map_err(|e| match e {
            codespan_reporting::files::Error::Io(io) => io,
            other => io::Error::other(other.to_string()),
        })?;
        out.write_all(&with_severity_word(buffer, diagnostic.severity, lang))?;
    }
    Ok(())
}

/// The word a diagnostic's first line starts with, `error[code]: …` in English and
/// `lỗi[code]: …` in Vietnamese.
pub fn severity_word(severity: Severity, lang: Lang) -> &'static str {
    match (severity, lang) {
        (Severity::Error, Lang::Vi) => "lỗi",
        (Severity::Warning, Lang::Vi) => "cảnh báo",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
    }
}

/// `codespan-reporting` writes the severity in English; in Vietnamese its word is replaced
/// on the header line only, where it is the first text before `[code]` (colour codes, when
/// there are any, come before it), so that no message or source line is touched.
fn with_severity_word(rendered: Vec<u8>, severity: Severity, lang: Lang) -> Vec<u8> {
    let english = format!("{}[", severity_word(severity, Lang::En));
    let wanted = format!("{}[", severity_word(severity, lang));
    if english == wanted {
        return rendered;
    }
    let header_end = rendered.iter().position(|&b| b == b'\n').unwrap_or(rendered.len());
    let (header, rest) = rendered.split_at(header_end);
    let Some(at) = header.windows(english.len()).position(|w| w == english.as_bytes()) else {
        return rendered;
    };
    let (before, after) = header.split_at(at);
    let mut out = Vec::with_capacity(rendered.len() + wanted.len());
    out.extend_from_slice(before);
    out.extend_from_slice(wanted.as_bytes());
    out.extend_from_slice(after.get(english.len()..).unwrap_or_default());
    out.extend_from_slice(rest);
    out
}

/// `checked 3 files: 1 error, 2 warnings`, `đã kiểm tra 3 tệp: 1 lỗi, 2 cảnh báo`; then,
/// when there were diagnostics, the pointer to `plan explain`.
pub fn render_summary(out: &mut dyn Write, summary: Summary, lang: Lang) -> io::Result<()> {
    writeln!(out, "{}", summary_line(summary, lang))?;
    if summary.errors + summary.warnings > 0 {
        writeln!(out, "{}", explain_pointer(lang))?;
    }
    Ok(())
}

/// The one-line summary of a run, in `lang`: all its wording is here.
pub fn summary_line(summary: Summary, lang: Lang) -> String {
    let cap = super::cap::MAX_PER_CODE;
    let not_shown = match (summary.not_shown, lang) {
        (0, _) => String::new(),
        (n, Lang::Vi) => format!(" ({n} không hiện: mỗi tệp hiện tối đa {cap} thông báo cùng một mã)"),
        (n, Lang::En) => format!(" ({n} not shown: at most {cap} of one code per file)"),
    };
    match lang {
        Lang::Vi => format!(
            "đã kiểm tra {} tệp: {} lỗi, {} cảnh báo{not_shown}",
            summary.files, summary.errors, summary.warnings
        ),
        Lang::En => format!(
            "checked {}: {}, {}{not_shown}",
            plural(summary.files, "file"),
            plural(summary.errors, "error"),
            plural(summary.warnings, "warning")
        ),
    }
}

/// The line after the summary that says where each code is explained.
pub fn explain_pointer(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => {
            "xem giải thích và ví dụ sửa của từng mã lỗi: `plan explain MÃ` (ví dụ `plan explain invalid-amount`)"
        }
        Lang::En => {
            "for what a code means and an example of its fix: `plan explain CODE` (such as `plan explain invalid-amount`)"
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}

fn to_codespan(diagnostic: &Diagnostic, lang: Lang) -> cs::Diagnostic<crate::source::FileId> {
    let severity = match diagnostic.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
    };
    let primary = cs::Label::primary(diagnostic.primary.span.file, diagnostic.primary.span.range())
        .with_message(escaped(diagnostic.primary.message.get(lang)));
    let secondary = diagnostic
        .secondary
        .iter()
        .map(|l| cs::Label::secondary(l.span.file, l.span.range()).with_message(escaped(l.message.get(lang))));
    cs::Diagnostic::new(severity)
        .with_code(diagnostic.code.as_str())
        .with_message(escaped(diagnostic.message.get(lang)))
        .with_labels(std::iter::once(primary).chain(secondary).collect())
        .with_notes(diagnostic.help.iter().map(|h| format!("{}: {}", help_word(lang), escaped(h.get(lang)))).collect())
}

/// The word before a help line: `help` in both languages would be English to a reader of
/// Vietnamese; `gợi ý` is what an analyst reads as "suggestion".
pub fn help_word(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "gợi ý",
        Lang::En => "help",
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;
    use crate::source::Span;

    /// An error and a warning on a line that itself holds `error[`, rendered with colour.
    fn coloured(lang: Lang) -> String {
        let mut sources = Sources::default();
        let file = sources.add("ke-hoach.toml".into(), "note = \"error[1]\"\n".to_owned());
        let span = Span::new(file, 7..17);
        let error = Diagnostic::new(Code::InvalidValue, &span, crate::t!("giá trị sai", "bad value"));
        let warning = Diagnostic::new(Code::OverTarget, &span, crate::t!("vượt chỉ tiêu", "over the target"));
        let mut out = Vec::new();
        render_human(&mut out, &sources, &[error, warning], true, lang).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The lines of `text` that begin a diagnostic: the colour codes, the severity, the code.
    fn headers(text: &str) -> Vec<&str> {
        text.lines().filter(|l| l.starts_with("\u{1b}[0m\u{1b}[1m\u{1b}[38;5;")).collect()
    }

    #[test]
    fn the_vietnamese_severity_word_replaces_the_english_one_inside_the_colour_codes() {
        let vi = coloured(Lang::Vi);
        assert_eq!(
            headers(&vi),
            [
                "\u{1b}[0m\u{1b}[1m\u{1b}[38;5;9mlỗi[invalid-value]\u{1b}[0m\u{1b}[1m: giá trị sai\u{1b}[0m",
                "\u{1b}[0m\u{1b}[1m\u{1b}[38;5;11mcảnh báo[over-target]\u{1b}[0m\u{1b}[1m: vượt chỉ tiêu\u{1b}[0m",
            ]
        );
        // The source line keeps its own `error[`: only the header is rewritten.
        let source_line = "\u{1b}[0m\u{1b}[36m1\u{1b}[0m \u{1b}[0m\u{1b}[36m│\u{1b}[0m note = \u{1b}[0m\u{1b}[31m\"error[1]\"\u{1b}[0m";
        assert!(vi.lines().any(|l| l == source_line), "{vi:?}");
        assert_eq!(vi.matches("error[").count(), 2, "{vi:?}");
        let en = coloured(Lang::En);
        assert_eq!(
            headers(&en),
            [
                "\u{1b}[0m\u{1b}[1m\u{1b}[38;5;9merror[invalid-value]\u{1b}[0m\u{1b}[1m: bad value\u{1b}[0m",
                "\u{1b}[0m\u{1b}[1m\u{1b}[38;5;11mwarning[over-target]\u{1b}[0m\u{1b}[1m: over the target\u{1b}[0m",
            ]
        );
        // Apart from the words of the header lines, the two renderings are the same bytes.
        let strip = |text: &str| -> Vec<String> {
            text.lines().filter(|l| !headers(l).contains(l)).map(str::to_owned).collect()
        };
        assert_eq!(strip(&vi), strip(&en));
    }
}
