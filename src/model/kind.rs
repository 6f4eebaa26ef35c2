//! The kind of the parent document a plan implements. Up to 2020 the provinces approved
//! their projects by a decision (quyết định, `…/QĐ-UBND`); from 2021 most issue the
//! multi-year programme itself as a kế hoạch (`…/KH-UBND`), and projects (đề án, dự án),
//! programmes (chương trình) and resolutions (nghị quyết) exist too. Every output names the
//! parent by its kind, and the number's symbol is checked against it: the symbols are
//! those of Decree 30/2020/NĐ-CP, Appendix III.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    QuyetDinh,
    KeHoach,
    ChuongTrinh,
    DeAn,
    DuAn,
    NghiQuyet,
}

impl DocumentKind {
    pub const ALL: [Self; 6] =
        [Self::QuyetDinh, Self::KeHoach, Self::ChuongTrinh, Self::DeAn, Self::DuAn, Self::NghiQuyet];

    /// As the files write it: `quyet-dinh`, `ke-hoach`…
    pub fn as_str(self) -> &'static str {
        match self {
            Self::QuyetDinh => "quyet-dinh",
            Self::KeHoach => "ke-hoach",
            Self::ChuongTrinh => "chuong-trinh",
            Self::DeAn => "de-an",
            Self::DuAn => "du-an",
            Self::NghiQuyet => "nghi-quyet",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// The symbol a number of this kind carries: `QĐ` in `1186/QĐ-UBND`.
    pub fn symbol(self) -> &'static str {
        match self {
            Self::QuyetDinh => "QĐ",
            Self::KeHoach => "KH",
            Self::ChuongTrinh => "CTr",
            Self::DeAn => "ĐA",
            Self::DuAn => "DA",
            Self::NghiQuyet => "NQ",
        }
    }

    /// The kind a number's symbol names, if any: `33/KH-UBND` → kế hoạch.
    pub fn of_number(number: &str) -> Option<Self> {
        let symbol = number_symbol(number)?;
        Self::ALL.into_iter().find(|k| k.symbol().to_lowercase() == symbol.to_lowercase())
    }

    /// The kind's name in Vietnamese, capitalised as it opens a citation.
    pub fn name_vi(self) -> &'static str {
        match self {
            Self::QuyetDinh => "Quyết định",
            Self::KeHoach => "Kế hoạch",
            Self::ChuongTrinh => "Chương trình",
            Self::DeAn => "Đề án",
            Self::DuAn => "Dự án",
            Self::NghiQuyet => "Nghị quyết",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Self::QuyetDinh => "Decision",
            Self::KeHoach => "Plan",
            Self::ChuongTrinh => "Programme",
            Self::DeAn => "Scheme",
            Self::DuAn => "Project",
            Self::NghiQuyet => "Resolution",
        }
    }
}

/// The symbol between the last `/` and the `-` of a document number: `QĐ` in
/// `1186/QĐ-UBND`, `NQ` in `12/2020/NQ-HĐND` (a normative document carries its year).
pub fn number_symbol(number: &str) -> Option<&str> {
    let head = number.split('-').next()?;
    let (_, symbol) = head.rsplit_once('/')?;
    let symbol = symbol.trim();
    (!symbol.is_empty()).then_some(symbol)
}

#[cfg(test)]
mod tests {
    use super::{DocumentKind, number_symbol};

    #[test]
    fn a_number_names_its_kind_by_its_symbol() {
        assert_eq!(number_symbol("1186/QĐ-UBND"), Some("QĐ"));
        assert_eq!(number_symbol("12/2020/NQ-HĐND"), Some("NQ"));
        assert_eq!(DocumentKind::of_number("05/2019/TT-BKHCN"), None);
        assert_eq!(DocumentKind::of_number("1186/QĐ-UBND"), Some(DocumentKind::QuyetDinh));
        assert_eq!(DocumentKind::of_number("33/KH-UBND"), Some(DocumentKind::KeHoach));
        assert_eq!(DocumentKind::of_number("05/CTr-UBND"), Some(DocumentKind::ChuongTrinh));
        assert_eq!(DocumentKind::of_number("12/BC-SKHCN"), None);
        assert_eq!(DocumentKind::of_number("1186"), None);
        for kind in DocumentKind::ALL {
            assert_eq!(DocumentKind::parse(kind.as_str()), Some(kind));
        }
    }
}
