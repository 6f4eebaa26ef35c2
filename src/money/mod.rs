//! Money amounts in đồng, read and written in Vietnamese notation: `.` between groups of three
//! digits and `,` before decimals, so `491.300.000` is 491,300,000 and `12,5` is twelve and a
//! half. Values are exact [`Decimal`]s, never floats. Parsing never guesses: `491.300` is always
//! 491300, and anything that could be read two ways (`49.13.00`, English `491,300,000`) is an
//! [`AmountError`] whose [`AmountError::help`] says what to write instead.

use std::fmt;

use rust_decimal::Decimal;

/// Why a text is not an amount. Offsets are byte offsets into the text as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountError {
    /// Nothing but whitespace.
    Empty,
    /// A leading `-`.
    Negative { text: String },
    /// A leading `+`.
    PlusSign,
    /// Whitespace between digits, used to group them.
    WhitespaceSeparator { name: &'static str, offset: usize },
    /// A full-width digit (U+FF10–U+FF19), as typed with an East Asian input method.
    FullWidthDigit { offset: usize, ascii: String },
    /// A `.` that does not separate groups of exactly three digits.
    MisplacedSeparator { offset: usize },
    /// A second `,`; `offset` is where it is.
    TwoDecimalCommas { offset: usize },
    /// A `,` without digits on both sides.
    LoneDecimalComma { offset: usize },
    /// `491,300,000` or `1,234.5`: English notation.
    EnglishNotation { text: String, suggestion: String },
    /// Larger than a [`Decimal`] can hold.
    Overflow { text: String },
    /// More decimals than a [`Decimal`] can hold (28).
    TooManyDecimals { text: String },
    /// Anything else, such as a trailing `đ` or `đồng`.
    UnexpectedChar { found: String, offset: usize },
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(f, "the amount is empty"),
            Self::Negative { text } => write!(f, "negative amount `{text}`"),
            Self::PlusSign => write!(f, "`+` before an amount is not allowed"),
            Self::WhitespaceSeparator { name, offset } => {
                write!(f, "{name} used as a group separator at byte `{offset}`")
            }
            Self::FullWidthDigit { offset, .. } => write!(f, "full-width digit at byte `{offset}`"),
            Self::MisplacedSeparator { offset } => {
                write!(f, "misplaced group separator `.` at byte `{offset}`")
            }
            Self::TwoDecimalCommas { offset } => {
                write!(f, "second decimal comma `,` at byte `{offset}`")
            }
            Self::LoneDecimalComma { offset } => {
                let what = "needs digits on both sides";
                write!(f, "decimal comma `,` at byte `{offset}` {what}")
            }
            Self::EnglishNotation { text, .. } => write!(f, "`{text}` is in English notation"),
            Self::Overflow { text } => write!(f, "`{text}` is too large for an amount"),
            Self::TooManyDecimals { text } => write!(f, "`{text}` has more than 28 decimals"),
            Self::UnexpectedChar { found, offset } => {
                write!(f, "unexpected `{found}` at byte `{offset}`")
            }
        }
    }
}

impl std::error::Error for AmountError {}

impl AmountError {
    /// What to write instead, as one sentence without a final period.
    pub fn help(&self) -> String {
        match self {
            Self::Empty => "write the amount in digits, like `491.300.000`".into(),
            Self::Negative { .. } => "amounts cannot be negative: write the amount without `-`".into(),
            Self::PlusSign => "write the amount without `+`".into(),
            Self::WhitespaceSeparator { .. } => "separate groups of three digits with `.`, like `491.300.000`".into(),
            Self::FullWidthDigit { ascii, .. } => format!("use ASCII digits: `{ascii}`"),
            Self::MisplacedSeparator { .. } => "`.` separates groups of exactly three digits, \
                counted from the right, like `491.300.000`; decimals follow `,`"
                .into(),
            Self::TwoDecimalCommas { .. } | Self::LoneDecimalComma { .. } => {
                "an amount has at most one `,`, before its decimals, like `12,5`".into()
            }
            Self::EnglishNotation { suggestion, .. } => format!(
                "write `{suggestion}`: Vietnamese notation groups digits with `.` and writes \
                 decimals after `,`"
            ),
            Self::Overflow { .. } => {
                format!("amounts go up to `{}`", format_vi(&Decimal::MAX))
            }
            Self::TooManyDecimals { .. } => "round the amount to at most 28 decimals".into(),
            Self::UnexpectedChar { found, .. } if is_currency(found) => {
                format!("write only the figure, without `{found}`")
            }
            Self::UnexpectedChar { .. } => {
                "write only digits, `.` between groups of three and `,` before decimals".into()
            }
        }
    }
}

/// Whether an unexpected piece of text is a currency name or sign someone appended.
fn is_currency(found: &str) -> bool {
    let lower = found.to_lowercase();
    ["đ", "đồng", "₫", "vnd", "vnđ", "d", "dong"].contains(&lower.as_str())
}

/// Reads an amount in Vietnamese notation: `491300000`, `491.300.000`, `12,5`, `1.234,56`.
/// Surrounding whitespace is ignored; the result is normalised (`12,50` gives 12.5).
pub fn parse_amount(text: &str) -> Result<Decimal, AmountError> {
    let start = text.len() - text.trim_start().len();
    let body = text.trim();
    match body.chars().next() {
        None => return Err(AmountError::Empty),
        Some('-') => return Err(AmountError::Negative { text: body.into() }),
        Some('+') => return Err(AmountError::PlusSign),
        Some(_) => {}
    }
    check_chars(body, start)?;
    if let Some(suggestion) = english_reading(body) {
        return Err(AmountError::EnglishNotation { text: body.into(), suggestion });
    }
    let mut parts = body.split(',');
    let int = parts.next().unwrap_or_default();
    let frac = parts.next();
    if parts.next().is_some() {
        let offset = start + int.len() + frac.map_or(0, str::len) + 1;
        return Err(AmountError::TwoDecimalCommas { offset });
    }
    if let Some(frac) = frac {
        let offset = start + int.len();
        if int.is_empty() || frac.is_empty() {
            return Err(AmountError::LoneDecimalComma { offset });
        }
        if let Some(dot) = frac.find('.') {
            return Err(AmountError::MisplacedSeparator { offset: offset + 1 + dot });
        }
    }
    check_groups(int, start)?;
    let digits: String = int.chars().filter(char::is_ascii_digit).collect();
    exact(&digits, frac.unwrap_or_default(), body)
}

/// Rejects every character but ASCII digits, `.` and `,`, naming it; whitespace between digits
/// is reported as a separator, whitespace before a word (`491.300 đồng`) as that word.
fn check_chars(body: &str, start: usize) -> Result<(), AmountError> {
    for (i, c) in body.char_indices() {
        let offset = start + i;
        match c {
            '0'..='9' | '.' | ',' => {}
            c if c.is_whitespace() => {
                let next = body.get(i..).unwrap_or_default().trim_start().chars().next();
                if next.is_some_and(|n| n.is_ascii_digit() || n == '.' || n == ',') {
                    let name = whitespace_name(c);
                    return Err(AmountError::WhitespaceSeparator { name, offset });
                }
            }
            _ => return Err(odd_char(body, i, offset)),
        }
    }
    Ok(())
}

/// The error for the character at byte `i` of `body` (at `offset` in the caller's text):
/// full-width digits and whitespace are named as such, letters as the whole word they start.
fn odd_char(body: &str, i: usize, offset: usize) -> AmountError {
    let rest = body.get(i..).unwrap_or_default();
    match rest.chars().next().unwrap_or_default() {
        '\u{FF10}'..='\u{FF19}' => {
            let ascii = body.chars().map(ascii_digit).collect();
            AmountError::FullWidthDigit { offset, ascii }
        }
        c if c.is_whitespace() => {
            let name = whitespace_name(c);
            AmountError::WhitespaceSeparator { name, offset }
        }
        c if c.is_alphabetic() => {
            let end = rest.find(|ch: char| !ch.is_alphabetic() && !is_mark(ch)).unwrap_or(rest.len());
            let found = rest.get(..end).unwrap_or(rest).to_owned();
            AmountError::UnexpectedChar { found, offset }
        }
        c => AmountError::UnexpectedChar { found: c.into(), offset },
    }
}

/// Combining marks, so that a decomposed `đồng` is named whole.
fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

fn ascii_digit(c: char) -> char {
    match c {
        '\u{FF10}'..='\u{FF19}' => char::from_u32(u32::from(c) - 0xFF10 + u32::from('0')).unwrap_or(c),
        c => c,
    }
}

fn whitespace_name(c: char) -> &'static str {
    match c {
        ' ' => "space",
        '\u{A0}' => "non-breaking space (U+00A0)",
        '\u{2009}' => "thin space (U+2009)",
        '\u{202F}' => "narrow no-break space (U+202F)",
        '\t' => "tab",
        _ => "whitespace",
    }
}

/// `491,300,000` (two or more comma groups) or `1,234.5` (comma groups then a decimal point)
/// cannot be Vietnamese; returns the amount they mean in English, in Vietnamese notation.
/// A single `491,300` is left alone: in Vietnamese it is 491.3.
fn english_reading(body: &str) -> Option<String> {
    let (main, frac) = match body.split_once('.') {
        Some((main, frac)) => (main, Some(frac)),
        None => (body, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if frac.is_some_and(|f| !all_digits(f)) {
        return None;
    }
    let mut groups = main.split(',');
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    let shaped = all_digits(first) && first.len() <= 3 && rest.iter().all(|g| g.len() == 3 && all_digits(g));
    if !shaped || rest.is_empty() || (rest.len() < 2 && frac.is_none()) {
        return None;
    }
    let digits: String = main.chars().filter(char::is_ascii_digit).collect();
    exact(&digits, frac.unwrap_or_default(), body).ok().map(|d| format_vi(&d))
}

/// Checks the integer part: plain digits, or `d{1,3}(.ddd)*` without a leading zero group.
/// The bad separator is the first `.` that ends a bad first group or starts a bad later one.
fn check_groups(int: &str, start: usize) -> Result<(), AmountError> {
    if !int.contains('.') {
        return Ok(());
    }
    let mut offset = start;
    for (i, group) in int.split('.').enumerate() {
        let ok = if i == 0 { (1..=3).contains(&group.len()) && !group.starts_with('0') } else { group.len() == 3 };
        if !ok {
            // The `.` after a bad first group or an empty middle one, else the one before.
            let last = offset + group.len() == start + int.len();
            let bad = if i == 0 || (group.is_empty() && !last) { offset + group.len() } else { offset - 1 };
            return Err(AmountError::MisplacedSeparator { offset: bad });
        }
        offset += group.len() + 1;
    }
    Ok(())
}

/// Builds the exact decimal `digits,frac` (ASCII digits only), dropping trailing zeros.
fn exact(digits: &str, frac: &str, text: &str) -> Result<Decimal, AmountError> {
    let frac = frac.trim_end_matches('0');
    let scale = u32::try_from(frac.len()).unwrap_or(u32::MAX);
    // The text is copied only into an error: an amount that reads costs no allocation.
    if scale > Decimal::MAX_SCALE {
        return Err(AmountError::TooManyDecimals { text: text.to_owned() });
    }
    let overflow = || AmountError::Overflow { text: text.to_owned() };
    let mut mantissa: i128 = 0;
    for d in digits.chars().chain(frac.chars()).filter_map(|c| c.to_digit(10)) {
        mantissa = mantissa.checked_mul(10).and_then(|m| m.checked_add(i128::from(d))).ok_or_else(overflow)?;
    }
    Decimal::try_from_i128_with_scale(mantissa, scale).map_err(|_| overflow())
}

/// Reads the raw text of a TOML integer (`491_300_000`, `+5`, `0x1F` with `radix` 16).
/// The radix prefix (`0x`, `0o`, `0b`) is optional; radixes outside 2..=36 are read as 10.
pub fn parse_toml_integer(raw: &str, radix: u32) -> Result<Decimal, AmountError> {
    let radix = if (2..=36).contains(&radix) { radix } else { 10 };
    let (skip, digits) = toml_digits(raw, radix)?;
    let overflow = || AmountError::Overflow { text: raw.to_owned() };
    let mut value: Option<u128> = None;
    for (i, c) in digits.char_indices().filter(|&(_, c)| c != '_') {
        let Some(digit) = c.to_digit(radix) else {
            return Err(odd_char(digits, i, skip + i));
        };
        let next = value.unwrap_or(0).checked_mul(u128::from(radix));
        value = Some(next.and_then(|v| v.checked_add(u128::from(digit))).ok_or_else(overflow)?);
    }
    let value = i128::try_from(value.ok_or(AmountError::Empty)?).map_err(|_| overflow())?;
    Decimal::try_from_i128_with_scale(value, 0).map_err(|_| overflow())
}

/// The digits of a TOML integer after its sign and radix prefix, and the byte they start at.
fn toml_digits(raw: &str, radix: u32) -> Result<(usize, &str), AmountError> {
    let (skip, rest) = match raw.chars().next() {
        None => return Err(AmountError::Empty),
        Some('-') => return Err(AmountError::Negative { text: raw.into() }),
        Some('+') => (1, raw.get(1..).unwrap_or_default()),
        Some(_) => (0, raw),
    };
    let prefix = match radix {
        16 => "0x",
        8 => "0o",
        2 => "0b",
        _ => return Ok((skip, rest)),
    };
    Ok(match rest.strip_prefix(prefix) {
        Some(digits) => (skip + prefix.len(), digits),
        None => (skip, rest),
    })
}

/// Writes an amount in Vietnamese notation: `491.300.000`, `12,5`, `-1.000`.
pub fn format_vi(amount: &Decimal) -> String {
    format_with(amount, '.', ',')
}

/// Writes an amount in English notation: `491,300,000`, `12.5`, `-1,000`.
pub fn format_en(amount: &Decimal) -> String {
    format_with(amount, ',', '.')
}

fn format_with(amount: &Decimal, group: char, decimal: char) -> String {
    let value = amount.normalize();
    let plain = value.abs().to_string();
    let (int, frac) = plain.split_once('.').unwrap_or((&plain, ""));
    let mut out = String::new();
    if value.is_sign_negative() {
        out.push('-');
    }
    out.push_str(&group_digits(int, group));
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(frac);
    }
    out
}

/// Puts `sep` between groups of three ASCII digits, counted from the right.
pub(crate) fn group_digits(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// The unit a table writes its amounts of money in (`money-unit`). Plans and programmes of
/// the 2021–2030 shape write their budget tables in triệu đồng (the Lâm Đồng 2021–2025
/// envelope is "17.825" triệu); the amounts are still kept exactly in đồng.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Unit {
    #[default]
    Dong,
    Nghin,
    Trieu,
    Ty,
}

impl Unit {
    pub const NAMES: [&'static str; 4] = ["đồng", "nghìn đồng", "triệu đồng", "tỷ đồng"];

    /// `"triệu đồng"`, `"triệu"`, `"Tỉ đồng"`, `"ngàn đồng"`… in any case and Unicode form.
    pub fn parse(text: &str) -> Option<Self> {
        let fold = crate::model::fold_name;
        let folded = fold(text);
        let words: Vec<&str> = folded.split_whitespace().collect();
        let dong = fold("đồng");
        let scale = match words.as_slice() {
            [scale, last] if *last == dong => *scale,
            [scale] => *scale,
            _ => return None,
        };
        let is = |names: &[&str]| names.iter().any(|n| fold(n) == scale);
        if is(&["đồng"]) {
            Some(Self::Dong)
        } else if is(&["nghìn", "ngàn"]) {
            Some(Self::Nghin)
        } else if is(&["triệu"]) {
            Some(Self::Trieu)
        } else if is(&["tỷ", "tỉ"]) {
            Some(Self::Ty)
        } else {
            None
        }
    }

    /// How many đồng one of this unit is.
    pub fn factor(self) -> Decimal {
        match self {
            Self::Dong => Decimal::ONE,
            Self::Nghin => Decimal::from(1_000),
            Self::Trieu => Decimal::from(1_000_000),
            Self::Ty => Decimal::from(1_000_000_000),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Dong => "đồng",
            Self::Nghin => "nghìn đồng",
            Self::Trieu => "triệu đồng",
            Self::Ty => "tỷ đồng",
        }
    }

    /// The unit as English reports name it: `VND`, `thousand VND`, `million VND`…
    pub fn name_en(self) -> &'static str {
        match self {
            Self::Dong => "VND",
            Self::Nghin => "thousand VND",
            Self::Trieu => "million VND",
            Self::Ty => "billion VND",
        }
    }

    /// `amount` (in đồng) in this unit, exactly: 491.300.000 đồng is 491,3 triệu. Dividing
    /// by a power of ten loses nothing a `Decimal` holds.
    pub fn of(self, amount: Decimal) -> Decimal {
        amount.checked_div(self.factor()).unwrap_or(amount).normalize()
    }
}

impl serde::Serialize for Unit {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

#[cfg(test)]
mod tests;
