//! One group of three digits in words: `[digit trăm] [linh digit | tens [units]]`, worth
//! 1..=999. This is where the rules about which units word may follow which tens word live
//! (`mốt`, `tư`, `lăm`), and where spoken short forms (`hai mốt`, `một trăm năm`) are
//! rejected with the full form to write. The scale words between groups are left to
//! [`super::read`](mod@super::read).

use std::ops::Range;

use super::ReadError;
use super::lexicon::{Kind, Word};
use crate::lang::Text;
use crate::t;

/// A position in the words of a text.
pub(super) struct Cursor<'w, 'a> {
    words: &'w [Word<'a>],
    pos: usize,
}

impl<'w, 'a> Cursor<'w, 'a> {
    pub(super) fn new(words: &'w [Word<'a>]) -> Self {
        Self { words, pos: 0 }
    }

    pub(super) fn pos(&self) -> usize {
        self.pos
    }

    pub(super) fn at(&self, i: usize) -> Option<&'w Word<'a>> {
        self.words.get(i)
    }

    pub(super) fn peek(&self) -> Option<&'w Word<'a>> {
        self.words.get(self.pos)
    }

    pub(super) fn prev(&self) -> Option<&'w Word<'a>> {
        self.pos.checked_sub(1).and_then(|i| self.words.get(i))
    }

    fn kind(&self, ahead: usize) -> Option<Kind> {
        self.words.get(self.pos + ahead).map(|w| w.kind)
    }

    /// The next word, moving past it; only called after `peek` or `kind` saw one.
    pub(super) fn bump(&mut self) -> Result<&'w Word<'a>, ReadError> {
        let word = self.peek().ok_or_else(|| {
            let message = t!("chữ hết khi số chưa đủ", "the words end too early");
            ReadError::new(message, 0..0, t!("viết tiếp cho đủ số", "finish the number"))
        })?;
        self.pos += 1;
        Ok(word)
    }
}

/// A group read from the words; `first` is the index of its first word.
pub(super) struct Group {
    pub value: u128,
    /// A lone units digit right after a scale word (`nghìn năm`): speech reads it as hundreds.
    pub lone: bool,
    pub first: usize,
}

/// What came before the tail of a group (its tens and units).
#[derive(Clone, Copy, PartialEq, Eq)]
enum After {
    Start,
    Scale,
    Hundreds,
}

fn span(a: &Word, b: &Word) -> Range<usize> {
    a.span.start..b.span.end
}

/// An error about one word, named as written: "`word`{what}".
fn word_error(w: &Word, what: &Text, help: Text) -> ReadError {
    let text = w.text;
    ReadError::new(t!("`{text}`{}", "`{text}`{}", what.vi, what.en), w.span.clone(), help)
}

/// An error about the words from `a` to `b`, named as written: "`a b`{what}".
fn pair_error(a: &Word, b: &Word, what: &Text, help: Text) -> ReadError {
    let (a_text, b_text) = (a.text, b.text);
    let message = t!("`{a_text} {b_text}`{}", "`{a_text} {b_text}`{}", what.vi, what.en);
    ReadError::new(message, span(a, b), help)
}

/// "leave out `không trăm`".
fn leave_out(words: &str) -> Text {
    t!("bỏ `{words}`", "leave out `{words}`")
}

/// "leave it out".
fn leave_it_out() -> Text {
    t!("bỏ chữ này đi", "leave it out")
}

/// "write `x`".
fn write(words: &str) -> Text {
    t!("viết `{words}`", "write `{words}`")
}

/// Reads a group if one starts here; `leading` says it is the first words of the number.
pub(super) fn group(c: &mut Cursor, leading: bool) -> Result<Option<Group>, ReadError> {
    let first = c.pos();
    let hundreds = hundreds(c, leading)?;
    let after = match (hundreds, leading) {
        (Some(_), _) => After::Hundreds,
        (None, true) => After::Start,
        (None, false) => After::Scale,
    };
    let (tail, lone) = tail(c, after)?;
    if c.pos() == first {
        return Ok(None);
    }
    let value = hundreds.unwrap_or(0) + tail;
    if let (0, Some(a), Some(b)) = (value, c.at(first), c.prev()) {
        let what = t!(" đọc ra bằng không: nhóm bằng không thì bỏ đi", " reads as zero: a zero group is left out");
        return Err(pair_error(a, b, &what, leave_out("không trăm")));
    }
    Ok(Some(Group { value, lone, first }))
}

fn hundreds(c: &mut Cursor, leading: bool) -> Result<Option<u128>, ReadError> {
    let (Some(Kind::Digit(d)), Some(Kind::Tram)) = (c.kind(0), c.kind(1)) else {
        return Ok(None);
    };
    let (digit, tram) = (c.bump()?, c.bump()?);
    if d == 0 && leading {
        return Err(pair_error(digit, tram, &cannot_start(), leave_out("không trăm")));
    }
    Ok(Some(u128::from(d) * 100))
}

/// Reads the tens and units of a group: (their value, whether it is a lone digit).
fn tail(c: &mut Cursor, after: After) -> Result<(u128, bool), ReadError> {
    let Some(word) = c.peek() else {
        return Ok((0, false));
    };
    match (word.kind, c.kind(1)) {
        (Kind::Linh, _) if after == After::Start => {
            let form = word.form;
            let help = t!(
                "`{form}` thay cho hàng chục bằng không, đứng sau `trăm`",
                "`{form}` stands for a zero tens digit after `trăm`"
            );
            Err(word_error(word, &cannot_start(), help))
        }
        (Kind::Linh, _) => {
            c.bump()?;
            Ok((after_linh(c, word, after)?, false))
        }
        (Kind::Muoi10, _) | (Kind::Digit(_), Some(Kind::Muoi)) => Ok((tens(c)?, false)),
        (Kind::Digit(_), Some(Kind::Tram)) => {
            let tram = c.at(c.pos() + 1).unwrap_or(word);
            let (word_text, tram_text) = (word.text, tram.text);
            let message = t!(
                "`trăm` thứ hai trong một nhóm: `{word_text} {tram_text}`",
                "second `trăm` in one group: `{word_text} {tram_text}`"
            );
            let help = t!(
                "mỗi nhóm ba chữ số chỉ có một `trăm`; hàng nghìn là `nghìn`",
                "a group of three digits has one `trăm`; thousands are `nghìn`"
            );
            Err(ReadError::new(message, span(word, tram), help))
        }
        (Kind::Digit(d), _) => lone_digit(c, d, after),
        (Kind::Mot | Kind::Tu | Kind::Lam, _) => Err(misplaced_final(word)),
        (Kind::Muoi, _) => {
            let help = t!(
                "có phải ý là `mười` (số 10)? `mươi` đứng sau một chữ số, như `hai mươi`",
                "did you mean `mười` (ten)? `mươi` follows a digit, as in `hai mươi`"
            );
            Err(word_error(word, &needs_digit(), help))
        }
        (Kind::Tram, _) if after != After::Hundreds => {
            let help = t!("viết chữ số hàng trăm, như `một trăm`", "write the hundreds digit, as in `một trăm`");
            Err(word_error(word, &needs_digit(), help))
        }
        _ => Ok((0, false)),
    }
}

/// " cannot start an amount".
fn cannot_start() -> Text {
    t!(" không được đứng đầu số tiền", " cannot start an amount")
}

/// " needs a digit before it".
fn needs_digit() -> Text {
    t!(" phải có một chữ số đứng trước", " needs a digit before it")
}

/// " cannot stand here: RULE".
fn cannot_stand(rule: &Text) -> Text {
    t!(" không đứng ở đây được: {}", " cannot stand here: {}", rule.vi, rule.en)
}

/// `mốt`, `tư` and `lăm` where no tens word comes before them.
fn misplaced_final(word: &Word) -> ReadError {
    let (plain, rule) = match word.kind {
        Kind::Mot => (
            "một",
            t!(
                "`mốt` chỉ là 1 khi đứng sau `hai mươi` … `chín mươi`",
                "`mốt` is 1 only after `hai mươi` … `chín mươi`"
            ),
        ),
        Kind::Tu => (
            "bốn",
            t!(
                "`tư` chỉ là 4 khi đứng sau `hai mươi` … `chín mươi` hoặc `linh`",
                "`tư` is 4 only after `hai mươi` … `chín mươi` or `linh`"
            ),
        ),
        _ => ("năm", t!("`lăm` chỉ là 5 khi đứng sau `mười` hoặc `mươi`", "`lăm` is 5 only after `mười` or `mươi`")),
    };
    word_error(word, &cannot_stand(&rule), write(plain))
}

/// A units digit with no tens word: fine alone (`năm`) or before a scale (`năm nghìn`), but
/// speech shortens `một trăm năm mươi` to `một trăm năm` and `hai mươi mốt` to `hai mốt`.
fn lone_digit(c: &mut Cursor, d: u8, after: After) -> Result<(u128, bool), ReadError> {
    let prev = c.prev();
    let word = c.bump()?;
    if d == 0 {
        let rule = t!("nó chỉ là 0 khi đứng một mình", "it is 0 only on its own");
        return Err(word_error(word, &cannot_stand(&rule), leave_it_out()));
    }
    if let (After::Hundreds, Some(tram)) = (after, prev) {
        return Err(short_hundreds(tram, word, d));
    }
    if let Some(next) = c.peek().filter(|_| d >= 2) {
        short_tens(word, next)?;
    }
    Ok((u128::from(d), after == After::Scale))
}

/// `một trăm năm`: speech for `một trăm năm mươi`, a slip for `một trăm linh năm`.
fn short_hundreds(tram: &Word, word: &Word, d: u8) -> ReadError {
    let tens = if d == 1 { "mười".to_owned() } else { format!("{} mươi", word.form) };
    let form = word.form;
    let help = t!(
        "viết `trăm {tens}` ({d}0), hoặc `trăm linh {form}` (0{d})",
        "write `trăm {tens}` ({d}0), or `trăm linh {form}` (0{d})"
    );
    pair_error(tram, word, &spoken_short(&format!("trăm {tens}")), help)
}

/// Rejects two digits in a row that speech uses for tens and units (`hai mốt`, `ba tư`).
fn short_tens(word: &Word, next: &Word) -> Result<(), ReadError> {
    let unit = match next.kind {
        Kind::Digit(5) | Kind::Lam => "lăm",
        Kind::Digit(1) | Kind::Mot => "mốt",
        Kind::Tu => "tư",
        Kind::Digit(n) if n > 0 => next.form,
        _ => return Ok(()),
    };
    let full = format!("{} mươi {unit}", word.form);
    Err(pair_error(word, next, &spoken_short(&full), write(&full)))
}

/// " is spoken short for `FULL`".
fn spoken_short(full: &str) -> Text {
    t!(" là cách nói tắt của `{full}`", " is spoken short for `{full}`")
}

/// " is wrong: after `BEFORE`, DIGIT is `PLAIN`".
fn wrong_after(before: &str, digit: &str, plain: &str) -> Text {
    t!(" viết sai: sau `{before}`, số {digit} là `{plain}`", " is wrong: after `{before}`, {digit} is `{plain}`")
}

/// After `linh`/`lẻ`: a units digit; right after a scale word, where `linh` stands for the
/// whole dropped `không trăm`, also a two-digit number (`hai triệu lẻ hai mươi mốt`).
fn after_linh(c: &mut Cursor, linh: &Word, after: After) -> Result<u128, ReadError> {
    let Some(next) = c.peek() else {
        return Err(linh_alone(linh));
    };
    let wrong = |digit: &str, plain: &str| {
        pair_error(linh, next, &wrong_after(linh.form, digit, plain), write(&format!("{} {plain}", linh.form)))
    };
    let tens_follow =
        next.kind == Kind::Muoi10 || (matches!(next.kind, Kind::Digit(_)) && c.kind(1) == Some(Kind::Muoi));
    match next.kind {
        _ if tens_follow && after == After::Scale => tens(c),
        _ if tens_follow => {
            let form = linh.form;
            let what =
                t!(": `{form}` chỉ đứng trước một chữ số hàng đơn vị", ": `{form}` comes only before a units digit");
            Err(pair_error(linh, next, &what, leave_out(form)))
        }
        Kind::Digit(d) if d > 0 => {
            c.bump()?;
            Ok(u128::from(d))
        }
        Kind::Tu => {
            c.bump()?;
            Ok(4)
        }
        Kind::Lam => Err(wrong("5", "năm")),
        Kind::Mot => Err(wrong("1", "một")),
        _ => Err(linh_alone(linh)),
    }
}

fn linh_alone(linh: &Word) -> ReadError {
    let form = linh.form;
    let help = t!(
        "viết một chữ số sau nó, như `{form} năm`, hoặc bỏ nó đi",
        "write a digit after it, as in `{form} năm`, or leave it out"
    );
    word_error(linh, &t!(" phải có một chữ số hàng đơn vị đứng sau", " needs a units digit after it"), help)
}

/// `mười [units]` or `digit mươi [units]`.
fn tens(c: &mut Cursor) -> Result<u128, ReadError> {
    let first = c.bump()?;
    let t = match first.kind {
        Kind::Digit(d) => {
            let muoi = c.bump()?;
            if d < 2 {
                let help = if d == 0 { leave_it_out() } else { write("mười") };
                return Err(pair_error(first, muoi, &t!(" không viết như vậy", " is not written"), help));
            }
            d
        }
        _ => 1,
    };
    let unit = units_after_tens(c, t)?;
    Ok(u128::from(t) * 10 + u128::from(unit))
}

/// The units word after `mười` (`t` = 1) or `t mươi`, if there is one: `mốt` and `tư` only
/// after `mươi`, `lăm` and `năm` after both.
fn units_after_tens(c: &mut Cursor, t: u8) -> Result<u8, ReadError> {
    let (Some(tens_word), Some(next)) = (c.prev(), c.peek()) else {
        return Ok(0);
    };
    let unit = match next.kind {
        Kind::Digit(0) => {
            let what = t!(": hàng đơn vị bằng không thì không đọc", ": a zero units digit is not read");
            return Err(pair_error(tens_word, next, &what, leave_out("không")));
        }
        Kind::Digit(d) => d,
        Kind::Lam => 5,
        Kind::Mot | Kind::Tu if t == 1 => {
            let (digit, plain) = if next.kind == Kind::Mot { ("1", "một") } else { ("4", "bốn") };
            let what = wrong_after("mười", digit, plain);
            return Err(pair_error(tens_word, next, &what, write(&format!("mười {plain}"))));
        }
        Kind::Mot => 1,
        Kind::Tu => 4,
        _ => return Ok(0),
    };
    c.bump()?;
    Ok(unit)
}
