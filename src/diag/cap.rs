//! The per-file cap on diagnostics of one code. A 60 MB file of junk lines, or of 12 million
//! unknown agency names, is one mistake repeated: its first [`MAX_PER_CODE`] diagnostics of
//! each code are shown, and one closing line per file and code says how many more there
//! are. The totals in the summary and the JSON document count them all, shown or not.
//!
//! [`cap`] runs once, on the sorted diagnostics, before any renderer; the renderers lay out
//! what it kept and the [`Suppressed`] counts it returns.

use std::collections::HashMap;
use std::io::{self, Write};

use super::{Code, Diagnostic, Severity};
use crate::source::{FileId, Sources};

/// At most this many diagnostics of one code are shown for one file. Fifty is more than a
/// screen, and more than any real plan file has of one code (the Tây Ninh plans have at most
/// a handful); past it, the rest is the same mistake again.
pub const MAX_PER_CODE: usize = 50;

/// Diagnostics of one code in one file that were counted but not shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Suppressed {
    pub file: FileId,
    pub code: Code,
    /// The code's severity as `--deny` left it.
    pub severity: Severity,
    pub count: usize,
}

impl Suppressed {
    pub fn severity(&self) -> Severity {
        self.severity
    }
}

/// Keeps the first [`MAX_PER_CODE`] diagnostics of each code in each file (the diagnostics
/// are sorted, so the first by position) and returns how many of each it left out, with
/// `counted` (diagnostics that were counted but never built, such as the syntax errors
/// past the parser's limit) added in; in the order of the files and codes first met.
pub fn cap(diagnostics: &mut Vec<Diagnostic>, counted: &[Suppressed], sources: &Sources) -> Vec<Suppressed> {
    let mut seen: HashMap<(FileId, Code), usize> = HashMap::new();
    let mut over: Vec<Suppressed> = Vec::new();
    let mut at: HashMap<(FileId, Code), usize> = HashMap::new();
    let mut add = |file: FileId, code: Code, severity: Severity, count: usize, over: &mut Vec<Suppressed>| {
        let index = *at.entry((file, code)).or_insert_with(|| {
            over.push(Suppressed { file, code, severity, count: 0 });
            over.len() - 1
        });
        if let Some(s) = over.get_mut(index) {
            s.count += count;
        }
    };
    diagnostics.retain(|d| {
        let n = seen.entry((d.primary.span.file, d.code)).or_insert(0);
        *n += 1;
        if *n > MAX_PER_CODE {
            add(d.primary.span.file, d.code, d.severity, 1, &mut over);
            false
        } else {
            true
        }
    });
    for s in counted.iter().filter(|s| s.count > 0) {
        add(s.file, s.code, s.severity, s.count, &mut over);
    }
    over.sort_by(|a, b| (&sources.get(a.file).name, a.code).cmp(&(&sources.get(b.file).name, b.code)));
    over
}

/// How many errors and warnings `suppressed` holds.
pub fn totals(suppressed: &[Suppressed]) -> (usize, usize) {
    suppressed.iter().fold((0, 0), |(e, w), s| match s.severity() {
        Severity::Error => (e + s.count, w),
        Severity::Warning => (e, w + s.count),
    })
}

/// The closing line's text:
/// `950 more of this kind are not shown: at most 50 toml-syntax errors are shown per file`.
pub fn message(s: &Suppressed) -> String {
    let kind = match s.severity() {
        Severity::Error => "errors",
        Severity::Warning => "warnings",
    };
    let verb = if s.count == 1 { "is" } else { "are" };
    format!(
        "{} more of this kind {verb} not shown: at most {MAX_PER_CODE} {} {kind} are shown per file",
        s.count, s.code
    )
}

/// The human closing line, on stderr after the file's diagnostics:
/// `note[toml-syntax]: plan.toml: 950 more of this kind are not shown: …`.
pub fn render_human_line(out: &mut dyn Write, sources: &Sources, s: &Suppressed) -> io::Result<()> {
    let name = crate::escape::terminal(&sources.get(s.file).name);
    writeln!(out, "note[{}]: {name}: {}", s.code, message(s))?;
    writeln!(out)
}

/// The GitHub closing line: a `::notice` on the file, titled with the code.
pub fn render_github_line(out: &mut dyn Write, sources: &Sources, s: &Suppressed) -> io::Result<()> {
    let file = crate::escape::github_property(&sources.get(s.file).name);
    writeln!(out, "::notice file={file},title={}::{}", s.code, crate::escape::github_data(&message(s)))
}

/// A renderer of some diagnostics.
pub type Render<'a> = dyn FnMut(&mut dyn Write, &[Diagnostic]) -> io::Result<()> + 'a;

/// A writer of one closing line.
pub type Closing = fn(&mut dyn Write, &Sources, &Suppressed) -> io::Result<()>;

/// Renders the diagnostics file by file with `render`, each file's closing lines after its
/// diagnostics (a file whose every diagnostic of a code was counted, none built, gets its
/// lines after the files before it).
pub fn by_file(
    out: &mut dyn Write,
    sources: &Sources,
    diagnostics: &[Diagnostic],
    suppressed: &[Suppressed],
    render: &mut Render<'_>,
    closing: Closing,
) -> io::Result<()> {
    if suppressed.is_empty() {
        return render(out, diagnostics);
    }
    let mut rest = diagnostics;
    let mut pending = suppressed;
    while let Some(first) = rest.first() {
        let file = first.primary.span.file;
        let len = rest.iter().take_while(|d| d.primary.span.file == file).count();
        let (chunk, after) = rest.split_at(len);
        // The closing lines of files that sort before this one and have nothing shown.
        let name = &sources.get(file).name;
        let before = pending.iter().take_while(|s| s.file != file && sources.get(s.file).name < *name).count();
        let (earlier, later) = pending.split_at(before);
        for s in earlier {
            closing(out, sources, s)?;
        }
        pending = later;
        render(out, chunk)?;
        let own = pending.iter().take_while(|s| s.file == file).count();
        let (mine, later) = pending.split_at(own);
        for s in mine {
            closing(out, sources, s)?;
        }
        pending = later;
        rest = after;
    }
    for s in pending {
        closing(out, sources, s)?;
    }
    Ok(())
}
