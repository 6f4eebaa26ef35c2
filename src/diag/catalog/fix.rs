//! The corrected value of a common mistake, for help lines: a day typed day first, an
//! amount typed without quotes, a float that is a whole number, an id with diacritics, and
//! the similarity a suggestion must reach to be offered.

use unicode_normalization::UnicodeNormalization;

use crate::lang::Text;
use crate::t;

/// A name is suggested for another only when their similarity is at least this: one minus
/// the edits (insert, delete, replace, swap two neighbours) that turn one into the other,
/// over the length of the longer, both folded to lowercase without diacritics. `budjet` →
/// `budget` is 0,83 and `unti` → `unit` 0,75: suggested; `UBND huyện` → `UBND tỉnh` is
/// 0,6 and `Sở Tư pháp` → `Sở YT` 0,4: not, however much of their start they share. An id
/// that is another with a part added after a `-` (`he-thong-iso`, `he-thong`) is suggested.
pub const SUGGESTION_THRESHOLD: f64 = 0.7;

/// Whether `typed` is near enough to `known` to suggest it ([`SUGGESTION_THRESHOLD`]).
pub fn similar_enough(typed: &str, known: &str) -> bool {
    similarity(typed, known) >= SUGGESTION_THRESHOLD
}

fn similarity(typed: &str, known: &str) -> f64 {
    let (typed, known) = (fold(typed), fold(known));
    let score = strsim::normalized_damerau_levenshtein(&typed, &known);
    // An id with a part added or dropped (`he-thong-iso` for `he-thong`) is a near miss
    // however many letters the part has.
    let (short, long) = if typed.len() < known.len() { (&typed, &known) } else { (&known, &typed) };
    let part_added = short.len() >= 4 && long.strip_prefix(short.as_str()).is_some_and(|rest| rest.starts_with('-'));
    if part_added { score.max(SUGGESTION_THRESHOLD) } else { score }
}

/// The candidate nearest to `typed`, when it is near enough ([`similar_enough`]).
pub fn suggest_name<'a>(typed: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (similarity(typed, c), c))
        .filter(|(score, _)| *score >= SUGGESTION_THRESHOLD)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Lowercase, without diacritics (`đ` as `d`).
fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// The ASCII slug of a name: `hội-thảo` → `hoi-thao`, `Hội thảo 2019` → `hoi-thao-2019`.
pub fn ascii_slug(text: &str) -> String {
    let folded = fold(text);
    let words: Vec<String> =
        folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect();
    words.join("-")
}

/// The days of a month, or `None` for a month that is not 1 to 12.
pub fn days_in_month(year: i32, month: u32) -> Option<u32> {
    let first = chrono::NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        chrono::NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        chrono::NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    u32::try_from((next - first).num_days()).ok()
}

/// A day typed day first (`30/6/2020`, `31/06/2020`) read as the analyst meant it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayFirst {
    /// A real day, written year first: `2020-06-30`.
    Real(String),
    /// A day past the end of its month: the month, its days and its last day.
    Past { month: u32, days: u32, last: String },
}

/// `D/M/YYYY` (also with `.` or `-` between), read day first.
pub fn day_first(text: &str) -> Option<DayFirst> {
    let parts: Vec<&str> = text.trim().split(['/', '.', '-']).collect();
    let [d, m, y] = parts.as_slice() else { return None };
    if y.len() != 4 || d.len() > 2 || m.len() > 2 {
        return None;
    }
    let (day, month, year): (u32, u32, i32) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    let days = days_in_month(year, month)?;
    if day == 0 {
        return None;
    }
    Some(if day <= days {
        DayFirst::Real(format!("{year}-{month:02}-{day:02}"))
    } else {
        DayFirst::Past { month, days, last: format!("{year}-{month:02}-{days:02}") }
    })
}

/// `YYYY-M-D` with a one-digit month or day: the same day, as `YYYY-MM-DD`.
fn unpadded_iso(text: &str) -> Option<String> {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else { return None };
    if y.len() != 4 || m.is_empty() || d.is_empty() || m.len() > 2 || d.len() > 2 || (m.len() == 2 && d.len() == 2) {
        return None;
    }
    let (year, month, day): (i32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    chrono::NaiveDate::from_ymd_opt(year, month, day).map(|date| date.format("%Y-%m-%d").to_string())
}

/// `120.000.000` or `1.234,5`: an amount in Vietnamese notation, which must be in quotes.
fn dotted_amount(text: &str) -> bool {
    let (int, frac) = text.split_once(',').unwrap_or((text, ""));
    let groups: Vec<&str> = int.split('.').collect();
    groups.len() > 1
        && groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
        && groups.iter().skip(1).all(|g| g.len() == 3)
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
        && frac.bytes().all(|b| b.is_ascii_digit())
}

/// What is wrong with a value the parser cannot read, when it is one of the mistakes
/// [`syntax_fix`] corrects: said as the analyst typed it, not as the parser reads it.
pub fn syntax_problem(value: &str) -> Option<Text> {
    let value = value.trim();
    if dotted_amount(value) {
        return Some(t!(
            "số tiền `{value}` viết có dấu chấm nên phải đặt trong ngoặc kép",
            "the amount `{value}` is written with dots, so it must be in quotes"
        ));
    }
    if day_first(value).is_some() {
        return Some(t!(
            "ngày `{value}` viết kiểu ngày/tháng/năm, không đọc được",
            "the date `{value}` is written day/month/year, which cannot be read"
        ));
    }
    None
}

/// The help for a value the parser cannot read, when it is one of the mistakes analysts
/// make: an amount or a date typed as in a document, without quotes or year first.
pub fn syntax_fix(value: &str) -> Option<Text> {
    let value = value.trim();
    if dotted_amount(value) {
        return Some(t!("viết số tiền trong ngoặc kép: `\"{value}\"`", "write the amount in quotes: `\"{value}\"`"));
    }
    if let Some(day) = day_first(value) {
        return Some(match day {
            DayFirst::Real(iso) => t!(
                "ngày viết năm trước, rồi tháng, rồi ngày: `{iso}`",
                "write the date year first, then month and day: `{iso}`"
            ),
            DayFirst::Past { month, days, last } => t!(
                "tháng {month} chỉ có {days} ngày; ngày viết năm trước: `{last}`",
                "month {month} has {days} days; write the date year first: `{last}`"
            ),
        });
    }
    if let Some(iso) = unpadded_iso(value) {
        return Some(t!(
            "ngày viết dạng `YYYY-MM-DD`, tháng và ngày đủ hai chữ số: `{iso}`",
            "write the date as `YYYY-MM-DD`, with two digits for month and day: `{iso}`"
        ));
    }
    None
}

/// Whether an unexpected piece of text is a currency name or sign someone appended.
pub(super) fn is_currency(found: &str) -> bool {
    let lower = found.to_lowercase();
    ["đ", "đồng", "₫", "vnd", "vnđ", "d", "dong"].contains(&lower.as_str())
}

/// The whole number a float writes (`520000000.0` → 520000000), when it writes one.
pub(super) fn whole_number(raw: &str) -> Option<u64> {
    let plain = raw.replace('_', "");
    let (int, frac) = plain.split_once('.')?;
    if !frac.bytes().all(|b| b == b'0') || int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    int.parse().ok()
}

/// `520000000` → `520_000_000`
pub(super) fn underscored(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('_');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_need_the_threshold() {
        // Near misses: suggested.
        assert!(similar_enough("budjet", "budget"));
        assert!(similar_enough("UBND tinh", "UBND tỉnh"));
        assert!(similar_enough("he-thog", "he-thong"));
        assert!(similar_enough("unti", "unit"));
        assert!(similar_enough("he-thong-iso", "he-thong"));
        assert!(!similar_enough("dao-tao", "he-thong"));
        assert!(!similar_enough("he", "he-thong"), "a part added to a name of fewer than 4 letters");
        // Far misses: not suggested.
        assert!(!similar_enough("Sở Tư pháp", "Sở YT"));
        assert!(!similar_enough("UBND huyện", "UBND tỉnh"));
        assert!(!similar_enough("amount", "budget"));
        assert_eq!(suggest_name("Sở Tư pháp", ["Sở YT", "UBND tỉnh"].into_iter()), None);
        assert_eq!(suggest_name("budjet", ["budget", "activity"].into_iter()), Some("budget"));
    }

    #[test]
    fn slugs_drop_diacritics() {
        assert_eq!(ascii_slug("hội-thảo"), "hoi-thao");
        assert_eq!(ascii_slug("Đào tạo 2019"), "dao-tao-2019");
    }

    #[test]
    fn days_typed_day_first() {
        assert_eq!(day_first("30/6/2020"), Some(DayFirst::Real("2020-06-30".into())));
        assert_eq!(day_first("31/06/2020"), Some(DayFirst::Past { month: 6, days: 30, last: "2020-06-30".into() }));
        assert_eq!(day_first("2020-06-30"), None);
        assert_eq!(unpadded_iso("2020-6-30").as_deref(), Some("2020-06-30"));
        assert_eq!(unpadded_iso("2020-06-30"), None);
    }

    #[test]
    fn whole_floats_and_underscores() {
        assert_eq!(whole_number("520000000.0"), Some(520_000_000));
        assert_eq!(whole_number("6.0"), Some(6));
        assert_eq!(whole_number("12.5"), None);
        assert_eq!(underscored(520_000_000), "520_000_000");
        assert_eq!(underscored(6), "6");
        assert!(dotted_amount("120.000.000"));
        assert!(!dotted_amount("12.5"));
    }
}
