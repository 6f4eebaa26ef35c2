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
use crate::t;

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
    ReadError::new(
        t!("chưa có chữ nào", "the words are empty"),
        span,
        t!(
            "viết số tiền bằng chữ, như `Một trăm nghìn đồng`",
            "write the amount in words, as in `Một trăm nghìn đồng`"
        ),
    )
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
        let help = t!("đóng ngoặc sau chữ cuối cùng: `(… đồng)`", "close it after the last word: `(… đồng)`");
        let message = t!("dấu `(` chưa được đóng", "`(` is not closed");
        return Err(ReadError::new(message, body.start..body.start + 1, help));
    } else if close {
        let help = t!("mở ngoặc trước chữ đầu tiên: `(… đồng)`", "open it before the first word: `(… đồng)`");
        let message = t!("dấu `)` không có dấu `(` mở trước nó", "`)` was not opened");
        return Err(ReadError::new(message, body.end - 1..body.end, help));
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
            let chan_text = chan.text;
            let message = t!("`{chan_text}` phải đứng sau `đồng`", "`{chan_text}` must follow `đồng`");
            let help = t!("viết `đồng chẵn` ở cuối", "write `đồng chẵn` at the end");
            return Err(ReadError::new(message, chan.span.clone(), help));
        }
        return Ok(words);
    };
    let (number, rest) = words.split_at(i);
    // `đồng`, then maybe `chẵn`, then nothing.
    let end = 1 + usize::from(rest.get(1).is_some_and(|w| w.kind == Kind::Chan));
    let extra = rest.first().zip(rest.get(end));
    if let Some((dong, extra)) = extra {
        return Err(ReadError::new(after_word(extra, dong), extra.span.clone(), dong_ends()));
    }
    if let (true, Some(dong)) = (number.is_empty(), rest.first()) {
        let dong_text = dong.text;
        let message = t!("không có số trước `{dong_text}`", "no number before `{dong_text}`");
        let help = t!("viết số trước, như `Một trăm đồng`", "write the number first, as in `Một trăm đồng`");
        return Err(ReadError::new(message, dong.span.clone(), help));
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
    let (text, form) = (w.text, w.form);
    let message = t!("trước `{text}` phải có một số", "`{text}` needs a number before it");
    let help = t!("viết số lượng, như `một {form}`", "write how many, as in `một {form}`");
    ReadError::new(message, w.span.clone(), help)
}

/// Adds a piece, checking it is smaller than the one before and within [`MAX`].
fn push<'a>(pieces: &mut Vec<Piece<'a>>, piece: Piece<'a>, w: &Word) -> Result<(), ReadError> {
    if piece.value > MAX {
        return Err(too_large(w));
    }
    if let Some(prev) = pieces.last().filter(|p| p.low <= piece.top) {
        let (text, before) = (w.text, prev.word);
        let message = t!("`{text}` đứng sai thứ tự sau `{before}`", "scale `{text}` out of order after `{before}`");
        let help = t!(
            "các hàng đi từ lớn đến nhỏ, mỗi hàng một lần: `tỷ`, `triệu`, `nghìn`; \
             một số `tỷ` có thể có `nghìn` và `triệu` của riêng nó, như `một nghìn hai trăm tỷ`",
            "scales go from largest to smallest, each once: `tỷ`, `triệu`, `nghìn`; \
             a number of `tỷ` may have its own `nghìn` and `triệu`, as in \
             `một nghìn hai trăm tỷ`"
        );
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
    let (scale_text, digit_text) = (scale.text, digit.text);
    let message = t!(
        "`{scale_text} {digit_text}` có hai cách hiểu: khi nói, nó được hiểu là `{unit} {digit_word} trăm`",
        "`{scale_text} {digit_text}` is ambiguous: speech reads it as `{unit} {digit_word} trăm`"
    );
    let help = t!(
        "viết `{unit} {digit_word} trăm` (…{value}00), \
         hoặc `{unit} không trăm linh {digit_word}` (…00{value})",
        "write `{unit} {digit_word} trăm` (…{value}00), \
         or `{unit} không trăm linh {digit_word}` (…00{value})"
    );
    Err(ReadError::new(message, scale.span.start..digit.span.end, help))
}

fn unexpected(w: &Word, prev: Option<&Word>) -> ReadError {
    let message = match prev {
        Some(p) => after_word(w, p),
        None => {
            let text = w.text;
            t!("`{text}` không được đứng đầu", "unexpected `{text}` at the start")
        }
    };
    let help = match w.kind {
        Kind::Dong | Kind::Chan => dong_ends(),
        Kind::Tram => t!("mỗi nhóm ba chữ số chỉ có một `trăm`", "a group of three digits has one `trăm`"),
        _ => t!(
            "mỗi nhóm ba chữ số đọc là `[chữ số] trăm [chục] [đơn vị]`, rồi đến chữ chỉ hàng \
             (`nghìn`, `triệu`, `tỷ`) hoặc hết số tiền",
            "each group of three digits reads `[digit trăm] [tens] [units]` and is followed \
             by a scale word (`nghìn`, `triệu`, `tỷ`) or ends the amount"
        ),
    };
    ReadError::new(message, w.span.clone(), help)
}

/// "`w` may not follow `p`".
fn after_word(w: &Word, p: &Word) -> crate::lang::Text {
    let (text, before) = (w.text, p.text);
    t!("`{text}` không được đứng sau `{before}`", "unexpected `{text}` after `{before}`")
}

fn dong_ends() -> crate::lang::Text {
    t!("`đồng` (hoặc `đồng chẵn`) là chữ cuối của số tiền", "`đồng` (or `đồng chẵn`) ends the amount")
}

fn too_large(w: &Word) -> ReadError {
    let (text, max) = (w.text, dotted(MAX));
    let message = t!("`{text}` làm số tiền quá lớn, không đọc được", "`{text}` makes the amount too large to read");
    let help = t!("số tiền bằng chữ chỉ đọc được đến `{max}`", "amounts in words go up to `{max}`");
    ReadError::new(message, w.span.clone(), help)
}
