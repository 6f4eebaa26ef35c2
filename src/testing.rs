//! Test support: write plan files to a temporary directory and check them, so that unit
//! tests can be built from TOML strings and still go through the real loader.

use std::path::PathBuf;

use crate::checks::check_workspace;
use crate::diag::{self, Diagnostic};
use crate::workspace::Workspace;

/// A checked set of files, kept on disk while the value lives.
pub struct Checked {
    /// Kept so that the files stay on disk while the spans point into them.
    _dir: tempfile::TempDir,
    pub ws: Workspace,
    pub diagnostics: Vec<Diagnostic>,
}

/// A decision, a plan and a progress file that check clean; tests change one thing.
pub const DECISION: &str = r#"[decision]
number = "1186/QĐ-UBND"
date = 2016-05-16
title = "Nâng cao năng suất và chất lượng"
period = { from = 2016, to = 2020 }
lead = "so-khcn"

[[agency]]
id = "so-khcn"
name = "Sở Khoa học và Công nghệ"
aliases = ["Sở KH&CN"]

[[agency]]
id = "ubnd-tinh"
name = "Ủy ban nhân dân tỉnh"
aliases = ["UBND tỉnh"]

[[item]]
id = "he-thong"
name = "Hệ thống quản lý"
unit = "hệ thống"

[[item]]
id = "giai-thuong"
name = "Giải thưởng"
unit = "doanh nghiệp"
"#;

pub const PLAN: &str = r#"[plan]
title = "Kế hoạch năm 2019"
year = 2019
decision = { number = "1186/QĐ-UBND", date = 2016-05-16, file = "decision.toml" }

[[activity]]
id = "he-thong"
name = "Xây dựng hệ thống quản lý"
target = 5
unit = "hệ thống"
lead = "Sở KH&CN"

[[activity]]
id = "giai-thuong"
name = "Hỗ trợ doanh nghiệp đạt giải"
target = 3
unit = "doanh nghiệp"
breakdown = { vang = 1, thuong = 2 }

[budget]
total = "300.000.000"
in-words = "Ba trăm triệu đồng"

[[budget.line]]
id = "l1"
activity = "he-thong"
amount = "200.000.000"

[[budget.line]]
id = "l2"
activity = "giai-thuong"
amount = 100_000_000

[[report]]
kind = "half-year"
due-before = 2019-06-30
to = "UBND tỉnh"

[[report]]
kind = "annual"
due-before = 2019-12-15
"#;

pub const PROGRESS: &str = r#"[progress]
plan = "plan.toml"

[[achievement]]
activity = "he-thong"
date = 2019-05-20
quantity = 2

[[disbursement]]
line = "l1"
date = 2019-05-25
amount = "150.000.000"

[[submission]]
report = "half-year"
date = 2019-06-27
"#;

/// Writes `files` (name, text) to a fresh directory and checks the whole directory.
pub fn check_files(files: &[(&str, &str)]) -> Checked {
    let bytes: Vec<(&str, &[u8])> = files.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
    check_bytes(&bytes)
}

pub fn check_bytes(files: &[(&str, &[u8])]) -> Checked {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).expect("a writable temporary directory");
    }
    let ws = Workspace::load(&[PathBuf::from(dir.path())]).expect("the files load");
    let mut diagnostics = ws.diagnostics.clone();
    diagnostics.extend(check_workspace(&ws));
    diag::sort(&mut diagnostics, &ws.sources);
    Checked { _dir: dir, ws, diagnostics }
}

/// The standard three files, with `(file, from, to)` replacements applied.
pub fn check_changed(changes: &[(&str, &str, &str)]) -> Checked {
    let mut files = [
        ("decision.toml", DECISION.to_owned()),
        ("plan.toml", PLAN.to_owned()),
        ("progress.toml", PROGRESS.to_owned()),
    ];
    for (file, from, to) in changes {
        let entry = files.iter_mut().find(|(n, _)| n == file).expect("a known file");
        assert!(entry.1.contains(from), "`{from}` is not in {file}");
        entry.1 = entry.1.replacen(from, to, 1);
    }
    let refs: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
    check_files(&refs)
}

impl Checked {
    /// Each diagnostic as `code file:line message`.
    pub fn lines(&self) -> Vec<String> {
        self.diagnostics
            .iter()
            .map(|d| {
                let file = self.ws.sources.get(d.primary.span.file);
                let name = file.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                format!("{} {name}:{} {}", d.code, self.ws.sources.locate(&d.primary.span).line, d.message.en)
            })
            .collect()
    }
}
