//! The writer: spells a number in one [`Style`]. Numbers are read in nine-digit blocks, the
//! way Vietnamese counts large sums: a number of `tỷ tỷ`, then a number of `tỷ`, then the
//! rest, each block in groups of three (`triệu`, `nghìn`, units). So 1.234 × 10^12 is
//! `một nghìn hai trăm ba mươi tư tỷ`, not `một nghìn tỷ hai trăm ba mươi tư tỷ`. Zero groups
//! are skipped, and every group after the first non-zero one is read with all three digits,
//! so 1.000.000.005 is `một tỷ không trăm linh năm`.

use super::{Billion, MAX, Style, Thousand, WriteError, ZeroTens};

const DIGITS: [&str; 10] = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
const BLOCK: u128 = 1_000_000_000;

/// Spells `n` in lowercase words separated by single spaces; 0 is `không`.
pub fn write(n: u128, style: &Style) -> Result<String, WriteError> {
    if n > MAX {
        return Err(WriteError::TooLarge { n });
    }
    if n == 0 {
        return Ok(DIGITS[0].to_owned());
    }
    let billion = match style.billion {
        Billion::Ty => "tỷ",
        Billion::Ti => "tỉ",
    };
    let blocks = [(n / (BLOCK * BLOCK), 2), ((n / BLOCK) % BLOCK, 1), (n % BLOCK, 0)];
    let mut words: Vec<&str> = Vec::new();
    for (block, billions) in blocks {
        if block == 0 {
            continue;
        }
        let full = !words.is_empty();
        write_block(block, full, *style, &mut words);
        words.extend(std::iter::repeat_n(billion, billions));
    }
    Ok(words.join(" "))
}

/// Spells `n` as the sentence of a document: capitalised and ending in `đồng`
/// (`Bốn trăm chín mươi mốt triệu ba trăm nghìn đồng`).
pub fn write_amount(n: u128, style: &Style) -> Result<String, WriteError> {
    let words = write(n, style)?;
    let mut chars = words.chars();
    let first: String = chars.next().map(char::to_uppercase).into_iter().flatten().collect();
    Ok(format!("{first}{} đồng", chars.as_str()))
}

/// Spells a block below 10^9; `full` says a non-zero group came before it.
fn write_block(block: u128, mut full: bool, style: Style, words: &mut Vec<&'static str>) {
    let thousand = match style.thousand {
        Thousand::Nghin => "nghìn",
        Thousand::Ngan => "ngàn",
    };
    let groups = [(block / 1_000_000, Some("triệu")), ((block / 1000) % 1000, Some(thousand)), (block % 1000, None)];
    for (group, scale) in groups {
        if group == 0 {
            continue;
        }
        write_group(group, full, style, words);
        words.extend(scale);
        full = true;
    }
}

/// Spells a group 1..=999; `full` reads a zero hundreds digit as `không trăm`.
fn write_group(group: u128, full: bool, style: Style, words: &mut Vec<&'static str>) {
    let [hundreds, tens, units] = [group / 100, (group / 10) % 10, group % 10].map(digit);
    let said_hundreds = full || hundreds != DIGITS[0];
    if said_hundreds {
        words.extend([hundreds, "trăm"]);
    }
    let units_digit = group % 10;
    match (group / 10) % 10 {
        0 if units_digit == 0 => {}
        0 => {
            if said_hundreds {
                words.push(match style.zero_tens {
                    ZeroTens::Linh => "linh",
                    ZeroTens::Le => "lẻ",
                });
            }
            words.push(units);
        }
        1 => {
            words.push("mười");
            words.extend((units_digit != 0).then(|| final_unit(units_digit, false, style)));
        }
        _ => {
            words.extend([tens, "mươi"]);
            words.extend((units_digit != 0).then(|| final_unit(units_digit, true, style)));
        }
    }
}

/// A units digit after `mười` or `mươi`: 5 is `lăm`, 1 and 4 follow the style after `mươi`.
fn final_unit(units: u128, after_muoi: bool, style: Style) -> &'static str {
    match units {
        5 => "lăm",
        1 if after_muoi && style.final_one_mot => "mốt",
        4 if after_muoi && style.final_four_tu => "tư",
        u => digit(u),
    }
}

fn digit(d: u128) -> &'static str {
    usize::try_from(d).ok().and_then(|d| DIGITS.get(d)).copied().unwrap_or(DIGITS[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(n: u128) -> String {
        write(n, &Style::default()).unwrap()
    }

    #[test]
    fn writes_small_numbers() {
        for (n, want) in [
            (0, "không"),
            (1, "một"),
            (5, "năm"),
            (10, "mười"),
            (11, "mười một"),
            (14, "mười bốn"),
            (15, "mười lăm"),
            (20, "hai mươi"),
            (21, "hai mươi mốt"),
            (24, "hai mươi bốn"),
            (25, "hai mươi lăm"),
            (100, "một trăm"),
            (101, "một trăm linh một"),
            (105, "một trăm linh năm"),
            (110, "một trăm mười"),
            (115, "một trăm mười lăm"),
            (999, "chín trăm chín mươi chín"),
        ] {
            assert_eq!(w(n), want, "{n}");
        }
    }

    #[test]
    fn writes_groups_and_scales() {
        for (n, want) in [
            (1000, "một nghìn"),
            (1005, "một nghìn không trăm linh năm"),
            (1_005_000, "một triệu không trăm linh năm nghìn"),
            (1_020_000, "một triệu không trăm hai mươi nghìn"),
            (491_300_000, "bốn trăm chín mươi mốt triệu ba trăm nghìn"),
            (1_000_000_000, "một tỷ"),
            (1_000_000_005, "một tỷ không trăm linh năm"),
            (1_000_000_000_005, "một nghìn tỷ không trăm linh năm"),
            (1_234_000_000_000, "một nghìn hai trăm ba mươi bốn tỷ"),
            (1_005_000_000_000, "một nghìn không trăm linh năm tỷ"),
            (10u128.pow(15), "một triệu tỷ"),
            (10u128.pow(18), "một tỷ tỷ"),
            (10u128.pow(18) + 5_000_000_000, "một tỷ tỷ không trăm linh năm tỷ"),
            (10u128.pow(21), "một nghìn tỷ tỷ"),
        ] {
            assert_eq!(w(n), want, "{n}");
        }
    }

    #[test]
    fn writes_the_largest_and_refuses_more() {
        let nines = "chín trăm chín mươi chín";
        let block = format!("{nines} triệu {nines} nghìn {nines}");
        assert_eq!(w(MAX), format!("{block} tỷ tỷ {block} tỷ {block}"));
        let err = write(MAX + 1, &Style::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "`1.000.000.000.000.000.000.000.000.000` is too large to write in words: \
             the largest is `999.999.999.999.999.999.999.999.999`"
        );
    }

    #[test]
    fn follows_the_style() {
        let south = Style {
            thousand: Thousand::Ngan,
            zero_tens: ZeroTens::Le,
            billion: Billion::Ti,
            final_one_mot: false,
            final_four_tu: true,
        };
        let s = |n| write(n, &south).unwrap();
        assert_eq!(s(21), "hai mươi một");
        assert_eq!(s(24), "hai mươi tư");
        assert_eq!(s(14), "mười bốn");
        assert_eq!(s(104), "một trăm lẻ bốn");
        assert_eq!(s(2_001_005_000), "hai tỉ không trăm lẻ một triệu không trăm lẻ năm ngàn");
    }

    #[test]
    fn writes_the_sentence() {
        let d = Style::default();
        assert_eq!(write_amount(491_300_000, &d).unwrap(), "Bốn trăm chín mươi mốt triệu ba trăm nghìn đồng");
        assert_eq!(write_amount(0, &d).unwrap(), "Không đồng");
        assert!(write_amount(MAX + 1, &d).is_err());
    }
}
