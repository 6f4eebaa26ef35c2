//! GitHub Actions workflow commands: one `::error …::message` or `::warning …` line per
//! diagnostic, which GitHub shows as an annotation on the file and line.

use std::io::{self, Write};

use super::{Diagnostic, Lang};
use crate::source::Sources;

pub fn render_github(out: &mut dyn Write, sources: &Sources, diagnostics: &[Diagnostic], lang: Lang) -> io::Result<()> {
    for d in diagnostics {
        let at = sources.locate(&d.primary.span);
        let file = &sources.get(d.primary.span.file).name;
        let message = d.text_with_help(lang);
        writeln!(
            out,
            "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            d.severity.as_str(),
            escape_property(file),
            at.line,
            at.column,
            at.end_line,
            at.end_column,
            d.code,
            escape_data(&message)
        )?;
    }
    Ok(())
}

use crate::escape::{github_data as escape_data, github_property as escape_property};
