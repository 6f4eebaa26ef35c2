//! Agencies and how references to them are matched. Names arrive typed by different people:
//! composed or decomposed Unicode, old or new tone placement ("uỷ" / "ủy"), any case, stray
//! spaces. [`fold_name`] maps all of these to one key; the user's text itself is never
//! changed.

use crate::hash::HashMap;

use unicode_normalization::UnicodeNormalization;

use crate::source::Sp;

/// An agency of the decision's registry.
#[derive(Debug)]
pub struct Agency {
    pub id: Sp<String>,
    pub name: Sp<String>,
    pub aliases: Vec<Sp<String>>,
    pub parent: Option<Sp<String>>,
}

/// The five Vietnamese tone marks, as combining characters. The other marks (circumflex,
/// breve, horn) change the vowel itself and stay where they are.
const TONE_MARKS: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}'];

/// The comparison key of a name: NFD, lowercase, each word's tone mark moved to the end of
/// the word, zero-width characters dropped, whitespace collapsed to single spaces.
pub fn fold_name(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        let mut tones = String::new();
        for c in word.nfd().flat_map(char::to_lowercase) {
            if TONE_MARKS.contains(&c) {
                tones.push(c);
            } else if !is_invisible(c) {
                key.push(c);
            }
        }
        key.push_str(&tones);
    }
    key
}

/// Zero-width characters pasted from word processors, which no reader can see.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// Looks agencies up by id, name or alias.
#[derive(Debug, Default)]
pub struct AgencyIndex {
    by_id: HashMap<String, usize>,
    by_key: HashMap<String, usize>,
    /// Each name and alias as written, to the agency its key gives: a reference that writes
    /// a name exactly is found without folding it.
    written: HashMap<String, usize>,
}

/// Two agencies of one registry that a name cannot tell apart.
#[derive(Debug)]
pub struct Clash<'a> {
    pub name: &'a Sp<String>,
    pub first: usize,
    pub second: usize,
}

impl AgencyIndex {
    /// Indexes `agencies`, returning the names that fold to a key another agency already has.
    pub fn build(agencies: &[Agency]) -> (Self, Vec<Clash<'_>>) {
        let mut index = Self::default();
        let mut clashes = Vec::new();
        for (n, agency) in agencies.iter().enumerate() {
            index.by_id.entry(agency.id.value.clone()).or_insert(n);
            for name in std::iter::once(&agency.name).chain(&agency.aliases) {
                let key = fold_name(&name.value);
                let owner = match index.by_key.get(&key) {
                    Some(&first) if first != n => {
                        clashes.push(Clash { name, first, second: n });
                        first
                    }
                    Some(&first) => first,
                    None => {
                        index.by_key.insert(key, n);
                        n
                    }
                };
                index.written.entry(name.value.clone()).or_insert(owner);
            }
        }
        (index, clashes)
    }

    /// The index of the agency that `reference` names: an id, or a name or alias after folding.
    pub fn resolve(&self, reference: &str) -> Option<usize> {
        self.by_id
            .get(reference)
            .or_else(|| self.written.get(reference))
            .or_else(|| self.by_key.get(&fold_name(reference)))
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_tone_placement_case_form_and_spacing() {
        assert_eq!(fold_name("Tỉnh uỷ"), fold_name("tỉnh ủy"));
        assert_eq!(fold_name("hoà"), fold_name("HÒA"));
        assert_eq!(fold_name("thuỷ"), fold_name("thủy"));
        let nfd: String = "Cục Thống kê tỉnh".nfd().collect();
        assert_eq!(fold_name(&nfd), fold_name("Cục  Thống\u{00A0}kê tỉnh"));
        assert_eq!(fold_name("Sở\u{200B} Y tế"), fold_name("sở y tế"));
    }

    #[test]
    fn keeps_vowel_marks_apart() {
        assert_ne!(fold_name("Sở"), fold_name("So"));
        assert_ne!(fold_name("tế"), fold_name("tẻ"));
        assert_ne!(fold_name("Đài"), fold_name("Dài"));
    }
}
