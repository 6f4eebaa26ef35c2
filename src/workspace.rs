//! Finding, reading and linking the files of one run. A workspace reads each file once
//! (keyed by its canonical path), lowers it, and links each plan to its decision file and
//! its progress files, pulling those in when they were not named. Problems with a file's
//! content are diagnostics (exit 1); I/O failures are kept apart as errors (exit 2).

use crate::hash::{HashMap, HashSet};
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow};

use crate::diag::{Diagnostic, catalog};
use crate::failure::Failure;
use crate::model::{Decision, Document, Plan, Progress};
use crate::source::{FileId, SourceFile, Sources, Sp, Span};
use crate::t;

/// Larger files are refused unread: plan files are a few kilobytes, and reading a huge file
/// whole would cost memory for nothing.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A file that was read.
#[derive(Debug)]
pub struct Loaded {
    pub file: FileId,
    pub canonical: PathBuf,
    pub doc: Option<Document>,
}

#[derive(Debug, Default)]
pub struct Workspace {
    pub sources: Sources,
    pub files: Vec<Loaded>,
    pub diagnostics: Vec<Diagnostic>,
    /// I/O failures: files that could not be read at all.
    pub io_errors: Vec<anyhow::Error>,
    /// Diagnostics counted but never built: the syntax errors of a file past the parser's
    /// limit. `diag::cap::cap` adds them to what it leaves out.
    pub not_built: Vec<crate::diag::cap::Suppressed>,
    /// For each plan (index into `files`): its decision and its progress files.
    pub links: BTreeMap<usize, PlanLinks>,
    by_path: HashMap<OsString, usize>,
    /// Texts to read in place of files on disk, by canonical path (an editor's open buffers).
    overrides: HashMap<PathBuf, String>,
    roots: crate::confine::Roots,
    /// Paths made canonical, by the path as built.
    canonical: HashMap<OsString, PathBuf>,
    /// What the walk of the whole run found, when this workspace is one plan set's files
    /// among many ([`Workspace::load_closure`]).
    walked: std::sync::Arc<Known>,
    /// The `*.toml` files under each directory walked for candidates, by canonical path.
    walks: HashMap<OsString, Vec<PathBuf>>,
    /// The candidates looked at, by canonical path (`Look`).
    looked: HashMap<OsString, Look>,
}

/// The files a walk found, made canonical: each by the path the walk found it at, and each
/// canonical path by the first path the walk found it at (the name messages give it).
///
/// Paths are map keys by their bytes (`OsString`), here and in [`Workspace`]: `Path`'s own
/// hash walks its components, and was 1.7 % of a check of the national corpus. A canonical
/// path has one spelling, so nothing changes for those; a path as built that is spelled
/// two ways (`a//b`, `a/b`) is only made canonical twice.
#[derive(Debug, Default)]
pub struct Known {
    canonical: HashMap<OsString, PathBuf>,
    name: HashMap<OsString, PathBuf>,
    /// Each canonical path's place in the walk: the order a whole-tree load reads files in.
    rank: HashMap<OsString, usize>,
}

impl Known {
    /// The canonical path of a file the walk found.
    pub fn canonical(&self, path: &Path) -> Option<&Path> {
        self.canonical.get(path.as_os_str()).map(PathBuf::as_path)
    }
}

/// What walking the paths of a run found: its `*.toml` files (each once, in the order of a
/// whole-tree load), the roots references may lead into, and what could not be walked.
#[derive(Debug)]
pub struct Walked {
    pub files: Vec<PathBuf>,
    pub known: std::sync::Arc<Known>,
    pub roots: crate::confine::Roots,
    pub io_errors: Vec<anyhow::Error>,
}

#[derive(Debug, Default, Clone)]
pub struct PlanLinks {
    pub decision: Option<usize>,
    pub progress: Vec<usize>,
}

/// A plan with what it links to, for checks and reports.
pub struct PlanSet<'a> {
    pub index: usize,
    pub plan: &'a Plan,
    pub decision: Option<&'a Decision>,
    pub progress: Vec<&'a Progress>,
}

impl Workspace {
    /// Reads every file under `paths` (directories recursively) and what the plans link to.
    pub fn load(paths: &[PathBuf]) -> anyhow::Result<Self> {
        Self::load_with(paths, HashMap::default())
    }

    /// [`Workspace::load`], with the text of some files (by canonical path) given instead of
    /// read from disk: the language server's open buffers.
    pub fn load_with(paths: &[PathBuf], overrides: HashMap<PathBuf, String>) -> anyhow::Result<Self> {
        let roots = crate::confine::Roots::for_paths(paths);
        let mut io_errors = Vec::new();
        let (found, by_walk) = walk_paths(paths, &roots, &mut io_errors)?;
        let canonical = by_walk.into_iter().map(|(path, canonical)| (path.into_os_string(), canonical)).collect();
        let mut ws = Self { io_errors, overrides, roots, canonical, ..Self::default() };
        ws.read_all(&found);
        ws.link();
        Ok(ws)
    }

    /// Walks `paths` (directories recursively) and makes every file found canonical, on
    /// every core, without reading any: the seeds of [`Workspace::load_closure`].
    pub fn walk(paths: &[PathBuf]) -> anyhow::Result<Walked> {
        use rayon::prelude::*;
        let roots = crate::confine::Roots::for_paths(paths);
        let mut io_errors = Vec::new();
        let (found, by_walk) = walk_paths(paths, &roots, &mut io_errors)?;
        let mut known = Known::default();
        for (path, canonical) in by_walk {
            known.canonical.insert(path.into_os_string(), canonical);
        }
        let canonical: Vec<std::io::Result<PathBuf>> = found
            .par_iter()
            .map(|path| match known.canonical.get(path.as_os_str()) {
                Some(canonical) => Ok(canonical.clone()),
                None => fs::canonicalize(path),
            })
            .collect();
        let mut files = Vec::new();
        for (path, canonical) in found.into_iter().zip(canonical) {
            match canonical {
                Ok(canonical) => {
                    known.canonical.insert(path.clone().into_os_string(), canonical.clone());
                    if let std::collections::hash_map::Entry::Vacant(name) =
                        known.name.entry(canonical.clone().into_os_string())
                    {
                        name.insert(path.clone());
                        known.rank.insert(canonical.into_os_string(), files.len());
                        files.push(path);
                    }
                }
                Err(e) => io_errors.push(anyhow!(e).context(Failure::cannot_read(&crate::source::display_path(&path)))),
            }
        }
        Ok(Walked { files, known: std::sync::Arc::new(known), roots, io_errors })
    }

    /// The files `seeds` belong with (the fixpoint of what they link to and what links to
    /// them, as [`Workspace::link`] finds it), read as their own workspace: one plan set's
    /// decision, plans and progress files, not the whole run's. A file the walk found keeps
    /// the name it has there, so messages are those of a whole-tree load.
    pub fn load_closure(seeds: &[PathBuf], walked: &Walked) -> Self {
        let mut ws =
            Self { roots: walked.roots.clone(), walked: std::sync::Arc::clone(&walked.known), ..Self::default() };
        ws.read_all(seeds);
        ws.link();
        ws
    }

    /// Reads, parses and lowers one file, once; returns its index.
    fn read(&mut self, path: &Path) -> Option<usize> {
        self.read_all(std::slice::from_ref(&path.to_path_buf())).into_iter().next().flatten()
    }

    /// Reads, parses and lowers files, each once, on every core: the index of each (`None`
    /// for one that could not be read), in the order given. The files join the workspace
    /// in that order whatever thread read them, so ids, diagnostics and output are the same
    /// on one core as on many.
    fn read_all(&mut self, paths: &[PathBuf]) -> Vec<Option<usize>> {
        use rayon::prelude::*;
        // Which files are new, each once: a file named twice (or by two paths) is read once.
        let mut fresh: Vec<(PathBuf, PathBuf)> = Vec::new();
        let mut queued: HashSet<PathBuf> = HashSet::default();
        for path in paths {
            match self.canonical(path) {
                Ok(canonical)
                    if !self.by_path.contains_key(canonical.as_os_str()) && queued.insert(canonical.clone()) =>
                {
                    // Named as the walk of the run found it, when it did.
                    let name = self.walked.name.get(canonical.as_os_str()).unwrap_or(path).clone();
                    fresh.push((name, canonical));
                }
                Ok(_) => {}
                Err(e) => self.io_errors.push(e),
            }
        }
        // Texts read already when the file was looked at as a candidate.
        let looked: Vec<Option<String>> =
            fresh.iter().map(|(_, c)| self.looked.get_mut(c.as_os_str()).and_then(|look| look.text.take())).collect();
        let overrides = &self.overrides;
        let texts: Vec<anyhow::Result<(SourceFile, Option<Unreadable>)>> = fresh
            .par_iter()
            .zip(looked)
            .map(|((path, canonical), looked)| {
                let (text, problem) = match (overrides.get(canonical), looked) {
                    (Some(text), _) => (text.clone(), None),
                    (None, Some(text)) => (text, None),
                    (None, None) => read_text(path)?,
                };
                Ok((SourceFile::new(path.clone(), text), problem))
            })
            .collect();
        // Ids in the order given, for the files that could be read.
        let mut added: Vec<(FileId, PathBuf, Option<Unreadable>)> = Vec::new();
        for ((_, canonical), read) in fresh.into_iter().zip(texts) {
            match read {
                Ok((source, problem)) => {
                    // One plan set's files (a workspace that knows the run's walk) are
                    // numbered by their place in the walk, as a whole-tree load numbers
                    // them: which of two spans comes first (the first plan of a year) is
                    // then the same. A file the walk did not find comes after them all.
                    let walk = &self.walked.rank;
                    let id = match walk.get(canonical.as_os_str()) {
                        Some(&rank) => self.sources.push_as(FileId(rank), source),
                        None if !walk.is_empty() => {
                            let id = FileId(walk.len() + self.files.len() + added.len());
                            self.sources.push_as(id, source)
                        }
                        None => self.sources.push(source),
                    };
                    added.push((id, canonical, problem));
                }
                Err(e) => self.io_errors.push(e),
            }
        }
        let sources = &self.sources;
        // Small files on every core; a large one alone, after them: its tree is several
        // times its text, and two such trees at once would double the peak.
        let mut lowered: Vec<Option<Lowered>> = added
            .par_iter()
            .map(|(file, _, problem)| {
                (sources.get(*file).text.len() < LOWER_ALONE).then(|| lower_file(sources, *file, problem.as_ref()))
            })
            .collect();
        for (slot, (file, _, problem)) in lowered.iter_mut().zip(&added) {
            if slot.is_none() {
                *slot = Some(lower_file(sources, *file, problem.as_ref()));
            }
        }
        for ((file, canonical, _), lowered) in added.into_iter().zip(lowered.into_iter().flatten()) {
            let Lowered { doc, mut diagnostics, not_built } = lowered;
            self.diagnostics.append(&mut diagnostics);
            self.not_built.extend(not_built);
            self.files.push(Loaded { file, canonical: canonical.clone(), doc });
            self.by_path.insert(canonical.into_os_string(), self.files.len() - 1);
        }
        paths.iter().map(|p| self.canonical(p).ok().and_then(|c| self.by_path.get(c.as_os_str()).copied())).collect()
    }

    /// Why a reference that leads to `path` is not followed (`confine`).
    fn refuses(&mut self, path: &Path) -> Option<String> {
        let canonical = self.canonical(path).ok()?;
        self.roots.refuses_canonical(&canonical)
    }

    /// A path made canonical once per run: `realpath` is a `readlink` for every component,
    /// and the same paths come back for every plan that links to them.
    fn canonical(&mut self, path: &Path) -> anyhow::Result<PathBuf> {
        if let Some(known) =
            self.canonical.get(path.as_os_str()).or_else(|| self.walked.canonical.get(path.as_os_str()))
        {
            return Ok(known.clone());
        }
        let canonical = fs::canonicalize(path)
            .map_err(|e| anyhow!(e).context(Failure::cannot_read(&crate::source::display_path(path))))?;
        self.canonical.insert(path.as_os_str().to_os_string(), canonical.clone());
        Ok(canonical)
    }

    /// Finds every file the files read so far belong with, then links them. Discovery runs
    /// to a fixpoint, whatever the files named on the command line: a plan pulls in its
    /// decision and the progress files under its directory (subdirectories included) that
    /// name it; a decision pulls in the plans under its directory that cite it; a progress
    /// file pulls in its plan. So `plan check PLAN`, `plan check DIR` and `plan report PLAN`
    /// see the same files and give the same diagnostics for the same plan.
    fn link(&mut self) {
        let mut scanned = HashSet::default();
        let mut next = 0;
        while next < self.files.len() {
            let index = next;
            next += 1;
            match self.doc(index) {
                Some(Document::Plan(plan)) => {
                    let decision = plan.decision.as_ref().and_then(|d| d.file.as_ref()).map(|f| f.value.clone());
                    if let Some(reference) = decision {
                        self.pull(index, &reference);
                    }
                    self.pull_under(index, "[progress]", &mut scanned);
                }
                Some(Document::Decision(_)) => self.pull_under(index, "[plan]", &mut scanned),
                Some(Document::Progress(progress)) => {
                    if let Some(reference) = progress.plan.as_ref().map(|p| p.value.clone()) {
                        self.pull(index, &reference);
                    }
                }
                None => {}
            }
        }
        let plans: Vec<usize> =
            (0..self.files.len()).filter(|&i| matches!(self.doc(i), Some(Document::Plan(_)))).collect();
        for index in plans {
            let decision = self.link_decision(index);
            self.links.insert(index, PlanLinks { decision, progress: Vec::new() });
        }
        for index in 0..self.files.len() {
            if let Some(plan) = self.link_progress(index) {
                self.links.entry(plan).or_default().progress.push(index);
            }
        }
    }

    /// Reads the file a reference in file `index` names, if there is one; whether it is of
    /// the right kind is told, and reported, when the files are linked.
    fn pull(&mut self, index: usize, reference: &str) {
        let path = self.beside(index, reference);
        // A reference out of the tree is not read; `resolve` reports it.
        if path.is_file() && self.refuses(&path).is_none() {
            self.read(&path);
        }
    }

    /// Reads the `*.toml` files under file `index`'s directory that have a `header` line
    /// (`[progress]`, `[plan]`) and mention the file's name: the candidates that may link
    /// to it. Which of them do is told when the files are linked. Each directory is walked
    /// once per header, however many files it holds: walking again for every plan made
    /// 10,000 plans in one directory take 10,000² path lookups.
    fn pull_under(&mut self, index: usize, header: &'static str, scanned: &mut HashSet<(PathBuf, &'static str)>) {
        let dir = self.dir_of(index);
        let canonical_dir = self.canonical(&dir).ok();
        let key = (canonical_dir.clone().unwrap_or_else(|| dir.clone()), header);
        if !scanned.insert(key.clone()) {
            // Walked already: only the name to look for differs, and every candidate of
            // that walk was read, so the files that name this one are in.
            return;
        }
        // Each directory walked once, for both headers.
        let found = match self.walks.get(key.0.as_os_str()) {
            Some(found) => found.clone(),
            None => {
                let mut found = Vec::new();
                // Problems met on the way (a loop, an unreadable directory) belong to no
                // file the user named: the walk of a named directory reports them.
                let mut by_walk = Vec::new();
                walk(
                    &dir,
                    canonical_dir.as_deref(),
                    &self.roots,
                    &mut HashSet::default(),
                    (&mut found, &mut by_walk),
                    &mut Vec::new(),
                );
                for (path, canonical) in by_walk {
                    self.canonical.insert(path.into_os_string(), canonical);
                }
                self.walks.insert(key.0.clone().into_os_string(), found.clone());
                found
            }
        };
        let unknown: Vec<(PathBuf, PathBuf)> = found
            .into_iter()
            .filter_map(|path| {
                let canonical = self.canonical(&path).ok()?;
                (!self.by_path.contains_key(canonical.as_os_str())).then_some((path, canonical))
            })
            .collect();
        // Each candidate read once, for both headers; the text of one with a header is kept
        // until it is read for real, which it mostly is.
        let unseen: Vec<&(PathBuf, PathBuf)> =
            unknown.iter().filter(|(_, c)| !self.looked.contains_key(c.as_os_str())).collect();
        let looks: Vec<Look> = {
            use rayon::prelude::*;
            unseen.par_iter().map(|(path, _)| Look::at(path)).collect()
        };
        for ((_, canonical), look) in unseen.into_iter().zip(looks) {
            self.looked.insert(canonical.clone().into_os_string(), look);
        }
        let candidates: Vec<PathBuf> = unknown
            .into_iter()
            .filter(|(_, c)| self.looked.get(c.as_os_str()).is_some_and(|look| look.has(header)))
            .map(|(path, _)| path)
            .collect();
        self.read_all(&candidates);
    }

    fn link_decision(&mut self, index: usize) -> Option<usize> {
        let Some(Document::Plan(plan)) = self.doc(index) else { return None };
        let reference = plan.decision.as_ref()?.file.clone()?;
        self.resolve(index, &reference, "a decision", |doc| matches!(doc, Document::Decision(_)))
    }

    /// The file a reference in file `index` leads to (read if it was not), when it is of the
    /// kind `wanted` accepts; else an `unresolved-file` diagnostic on the reference.
    fn resolve(
        &mut self,
        index: usize,
        reference: &Sp<String>,
        kind: &str,
        wanted: fn(&Document) -> bool,
    ) -> Option<usize> {
        let path = self.beside(index, &reference.value);
        if let Some(reason) = self.refuses(&path) {
            self.diagnostics.push(catalog::unresolved_file(&reference.span, &reference.value, &reason));
            return None;
        }
        // `read` reads each file once, so a file already read is only looked up.
        let found = if path.is_file() { self.read(&path) } else { None };
        let target = found.filter(|&i| self.doc(i).is_some_and(wanted));
        // A file that was read but could not be lowered has its own diagnostics already.
        let unreadable = found.is_some_and(|i| self.doc(i).is_none());
        if target.is_none() && !unreadable {
            let reason = match found {
                Some(_) => format!("it is not {kind} file"),
                None if path.is_dir() => "it is a directory".to_owned(),
                None => "no such file".to_owned(),
            };
            self.diagnostics.push(catalog::unresolved_file(&reference.span, &reference.value, &reason));
        }
        target
    }

    /// The plan a progress file records against, reporting a `plan` that leads nowhere.
    fn link_progress(&mut self, index: usize) -> Option<usize> {
        let Some(Document::Progress(progress)) = self.doc(index) else { return None };
        let reference = progress.plan.clone()?;
        self.resolve(index, &reference, "a plan", |doc| matches!(doc, Document::Plan(_)))
    }

    /// A path relative to a file's directory, built on the path the user gave (not the
    /// canonical one), so that messages name files the way the user named them.
    fn beside(&self, index: usize, relative: &str) -> PathBuf {
        self.dir_of(index).join(relative)
    }

    fn dir_of(&self, index: usize) -> PathBuf {
        let path = self.files.get(index).map(|f| self.sources.get(f.file).path.as_path());
        match path.and_then(Path::parent) {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        }
    }

    /// Every plan with its linked files, in the order a whole-tree load reads the files
    /// (which plan of a year is the first, for one, depends on it).
    pub fn plan_sets(&self) -> Vec<PlanSet<'_>> {
        let mut sets: Vec<PlanSet<'_>> = self
            .links
            .iter()
            .filter_map(|(&index, links)| {
                let Some(Document::Plan(plan)) = self.doc(index) else { return None };
                let decision = links.decision.and_then(|i| match self.doc(i) {
                    Some(Document::Decision(d)) => Some(d),
                    _ => None,
                });
                let progress = links
                    .progress
                    .iter()
                    .filter_map(|&i| match self.doc(i) {
                        Some(Document::Progress(p)) => Some(p),
                        _ => None,
                    })
                    .collect();
                Some(PlanSet { index, plan, decision, progress })
            })
            .collect();
        sets.sort_by_key(|set| self.rank(set.index));
        sets
    }

    /// Where file `index` comes in the order of a whole-tree load: its place in the walk of
    /// the run, then the order it was read in. A workspace loaded whole reads the walk's
    /// files first and in order, so there the two agree; one plan set's workspace reads
    /// its seed first.
    fn rank(&self, index: usize) -> (usize, usize) {
        // A file's id is its place in the walk in one plan set's workspace, its index in a
        // whole-tree load (`read_all`): either way the order of a whole-tree load.
        (self.files.get(index).map_or(usize::MAX, |f| f.file.0), index)
    }

    /// What file `index` holds, if it was read and understood.
    pub fn doc(&self, index: usize) -> Option<&Document> {
        self.files.get(index).and_then(|f| f.doc.as_ref())
    }

    /// The path of file `index` as messages show it.
    pub fn name(&self, index: usize) -> Option<&str> {
        self.files.get(index).map(|f| self.sources.get(f.file).name.as_str())
    }

    /// Frees what the run read on every core: the models of a thousand files take as long
    /// to free as a tenth of their checks, and one core would do it after all the rest.
    pub fn dispose(self) {
        use rayon::prelude::*;
        let Self { files, sources, diagnostics, .. } = self;
        rayon::join(|| files.into_par_iter().for_each(drop), || drop((sources, diagnostics)));
    }

    /// The decisions, in the order of a whole-tree load ([`Workspace::plan_sets`]).
    pub fn decisions(&self) -> impl Iterator<Item = &Decision> {
        let mut order: Vec<usize> = (0..self.files.len()).collect();
        order.sort_by_key(|&index| self.rank(index));
        order.into_iter().filter_map(|index| match self.doc(index) {
            Some(Document::Decision(d)) => Some(d),
            _ => None,
        })
    }
}

/// A file of this many bytes or more is lowered on its own ([`Workspace::read_all`]).
const LOWER_ALONE: usize = 1 << 20;

/// What lowering one file gave.
struct Lowered {
    doc: Option<Document>,
    diagnostics: Vec<Diagnostic>,
    not_built: Vec<crate::diag::cap::Suppressed>,
}

/// Parses and lowers file `file` of `sources` (or reports why it cannot be read), on its
/// own: what it gives depends on that file alone, so files are lowered on every core.
fn lower_file(sources: &Sources, file: FileId, problem: Option<&Unreadable>) -> Lowered {
    let mut not_built = Vec::new();
    let mut diagnostics = Vec::new();
    let doc = match problem {
        Some(Unreadable::NotUtf8(range, problem)) => {
            diagnostics.push(catalog::unreadable_file(&Span::new(file, range.clone()), problem));
            None
        }
        Some(Unreadable::TooLarge(problem)) => {
            diagnostics.push(catalog::file_too_large(&Span::file_start(file), problem));
            None
        }
        None => {
            let text = &sources.get(file).text;
            let (doc, found, more) = crate::lower::read_document(file, text);
            if let Some((_, count)) = more {
                let code = crate::diag::Code::TomlSyntax;
                not_built.push(crate::diag::cap::Suppressed { file, code, severity: code.severity(), count });
            }
            diagnostics = found;
            doc
        }
    };
    // A file of 5,000,000 unknown keys has as many diagnostics: the per-file cap is applied
    // to each file as it is read, so that they are not all kept to the end.
    if diagnostics.len() > crate::diag::cap::MAX_PER_CODE {
        crate::diag::sort(&mut diagnostics, sources);
        not_built.extend(crate::diag::cap::cap(&mut diagnostics, &[], sources));
    }
    Lowered { doc, diagnostics, not_built }
}

/// Why a file cannot be read as a plan file.
enum Unreadable {
    /// Where it stops being UTF-8 text, and what the bad byte is.
    NotUtf8(std::ops::Range<usize>, String),
    /// It is larger than [`MAX_FILE_BYTES`].
    TooLarge(String),
}

/// Reads a file as text: the BOM dropped, and for bytes that are not UTF-8, the text read
/// lossily together with where and what the first bad byte is.
fn read_text(path: &Path) -> anyhow::Result<(String, Option<Unreadable>)> {
    let name = crate::source::display_path(path);
    let meta = fs::metadata(path).with_context(|| Failure::cannot_read(&name))?;
    // A FIFO or a device would block or never end: only regular files are read.
    anyhow::ensure!(
        meta.is_file(),
        Failure::new(t!(
            "không đọc được `{name}`: đây không phải tệp thông thường",
            "cannot read `{name}`: it is not a regular file"
        ))
    );
    let size = meta.len();
    if size > MAX_FILE_BYTES {
        let message = format!(
            "the file is {} MiB, more than the {} MiB a plan file may have",
            size / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        );
        return Ok((String::new(), Some(Unreadable::TooLarge(message))));
    }
    // Read no more than the limit allows even when the size said otherwise: a device or a
    // pipe (`/dev/zero`) has no size and may never end.
    // Room for the whole file and one byte more (to see it end): read in one call, not in
    // a dozen growing ones.
    let mut bytes = Vec::with_capacity(usize::try_from(size.min(MAX_FILE_BYTES)).unwrap_or(0).saturating_add(1));
    fs::File::open(path)
        .and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .with_context(|| Failure::cannot_read(&name))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let message = format!("the file has more than the {} MiB a plan file may have", MAX_FILE_BYTES / (1024 * 1024));
        return Ok((String::new(), Some(Unreadable::TooLarge(message))));
    }
    // The text is the bytes read, not a copy of them: a 60 MB file is held once.
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, None)),
        Err(e) => {
            let bytes = e.as_bytes();
            let e = e.utf8_error();
            let at = e.valid_up_to();
            let bad = bytes.get(at).copied().unwrap_or_default();
            let text = String::from_utf8_lossy(bytes).into_owned();
            let end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
            Ok((
                text,
                Some(Unreadable::NotUtf8(
                    at..end,
                    format!("the file is not UTF-8 text: byte `0x{bad:02x}` cannot start or continue a character"),
                )),
            ))
        }
    }
}

/// The `*.toml` files of `paths`: a file named as itself, a directory walked; a directory
/// with none is an error.
/// The `*.toml` files under `paths`, and the canonical paths the walk knows by construction
/// (of the files and directories it did not reach through a symbolic link).
type Found = (Vec<PathBuf>, Vec<(PathBuf, PathBuf)>);

fn walk_paths(
    paths: &[PathBuf],
    roots: &crate::confine::Roots,
    io_errors: &mut Vec<anyhow::Error>,
) -> anyhow::Result<Found> {
    let mut found = Vec::new();
    let mut known = Vec::new();
    for path in paths {
        let meta = fs::metadata(path).with_context(|| Failure::cannot_read(&crate::source::display_path(path)))?;
        if meta.is_dir() {
            let before = found.len();
            let canon = fs::canonicalize(path).ok();
            walk(path, canon.as_deref(), roots, &mut HashSet::default(), (&mut found, &mut known), io_errors);
            if found.len() == before && io_errors.is_empty() {
                let shown = crate::source::display_path(path);
                let text = t!(
                    "không có tệp kế hoạch (`*.toml`) nào trong `{shown}`",
                    "no plan files (`*.toml`) under `{shown}`"
                );
                return Err(anyhow!(Failure::new(text)));
            }
        } else {
            found.push(path.clone());
        }
    }
    Ok((found, known))
}

/// Collects `*.toml` files under `dir`, sorted, skipping hidden directories and `target`,
/// reporting a directory that leads back into itself, and not following a symbolic link
/// that leads out of the checked tree (`confine`; `--allow-outside` follows it).
///
/// On Linux each directory is opened from its parent's handle (`openat`), so that the
/// kernel never resolves a long path again: walking by path, each level cost a lookup of
/// every level above it, and a tree 1,000 deep took 1,000² of them ([`by_handle`]).
///
/// `canon` is `dir`'s canonical path when known: the canonical path of each file and
/// directory under it not reached through a link is then its own, and goes to the second
/// list of `out` — `realpath` of a path 1,000 deep is 1,000 `readlink`s of ever longer paths.
#[cfg(target_os = "linux")]
fn walk(
    dir: &Path,
    canon: Option<&Path>,
    roots: &crate::confine::Roots,
    seen: &mut HashSet<DirKey>,
    out: (&mut Vec<PathBuf>, &mut Vec<(PathBuf, PathBuf)>),
    errors: &mut Vec<anyhow::Error>,
) {
    match by_handle::open(dir) {
        Ok(handle) => by_handle::walk(dir, handle, canon, roots, seen, out, errors),
        Err(e) => errors.push(anyhow!(e).context(Failure::cannot_read(&crate::source::display_path(dir)))),
    }
}

/// [`walk`] by path, where there is no `openat`; it knows no canonical path.
#[cfg(not(target_os = "linux"))]
fn walk(
    dir: &Path,
    _canon: Option<&Path>,
    roots: &crate::confine::Roots,
    seen: &mut HashSet<DirKey>,
    (found, _known): (&mut Vec<PathBuf>, &mut Vec<(PathBuf, PathBuf)>),
    errors: &mut Vec<anyhow::Error>,
) {
    walk_by_path(dir, roots, seen, found, errors);
}

/// The walk by path: each directory read by its whole path. Built on Linux too, where a
/// test holds it to the walk by handle.
#[cfg_attr(target_os = "linux", allow(dead_code))]
fn walk_by_path(
    dir: &Path,
    roots: &crate::confine::Roots,
    seen: &mut HashSet<DirKey>,
    found: &mut Vec<PathBuf>,
    errors: &mut Vec<anyhow::Error>,
) {
    let shown = crate::source::display_path(dir);
    let key = match dir_key(dir) {
        Ok(key) => key,
        Err(e) => {
            errors.push(anyhow!(e).context(Failure::cannot_read(&shown)));
            return;
        }
    };
    #[allow(clippy::clone_on_copy)] // a `PathBuf` off Unix
    let first_visit = seen.insert(key.clone());
    if !first_visit {
        let canonical = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        let back = canonical.display();
        errors.push(anyhow!(Failure::new(t!(
            "`{shown}` dẫn ngược về `{back}`: thư mục vòng lại chính nó; chỉ đọc một lần",
            "`{shown}` leads back to `{back}`: a file system loop; it was not read twice"
        ))));
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(anyhow!(e).context(Failure::cannot_read(&shown)));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        let hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.') || n == "target");
        let link = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        if link && !hidden {
            if let Some(why) = roots.refuses(&path) {
                let link = crate::source::display_path(&path);
                errors.push(anyhow!(Failure::new(t!(
                    "`{link}` là liên kết tượng trưng không được mở: {}; `--allow-outside` cho phép mở",
                    "`{link}` is a symbolic link that was not followed: {why}; `--allow-outside` follows it",
                    catalog::phrase_vi(&why)
                ))));
                continue;
            }
        }
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() && !hidden => walk_by_path(&path, roots, seen, found, errors),
            Ok(meta) if meta.is_file() && is_toml(&path) => found.push(path),
            Ok(_) => {}
            Err(e) => errors.push(anyhow!(e).context(Failure::cannot_read(&crate::source::display_path(&path)))),
        }
    }
    seen.remove(&key);
}

/// The walk of a directory by its handle: its entries are read, told apart and their
/// subdirectories opened relative to it (`statat`, `openat`), then it is closed before
/// going down, so that a chain of directories holds one handle at a time, not one a level.
#[cfg(target_os = "linux")]
mod by_handle {
    use std::ffi::{OsStr, OsString};
    use std::os::fd::OwnedFd;
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::MetadataExt;
    use std::path::{Path, PathBuf};

    use anyhow::anyhow;
    use rustix::fs::{AtFlags, Dir, FileType, Mode, OFlags};

    use super::{DirKey, HashSet, is_toml};
    use crate::diag::catalog;
    use crate::failure::Failure;
    use crate::t;

    /// At most this many subdirectories of one directory are held open while the walk goes
    /// down the first of them; the others are opened by their path when their turn comes.
    const HELD: usize = 64;

    const DIRECTORY: OFlags = OFlags::RDONLY.union(OFlags::DIRECTORY).union(OFlags::CLOEXEC);

    pub fn open(dir: &Path) -> std::io::Result<OwnedFd> {
        Ok(rustix::fs::open(dir, DIRECTORY, Mode::empty())?)
    }

    /// What an entry of a directory is, told while the directory is open.
    enum Entry {
        /// A file, and its canonical path when it is known.
        File(PathBuf, Option<PathBuf>),
        /// A directory to walk: opened already, or to open by its path.
        Dir(PathBuf, Option<OwnedFd>, Option<PathBuf>),
        Problem(anyhow::Error),
    }

    pub fn walk(
        dir: &Path,
        handle: OwnedFd,
        canon: Option<&Path>,
        roots: &crate::confine::Roots,
        seen: &mut HashSet<DirKey>,
        (found, known): (&mut Vec<PathBuf>, &mut Vec<(PathBuf, PathBuf)>),
        errors: &mut Vec<anyhow::Error>,
    ) {
        // The name is made only for a message: each is as long as the path.
        let shown = || crate::source::display_path(dir);
        let file = std::fs::File::from(handle);
        let key = match file.metadata() {
            Ok(meta) => (meta.dev(), meta.ino()),
            Err(e) => {
                errors.push(anyhow!(e).context(Failure::cannot_read(&shown())));
                return;
            }
        };
        if !seen.insert(key) {
            let shown = shown();
            let canonical = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
            let back = canonical.display();
            errors.push(anyhow!(Failure::new(t!(
                "`{shown}` dẫn ngược về `{back}`: thư mục vòng lại chính nó; chỉ đọc một lần",
                "`{shown}` leads back to `{back}`: a file system loop; it was not read twice"
            ))));
            return;
        }
        // The directory is closed once its entries are told apart, before going down.
        let entries = match Dir::new(OwnedFd::from(file)) {
            Ok(mut listing) => entries(dir, canon, &mut listing, roots),
            Err(e) => {
                errors.push(anyhow!(std::io::Error::from(e)).context(Failure::cannot_read(&shown())));
                seen.remove(&key);
                return;
            }
        };
        // The directory's own canonical path is given once, with its first file: a plan's
        // directory is looked up for the files beside it. Not for every directory: that is
        // as many bytes as the square of the depth.
        let mut dir_given = false;
        for entry in entries {
            match entry {
                Entry::File(path, canonical) => {
                    if let Some(canonical) = canonical {
                        if let (false, Some(canon)) = (dir_given, canon) {
                            known.push((dir.to_path_buf(), canon.to_path_buf()));
                            dir_given = true;
                        }
                        known.push((path.clone(), canonical));
                    }
                    found.push(path);
                }
                Entry::Dir(path, handle, canonical) => {
                    let handle = match handle.map_or_else(|| open(&path), Ok) {
                        Ok(handle) => handle,
                        Err(e) => {
                            errors.push(anyhow!(e).context(Failure::cannot_read(&crate::source::display_path(&path))));
                            continue;
                        }
                    };
                    walk(&path, handle, canonical.as_deref(), roots, seen, (&mut *found, &mut *known), errors);
                }
                Entry::Problem(e) => errors.push(e),
            }
        }
        seen.remove(&key);
    }

    /// The entries of `listing` (the directory `dir`) that the walk takes, sorted by name.
    fn entries(dir: &Path, canon: Option<&Path>, listing: &mut Dir, roots: &crate::confine::Roots) -> Vec<Entry> {
        let mut names: Vec<(OsString, FileType)> = Vec::new();
        for entry in listing.by_ref().flatten() {
            let name = OsStr::from_bytes(entry.file_name().to_bytes());
            if name != "." && name != ".." {
                names.push((name.to_os_string(), entry.file_type()));
            }
        }
        names.sort_by(|a, b| a.0.cmp(&b.0));
        let Ok(at) = listing.fd() else { return Vec::new() };
        let mut held = 0;
        let mut out = Vec::with_capacity(names.len());
        for (name, kind) in names {
            let path = dir.join(&name);
            let hidden = name.to_str().is_some_and(|n| n.starts_with('.') || n == "target");
            let kind = match kind {
                FileType::Unknown => rustix::fs::statat(at, name.as_os_str(), AtFlags::SYMLINK_NOFOLLOW)
                    .map_or(FileType::Unknown, |st| FileType::from_raw_mode(st.st_mode)),
                kind => kind,
            };
            let link = kind == FileType::Symlink;
            // Not a link: its canonical path is its name under its directory's.
            let canonical = canon.filter(|_| !link).map(|c| c.join(&name));
            if link && !hidden {
                if let Some(why) = roots.refuses(&path) {
                    let link = crate::source::display_path(&path);
                    out.push(Entry::Problem(anyhow!(Failure::new(t!(
                        "`{link}` là liên kết tượng trưng không được mở: {}; `--allow-outside` cho phép mở",
                        "`{link}` is a symbolic link that was not followed: {why}; `--allow-outside` follows it",
                        catalog::phrase_vi(&why)
                    )))));
                    continue;
                }
            }
            // What the entry is, a link followed: read off the listing when it can be.
            let kind = match kind {
                FileType::Directory | FileType::RegularFile => Ok(kind),
                _ => rustix::fs::statat(at, name.as_os_str(), AtFlags::empty())
                    .map(|st| FileType::from_raw_mode(st.st_mode))
                    .map_err(std::io::Error::from),
            };
            match kind {
                Ok(FileType::Directory) if !hidden => {
                    let handle = (held < HELD)
                        .then(|| rustix::fs::openat(at, name.as_os_str(), DIRECTORY, Mode::empty()).ok())
                        .flatten();
                    held += usize::from(handle.is_some());
                    out.push(Entry::Dir(path, handle, canonical));
                }
                Ok(FileType::RegularFile) if is_toml(&path) => out.push(Entry::File(path, canonical)),
                Ok(_) => {}
                Err(e) => {
                    let shown = crate::source::display_path(&path);
                    out.push(Entry::Problem(anyhow!(e).context(Failure::cannot_read(&shown))));
                }
            }
        }
        out
    }
}

/// What tells a directory apart from the others on the way down: its device and inode on
/// Unix, its canonical path elsewhere. Canonicalising every directory of the walk made a
/// tree 1,000 deep cost 1,000³ path steps (13 s); a `stat` is one lookup.
#[cfg(unix)]
type DirKey = (u64, u64);
#[cfg(not(unix))]
type DirKey = PathBuf;

#[cfg(unix)]
fn dir_key(dir: &Path) -> std::io::Result<DirKey> {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(dir).map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn dir_key(dir: &Path) -> std::io::Result<DirKey> {
    fs::canonicalize(dir)
}

fn is_toml(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("toml"))
}

/// A cheap look at a file before reading it for real: which of the `[plan]` and
/// `[progress]` header lines it has, and its text when it has one.
#[derive(Debug, Default)]
struct Look {
    plan: bool,
    progress: bool,
    text: Option<String>,
}

impl Look {
    fn at(path: &Path) -> Self {
        // A file that is not plain UTF-8 text, or too large, is no candidate.
        let Ok((text, None)) = read_text(path) else { return Self::default() };
        let plan = has_line(&text, "[plan]");
        let progress = has_line(&text, "[progress]");
        Self { plan, progress, text: (plan || progress).then_some(text) }
    }

    fn has(&self, header: &str) -> bool {
        match header {
            "[plan]" => self.plan,
            "[progress]" => self.progress,
            _ => false,
        }
    }
}

/// Whether `text` has a line that is `header` (spaces around it aside). Looked for with
/// `memmem`: trimming every line of every candidate cost more than parsing some of them.
fn has_line(text: &str, header: &str) -> bool {
    memchr::memmem::find_iter(text.as_bytes(), header.as_bytes()).any(|at| {
        let start = text.get(..at).map_or(0, |before| before.rfind('\n').map_or(0, |n| n + 1));
        let end = text.get(at..).map_or(text.len(), |after| after.find('\n').map_or(text.len(), |n| at + n));
        text.get(start..end).is_some_and(|line| line.trim().trim_start_matches('\u{feff}') == header)
    })
}

#[cfg(all(test, target_os = "linux"))]
mod walk_tests {
    use std::path::{Path, PathBuf};

    use super::{HashSet, walk, walk_by_path};

    /// The files and messages of both walks of `dir`.
    fn both(dir: &Path) -> [(Vec<PathBuf>, Vec<String>); 2] {
        let roots = crate::confine::Roots::for_paths(&[dir.to_path_buf()]);
        let (mut by_handle, mut by_path) = (Vec::new(), Vec::new());
        let (mut handle_errors, mut path_errors) = (Vec::new(), Vec::new());
        let canon = std::fs::canonicalize(dir).ok();
        let out = (&mut by_handle, &mut Vec::new());
        walk(dir, canon.as_deref(), &roots, &mut HashSet::default(), out, &mut handle_errors);
        walk_by_path(dir, &roots, &mut HashSet::default(), &mut by_path, &mut path_errors);
        let shown = |errors: Vec<anyhow::Error>| errors.iter().map(|e| format!("{e:#}")).collect();
        [(by_handle, shown(handle_errors)), (by_path, shown(path_errors))]
    }

    #[test]
    fn the_walk_by_handle_finds_what_the_walk_by_path_finds() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for dir in ["tests/fixtures", "examples", "plans"] {
            let [by_handle, by_path] = both(&root.join(dir));
            assert!(by_handle.0.len() > 1, "{dir}");
            assert_eq!(by_handle, by_path, "{dir}");
        }
        // Links: one back up the tree (reported), one to a sibling (followed), one dangling.
        let tmp = tempfile::tempdir().expect("a temporary directory");
        let tree = tmp.path().join("tree");
        std::fs::create_dir_all(tree.join("real")).expect("directories");
        std::fs::write(tree.join("real").join("plan.toml"), "").expect("a file");
        std::os::unix::fs::symlink(&tree, tree.join("real").join("up")).expect("a link");
        std::os::unix::fs::symlink(tree.join("real"), tree.join("via")).expect("a link");
        std::os::unix::fs::symlink(tree.join("gone"), tree.join("gone.toml")).expect("a link");
        let [by_handle, by_path] = both(&tree);
        assert_eq!(by_handle.0.len(), 2);
        assert_eq!(by_handle.1.len(), 3, "{:?}", by_handle.1);
        assert_eq!(by_handle, by_path);
    }
}
