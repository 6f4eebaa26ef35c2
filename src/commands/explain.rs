//! `plan explain CODE`: what a diagnostic code means, why it matters, a minimal failing
//! example and its fix, in the chosen language, from the catalogue.

use std::io::Write;

use crate::cli::{Exit, ExplainArgs};
use crate::diag::catalog::explain::{code_named, explain, nearest_codes};
use crate::lang::Lang;

pub fn run(args: &ExplainArgs, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<Exit> {
    let Some(code) = code_named(&args.code) else {
        let near: Vec<String> = nearest_codes(&args.code).iter().map(|c| format!("`{c}`")).collect();
        let near = near.join(", ");
        let code = crate::escape::terminal(&args.code);
        match lang {
            Lang::Vi => writeln!(err, "plan: lỗi: không có mã `{code}`; mã gần nhất: {near}")?,
            Lang::En => writeln!(err, "plan: error: no code `{code}`; the nearest: {near}")?,
        }
        return Ok(Exit::Trouble);
    };
    let e = explain(code);
    let severity = match (lang, code.severity()) {
        (Lang::Vi, crate::diag::Severity::Error) => "lỗi",
        (Lang::Vi, crate::diag::Severity::Warning) => "cảnh báo",
        (Lang::En, s) => s.as_str(),
    };
    let [why, example, fix] = match lang {
        Lang::Vi => ["Vì sao cần sửa", "Ví dụ sai", "Sửa thành"],
        Lang::En => ["Why it matters", "Example", "Fixed"],
    };
    writeln!(out, "{code} ({severity})")?;
    writeln!(out)?;
    writeln!(out, "{}", e.meaning(lang))?;
    writeln!(out)?;
    writeln!(out, "{why}: {}", e.why(lang))?;
    writeln!(out)?;
    writeln!(out, "{example}:")?;
    for line in e.example.lines() {
        writeln!(out, "    {line}")?;
    }
    writeln!(out)?;
    writeln!(out, "{fix}:")?;
    for line in e.fixed.lines() {
        writeln!(out, "    {line}")?;
    }
    Ok(Exit::Success)
}
