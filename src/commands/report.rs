//! `plan report`: check the plan (a report from wrong data is worse than none), build the
//! report values, render them.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow, bail};

use crate::checks::check_workspace;
use crate::cli::{Exit, ReportArgs, ReportFormat, Terminal};
use crate::diag::{self, Summary};
use crate::failure::{Failure, describe};
use crate::lang::Lang;
use crate::model::Document;
use crate::render::{self, Section};
use crate::report::{Files, PeriodChoice, PeriodPlan, build_period_report, build_report};
use crate::source::FileId;
use crate::t;
use crate::workspace::{PlanSet, Workspace};

pub fn run(args: &ReportArgs, terminal: &Terminal, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<Exit> {
    if let Some(decision) = &args.period {
        return run_period(decision, args, terminal, out, err);
    }
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
        return Err(anyhow!(describe(error, terminal.lang)));
    }
    let Some(set) = ws.plan_sets().into_iter().find(|s| s.index == 0) else {
        if !report_allowed(&ws, None, terminal, err)? {
            return Ok(Exit::Failure);
        }
        let shown = crate::source::display_path(&plan_path);
        bail!(Failure::new(t!("`{shown}` không phải tệp kế hoạch", "`{shown}` is not a plan file")));
    };
    if !report_allowed(&ws, Some(&set), terminal, err)? {
        return Ok(Exit::Failure);
    }
    let linked: Vec<usize> = ws.links.get(&0).map(|l| l.progress.clone()).unwrap_or_default();
    for (n, extra) in args.progress.iter().enumerate() {
        let index = n + 1;
        if !linked.contains(&index) {
            let (extra, plan) = (crate::source::display_path(extra), crate::source::display_path(&plan_path));
            bail!(Failure::new(t!(
                "`{extra}` không ghi tiến độ của `{plan}`",
                "`{extra}` does not record progress against `{plan}`"
            )));
        }
    }
    let mut progress_names: Vec<String> = linked.iter().filter_map(|&i| ws.name(i)).map(str::to_owned).collect();
    progress_names.sort();
    let files = Files { plan: ws.name(0).unwrap_or_default().to_owned(), progress: progress_names };
    let choice = if args.half_year {
        PeriodChoice::HalfYear
    } else if args.annual {
        PeriodChoice::Annual
    } else {
        PeriodChoice::AsOf(args.as_of.unwrap_or_else(|| chrono::Local::now().date_naive()))
    };
    let mut report = build_report(&set, files, choice)
        .ok_or_else(|| anyhow!(Failure::new(t!("kế hoạch không ghi năm", "the plan has no year"))))?;
    if let Some(unit) = args.money_unit {
        report.money_unit = unit;
    }
    let sections: Vec<Section> = section.map_or_else(|| Section::ALL.to_vec(), |s| vec![s]);
    let output = args.output.as_deref();
    let format = render::output::resolve(args.format, output)?;
    // Boxes and the terminal's width only when the table goes to the terminal itself.
    let boxes = terminal.stdout_terminal && output.is_none();
    if args.excel && format != ReportFormat::Csv {
        bail!(Failure::new(t!("--excel chỉ dùng với `--format csv`", "--excel is for `--format csv`")));
    }
    let mut bytes: Vec<u8> = Vec::new();
    match format {
        ReportFormat::Table => {
            render::table::render_table(&mut bytes, &report, &sections, args.lang, boxes)?;
        }
        ReportFormat::Markdown => render::markdown::render_markdown(&mut bytes, &report, &sections, args.lang)?,
        ReportFormat::Json => render::json::render_json(&mut bytes, &report, &sections)?,
        ReportFormat::Csv => {
            let Some(section) = section else {
                bail!(Failure::new(t!(
                    "`--format csv` in một phần: nêu tên phần đó, như `plan report PLAN progress --format csv`",
                    "`--format csv` prints one section: name it, as in `plan report PLAN progress --format csv`"
                )));
            };
            let dialect = if args.excel { render::csv::Dialect::Excel } else { render::csv::Dialect::Rfc4180 };
            render::csv::render_csv_as(&mut bytes, &report, section, args.lang, dialect)?;
        }
        ReportFormat::Docx => {
            let head = render::docx::Letterhead::of(&set, report.period);
            let narrative = narrative(args)?;
            let mut cursor = std::io::Cursor::new(Vec::new());
            render::docx::render_docx(&mut cursor, &report, &head, &narrative)?;
            bytes = cursor.into_inner();
        }
        ReportFormat::Xlsx => bytes = render::xlsx::render_xlsx(&report)?,
        ReportFormat::Html => render::html::render_html(&mut bytes, &report)?,
    }
    render::output::deliver(&bytes, format, output, args.force, terminal.stdout_terminal, out)?;
    Ok(Exit::Success)
}

/// The `--narrative` file, with `--number`, `--date` and `--signer` over it.
fn narrative(args: &ReportArgs) -> anyhow::Result<render::docx::Narrative> {
    let mut narrative = match &args.narrative {
        Some(path) => {
            let shown = crate::source::display_path(path);
            let text = std::fs::read_to_string(path).with_context(|| Failure::cannot_read(&shown))?;
            render::docx::Narrative::parse(&text).map_err(|e| {
                let why = crate::diag::catalog::settings_error(&e, &text);
                let (vi, en) = (why.vi, why.en);
                anyhow!(Failure::new(t!(
                    "`{shown}` không phải tệp lời văn của báo cáo: {vi}",
                    "`{shown}` is not a narrative file: {en}"
                )))
            })?
        }
        None => render::docx::Narrative::default(),
    };
    if let Some(number) = &args.number {
        narrative.number = Some(number.clone());
    }
    if let Some(date) = args.date {
        narrative.date = Some(date);
    }
    if let Some(signer) = &args.signer {
        narrative.signer = Some(signer.clone());
    }
    Ok(narrative)
}

/// Checks what was read and prints its diagnostics; `false` when there are errors, which
/// stop the report (a report from wrong data is worse than none). For one plan's report,
/// only what bears on it counts: its own files (the plan, its decision, its progress
/// files) and any file that could not be understood at all but names the plan's file,
/// which might have been one of them. Another year's broken progress file does not stop this year's report.
fn report_allowed(
    ws: &Workspace,
    set: Option<&PlanSet<'_>>,
    terminal: &Terminal,
    err: &mut dyn Write,
) -> anyhow::Result<bool> {
    let mut diagnostics = ws.diagnostics.clone();
    diagnostics.extend(check_workspace(ws));
    if let Some(set) = set {
        let mut own: Vec<FileId> = vec![set.plan.file];
        own.extend(set.decision.map(|d| d.file));
        own.extend(set.progress.iter().map(|p| p.file));
        let plan_name = ws.sources.get(set.plan.file).path.file_name().map(|n| n.to_string_lossy().into_owned());
        let may_be_its_own = |text: &str| plan_name.as_ref().is_none_or(|name| text.contains(name.as_str()));
        own.extend(
            ws.files.iter().filter(|f| f.doc.is_none() && may_be_its_own(&ws.sources.get(f.file).text)).map(|f| f.file),
        );
        diagnostics.retain(|d| own.contains(&d.primary.span.file));
    }
    diag::sort(&mut diagnostics, &ws.sources);
    let summary = Summary::new(ws.sources.len(), &diagnostics);
    diag::human::render_human(err, &ws.sources, &diagnostics, terminal.stderr_color, terminal.lang)?;
    if summary.errors > 0 {
        diag::human::render_summary(err, summary, terminal.lang)?;
        match terminal.lang {
            Lang::Vi => writeln!(err, "plan: không lập báo cáo: các tệp có lỗi")?,
            Lang::En => writeln!(err, "plan: no report: the files have errors")?,
        }
    }
    Ok(summary.errors == 0)
}

/// `plan report --period DECISION [SECTION]`.
fn run_period(
    path: &Path,
    args: &ReportArgs,
    terminal: &Terminal,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let section = match args.args.as_slice() {
        [] => None,
        [name] => Some(Section::parse(name).ok_or_else(|| anyhow!(unknown_section(name)))?),
        _ => bail!(Failure::new(t!(
            "với `--period`, nêu nhiều nhất một phần: các kế hoạch là các kế hoạch của quyết định",
            "with `--period`, name at most one section: the plans are those of the decision"
        ))),
    };
    let dir = if path.is_dir() {
        path.to_path_buf()
    } else {
        path.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    };
    let dir = if dir.as_os_str().is_empty() { PathBuf::from(".") } else { dir };
    let ws = Workspace::load(&[dir])?;
    if let Some(error) = ws.io_errors.first() {
        return Err(anyhow!(describe(error, terminal.lang)));
    }
    let wanted = if path.is_dir() { None } else { Some(canonical(path)?) };
    let decisions: Vec<&crate::workspace::Loaded> = ws
        .files
        .iter()
        .filter(|f| matches!(f.doc, Some(Document::Decision(_))) && wanted.as_ref().is_none_or(|w| &f.canonical == w))
        .collect();
    let loaded = match decisions.as_slice() {
        [one] => *one,
        [] => {
            let shown = crate::source::display_path(path);
            bail!(Failure::new(t!("không có tệp quyết định ở `{shown}`", "no decision file at `{shown}`")))
        }
        many => {
            let (n, shown) = (many.len(), crate::source::display_path(path));
            let line =
                t!("có {n} quyết định trong `{shown}`; hãy nêu một:", "{n} decisions under `{shown}`; name one:");
            writeln!(err, "{}{}", crate::failure::prefix(terminal.lang), line.get(terminal.lang))?;
            for f in many {
                writeln!(err, "  {}", ws.sources.get(f.file).name)?;
            }
            return Ok(Exit::Trouble);
        }
    };
    if !report_allowed(&ws, None, terminal, err)? {
        return Ok(Exit::Failure);
    }
    let Some(Document::Decision(decision)) = &loaded.doc else {
        bail!(Failure::new(t!("không phải tệp quyết định", "not a decision file")))
    };
    let sets: Vec<PlanSet<'_>> =
        ws.plan_sets().into_iter().filter(|s| s.decision.is_some_and(|d| d.file == decision.file)).collect();
    // The newest year's plan names who reports to whom (the .docx letterhead).
    let newest = sets.iter().filter(|s| s.plan.year.is_some()).max_by_key(|s| s.plan.year.as_ref().map(|y| y.value));
    let head = render::docx::Letterhead::of_period(decision, newest);
    let plans: Vec<PeriodPlan<'_>> = sets
        .iter()
        .map(|s| PeriodPlan {
            plan: s.plan,
            progress: s.progress.clone(),
            file: ws.sources.get(s.plan.file).name.clone(),
        })
        .collect();
    let as_of = args.as_of.unwrap_or_else(|| chrono::Local::now().date_naive());
    let mut report = build_period_report(decision, &plans, as_of).ok_or_else(|| {
        anyhow!(Failure::new(t!("quyết định không ghi số hoặc giai đoạn", "the decision has no number or period")))
    })?;
    if let Some(unit) = args.money_unit {
        report.money_unit = unit;
    }
    let sections: Vec<Section> = section.map_or_else(|| Section::ALL.to_vec(), |s| vec![s]);
    let output = args.output.as_deref();
    let format = render::output::resolve(args.format, output)?;
    if section.is_some() && matches!(format, ReportFormat::Docx | ReportFormat::Xlsx) {
        bail!(Failure::new(t!(
            "báo cáo tổng hợp dạng .docx hay .xlsx là cả văn bản: bỏ tên phần đi",
            "a .docx or .xlsx roll-up is the whole document: leave out the section"
        )));
    }
    if args.excel {
        bail!(Failure::new(t!(
            "--excel chưa dùng được cho báo cáo tổng hợp giai đoạn",
            "--excel is not for the period roll-up yet"
        )));
    }
    if format == ReportFormat::Csv && section.is_none() {
        bail!(Failure::new(t!(
            "`--format csv` in một phần: nêu tên phần đó, như `plan report --period DECISION progress --format csv`",
            "`--format csv` prints one section: name it, as in `plan report --period DECISION progress --format csv`"
        )));
    }
    let mut bytes: Vec<u8> = Vec::new();
    let boxes = terminal.stdout_terminal && output.is_none();
    match format {
        ReportFormat::Docx => {
            let mut cursor = std::io::Cursor::new(Vec::new());
            render::docx::render_period_docx(&mut cursor, &report, &head, &narrative(args)?)?;
            bytes = cursor.into_inner();
        }
        ReportFormat::Xlsx => bytes = render::xlsx::render_period_xlsx(&report)?,
        _ => render::period::render_period(&mut bytes, &report, &sections, format, args.lang, boxes)?,
    }
    render::output::deliver(&bytes, format, output, args.force, terminal.stdout_terminal, out)?;
    Ok(Exit::Success)
}

/// `[PLAN] [SECTION]`: a lone argument that names a section (and no file) is the section.
fn positionals(args: &[String]) -> anyhow::Result<(Option<PathBuf>, Option<Section>)> {
    let section = |text: &str| Section::parse(text).ok_or_else(|| anyhow!(unknown_section(text)));
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
        bail!(Failure::new(t!(
            "chưa nêu kế hoạch, và ở đây không có thư mục `plans/`: nêu kế hoạch, như `plan report plans/ke-hoach-2019.toml`",
            "no plan named, and no `plans/` directory here: name the plan, as in `plan report plans/ke-hoach-2019.toml`"
        )));
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
        bail!(Failure::new(t!(
            "không có tệp kế hoạch nào trong `plans/`: nêu kế hoạch cần báo cáo",
            "no plan file under `plans/`: name the plan to report on"
        )));
    };
    let candidates: Vec<&PathBuf> = plans.iter().filter(|(y, _)| *y == newest).map(|(_, p)| p).collect();
    if let [only] = candidates.as_slice() {
        return Ok(Some((*only).clone()));
    }
    let (n, lang) = (candidates.len(), crate::failure::lang());
    let line = t!(
        "có {n} kế hoạch năm {newest} trong `plans/`; hãy nêu một:",
        "{n} plans for {newest} under `plans/`; name one:"
    );
    writeln!(err, "{}{}", crate::failure::prefix(lang), line.get(lang))?;
    for path in candidates {
        writeln!(err, "  {}", crate::source::display_path(path))?;
    }
    Ok(None)
}

/// A section name that is none of the three.
fn unknown_section(name: &str) -> Failure {
    Failure::new(t!(
        "không có phần `{name}`: nêu một trong `progress`, `budget` hoặc `deadlines`",
        "unknown section `{name}`: name one of `progress`, `budget` or `deadlines`"
    ))
}

/// The path with its links resolved; one that is not there is an error naming it.
fn canonical(path: &Path) -> anyhow::Result<PathBuf> {
    std::fs::canonicalize(path).with_context(|| Failure::cannot_read(&crate::source::display_path(path)))
}
