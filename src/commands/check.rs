//! `plan check`: read the files, run every check, render the diagnostics.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::checks::check_workspace;
use crate::cli::{CheckArgs, ColorChoice, Exit, Format, Terminal};
use crate::diag::{self, Severity, Summary};
use crate::workspace::Workspace;

pub fn run(args: &CheckArgs, terminal: &Terminal, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<Exit> {
    let policy = crate::config::Policy::load(Path::new("."), &args.allow, &args.deny)?;
    let paths = if args.paths.is_empty() { vec![default_path()] } else { args.paths.clone() };
    let ws = Workspace::load(&paths)?;
    let mut diagnostics = ws.diagnostics.clone();
    diagnostics.extend(check_workspace(&ws));
    policy.apply(&mut diagnostics);
    diag::sort(&mut diagnostics, &ws.sources);
    let summary = Summary::new(ws.sources.len(), &diagnostics);
    match args.format {
        Format::Human => {
            let color = match args.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => terminal.stderr_color,
            };
            diag::human::render_human(err, &ws.sources, &diagnostics, color, terminal.lang)?;
        }
        Format::Json => {
            let unreadable: Vec<String> = ws.io_errors.iter().map(|e| format!("{e:#}")).collect();
            diag::json::render_json_with(out, &ws.sources, &diagnostics, summary, &unreadable, terminal.lang)?;
        }
        Format::Github => diag::github::render_github(out, &ws.sources, &diagnostics, terminal.lang)?,
        Format::Sarif => diag::sarif::render_sarif(out, &ws.sources, &diagnostics, terminal.lang)?,
    }
    for error in &ws.io_errors {
        writeln!(err, "plan: error: {error:#}")?;
    }
    if args.format == Format::Human {
        diag::human::render_summary(err, summary, terminal.lang)?;
    }
    let warnings_fail = args.deny_warnings && diagnostics.iter().any(|d| d.severity == Severity::Warning);
    Ok(if !ws.io_errors.is_empty() {
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
