//! The reader's vocabulary: splits a text into words, keeping each word's byte range in the
//! original text, and recognises each word whatever its case, Unicode form (NFC or NFD) and
//! tone placement. Words are compared by a key made of the lowercase, decomposed letters with
//! the tone mark moved to the end, so `mười`, `MƯỜI`, a decomposed `mười` and a misplaced
//! `mừơi` are one word, while `mười` (ten) and `mươi` (tens) stay apart.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

use super::ReadError;
use crate::lang::Text;
use crate::t;

/// What a word is, as far as the grammar cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// `không` … `chín` in their plain forms (`một`, `bốn`, `năm`).
    Digit(u8),
    /// `mốt`: a final 1 after a tens digit ≥ 2.
    Mot,
    /// `tư`: a final 4 after a tens digit ≥ 2 (or after `linh`).
    Tu,
    /// `lăm`: a final 5 after a tens digit.
    Lam,
    /// `mươi`: marks the digit before it as tens.
    Muoi,
    /// `mười`: ten.
    Muoi10,
    Tram,
    /// `linh` or `lẻ`: a zero tens digit.
    Linh,
    /// `nghìn`/`ngàn` (3), `triệu` (6), `tỷ`/`tỉ` (9): the power of ten.
    Scale(u32),
    Dong,
    Chan,
}

/// One word of the text: its kind, its dictionary spelling, and where it is.
#[derive(Debug, Clone)]
pub(super) struct Word<'a> {
    pub kind: Kind,
    pub form: &'static str,
    pub text: &'a str,
    pub span: Range<usize>,
}

const LEXICON: [(&str, Kind); 26] = [
    ("không", Kind::Digit(0)),
    ("một", Kind::Digit(1)),
    ("hai", Kind::Digit(2)),
    ("ba", Kind::Digit(3)),
    ("bốn", Kind::Digit(4)),
    ("năm", Kind::Digit(5)),
    ("sáu", Kind::Digit(6)),
    ("bảy", Kind::Digit(7)),
    // A Northern spelling of `bảy` that official documents still use.
    ("bẩy", Kind::Digit(7)),
    ("tám", Kind::Digit(8)),
    ("chín", Kind::Digit(9)),
    ("mốt", Kind::Mot),
    ("tư", Kind::Tu),
    ("lăm", Kind::Lam),
    ("mươi", Kind::Muoi),
    ("mười", Kind::Muoi10),
    ("trăm", Kind::Tram),
    ("linh", Kind::Linh),
    ("lẻ", Kind::Linh),
    ("nghìn", Kind::Scale(3)),
    ("ngàn", Kind::Scale(3)),
    ("triệu", Kind::Scale(6)),
    ("tỷ", Kind::Scale(9)),
    ("tỉ", Kind::Scale(9)),
    ("đồng", Kind::Dong),
    ("chẵn", Kind::Chan),
];

/// Words of speech that never belong in a document: (word, what it is, what to write).
/// Words of speech that an amount in words does not use: the word, what is wrong with it
/// and what to write, each in Vietnamese then English.
const SPOKEN: [(&str, [&str; 2], [&str; 2]); 6] = [
    (
        "nhăm",
        ["chỉ dùng khi nói", "is spoken only"],
        ["viết `lăm`, như `hai mươi lăm`", "write `lăm`, as in `hai mươi lăm`"],
    ),
    (
        "hăm",
        ["chỉ dùng khi nói, là cách nói tắt của `hai mươi`", "is spoken only, short for `hai mươi`"],
        ["viết `hai mươi`, như `hai mươi mốt`", "write `hai mươi`, as in `hai mươi mốt`"],
    ),
    ("rưỡi", HALF, WHOLE_FIGURE),
    ("rưởi", HALF, WHOLE_FIGURE),
    ("chục", ["chỉ dùng khi nói", "is spoken only"], ["viết `mươi`, như `hai mươi`", "write `mươi`, as in `hai mươi`"]),
    (
        "vạn",
        ["(mười nghìn) không dùng trong số tiền", "(ten thousand) is not used in amounts"],
        ["viết `mười nghìn`", "write `mười nghìn`"],
    ),
];

const HALF: [&str; 2] = ["(một nửa) chỉ dùng khi nói", "(a half) is spoken only"];
const WHOLE_FIGURE: [&str; 2] =
    ["viết đầy đủ số: `một triệu năm trăm nghìn`", "write the whole figure: `một triệu năm trăm nghìn`"];

static BY_KEY: LazyLock<HashMap<String, (Kind, &'static str)>> =
    LazyLock::new(|| LEXICON.iter().map(|&(form, kind)| (key(form), (kind, form))).collect());

/// Vietnamese tone marks, as combining characters after NFD.
fn is_tone(c: char) -> bool {
    matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}')
}

/// The comparison key: lowercase, decomposed, tone marks moved to the end.
fn key(word: &str) -> String {
    let mut base = String::new();
    let mut tones = String::new();
    for c in word.to_lowercase().nfd() {
        if is_tone(c) {
            tones.push(c);
        } else {
            base.push(c);
        }
    }
    base + &tones
}

/// The letters without any diacritic, to recognise a word typed without them.
fn bare(word: &str) -> String {
    let lower = word.to_lowercase().replace('đ', "d");
    lower.nfd().filter(|&c| !unicode_normalization::char::is_combining_mark(c)).collect()
}

/// Separators between words: whitespace, including non-breaking spaces, and the invisible
/// joiners that copying from word processors leaves behind.
pub(super) fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Splits `text[body]` into recognised words, failing on the first unknown or spoken word.
pub(super) fn words(text: &str, body: Range<usize>) -> Result<Vec<Word<'_>>, ReadError> {
    let mut out = Vec::new();
    let mut start = None;
    let slice = text.get(body.clone()).unwrap_or_default();
    let ends = slice.char_indices().map(|(i, c)| (body.start + i, c)).chain([(body.end, ' ')]);
    for (i, c) in ends {
        match (start, is_separator(c)) {
            (None, false) => start = Some(i),
            (Some(s), true) => {
                out.push(recognise(text, s..i)?);
                start = None;
            }
            _ => {}
        }
    }
    Ok(out)
}

fn recognise(text: &str, span: Range<usize>) -> Result<Word<'_>, ReadError> {
    let word = text.get(span.clone()).unwrap_or_default();
    let k = key(word);
    if let Some(&(kind, form)) = BY_KEY.get(&k) {
        return Ok(Word { kind, form, text: word, span });
    }
    if let Some((_, [what_vi, what_en], [help_vi, help_en])) = SPOKEN.iter().find(|(form, ..)| key(form) == k) {
        return Err(ReadError::new(
            t!("`{word}` {what_vi}", "`{word}` {what_en}"),
            span,
            Text::new(*help_vi, *help_en),
        ));
    }
    let message = t!("`{word}` không phải chữ chỉ số", "`{word}` is not a number word");
    Err(ReadError::new(message, span, suggest(word)))
}

/// Help for an unknown word: the words it could be without diacritics, else the nearest word.
fn suggest(word: &str) -> Text {
    let b = bare(word);
    let has_diacritics = word.to_lowercase().nfd().collect::<String>() != b;
    let same: Vec<&str> = LEXICON.iter().map(|(f, _)| *f).filter(|f| bare(f) == b).collect();
    if !same.is_empty() && !has_diacritics {
        let list: Vec<String> = same.iter().map(|f| format!("`{f}`")).collect();
        return t!(
            "có phải ý là {}? viết chữ có đủ dấu",
            "did you mean {}? write the words with their diacritics",
            list.join(" hoặc "),
            list.join(" or ")
        );
    }
    let k = key(word);
    let near = LEXICON
        .iter()
        .map(|(f, _)| (strsim::levenshtein(&k, &key(f)), *f))
        .min_by_key(|(d, _)| *d)
        .filter(|(d, _)| *d <= 1 || (*d == 2 && k.chars().count() >= 5));
    match near {
        Some((_, f)) => t!("có phải ý là `{f}`?", "did you mean `{f}`?"),
        None => t!(
            "số tiền bằng chữ chỉ gồm các chữ chỉ số (`một` … `chín`, `mười`, `mươi`, \
             `trăm`, `nghìn`, `triệu`, `tỷ`) và chữ `đồng` ở cuối",
            "an amount in words has only number words (`một` … `chín`, `mười`, `mươi`, \
             `trăm`, `nghìn`, `triệu`, `tỷ`) and a final `đồng`"
        ),
    }
}
