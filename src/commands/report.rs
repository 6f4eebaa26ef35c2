//! `plan report`: check the plan (a report from wrong data is worse than none), build the
//! report values, render them.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail};

use crate::checks::check_workspace;
use crate::cli::{Exit, ReportArgs, ReportFormat, Terminal};
use crate::diag::{self, Summary};
use crate::model::Document;
use crate::render::{self, Section};
use crate::report::{Files, PeriodChoice, build_report};
use crate::workspace::Workspace;

pub fn run(args: &ReportArgs, terminal: &Terminal, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<Exit> {
    let (plan_path, section) = positionals(&args.args)?;
    let plan_path = match plan_path {
        Some(path) => path,
        None => match default_plan(err)? {
            Some(path) => path,
            None => return Ok(Exit::Trouble),
        },
    };
    let paths: Vec<PathBuf> = std::iter::once(plan_path.clone()).chain(args.progress.iter().cloned()).collect();
    let ws = Workspace::load(&paths)?;
    if let Some(error) = ws.io_errors.first() {
        return Err(anyhow!("{error:#}"));
    }
    let mut diagnostics = ws.diagnostics.clone();
    diagnostics.extend(check_workspace(&ws));
    diag::sort(&mut diagnostics, &ws.sources);
    let summary = Summary::new(ws.sources.len(), &diagnostics);
    diag::human::render_human(err, &ws.sources, &diagnostics, terminal.stderr_color)?;
    if summary.errors > 0 {
        diag::human::render_summary(err, summary)?;
        writeln!(err, "plan: no report: the files have errors")?;
        return Ok(Exit::Failure);
    }
    let Some(set) = ws.plan_sets().into_iter().find(|s| s.index == 0) else {
        bail!("`{}` is not a plan file", crate::source::display_path(&plan_path));
    };
    let linked: Vec<usize> = ws.links.get(&0).map(|l| l.progress.clone()).unwrap_or_default();
    for (n, extra) in args.progress.iter().enumerate() {
        let index = n + 1;
        if !linked.contains(&index) {
            bail!(
                "`{}` does not record progress against `{}`",
                crate::source::display_path(extra),
                crate::source::display_path(&plan_path)
            );
        }
    }
    let mut progress_names: Vec<String> =
        linked.iter().map(|&i| ws.sources.get(ws.files[i].file).name.clone()).collect();
    progress_names.sort();
    let files = Files { plan: ws.sources.get(ws.files[0].file).name.clone(), progress: progress_names };
    let choice = if args.half_year {
        PeriodChoice::HalfYear
    } else if args.annual {
        PeriodChoice::Annual
    } else {
        PeriodChoice::AsOf(args.as_of.unwrap_or_else(|| chrono::Local::now().date_naive()))
    };
    let report = build_report(&set, files, choice).ok_or_else(|| anyhow!("the plan has no year"))?;
    let sections: Vec<Section> = section.map_or_else(|| Section::ALL.to_vec(), |s| vec![s]);
    match args.format {
        ReportFormat::Table => {
            render::table::render_table(out, &report, &sections, args.lang, terminal.stdout_terminal)?;
        }
        ReportFormat::Markdown => render::markdown::render_markdown(out, &report, &sections, args.lang)?,
        ReportFormat::Json => render::json::render_json(out, &report, &sections)?,
        ReportFormat::Csv => {
            let Some(section) = section else {
                bail!("`--format csv` prints one section: name it, as in `plan report PLAN progress --format csv`");
            };
            render::csv::render_csv(out, &report, section, args.lang)?;
        }
    }
    Ok(Exit::Success)
}

/// `[PLAN] [SECTION]`: a lone argument that names a section (and no file) is the section.
fn positionals(args: &[String]) -> anyhow::Result<(Option<PathBuf>, Option<Section>)> {
    let section = |text: &str| {
        Section::parse(text)
            .ok_or_else(|| anyhow!("unknown section `{text}`: name one of `progress`, `budget` or `deadlines`"))
    };
    match args {
        [] => Ok((None, None)),
        [one] if Section::parse(one).is_some() && !Path::new(one).exists() => Ok((None, Some(section(one)?))),
        [one] => Ok((Some(PathBuf::from(one)), None)),
        [plan, name, ..] => Ok((Some(PathBuf::from(plan)), Some(section(name)?))),
    }
}

/// The newest year's plan under `plans/`; with several for that year, they are listed and
/// `None` is returned (exit 2): there is no way to choose.
fn default_plan(err: &mut dyn Write) -> anyhow::Result<Option<PathBuf>> {
    let dir = Path::new("plans");
    if !dir.is_dir() {
        bail!(
            "no plan named, and no `plans/` directory here: name the plan, as in `plan report plans/ke-hoach-2019.toml`"
        );
    }
    let ws = Workspace::load(&[dir.to_path_buf()])?;
    let mut plans: Vec<(i32, PathBuf)> = ws
        .files
        .iter()
        .filter_map(|f| match &f.doc {
            Some(Document::Plan(p)) => Some((p.year.as_ref()?.value, ws.sources.get(f.file).path.clone())),
            _ => None,
        })
        .collect();
    plans.sort();
    let Some(newest) = plans.last().map(|(year, _)| *year) else {
        bail!("no plan file under `plans/`: name the plan to report on");
    };
    let candidates: Vec<&PathBuf> = plans.iter().filter(|(y, _)| *y == newest).map(|(_, p)| p).collect();
    if let [only] = candidates.as_slice() {
        return Ok(Some((*only).clone()));
    }
    writeln!(err, "plan: error: {} plans for {newest} under `plans/`; name one:", candidates.len())?;
    for path in candidates {
        writeln!(err, "  {}", crate::source::display_path(path))?;
    }
    Ok(None)
}
