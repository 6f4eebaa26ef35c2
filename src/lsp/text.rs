//! Positions (LSP lines and UTF-16 columns) and the little of a TOML line the server needs
//! to read around the cursor: the table it is in, the key it is after, the string it is in.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

/// The byte offset of an LSP position (0-based line, UTF-16 column), clamped to the text.
pub fn offset_of(text: &str, line: u64, character: u64) -> usize {
    let mut start = 0;
    for _ in 0..line {
        match text.get(start..).and_then(|rest| rest.find('\n')) {
            Some(n) => start += n + 1,
            None => return text.len(),
        }
    }
    let mut units = 0;
    for (i, c) in text.get(start..).unwrap_or_default().char_indices() {
        if c == '\n' || units >= character {
            return start + i;
        }
        units += c.len_utf16() as u64;
    }
    text.len()
}

/// The LSP position of a byte offset.
pub fn position_of(text: &str, offset: usize) -> Value {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = text.get(..offset).unwrap_or_default();
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |n| n + 1);
    let character: usize = before.get(start..).unwrap_or_default().chars().map(char::len_utf16).sum();
    json!({ "line": line, "character": character })
}

/// The path of a `file:` URI, percent-decoded.
pub fn uri_to_path(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = rest.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok().map(PathBuf::from)
}

/// The `file:` URI of an absolute path, with every byte outside the unreserved set
/// percent-encoded (as VS Code writes them).
pub fn path_to_uri(path: &Path) -> String {
    let mut uri = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            uri.push(char::from(b));
        } else {
            let _ = write!(uri, "%{b:02X}");
        }
    }
    uri
}

/// The kind of a file: the first top-level table that names one.
pub fn kind_of(text: &str) -> Option<&'static str> {
    text.lines().find_map(|line| {
        let name = header(line)?.into_iter().next()?;
        crate::schema::KINDS.iter().map(|(k, _)| *k).find(|k| *k == name)
    })
}

/// The table names of a `[a.b]` or `[[a.b]]` header line.
fn header(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    let inner = line
        .strip_prefix("[[")
        .and_then(|l| l.split("]]").next())
        .or_else(|| line.strip_prefix('[').and_then(|l| l.split(']').next()))?;
    Some(inner.split('.').map(|p| p.trim().trim_matches('"').to_owned()).collect())
}

/// Where the cursor stands.
pub struct Cursor {
    /// The text of the cursor's line up to the cursor.
    before: String,
    /// The rest of the cursor's line.
    after: String,
    /// The table path of the last header above the cursor.
    path: Vec<String>,
}

impl Cursor {
    pub fn at(text: &str, offset: usize) -> Self {
        let head = text.get(..offset).unwrap_or_default();
        let start = head.rfind('\n').map_or(0, |n| n + 1);
        let before = head.get(start..).unwrap_or_default().to_owned();
        let rest = text.get(offset..).unwrap_or_default();
        let after = rest.split('\n').next().unwrap_or_default().to_owned();
        let path = head.get(..start).unwrap_or_default().lines().rev().find_map(header).unwrap_or_default();
        Self { before, after, path }
    }

    pub fn table_path(&self) -> Vec<String> {
        self.path.clone()
    }

    /// The key whose value the cursor is in, when it is after `key =`.
    pub fn value_key(&self) -> Option<String> {
        let (key, _) = self.before.split_once('=')?;
        let key = key.trim().rsplit(['{', ',', '.']).next().unwrap_or_default().trim().trim_matches('"');
        Some(key.to_owned())
    }

    /// Whether the cursor is inside a string (an odd number of quotes before it).
    pub fn in_string(&self) -> bool {
        self.before.split_once('=').is_some_and(|(_, v)| v.matches('"').count() % 2 == 1)
    }

    /// The key and the string value under the cursor.
    pub fn reference(&self) -> Option<(String, String)> {
        let key = self.value_key()?;
        if !self.in_string() {
            return None;
        }
        let start = self.before.rfind('"')? + 1;
        let head = self.before.get(start..)?;
        let tail = self.after.split('"').next()?;
        Some((key, format!("{head}{tail}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_utf16_units() {
        let text = "a = 1\nlead = \"Sở 𝔸\"\n";
        assert_eq!(position_of(text, text.find('𝔸').unwrap()), json!({ "line": 1, "character": 11 }));
        assert_eq!(position_of(text, text.len() - 2), json!({ "line": 1, "character": 13 }));
        assert_eq!(offset_of(text, 1, 11), text.find('𝔸').unwrap());
        assert_eq!(offset_of(text, 1, 13), text.len() - 2);
    }

    #[test]
    fn uris_round_trip() {
        let path = Path::new("/tmp/kế hoạch/ke-hoach-2019.toml");
        let uri = path_to_uri(path);
        assert_eq!(uri, "file:///tmp/k%E1%BA%BF%20ho%E1%BA%A1ch/ke-hoach-2019.toml");
        assert_eq!(uri_to_path(&uri).unwrap(), path);
    }

    #[test]
    fn the_cursor_knows_its_table_key_and_string() {
        let text = "[plan]\nyear = 2019\n\n[[activity]]\nid = \"a\"\nlead = \"so-k\"\n";
        let cursor = Cursor::at(text, text.find("so-k").unwrap() + 2);
        assert_eq!(cursor.table_path(), ["activity"]);
        assert_eq!(cursor.value_key().as_deref(), Some("lead"));
        assert_eq!(cursor.reference(), Some(("lead".to_owned(), "so-k".to_owned())));
        assert_eq!(kind_of(text), Some("plan"));
    }
}
