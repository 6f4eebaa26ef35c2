//! The TOML tree that lowering reads: each table's keys in the order they were written, each
//! key and value with its byte span, strings borrowed from the text unless they hold an
//! escape. [`super::events`] builds it straight from the parser's events; a file the toml
//! crate must explain (one with an error) is converted from that crate's tree instead
//! ([`Table::from_toml`]), so both ways give the same tree.

use std::borrow::Cow;
use std::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::value::Datetime;

use crate::hash::HashMap;

/// Past this many keys a table is looked up by a hash index rather than by a scan, so that a
/// table of 100,000 keys is not quadratic to build.
const INDEXED: usize = 16;

/// The bit of `key` in a table's bloom filter: from its length and its last byte, which
/// tell apart most keys of one table (`id`, `name`, `unit`, `target`, `lead`, …).
fn bloom_bit(key: &str) -> u64 {
    1 << tag(key)
}

/// Where [`bloom_bit`] puts `key`: 0 to 63.
fn tag(key: &str) -> u8 {
    let last = key.as_bytes().last().copied().unwrap_or(0);
    u8::try_from(key.len().wrapping_mul(7).wrapping_add(usize::from(last)) & 63).unwrap_or(0)
}

/// A TOML table.
#[derive(Debug, Clone, Default)]
pub struct Table<'i> {
    entries: Vec<Entry<'i>>,
    index: Option<Box<HashMap<Box<str>, usize>>>,
    /// A bit for each key's [`bloom_bit`]: a key whose bit is not set is not there, which
    /// most lookups (a new key, an optional key not written) learn without comparing.
    bloom: u64,
    /// Made by a header or dotted key under it, not by its own header (yet).
    pub(super) implicit: bool,
    /// Made by a dotted key.
    pub(super) dotted: bool,
    /// Written `{ … }`, or made by a dotted key inside one: it cannot be extended.
    pub(super) inline: bool,
}

/// A key of a table and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<'i> {
    /// The key's [`bloom_bit`] (its place): compared before the key itself.
    tag: u8,
    pub key: Cow<'i, str>,
    pub key_span: Range<usize>,
    pub node: Node<'i>,
}

/// A value and its byte span: the value's text; a table's header (`[budget]`, `[[activity]]`),
/// or the key that made it when it has none.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'i> {
    pub span: Range<usize>,
    pub value: Value<'i>,
}

/// A TOML value. Integers and floats keep their text: an amount is read from it exactly.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'i> {
    String(Cow<'i, str>),
    /// The digits (signed, no underscores, no prefix) and the radix they are in.
    Integer(Cow<'i, str>, u32),
    Float(Cow<'i, str>),
    Boolean(bool),
    Datetime(Datetime),
    Array(Array<'i>),
    Table(Table<'i>),
}

/// A TOML array, or array of tables (`[[activity]]`).
#[derive(Debug, Clone, Default)]
pub struct Array<'i> {
    pub items: Vec<Node<'i>>,
    /// Made by `[[…]]` headers: more can be appended to it.
    pub(super) of_tables: bool,
    /// How many elements before `items` were taken as they closed
    /// ([`super::events::Harvest`]): the first of `items` is element `taken`.
    pub(super) taken: usize,
}

impl Array<'_> {
    /// How many elements before the first of `items` were taken as they closed.
    pub fn taken(&self) -> usize {
        self.taken
    }
}

impl Value<'_> {
    /// The type's name as the toml crate words it, for "expected …, found …".
    pub fn type_str(&self) -> &'static str {
        match self {
            Value::String(_) => "string",
            Value::Integer(..) => "integer",
            Value::Float(_) => "float",
            Value::Boolean(_) => "boolean",
            Value::Datetime(_) => "datetime",
            Value::Array(_) => "array",
            Value::Table(_) => "table",
        }
    }
}

impl<'i> Table<'i> {
    /// An empty table made with these flags.
    pub(super) fn made(implicit: bool, dotted: bool, inline: bool) -> Self {
        Self { implicit, dotted, inline, ..Self::default() }
    }

    /// Made only by a header or dotted key under it, not (yet) by its own header: that
    /// header may still come and add keys to it.
    pub fn is_implicit(&self) -> bool {
        self.implicit
    }

    /// The entries in the order their keys were written.
    pub fn iter(&self) -> std::slice::Iter<'_, Entry<'i>> {
        self.entries.iter()
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Node<'i>> {
        let at = self.position(key)?;
        self.entries.get(at).map(|e| &e.node)
    }

    /// Where `key` is among the entries, and its value.
    pub fn find(&self, key: &str) -> Option<(usize, &Node<'i>)> {
        let at = self.position(key)?;
        self.entries.get(at).map(|e| (at, &e.node))
    }

    pub(super) fn position(&self, key: &str) -> Option<usize> {
        let tag = tag(key);
        if self.bloom & (1 << tag) == 0 {
            return None;
        }
        match &self.index {
            Some(index) => index.get(key).copied(),
            None => self.entries.iter().position(|e| e.tag == tag && e.key == key),
        }
    }

    pub(super) fn get_mut(&mut self, key: &str) -> Option<&mut Node<'i>> {
        let at = self.position(key)?;
        self.entries.get_mut(at).map(|e| &mut e.node)
    }

    /// Appends `key`, which the caller has made sure is not there; returns its value.
    pub(super) fn push(&mut self, key: Cow<'i, str>, key_span: Range<usize>, node: Node<'i>) -> Option<&mut Node<'i>> {
        let at = self.entries.len();
        self.bloom |= bloom_bit(&key);
        if let Some(index) = &mut self.index {
            index.insert(Box::from(key.as_ref()), at);
        } else if at == INDEXED {
            let mut index: HashMap<Box<str>, usize> = HashMap::default();
            index.reserve(2 * INDEXED);
            for (n, entry) in self.entries.iter().enumerate() {
                index.insert(Box::from(entry.key.as_ref()), n);
            }
            index.insert(Box::from(key.as_ref()), at);
            self.index = Some(Box::new(index));
        }
        self.entries.push(Entry { tag: tag(&key), key, key_span, node });
        self.entries.last_mut().map(|e| &mut e.node)
    }

    /// Takes `key` out, the keys after it moving up (as the toml crate's `shift_remove`).
    pub(super) fn remove(&mut self, key: &str) -> Option<Entry<'i>> {
        let at = self.position(key)?;
        let entry = self.entries.remove(at);
        self.bloom = self.entries.iter().fold(0, |bits, e| bits | bloom_bit(&e.key));
        if let Some(index) = &mut self.index {
            index.clear();
            for (n, entry) in self.entries.iter().enumerate() {
                index.insert(Box::from(entry.key.as_ref()), n);
            }
        }
        Some(entry)
    }

    /// The same tree as the toml crate's, for a file that crate parsed without an error.
    pub fn from_toml(table: &DeTable<'i>) -> Self {
        let mut out = Table::default();
        for (key, value) in table {
            let node = Node::from_toml(value);
            out.push(key.get_ref().clone(), key.span(), node);
        }
        out
    }
}

impl<'i> Node<'i> {
    fn from_toml(value: &toml::Spanned<DeValue<'i>>) -> Self {
        let value_of = match value.get_ref() {
            DeValue::String(s) => Value::String(s.clone()),
            DeValue::Integer(i) => Value::Integer(Cow::Owned(i.as_str().to_owned()), i.radix()),
            DeValue::Float(f) => Value::Float(Cow::Owned(f.as_str().to_owned())),
            DeValue::Boolean(b) => Value::Boolean(*b),
            DeValue::Datetime(d) => Value::Datetime(*d),
            DeValue::Array(items) => {
                Value::Array(Array { items: items.iter().map(Node::from_toml).collect(), of_tables: false, taken: 0 })
            }
            DeValue::Table(table) => Value::Table(Table::from_toml(table)),
        };
        Node { span: value.span(), value: value_of }
    }
}

/// Two tables are the same when they have the same entries in the same order; how they were
/// made (the parser's flags) does not count.
impl PartialEq for Table<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.entries == other.entries
    }
}

impl PartialEq for Array<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.items == other.items
    }
}

impl<'i> std::ops::Deref for Array<'i> {
    type Target = [Node<'i>];

    fn deref(&self) -> &Self::Target {
        &self.items
    }
}

impl<'a, 'i> IntoIterator for &'a Array<'i> {
    type Item = &'a Node<'i>;
    type IntoIter = std::slice::Iter<'a, Node<'i>>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<'a, 'i> IntoIterator for &'a Table<'i> {
    type Item = &'a Entry<'i>;
    type IntoIter = std::slice::Iter<'a, Entry<'i>>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter()
    }
}
