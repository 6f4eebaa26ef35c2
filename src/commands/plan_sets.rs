//! `plan check` one plan set at a time, so that memory is bounded by the largest plan set,
//! not the whole run. The walk's files are seeds; each seed not yet read loads its closure
//! (a decision, its plans and their progress files: [`Workspace::load_closure`]) as its
//! own workspace, which is checked and dropped at once. What is kept of it are its
//! diagnostics and the texts of the files they point into (an excerpt needs its file);
//! a valid file leaves nothing behind. Closures are loaded on every core, a run of
//! consecutive seeds on each; two closures that share a file (a plan in one directory
//! citing a decision in another: the decision pulls in the plans under its directory, the
//! plan pulls in the decision) are merged and checked again as one, so that a decision's
//! period checks see every plan that cites it. The closures that are left are the same
//! whatever the number of cores, and so are the diagnostics (docs/performance.md).

use crate::hash::HashMap;
use std::path::PathBuf;

use crate::checks::check_workspace_capped;
use crate::diag::Diagnostic;
use crate::diag::cap::Suppressed;
use crate::source::{FileId, SourceFile, Sources};
use crate::workspace::{Walked, Workspace};

/// What checking every plan set of a run found, as one run would.
pub struct Checked {
    /// The files the diagnostics point into (the others were dropped once checked).
    pub sources: Sources,
    pub diagnostics: Vec<Diagnostic>,
    /// Counted and not kept (`diag::cap`).
    pub counted: Vec<Suppressed>,
    pub io_errors: Vec<anyhow::Error>,
    /// How many files were read in all.
    pub files: usize,
}

/// One closure, checked.
struct Piece {
    seeds: Vec<PathBuf>,
    /// The canonical paths of its files: how closures that meet are told.
    canonical: Vec<PathBuf>,
    files: usize,
    /// The files its diagnostics point into; ids are indexes into this.
    kept: Vec<SourceFile>,
    diagnostics: Vec<Diagnostic>,
    counted: Vec<Suppressed>,
    io_errors: Vec<anyhow::Error>,
}

/// Loads and checks every plan set of `paths`, one closure at a time.
pub fn check(paths: &[PathBuf]) -> anyhow::Result<Checked> {
    use rayon::prelude::*;
    let walked = Workspace::walk(paths)?;
    // Runs of consecutive seeds, sixteen for each core so that one slow run does not keep
    // the other cores waiting at the end: consecutive files are mostly one directory's,
    // one closure, read once.
    let runs = runs(&walked.files, rayon::current_num_threads() * 16);
    let pieces: Vec<Vec<Piece>> = runs.par_iter().map(|seeds| check_run(seeds, &walked)).collect();
    let pieces = merge_met(drop_held(pieces.into_iter().flatten().collect()), &walked);
    let Walked { io_errors, .. } = walked;
    Ok(join(pieces, io_errors))
}

/// The fewest files a run of seeds has: below it, cutting costs more than it spreads.
const MIN_RUN: usize = 32;

/// The files cut into about `count` runs of consecutive files, each cut moved on to where
/// a directory ends: a closure is mostly one directory's files, and one cut in the middle
/// of it would have two runs load it.
fn runs(files: &[PathBuf], count: usize) -> Vec<&[PathBuf]> {
    // Not fewer than `MIN_RUN` files a run: a directory of a few large files (one plan of
    // 16,000 activities and its progress files) cut in two was loaded whole by both runs.
    let size = files.len().div_ceil(count.max(1)).max(MIN_RUN);
    let mut runs = Vec::new();
    let mut start = 0;
    while start < files.len() {
        let mut end = (start + size).min(files.len());
        // At most one run's length further, so that a flat directory of every file is
        // still cut.
        let limit = (end + size).min(files.len());
        while end < limit && files.get(end).map(|f| f.parent()) == files.get(end - 1).map(|f| f.parent()) {
            end += 1;
        }
        runs.extend(files.get(start..end));
        start = end;
    }
    runs
}

/// Checks the closures of a run of seeds, each seed not already read by one before it.
fn check_run(seeds: &[PathBuf], walked: &Walked) -> Vec<Piece> {
    let mut read: crate::hash::HashSet<PathBuf> = crate::hash::HashSet::default();
    let mut pieces = Vec::new();
    for seed in seeds {
        let canonical = walked.known.canonical(seed).map(std::path::Path::to_path_buf);
        if canonical.as_ref().is_some_and(|c| read.contains(c)) {
            continue;
        }
        let piece = check_closure(std::slice::from_ref(seed), walked);
        read.extend(piece.canonical.iter().cloned());
        pieces.push(piece);
    }
    pieces
}

/// Loads the closure of `seeds`, checks it, and keeps what its diagnostics need.
fn check_closure(seeds: &[PathBuf], walked: &Walked) -> Piece {
    let mut ws = Workspace::load_closure(seeds, walked);
    let (checked, mut counted) = check_workspace_capped(&ws);
    let mut diagnostics = std::mem::take(&mut ws.diagnostics);
    diagnostics.extend(checked);
    counted.append(&mut ws.not_built);
    let canonical = ws.files.iter().map(|f| f.canonical.clone()).collect();
    let files = ws.sources.len();
    let io_errors = std::mem::take(&mut ws.io_errors);
    let sources = std::mem::take(&mut ws.sources).into_files();
    drop(ws);
    // The files pointed into, renumbered in their order.
    let used: crate::hash::HashSet<FileId> = diagnostics
        .iter()
        .flat_map(|d| std::iter::once(&d.primary).chain(&d.secondary).map(|l| l.span.file))
        .chain(counted.iter().map(|s| s.file))
        .collect();
    let mut renumber: HashMap<FileId, FileId> = HashMap::default();
    let mut kept = Vec::new();
    for (id, source) in sources {
        if used.contains(&id) {
            renumber.insert(id, FileId(kept.len()));
            kept.push(source);
        }
    }
    let to = |file: FileId| renumber.get(&file).copied().unwrap_or(file);
    renumber_all(&mut diagnostics, &mut counted, to);
    Piece { seeds: seeds.to_vec(), canonical, files, kept, diagnostics, counted, io_errors }
}

/// Points every diagnostic and count at the file `to` gives for the one it points at.
fn renumber_all(diagnostics: &mut [Diagnostic], counted: &mut [Suppressed], to: impl Fn(FileId) -> FileId) {
    for d in diagnostics {
        d.primary.span.file = to(d.primary.span.file);
        for label in &mut d.secondary {
            label.span.file = to(label.span.file);
        }
    }
    for s in counted {
        s.file = to(s.file);
    }
}

/// Closures that share a file, merged: each group of closures that meet (directly or
/// through others) loaded again from all their seeds as one, in the place of the first.
fn merge_met(pieces: Vec<Piece>, walked: &Walked) -> Vec<Piece> {
    let mut parent: Vec<usize> = (0..pieces.len()).collect();
    let mut owner: HashMap<&PathBuf, usize> = HashMap::default();
    for (index, piece) in pieces.iter().enumerate() {
        for file in &piece.canonical {
            if let Some(&other) = owner.get(file) {
                let (a, b) = (root(&parent, other), root(&parent, index));
                if let Some(p) = parent.get_mut(a.max(b)) {
                    *p = a.min(b);
                }
            } else {
                owner.insert(file, index);
            }
        }
    }
    let groups: Vec<usize> = (0..pieces.len()).map(|i| root(&parent, i)).collect();
    if groups.iter().enumerate().all(|(i, &g)| i == g) {
        return pieces;
    }
    let mut seeds: HashMap<usize, Vec<PathBuf>> = HashMap::default();
    for (piece, &group) in pieces.iter().zip(&groups) {
        seeds.entry(group).or_default().extend(piece.seeds.iter().cloned());
    }
    let mut merged = Vec::new();
    for (index, (piece, group)) in pieces.into_iter().zip(groups).enumerate() {
        if group != index {
            continue;
        }
        match seeds.get(&index) {
            Some(all) if all.len() > piece.seeds.len() => merged.push(check_closure(all, walked)),
            _ => merged.push(piece),
        }
    }
    merged
}

/// Of pieces that meet, one whose files hold the others' (two runs that loaded the same
/// directory) stands for them all: it is what loading them together gives, as a closure
/// holds the closure of each of its files. The others are dropped, not loaded again.
fn drop_held(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut largest: HashMap<&PathBuf, usize> = HashMap::default();
    for (index, piece) in pieces.iter().enumerate() {
        for file in &piece.canonical {
            let best = largest.entry(file).or_insert(index);
            if pieces.get(*best).map_or(0, |p| p.canonical.len()) < piece.canonical.len() {
                *best = index;
            }
        }
    }
    // A piece is held by another when one piece holds every file of it and more of them.
    let held: Vec<bool> = pieces
        .iter()
        .enumerate()
        .map(|(index, piece)| {
            let Some(&by) = piece.canonical.first().and_then(|f| largest.get(f)) else { return false };
            by != index
                && pieces.get(by).is_some_and(|other| {
                    let theirs: crate::hash::HashSet<&PathBuf> = other.canonical.iter().collect();
                    piece.canonical.iter().all(|f| theirs.contains(f))
                })
        })
        .collect();
    pieces.into_iter().zip(held).filter(|(_, held)| !held).map(|(piece, _)| piece).collect()
}

/// The group `at` is in: the first piece of it.
fn root(parent: &[usize], mut at: usize) -> usize {
    while let Some(&up) = parent.get(at) {
        if up == at {
            break;
        }
        at = up;
    }
    at
}

/// The pieces as one run's: files renumbered one after the other.
fn join(pieces: Vec<Piece>, mut io_errors: Vec<anyhow::Error>) -> Checked {
    let mut checked = Checked {
        sources: Sources::default(),
        diagnostics: Vec::new(),
        counted: Vec::new(),
        io_errors: Vec::new(),
        files: 0,
    };
    for piece in pieces {
        let Piece { kept, mut diagnostics, mut counted, io_errors: mut errors, files, .. } = piece;
        let base = checked.sources.len();
        renumber_all(&mut diagnostics, &mut counted, |file| FileId(file.0 + base));
        for file in kept {
            checked.sources.push(file);
        }
        checked.diagnostics.append(&mut diagnostics);
        checked.counted.append(&mut counted);
        io_errors.append(&mut errors);
        checked.files += files;
    }
    checked.io_errors = io_errors;
    checked
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    fn files(dirs: &[(&str, usize)]) -> Vec<PathBuf> {
        dirs.iter().flat_map(|(dir, n)| (0..*n).map(move |i| PathBuf::from(format!("{dir}/f{i:03}.toml")))).collect()
    }

    fn lengths(files: &[PathBuf], count: usize) -> Vec<usize> {
        super::runs(files, count).iter().map(|run| run.len()).collect()
    }

    #[test]
    fn runs_are_cut_where_a_directory_ends() {
        // 100 files, 8 runs asked: 32 a run at least, each cut moved on to the next directory.
        assert_eq!(lengths(&files(&[("a", 25), ("b", 25), ("c", 25), ("d", 25)]), 8), vec![50, 50]);
        // A directory of a few large files stays one run.
        assert_eq!(lengths(&files(&[("big", 4)]), 8), vec![4]);
        // A flat directory is still cut, a run's length further at most.
        assert_eq!(lengths(&files(&[("flat", 200)]), 8), vec![64, 64, 64, 8]);
        assert_eq!(lengths(&[], 8), Vec::<usize>::new());
    }
}
