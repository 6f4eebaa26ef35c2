//! A plan that is not finished must not pass as finished. An untouched `plan new` skeleton
//! (its targets left as comments) passed `plan check --deny-warnings`; so did a plan whose
//! activity names still carried last year's figures. These warnings catch what an analyst
//! forgot to fill in or to update: a unit with no target, a count in the name that
//! disagrees with the target, another year in the name.

use rust_decimal::Decimal;

use crate::diag::cap::Sink;
use crate::diag::catalog;
use crate::model::{Activity, Plan, fold_name, is_invisible};

pub fn check_unfinished(plan: &Plan, d: &mut Sink) {
    // Each unit folded once per plan: a plan has a handful of units for its activities.
    let mut units: crate::hash::HashMap<&str, Vec<String>> = crate::hash::HashMap::default();
    for activity in &plan.activities {
        let named = activity.name.as_ref().zip(activity.unit.as_ref()).and_then(|(n, u)| {
            let unit = units.entry(u.value.as_str()).or_insert_with(|| fold_unit(&u.value));
            count_in_folded(&n.value, unit)
        });
        match (&activity.target, &activity.unit) {
            (None, Some(unit)) if !activity.target_unreadable => {
                d.push(catalog::target_missing(&activity.id.span, &activity.id.value, &unit.value, named));
            }
            (Some(target), Some(_)) => {
                if let (Some(count), Some(name)) = (named, &activity.name) {
                    if count != target.value {
                        d.push(catalog::name_count_mismatch(&target.span, count, target.value, &name.span));
                    }
                }
            }
            _ => {}
        }
        if let (Some(year), Some(name)) = (&plan.year, &activity.name) {
            if let Some(other) = other_year(activity, year.value) {
                d.push(catalog::name_year_mismatch(&name.span, other, year.value));
            }
        }
    }
}

/// The count a name writes before its unit: `Tổ chức 01 đợt hội thảo` with unit `đợt` → 1;
/// several counts of the unit add up (`02 sản phẩm … 01 sản phẩm` → 3).
/// Only a number directly followed by the unit counts, compared after folding case and
/// Unicode form, so `năm 2018` or `ISO 9001` in a name are not taken for counts.
#[cfg(test)]
pub fn count_in_name(name: &str, unit: &str) -> Option<Decimal> {
    count_in_folded(name, &fold_unit(unit))
}

/// A unit's words, folded.
fn fold_unit(unit: &str) -> Vec<String> {
    unit.split_whitespace().map(fold_name).collect()
}

/// [`count_in_name`] with the unit's words folded.
fn count_in_folded(name: &str, unit: &[String]) -> Option<Decimal> {
    // No digit, no count: nothing to read or fold.
    if !name.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // Most names have no parentheses: read as they are, not copied a character at a time.
    if !name.contains(['(', ')']) {
        return counts_before(name, unit);
    }
    // What a name details in parentheses is the parts of its count (`03 công cụ (02 công cụ
    // 5S, 01 công cụ Kaizen)`): read outside them first.
    let mut outside = String::with_capacity(name.len() + 8);
    let mut inside = String::new();
    let mut depth = 0_usize;
    for c in name.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => outside.push(c),
            _ => inside.push(c),
        }
        if matches!(c, '(' | ')') {
            outside.push(' ');
            inside.push(' ');
        }
    }
    counts_before(&outside, unit).or_else(|| counts_before(&inside, unit))
}

/// The sum of the numbers directly followed by `unit` in `text`, if there is one.
/// Only the words after a number are folded: folding every word of every name was a fifth
/// of a check of the national corpus.
fn counts_before(text: &str, unit: &[String]) -> Option<Decimal> {
    fn trim(w: &str) -> &str {
        w.trim_matches(|c: char| !c.is_alphanumeric())
    }
    // The words after a number are looked at where they stand, without a list of every word.
    if unit.is_empty() {
        return None;
    }
    let mut counts: Vec<Decimal> = Vec::new();
    let mut words = text.split_whitespace();
    while let Some(raw) = words.next() {
        // A word without a digit is no number, and is not trimmed.
        if !raw.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        // Trimming keeps the digits, so the word has one; folding keeps ASCII digits and
        // drops only the invisible characters.
        let word = trim(raw);
        if !word.chars().all(|c| c.is_ascii_digit() || is_invisible(c)) {
            continue;
        }
        let mut next = words.clone();
        if unit.iter().all(|u| next.next().is_some_and(|w| folds_to(trim(w), u))) {
            let digits: String = word.chars().filter(char::is_ascii_digit).collect();
            counts.extend(digits.parse::<Decimal>().ok());
        }
    }
    // `02 sản phẩm … và … 01 sản phẩm`: the name counts 3.
    (!counts.is_empty()).then(|| counts.iter().fold(Decimal::ZERO, |s, c| s.saturating_add(*c)))
}

/// Whether `word` folds to `folded` (a word of a folded unit). Most words after a number
/// are not the unit: their first letter, folded alone, already tells, without folding the
/// whole word (folding every word after a number was a third of these checks).
fn folds_to(word: &str, folded: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    let first = word.chars().next();
    // A word that starts with a character folding drops or moves (an invisible one, a
    // combining mark) is folded whole.
    if let Some(c) = first.filter(|&c| !is_invisible(c)) {
        let base = std::iter::once(c).nfd().next().into_iter().flat_map(char::to_lowercase).next();
        let combining = base.is_some_and(|b| ('\u{0300}'..='\u{036F}').contains(&b));
        if !combining && base != folded.chars().next() {
            return false;
        }
    }
    fold_name(word) == folded
}

#[cfg(test)]
mod fold_tests {
    use super::{fold_unit, folds_to};

    #[test]
    fn a_word_folds_to_a_unit_word_as_fold_name_says() {
        let unit = fold_unit("Hệ thống");
        let [he, thong] = unit.as_slice() else { panic!("{unit:?}") };
        for (word, expected) in [
            ("hệ", true),
            ("HỆ", true),
            ("he\u{0302}\u{0323}", true),
            ("\u{200B}hệ", true),
            ("hỗ", false),
            ("sản", false),
            ("", false),
        ] {
            assert_eq!(folds_to(word, he), expected, "{word:?}");
        }
        assert!(folds_to("thống", thong));
        assert!(!folds_to("\u{0301}thong", thong));
    }
}

/// A year written in the name as `năm YYYY` that is not the plan's year. The National
/// Quality Award of one year is decided in the next (the 2018 awards on 10/5/2019), so an
/// award of the year before (`giải thưởng … năm 2018` in the 2019 plan) is not flagged.
fn other_year(activity: &Activity, year: i32) -> Option<i32> {
    let raw = &activity.name.as_ref()?.value;
    // No year-like number (four digits in a row), no year: the name is not folded.
    if !has_four_digits(raw) {
        return None;
    }
    let name = fold_name(raw);
    let words: Vec<&str> = name.split_whitespace().collect();
    let (nam, award) = (fold_name("năm"), name.contains(&fold_name("giải thưởng")));
    words.windows(2).find_map(|pair| {
        let [first, second] = pair else { return None };
        let written: i32 = second.trim_matches(|c: char| !c.is_ascii_digit()).parse().ok()?;
        let is_year = *first == nam && (1900..=2200).contains(&written);
        (is_year && written != year && !(award && written == year - 1)).then_some(written)
    })
}

/// Whether `text` has four ASCII digits in a row (a year may be written there), the
/// invisible characters folding drops not counted as breaking the row.
fn has_four_digits(text: &str) -> bool {
    let mut run = 0;
    text.chars().any(|c| {
        if c.is_ascii_digit() {
            run += 1;
        } else if !is_invisible(c) {
            run = 0;
        }
        run >= 4
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_year_is_looked_for_where_four_digits_stand_invisible_characters_or_not() {
        assert!(super::has_four_digits("Hội thảo năm 2018"));
        assert!(super::has_four_digits("Hội thảo năm 20\u{200B}18"));
        assert!(!super::has_four_digits("Hoạt động số 12: 03 lớp, 456 học viên"));
        assert!(!super::has_four_digits("năm 201 8"));
    }
}
