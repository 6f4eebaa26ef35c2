//! Bytes → files in a directory → `Workspace::load` → checks → every diagnostics format →
//! for each plan without errors, reports for several periods in every format and language.
//! The path itself is in `fuzz/shared/whole_path.rs`, shared with the regression tests.

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

#[path = "../shared/whole_path.rs"]
mod whole_path;

/// One directory per process, its files overwritten for each input.
fn dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("plan-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temporary directory");
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    whole_path::run(dir(), data);
});
