//! `plan words`: prints an amount in Vietnamese words, or, with `--check TEXT`, reads the
//! words a document gives for an amount and says whether they match it. An AMOUNT that is not
//! a whole number of đồng the writer can spell is a usage error (exit 2); words that read as
//! another number, or as none, are a finding about the document (exit 1), reported on stdout.

use std::io::Write;
use std::ops::Range;

use anyhow::{anyhow, bail};
use rust_decimal::RoundingStrategy;
use rust_decimal::prelude::ToPrimitive;

use crate::cli::{Exit, WordsArgs};
use crate::diag::catalog::amount_error;
use crate::lang::Lang;
use crate::money;
use crate::words::{self, Billion, ReadError, Style, Thousand, ZeroTens, dotted};

pub fn run(args: &WordsArgs, lang: Lang, out: &mut dyn Write, _err: &mut dyn Write) -> anyhow::Result<Exit> {
    let n = amount(&args.amount, lang)?;
    let style = style(args);
    // Spelled first even when checking: an amount too large to spell is a usage error, and
    // a mismatch needs the words to suggest.
    let spelled = if args.bare { words::write(n, &style) } else { words::write_amount(n, &style) }
        .map_err(|e| anyhow!(crate::failure::Failure::new(e.text())))?;
    let Some(text) = &args.check else {
        writeln!(out, "{spelled}")?;
        return Ok(Exit::Success);
    };
    match words::read(text) {
        Ok(read) if read == n => {
            match lang {
                Lang::Vi => writeln!(out, "khớp: chữ đọc là {}", dotted(n))?,
                Lang::En => writeln!(out, "ok: the words read as {}", dotted(n))?,
            }
            Ok(Exit::Success)
        }
        Ok(read) => {
            match lang {
                Lang::Vi => {
                    writeln!(out, "không khớp: chữ đọc là {}, không phải {}", dotted(read), dotted(n))?;
                    writeln!(out, "gợi ý: viết {} là “{spelled}”", dotted(n))?;
                }
                Lang::En => {
                    writeln!(out, "mismatch: the words read as {}, not {}", dotted(read), dotted(n))?;
                    writeln!(out, "help: write {} as “{spelled}”", dotted(n))?;
                }
            }
            Ok(Exit::Failure)
        }
        Err(e) => {
            // `rưỡi` (a half) stands for a figure: the help writes this amount, not an example.
            let written = e.is_spoken_half().then_some(spelled.as_str());
            unreadable(text, &e, written, lang, out)?;
            Ok(Exit::Failure)
        }
    }
}

/// Parses AMOUNT as a whole, non-negative number of đồng.
fn amount(text: &str, lang: Lang) -> anyhow::Result<u128> {
    let value = money::parse_amount(text).map_err(|e| {
        let (problem, help) = amount_error(&e, text);
        match lang {
            Lang::Vi => anyhow!("số tiền `{text}` không hợp lệ: {}\ngợi ý: {}", problem.vi, help.vi),
            Lang::En => anyhow!("invalid amount `{text}`: {}\nhelp: {}", problem.en, help.en),
        }
    })?;
    if !value.is_integer() {
        let down = money::format_vi(&value.round_dp_with_strategy(0, RoundingStrategy::ToZero));
        let up = money::format_vi(&value.round_dp_with_strategy(0, RoundingStrategy::AwayFromZero));
        match lang {
            Lang::Vi => bail!(
                "số tiền `{text}` có phần thập phân: số tiền bằng chữ là số đồng chẵn\ngợi ý: viết `{down}` hoặc `{up}`"
            ),
            Lang::En => bail!(
                "amount `{text}` has a decimal part: amounts in words are whole đồng\nhelp: write `{down}` or `{up}`"
            ),
        }
    }
    // parse_amount rejects negative amounts, and every Decimal fits in a u128.
    value.to_u128().ok_or_else(|| {
        anyhow!(crate::failure::Failure::new(crate::t!(
            "số tiền `{text}` không phải số đồng chẵn",
            "amount `{text}` is not a whole number of đồng"
        )))
    })
}

fn style(args: &WordsArgs) -> Style {
    Style {
        thousand: if args.ngan { Thousand::Ngan } else { Thousand::Nghin },
        zero_tens: if args.le { ZeroTens::Le } else { ZeroTens::Linh },
        billion: if args.ti { Billion::Ti } else { Billion::Ty },
        final_one_mot: !args.mot,
        final_four_tu: args.tu,
    }
}

/// Prints the reader's complaint, with the text underlined where it went wrong.
fn unreadable(
    text: &str,
    e: &ReadError,
    written: Option<&str>,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match lang {
        Lang::Vi => writeln!(out, "lỗi: chữ không đọc được thành số: {}", e.message.vi)?,
        Lang::En => writeln!(out, "error: {}", e.message.en)?,
    }
    if let Some((line, marks)) = excerpt(text, &e.span) {
        writeln!(out, "  | {line}")?;
        writeln!(out, "  | {marks}")?;
    }
    match (lang, written) {
        (Lang::Vi, Some(words)) => writeln!(out, "gợi ý: viết đầy đủ số tiền: “{words}”"),
        (Lang::En, Some(words)) => writeln!(out, "help: write out the amount: “{words}”"),
        (Lang::Vi, None) => writeln!(out, "gợi ý: {}", e.help().vi),
        (Lang::En, None) => writeln!(out, "help: {}", e.help().en),
    }
}

/// The text on one line and a line of `^` under `span`, counted in visible characters.
fn excerpt(text: &str, span: &Range<usize>) -> Option<(String, String)> {
    if text.chars().all(char::is_whitespace) {
        return None;
    }
    let invisible = |c: char| {
        c.is_whitespace()
            || c.is_control()
            || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
    };
    let line: String = text.chars().map(|c| if invisible(c) { ' ' } else { c }).collect();
    let width = |s: &str| s.chars().filter(|&c| !unicode_normalization::char::is_combining_mark(c)).count();
    let before = width(text.get(..span.start).unwrap_or_default());
    let under = width(text.get(span.clone()).unwrap_or_default()).max(1);
    Some((line.trim_end().to_owned(), format!("{}{}", " ".repeat(before), "^".repeat(under))))
}
