//! `plan check`: read the files, run every check, render the diagnostics.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::plan_sets::{self, Checked};
use crate::cli::{CheckArgs, ColorChoice, Exit, Format, Terminal};
use crate::config::Level;
use crate::diag::{self, Severity, Summary, cap};

pub fn run(args: &CheckArgs, terminal: &Terminal, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<Exit> {
    let policy = crate::config::Policy::load(Path::new("."), &args.allow, &args.deny)?;
    let paths = if args.paths.is_empty() { vec![default_path()] } else { args.paths.clone() };
    // One plan set at a time: memory is the largest plan set's, not the run's.
    let Checked { sources, mut diagnostics, mut counted, io_errors, files } = plan_sets::check(&paths)?;
    policy.apply(&mut diagnostics);
    // The counted ones as the policy would leave them: allowed warnings gone, denied ones
    // errors.
    counted.retain(|s| !(s.severity == Severity::Warning && policy.levels.get(&s.code) == Some(&Level::Allow)));
    for s in &mut counted {
        if policy.levels.get(&s.code) == Some(&Level::Deny) {
            s.severity = Severity::Error;
        }
    }
    diag::sort(&mut diagnostics, &sources);
    let suppressed = cap::cap(&mut diagnostics, &counted, &sources);
    let summary = Summary::capped(files, &diagnostics, &suppressed);
    let sources = &sources;
    match args.format {
        Format::Human => {
            let color = match args.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => terminal.stderr_color,
            };
            let mut render = |w: &mut dyn Write, d: &[diag::Diagnostic]| {
                diag::human::render_human(w, sources, d, color, terminal.lang)
            };
            cap::by_file(err, sources, &diagnostics, &suppressed, &mut render, cap::render_human_line, terminal.lang)?;
        }
        Format::Json => {
            let unreadable: Vec<String> =
                io_errors.iter().map(|e| crate::failure::describe(e, terminal.lang)).collect();
            diag::json::render_json_capped(
                out,
                sources,
                &diagnostics,
                summary,
                &unreadable,
                &suppressed,
                terminal.lang,
            )?;
        }
        Format::Github => {
            let mut render =
                |w: &mut dyn Write, d: &[diag::Diagnostic]| diag::github::render_github(w, sources, d, terminal.lang);
            cap::by_file(out, sources, &diagnostics, &suppressed, &mut render, cap::render_github_line, terminal.lang)?;
        }
        Format::Sarif => diag::sarif::render_sarif_capped(out, sources, &diagnostics, &suppressed, terminal.lang)?,
    }
    for error in &io_errors {
        let lang = terminal.lang;
        writeln!(err, "{}{}", crate::failure::prefix(lang), crate::failure::describe(error, lang))?;
    }
    if args.format == Format::Human {
        diag::human::render_summary(err, summary, terminal.lang)?;
    }
    let warnings_fail = args.deny_warnings && summary.warnings > 0;
    let trouble = !io_errors.is_empty();
    Ok(if trouble {
        Exit::Trouble
    } else if summary.errors > 0 || warnings_fail {
        Exit::Failure
    } else {
        Exit::Success
    })
}

/// `plans/` when it exists, else the current directory.
fn default_path() -> PathBuf {
    let plans = Path::new("plans");
    if plans.is_dir() { plans.to_path_buf() } else { PathBuf::from(".") }
}
