//! Every table and key of the three kinds of file, in the order the lowering reads them.

use super::{Key, Table, Ty};

const fn key(name: &'static str, ty: Ty, required: bool, vi: &'static str, en: &'static str) -> Key {
    Key { name, ty, required, vi, en }
}

const REPORT_KINDS: &[&str] = &crate::model::ReportKind::NAMES;

// ---- decision ----

const PERIOD: Table = Table {
    vi: "Giai đoạn thực hiện: từ năm, đến năm (tính cả hai năm).",
    en: "The years the project covers, both included.",
    keys: &[
        key("from", Ty::Year, true, "Năm bắt đầu.", "The first year."),
        key("to", Ty::Year, true, "Năm kết thúc.", "The last year."),
    ],
};

/// `kind` of a parent or cited document (`model::DocumentKind`).
pub(super) const DOCUMENT_KINDS: &[&str] = &["quyet-dinh", "ke-hoach", "chuong-trinh", "de-an", "du-an", "nghi-quyet"];
/// `money-unit` (`money::Unit`).
pub(super) const MONEY_UNITS: &[&str] = &["đồng", "nghìn đồng", "triệu đồng", "tỷ đồng"];
/// `money-unit`, the same key in every table that holds money.
const MONEY_UNIT: Key = key(
    "money-unit",
    Ty::OneOf(MONEY_UNITS),
    false,
    "Đơn vị tiền của các số tiền trong bảng này và các bảng con (mặc định: đồng).",
    "The unit this table's amounts, and its tables', are written in (default: đồng).",
);

const REFERENCE: Table = Table {
    vi: "Một văn bản làm căn cứ (số, ngày, cơ quan ban hành, trích yếu).",
    en: "A document cited as legal basis (number, date, issuer, title).",
    keys: &[
        key(
            "kind",
            Ty::OneOf(DOCUMENT_KINDS),
            false,
            "Loại văn bản; mặc định theo ký hiệu của số.",
            "The document's kind; by default, what its number's symbol says.",
        ),
        key("number", Ty::Text, false, "Số, ký hiệu (1322/QĐ-TTg).", "Its number (1322/QĐ-TTg)."),
        key("date", Ty::Date, false, "Ngày ban hành.", "The day it was issued."),
        key("issuer", Ty::Text, false, "Cơ quan ban hành.", "Who issued it."),
        key("title", Ty::Text, false, "Trích yếu.", "What it is about."),
    ],
};

const DECISION_HEAD: Table = Table {
    vi: "Quyết định phê duyệt đề án/dự án nhiều năm.",
    en: "A multi-year project decision.",
    keys: &[
        key(
            "kind",
            Ty::OneOf(DOCUMENT_KINDS),
            false,
            "Loại văn bản: quyet-dinh (mặc định), ke-hoach, chuong-trinh, de-an, du-an, nghi-quyet.",
            "The document's kind: quyet-dinh (the default), ke-hoach, chuong-trinh, de-an, du-an, nghi-quyet.",
        ),
        key(
            "number",
            Ty::Text,
            true,
            "Số quyết định, như kế hoạch trích dẫn (1186/QĐ-UBND).",
            "The decision's number, as plans cite it (1186/QĐ-UBND).",
        ),
        key("date", Ty::Date, true, "Ngày ký.", "The day it was signed."),
        key(
            "issuer",
            Ty::Text,
            false,
            "Cơ quan ban hành (mã, tên hoặc tên viết tắt).",
            "Who issued it (an agency's id, name or alias).",
        ),
        key("title", Ty::Text, true, "Tên đề án/dự án.", "The project's title."),
        key(
            "programme",
            Ty::Table(&REFERENCE),
            false,
            "Chương trình quốc gia mà văn bản thực hiện (1322/QĐ-TTg).",
            "The national programme it implements (1322/QĐ-TTg).",
        ),
        key(
            "period",
            Ty::Table(&PERIOD),
            true,
            "Giai đoạn thực hiện { from, to }.",
            "The years the project covers { from, to }.",
        ),
        key("lead", Ty::Text, false, "Cơ quan chủ trì.", "The lead agency."),
        key("funding-sources", Ty::Strings, false, "Nguồn kinh phí.", "Where the money comes from."),
        MONEY_UNIT,
        key(
            "budget",
            Ty::Money,
            false,
            "Tổng kinh phí cả giai đoạn (đồng).",
            "The envelope for the whole period (đồng).",
        ),
        key(
            "budget-by-source",
            Ty::SourceMap,
            false,
            "Kinh phí theo nguồn: trung-uong, dia-phuong, nha-nuoc, doanh-nghiep, khac = số tiền.",
            "The envelope by source of funds: trung-uong, dia-phuong, nha-nuoc, doanh-nghiep, khac = amount.",
        ),
        key(
            "budget-by-year",
            Ty::AmountMap { years: true },
            false,
            "Kinh phí từng năm: năm = số tiền.",
            "The envelope per year: year = amount.",
        ),
    ],
};

const RULE: Table = Table {
    vi: "Quy định thời hạn một loại báo cáo định kỳ.",
    en: "When one periodic report is due and up to when its data runs.",
    keys: &[
        key(
            "due-before",
            Ty::MonthDay,
            false,
            "Gửi trước ngày này hằng năm (\"MM-DD\").",
            "Sent before this day each year (\"MM-DD\").",
        ),
        key(
            "cut-off",
            Ty::MonthDay,
            false,
            "Ngày chốt số liệu hằng năm (\"MM-DD\").",
            "The last day of data each year (\"MM-DD\").",
        ),
    ],
};

const REPORTING: Table = Table {
    vi: "Chế độ báo cáo định kỳ (mặc định theo Nghị định 09/2019/NĐ-CP).",
    en: "The periodic reporting rules (defaults from Decree 09/2019/NĐ-CP).",
    keys: &[
        key("half-year", Ty::Table(&RULE), false, "Báo cáo 6 tháng.", "The half-year report."),
        key("annual", Ty::Table(&RULE), false, "Báo cáo năm.", "The annual report."),
    ],
};

const AGENCY: Table = Table {
    vi: "Một cơ quan, đơn vị mà các tham chiếu trỏ tới.",
    en: "An agency that references resolve against.",
    keys: &[
        key("id", Ty::Id, true, "Mã cơ quan, duy nhất (chữ thường, nối bằng -).", "Unique id (ASCII kebab-case)."),
        key("name", Ty::Text, true, "Tên đầy đủ.", "The full name."),
        key(
            "aliases",
            Ty::Strings,
            false,
            "Tên khác: viết tắt, tên cũ.",
            "Other names in use: abbreviations, older names.",
        ),
        key("parent", Ty::Text, false, "Cơ quan cấp trên.", "The agency it belongs to."),
    ],
};

const ITEM: Table = Table {
    vi: "Một nội dung của đề án, được các hoạt động hằng năm thực hiện.",
    en: "A content item of the project, which yearly activities implement.",
    keys: &[
        key("id", Ty::Id, true, "Mã nội dung, duy nhất.", "Unique id."),
        key("group", Ty::Id, false, "Nhóm nội dung.", "The content area it belongs to."),
        key("name", Ty::Text, true, "Tên nội dung.", "What the item is."),
        key("unit", Ty::Text, false, "Đơn vị tính của chỉ tiêu.", "What its target counts."),
        key(
            "target",
            Ty::Target(&TARGET),
            false,
            "Chỉ tiêu cả giai đoạn: một số, hoặc { at-least | about | from, to | count, each-year }.",
            "The target for the whole period: a count, or { at-least | about | from, to | count, each-year }.",
        ),
        key(
            "stage",
            Ty::Tables(&STAGE),
            false,
            "Chỉ tiêu cho từng giai đoạn con hoặc tầm nhìn (2021–2025, 2026–2030).",
            "Targets for parts of the period, or beyond it (2021–2025, 2026–2030).",
        ),
        key(
            "support",
            Ty::Table(&SUPPORT),
            false,
            "Mức hỗ trợ (tỷ lệ, mức tối đa cho mỗi đơn vị).",
            "The support rule (rate, cap per unit).",
        ),
    ],
};

/// How a target is meant; exactly one of `count`, `at-least`, `about`, `from`/`to`.
const TARGET: Table = Table {
    vi: "Chỉ tiêu như văn bản ghi: đúng số, tối thiểu, khoảng, từ … đến …, mỗi năm.",
    en: "A target as the document writes it: a count, a minimum, approximate, a range, each year.",
    keys: &[
        key("count", Ty::Amount, false, "Đúng số này (06 hội thảo).", "Exactly this many (06 hội thảo)."),
        key("at-least", Ty::Amount, false, "Tối thiểu, ít nhất (tối thiểu 100).", "A minimum (tối thiểu 100)."),
        key("about", Ty::Amount, false, "Khoảng (khoảng 600).", "Approximately (khoảng 600)."),
        key(
            "tolerance",
            Ty::Amount,
            false,
            "Sai lệch cho phép của chỉ tiêu “khoảng”, phần trăm (mặc định 10).",
            "The deviation an approximate target allows, in percent (default 10).",
        ),
        key("from", Ty::Amount, false, "Đầu dưới của khoảng (2–3: 2).", "A range's lower end (2–3: 2)."),
        key("to", Ty::Amount, false, "Đầu trên của khoảng (2–3: 3).", "A range's upper end (2–3: 3)."),
        key(
            "each-year",
            Ty::Bool,
            false,
            "Chỉ tiêu cho mỗi năm, không phải tổng cả giai đoạn.",
            "The target holds for each year, not for the period's sum.",
        ),
    ],
};

const STAGE: Table = Table {
    vi: "Chỉ tiêu của một nội dung cho một số năm (giai đoạn con, tầm nhìn).",
    en: "An item's target for some years (a sub-period, or a vision beyond the period).",
    keys: &[
        key("from", Ty::Year, true, "Năm bắt đầu.", "The first year."),
        key("to", Ty::Year, true, "Năm kết thúc.", "The last year."),
        key(
            "target",
            Ty::Target(&TARGET),
            false,
            "Chỉ tiêu của giai đoạn: một số, hoặc { at-least | about | from, to | count, each-year }.",
            "The stage's target: a count, or { at-least | about | from, to | count, each-year }.",
        ),
    ],
};

const SUPPORT: Table = Table {
    vi: "Mức hỗ trợ cho một doanh nghiệp, theo văn bản quy định (như nghị quyết HĐND tỉnh).",
    en: "What the programme pays one enterprise, as the document that sets it says.",
    keys: &[
        MONEY_UNIT,
        key(
            "rate",
            Ty::Amount,
            false,
            "Tỷ lệ hỗ trợ, phần trăm kinh phí (50).",
            "The share of the cost paid, in percent (50).",
        ),
        key("cap", Ty::Money, false, "Mức hỗ trợ tối đa cho mỗi đơn vị.", "The most paid for one unit."),
        key("per", Ty::Text, false, "Đơn vị được hỗ trợ (hệ thống).", "The unit the cap is for (hệ thống)."),
        key("basis", Ty::Text, false, "Văn bản quy định mức hỗ trợ.", "The document that sets the rule."),
    ],
};

pub const DECISION: Table = Table {
    vi: "Tệp quyết định.",
    en: "A decision file.",
    keys: &[
        key("decision", Ty::Table(&DECISION_HEAD), true, "Quyết định.", "The decision."),
        key("reporting", Ty::Table(&REPORTING), false, "Chế độ báo cáo.", "Reporting rules."),
        key("basis", Ty::Tables(&REFERENCE), false, "Căn cứ pháp lý.", "The documents it cites."),
        key("agency", Ty::Tables(&AGENCY), false, "Danh sách cơ quan.", "The agencies."),
        key("item", Ty::Tables(&ITEM), false, "Các nội dung của đề án.", "The project's items."),
    ],
};

// ---- plan ----

const DECISION_REF: Table = Table {
    vi: "Quyết định mà kế hoạch thực hiện.",
    en: "The decision the plan implements.",
    keys: &[
        key("number", Ty::Text, true, "Số quyết định.", "The decision's number."),
        key("date", Ty::Date, true, "Ngày ký quyết định.", "The day it was signed."),
        key(
            "file",
            Ty::Text,
            false,
            "Tệp quyết định, đường dẫn tương đối.",
            "The decision file, relative to this file.",
        ),
    ],
};

const PLAN_HEAD: Table = Table {
    vi: "Kế hoạch thực hiện một năm.",
    en: "One year's implementation plan.",
    keys: &[
        key("title", Ty::Text, true, "Tên kế hoạch.", "The plan's title."),
        key("year", Ty::Year, true, "Năm kế hoạch (năm ngân sách).", "The budget year it plans."),
        key("number", Ty::Text, false, "Số kế hoạch.", "The plan's own number."),
        key("date", Ty::Date, false, "Ngày ban hành.", "The day the plan was issued."),
        key("issuer", Ty::Text, false, "Cơ quan ban hành.", "Who issued it."),
        key(
            "decision",
            Ty::Table(&DECISION_REF),
            true,
            "Quyết định được thực hiện { number, date, file }.",
            "The decision it implements { number, date, file }.",
        ),
        key(
            "purposes",
            Ty::Strings,
            false,
            "Mục đích, yêu cầu (mục I), mỗi đoạn một mục.",
            "Section I, the plan's purposes, one item a paragraph.",
        ),
        key(
            "recipients",
            Ty::Strings,
            false,
            "Nơi nhận: cơ quan, hoặc \"Như tổ chức thực hiện\".",
            "Who the plan is sent to: agencies, or \"Như tổ chức thực hiện\" (the units of section III).",
        ),
        key(
            "recipients-internal",
            Ty::Strings,
            false,
            "Nơi nhận trong nội bộ cơ quan ban hành (LĐVP, CVVHXH).",
            "Recipients inside the issuing office, its staff.",
        ),
        key(
            "archive",
            Ty::Text,
            false,
            "Dòng lưu (Lưu: VT, …), không phải nơi nhận.",
            "The archive line (Lưu: …), not a recipient.",
        ),
    ],
};

const TASK: Table = Table {
    vi: "Một nhiệm vụ của đơn vị; có id thì theo dõi được bằng các mốc.",
    en: "A task of the unit; one with an id is followed by milestones.",
    keys: &[
        key("id", Ty::Id, false, "Mã nhiệm vụ, để các mốc tham chiếu.", "The task's id, for milestones to name."),
        key("text", Ty::Text, true, "Nội dung nhiệm vụ như văn bản ghi.", "The task as the document words it."),
    ],
};

const RESPONSIBILITY: Table = Table {
    vi: "Tổ chức thực hiện (mục III): nhiệm vụ của một đơn vị.",
    en: "Section III: one unit's part in carrying out the plan.",
    keys: &[
        key("section", Ty::Text, false, "Mục trong văn bản (III.1).", "Where it stands in the document (III.1)."),
        key("unit", Ty::Text, true, "Đơn vị, như văn bản ghi.", "The unit, as the document names it."),
        key("task", Ty::Tables(&TASK), false, "Các nhiệm vụ.", "Its tasks."),
    ],
};

const ACTIVITY: Table = Table {
    vi: "Một hoạt động của kế hoạch, theo thứ tự trong văn bản.",
    en: "An activity of the plan, in document order.",
    keys: &[
        key(
            "id",
            Ty::Id,
            true,
            "Mã hoạt động, duy nhất trong kế hoạch.",
            "Unique in the plan; progress files refer to it.",
        ),
        key("section", Ty::Text, false, "Mục trong văn bản (II.2.a).", "Where it stands in the document (II.2.a)."),
        key(
            "item",
            Ty::Id,
            false,
            "Nội dung của quyết định được thực hiện; mặc định là id.",
            "The decision item it implements; defaults to id.",
        ),
        key("name", Ty::Text, true, "Tên hoạt động như văn bản ghi.", "The activity as the document words it."),
        key(
            "target",
            Ty::Target(&TARGET),
            false,
            "Chỉ tiêu: một số, hoặc { at-least | about | from, to | count, each-year }.",
            "The target: a count, or { at-least | about | from, to | count, each-year }.",
        ),
        key("unit", Ty::Text, false, "Đơn vị tính.", "What the target counts."),
        key("lead", Ty::Text, false, "Đơn vị chủ trì.", "The lead unit."),
        key("partners", Ty::Strings, false, "Đơn vị phối hợp.", "The coordinating units."),
        key(
            "partners-open",
            Ty::Bool,
            false,
            "true khi danh sách phối hợp kết thúc bằng \"…\".",
            "true when the document's list of partners ends with \"…\".",
        ),
        key(
            "breakdown",
            Ty::AmountMap { years: false },
            false,
            "Các phần cộng thành chỉ tiêu: phần = số lượng, hoặc phần = { count, name }.",
            "Parts that make up the target: part = count, or part = { count, name }.",
        ),
        key("due", Ty::Date, false, "Thời hạn hoàn thành.", "When the activity is due."),
    ],
};

const BUDGET_LINE: Table = Table {
    vi: "Một dòng của phụ lục kinh phí.",
    en: "A line of the budget appendix.",
    keys: &[
        key("id", Ty::Id, true, "Mã dòng, duy nhất.", "Unique id."),
        key("activity", Ty::Text, false, "Mã hoạt động.", "The activity's id."),
        key("amount", Ty::Money, true, "Số tiền (đồng).", "The amount (đồng)."),
        key("note", Ty::Text, false, "Ghi chú.", "A note."),
    ],
};

const BUDGET: Table = Table {
    vi: "Kinh phí thực hiện kế hoạch.",
    en: "The plan's budget.",
    keys: &[
        MONEY_UNIT,
        key(
            "total",
            Ty::Money,
            true,
            "Tổng kinh phí bằng số (đồng), lớn hơn 0.",
            "The budget in figures (đồng), more than zero.",
        ),
        key(
            "by-source",
            Ty::SourceMap,
            false,
            "Kinh phí theo nguồn: trung-uong, dia-phuong, nha-nuoc, doanh-nghiep, khac = số tiền.",
            "The total by source of funds: trung-uong, dia-phuong, nha-nuoc, doanh-nghiep, khac = amount.",
        ),
        key(
            "in-words",
            Ty::Text,
            false,
            "Số tiền bằng chữ, như văn bản ghi.",
            "The amount in words as the document writes it.",
        ),
        key("source", Ty::Text, false, "Nguồn kinh phí.", "The funding source."),
        key("line", Ty::Tables(&BUDGET_LINE), false, "Phụ lục kinh phí.", "The budget appendix."),
    ],
};

const REPORT: Table = Table {
    vi: "Một báo cáo định kỳ phải gửi.",
    en: "A periodic report due.",
    keys: &[
        key(
            "kind",
            Ty::OneOf(REPORT_KINDS),
            true,
            "Loại báo cáo: half-year (6 tháng) hoặc annual (năm).",
            "Which report: half-year or annual.",
        ),
        key("due-before", Ty::Date, true, "Gửi trước ngày này.", "Sent before this day."),
        key("cut-off", Ty::Date, false, "Ngày chốt số liệu.", "The last day of data."),
        key("from", Ty::Text, false, "Đơn vị gửi.", "Who sends it."),
        key("to", Ty::Text, false, "Nơi nhận.", "Who receives it."),
    ],
};

pub const PLAN: Table = Table {
    vi: "Tệp kế hoạch.",
    en: "A plan file.",
    keys: &[
        key("plan", Ty::Table(&PLAN_HEAD), true, "Kế hoạch.", "The plan."),
        key(
            "basis",
            Ty::Tables(&REFERENCE),
            false,
            "Căn cứ pháp lý ngoài quyết định.",
            "The documents it cites besides its decision.",
        ),
        key("responsibility", Ty::Tables(&RESPONSIBILITY), false, "Tổ chức thực hiện.", "Section III."),
        key("activity", Ty::Tables(&ACTIVITY), false, "Các hoạt động.", "The activities."),
        key("budget", Ty::Table(&BUDGET), false, "Kinh phí.", "The budget."),
        key("report", Ty::Tables(&REPORT), false, "Các báo cáo định kỳ.", "The periodic reports."),
    ],
};

// ---- progress ----

const PROGRESS_HEAD: Table = Table {
    vi: "Tiến độ thực hiện một kế hoạch.",
    en: "Progress recorded against a plan.",
    keys: &[
        key("plan", Ty::Text, true, "Tệp kế hoạch, đường dẫn tương đối.", "The plan file, relative to this file."),
        MONEY_UNIT,
    ],
};

const ACHIEVEMENT: Table = Table {
    vi: "Khối lượng đạt được.",
    en: "What was achieved.",
    keys: &[
        key("activity", Ty::Text, true, "Mã hoạt động.", "The activity's id."),
        key("part", Ty::Text, false, "Phần của breakdown được tính.", "The breakdown part it counts toward."),
        key("date", Ty::Date, true, "Ngày đạt được.", "When it was achieved."),
        key(
            "quantity",
            Ty::Amount,
            true,
            "Số lượng, theo đơn vị tính của hoạt động.",
            "How much, in the activity's unit.",
        ),
        key("enterprise", Ty::Text, false, "Doanh nghiệp.", "The enterprise."),
        key("detail", Ty::Text, false, "Chi tiết.", "Details."),
    ],
};

const MILESTONE: Table = Table {
    vi: "Một mốc của nhiệm vụ.",
    en: "A milestone of a task.",
    keys: &[
        key("activity", Ty::Text, false, "Mã hoạt động (hoặc task).", "The activity's id (or task)."),
        key(
            "task",
            Ty::Text,
            false,
            "Mã nhiệm vụ của mục III (hoặc activity).",
            "A section III task's id (or activity).",
        ),
        key("date", Ty::Date, true, "Ngày.", "The day."),
        key(
            "status",
            Ty::OneOf(&["started", "done"]),
            true,
            "Tình trạng: started (đã bắt đầu) hoặc done (hoàn thành).",
            "started or done.",
        ),
        key("detail", Ty::Text, false, "Chi tiết.", "Details."),
    ],
};

const DISBURSEMENT: Table = Table {
    vi: "Một khoản giải ngân (cần activity hoặc line).",
    en: "A payment (needs activity or line).",
    keys: &[
        key("activity", Ty::Text, false, "Mã hoạt động.", "The activity's id."),
        key("line", Ty::Text, false, "Mã dòng kinh phí.", "The budget line's id."),
        key("date", Ty::Date, true, "Ngày giải ngân.", "The day it was paid."),
        key("amount", Ty::Money, true, "Số tiền (đồng), lớn hơn 0.", "The amount (đồng), more than zero."),
        key("voucher", Ty::Text, false, "Chứng từ.", "The payment document."),
        key("enterprise", Ty::Text, false, "Doanh nghiệp được hỗ trợ.", "The enterprise paid."),
        key(
            "source",
            Ty::OneOf(&["trung-uong", "dia-phuong", "nha-nuoc", "doanh-nghiep", "khac"]),
            false,
            "Nguồn kinh phí đã chi: trung-uong, dia-phuong, nha-nuoc, doanh-nghiep hoặc khac.",
            "The source of funds it was paid from: trung-uong, dia-phuong, nha-nuoc, doanh-nghiep or khac.",
        ),
    ],
};

const SUBMISSION: Table = Table {
    vi: "Một báo cáo đã gửi.",
    en: "A report that was sent.",
    keys: &[
        key(
            "report",
            Ty::OneOf(REPORT_KINDS),
            true,
            "Loại báo cáo: half-year hoặc annual.",
            "Which report: half-year or annual.",
        ),
        key("date", Ty::Date, true, "Ngày gửi.", "When it was sent."),
        key("number", Ty::Text, false, "Số báo cáo.", "The report's number."),
    ],
};

pub const PROGRESS: Table = Table {
    vi: "Tệp tiến độ.",
    en: "A progress file.",
    keys: &[
        key("progress", Ty::Table(&PROGRESS_HEAD), true, "Tiến độ.", "The progress file's head."),
        key("achievement", Ty::Tables(&ACHIEVEMENT), false, "Khối lượng đạt được.", "Achievements."),
        key("milestone", Ty::Tables(&MILESTONE), false, "Các mốc.", "Milestones."),
        key("disbursement", Ty::Tables(&DISBURSEMENT), false, "Giải ngân.", "Disbursements."),
        key("submission", Ty::Tables(&SUBMISSION), false, "Báo cáo đã gửi.", "Reports sent."),
    ],
};
