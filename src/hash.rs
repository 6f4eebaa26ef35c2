//! Hash maps and sets with a fast hasher of fixed seed (`foldhash`), for the maps the checks
//! and the loading of files build for every file: the standard library's `SipHash` was a
//! sixth of the instructions `plan check` spends beyond parsing (docs/performance.md).
//! The inputs are the user's own files, so a hasher that resists chosen collisions buys
//! nothing; the fixed seed keeps any order that leaked from a map the same on every run.

pub type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
pub type HashSet<K> = std::collections::HashSet<K, foldhash::fast::FixedState>;
