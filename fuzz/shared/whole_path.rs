//! The whole path from bytes to every output, shared by the `whole_path` fuzz target and by
//! `tests/fuzz_regressions.rs` (which includes this file with `#[path]`), so that a crash the
//! fuzzer finds is replayed in the normal test suite through exactly the same code.
//!
//! An input is one file, or up to four files joined by [`SEPARATOR`]: a decision, a plan and
//! one or two progress files, written as `decision.toml`, `plan.toml`, `progress.toml` and
//! `progress-2.toml` in one directory, so that the plan's `file = "decision.toml"` and the
//! progress files' `plan = "plan.toml"` resolve and the cross-file checks run. A lone file
//! is written as `plan.toml`.
//!
//! The directory is read with [`Workspace::load`] and checked; the diagnostics are rendered
//! in the three `plan check` formats, and must be those `plan check` finds one plan set at
//! a time (`plan::commands::plan_sets`); every plan whose own files (the plan, its decision,
//! its progress files) have no errors is reported for the half-year, the year and several
//! days, each in both languages as a table (on a terminal and not: both for the first three
//! periods, one each for the rest, as tables take most of the time), Markdown, CSV of every
//! section and JSON; and `plan report` is run once in-process as the command line would. Writing to memory cannot fail, so every renderer
//! must return `Ok`, and every JSON document must parse.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::Parser;
use plan::checks::check_workspace;
use plan::cli::{Cli, Exit, Lang, Terminal};
use plan::diag::{self, Severity, Summary};
use plan::render::{self, Section};
use plan::report::{Files, PeriodChoice, build_report};
use plan::workspace::Workspace;

/// Joins the files of one input: a TOML comment line, so that a joined seed stays readable.
pub const SEPARATOR: &[u8] = b"\n# ---8<---\n";

/// The names the parts of an input are written as, in order.
pub const FILE_NAMES: [&str; 4] = ["decision.toml", "plan.toml", "progress.toml", "progress-2.toml"];

/// What one input came to, for regression tests to assert on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Files the workspace read.
    pub files: usize,
    /// Error diagnostics (lowering and checks).
    pub errors: usize,
    /// Warning diagnostics.
    pub warnings: usize,
    /// Reports built (each rendered in every format, section and language).
    pub reports: usize,
    /// What `plan report plan.toml --as-of …` ended with: its exit, or `None` for an error
    /// that the command line prints as `plan: error: …` and exits 2 with.
    pub report_exit: Option<Exit>,
}

/// Splits an input into the files it stands for, with the name each is written as.
pub fn split(data: &[u8]) -> Vec<(&'static str, &[u8])> {
    let mut parts = Vec::new();
    let mut rest = data;
    while parts.len() + 1 < FILE_NAMES.len() {
        match find(rest, SEPARATOR) {
            Some(at) => {
                parts.push(&rest[..at]);
                rest = &rest[at + SEPARATOR.len()..];
            }
            None => break,
        }
    }
    parts.push(rest);
    if parts.len() == 1 {
        return vec![(FILE_NAMES[1], parts[0])];
    }
    FILE_NAMES.iter().copied().zip(parts).collect()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Writes the files of an input into `dir`, removing those of an earlier input that this
/// one does not have.
pub fn write_files(dir: &Path, data: &[u8]) {
    let parts = split(data);
    for name in FILE_NAMES {
        let path = dir.join(name);
        match parts.iter().find(|(n, _)| *n == name) {
            Some((_, bytes)) => {
                // The tree built from the parser's events is the toml crate's, or declined.
                let text = String::from_utf8_lossy(bytes);
                let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
                if let Err(why) = plan::parse::trees_agree(text) {
                    panic!("{name}: {why}");
                }
                // Lowered as the parser closes its tables, it is lowered as from the whole tree.
                if let Err(why) = plan::lower::streamed_agrees(text) {
                    panic!("{name}: {why}");
                }
                std::fs::write(&path, bytes).expect("write an input file");
            }
            None => {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
}

/// Writes `data` into `dir` and runs it through the whole path. Panics on a bug: a panic
/// inside `plan`, a renderer that fails writing to memory, or JSON that does not parse.
pub fn run(dir: &Path, data: &[u8]) -> Outcome {
    write_files(dir, data);
    let ws = Workspace::load(&[dir.to_path_buf()]).expect("the directory has a `*.toml` file");
    let mut diagnostics = ws.diagnostics.clone();
    diagnostics.extend(check_workspace(&ws));
    diag::sort(&mut diagnostics, &ws.sources);
    let summary = Summary::new(ws.sources.len(), &diagnostics);
    render_diagnostics(&ws, &diagnostics, summary);
    same_by_plan_sets(dir, &ws, &diagnostics);

    let with_errors: HashSet<usize> =
        diagnostics.iter().filter(|d| d.severity == Severity::Error).map(|d| d.primary.span.file.0).collect();
    let mut reports = 0;
    for set in ws.plan_sets() {
        let links = ws.links.get(&set.index).cloned().unwrap_or_default();
        let mut own = vec![set.index];
        own.extend(links.decision);
        own.extend(&links.progress);
        if own.iter().any(|&i| with_errors.contains(&ws.files[i].file.0)) {
            continue;
        }
        let name = |i: usize| ws.sources.get(ws.files[i].file).name.clone();
        let year = set.plan.year.as_ref().map(|y| y.value);
        for (n, choice) in choices(year).into_iter().enumerate() {
            let files = Files { plan: name(set.index), progress: links.progress.iter().map(|&i| name(i)).collect() };
            if let Some(report) = build_report(&set, files, choice) {
                // Tables are most of the time an input takes: both kinds for the two periods
                // and the first day, one kind per language for the other days.
                render_report(&report, n < 3);
                reports += 1;
            }
        }
    }

    Outcome {
        files: ws.files.len(),
        errors: summary.errors,
        warnings: summary.warnings,
        reports,
        report_exit: run_report_command(dir, data),
    }
}

/// `plan check` loads one plan set at a time (`plan::commands::plan_sets`): it must find
/// what the whole load found — the same files, and once capped, the same diagnostics (file,
/// place, code, message, labels) and the same counts of those left out.
fn same_by_plan_sets(dir: &Path, ws: &Workspace, diagnostics: &[diag::Diagnostic]) {
    let mut whole = diagnostics.to_vec();
    let whole_left = diag::cap::cap(&mut whole, &ws.not_built, &ws.sources);
    let checked = plan::commands::plan_sets::check(&[dir.to_path_buf()]).expect("the directory was loaded once");
    let mut sets = checked.diagnostics;
    diag::sort(&mut sets, &checked.sources);
    let sets_left = diag::cap::cap(&mut sets, &checked.counted, &checked.sources);
    assert_eq!(checked.files, ws.sources.len(), "plan sets read other files than the whole load");
    assert_eq!(lines(&checked.sources, &sets), lines(&ws.sources, &whole), "plan sets found other diagnostics");
    assert_eq!(left(&checked.sources, &sets_left), left(&ws.sources, &whole_left), "plan sets left out others");
}

/// One line for each diagnostic: its code, file, place, message, help and labels, for
/// comparing two runs (`tests/plan_sets.rs` uses it too).
pub fn lines(sources: &plan::source::Sources, diagnostics: &[diag::Diagnostic]) -> Vec<String> {
    let at = |l: &diag::Label| format!("{}:{:?} {}", sources.get(l.span.file).name, l.span.range(), l.message.en);
    diagnostics
        .iter()
        .map(|d| {
            let secondary: Vec<String> = d.secondary.iter().map(at).collect();
            let help = d.help.as_ref().map(|h| h.en.as_str()).unwrap_or_default();
            format!("{} {} {} | {help} | {}", d.code, at(&d.primary), d.message.en, secondary.join("; "))
        })
        .collect()
}

/// One line for each count the cap left out: file, code, count and severity.
pub fn left(sources: &plan::source::Sources, suppressed: &[diag::cap::Suppressed]) -> Vec<String> {
    suppressed.iter().map(|s| format!("{} {} {} {:?}", sources.get(s.file).name, s.code, s.count, s.severity)).collect()
}

/// The periods every checked plan is reported for: the half-year, the year, days in and
/// around its year, and the first and last days a date can be (`--as-of` takes both).
fn choices(year: Option<i32>) -> Vec<PeriodChoice> {
    let mut choices = vec![PeriodChoice::HalfYear, PeriodChoice::Annual];
    if let Some(year) = year {
        let days = [(year, 1, 1), (year, 6, 30), (year, 12, 31), (year.saturating_add(1), 3, 1)];
        choices.extend(days.iter().filter_map(|&(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)).map(PeriodChoice::AsOf));
    }
    choices.extend([PeriodChoice::AsOf(NaiveDate::MIN), PeriodChoice::AsOf(NaiveDate::MAX)]);
    choices
}

fn render_diagnostics(ws: &Workspace, diagnostics: &[diag::Diagnostic], summary: Summary) {
    for lang in plan::lang::Lang::ALL {
        for color in [false, true] {
            let mut out = Vec::new();
            diag::human::render_human(&mut out, &ws.sources, diagnostics, color, lang).expect("human diagnostics");
            diag::human::render_summary(&mut out, summary, lang).expect("the summary");
        }
        let mut out = Vec::new();
        diag::json::render_json(&mut out, &ws.sources, diagnostics, summary, lang).expect("JSON diagnostics");
        serde_json::from_slice::<serde_json::Value>(&out).expect("the diagnostics are one JSON document");
        let mut out = Vec::new();
        diag::github::render_github(&mut out, &ws.sources, diagnostics, lang).expect("GitHub annotations");
    }
}

fn render_report(report: &plan::report::Report, both_tables: bool) {
    let all = Section::ALL.to_vec();
    for lang in [Lang::Vi, Lang::En] {
        for terminal in [false, true] {
            if both_tables || terminal == (lang == Lang::Vi) {
                let mut out = Vec::new();
                render::table::render_table(&mut out, report, &all, lang, terminal).expect("the table");
            }
        }
        let mut out = Vec::new();
        render::markdown::render_markdown(&mut out, report, &all, lang).expect("the Markdown");
        for section in Section::ALL {
            let mut out = Vec::new();
            render::csv::render_csv(&mut out, report, section, lang).expect("the CSV");
        }
    }
    for sections in [all, vec![Section::Budget]] {
        let mut out = Vec::new();
        render::json::render_json(&mut out, report, &sections).expect("the JSON report");
        serde_json::from_slice::<serde_json::Value>(&out).expect("the report is one JSON document");
    }
}

/// `plan report DIR/plan.toml --as-of …` in-process, with a format and language chosen by
/// the input's length, so that the command's own code (which plan, which files, the extra
/// checks before a report) runs too.
fn run_report_command(dir: &Path, data: &[u8]) -> Option<Exit> {
    let plan: PathBuf = dir.join(FILE_NAMES[1]);
    if !plan.is_file() {
        return None;
    }
    let plan = plan.to_string_lossy().into_owned();
    let formats: [&[&str]; 5] = [
        &["--format", "table"],
        &["--format", "markdown"],
        &["--format", "json"],
        &["budget", "--format", "csv"],
        &["deadlines", "--format", "table", "--lang", "en"],
    ];
    let mut args = vec!["plan", "report", &plan];
    args.extend(formats[data.len() % formats.len()].iter().copied());
    args.extend(["--as-of", "2019-09-30"]);
    let cli = Cli::try_parse_from(args).expect("valid arguments");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    plan::cli::run(cli, &Terminal::default(), &mut out, &mut err).ok()
}
