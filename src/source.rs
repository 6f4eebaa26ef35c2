//! Source text and positions. Every file the tool reads is kept here once, with a line index,
//! so that any value in the model can carry a [`Span`] (file and byte range) and any
//! diagnostic can show the line it points at. Columns are counted in characters (Unicode
//! scalar values), 1-based, as editors and GitHub annotations expect.

use std::ops::Range;
use std::path::{Path, PathBuf};

/// Index of a file in [`Sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub usize);

/// A byte range in one file. The offsets are 32-bit (a plan file is at most 64 MiB): a
/// span is in every value of the model and every diagnostic, and at 16 bytes rather than
/// 24 the model of a plan set is about a fifth smaller.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Span {
    pub file: FileId,
    start: u32,
    end: u32,
}

impl PartialOrd for Span {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Span {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.file, self.start, self.end).cmp(&(other.file, other.start, other.end))
    }
}

impl Span {
    /// The span of `range` in `file`. An offset past 4 GiB (never in a file the tool
    /// reads: it refuses those over 64 MiB) is kept as the last one that fits.
    pub fn new(file: FileId, range: Range<usize>) -> Self {
        let offset = |at: usize| u32::try_from(at).unwrap_or(u32::MAX);
        Self { file, start: offset(range.start), end: offset(range.end) }
    }

    /// The empty span at the start of a file, for problems with the file as a whole.
    pub fn file_start(file: FileId) -> Self {
        Self { file, start: 0, end: 0 }
    }

    /// The byte range.
    pub fn range(&self) -> Range<usize> {
        self.start()..self.end()
    }

    /// Where it starts, in bytes.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Where it ends, in bytes.
    pub fn end(&self) -> usize {
        self.end as usize
    }
}

/// A value with the span it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sp<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Sp<T> {
    pub fn new(value: T, span: Span) -> Self {
        Self { value, span }
    }
}

impl Sp<String> {
    /// The same, borrowed.
    pub fn as_str(&self) -> Sp<&str> {
        Sp::new(self.value.as_str(), self.span.clone())
    }
}

/// One file: its path as the user named it, its text (without a byte-order mark) and where
/// each line starts.
#[derive(Debug)]
pub struct SourceFile {
    pub path: PathBuf,
    pub name: String,
    pub text: String,
    /// Where each line starts, made the first time a place is asked for: most files of a
    /// run have no diagnostic, and the index was a twentieth of a check of a valid corpus.
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

impl SourceFile {
    pub fn new(path: PathBuf, text: String) -> Self {
        let name = display_path(&path);
        Self { path, name, text, line_starts: std::sync::OnceLock::new() }
    }

    /// Where each line starts (memchr finds the line ends a word at a time).
    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0).chain(memchr::memchr_iter(b'\n', self.text.as_bytes()).map(|i| i + 1)).collect()
        })
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self.floor_char_boundary(offset.min(self.text.len()));
        let line = self.line_starts().partition_point(|&s| s <= offset).max(1) - 1;
        let start = self.line_starts().get(line).copied().unwrap_or(0);
        let column = self.text.get(start..offset).map_or(0, |s| s.chars().count());
        (line + 1, column + 1)
    }

    /// The byte range of a 0-based line, without its line ending.
    pub fn line_range(&self, line: usize) -> Option<Range<usize>> {
        let start = *self.line_starts().get(line)?;
        let end = self.line_starts().get(line + 1).map_or(self.text.len(), |&n| n - 1);
        let end = if self.text.get(start..end)?.ends_with('\r') { end - 1 } else { end };
        Some(start..end)
    }

    pub fn line_count(&self) -> usize {
        self.line_starts().len()
    }

    fn floor_char_boundary(&self, mut offset: usize) -> usize {
        while offset > 0 && !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

/// All files read in one run.
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
    /// The place in `files` of each id, when ids were chosen ([`Sources::push_as`]) rather
    /// than given in order.
    slots: Option<crate::hash::HashMap<usize, usize>>,
}

impl Sources {
    pub fn add(&mut self, path: PathBuf, text: String) -> FileId {
        self.push(SourceFile::new(path, text))
    }

    /// Adds a file made elsewhere (on another thread): its id.
    pub fn push(&mut self, file: SourceFile) -> FileId {
        if let Some(slots) = &self.slots {
            // After ids were chosen, the next free one past them all.
            let id = FileId(slots.keys().max().map_or(0, |m| m + 1));
            return self.push_as(id, file);
        }
        self.files.push(file);
        FileId(self.files.len() - 1)
    }

    /// Adds a file under an id chosen by the caller, one no other file has: one plan set's
    /// files numbered by their place in the whole run, so that spans compare as they would
    /// in a whole-tree load (`workspace::Workspace::load_closure`).
    pub fn push_as(&mut self, id: FileId, file: SourceFile) -> FileId {
        let count = self.files.len();
        self.slots.get_or_insert_with(|| (0..count).map(|n| (n, n)).collect()).insert(id.0, count);
        self.files.push(file);
        id
    }

    fn slot(&self, id: FileId) -> Option<usize> {
        match &self.slots {
            None => Some(id.0),
            Some(slots) => slots.get(&id.0).copied(),
        }
    }

    fn file(&self, id: FileId) -> Option<&SourceFile> {
        self.slot(id).and_then(|slot| self.files.get(slot))
    }

    /// The file behind an id.
    #[allow(clippy::indexing_slicing)] // ids only come from `Sources::push`, and no file is ever removed
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[self.slot(id).unwrap_or(usize::MAX)]
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// The files with their ids, in the order they were added.
    pub fn into_files(self) -> Vec<(FileId, SourceFile)> {
        let mut ids: Vec<FileId> = (0..self.files.len()).map(FileId).collect();
        if let Some(slots) = self.slots {
            for (id, slot) in slots {
                if let Some(at) = ids.get_mut(slot) {
                    *at = FileId(id);
                }
            }
        }
        ids.into_iter().zip(self.files).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// 1-based line and column of a span's start and end.
    pub fn locate(&self, span: &Span) -> Location {
        let file = self.get(span.file);
        let (line, column) = file.line_col(span.start());
        let (end_line, end_column) = file.line_col(span.end());
        Location { line, column, end_line, end_column }
    }
}

/// Where a span starts and ends, 1-based; the end column is exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// A path as printed in diagnostics: as the user gave it, with `/` separators.
pub fn display_path(path: &Path) -> String {
    let text = path.to_string_lossy();
    let text = text.strip_prefix("./").unwrap_or(&text);
    text.replace('\\', "/")
}

impl<'a> codespan_reporting::files::Files<'a> for Sources {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, codespan_reporting::files::Error> {
        self.file(id).map(|f| f.name.as_str()).ok_or(codespan_reporting::files::Error::FileMissing)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, codespan_reporting::files::Error> {
        self.file(id).map(|f| f.text.as_str()).ok_or(codespan_reporting::files::Error::FileMissing)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, codespan_reporting::files::Error> {
        let file = self.file(id).ok_or(codespan_reporting::files::Error::FileMissing)?;
        Ok(file.line_starts().partition_point(|&s| s <= byte_index).max(1) - 1)
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, codespan_reporting::files::Error> {
        let file = self.file(id).ok_or(codespan_reporting::files::Error::FileMissing)?;
        let start = *file.line_starts().get(line_index).ok_or(codespan_reporting::files::Error::LineTooLarge {
            given: line_index,
            max: file.line_starts().len() - 1,
        })?;
        let end = file.line_starts().get(line_index + 1).copied().unwrap_or(file.text.len());
        Ok(start..end)
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::{FileId, Sources};

    #[test]
    fn files_added_under_chosen_ids_are_found_by_them() {
        let mut sources = Sources::default();
        assert_eq!(sources.add(PathBuf::from("a.toml"), "a".to_owned()), FileId(0));
        let seven = sources.push_as(FileId(7), super::SourceFile::new(PathBuf::from("b.toml"), "b\nc".to_owned()));
        // After a chosen id, a plain push takes the id past every one in use.
        let next = sources.add(PathBuf::from("c.toml"), String::new());
        assert_eq!((seven, next), (FileId(7), FileId(8)));
        assert_eq!(sources.get(FileId(7)).name, "b.toml");
        assert_eq!(sources.get(FileId(0)).name, "a.toml");
        assert_eq!(codespan_reporting::files::Files::source(&sources, FileId(7)).ok(), Some("b\nc"));
        assert!(codespan_reporting::files::Files::name(&sources, FileId(5)).is_err());
        let ids: Vec<(FileId, String)> = sources.into_files().into_iter().map(|(id, f)| (id, f.name)).collect();
        assert_eq!(
            ids,
            vec![(FileId(0), "a.toml".to_owned()), (FileId(7), "b.toml".to_owned()), (FileId(8), "c.toml".to_owned())]
        );
    }
}
