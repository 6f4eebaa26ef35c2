//! Numbers and dates as `--lang` wants them: `491.300.000 đ`, `12,5`, `30/6/2019` in
//! Vietnamese; `491,300,000 VND`, `12.5`, `2019-06-30` in English.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::lang::Lang;
use crate::money::{Unit, format_en, format_vi};

pub fn number(lang: Lang, value: Decimal) -> String {
    match lang {
        Lang::Vi => format_vi(&value),
        Lang::En => format_en(&value),
    }
}

pub fn money(lang: Lang, value: Decimal) -> String {
    match lang {
        Lang::Vi => format!("{} đ", format_vi(&value)),
        Lang::En => format!("{} VND", format_en(&value)),
    }
}

/// An amount (in đồng) in `unit`: in đồng with its sign (`491.300.000 đ`), in a larger
/// unit the figure alone (`491,3`), every decimal kept, the unit named by the column's header
/// ([`with_unit`]).
pub fn money_in(lang: Lang, unit: Unit, value: Decimal) -> String {
    match unit {
        Unit::Dong => money(lang, value),
        _ => number(lang, unit.of(value)),
    }
}

/// The unit as a report names it: `triệu đồng`, `million VND`.
pub fn unit_name(lang: Lang, unit: Unit) -> &'static str {
    match lang {
        Lang::Vi => unit.name(),
        Lang::En => unit.name_en(),
    }
}

/// A money column's header in `unit`: `Kinh phí (triệu đồng)`; in đồng the header alone,
/// the figures carrying `đ`.
pub fn with_unit(lang: Lang, unit: Unit, header: &str) -> String {
    match unit {
        Unit::Dong => header.to_owned(),
        _ => format!("{header} ({})", unit_name(lang, unit)),
    }
}

pub fn percent(lang: Lang, value: Option<Decimal>) -> String {
    match (lang, value) {
        (_, None) => "—".to_owned(),
        (Lang::Vi, Some(p)) => format!("{} %", format_vi(&p)),
        (Lang::En, Some(p)) => format!("{}%", format_en(&p)),
    }
}

pub fn date(lang: Lang, value: NaiveDate) -> String {
    match lang {
        Lang::Vi => format!("{}/{}/{}", value.day(), value.month(), value.year()),
        Lang::En => value.format("%Y-%m-%d").to_string(),
    }
}

/// A date with its weekday: `T7 14/12/2019` (vi), `Sat 2019-12-14` (en).
pub fn day(lang: Lang, value: NaiveDate) -> String {
    let n = value.weekday().num_days_from_monday() as usize;
    let name = match lang {
        Lang::Vi => ["T2", "T3", "T4", "T5", "T6", "T7", "CN"].get(n),
        Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].get(n),
    };
    format!("{} {}", name.copied().unwrap_or_default(), date(lang, value))
}

/// A value or the dash that stands for "unknown / not given".
pub fn or_dash(value: Option<String>) -> String {
    value.unwrap_or_else(|| "—".to_owned())
}

/// A ten-cell bar of a percentage: `████▌░░░░░` on a terminal, `####------` elsewhere.
pub fn bar(value: Option<Decimal>, unicode: bool) -> String {
    let Some(value) = value else { return String::new() };
    let tenths = (value.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED) / Decimal::TEN).round();
    let full = tenths.to_usize().unwrap_or(0).min(10);
    let (on, off) = if unicode { ('█', '░') } else { ('#', '-') };
    std::iter::repeat_n(on, full).chain(std::iter::repeat_n(off, 10 - full)).collect()
}
