//! Where a report goes: `-o FILE` (the format from its extension unless `--format` names
//! one), written atomically; or stdout, which a binary format refuses when it is a terminal.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, anyhow, bail};

use super::ReportFormat;
use crate::failure::Failure;
use crate::source::display_path;
use crate::t;

/// The format a file's extension names: `.docx .xlsx .html .md .json .csv .txt`.
pub fn format_of(path: &Path) -> Option<ReportFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "docx" => Some(ReportFormat::Docx),
        "xlsx" => Some(ReportFormat::Xlsx),
        "html" | "htm" => Some(ReportFormat::Html),
        "md" | "markdown" => Some(ReportFormat::Markdown),
        "json" => Some(ReportFormat::Json),
        "csv" => Some(ReportFormat::Csv),
        "txt" => Some(ReportFormat::Table),
        _ => None,
    }
}

/// The format to write: `--format` when given, else the output file's extension, else the
/// terminal table.
pub fn resolve(format: Option<ReportFormat>, output: Option<&Path>) -> anyhow::Result<ReportFormat> {
    match (format, output) {
        (Some(format), _) => Ok(format),
        (None, None) => Ok(ReportFormat::Table),
        (None, Some(path)) => format_of(path).ok_or_else(|| {
            let shown = display_path(path);
            anyhow!(Failure::new(t!(
                "không biết định dạng của `{shown}` theo phần đuôi tên tệp: dùng .docx, .xlsx, .html, .md, .json, .csv hoặc .txt, hoặc nêu bằng --format",
                "cannot tell the format of `{shown}` from its extension: use .docx, .xlsx, .html, .md, .json, .csv or .txt, or name it with --format"
            )))
        }),
    }
}

/// Whether a format's bytes are not text.
pub fn is_binary(format: ReportFormat) -> bool {
    matches!(format, ReportFormat::Docx | ReportFormat::Xlsx)
}

/// Sends the rendered bytes where they go: to `output` atomically (an existing file kept
/// unless `force`), else to `out`, which must not be a terminal for a binary format.
pub fn deliver(
    bytes: &[u8],
    format: ReportFormat,
    output: Option<&Path>,
    force: bool,
    stdout_terminal: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    if let Some(path) = output {
        return write_atomically(path, bytes, force);
    }
    if is_binary(format) && stdout_terminal {
        let ext = if format == ReportFormat::Xlsx { "xlsx" } else { "docx" };
        bail!(Failure::new(t!(
            "tệp .{ext} không hiện được trên màn hình dòng lệnh: ghi ra tệp bằng `-o bao-cao.{ext}`, hoặc chuyển đầu ra vào một tệp",
            "a .{ext} file is not for the terminal: write it with `-o report.{ext}`, or redirect stdout to a file"
        )));
    }
    out.write_all(bytes)?;
    Ok(())
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`, so that a
/// reader never sees half a file and a failed write leaves the old file whole. An existing
/// file is replaced only with `force`, as `plan new -o` does.
pub fn write_atomically(path: &Path, bytes: &[u8], force: bool) -> anyhow::Result<()> {
    if path.exists() && !force {
        let shown = display_path(path);
        bail!(Failure::new(t!(
            "`{shown}` đã có và được giữ nguyên: dùng --force để ghi đè",
            "`{shown}` exists and was left as it is: use --force to replace it"
        )));
    }
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let shown = display_path(path);
    let mut file = tempfile::NamedTempFile::new_in(dir).with_context(|| {
        let dir = display_path(dir);
        Failure::new(t!("không ghi được vào thư mục `{dir}`", "cannot write in `{dir}`"))
    })?;
    file.write_all(bytes).with_context(|| Failure::cannot_write(&shown))?;
    // A report is for others to read: not the temporary file's owner-only mode.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .with_context(|| Failure::cannot_write(&shown))?;
    }
    file.as_file().sync_all().with_context(|| Failure::cannot_write(&shown))?;
    let result = if force { file.persist(path).map(drop) } else { file.persist_noclobber(path).map(drop) };
    result.map_err(|e| anyhow!(e.error).context(Failure::cannot_write(&shown)))
}
