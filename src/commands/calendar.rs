//! `plan calendar [PLAN|DECISION] [-o FILE.ics]`: the reports' last days and the activities'
//! due dates as an iCalendar file, after the same check gate as `plan report`.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::calendar::{plan_events, render, stamp};
use crate::checks::check_workspace;
use crate::cli::{CalendarArgs, Exit, Terminal};
use crate::diag::{self, Summary};
use crate::failure::{Failure, describe};
use crate::lang::Lang;
use crate::t;
use crate::workspace::Workspace;

pub fn run(args: &CalendarArgs, terminal: &Terminal, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<Exit> {
    let path = args.path.clone().unwrap_or_else(default_path);
    let ws = Workspace::load(std::slice::from_ref(&path))?;
    if let Some(error) = ws.io_errors.first() {
        anyhow::bail!(describe(error, terminal.lang));
    }
    // A calendar from wrong dates is worse than none: any error among the files read stops it.
    let mut diagnostics = ws.diagnostics.clone();
    diagnostics.extend(check_workspace(&ws));
    diag::sort(&mut diagnostics, &ws.sources);
    let summary = Summary::new(ws.sources.len(), &diagnostics);
    diag::human::render_human(err, &ws.sources, &diagnostics, terminal.stderr_color, terminal.lang)?;
    if summary.errors > 0 {
        diag::human::render_summary(err, summary, terminal.lang)?;
        match terminal.lang {
            Lang::Vi => writeln!(err, "plan: không tạo lịch: các tệp có lỗi")?,
            Lang::En => writeln!(err, "plan: no calendar: the files have errors")?,
        }
        return Ok(Exit::Failure);
    }
    let mut sets = ws.plan_sets();
    sets.sort_by_key(|s| (s.plan.year.as_ref().map(|y| y.value), s.index));
    if sets.is_empty() {
        let shown = crate::source::display_path(&path);
        anyhow::bail!(Failure::new(t!("không có kế hoạch nào trong `{shown}`", "no plan under `{shown}`")));
    }
    let mut events = Vec::new();
    for set in &sets {
        let reporting = set.decision.map(|d| d.reporting.clone()).unwrap_or_default();
        let at = stamp(set.plan);
        events.extend(plan_events(set.plan, &reporting).into_iter().map(|e| (e, at)));
    }
    let text = render(&events);
    match &args.output {
        Some(file) => std::fs::write(file, text)
            .map_err(|e| Failure::cannot_write(&crate::source::display_path(file)).because(e))?,
        None => out.write_all(text.as_bytes())?,
    }
    Ok(Exit::Success)
}

/// `plans/` when it exists, else the current directory.
fn default_path() -> PathBuf {
    let plans = Path::new("plans");
    if plans.is_dir() { plans.to_path_buf() } else { PathBuf::from(".") }
}
