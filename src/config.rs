//! Choosing checks: `--allow CODE` silences a code's warnings, `--deny CODE` makes them
//! errors; the same lists can be kept in `.plan/config.toml` (a `[check]` table) in the
//! directory `plan check` runs in. An error cannot be allowed: it stays an error.
//!
//! The file lives in a hidden directory so that `plan check .` never reads it as a plan file
//! (hidden directories are skipped; a `*.toml` beside the plans would be checked).

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, bail};
use serde::Deserialize;

use crate::diag::{Code, Diagnostic, Severity};
use crate::failure::Failure;
use crate::lang::Text;
use crate::t;

/// Where the project's check settings live, relative to the current directory.
pub const CONFIG_PATH: &str = ".plan/config.toml";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Allow,
    Deny,
}

/// What to do with each code named; codes not named keep their severity.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Policy {
    pub levels: BTreeMap<Code, Level>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    check: CheckTable,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckTable {
    #[serde(default)]
    allow: Vec<String>,
    #[serde(default)]
    deny: Vec<String>,
}

impl Policy {
    /// The file's lists (if `dir/.plan/config.toml` exists), then the command line's: a code
    /// on the command line overrides the file; one code both allowed and denied in one
    /// place is an error.
    pub fn load(dir: &Path, allow: &[String], deny: &[String]) -> anyhow::Result<Self> {
        let mut policy = Self::default();
        let path = dir.join(CONFIG_PATH);
        if path.is_file() {
            let text = std::fs::read_to_string(&path).with_context(|| Failure::cannot_read(CONFIG_PATH))?;
            let file: File = toml::from_str(&text).map_err(|e| {
                let why = crate::diag::catalog::settings_error(&e, &text);
                Failure::new(t!(
                    "`{CONFIG_PATH}` không phải tệp cài đặt hợp lệ: {}",
                    "`{CONFIG_PATH}` is not a valid settings file: {}",
                    why.vi,
                    why.en
                ))
            })?;
            policy.add(&file.check.allow, &file.check.deny, &Text::same(CONFIG_PATH))?;
        }
        policy.add(allow, deny, &t!("dòng lệnh", "the command line"))?;
        Ok(policy)
    }

    fn add(&mut self, allow: &[String], deny: &[String], place: &Text) -> anyhow::Result<()> {
        let allow: Vec<Code> = allow.iter().map(|c| parse_code(c)).collect::<anyhow::Result<_>>()?;
        let deny: Vec<Code> = deny.iter().map(|c| parse_code(c)).collect::<anyhow::Result<_>>()?;
        for code in &allow {
            if deny.contains(code) {
                bail!(Failure::new(t!(
                    "`{code}` vừa được cho phép vừa bị cấm trong {}",
                    "`{code}` is both allowed and denied in {}",
                    place.vi,
                    place.en
                )));
            }
            if code.severity() == Severity::Error {
                bail!(Failure::new(t!(
                    "`{code}` là lỗi nên không cho phép bỏ qua được: chỉ bỏ qua được cảnh báo (lỗi vẫn là lỗi)",
                    "`{code}` is an error and cannot be allowed: only warnings can (an error stays an error)"
                )));
            }
        }
        self.levels.extend(allow.into_iter().map(|c| (c, Level::Allow)));
        self.levels.extend(deny.into_iter().map(|c| (c, Level::Deny)));
        Ok(())
    }

    /// Drops allowed warnings and turns denied ones into errors.
    pub fn apply(&self, diagnostics: &mut Vec<Diagnostic>) {
        diagnostics.retain(|d| !(d.severity == Severity::Warning && self.levels.get(&d.code) == Some(&Level::Allow)));
        for d in diagnostics.iter_mut() {
            if self.levels.get(&d.code) == Some(&Level::Deny) {
                d.severity = Severity::Error;
            }
        }
    }
}

/// A code by its text; an unknown one is an error naming the nearest code.
pub fn parse_code(text: &str) -> anyhow::Result<Code> {
    if let Some(code) = Code::ALL.iter().find(|c| c.as_str() == text) {
        return Ok(*code);
    }
    let nearest = Code::ALL
        .iter()
        .map(|c| (strsim::levenshtein(c.as_str(), text), c.as_str()))
        .min()
        .filter(|(distance, _)| *distance <= 3.max(text.len() / 3));
    match nearest {
        Some((_, near)) => {
            bail!(Failure::new(t!(
                "không có mã `{text}`: có phải ý là `{near}`? (danh sách mã: docs/diagnostics.md)",
                "unknown diagnostic code `{text}`: did you mean `{near}`? (codes: docs/diagnostics.md)"
            )))
        }
        None => bail!(Failure::new(t!(
            "không có mã `{text}` (danh sách mã: docs/diagnostics.md)",
            "unknown diagnostic code `{text}` (codes: docs/diagnostics.md)"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The error in Vietnamese and in English.
    fn err(result: anyhow::Result<Policy>) -> (String, String) {
        use crate::failure::describe;
        use crate::lang::Lang;
        result.err().map(|e| (describe(&e, Lang::Vi), describe(&e, Lang::En))).unwrap_or_default()
    }

    #[test]
    fn an_unknown_code_names_the_nearest() {
        let none = Path::new("/nonexistent");
        assert_eq!(
            err(Policy::load(none, &["over-targt".into()], &[])),
            (
                "không có mã `over-targt`: có phải ý là `over-target`? (danh sách mã: docs/diagnostics.md)".into(),
                "unknown diagnostic code `over-targt`: did you mean `over-target`? (codes: docs/diagnostics.md)".into()
            )
        );
        assert_eq!(
            err(Policy::load(none, &[], &["zzz".into()])),
            (
                "không có mã `zzz` (danh sách mã: docs/diagnostics.md)".into(),
                "unknown diagnostic code `zzz` (codes: docs/diagnostics.md)".into()
            )
        );
    }

    #[test]
    fn an_error_cannot_be_allowed_and_a_code_not_both() {
        let none = Path::new("/nonexistent");
        assert_eq!(
            err(Policy::load(none, &["overspent".into()], &[])),
            (
                "`overspent` là lỗi nên không cho phép bỏ qua được: chỉ bỏ qua được cảnh báo (lỗi vẫn là lỗi)".into(),
                "`overspent` is an error and cannot be allowed: only warnings can (an error stays an error)".into()
            )
        );
        assert_eq!(
            err(Policy::load(none, &["over-target".into()], &["over-target".into()])),
            (
                "`over-target` vừa được cho phép vừa bị cấm trong dòng lệnh".into(),
                "`over-target` is both allowed and denied in the command line".into()
            )
        );
    }

    #[test]
    fn the_command_line_overrides_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(".plan")).unwrap();
        std::fs::write(
            dir.path().join(CONFIG_PATH),
            "[check]\nallow = [\"over-target\"]\ndeny = [\"lead-mismatch\"]\n",
        )
        .unwrap();
        let policy = Policy::load(dir.path(), &[], &["over-target".into()]).unwrap();
        assert_eq!(
            policy.levels.into_iter().collect::<Vec<_>>(),
            vec![(Code::LeadMismatch, Level::Deny), (Code::OverTarget, Level::Deny)]
        );
    }
}
