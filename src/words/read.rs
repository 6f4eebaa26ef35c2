//! The reader: turns an amount in words back into a number. It strips the frame documents put
//! around the words (a leading `Bằng chữ:`, parentheses, a final `.`, `./` or `./.`, `đồng`,
//! `đồng chẵn`), then reads groups
//! of three digits ([`super::group`]) joined by scale words. Scales must fall from left to
//! right; `tỷ` may also count a number that has its own `nghìn` and `triệu`
//! (`một nghìn hai trăm tỷ`), and a second `tỷ` multiplies again (`một tỷ tỷ`), so both the
//! usual reading and the group-by-group one (`một nghìn tỷ hai trăm tỷ`) are read.

use std::ops::Range;

use super::group::{Cursor, Group, group};
use super::lexicon::{self, Kind, Word, is_separator};
use super::{MAX, ReadError, dotted};

const BLOCK: u128 = 1_000_000_000;

/// Reads an amount in Vietnamese words, in any case and Unicode form, with or without
/// `đồng`. Errors name the first offending word and give its byte range in `text`.
pub fn read(text: &str) -> Result<u128, ReadError> {
    let body = frame(text)?;
    let words = lexicon::words(text, body.clone())?;
    let number = without_dong(&words)?;
    if number.is_empty() {
        return Err(empty(body));
    }
    read_number(number)
}

fn empty(span: Range<usize>) -> ReadError {
    ReadError::new("the words are empty", span, "write the amount in words, as in `Một trăm nghìn đồng`")
}

/// The byte range of the words inside the frame: surrounding whitespace, a final `.` or `./`,
/// and parentheses around the whole (`(Một trăm nghìn đồng).`).
fn frame(text: &str) -> Result<Range<usize>, ReadError> {
    let mut body = strip_period(text, strip_lead(text, trim(text, 0..text.len())));
    let inner = text.get(body.clone()).unwrap_or_default();
    let (open, close) = (inner.starts_with('('), inner.ends_with(')'));
    if open && close && body.len() >= 2 {
        body = strip_period(text, trim(text, body.start + 1..body.end - 1));
    } else if open {
        let help = "close it after the last word: `(… đồng)`";
        return Err(ReadError::new("`(` is not closed", body.start..body.start + 1, help));
    } else if close {
        let help = "open it before the first word: `(… đồng)`";
        return Err(ReadError::new("`)` was not opened", body.end - 1..body.end, help));
    }
    if body.is_empty() {
        return Err(empty(0..text.len()));
    }
    Ok(body)
}

fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = text.get(range.clone()).unwrap_or_default();
    let start = range.start + (slice.len() - slice.trim_start_matches(is_separator).len());
    let end = range.start + slice.trim_end_matches(is_separator).len();
    start..end.max(start)
}

/// Drops the closing mark of administrative documents: `./.` (the usual one, and the
/// seed's), `./` or `.`.
fn strip_period(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = text.get(range.clone()).unwrap_or_default();
    let cut = ["./.", "./", "."].iter().find(|mark| slice.ends_with(*mark)).map_or(0, |mark| mark.len());
    trim(text, range.start..range.end - cut)
}

/// Drops a leading `Bằng chữ:` ("in words:"), in any case and Unicode form: text pasted
/// from a document often carries it.
fn strip_lead(text: &str, range: Range<usize>) -> Range<usize> {
    use unicode_normalization::UnicodeNormalization;
    let slice = text.get(range.clone()).unwrap_or_default();
    let Some(colon) = slice.find(':') else { return range };
    let head: String = slice.get(..colon).unwrap_or_default().nfc().collect::<String>().to_lowercase();
    if head.split_whitespace().eq(["bằng", "chữ"]) { trim(text, range.start + colon + 1..range.end) } else { range }
}

/// The number words: everything before a final `đồng` or `đồng chẵn`.
fn without_dong<'w, 'a>(words: &'w [Word<'a>]) -> Result<&'w [Word<'a>], ReadError> {
    let Some(i) = words.iter().position(|w| w.kind == Kind::Dong) else {
        if let Some(chan) = words.iter().find(|w| w.kind == Kind::Chan) {
            let message = format!("`{}` must follow `đồng`", chan.text);
            return Err(ReadError::new(message, chan.span.clone(), "write `đồng chẵn` at the end"));
        }
        return Ok(words);
    };
    let (number, rest) = words.split_at(i);
    // `đồng`, then maybe `chẵn`, then nothing.
    let end = 1 + usize::from(rest.get(1).is_some_and(|w| w.kind == Kind::Chan));
    let extra = rest.first().zip(rest.get(end));
    if let Some((dong, extra)) = extra {
        let message = format!("unexpected `{}` after `{}`", extra.text, dong.text);
        let help = "`đồng` (or `đồng chẵn`) ends the amount";
        return Err(ReadError::new(message, extra.span.clone(), help));
    }
    if let (true, Some(dong)) = (number.is_empty(), rest.first()) {
        let message = format!("no number before `{}`", dong.text);
        return Err(ReadError::new(message, dong.span.clone(), "write the number first, as in `Một trăm đồng`"));
    }
    Ok(number)
}

/// A part of the number: `value` is a multiple of 10^`low` below 10^(`top` + 3); `word` is
/// the scale word that made it, for messages.
struct Piece<'a> {
    value: u128,
    low: u32,
    top: u32,
    word: &'a str,
}

impl Piece<'_> {
    /// The last group, with no scale word.
    fn units(value: u128) -> Self {
        Self { value, low: 0, top: 0, word: "" }
    }
}

fn read_number(words: &[Word]) -> Result<u128, ReadError> {
    if words.len() == 1 && words.first().is_some_and(|w| w.kind == Kind::Digit(0)) {
        return Ok(0);
    }
    let mut c = Cursor::new(words);
    let mut pieces: Vec<Piece> = Vec::new();
    loop {
        let leading = c.pos() == 0;
        let g = group(&mut c, leading)?;
        let Some(w) = c.peek() else {
            if let Some(g) = g {
                check_lone(&c, &g)?;
                pieces.push(Piece::units(g.value));
            }
            break;
        };
        let Kind::Scale(exp) = w.kind else {
            return Err(unexpected(w, c.prev()));
        };
        let piece = scale(&c, &mut pieces, g, w, exp)?;
        push(&mut pieces, piece, w)?;
        c.bump()?;
    }
    let total = pieces.iter().try_fold(0u128, |sum, p| sum.checked_add(p.value));
    match (total.filter(|&t| t <= MAX), words.last()) {
        (Some(total), _) => Ok(total),
        (None, Some(last)) => Err(too_large(last)),
        (None, None) => Err(empty(0..0)),
    }
}

/// The piece a scale word `w` (10^`exp`) makes of the group before it; for `tỷ`, see
/// [`billions`].
fn scale<'a>(
    c: &Cursor,
    pieces: &mut Vec<Piece<'a>>,
    g: Option<Group>,
    w: &Word<'a>,
    exp: u32,
) -> Result<Piece<'a>, ReadError> {
    if exp == 9 {
        return billions(c, pieces, g, w);
    }
    let Some(g) = g else {
        return Err(c.prev().map_or_else(|| needs_number(w), |p| unexpected(w, Some(p))));
    };
    let value = g.value.checked_mul(10u128.pow(exp));
    let value = value.ok_or_else(|| too_large(w))?;
    Ok(Piece { value, low: exp, top: exp, word: w.text })
}

/// The piece `tỷ` makes: right after another `tỷ`, the piece that one made, times 10^9
/// (`tỷ tỷ`); otherwise the group before it and the `nghìn` and `triệu` pieces before that,
/// counted together (`một nghìn hai trăm tỷ`, `một nghìn tỷ`).
fn billions<'a>(
    c: &Cursor,
    pieces: &mut Vec<Piece<'a>>,
    g: Option<Group>,
    w: &Word<'a>,
) -> Result<Piece<'a>, ReadError> {
    let after_ty = g.is_none() && c.prev().is_some_and(|p| p.kind == Kind::Scale(9));
    let counted = if after_ty {
        pieces.pop().into_iter().collect()
    } else {
        let split = pieces.iter().rposition(|p| p.top >= 9).map_or(0, |i| i + 1);
        pieces.split_off(split)
    };
    if let Some(g) = g.as_ref().filter(|_| !counted.is_empty()) {
        check_lone(c, g)?;
    }
    let g = g.map(|g| Piece::units(g.value));
    let counted: Vec<Piece> = counted.into_iter().chain(g).collect();
    let (Some(low), Some(top)) = (counted.iter().map(|p| p.low).min(), counted.iter().map(|p| p.top).max()) else {
        return Err(needs_number(w));
    };
    let value = counted.iter().try_fold(0u128, |sum, p| sum.checked_add(p.value));
    let value = value.and_then(|v| v.checked_mul(BLOCK));
    let value = value.ok_or_else(|| too_large(w))?;
    Ok(Piece { value, low: low + 9, top: top + 9, word: w.text })
}

fn needs_number(w: &Word) -> ReadError {
    let message = format!("`{}` needs a number before it", w.text);
    let help = format!("write how many, as in `một {}`", w.form);
    ReadError::new(message, w.span.clone(), help)
}

/// Adds a piece, checking it is smaller than the one before and within [`MAX`].
fn push<'a>(pieces: &mut Vec<Piece<'a>>, piece: Piece<'a>, w: &Word) -> Result<(), ReadError> {
    if piece.value > MAX {
        return Err(too_large(w));
    }
    if let Some(prev) = pieces.last().filter(|p| p.low <= piece.top) {
        let message = format!("scale `{}` out of order after `{}`", w.text, prev.word);
        let help = "scales go from largest to smallest, each once: `tỷ`, `triệu`, `nghìn`; \
                    a number of `tỷ` may have its own `nghìn` and `triệu`, as in \
                    `một nghìn hai trăm tỷ`";
        return Err(ReadError::new(message, w.span.clone(), help));
    }
    pieces.push(piece);
    Ok(())
}

/// Rejects a lone digit that ends a number after a scale word: `một nghìn năm` is 1.500 in
/// speech and 1.005 to a careless writer, so neither is assumed.
fn check_lone(c: &Cursor, g: &Group) -> Result<(), ReadError> {
    let (Some(scale), Some(digit)) = (g.first.checked_sub(1).and_then(|i| c.at(i)), c.at(g.first)) else {
        return Ok(());
    };
    if !g.lone {
        return Ok(());
    }
    let (unit, digit_word, value) = (scale.form, digit.form, g.value);
    let message =
        format!("`{} {}` is ambiguous: speech reads it as `{unit} {digit_word} trăm`", scale.text, digit.text);
    let help = format!(
        "write `{unit} {digit_word} trăm` (…{value}00), \
         or `{unit} không trăm linh {digit_word}` (…00{value})"
    );
    Err(ReadError::new(message, scale.span.start..digit.span.end, help))
}

fn unexpected(w: &Word, prev: Option<&Word>) -> ReadError {
    let message = match prev {
        Some(p) => format!("unexpected `{}` after `{}`", w.text, p.text),
        None => format!("unexpected `{}` at the start", w.text),
    };
    let help = match w.kind {
        Kind::Dong | Kind::Chan => "`đồng` (or `đồng chẵn`) ends the amount",
        Kind::Tram => "a group of three digits has one `trăm`",
        _ => {
            "each group of three digits reads `[digit trăm] [tens] [units]` and is followed \
              by a scale word (`nghìn`, `triệu`, `tỷ`) or ends the amount"
        }
    };
    ReadError::new(message, w.span.clone(), help)
}

fn too_large(w: &Word) -> ReadError {
    let message = format!("`{}` makes the amount too large to read", w.text);
    let help = format!("amounts in words go up to `{}`", dotted(MAX));
    ReadError::new(message, w.span.clone(), help)
}
