//! The `json` format: one document with `"format": "plan-report/1"`, the report values as
//! they are (decimals as strings, dates as ISO dates), documented in docs/reports.md.

use std::io::{self, Write};

use super::Section;
use crate::report::Report;

pub const FORMAT: &str = "plan-report/1";

pub fn render_json(out: &mut dyn Write, report: &Report, sections: &[Section]) -> io::Result<()> {
    let left_out: Vec<&str> = Section::ALL.iter().filter(|s| !sections.contains(s)).map(|s| s.name()).collect();
    write_document(out, FORMAT, report, &left_out)
}

/// Writes `value` as one JSON document that starts with `"format": FORMAT`, without the
/// keys of the sections left out.
pub fn write_document(
    out: &mut dyn Write,
    format: &str,
    value: &impl serde::Serialize,
    left_out: &[&str],
) -> io::Result<()> {
    let mut value = serde_json::to_value(value)?;
    if let Some(object) = value.as_object_mut() {
        for key in left_out {
            object.remove(*key);
        }
        let mut document = serde_json::Map::new();
        document.insert("format".to_owned(), format.into());
        document.extend(std::mem::take(object));
        value = document.into();
    }
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}
