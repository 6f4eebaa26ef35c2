//! The tree of a valid file, built straight from the parser's events (`toml_parser`), a
//! stretch of lines at a time: neither the file's tokens nor its events are ever all held,
//! and no tree but the one lowering reads is made. The toml crate's own parser holds all
//! three for the whole file — 22 bytes for each byte of text — and was most of what
//! `plan check` cost (docs/performance.md).
//!
//! This path only ever accepts: at the first error of any kind (syntax, a key defined
//! twice, a table extended that cannot be) it gives up, and the file is parsed again by the
//! toml crate, whose messages the diagnostics quote. The rules below are that crate's
//! (`toml::de::parser::document`, `inline_table`), step for step, so a file either way
//! gives the same tree; `tests/tree_by_events.rs` and the whole-path fuzz target check it.

use std::borrow::Cow;
use std::mem;
use std::ops::Range;

use toml_parser::decoder::{Encoding, ScalarKind};
use toml_parser::lexer::{Token, TokenKind};
use toml_parser::parser::{EventReceiver, RecursionGuard, ValidateWhitespace};
use toml_parser::{ErrorSink, ParseError, Raw, Source, Span};

use super::tree::{Array, Node, Table, Value};

/// How deep arrays and inline tables may nest, and how many parts a key may have: the toml
/// crate's limits, so that what it refuses is refused here too.
const LIMIT: u32 = 80;

/// How many tokens are lexed at a time; a stretch parsed ends at the last line end outside
/// any bracket among them.
const STRETCH_TOKENS: usize = 4096;

/// The tree of `text`, when it is valid TOML; `None` at its first error of any kind.
pub fn tree(text: &str) -> Option<Table<'_>> {
    tree_harvested(text, &mut ())
}

/// Takes the elements of the file's top-level arrays of tables (`[[activity]]`) as they
/// are closed, so that a file's tree is never whole: lowering makes each element its
/// model and drops its table at once ([`crate::lower`]). An element is closed when the
/// next `[[…]]` of its array is (until then `[activity.breakdown]` may still add to it);
/// the last of each array is left in the tree.
pub trait Harvest<'i> {
    /// Element `index` of the top-level array `key` is closed: `root` is the tree so far,
    /// `span` the element's header. Gives the table back to leave it in the tree, or
    /// `None` for having taken it; the array then counts it in [`Array::taken`]. Only the
    /// first elements of an array may be taken: once one is given back, so are the rest.
    fn closed(
        &mut self,
        root: &Table<'i>,
        key: &str,
        index: usize,
        span: Range<usize>,
        table: Table<'i>,
    ) -> Option<Table<'i>>;
}

/// Takes nothing: the whole tree.
impl<'i> Harvest<'i> for () {
    fn closed(&mut self, _: &Table<'i>, _: &str, _: usize, _: Range<usize>, table: Table<'i>) -> Option<Table<'i>> {
        Some(table)
    }
}

/// [`tree`], with each top-level array's elements handed to `harvest` as they close.
pub fn tree_harvested<'i>(text: &'i str, harvest: &mut dyn Harvest<'i>) -> Option<Table<'i>> {
    let source = Source::new(text);
    let mut builder = Builder::new(text, harvest);
    let mut tokens: Vec<Token> = Vec::with_capacity(2 * STRETCH_TOKENS);
    let mut depth: i64 = 0;
    let mut lexer = source.lex();
    loop {
        // Lexed a batch at a time (as the lexer's own `into_vec`), then scanned for the
        // brackets: a token at a time, the bookkeeping cost as much as the copying.
        let before = tokens.len();
        tokens.extend(lexer.by_ref().take(STRETCH_TOKENS));
        let end = tokens.len() < before + STRETCH_TOKENS;
        let mut cut = None;
        for (n, token) in tokens.iter().enumerate().skip(before) {
            match token.kind() {
                TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => depth += 1,
                TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => depth -= 1,
                TokenKind::Newline if depth == 0 => cut = Some(n + 1),
                _ => {}
            }
            if depth < 0 {
                return None;
            }
        }
        let upto = match (end, cut) {
            (true, _) => tokens.len(),
            (false, Some(cut)) => cut,
            // No line end outside brackets yet (a long array): read on.
            (false, None) => continue,
        };
        let mut failed = false;
        {
            let mut sink = |_: ParseError| failed = true;
            let mut whitespace = ValidateWhitespace::new(&mut builder, source);
            let mut guard = RecursionGuard::new(&mut whitespace, LIMIT);
            toml_parser::parser::parse_document(tokens.get(..upto).unwrap_or(&[]), &mut guard, &mut sink);
        }
        if failed || builder.failed {
            return None;
        }
        if end {
            break;
        }
        tokens.drain(..upto);
    }
    builder.finish()
}

/// A key as read: its text decoded, and its span.
#[derive(Clone)]
struct Key<'i> {
    name: Cow<'i, str>,
    span: Range<usize>,
}

/// A table header (`[a.b]`, `[[a.b]]`), once closed.
struct Header<'i> {
    path: Vec<Key<'i>>,
    key: Key<'i>,
    span: Range<usize>,
    is_array: bool,
}

/// An array or inline table being read.
enum Open<'i> {
    Array { start: usize, items: Vec<Node<'i>> },
    Inline { start: usize, table: Table<'i>, key: Option<(Vec<Key<'i>>, Key<'i>)> },
}

struct Builder<'i, 'h> {
    text: &'i str,
    harvest: &'h mut dyn Harvest<'i>,
    failed: bool,
    root: Table<'i>,
    /// The table the key-values under the last header go to.
    current: Table<'i>,
    header: Option<Header<'i>>,
    /// Where the header being read opens, and whether it is `[[…]]`.
    opening: Option<(usize, bool)>,
    /// The parts of the key being read.
    keys: Vec<Key<'i>>,
    /// A top-level key-value's key, waiting for its value.
    pending: Option<(Vec<Key<'i>>, Key<'i>)>,
    open: Vec<Open<'i>>,
}

fn range(span: Span) -> Range<usize> {
    span.start()..span.end()
}

impl<'i, 'h> Builder<'i, 'h> {
    fn new(text: &'i str, harvest: &'h mut dyn Harvest<'i>) -> Self {
        Self {
            text,
            harvest,
            failed: false,
            root: Table::default(),
            current: Table::default(),
            header: None,
            opening: None,
            keys: Vec::new(),
            pending: None,
            open: Vec::new(),
        }
    }

    fn raw(&self, span: Span, encoding: Option<Encoding>) -> Option<Raw<'i>> {
        let text = self.text.get(range(span))?;
        Some(Raw::new_unchecked(text, encoding, span))
    }

    fn finish(mut self) -> Option<Table<'i>> {
        if self.failed || self.opening.is_some() || !self.open.is_empty() || self.pending.is_some() {
            return None;
        }
        self.finish_table();
        (!self.failed).then_some(self.root)
    }

    /// The key read so far as a path and its last part.
    fn take_key(&mut self) -> Option<(Vec<Key<'i>>, Key<'i>)> {
        let key = self.keys.pop()?;
        if LIMIT as usize <= self.keys.len() {
            return None;
        }
        // A key of one part, most keys, leaves `keys` as it is: no allocation for it.
        let path = if self.keys.is_empty() { Vec::new() } else { mem::take(&mut self.keys) };
        Some((path, key))
    }

    /// A value read whole: into the array or inline table it is in, or under its key.
    fn deliver(&mut self, node: Node<'i>) {
        let ok = match self.open.last_mut() {
            Some(Open::Array { items, .. }) => {
                items.push(node);
                true
            }
            Some(Open::Inline { table, key, .. }) => match key.take() {
                Some((path, key)) => insert_inline(table, &path, key, node),
                None => false,
            },
            None => match self.pending.take() {
                Some((path, key)) => self.capture_key_value(&path, key, node),
                None => false,
            },
        };
        if !ok {
            self.failed = true;
        }
    }

    fn capture_key_value(&mut self, path: &[Key<'i>], key: Key<'i>, node: Node<'i>) -> bool {
        let dotted = !path.is_empty();
        let Some(parent) = descend(&mut self.current, path, dotted) else { return false };
        if dotted && !parent.implicit || parent.position(&key.name).is_some() {
            return false;
        }
        parent.push(key.name, key.span, node).is_some()
    }

    /// Puts the table read under the last header where the header says.
    fn finish_table(&mut self) {
        let table = mem::take(&mut self.current);
        let Some(header) = self.header.take() else {
            self.root = table;
            return;
        };
        let node = Node { span: header.span.clone(), value: Value::Table(table) };
        let Some(parent) = descend(&mut self.root, &header.path, false) else {
            self.failed = true;
            return;
        };
        if header.is_array {
            let key = header.key.name.clone();
            match parent.get_mut(&header.key.name) {
                None => {
                    let array = Array { items: vec![node], of_tables: true, taken: 0 };
                    let made = Node { span: header.span, value: Value::Array(array) };
                    if parent.push(header.key.name, header.key.span, made).is_none() {
                        self.failed = true;
                    }
                }
                Some(Node { value: Value::Array(array), .. }) if array.of_tables => {
                    // The element before this one is closed now, when at the top level.
                    let closed = match array.items.last_mut() {
                        Some(last) if header.path.is_empty() => {
                            Some((last.span.clone(), mem::replace(&mut last.value, Value::Table(Table::default()))))
                        }
                        _ => None,
                    };
                    array.items.push(node);
                    if let Some((span, Value::Table(table))) = closed {
                        self.harvest_closed(&key, span, table);
                    }
                }
                Some(_) => self.failed = true,
            }
        } else if parent.position(&header.key.name).is_some()
            || parent.push(header.key.name, header.key.span, node).is_none()
        {
            self.failed = true;
        }
    }

    /// Hands the element before the last of the top-level array `key` to the harvest, and
    /// puts it back in the tree unless taken; when taken, it leaves the array.
    fn harvest_closed(&mut self, key: &str, span: Range<usize>, table: Table<'i>) {
        let (at, index) = match self.root.get(key) {
            Some(Node { value: Value::Array(array), .. }) if array.items.len() >= 2 => {
                (array.items.len() - 2, array.taken + array.items.len() - 2)
            }
            _ => return,
        };
        let back = self.harvest.closed(&self.root, key, index, span, table);
        if let Some(Node { value: Value::Array(array), .. }) = self.root.get_mut(key) {
            match back {
                Some(table) => {
                    if let Some(slot) = array.items.get_mut(at) {
                        slot.value = Value::Table(table);
                    }
                }
                // The element before the last, so only the last moves.
                None if at == 0 => {
                    // Of the two left, the last takes its place.
                    array.items.swap_remove(at);
                    array.taken += 1;
                }
                // Not the first left: an element before it was given back, so it is not
                // the next to take. The harvest does not take such a one.
                None => self.failed = true,
            }
        }
    }

    fn start_table(&mut self, header: Header<'i>) {
        if !header.is_array {
            // As the toml crate: the table is looked up when its header opens, and a table
            // made implicitly before (by `[a.b]` before `[a]`) keeps what it holds.
            let Some(parent) = descend(&mut self.root, &header.path, false) else {
                self.failed = true;
                return;
            };
            if let Some(old) = parent.remove(&header.key.name) {
                match old.node.value {
                    Value::Table(table) if table.implicit && !table.dotted => self.current = table,
                    _ => {
                        self.failed = true;
                        return;
                    }
                }
            }
        }
        self.current.implicit = false;
        self.current.dotted = false;
        self.header = Some(header);
    }

    fn open_header(&mut self, span: Span, is_array: bool) {
        if self.opening.is_some() || !self.open.is_empty() || self.pending.is_some() || !self.keys.is_empty() {
            self.failed = true;
            return;
        }
        self.finish_table();
        self.opening = Some((span.start(), is_array));
    }

    fn close_header(&mut self, span: Span, is_array: bool) {
        let header = match (self.opening.take(), self.take_key()) {
            (Some((start, was_array)), Some((path, key))) if was_array == is_array => {
                Header { path, key, span: start..span.end(), is_array }
            }
            _ => {
                self.failed = true;
                return;
            }
        };
        self.start_table(header);
    }

    fn close(&mut self, span: Span, array: bool) {
        let node = match (self.open.pop(), array) {
            (Some(Open::Array { start, mut items }), true) => {
                // Grown by doubling, an array of 40 strings has room for 64.
                items.shrink_to_fit();
                Node { span: start..span.end(), value: Value::Array(Array { items, of_tables: false, taken: 0 }) }
            }
            (Some(Open::Inline { start, table, key: None }), false) => {
                Node { span: start..span.end(), value: Value::Table(table) }
            }
            _ => {
                self.failed = true;
                return;
            }
        };
        self.deliver(node);
    }
}

/// The value of `key` in `table`, or `made` put there under it (its span the key's).
fn child<'t, 'i>(table: &'t mut Table<'i>, key: &Key<'i>, made: Table<'i>) -> Option<&'t mut Node<'i>> {
    if table.position(&key.name).is_some() {
        return table.get_mut(&key.name);
    }
    table.push(key.name.clone(), key.span.clone(), Node { span: key.span.clone(), value: Value::Table(made) })
}

/// The table `path` leads to from `table`, made where missing (the toml crate's
/// `document::descend_path`); `None` where the path cannot be followed or extended.
fn descend<'t, 'i>(mut table: &'t mut Table<'i>, path: &[Key<'i>], dotted: bool) -> Option<&'t mut Table<'i>> {
    for key in path {
        let node = child(table, key, Table::made(true, dotted, false))?;
        table = match &mut node.value {
            Value::Array(array) if array.of_tables => match array.items.last_mut() {
                Some(Node { value: Value::Table(last), .. }) => last,
                _ => return None,
            },
            Value::Table(child) => {
                if child.inline {
                    return None;
                }
                if dotted && child.implicit {
                    child.dotted = true;
                }
                if dotted && !child.implicit {
                    return None;
                }
                child
            }
            _ => return None,
        };
    }
    Some(table)
}

/// [`descend`] inside an inline table (`inline_table::descend_path`).
fn descend_inline<'t, 'i>(mut table: &'t mut Table<'i>, path: &[Key<'i>]) -> Option<&'t mut Table<'i>> {
    for key in path {
        let node = child(table, key, Table::made(true, true, true))?;
        table = match &mut node.value {
            Value::Table(child) if child.implicit => child,
            _ => return None,
        };
    }
    Some(table)
}

/// A key-value of an inline table (`inline_table::State::finish_value`).
fn insert_inline<'i>(table: &mut Table<'i>, path: &[Key<'i>], key: Key<'i>, node: Node<'i>) -> bool {
    let Some(parent) = descend_inline(table, path) else { return false };
    if parent.dotted == path.is_empty() || parent.position(&key.name).is_some() {
        return false;
    }
    parent.push(key.name, key.span, node).is_some()
}

impl EventReceiver for Builder<'_, '_> {
    fn std_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.open_header(span, false);
    }
    fn std_table_close(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.close_header(span, false);
    }
    fn array_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.open_header(span, true);
    }
    fn array_table_close(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.close_header(span, true);
    }
    fn inline_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) -> bool {
        let table = Table::made(false, false, true);
        self.open.push(Open::Inline { start: span.start(), table, key: None });
        true
    }
    fn inline_table_close(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.close(span, false);
    }
    fn array_open(&mut self, span: Span, _error: &mut dyn ErrorSink) -> bool {
        self.open.push(Open::Array { start: span.start(), items: Vec::new() });
        true
    }
    fn array_close(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.close(span, true);
    }
    fn simple_key(&mut self, span: Span, encoding: Option<Encoding>, error: &mut dyn ErrorSink) {
        let Some(raw) = self.raw(span, encoding) else {
            self.failed = true;
            return;
        };
        let mut name = Cow::Borrowed("");
        raw.decode_key(&mut name, error);
        self.keys.push(Key { name, span: range(span) });
    }
    fn key_val_sep(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        let Some(key) = self.take_key() else {
            self.failed = true;
            return;
        };
        match self.open.last_mut() {
            Some(Open::Inline { key: slot @ None, .. }) => *slot = Some(key),
            None if self.pending.is_none() && self.opening.is_none() => self.pending = Some(key),
            _ => self.failed = true,
        }
    }
    fn scalar(&mut self, span: Span, encoding: Option<Encoding>, error: &mut dyn ErrorSink) {
        let Some(raw) = self.raw(span, encoding) else {
            self.failed = true;
            return;
        };
        let mut decoded = Cow::Borrowed("");
        let value = match raw.decode_scalar(&mut decoded, error) {
            ScalarKind::String => Value::String(decoded),
            ScalarKind::Boolean(b) => Value::Boolean(b),
            ScalarKind::DateTime => match decoded.parse() {
                Ok(datetime) => Value::Datetime(datetime),
                Err(_) => {
                    self.failed = true;
                    return;
                }
            },
            ScalarKind::Float => Value::Float(decoded),
            ScalarKind::Integer(radix) => Value::Integer(decoded, radix.value()),
        };
        self.deliver(Node { span: range(span), value });
    }
    fn error(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.failed = true;
    }
}
