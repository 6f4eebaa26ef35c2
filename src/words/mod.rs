//! Amounts in Vietnamese words (số tiền bằng chữ), as plans write them next to the figure:
//! [`write`](fn@write) and [`write_amount`] spell a number in one chosen [`Style`], and
//! [`read`](fn@read) reads back every variant real documents use (North and South words,
//! `một`/`mốt`, a dropped `không trăm`, either Unicode form and tone placement) while
//! rejecting anything that could be read two ways, so that `plan` can check the words against
//! the figure. The rules, with examples, are in `docs/words.md`.

mod group;
mod lexicon;
mod read;
mod write;

#[cfg(test)]
mod read_tests;

use std::fmt;
use std::ops::Range;

use crate::lang::Text;
use crate::t;

pub use read::read;
pub use write::{write, write_amount};

/// The largest number the writer and reader handle: 10^27 − 1, the most that three
/// nine-digit blocks (units, `tỷ`, `tỷ tỷ`) can say without a third `tỷ`.
pub const MAX: u128 = 999_999_999_999_999_999_999_999_999;

/// The word for 1000.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Thousand {
    /// `nghìn` (North, and most official documents).
    #[default]
    Nghin,
    /// `ngàn` (South).
    Ngan,
}

/// The word for a zero tens digit before a units digit, as in 105.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ZeroTens {
    /// `linh` (North): `một trăm linh năm`.
    #[default]
    Linh,
    /// `lẻ` (South): `một trăm lẻ năm`.
    Le,
}

/// The spelling of 10^9.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Billion {
    /// `tỷ`.
    #[default]
    Ty,
    /// `tỉ`.
    Ti,
}

/// How the writer spells numbers. The default is the North style of official documents:
/// `nghìn`, `linh`, `tỷ`, a final 1 as `mốt` and a final 4 as `bốn` after a tens digit ≥ 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub thousand: Thousand,
    pub zero_tens: ZeroTens,
    pub billion: Billion,
    /// Write a final 1 after a tens digit ≥ 2 as `mốt` (21 = `hai mươi mốt`), else `một`.
    pub final_one_mot: bool,
    /// Write a final 4 after a tens digit ≥ 2 as `tư` (24 = `hai mươi tư`), else `bốn`.
    pub final_four_tu: bool,
}

impl Default for Style {
    fn default() -> Self {
        Self {
            thousand: Thousand::Nghin,
            zero_tens: ZeroTens::Linh,
            billion: Billion::Ty,
            final_one_mot: true,
            final_four_tu: false,
        }
    }
}

/// A number the writer cannot spell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    /// Larger than [`MAX`].
    TooLarge { n: u128 },
}

impl WriteError {
    /// The error in both languages.
    pub fn text(&self) -> Text {
        match self {
            Self::TooLarge { n } => {
                let (n, max) = (dotted(*n), dotted(MAX));
                t!(
                    "`{n}` quá lớn, không viết được bằng chữ: số lớn nhất là `{max}`",
                    "`{n}` is too large to write in words: the largest is `{max}`"
                )
            }
        }
    }
}

/// The English wording; [`WriteError::text`] has both.
impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().en)
    }
}

impl std::error::Error for WriteError {}

/// Why a text does not read as a number, in both languages: `message` names the offending
/// word in backticks, `span` is that word's byte range in the text given to
/// [`read`](fn@read), and `help` says what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub message: Text,
    pub span: Range<usize>,
    pub help: Text,
}

impl ReadError {
    pub(crate) fn new(message: Text, span: Range<usize>, help: Text) -> Self {
        Self { message, span, help }
    }

    /// What to write instead.
    pub fn help(&self) -> &Text {
        &self.help
    }

    /// The words hold a spoken half (`rưỡi`): the help should write the amount itself.
    pub fn is_spoken_half(&self) -> bool {
        self.message.en.contains("(a half)")
    }
}

/// The English wording; `message` has both.
impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message.en)
    }
}

impl std::error::Error for ReadError {}

/// A number in Vietnamese notation (`1.000.000`), for messages.
pub(crate) fn dotted(n: u128) -> String {
    crate::money::group_digits(&n.to_string(), '.')
}
