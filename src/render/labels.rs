//! The words of a report, in Vietnamese and in English. Domain words stay Vietnamese in
//! data; only the labels change with `--lang`.

use crate::lang::Lang;
use crate::model::DocumentKind;
use crate::report::{DeadlineState, PeriodKind, Status};

pub struct Labels {
    pub title: &'static str,
    pub plan: &'static str,
    pub decision: &'static str,
    pub period: &'static str,
    pub data_from: &'static str,
    pub no_progress: &'static str,
    pub progress: &'static str,
    pub budget: &'static str,
    pub deadlines: &'static str,
    pub section: &'static str,
    pub activity: &'static str,
    pub unit: &'static str,
    pub target: &'static str,
    pub achieved: &'static str,
    pub percent: &'static str,
    pub remaining: &'static str,
    pub status: &'static str,
    pub item: &'static str,
    pub amount: &'static str,
    pub disbursed: &'static str,
    pub total: &'static str,
    pub by_line: &'static str,
    pub by_activity: &'static str,
    pub unallocated_line: &'static str,
    pub unallocated_activity: &'static str,
    pub source: &'static str,
    pub in_words: &'static str,
    pub no_budget: &'static str,
    pub basis: &'static str,
    pub report: &'static str,
    pub due_before: &'static str,
    pub last_day: &'static str,
    pub cut_off: &'static str,
    pub days: &'static str,
    pub sent: &'static str,
    pub working_days: &'static str,
    pub date: &'static str,
    pub line: &'static str,
    pub voucher: &'static str,
    pub payments: &'static str,
    pub details: &'static str,
    pub lead: &'static str,
    pub partners: &'static str,
    pub organisation: &'static str,
    pub purposes: &'static str,
    pub recipients: &'static str,
    pub archive: &'static str,
    pub no_milestone: &'static str,
    pub gap_too_short: &'static str,
    pub state: &'static str,
    pub activity_dues: &'static str,
    pub due: &'static str,
    pub half_year_report: &'static str,
    pub annual_report: &'static str,
    pub by_source: &'static str,
    pub support: &'static str,
}

pub const VI: Labels = Labels {
    title: "Báo cáo tình hình thực hiện kế hoạch",
    plan: "Kế hoạch",
    decision: "Thực hiện",
    period: "Kỳ báo cáo",
    data_from: "Số liệu từ",
    no_progress: "Chưa có tệp tiến độ: khối lượng đạt được và kinh phí đã giải ngân chưa có số liệu (—).",
    progress: "Tiến độ thực hiện",
    budget: "Kinh phí",
    deadlines: "Thời hạn báo cáo",
    section: "Mục",
    activity: "Hoạt động",
    unit: "Đơn vị tính",
    target: "Chỉ tiêu",
    achieved: "Đạt",
    percent: "Tỷ lệ",
    remaining: "Còn lại",
    status: "Tình trạng",
    item: "Khoản",
    amount: "Kinh phí",
    disbursed: "Đã giải ngân",
    total: "Tổng cộng",
    by_line: "Theo dòng kinh phí",
    by_activity: "Theo hoạt động",
    unallocated_line: "Chưa phân bổ vào dòng kinh phí",
    unallocated_activity: "Chưa phân bổ vào hoạt động",
    source: "Nguồn kinh phí",
    in_words: "Bằng chữ",
    no_budget: "Chưa có số liệu kinh phí: tệp kế hoạch không có bảng [budget].",
    basis: "Căn cứ",
    report: "Báo cáo",
    due_before: "Gửi trước",
    last_day: "Hạn chót",
    cut_off: "Số liệu đến",
    days: "Số ngày",
    sent: "Đã gửi",
    working_days: "Ngày làm việc",
    date: "Ngày",
    line: "Dòng kinh phí",
    voucher: "Chứng từ",
    payments: "Các khoản đã chi",
    details: "Kết quả chi tiết",
    lead: "Chủ trì",
    partners: "Phối hợp",
    organisation: "Tổ chức thực hiện",
    purposes: "Mục đích, yêu cầu",
    recipients: "Nơi nhận",
    archive: "Lưu",
    no_milestone: "chưa có mốc",
    gap_too_short: "(dưới 1 ngày)",
    state: "Tình trạng",
    activity_dues: "Thời hạn các hoạt động",
    due: "Hạn",
    half_year_report: "Báo cáo 6 tháng",
    annual_report: "Báo cáo năm",
    by_source: "Theo nguồn kinh phí",
    support: "Mức hỗ trợ",
};

pub const EN: Labels = Labels {
    title: "Plan implementation report",
    plan: "Plan",
    decision: "Implements",
    period: "Period",
    data_from: "Data from",
    no_progress: "No progress files: what was achieved and disbursed is unknown (—).",
    progress: "Progress",
    budget: "Budget",
    deadlines: "Deadlines",
    section: "Section",
    activity: "Activity",
    unit: "Unit",
    target: "Target",
    achieved: "Achieved",
    percent: "Percent",
    remaining: "Remaining",
    status: "Status",
    item: "Item",
    amount: "Amount",
    disbursed: "Disbursed",
    total: "Total",
    by_line: "By budget line",
    by_activity: "By activity",
    unallocated_line: "Not allocated to a budget line",
    unallocated_activity: "Not allocated to an activity",
    source: "Funding source",
    in_words: "In words",
    no_budget: "No budget figures: the plan file has no [budget] table.",
    basis: "Legal basis",
    report: "Report",
    due_before: "Due before",
    last_day: "Last day",
    cut_off: "Data to",
    days: "Days",
    sent: "Sent",
    working_days: "Working days",
    date: "Date",
    line: "Budget line",
    voucher: "Voucher",
    payments: "Payments",
    details: "Results in detail",
    lead: "Lead",
    partners: "Partners",
    organisation: "Implementation",
    purposes: "Purposes",
    recipients: "Recipients",
    archive: "Archive",
    no_milestone: "no milestone yet",
    gap_too_short: "(under 1 day)",
    state: "State",
    activity_dues: "Activity due dates",
    due: "Due",
    half_year_report: "Half-year report",
    annual_report: "Annual report",
    by_source: "By source of funds",
    support: "Support rates",
};

pub fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

pub fn status(lang: Lang, status: Status) -> &'static str {
    match (lang, status) {
        (Lang::Vi, Status::Done) => "hoàn thành",
        (Lang::Vi, Status::InProgress) => "đang thực hiện",
        (Lang::Vi, Status::NotStarted) => "chưa thực hiện",
        (Lang::Vi, Status::NoNumber) => "không có chỉ tiêu số",
        (Lang::Vi, Status::Unknown) => "chưa có số liệu",
        (Lang::En, Status::Done) => "done",
        (Lang::En, Status::InProgress) => "in progress",
        (Lang::En, Status::NotStarted) => "not started",
        (Lang::En, Status::NoNumber) => "no number",
        (Lang::En, Status::Unknown) => "no data yet",
    }
}

pub fn milestone(lang: Lang, status: &str) -> &'static str {
    match (lang, status) {
        (Lang::Vi, "done") => "đã xong",
        (Lang::Vi, _) => "đã bắt đầu",
        (Lang::En, "done") => "done",
        (Lang::En, _) => "started",
    }
}

pub fn deadline_state(lang: Lang, state: DeadlineState) -> &'static str {
    match (lang, state) {
        (Lang::Vi, DeadlineState::SentOnTime) => "đã gửi đúng hạn",
        (Lang::Vi, DeadlineState::SentLate) => "gửi trễ hạn",
        (Lang::Vi, DeadlineState::Open) => "chưa gửi",
        (Lang::Vi, DeadlineState::Overdue) => "quá hạn, chưa gửi",
        (Lang::Vi, DeadlineState::Unknown) => "chưa rõ (không có tệp tiến độ)",
        (Lang::En, DeadlineState::Unknown) => "unknown (no progress file)",
        (Lang::En, DeadlineState::SentOnTime) => "sent on time",
        (Lang::En, DeadlineState::SentLate) => "sent late",
        (Lang::En, DeadlineState::Open) => "not sent yet",
        (Lang::En, DeadlineState::Overdue) => "overdue, not sent",
    }
}

/// `còn 16 ngày` / `quá hạn 3 ngày`; `16 days left` / `3 days late`.
pub fn days(lang: Lang, days_left: i64) -> String {
    match (lang, days_left >= 0) {
        (Lang::Vi, true) => format!("còn {days_left} ngày"),
        (Lang::Vi, false) => format!("quá {} ngày", -days_left),
        (Lang::En, true) if days_left == 1 => "1 day left".to_owned(),
        (Lang::En, true) => format!("{days_left} days left"),
        (Lang::En, false) if days_left == -1 => "1 day past".to_owned(),
        (Lang::En, false) => format!("{} days past", -days_left),
    }
}

pub fn report_kind(lang: Lang, kind: &str) -> &'static str {
    let l = labels(lang);
    if kind == "half-year" { l.half_year_report } else { l.annual_report }
}

/// The period line: `6 tháng đầu năm 2019 — số liệu từ 15/12/2018 đến 14/6/2019`. `from` is
/// the start of the data window, when the report has one.
pub fn period(lang: Lang, kind: PeriodKind, year: i32, from: Option<&str>, to: &str) -> String {
    let window = |vi: bool| match (from, vi) {
        (Some(from), true) => format!("số liệu từ {from} đến {to}"),
        (None, true) => format!("số liệu đến {to}"),
        (Some(from), false) => format!("data from {from} to {to}"),
        (None, false) => format!("data to {to}"),
    };
    match (lang, kind) {
        (Lang::Vi, PeriodKind::HalfYear) => format!("6 tháng đầu năm {year} — {}", window(true)),
        (Lang::Vi, PeriodKind::Annual) => format!("năm {year} — {}", window(true)),
        (Lang::Vi, PeriodKind::AsOf) if from.is_some() => format!("đến ngày {to} — {}", window(true)),
        (Lang::Vi, PeriodKind::AsOf) => format!("đến ngày {to}"),
        (Lang::En, PeriodKind::HalfYear) => format!("first half of {year} — {}", window(false)),
        (Lang::En, PeriodKind::Annual) => format!("year {year} — {}", window(false)),
        (Lang::En, PeriodKind::AsOf) if from.is_some() => format!("as of {to} — {}", window(false)),
        (Lang::En, PeriodKind::AsOf) => format!("as of {to}"),
    }
}

/// `hạn gửi: trước 30/6/2019 (chậm nhất 29/6/2019)`.
pub fn due(lang: Lang, due_before: &str, last_day: &str) -> String {
    match lang {
        Lang::Vi => format!("hạn gửi: trước {due_before} (chậm nhất {last_day})"),
        Lang::En => format!("due before {due_before} (last day {last_day})"),
    }
}

/// A document cited as legal basis, as running text cites it: `Quyết định số 1322/QĐ-TTg
/// ngày 10/9/2021 của Thủ tướng Chính phủ về …`. `date` is the date already formatted.
pub fn citation(lang: Lang, c: &crate::report::Citation, date: Option<&str>) -> String {
    let mut out = match (lang, c.kind) {
        (Lang::Vi, Some(kind)) => kind.name_vi().to_owned(),
        (Lang::Vi, None) => "Văn bản".to_owned(),
        (Lang::En, Some(kind)) => kind.name_en().to_owned(),
        (Lang::En, None) => "Document".to_owned(),
    };
    if let Some(number) = &c.number {
        out.push_str(if lang == Lang::Vi { " số " } else { " " });
        out.push_str(number);
    }
    if let Some(date) = date {
        out.push_str(if lang == Lang::Vi { " ngày " } else { " of " });
        out.push_str(date);
    }
    if let Some(issuer) = &c.issuer {
        out.push_str(if lang == Lang::Vi { " của " } else { " by " });
        out.push_str(issuer);
    }
    if let Some(title) = &c.title {
        out.push_str(if lang == Lang::Vi { " về " } else { ": " });
        out.push_str(title);
    }
    out
}

/// `Quyết định số 1186/QĐ-UBND ngày 16/5/2016`, `Kế hoạch số 33/KH-UBND …`: the parent
/// document named by its kind.
pub fn decision(lang: Lang, kind: DocumentKind, number: &str, date: Option<&str>) -> String {
    match (lang, date) {
        (Lang::Vi, Some(d)) => format!("{} số {number} ngày {d}", kind.name_vi()),
        (Lang::Vi, None) => format!("{} số {number}", kind.name_vi()),
        (Lang::En, Some(d)) => format!("{} {number} of {d}", kind.name_en()),
        (Lang::En, None) => format!("{} {number}", kind.name_en()),
    }
}

/// A source of funds by its name in a report.
pub fn fund_source(lang: Lang, source: crate::model::FundSource) -> &'static str {
    use crate::model::FundSource;
    match (lang, source) {
        (Lang::Vi, s) => s.name_vi(),
        (Lang::En, FundSource::TrungUong) => "Central budget",
        (Lang::En, FundSource::DiaPhuong) => "Local budget",
        (Lang::En, FundSource::NhaNuoc) => "State budget",
        (Lang::En, FundSource::DoanhNghiep) => "Enterprises' contribution",
        (Lang::En, FundSource::Khac) => "Other sources",
    }
}

/// A support rule as a report says it: `hỗ trợ 50 %, tối đa 65 triệu đồng/hệ thống` (the
/// cap already written in the report's unit, `cap`); `None` when the rule gives neither a
/// rate nor a cap.
pub fn support(lang: Lang, rate: Option<&str>, cap: Option<&str>, per: Option<&str>) -> Option<String> {
    let per = per.map(|p| format!("/{p}")).unwrap_or_default();
    let (rate, cap) = match lang {
        Lang::Vi => (rate.map(|r| format!("hỗ trợ {r} %")), cap.map(|c| format!("tối đa {c}{per}"))),
        Lang::En => (rate.map(|r| format!("support {r}%")), cap.map(|c| format!("at most {c}{per}"))),
    };
    match (rate, cap) {
        (Some(r), Some(c)) => Some(format!("{r}, {c}")),
        (one, other) => one.or(other),
    }
}
