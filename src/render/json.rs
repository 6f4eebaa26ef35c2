//! The `json` format: one document with `"format": "plan-report/1"`, the report values as
//! they are (decimals as strings, dates as ISO dates), documented in docs/reports.md.

use std::io::{self, Write};

use super::Section;
use crate::report::Report;

pub const FORMAT: &str = "plan-report/1";

pub fn render_json(out: &mut dyn Write, report: &Report, sections: &[Section]) -> io::Result<()> {
    let mut value = serde_json::to_value(report)?;
    if let Some(object) = value.as_object_mut() {
        for section in Section::ALL {
            if !sections.contains(&section) {
                object.remove(section.name());
            }
        }
        let mut document = serde_json::Map::new();
        document.insert("format".to_owned(), FORMAT.into());
        document.extend(std::mem::take(object));
        value = document.into();
    }
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}
