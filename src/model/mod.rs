//! The validated model: what a decision, a yearly plan and a progress file say, every value
//! with the span it came from. Lowering builds these only from values that passed their own
//! checks; a value that did not is absent, and its diagnostic says why.

pub mod agency;
pub mod kind;
pub mod names;
pub mod target;
pub mod window;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::source::{FileId, Sp, Span};

pub use agency::{Agency, AgencyIndex, fold_name, is_invisible};
pub use kind::DocumentKind;
pub use names::Names;
pub use target::{TargetHow, TargetRule};
pub use window::{DataWindow, period_dates, rule_dates};

/// One loaded file's content.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)] // one value per file read: boxing the plan would save nothing that counts
pub enum Document {
    Decision(Decision),
    Plan(Plan),
    Progress(Progress),
}

/// A project decision (quyết định) and what it sets for its whole period.
#[derive(Debug)]
pub struct Decision {
    pub file: FileId,
    pub span: Span,
    /// `kind`: what the parent document is. When the file does not say, the number's symbol
    /// does (`33/KH-UBND`: a kế hoạch), else it is a quyết định.
    pub kind: Option<Sp<DocumentKind>>,
    pub number: Option<Sp<String>>,
    pub date: Option<Sp<NaiveDate>>,
    pub issuer: Option<Sp<String>>,
    pub title: Option<Sp<String>>,
    /// The national programme the decision implements (Decision 712/QĐ-TTg to 2020,
    /// 1322/QĐ-TTg for 2021–2030), so that a ministry can group provinces by it.
    pub programme: Option<Reference>,
    /// The documents the decision cites (`[[basis]]`).
    pub basis: Vec<Reference>,
    pub period: Option<Sp<Period>>,
    pub lead: Option<Sp<String>>,
    pub funding_sources: Vec<Sp<String>>,
    /// The unit the decision writes its money in (`money-unit`); every amount is in đồng.
    /// Reports of the period print money in it unless told otherwise.
    pub money_unit: crate::money::Unit,
    pub budget: Option<Sp<Decimal>>,
    /// The envelope by source of funds (`budget-by-source`).
    pub budget_by_source: Vec<(Sp<FundSource>, Sp<Decimal>)>,
    pub budget_by_year: Vec<(Sp<i32>, Sp<Decimal>)>,
    pub reporting: Reporting,
    pub agencies: Vec<Agency>,
    /// The id, name and aliases of `[[agency]]` entries that lack their id or name: already
    /// reported, and not in `agencies`, but a reference to them is not an unknown agency.
    pub unreadable_agency_names: Vec<String>,
    pub items: Vec<Item>,
}

/// The years a decision covers, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: i32,
    pub to: i32,
}

impl Period {
    pub fn contains(self, year: i32) -> bool {
        (self.from..=self.to).contains(&year)
    }
}

/// When the periodic reports are due and where their data stops, as month and day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reporting {
    pub half_year: ReportRule,
    pub annual: ReportRule,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRule {
    /// The report is sent before this day.
    pub due_before: MonthDay,
    /// The last day whose data the report counts.
    pub cut_off: MonthDay,
    /// Where the rule was written; `None` for the built-in default.
    pub span: Option<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct MonthDay {
    pub month: u32,
    pub day: u32,
}

impl MonthDay {
    /// This day in `year`; 29 February falls back to 28 in a common year.
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
            .or_else(|| NaiveDate::from_ymd_opt(year, self.month, self.day.saturating_sub(1)))
    }
}

impl Default for Reporting {
    /// Decree 09/2019/NĐ-CP: half-year data to 14/6, annual data to 14/12; the 2019 plan's
    /// deadlines (before 30/6 and before 15/12).
    fn default() -> Self {
        Self {
            half_year: ReportRule {
                due_before: MonthDay { month: 6, day: 30 },
                cut_off: MonthDay { month: 6, day: 14 },
                span: None,
            },
            annual: ReportRule {
                due_before: MonthDay { month: 12, day: 15 },
                cut_off: MonthDay { month: 12, day: 14 },
                span: None,
            },
        }
    }
}

/// A content item of the decision, which yearly activities implement.
#[derive(Debug)]
pub struct Item {
    pub id: Sp<String>,
    pub group: Option<Sp<String>>,
    pub name: Option<Sp<String>>,
    pub unit: Option<Sp<String>>,
    pub target: Option<Sp<Decimal>>,
    /// How the target is meant (a minimum, about, a range, each year).
    pub target_rule: TargetRule,
    /// Targets for parts of the period, or beyond it (2021–2025 and 2026–2030; "tầm nhìn đến
    /// năm 2030").
    pub stages: Vec<Stage>,
    /// How much the programme pays an enterprise for one unit of this item.
    pub support: Option<Support>,
}

/// An item's target for some years (`[[item.stage]]`): a sub-period of the decision's
/// period, or years beyond it.
#[derive(Debug)]
pub struct Stage {
    pub span: Span,
    pub from: Sp<i32>,
    pub to: Sp<i32>,
    pub target: Option<Sp<Decimal>>,
    pub target_rule: TargetRule,
}

/// Where a budget's money comes from, as the 2021–2030 programmes split it: the state budget
/// (central, local, or not split) and the enterprises' own contribution (đối ứng).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FundSource {
    TrungUong,
    DiaPhuong,
    NhaNuoc,
    DoanhNghiep,
    Khac,
}

impl FundSource {
    pub const ALL: [Self; 5] = [Self::TrungUong, Self::DiaPhuong, Self::NhaNuoc, Self::DoanhNghiep, Self::Khac];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::TrungUong => "trung-uong",
            Self::DiaPhuong => "dia-phuong",
            Self::NhaNuoc => "nha-nuoc",
            Self::DoanhNghiep => "doanh-nghiep",
            Self::Khac => "khac",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    pub fn name_vi(self) -> &'static str {
        match self {
            Self::TrungUong => "Ngân sách trung ương",
            Self::DiaPhuong => "Ngân sách địa phương",
            Self::NhaNuoc => "Ngân sách nhà nước",
            Self::DoanhNghiep => "Doanh nghiệp đối ứng",
            Self::Khac => "Nguồn khác",
        }
    }
}

/// A document cited as legal basis ("Căn cứ Quyết định số 1322/QĐ-TTg ngày 10/9/2021 của Thủ
/// tướng Chính phủ về …"): the national programme, a finance circular, a provincial
/// resolution.
#[derive(Debug)]
pub struct Reference {
    pub span: Span,
    /// What the document is; when absent, its number's symbol says.
    pub kind: Option<Sp<DocumentKind>>,
    pub number: Option<Sp<String>>,
    pub date: Option<Sp<NaiveDate>>,
    pub issuer: Option<Sp<String>>,
    pub title: Option<Sp<String>>,
}

/// A support rule ("hỗ trợ 50 % kinh phí, tối đa 65 triệu đồng cho mỗi hệ thống"), as a
/// provincial resolution sets it for an item.
#[derive(Debug)]
pub struct Support {
    pub span: Span,
    /// The share of the cost paid, in percent.
    pub rate: Option<Sp<Decimal>>,
    /// The most paid to one enterprise for one unit, in đồng.
    pub cap: Option<Sp<Decimal>>,
    /// The unit the cap is for ("hệ thống"), as the document writes it.
    pub per: Option<Sp<String>>,
    /// The document that sets the rule ("Nghị quyết số 12/2020/NQ-HĐND").
    pub basis: Option<Sp<String>>,
}

/// A yearly implementation plan (kế hoạch thực hiện).
#[derive(Debug)]
pub struct Plan {
    pub file: FileId,
    pub span: Span,
    pub title: Option<Sp<String>>,
    pub year: Option<Sp<i32>>,
    pub number: Option<Sp<String>>,
    pub date: Option<Sp<NaiveDate>>,
    pub issuer: Option<Sp<String>>,
    pub decision: Option<DecisionRef>,
    /// The documents the plan cites besides its decision (`[[basis]]`).
    pub basis: Vec<Reference>,
    /// Section I (Mục đích, yêu cầu): what the plan is for, as the document writes it.
    pub purposes: Vec<Sp<String>>,
    /// Nơi nhận: agencies, or the document's own phrases (`Như tổ chức thực hiện`: the
    /// units of section III; `Như trên`: the addressee).
    pub recipients: Vec<Sp<String>>,
    /// Recipients inside the issuing office (`LĐVP, CVVHXH`): its staff, not agencies.
    pub recipients_internal: Vec<Sp<String>>,
    /// The archive line (`Lưu: VT, VP.UBND tỉnh`): where the original is kept, not a
    /// recipient.
    pub archive: Option<Sp<String>>,
    /// Section III (Tổ chức thực hiện): who does what.
    pub responsibilities: Vec<Responsibility>,
    pub activities: Vec<Activity>,
    pub budget: Option<Budget>,
    pub reports: Vec<ReportDue>,
}

/// One unit's part in carrying out the plan (section III), with its tasks.
#[derive(Debug)]
pub struct Responsibility {
    pub span: Span,
    pub section: Option<Sp<String>>,
    /// The unit, as the document names it: an agency, or a group of them ("Các sở,
    /// ngành có liên quan, UBND các huyện, thành phố").
    pub unit: Sp<String>,
    pub tasks: Vec<Task>,
}

/// A task of a unit. One with an `id` can be followed through the year by milestones
/// (`[[milestone]] task = "…"`).
#[derive(Debug)]
pub struct Task {
    pub span: Span,
    pub id: Option<Sp<String>>,
    pub text: Sp<String>,
}

/// The decision a plan cites ("Căn cứ Quyết định số … ngày …").
#[derive(Debug)]
pub struct DecisionRef {
    pub span: Span,
    pub number: Option<Sp<String>>,
    pub date: Option<Sp<NaiveDate>>,
    pub file: Option<Sp<String>>,
}

#[derive(Debug)]
pub struct Activity {
    pub span: Span,
    pub id: Sp<String>,
    pub section: Option<Sp<String>>,
    /// The decision item; defaults to the activity's id.
    pub item: Sp<String>,
    pub name: Option<Sp<String>>,
    pub target: Option<Sp<Decimal>>,
    /// How the target is meant (a minimum, about, a range).
    pub target_rule: TargetRule,
    /// A `target` is written but could not be read (already reported): not a missing one.
    pub target_unreadable: bool,
    pub unit: Option<Sp<String>>,
    pub lead: Option<Sp<String>>,
    pub partners: Names,
    /// The document's list of partners ends with "…": it names only some of them.
    pub partners_open: bool,
    /// Boxed: few activities have one, and unboxed it was a seventh of every activity.
    pub breakdown: Option<Box<Breakdown>>,
    pub due: Option<Sp<NaiveDate>>,
}

/// Parts that must add up to an activity's target (1 gold award + 2 awards = 3).
#[derive(Debug)]
pub struct Breakdown {
    pub span: Span,
    pub parts: Vec<(Sp<String>, Sp<Decimal>)>,
    /// Display names of parts, by part id (`giai-vang` → `01 giải Vàng chất lượng quốc
    /// gia`), where the file gives them.
    pub names: Vec<(String, String)>,
    /// Every part, and the activity's target when it has one, could be read. When not, the
    /// problem is already reported and the sum is not compared: it would be wrong twice.
    pub complete: bool,
}

#[derive(Debug)]
pub struct Budget {
    pub span: Span,
    /// The unit the file writes the amounts in (`money-unit`); every amount here is in đồng.
    pub unit: crate::money::Unit,
    pub total: Option<Sp<Decimal>>,
    /// The total by source of funds (`by-source`).
    pub by_source: Vec<(Sp<FundSource>, Sp<Decimal>)>,
    pub in_words: Option<Sp<String>>,
    pub source: Option<Sp<String>>,
    pub lines: Vec<BudgetLine>,
    /// Every `[[budget.line]]` could be read (a line without an id cannot). When not, the
    /// problem is already reported and the lines are not added up against the total.
    pub lines_complete: bool,
}

/// A line of the budget appendix (phụ lục kinh phí).
#[derive(Debug)]
pub struct BudgetLine {
    pub span: Span,
    pub id: Sp<String>,
    pub activity: Option<Sp<String>>,
    pub amount: Option<Sp<Decimal>>,
    pub note: Option<Sp<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReportKind {
    HalfYear,
    Annual,
}

impl ReportKind {
    pub const NAMES: [&'static str; 2] = ["half-year", "annual"];

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "half-year" => Some(Self::HalfYear),
            "annual" => Some(Self::Annual),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::HalfYear => "half-year",
            Self::Annual => "annual",
        }
    }
}

/// A report the plan requires ("báo cáo 6 tháng gửi trước 30/6").
#[derive(Debug)]
pub struct ReportDue {
    pub span: Span,
    pub kind: Sp<ReportKind>,
    pub due_before: Option<Sp<NaiveDate>>,
    pub cut_off: Option<Sp<NaiveDate>>,
    pub from: Option<Sp<String>>,
    pub to: Option<Sp<String>>,
}

/// What was achieved, spent and sent against one plan.
#[derive(Debug)]
pub struct Progress {
    pub file: FileId,
    pub span: Span,
    pub plan: Option<Sp<String>>,
    pub achievements: Vec<Achievement>,
    pub milestones: Vec<Milestone>,
    pub disbursements: Vec<Disbursement>,
    pub submissions: Vec<Submission>,
}

#[derive(Debug)]
pub struct Achievement {
    pub span: Span,
    pub activity: Sp<String>,
    /// The breakdown part it counts toward, for activities with a breakdown.
    pub part: Option<Sp<String>>,
    pub date: Sp<NaiveDate>,
    pub quantity: Sp<Decimal>,
    pub enterprise: Option<Sp<String>>,
    pub detail: Option<Sp<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MilestoneStatus {
    Started,
    Done,
}

/// A step of a task with no number: of an activity, or of a unit's task in section III.
#[derive(Debug)]
pub struct Milestone {
    pub span: Span,
    pub activity: Option<Sp<String>>,
    pub task: Option<Sp<String>>,
    pub date: Sp<NaiveDate>,
    pub status: Sp<MilestoneStatus>,
    pub detail: Option<Sp<String>>,
}

/// Money paid out, against an activity or a budget line.
#[derive(Debug)]
pub struct Disbursement {
    pub span: Span,
    pub activity: Option<Sp<String>>,
    pub line: Option<Sp<String>>,
    pub date: Sp<NaiveDate>,
    pub amount: Sp<Decimal>,
    pub voucher: Option<Sp<String>>,
    /// The enterprise paid, where the support goes to one.
    pub enterprise: Option<Sp<String>>,
    /// The source of funds it was paid from (`source`), where the file says.
    pub source: Option<Sp<FundSource>>,
}

/// A report actually sent.
#[derive(Debug)]
pub struct Submission {
    pub span: Span,
    pub report: Sp<ReportKind>,
    pub date: Sp<NaiveDate>,
    pub number: Option<Sp<String>>,
}
