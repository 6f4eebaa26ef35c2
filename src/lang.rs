//! The language a person reads: Vietnamese (the default) or English. [`Lang`] picks it;
//! [`Text`] holds one piece of wording in both, so that a diagnostic is made once and shown
//! in either. This module depends on nothing of the crate: `diag`, `render` and `cli` all
//! use it.

use std::fmt;

/// The language of everything a person reads: diagnostics, summaries, report labels.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Lang {
    /// Vietnamese: 491.300.000 đ, 30/6/2019
    #[default]
    Vi,
    /// English: 491,300,000 VND, 2019-06-30
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// `vi` or `en`, in any case, surrounding spaces ignored.
    pub fn parse(text: &str) -> Option<Lang> {
        match text.trim().to_ascii_lowercase().as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language asked for: `--lang` when given, else `PLAN_LANG` when it is set and not
    /// empty, else Vietnamese. A `PLAN_LANG` that is neither `vi` nor `en` is an error,
    /// whose text is returned.
    pub fn resolve(flag: Option<Lang>, env: Option<&str>) -> Result<Lang, String> {
        if let Some(lang) = flag {
            return Ok(lang);
        }
        match env.map(str::trim) {
            None | Some("") => Ok(Lang::Vi),
            Some(value) => Lang::parse(value).ok_or_else(|| {
                format!("PLAN_LANG is `{value}`: it must be `vi` or `en` (or empty, for the default `vi`)")
            }),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One piece of wording in both languages.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text {
    pub vi: String,
    pub en: String,
}

impl Text {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        Self { vi: vi.into(), en: en.into() }
    }

    /// Wording that reads the same in both languages: a figure, a value quoted from a file.
    pub fn same(text: impl Into<String>) -> Self {
        let text = text.into();
        Self { vi: text.clone(), en: text }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.vi.is_empty() && self.en.is_empty()
    }
}

/// `t!(vi, en)`: a [`Text`] from two `format!` strings, which capture their values by name.
/// Positional values follow: `t!(vi, en, a)` gives `a` to the Vietnamese only (the English
/// captures by name); `t!(vi, en, a, b)` gives `a` to the Vietnamese and `b` to the English;
/// `t!(vi, en, a1, a2, b1, b2)` gives two to each.
#[macro_export]
macro_rules! t {
    ($vi:literal, $en:literal $(,)?) => {
        $crate::lang::Text::new(format!($vi), format!($en))
    };
    ($vi:literal, $en:literal, $a:expr $(,)?) => {
        $crate::lang::Text::new(format!($vi, $a), format!($en))
    };
    ($vi:literal, $en:literal, $a:expr, $b:expr $(,)?) => {
        $crate::lang::Text::new(format!($vi, $a), format!($en, $b))
    };
    ($vi:literal, $en:literal, $a1:expr, $a2:expr, $b1:expr, $b2:expr $(,)?) => {
        $crate::lang::Text::new(format!($vi, $a1, $a2), format!($en, $b1, $b2))
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_plan_lang_counts_as_unset() {
        assert_eq!(Lang::resolve(None, Some("")), Ok(Lang::Vi));
        assert_eq!(Lang::resolve(None, Some("  ")), Ok(Lang::Vi));
        assert_eq!(Lang::resolve(None, None), Ok(Lang::Vi));
        assert_eq!(Lang::resolve(None, Some("EN")), Ok(Lang::En));
        assert_eq!(Lang::resolve(Some(Lang::En), Some("vi")), Ok(Lang::En));
        assert_eq!(
            Lang::resolve(None, Some("fr")),
            Err("PLAN_LANG is `fr`: it must be `vi` or `en` (or empty, for the default `vi`)".to_owned())
        );
    }

    #[test]
    fn text_picks_the_language() {
        let text = Text::new("tệp", "file");
        assert_eq!((text.get(Lang::Vi), text.get(Lang::En)), ("tệp", "file"));
        assert_eq!(Text::same("2019").get(Lang::Vi), "2019");
    }
}
