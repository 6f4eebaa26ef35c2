//! Where a reference in a file may lead. A decision's `file` or a progress file's `plan`
//! names another plan file; followed anywhere, `file = "/etc/passwd"`, `"../../…"` or a
//! symlink out of the tree would read, and quote in excerpts, files that are not plan
//! files. So a reference, relative or absolute, must lead (symlinks resolved) into the
//! checked tree: the current directory, or the directory of a path named on the command
//! line or the one above it (a plan's decision often stands one level up:
//! `file = "../quyet-dinh.toml"`). The policy is in docs/reliability.md.

use std::cell::Cell;
use std::path::{Path, PathBuf};

thread_local! {
    /// `--allow-outside`: references and symlinks may lead anywhere. Per thread, so that
    /// runs in one process (the tests, the language server) do not see each other's.
    static ALLOW_OUTSIDE: Cell<bool> = const { Cell::new(false) };
}

/// Sets `--allow-outside` for the runs on this thread.
pub fn allow_outside(allow: bool) {
    ALLOW_OUTSIDE.with(|a| a.set(allow));
}

/// The directories references may lead into, canonical, and whether `--allow-outside` was
/// given: read on the thread that made the roots, so that the plan sets checked on other
/// threads follow the same policy.
#[derive(Debug, Default, Clone)]
pub struct Roots {
    dirs: Vec<PathBuf>,
    allow: bool,
}

impl Roots {
    /// The roots for a run over `paths` (as named on the command line).
    pub fn for_paths(paths: &[PathBuf]) -> Self {
        let mut roots: Vec<PathBuf> =
            std::env::current_dir().ok().and_then(|d| d.canonicalize().ok()).into_iter().collect();
        for path in paths {
            let Ok(canonical) = path.canonicalize() else { continue };
            let dir = if canonical.is_dir() { Some(canonical.as_path()) } else { canonical.parent() };
            if let Some(dir) = dir {
                roots.push(dir.to_path_buf());
                roots.extend(dir.parent().map(Path::to_path_buf));
            }
        }
        Self { dirs: roots, allow: ALLOW_OUTSIDE.with(Cell::get) }
    }

    /// Why a reference that leads to `path` is not followed; `None` when it may be (a
    /// reference to nothing is left to the usual `no such file`).
    pub fn refuses(&self, path: &Path) -> Option<String> {
        if self.allow {
            return None;
        }
        self.refuses_canonical(&path.canonicalize().ok()?)
    }

    /// [`Roots::refuses`] for a path already made canonical.
    pub fn refuses_canonical(&self, canonical: &Path) -> Option<String> {
        if self.allow {
            return None;
        }
        if self.dirs.iter().any(|root| canonical.starts_with(root)) {
            None
        } else {
            Some("it leads outside the checked tree (the current directory and the paths named)".to_owned())
        }
    }
}
