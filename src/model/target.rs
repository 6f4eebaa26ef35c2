//! How a target is meant, as real plans write it: an exact count ("06 hội thảo"), a
//! minimum ("tối thiểu 100", "ít nhất 10 % mỗi năm"), an approximate value ("khoảng 600"),
//! a range ("2–3 mỗi năm"); for the whole period or for each year; a count added up or a
//! level reached (a percentage).
//!
//! The target's figure (`Activity::target`, `Item::target`) is the one the document writes
//! first: the count, the minimum, the approximate value, or a range's lower end. What a
//! check compares against is [`TargetRule::met_at`] (the least that meets it) and
//! [`TargetRule::upper`] (the most that does not exceed it, if any).

use rust_decimal::Decimal;
use serde::Serialize;

/// The tolerance of an approximate target when the file gives none: "khoảng 600" is met
/// from 540 and exceeded above 660.
pub const DEFAULT_TOLERANCE: Decimal = Decimal::from_parts(10, 0, 0, false, 0);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum TargetHow {
    /// "06 hội thảo": met at the figure, exceeded above it.
    #[default]
    Exact,
    /// "tối thiểu 100", "ít nhất 100": met at the figure, never exceeded.
    AtLeast,
    /// "khoảng 600": met within `tolerance` percent below, exceeded beyond it above.
    About {
        #[serde(with = "rust_decimal::serde::str")]
        tolerance: Decimal,
    },
    /// "2–3": met at the lower end (the figure), exceeded above `to`.
    Range {
        #[serde(with = "rust_decimal::serde::str")]
        to: Decimal,
    },
}

/// How a target is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct TargetRule {
    #[serde(flatten)]
    pub how: TargetHow,
    /// "mỗi năm": the target holds for each year of the period, not for the period's sum.
    pub each_year: bool,
}

impl TargetRule {
    /// The least that meets a target of `figure`.
    pub fn met_at(self, figure: Decimal) -> Decimal {
        match self.how {
            TargetHow::Exact | TargetHow::AtLeast | TargetHow::Range { .. } => figure,
            TargetHow::About { tolerance } => scaled(figure, Decimal::ONE_HUNDRED - tolerance).unwrap_or(figure),
        }
    }

    /// The most that does not exceed a target of `figure`; `None` for a minimum.
    pub fn upper(self, figure: Decimal) -> Option<Decimal> {
        match self.how {
            TargetHow::Exact => Some(figure),
            TargetHow::AtLeast => None,
            TargetHow::About { tolerance } => scaled(figure, Decimal::ONE_HUNDRED + tolerance),
            TargetHow::Range { to } => Some(to),
        }
    }

    pub fn is_exact(self) -> bool {
        self.how == TargetHow::Exact && !self.each_year
    }

    /// The target as a report writes it: `tối thiểu 100`, `khoảng 600 (±10 %)`, `2–3`,
    /// followed by `mỗi năm` where it holds for each year.
    pub fn describe(self, figure: Decimal) -> String {
        let n = |v: Decimal| crate::money::format_vi(&v);
        let text = match self.how {
            TargetHow::Exact => n(figure),
            TargetHow::AtLeast => format!("tối thiểu {}", n(figure)),
            TargetHow::About { tolerance } => format!("khoảng {} (±{} %)", n(figure), n(tolerance)),
            TargetHow::Range { to } => format!("{}–{}", n(figure), n(to)),
        };
        if self.each_year { format!("{text} mỗi năm") } else { text }
    }
}

/// `figure × percent / 100`, kept exact.
fn scaled(figure: Decimal, percent: Decimal) -> Option<Decimal> {
    Some(figure.checked_mul(percent)?.checked_div(Decimal::ONE_HUNDRED)?.normalize())
}

/// A unit that measures a level reached, not a count added up: a percentage ("65 % tiêu
/// chuẩn được hài hòa"). Its achievements are readings: the latest one is what is achieved,
/// and yearly targets are levels, not parts of a sum.
pub fn is_level(unit: Option<&str>) -> bool {
    unit.is_some_and(|u| matches!(u.trim(), "%" | "phần trăm"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(n: i64) -> Decimal {
        Decimal::from(n)
    }

    #[test]
    fn each_kind_is_met_and_exceeded_where_the_documents_mean() {
        let exact = TargetRule::default();
        assert_eq!((exact.met_at(d(6)), exact.upper(d(6))), (d(6), Some(d(6))));
        let minimum = TargetRule { how: TargetHow::AtLeast, each_year: false };
        assert_eq!((minimum.met_at(d(100)), minimum.upper(d(100))), (d(100), None));
        let about = TargetRule { how: TargetHow::About { tolerance: DEFAULT_TOLERANCE }, each_year: false };
        assert_eq!((about.met_at(d(600)), about.upper(d(600))), (d(540), Some(d(660))));
        let range = TargetRule { how: TargetHow::Range { to: d(3) }, each_year: true };
        assert_eq!((range.met_at(d(2)), range.upper(d(2))), (d(2), Some(d(3))));
    }

    #[test]
    fn each_kind_is_described_as_plans_write_it() {
        let about = TargetRule { how: TargetHow::About { tolerance: d(5) }, each_year: false };
        assert_eq!(about.describe(d(65)), "khoảng 65 (±5 %)");
        let range = TargetRule { how: TargetHow::Range { to: d(3) }, each_year: true };
        assert_eq!(range.describe(d(2)), "2–3 mỗi năm");
        assert_eq!(TargetRule { how: TargetHow::AtLeast, each_year: false }.describe(d(1000)), "tối thiểu 1.000");
        assert_eq!(TargetRule::default().describe(d(6)), "6");
    }

    #[test]
    fn only_percentages_are_levels() {
        assert!(is_level(Some("%")));
        assert!(is_level(Some(" phần trăm ")));
        assert!(!is_level(Some("doanh nghiệp")));
        assert!(!is_level(None));
    }
}
