//! The per-file cap on diagnostics of one code. A 60 MB file of junk lines, or of 12 million
//! unknown agency names, is one mistake repeated: its first [`MAX_PER_CODE`] diagnostics of
//! each code are shown, and one closing line per file and code says how many more there
//! are. The totals in the summary and the JSON document count them all, shown or not.
//!
//! [`cap`] runs once, on the sorted diagnostics, before any renderer; the renderers lay out
//! what it kept and the [`Suppressed`] counts it returns.

use crate::hash::HashMap;
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
    let mut seen: HashMap<(FileId, Code), usize> = HashMap::default();
    let mut over: Vec<Suppressed> = Vec::new();
    let mut at: HashMap<(FileId, Code), usize> = HashMap::default();
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
pub fn message(s: &Suppressed, lang: crate::lang::Lang) -> String {
    if lang == crate::lang::Lang::Vi {
        let kind = match s.severity() {
            Severity::Error => "lỗi",
            Severity::Warning => "cảnh báo",
        };
        return format!(
            "còn {} thông báo cùng loại không hiện: mỗi tệp chỉ hiện tối đa {MAX_PER_CODE} {kind} {}",
            s.count, s.code
        );
    }
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
pub fn render_human_line(
    out: &mut dyn Write,
    sources: &Sources,
    s: &Suppressed,
    lang: crate::lang::Lang,
) -> io::Result<()> {
    let name = crate::escape::terminal(&sources.get(s.file).name);
    writeln!(out, "note[{}]: {name}: {}", s.code, message(s, lang))?;
    writeln!(out)
}

/// The GitHub closing line: a `::notice` on the file, titled with the code.
pub fn render_github_line(
    out: &mut dyn Write,
    sources: &Sources,
    s: &Suppressed,
    lang: crate::lang::Lang,
) -> io::Result<()> {
    let file = crate::escape::github_property(&sources.get(s.file).name);
    writeln!(out, "::notice file={file},title={}::{}", s.code, crate::escape::github_data(&message(s, lang)))
}

/// A renderer of some diagnostics.
pub type Render<'a> = dyn FnMut(&mut dyn Write, &[Diagnostic]) -> io::Result<()> + 'a;

/// A writer of one closing line.
pub type Closing = fn(&mut dyn Write, &Sources, &Suppressed, crate::lang::Lang) -> io::Result<()>;

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
    lang: crate::lang::Lang,
) -> io::Result<()> {
    if suppressed.is_empty() {
        // Nothing to show is nothing to lay out: the human renderer would still prepare
        // every file's text for display (a scan of every byte of a clean corpus).
        return if diagnostics.is_empty() { Ok(()) } else { render(out, diagnostics) };
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
            closing(out, sources, s, lang)?;
        }
        pending = later;
        render(out, chunk)?;
        let own = pending.iter().take_while(|s| s.file == file).count();
        let (mine, later) = pending.split_at(own);
        for s in mine {
            closing(out, sources, s, lang)?;
        }
        pending = later;
        rest = after;
    }
    for s in pending {
        closing(out, sources, s, lang)?;
    }
    Ok(())
}

/// Where checks put their diagnostics. Unbounded ([`Sink::all`]) it keeps every one; capped
/// ([`Sink::capped`]) it keeps, in the end, exactly what [`cap`] would keep of them all, but
/// never holds many more: every so often it keeps only the first [`MAX_PER_CODE`] of each
/// file and code and counts the rest. 60 MB of unknown agency names are 2.8 million
/// diagnostics, 2 GB held at once before; and a check can ask [`Sink::wants`] before it
/// builds a costly one (a suggestion is a string distance to every name).
#[derive(Debug, Default)]
pub struct Sink {
    kept: Vec<Diagnostic>,
    capped: bool,
    groups: HashMap<(FileId, Code), Group>,
    /// Spans of the `sum-overflow` diagnostics pushed: a value that overflows a plan's sum
    /// overflows the period's too, and is said once.
    overflowing: crate::hash::HashSet<crate::source::Span>,
}

#[derive(Debug, Default, Clone, Copy)]
struct Group {
    /// How many of the group are held.
    kept: usize,
    dropped: usize,
    /// After a compaction that left the group full: the start of its last kept one. A
    /// diagnostic that starts later cannot be among the first.
    after: Option<usize>,
}

/// How many diagnostics a capped sink holds before it compacts.
const COMPACT_AT: usize = 1 << 14;

impl Sink {
    /// A sink that keeps everything (the language server, reports, tests).
    pub fn all() -> Self {
        Self::default()
    }

    /// A sink that applies the per-file cap as it goes.
    pub fn capped() -> Self {
        Self { capped: true, ..Self::default() }
    }

    pub fn push(&mut self, d: Diagnostic) {
        if d.code == Code::SumOverflow && !self.overflowing.insert(d.primary.span.clone()) {
            return;
        }
        if !self.wants(d.code, &d.primary.span) {
            self.count(d.code, &d.primary.span);
            return;
        }
        let group = self.groups.entry((d.primary.span.file, d.code)).or_default();
        group.kept += 1;
        // A group past twice the cap is compacted at once, so that [`Sink::wants`] says no
        // soon after the first ones, not after thousands.
        let full = group.kept >= 2 * MAX_PER_CODE;
        self.kept.push(d);
        if self.capped && (full || self.kept.len() >= COMPACT_AT) {
            self.compact();
        }
    }

    /// Whether a diagnostic of `code` at `span` may be among those shown; when not, the
    /// check may [`Sink::count`] it instead of building it.
    pub fn wants(&self, code: Code, span: &crate::source::Span) -> bool {
        let after = self.groups.get(&(span.file, code)).and_then(|g| g.after);
        after.is_none_or(|after| span.start() <= after)
    }

    /// Counts a diagnostic of `code` at `span` that is not shown.
    pub fn count(&mut self, code: Code, span: &crate::source::Span) {
        self.groups.entry((span.file, code)).or_default().dropped += 1;
    }

    /// Keeps the first [`MAX_PER_CODE`] of each file and code, by position and message.
    fn compact(&mut self) {
        fn key(d: &Diagnostic) -> (FileId, Code, usize, &str) {
            (d.primary.span.file, d.code, d.primary.span.start(), d.message.en.as_str())
        }
        self.kept.sort_by(|a, b| key(a).cmp(&key(b)));
        let mut run: Option<((FileId, Code), usize)> = None;
        let groups = &mut self.groups;
        self.kept.retain(|d| {
            let group = (d.primary.span.file, d.code);
            let n = match run {
                Some((g, n)) if g == group => n + 1,
                _ => 1,
            };
            run = Some((group, n));
            let entry = groups.entry(group).or_default();
            if n == 1 {
                entry.kept = 0;
            }
            if n == MAX_PER_CODE {
                entry.after = Some(d.primary.span.start());
            }
            if n > MAX_PER_CODE {
                entry.dropped += 1;
                false
            } else {
                entry.kept += 1;
                true
            }
        });
    }

    /// An empty sink of the same kind (capped or not), for work done on another thread and
    /// then [`Sink::absorb`]ed.
    #[must_use]
    pub fn sibling(&self) -> Self {
        Self { capped: self.capped, ..Self::default() }
    }

    /// Takes in what `other` kept and counted, as if its diagnostics had been pushed here
    /// after those already here: each sink keeps the first [`MAX_PER_CODE`] of a file and
    /// code by position, so the first of both together are among what the two kept.
    pub fn absorb(&mut self, other: Sink) {
        let Sink { kept, groups, overflowing, .. } = other;
        for d in kept {
            self.push(d);
        }
        for ((file, code), group) in groups {
            self.groups.entry((file, code)).or_default().dropped += group.dropped;
        }
        // An overflow `other` said or counted is not said again here.
        self.overflowing.extend(overflowing);
    }

    /// Everything kept, in the order pushed when nothing was left out.
    pub fn into_all(self) -> Vec<Diagnostic> {
        self.kept
    }

    /// What was kept (unsorted: [`super::sort`] and then [`cap`] finish the work) and
    /// what was counted and not kept, as `counted` for [`cap`].
    pub fn into_parts(self) -> (Vec<Diagnostic>, Vec<Suppressed>) {
        let counted = self
            .groups
            .into_iter()
            .filter(|(_, g)| g.dropped > 0)
            .map(|((file, code), g)| Suppressed { file, code, severity: code.severity(), count: g.dropped })
            .collect();
        (self.kept, counted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;

    /// Two files, three codes, pushed out of order: what a capped sink keeps and counts,
    /// once sorted and capped, is what the cap keeps of every diagnostic.
    #[test]
    fn a_capped_sink_keeps_what_the_cap_keeps_of_them_all() {
        let mut sources = Sources::default();
        let a = sources.add("a.toml".into(), "x".repeat(100_000));
        let b = sources.add("b.toml".into(), "x".repeat(100_000));
        let codes = [Code::UnknownAgency, Code::UnknownItem, Code::OverTarget];
        let made: Vec<Diagnostic> = (0..40_000usize)
            .map(|n| {
                // A scattered order: 7919 is prime, so n * 7919 mod 40,000 visits every offset.
                let at = (n * 7919) % 40_000;
                let file = if n % 3 == 0 { b } else { a };
                let code = codes.get((n / 3) % codes.len()).copied().unwrap_or(Code::UnknownAgency);
                Diagnostic::new(code, &Span::new(file, at..at + 1), crate::lang::Text::same(format!("m{}", n % 5)))
            })
            .collect();
        let mut sink = Sink::capped();
        for d in made.clone() {
            sink.push(d);
        }
        let (mut kept, counted) = sink.into_parts();
        assert!(kept.len() < 2 * COMPACT_AT);
        super::super::sort(&mut kept, &sources);
        let capped = cap(&mut kept, &counted, &sources);

        let mut all = made;
        super::super::sort(&mut all, &sources);
        let expected = cap(&mut all, &[], &sources);
        assert_eq!(kept, all);
        assert_eq!(capped, expected);
        assert_eq!(kept.len(), 2 * 3 * MAX_PER_CODE);
        assert_eq!(capped.iter().map(|s| s.count).sum::<usize>(), 40_000 - 300);
    }

    #[test]
    fn an_unbounded_sink_keeps_everything_in_order_but_a_repeated_overflow() {
        let mut sink = Sink::all();
        for n in 0..200usize {
            sink.push(Diagnostic::new(
                Code::UnknownAgency,
                &Span::new(FileId(0), n..n),
                crate::lang::Text::same("m".to_owned()),
            ));
        }
        sink.push(Diagnostic::new(
            Code::SumOverflow,
            &Span::new(FileId(0), 5..6),
            crate::lang::Text::same("plan".to_owned()),
        ));
        sink.push(Diagnostic::new(
            Code::SumOverflow,
            &Span::new(FileId(0), 5..6),
            crate::lang::Text::same("period".to_owned()),
        ));
        let all = sink.into_all();
        assert_eq!(all.len(), 201);
        assert_eq!(all.last().map(|d| d.message.en.as_str()), Some("plan"));
    }

    /// Plan sets are checked on several threads, each into a sibling sink that the run's
    /// sink then absorbs in order: what is kept and counted, once sorted and capped, is what
    /// one sink fed everything in the same order keeps; an overflow said in one set is not
    /// said again by a later one.
    #[test]
    fn sibling_sinks_absorbed_in_order_keep_what_one_sink_keeps() {
        let mut sources = Sources::default();
        let a = sources.add("a.toml".into(), "x".repeat(10_000));
        let b = sources.add("b.toml".into(), "x".repeat(10_000));
        // Four sets; each pushes to both files (as plan sets push to their shared decision).
        let sets: Vec<Vec<Diagnostic>> = (0..4usize)
            .map(|set| {
                let mut made: Vec<Diagnostic> = (0..3_000usize)
                    .map(|n| {
                        let at = (n * 7919 + set * 13) % 10_000;
                        let file = if n % 2 == 0 { a } else { b };
                        let code = if n % 5 == 0 { Code::UnknownItem } else { Code::UnknownAgency };
                        let text = crate::lang::Text::same(format!("s{set} m{}", n % 3));
                        Diagnostic::new(code, &Span::new(file, at..at + 1), text)
                    })
                    .collect();
                let overflow = crate::lang::Text::same(format!("overflow of set {set}"));
                made.push(Diagnostic::new(Code::SumOverflow, &Span::new(a, 7..8), overflow));
                made
            })
            .collect();
        let mut one = Sink::capped();
        for d in sets.iter().flatten() {
            one.push(d.clone());
        }
        let mut merged = Sink::capped();
        for set in &sets {
            let mut own = merged.sibling();
            for d in set {
                own.push(d.clone());
            }
            merged.absorb(own);
        }
        let finish = |sink: Sink| {
            let (mut kept, counted) = sink.into_parts();
            super::super::sort(&mut kept, &sources);
            let capped = cap(&mut kept, &counted, &sources);
            (kept, capped)
        };
        let (one_kept, one_capped) = finish(one);
        let (merged_kept, merged_capped) = finish(merged);
        assert_eq!(merged_kept, one_kept);
        assert_eq!(merged_capped, one_capped);
        let overflows: Vec<&str> =
            merged_kept.iter().filter(|d| d.code == Code::SumOverflow).map(|d| d.message.en.as_str()).collect();
        assert_eq!(overflows, ["overflow of set 0"]);
        assert_eq!(merged_kept.len(), 2 * 2 * MAX_PER_CODE + 1);
        assert_eq!(merged_capped.iter().map(|s| s.count).sum::<usize>(), 4 * 3_000 - 200);
    }
}
