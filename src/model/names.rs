//! A list of names as a file writes it (an activity's partners), each with its span, held
//! in one block of text. As `Sp<String>`s, 3.2 million partner names of about 12 bytes took
//! 56 bytes each (a 40-byte value and its heap block) beside the text they came from; here
//! each takes its bytes and 12 more.

use crate::source::{FileId, Sp, Span};

/// Names of one file, in the order written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Names {
    file: FileId,
    text: Box<str>,
    /// For each name: where it ends in `text`, and where its span starts and ends.
    items: Box<[[u32; 3]]>,
}

impl Names {
    /// No names, in `file`.
    pub fn empty(file: FileId) -> Self {
        Self { file, text: Box::default(), items: Box::default() }
    }

    /// The names of `list`, each with its span (all in one file).
    pub fn from_spanned(file: FileId, list: &[(&str, Span)]) -> Self {
        // Just the room needed, so that neither block is copied again to shrink it.
        let mut text = String::with_capacity(list.iter().map(|(name, _)| name.len()).sum());
        let mut items = Vec::with_capacity(list.len());
        let offset = |at: usize| u32::try_from(at).unwrap_or(u32::MAX);
        for (name, span) in list {
            text.push_str(name);
            items.push([offset(text.len()), offset(span.start()), offset(span.end())]);
        }
        Self { file, text: text.into_boxed_str(), items: items.into_boxed_slice() }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Each name with its span, in the order written.
    pub fn iter(&self) -> impl Iterator<Item = Sp<&str>> + '_ {
        let mut start = 0;
        self.items.iter().map(move |&[end, from, to]| {
            let name = self.text.get(start..end as usize).unwrap_or_default();
            start = end as usize;
            Sp::new(name, Span::new(self.file, from as usize..to as usize))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_back_with_their_spans_in_order() {
        let file = FileId(3);
        let names = Names::from_spanned(
            file,
            &[
                ("Sở Y tế", Span::new(file, 10..21)),
                ("", Span::new(file, 23..25)),
                ("Cục Thuế", Span::new(file, 27..39)),
            ],
        );
        let back: Vec<(&str, std::ops::Range<usize>)> = names.iter().map(|n| (n.value, n.span.range())).collect();
        assert_eq!(back, [("Sở Y tế", 10..21), ("", 23..25), ("Cục Thuế", 27..39)]);
        assert_eq!(names.len(), 3);
        assert!(names.iter().all(|n| n.span.file == file));
        assert!(Names::empty(file).is_empty());
        assert_eq!(Names::empty(file).iter().count(), 0);
    }
}
