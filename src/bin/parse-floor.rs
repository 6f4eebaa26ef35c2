//! The parse floor of the benchmark (docs/performance.md): the `toml` crate alone,
//! `DeTable::parse_recoverable`, over the same `*.toml` files `plan check` reads, in one
//! process and one thread. What `plan check` costs beyond this is the tool's own.
//!
//! `parse-floor PATH…` prints `files N, bytes N, errors N` on stdout.

use std::io::Write;

/// The allocator `plan` uses (src/main.rs), so that the floor and `plan check` are
/// compared on the same one.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;
use std::path::{Path, PathBuf};

fn walk(path: &Path, found: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else { return };
        let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.') || n == "target");
            if !hidden {
                walk(&p, found);
            }
        }
    } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("toml")) {
        found.push(path.to_path_buf());
    }
}

fn main() -> std::process::ExitCode {
    let mut found = Vec::new();
    for arg in std::env::args_os().skip(1) {
        walk(Path::new(&arg), &mut found);
    }
    let (mut bytes, mut errors) = (0usize, 0usize);
    for path in &found {
        // One file at a time, as `plan check` holds one plan set at a time.
        let Ok(text) = std::fs::read_to_string(path) else { continue };
        bytes += text.len();
        let (table, errs) = toml::de::DeTable::parse_recoverable(&text);
        errors += errs.len();
        drop(table);
    }
    let mut out = std::io::stdout().lock();
    if writeln!(out, "files {}, bytes {bytes}, errors {errors}", found.len()).is_err() {
        return std::process::ExitCode::from(2);
    }
    std::process::ExitCode::SUCCESS
}
