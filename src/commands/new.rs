//! `plan new --year Y [--from PLAN]`: next year's plan skeleton, to stdout or to a file.
//! A file is written atomically (a temporary file beside it, then a rename) and an existing
//! one is never replaced without `--force`.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow, bail};

use crate::checks::check_workspace;
use crate::cli::{Exit, NewArgs, Terminal};
use crate::diag::{self, Summary};
use crate::failure::{Failure, describe};
use crate::lang::Lang;
use crate::skeleton::{Basis, Skeleton, write_skeleton};
use crate::source::display_path;
use crate::t;
use crate::workspace::Workspace;

pub fn run(args: &NewArgs, terminal: &Terminal, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<Exit> {
    if let Some(output) = &args.output {
        if output.exists() && !args.force {
            let shown = display_path(output);
            match terminal.lang {
                Lang::Vi => bail!("`{shown}` đã có và được giữ nguyên: dùng --force để ghi đè"),
                Lang::En => bail!("`{shown}` exists and was left as it is: use --force to replace it"),
            }
        }
    }
    let from = match &args.from {
        Some(path) => path.clone(),
        None => newest_plan()?,
    };
    // The plan's whole directory: its decision, and the other years' plans of the decision.
    let dir = from.parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let ws = Workspace::load(&[from.clone(), dir])?;
    if let Some(error) = ws.io_errors.first() {
        return Err(anyhow!(describe(error, terminal.lang)));
    }
    let mut diagnostics = ws.diagnostics.clone();
    diagnostics.extend(check_workspace(&ws));
    diag::sort(&mut diagnostics, &ws.sources);
    let summary = Summary::new(ws.sources.len(), &diagnostics);
    if summary.errors > 0 {
        diag::human::render_human(err, &ws.sources, &diagnostics, terminal.stderr_color, terminal.lang)?;
        diag::human::render_summary(err, summary, terminal.lang)?;
        match terminal.lang {
            Lang::Vi => writeln!(err, "plan: không tạo khung kế hoạch: các tệp làm gốc có lỗi")?,
            Lang::En => writeln!(err, "plan: no skeleton: the files it starts from have errors")?,
        }
        return Ok(Exit::Failure);
    }
    let sets = ws.plan_sets();
    let set = sets.iter().find(|s| s.index == 0).ok_or_else(|| match terminal.lang {
        Lang::Vi => anyhow!("`{}` không phải tệp kế hoạch", display_path(&from)),
        Lang::En => anyhow!("`{}` is not a plan file", display_path(&from)),
    })?;
    if let Some(period) = set.decision.and_then(|d| d.period.as_ref()) {
        if !period.value.contains(args.year) {
            let (year, from, to) = (args.year, period.value.from, period.value.to);
            match terminal.lang {
                Lang::Vi => bail!("năm {year} nằm ngoài giai đoạn {from}–{to} của quyết định"),
                Lang::En => bail!("{year} is outside the decision's period {from}–{to}"),
            }
        }
    }
    // Relative to where the new plan goes: beside --output, else beside the plan it follows.
    let target_dir = args
        .output
        .as_deref()
        .unwrap_or(&from)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let decision_file = set.decision.map(|d| relative_path(&ws.sources.get(d.file).path, target_dir));
    let plans =
        sets.iter().filter(|s| s.decision.map(|d| d.file) == set.decision.map(|d| d.file)).map(|s| s.plan).collect();
    let text = &ws.sources.get(set.plan.file).text;
    let basis = Basis {
        plan: set.plan,
        text,
        decision: set.decision,
        plans,
        from: display_path(&from),
        decision_file,
        lang: terminal.lang,
    };
    let skeleton = write_skeleton(&basis, args.year).with_context(|| {
        let shown = display_path(&from);
        Failure::new(t!("không dựng được khung kế hoạch từ `{shown}`", "cannot edit `{shown}` into a skeleton"))
    })?;
    let text = &skeleton.text;
    let written = match &args.output {
        None => {
            out.write_all(text.as_bytes())?;
            None
        }
        Some(path) => {
            write_atomically(path, text.as_bytes(), args.force)?;
            Some(format!("`{}`", display_path(path)))
        }
    };
    let summary = match terminal.lang {
        Lang::Vi => summary_vi(&skeleton, written.as_deref(), args.year),
        Lang::En => summary_of(&skeleton, &written.unwrap_or_else(|| "the skeleton".to_owned()), args.year),
    };
    writeln!(err, "{summary}")?;
    Ok(Exit::Success)
}

/// What `plan new` wrote and what is left to fill in.
fn summary_of(skeleton: &Skeleton, written: &str, year: i32) -> String {
    let mut next = Vec::new();
    if skeleton.targets_to_set > 0 {
        next.push(format!(
            "{} targets (`# target = …`: the files do not give what is left of a period target)",
            skeleton.targets_to_set
        ));
    }
    if skeleton.names_changed > 0 {
        let names = if skeleton.names_changed == 1 { "name" } else { "names" };
        next.push(format!(
            "check {} {names} carried over with a new count or year (`# name:`)",
            skeleton.names_changed
        ));
    }
    if skeleton.dates_moved > 0 {
        let dates = if skeleton.dates_moved == 1 { "date" } else { "dates" };
        next.push(format!("check {} {dates} moved to {year} (`moved from`)", skeleton.dates_moved));
    }
    if skeleton.budget {
        next.push("the budget (`# [budget]`: the amounts and the total in words)".to_owned());
    }
    next.push("the plan's number and date once issued".to_owned());
    let computed = if skeleton.targets_computed > 0 {
        format!(", {} targets computed from the decision's period targets", skeleton.targets_computed)
    } else {
        String::new()
    };
    format!(
        "plan: wrote {written}: the {year} plan with {} activities{computed}\nfill in next: {}\nthen run `plan check` on it",
        skeleton.activities,
        next.join("; ")
    )
}

/// [`summary_of`] in Vietnamese.
fn summary_vi(skeleton: &Skeleton, written: Option<&str>, year: i32) -> String {
    let mut next = Vec::new();
    if skeleton.targets_to_set > 0 {
        next.push(format!(
            "{} chỉ tiêu (`# target = …`: các tệp không cho biết phần còn lại của chỉ tiêu giai đoạn)",
            skeleton.targets_to_set
        ));
    }
    if skeleton.names_changed > 0 {
        next.push(format!(
            "kiểm tra {} tên hoạt động được chép sang với số lượng hoặc năm mới (`# name:`)",
            skeleton.names_changed
        ));
    }
    if skeleton.dates_moved > 0 {
        next.push(format!("kiểm tra {} ngày đã dời sang năm {year} (`dời từ`)", skeleton.dates_moved));
    }
    if skeleton.budget {
        next.push("kinh phí (`# [budget]`: các số tiền và tổng bằng chữ)".to_owned());
    }
    next.push("số và ngày của kế hoạch khi ban hành".to_owned());
    let computed = if skeleton.targets_computed > 0 {
        format!(", {} chỉ tiêu tính từ chỉ tiêu giai đoạn của quyết định", skeleton.targets_computed)
    } else {
        String::new()
    };
    let written = written.map_or_else(|| "khung kế hoạch".to_owned(), |w| format!("tệp {w}"));
    format!(
        "plan: đã ghi {written}: kế hoạch năm {year} với {} hoạt động{computed}\ncần điền tiếp: {}\nrồi chạy `plan check` trên tệp đó",
        skeleton.activities,
        next.join("; ")
    )
}

/// The newest year's plan under `plans/`.
fn newest_plan() -> anyhow::Result<PathBuf> {
    let ws = Workspace::load(&[PathBuf::from("plans")]).with_context(|| {
        Failure::new(t!(
            "không nêu --from, và không có thư mục `plans/` để lấy kế hoạch mới nhất",
            "no --from plan, and no `plans/` to take the newest from"
        ))
    })?;
    ws.plan_sets()
        .iter()
        .filter_map(|s| Some((s.plan.year.as_ref()?.value, ws.sources.get(s.plan.file).path.clone())))
        .max()
        .map(|(_, path)| path)
        .ok_or_else(|| {
            anyhow!(Failure::new(t!(
                "không có kế hoạch nào trong `plans/`: nêu một kế hoạch bằng --from",
                "no plan under `plans/`: name one with --from"
            )))
        })
}

/// The decision file's path as the new plan must cite it: relative to `base`, the
/// directory the new plan will stand in.
fn relative_path(decision: &Path, base: &Path) -> String {
    let (Ok(target), Ok(base)) = (std::fs::canonicalize(decision), std::fs::canonicalize(base)) else {
        return display_path(decision);
    };
    let common = target.components().zip(base.components()).take_while(|(a, b)| a == b).count();
    let up = base.components().count() - common;
    let path: PathBuf = std::iter::repeat_n(std::path::Component::ParentDir.as_os_str(), up)
        .chain(target.components().skip(common).map(std::path::Component::as_os_str))
        .collect();
    display_path(&path)
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`, so that a
/// reader never sees half a file and a failed write leaves the old file whole.
fn write_atomically(path: &Path, bytes: &[u8], force: bool) -> anyhow::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    // A new file gets the mode any editor would give it (0666 less the umask), not the
    // temporary file's 0600; a replaced one keeps its own.
    let existing = if force { std::fs::metadata(path).ok().filter(std::fs::Metadata::is_file) } else { None };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".plan-new-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder.tempfile_in(dir).with_context(|| {
        let dir = display_path(dir);
        Failure::new(t!("không ghi được vào thư mục `{dir}`", "cannot write in `{dir}`"))
    })?;
    let shown = display_path(path);
    if let Some(meta) = existing {
        file.as_file().set_permissions(meta.permissions()).with_context(|| Failure::cannot_write(&shown))?;
    }
    file.write_all(bytes).with_context(|| Failure::cannot_write(&shown))?;
    file.as_file().sync_all().with_context(|| Failure::cannot_write(&shown))?;
    let result = if force { file.persist(path).map(drop) } else { file.persist_noclobber(path).map(drop) };
    result.map_err(|e| anyhow!(e.error).context(Failure::cannot_write(&shown)))
}
