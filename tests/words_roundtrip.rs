//! Properties of the words module: whatever the writer writes, in any of the 32 styles, the
//! reader reads back as the same number; and the reader never panics, whatever it is given,
//! and points its errors at a real part of the text.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

use plan::words::{self, Billion, MAX, Style, Thousand, ZeroTens};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// Every combination of the five style choices.
fn all_styles() -> Vec<Style> {
    (0u8..32)
        .map(|bits| Style {
            thousand: if bits & 1 == 0 { Thousand::Nghin } else { Thousand::Ngan },
            zero_tens: if bits & 2 == 0 { ZeroTens::Linh } else { ZeroTens::Le },
            billion: if bits & 4 == 0 { Billion::Ty } else { Billion::Ti },
            final_one_mot: bits & 8 == 0,
            final_four_tu: bits & 16 != 0,
        })
        .collect()
}

/// Numbers of every length, many with zero groups (where `không trăm` and `linh` show up).
fn numbers() -> impl Strategy<Value = u128> {
    let any_length = (0u32..=27).prop_flat_map(|digits| 0..10u128.pow(digits));
    let sparse = prop::collection::vec(prop_oneof![Just(0u128), 0u128..1000, 0u128..10], 9)
        .prop_map(|groups| groups.iter().fold(0, |n, g| n * 1000 + g));
    let edges = (0u32..=27, 0u128..3).prop_map(|(k, d)| (10u128.pow(k) + d).saturating_sub(1));
    prop_oneof![0..=MAX, any_length, sparse, edges.prop_map(|n| n.min(MAX))]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn reads_back_what_it_writes(n in numbers()) {
        for style in all_styles() {
            let bare = words::write(n, &style).unwrap();
            prop_assert_eq!(words::read(&bare), Ok(n), "{:?} {}", style, bare);
            let sentence = words::write_amount(n, &style).unwrap();
            prop_assert_eq!(words::read(&sentence), Ok(n), "{:?} {}", style, sentence);
        }
    }
}

const WORDS: [&str; 40] = [
    "không", "một", "mốt", "hai", "ba", "bốn", "tư", "năm", "lăm", "nhăm", "sáu", "bảy", "tám", "chín", "mười", "mươi",
    "trăm", "linh", "lẻ", "nghìn", "ngàn", "triệu", "tỷ", "tỉ", "đồng", "chẵn", "rưỡi", "hăm", "(", ")", ".", "./",
    "Một", "TRĂM", "x", "", "mừơi", "đ", "1", "tỷ.",
];

/// Random runs of number words (and a little punctuation), in either Unicode form.
fn word_soup() -> impl Strategy<Value = String> {
    let sep = prop::sample::select(vec![" ", "  ", "\u{a0}", "\u{200b}", "\n", ""]);
    let items = prop::collection::vec((prop::sample::select(WORDS.to_vec()), sep), 0..16);
    (items, any::<bool>()).prop_map(|(items, nfd)| {
        let text: String = items.into_iter().flat_map(|(w, s)| [w, s]).collect();
        if nfd { text.nfd().collect() } else { text }
    })
}

fn check_reader(text: &str) -> Result<(), TestCaseError> {
    match words::read(text) {
        Ok(n) => prop_assert!(n <= MAX),
        Err(e) => {
            prop_assert!(text.get(e.span.clone()).is_some(), "span {:?} of {:?}", e.span, text);
            prop_assert!(!e.message.is_empty() && !e.help().is_empty());
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5000))]

    #[test]
    fn reader_never_panics_on_any_text(text in any::<String>()) {
        check_reader(&text)?;
    }

    #[test]
    fn reader_never_panics_on_number_words(text in word_soup()) {
        check_reader(&text)?;
    }
}
