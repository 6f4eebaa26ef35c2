//! `--format docx`: the report as it is sent, a Word document laid out as Decree
//! 30/2020/NĐ-CP, Appendix I, lays out an administrative report (docs/reports.md).
//!
//! The document is `WordprocessingML` written here and zipped with `zip`: the decree fixes
//! every element (a borderless header table, the page-number header from page 2, fixed
//! table columns, rows that do not split), and writing the XML ourselves keeps each of
//! them exact and the bytes the same from run to run, which the snapshot tests rely on.

use std::fmt::Write as _;
use std::io::{Seek, Write};

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::Deserialize;

use crate::model::{Agency, AgencyIndex, ReportKind, fold_name};
use crate::money::format_vi;
use crate::report::{PeriodKind, ProgressRow, Report, Status};
use crate::workspace::PlanSet;

/// Who sends the report to whom: what the view model does not carry, taken from the plan
/// and the decision's agency registry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Letterhead {
    /// The superior body, as the header writes it: `UBND TỈNH TÂY NINH`.
    pub superior: String,
    /// The issuing body's full name: `Sở Khoa học và Công nghệ`.
    pub issuer: String,
    /// The issuing body's symbol in the number: `SKHCN`.
    pub symbol: String,
    /// The addressee of `Kính gửi:`, its full name.
    pub to: Option<String>,
    /// The place in `Tây Ninh, ngày …`.
    pub place: Option<String>,
    /// Nơi nhận after `- Như trên;`.
    pub recipients: Vec<String>,
    /// The plan's issuer, cited in the opening ("… của Ủy ban nhân dân tỉnh Tây Ninh").
    pub plan_issuer: Option<String>,
}

impl Letterhead {
    /// The letterhead of `kind`'s report of a plan: `from` and `to` of its `[[report]]`
    /// entry, resolved in the decision's registry; the superior is the issuer's `parent`
    /// there, else the body that issued the plan (a department reports to the committee that
    /// gave it the plan).
    pub fn of(set: &PlanSet<'_>, kind: PeriodKind) -> Self {
        let plan = set.plan;
        let wanted = match kind {
            PeriodKind::Annual => ReportKind::Annual,
            PeriodKind::HalfYear | PeriodKind::AsOf => ReportKind::HalfYear,
        };
        let due = plan.reports.iter().find(|r| r.kind.value == wanted).or_else(|| plan.reports.first());
        let agencies: &[Agency] = set.decision.map(|d| d.agencies.as_slice()).unwrap_or_default();
        let (index, _) = AgencyIndex::build(agencies);
        let find = |name: &str| index.resolve(name).and_then(|i| agencies.get(i));
        let plan_issuer = plan.issuer.as_ref().map(|i| i.value.clone());
        let from_text = due.and_then(|d| d.from.as_ref()).map(|f| f.value.clone());
        let from_agency = from_text.as_deref().and_then(find);
        let issuer = from_agency.map(|a| a.name.value.clone()).or(from_text).unwrap_or_default();
        let superior_name = from_agency
            .and_then(|a| a.parent.as_ref())
            .and_then(|p| find(&p.value))
            .map(|a| a.name.value.clone())
            .or_else(|| plan_issuer.clone())
            .unwrap_or_default();
        let to = due
            .and_then(|d| d.to.as_ref())
            .map(|t| find(&t.value).map_or_else(|| t.value.clone(), |a| a.name.value.clone()));
        Self {
            superior: header_name(&superior_name),
            symbol: symbol(&issuer),
            issuer,
            to,
            place: place(&superior_name),
            // As the plan writes them, but an agency's id becomes its name.
            recipients: plan
                .recipients
                .iter()
                .map(|r| match find(&r.value) {
                    Some(a) if a.id.value == r.value => a.name.value.clone(),
                    _ => r.value.clone(),
                })
                .collect(),
            plan_issuer,
        }
    }
}

/// `Ủy ban nhân dân tỉnh Tây Ninh` → `UBND TỈNH TÂY NINH`, as headers shorten it.
fn header_name(name: &str) -> String {
    let long = "ủy ban nhân dân";
    let key = fold_name(name);
    let words: Vec<&str> = name.split_whitespace().collect();
    let short = if key.starts_with(&fold_name(long)) {
        let rest = words.get(4..).unwrap_or_default().join(" ");
        format!("UBND {rest}")
    } else {
        words.join(" ")
    };
    short.trim().to_uppercase()
}

/// The initials of a body's name, without `và`: `Sở Khoa học và Công nghệ` → `SKHCN`.
fn symbol(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| fold_name(w) != fold_name("và"))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The place of a provincial body: what follows `tỉnh` (`Tây Ninh`).
fn place(superior: &str) -> Option<String> {
    let words: Vec<&str> = superior.split_whitespace().collect();
    let is = |w: &str, word: &str| fold_name(w) == fold_name(word);
    let at = words.iter().position(|w| is(w, "tỉnh") || is(w, "thành"))?;
    let rest = words.get(at + 1..)?;
    // `thành phố Hà Nội`: the place follows `phố`.
    let rest = if is(words.get(at).copied().unwrap_or_default(), "thành") { rest.get(1..)? } else { rest };
    (!rest.is_empty()).then(|| rest.join(" "))
}

/// What the analyst writes and the tool cannot know: the `--narrative` file (TOML, see
/// docs/reports.md) and the `--number`, `--date`, `--signer` options, which win over it.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Narrative {
    /// The report's number, without the symbol: `15`.
    pub number: Option<String>,
    /// The day the report is signed: a TOML date (`2019-06-26`) or the same as a string.
    #[serde(default, deserialize_with = "toml_date")]
    pub date: Option<NaiveDate>,
    /// The signer's full name.
    pub signer: Option<String>,
    /// The signing authority, one line each: `["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]`.
    pub authority: Option<Vec<String>>,
    /// The drafting unit, for `- Lưu: VT, …`.
    pub drafting_unit: Option<String>,
    /// Extra recipients after those of the plan.
    #[serde(default)]
    pub recipients: Vec<String>,
    /// Text after the figures of section I.
    pub results: Option<String>,
    /// III. Khó khăn, vướng mắc.
    pub difficulties: Option<String>,
    /// IV. Phương hướng, nhiệm vụ.
    pub next_tasks: Option<String>,
    /// V. Kiến nghị, đề xuất.
    pub requests: Option<String>,
}

/// A TOML local date, or a `YYYY-MM-DD` string.
fn toml_date<'de, D: serde::Deserializer<'de>>(de: D) -> Result<Option<NaiveDate>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Day {
        Toml(toml::value::Datetime),
        Text(String),
    }
    let text = match Day::deserialize(de)? {
        Day::Toml(d) => d.to_string(),
        Day::Text(t) => t,
    };
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map(Some)
        .map_err(|_| serde::de::Error::custom(format!("`{text}` is not a date (YYYY-MM-DD)")))
}

impl Narrative {
    pub fn parse(text: &str) -> Result<Self, toml::de::Error> {
        toml::from_str(text)
    }
}

/// Twips (1/20 pt) per millimetre, rounded: 1 mm = 56.7 twips.
const fn mm(value: u32) -> u32 {
    value * 567 / 10
}

/// The page: A4, margins top 20, bottom 20, left 30, right 15 mm.
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const MARGIN_L: u32 = 1701;
const MARGIN_R: u32 = 850;
/// The text width: 165 mm.
const TEXT_W: u32 = PAGE_W - MARGIN_L - MARGIN_R;

/// Writes the report as a .docx file.
pub fn render_docx<W: Write + Seek>(
    out: W,
    report: &Report,
    head: &Letterhead,
    text: &Narrative,
) -> anyhow::Result<()> {
    let document = document_xml(report, head, text);
    let mut zip = zip::ZipWriter::new(out);
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, body) in [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/styles.xml", STYLES),
        ("word/settings.xml", SETTINGS),
        ("word/header1.xml", HEADER),
        ("word/document.xml", document.as_str()),
    ] {
        zip.start_file(name, options)?;
        zip.write_all(body.as_bytes())?;
    }
    zip.finish()?;
    Ok(())
}

/// The body of `word/document.xml`.
pub fn document_xml(report: &Report, head: &Letterhead, text: &Narrative) -> String {
    let mut x = Xml::default();
    x.raw(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#);
    x.raw(r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#);
    header_block(&mut x, report, head, text);
    title(&mut x, report);
    if let Some(to) = &head.to {
        x.para(
            &Para::center().before(240).after(120),
            &[Run::new("Kính gửi: ").size(28), Run::new(&format!("{to}.")).size(28)],
        );
    }
    body(&mut x, report, head, text);
    closing(&mut x, head, text);
    x.raw(&format!(
        r#"<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/><w:pgMar w:top="{top}" w:right="{MARGIN_R}" w:bottom="{top}" w:left="{MARGIN_L}" w:header="567" w:footer="567" w:gutter="0"/><w:titlePg/></w:sectPr>"#,
        top = mm(20)
    ));
    x.raw("</w:body></w:document>");
    x.0
}

/// The period as a summary names it: `6 tháng đầu năm 2019`, `năm 2019`.
fn period_phrase(report: &Report) -> String {
    match report.period {
        PeriodKind::HalfYear => format!("6 tháng đầu năm {}", report.plan.year),
        PeriodKind::Annual => format!("năm {}", report.plan.year),
        PeriodKind::AsOf => format!("năm {} (đến ngày {})", report.plan.year, date(report.as_of)),
    }
}

/// The plan as the summary names it: `Kế hoạch dự án “…”`, without the year the period
/// already says.
fn plan_phrase(report: &Report) -> String {
    let title = report.plan.title.trim();
    let title =
        title.strip_prefix("Kế hoạch thực hiện ").map_or_else(|| title.to_owned(), |rest| format!("Kế hoạch {rest}"));
    let year = format!(" năm {}", report.plan.year);
    title.strip_suffix(year.as_str()).map_or_else(|| title.clone(), str::to_owned)
}

fn date(day: NaiveDate) -> String {
    format!("{}/{}/{}", day.day(), day.month(), day.year())
}

/// `ngày 26 tháng 6 năm 2019`, `ngày 05 tháng 01 năm 2020`; blanks without a date.
fn long_date(day: Option<NaiveDate>) -> String {
    match day {
        Some(d) => {
            let month = if d.month() <= 2 { format!("{:02}", d.month()) } else { d.month().to_string() };
            format!("ngày {:02} tháng {month} năm {}", d.day(), d.year())
        }
        None => "ngày … tháng … năm …".to_owned(),
    }
}

fn header_block(x: &mut Xml, report: &Report, head: &Letterhead, text: &Narrative) {
    let left = mm(72);
    let right = TEXT_W - left;
    x.raw(&format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="{TEXT_W}" w:type="dxa"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w="{left}"/><w:gridCol w:w="{right}"/></w:tblGrid><w:tr>"#
    ));
    x.raw(&format!(r#"<w:tc><w:tcPr><w:tcW w:w="{left}" w:type="dxa"/></w:tcPr>"#));
    x.para(&Para::center().after(0), &[Run::new(&head.superior).size(24)]);
    x.para(&Para::center().after(0), &[Run::new(&head.issuer.to_uppercase()).size(24).bold()]);
    x.rule(left, mm(25));
    let number = text.number.as_deref().map_or_else(|| "…".to_owned(), two_digits);
    let symbol = if head.symbol.is_empty() { "…".to_owned() } else { head.symbol.clone() };
    x.para(&Para::center().before(120).after(0), &[Run::new(&format!("Số: {number}/BC-{symbol}")).size(26)]);
    let _ = report;
    x.raw("</w:tc>");
    x.raw(&format!(r#"<w:tc><w:tcPr><w:tcW w:w="{right}" w:type="dxa"/></w:tcPr>"#));
    x.para(&Para::center().after(0), &[Run::new("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").size(24).bold()]);
    x.para(&Para::center().after(0), &[Run::new("Độc lập - Tự do - Hạnh phúc").size(26).bold()]);
    x.rule(right, mm(60));
    let place = head.place.as_deref().unwrap_or("…");
    x.para(
        &Para::center().before(120).after(0),
        &[Run::new(&format!("{place}, {}", long_date(text.date))).size(26).italic()],
    );
    x.raw("</w:tc></w:tr></w:tbl>");
}

/// `5` → `05`: numbers under 10 take a leading zero.
fn two_digits(number: &str) -> String {
    let n = number.trim();
    if n.len() == 1 && n.chars().all(|c| c.is_ascii_digit()) { format!("0{n}") } else { n.to_owned() }
}

fn title(x: &mut Xml, report: &Report) {
    x.para(&Para::center().before(360).after(0), &[Run::new("BÁO CÁO").size(28).bold()]);
    let summary = format!("Kết quả thực hiện {} {}", plan_phrase(report), period_phrase(report));
    x.para(&Para::center().after(0), &[Run::new(&summary).size(28).bold()]);
    x.rule(TEXT_W, mm(40));
}

fn body(x: &mut Xml, report: &Report, head: &Letterhead, text: &Narrative) {
    let mut opening = format!("Thực hiện {}", report.plan.title);
    if let Some(number) = &report.plan.number {
        let _ = write!(opening, " (số {number})");
    }
    if let Some(issuer) = &head.plan_issuer {
        let _ = write!(opening, " của {issuer}");
    }
    if let Some(d) = &report.decision {
        let _ = write!(opening, ", triển khai {} số {}", d.kind.name_vi(), d.number);
        if let Some(day) = d.date {
            let _ = write!(opening, " ngày {}", date(day));
        }
        if let Some(title) = &d.title {
            let _ = write!(opening, " về {title}");
        }
    }
    let _ = write!(
        opening,
        "; {} báo cáo kết quả thực hiện {} (số liệu từ ngày {} đến ngày {}) như sau:",
        head.issuer,
        period_phrase(report),
        date(report.data.from),
        date(report.data.to)
    );
    x.body(&opening);

    x.heading("I. KẾT QUẢ THỰC HIỆN");
    results(x, report);
    if let Some(more) = &text.results {
        x.paragraphs(more);
    }
    targets_table(x, report);

    x.heading("II. KINH PHÍ");
    budget(x, report);

    for (heading, written, hint) in [
        ("III. KHÓ KHĂN, VƯỚNG MẮC", &text.difficulties, "khó khăn, vướng mắc trong kỳ báo cáo"),
        ("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ", &text.next_tasks, next_hint(report)),
        ("V. KIẾN NGHỊ, ĐỀ XUẤT", &text.requests, "kiến nghị, đề xuất với cơ quan nhận báo cáo"),
    ] {
        x.heading(heading);
        match written {
            Some(body) if !body.trim().is_empty() => x.paragraphs(body),
            _ => x.blank(hint),
        }
    }
    let who = if head.issuer.is_empty() { String::new() } else { format!(" của {}", head.issuer) };
    x.body(&format!("Trên đây là báo cáo kết quả thực hiện {} {}{who}./.", plan_phrase(report), period_phrase(report)));
}

fn next_hint(report: &Report) -> &'static str {
    match report.period {
        PeriodKind::HalfYear => "nhiệm vụ 6 tháng cuối năm",
        PeriodKind::Annual | PeriodKind::AsOf => "phương hướng, nhiệm vụ thời gian tới",
    }
}

/// Section I: per content item, its activities and what they achieved.
fn results(x: &mut Xml, report: &Report) {
    let mut item: Option<&str> = None;
    let mut n = 0;
    for row in &report.progress {
        let section = row.section.as_deref().unwrap_or("");
        if item != Some(section) {
            item = Some(section);
            n += 1;
            let name = if section.is_empty() {
                "Các hoạt động khác".to_owned()
            } else {
                format!("Nội dung {section}")
            };
            x.para(&Para::justify().indent().after(60), &[Run::new(&format!("{n}. {name}")).bold()]);
        }
        x.body(&format!("- {}: {}", row.name.trim_end_matches('.'), result_phrase(row)));
    }
}

fn result_phrase(row: &ProgressRow) -> String {
    let unit = row.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
    match (row.status, row.target) {
        (Status::NoNumber, _) | (_, None) => match &row.milestone {
            Some(m) => {
                let what = if m.status == "done" { "đã hoàn thành" } else { "đã triển khai" };
                let detail = m.detail.as_ref().map(|d| format!(" ({d})")).unwrap_or_default();
                format!("{what} ngày {}{detail}.", date(m.date))
            }
            None => "chưa có kết quả trong kỳ.".to_owned(),
        },
        (_, Some(target)) => {
            let percent = row.percent.map(|p| format!(", đạt {} % chỉ tiêu", format_vi(&p))).unwrap_or_default();
            // Breakdown parts are left out: the plan names them by ids (`giai-vang`), which
            // are not words for a reader; the activity's name says what they are.
            format!("thực hiện {}/{}{unit}{percent}.", format_vi(&row.achieved), format_vi(&target))
        }
    }
}

fn status_word(status: Status) -> &'static str {
    match status {
        Status::Done => "Hoàn thành",
        Status::InProgress => "Đang thực hiện",
        Status::NotStarted => "Chưa thực hiện",
        Status::NoNumber => "Không có chỉ tiêu số",
    }
}

/// Column widths of the targets table, in twips; they add up to the text width.
const TARGET_COLS: [u32; 7] = [680, 4082, 1134, 850, 737, 850, 1022];

fn targets_table(x: &mut Xml, report: &Report) {
    x.para(
        &Para::center().before(120).after(60).keep_next(),
        &[Run::new("Bảng 1. Chỉ tiêu và kết quả thực hiện").bold().italic()],
    );
    let mut t = Table::new(&TARGET_COLS);
    t.header(x, &["STT", "Nội dung", "Đơn vị tính", "Chỉ tiêu", "Đạt", "Tỷ lệ (%)", "Tình trạng"]);
    for (n, row) in report.progress.iter().enumerate() {
        let dash = || "—".to_owned();
        t.row(
            x,
            &[
                Cell::center(&(n + 1).to_string()),
                Cell::text(row.name.trim()),
                Cell::center(row.unit.as_deref().unwrap_or("—")),
                Cell::figure(&row.target.map_or_else(dash, |v| format_vi(&v))),
                Cell::figure(&if row.target.is_some() { format_vi(&row.achieved) } else { dash() }),
                Cell::figure(&row.percent.map_or_else(dash, |v| format_vi(&v))),
                Cell::center(status_word(row.status)),
            ],
            false,
        );
    }
    t.end(x);
}

const BUDGET_COLS: [u32; 5] = [3855, 1500, 1500, 1500, 1000];

fn budget(x: &mut Xml, report: &Report) {
    let Some(b) = &report.budget else {
        x.body("Kế hoạch không ghi kinh phí.");
        return;
    };
    let words = |v: Decimal| {
        u128::try_from(v.trunc())
            .ok()
            .and_then(|n| crate::words::write_amount(n, &crate::words::Style::default()).ok())
            .unwrap_or_default()
    };
    x.body(&format!("- Tổng kinh phí: {} đồng (bằng chữ: {}).", format_vi(&b.total), lower_first(&b.in_words)));
    if let Some(source) = &b.source {
        x.body(&format!("- Nguồn kinh phí: {}.", source.trim_end_matches('.')));
    }
    let percent = b.percent.map(|p| format!(", đạt {} % kế hoạch", format_vi(&p))).unwrap_or_default();
    x.body(&format!(
        "- Đã giải ngân đến ngày {}: {} đồng (bằng chữ: {}){percent}.",
        date(report.as_of),
        format_vi(&b.disbursed),
        lower_first(&words(b.disbursed))
    ));
    x.body(&format!("- Còn lại: {} đồng (bằng chữ: {}).", format_vi(&b.remaining), lower_first(&words(b.remaining))));
    let rows: Vec<_> = if b.lines.is_empty() { &b.activities } else { &b.lines }.iter().collect();
    if rows.is_empty() {
        return;
    }
    x.para(
        &Para::center().before(120).after(60).keep_next(),
        &[Run::new("Bảng 2. Kinh phí thực hiện (đồng)").bold().italic()],
    );
    let mut t = Table::new(&BUDGET_COLS);
    t.header(x, &["Khoản", "Kinh phí", "Đã giải ngân", "Còn lại", "Tỷ lệ (%)"]);
    let dash = || "—".to_owned();
    for row in rows {
        let name = super::budget_row_name(row, report);
        t.row(
            x,
            &[
                Cell::text(&name),
                Cell::figure(&row.amount.map_or_else(dash, |v| format_vi(&v))),
                Cell::figure(&format_vi(&row.disbursed)),
                Cell::figure(&row.remaining.map_or_else(dash, |v| format_vi(&v))),
                Cell::figure(&row.percent.map_or_else(dash, |v| format_vi(&v))),
            ],
            false,
        );
    }
    t.row(
        x,
        &[
            Cell::text("Tổng cộng").bold(),
            Cell::figure(&format_vi(&b.total)).bold(),
            Cell::figure(&format_vi(&b.disbursed)).bold(),
            Cell::figure(&format_vi(&b.remaining)).bold(),
            Cell::figure(&b.percent.map_or_else(dash, |v| format_vi(&v))).bold(),
        ],
        true,
    );
    t.end(x);
}

fn lower_first(text: &str) -> String {
    let text = text.trim().trim_end_matches("./.").trim_end_matches('.');
    let mut chars = text.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

/// Nơi nhận and the signature block, side by side in a borderless table.
fn closing(x: &mut Xml, head: &Letterhead, text: &Narrative) {
    let left = mm(80);
    let right = TEXT_W - left;
    x.raw(&format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="{TEXT_W}" w:type="dxa"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w="{left}"/><w:gridCol w:w="{right}"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>"#
    ));
    x.raw(&format!(r#"<w:tc><w:tcPr><w:tcW w:w="{left}" w:type="dxa"/></w:tcPr>"#));
    x.para(&Para::left().before(240).after(0), &[Run::new("Nơi nhận:").size(24).bold().italic()]);
    x.para(&Para::left().after(0), &[Run::new("- Như trên;").size(22)]);
    for recipient in head.recipients.iter().chain(&text.recipients) {
        x.para(&Para::left().after(0), &[Run::new(&format!("- {};", recipient.trim().trim_end_matches(';'))).size(22)]);
    }
    let unit = text.drafting_unit.as_deref().unwrap_or("…");
    x.para(&Para::left().after(0), &[Run::new(&format!("- Lưu: VT, {unit}.")).size(22)]);
    x.raw("</w:tc>");
    x.raw(&format!(r#"<w:tc><w:tcPr><w:tcW w:w="{right}" w:type="dxa"/></w:tcPr>"#));
    let authority = text.authority.clone().unwrap_or_else(|| vec!["GIÁM ĐỐC".to_owned()]);
    for (n, line) in authority.iter().enumerate() {
        let before = if n == 0 { 240 } else { 0 };
        x.para(&Para::center().before(before).after(0), &[Run::new(&line.to_uppercase()).size(26).bold()]);
    }
    x.para(&Para::center().before(1800).after(0), &[Run::new(text.signer.as_deref().unwrap_or("…")).size(26).bold()]);
    x.raw("</w:tc></w:tr></w:tbl>");
}

/// A run of text and its look.
struct Run<'a> {
    text: &'a str,
    size: u32,
    bold: bool,
    italic: bool,
    highlight: bool,
}

impl<'a> Run<'a> {
    fn new(text: &'a str) -> Self {
        Self { text, size: 26, bold: false, italic: false, highlight: false }
    }
    fn size(mut self, half_points: u32) -> Self {
        self.size = half_points;
        self
    }
    fn bold(mut self) -> Self {
        self.bold = true;
        self
    }
    fn italic(mut self) -> Self {
        self.italic = true;
        self
    }
}

/// A paragraph's look: alignment, spacing in twips, first-line indent, a short rule under.
#[derive(Clone)]
struct Para {
    align: &'static str,
    before: u32,
    after: u32,
    indent: bool,
    keep_next: bool,
}

impl Para {
    fn with(align: &'static str) -> Self {
        Self { align, before: 0, after: 120, indent: false, keep_next: false }
    }
    fn center() -> Self {
        Self::with("center")
    }
    fn left() -> Self {
        Self::with("left")
    }
    fn justify() -> Self {
        Self::with("both")
    }
    fn right() -> Self {
        Self::with("right")
    }
    fn before(mut self, twips: u32) -> Self {
        self.before = twips;
        self
    }
    fn after(mut self, twips: u32) -> Self {
        self.after = twips;
        self
    }
    fn indent(mut self) -> Self {
        self.indent = true;
        self
    }
    fn keep_next(mut self) -> Self {
        self.keep_next = true;
        self
    }
}

#[derive(Default)]
struct Xml(String);

impl Xml {
    fn raw(&mut self, text: &str) {
        self.0.push_str(text);
    }

    fn para(&mut self, p: &Para, runs: &[Run<'_>]) {
        self.raw("<w:p><w:pPr>");
        if p.keep_next {
            self.raw("<w:keepNext/>");
        }
        let _ = write!(self.0, r#"<w:spacing w:before="{}" w:after="{}"/>"#, p.before, p.after);
        if p.indent {
            self.raw(r#"<w:ind w:firstLine="680"/>"#);
        }
        let _ = write!(self.0, r#"<w:jc w:val="{}"/></w:pPr>"#, p.align);
        for run in runs {
            self.run(run);
        }
        self.raw("</w:p>");
    }

    /// A short centred rule, `width` twips wide in a column of `column` twips: the top
    /// border of an empty, indented, 1 pt paragraph (under the issuing body, the motto and
    /// the summary).
    fn rule(&mut self, column: u32, width: u32) {
        let side = column.saturating_sub(width) / 2;
        let _ = write!(
            self.0,
            r#"<w:p><w:pPr><w:pBdr><w:top w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:pBdr><w:spacing w:before="80" w:after="0" w:line="40" w:lineRule="exact"/><w:ind w:left="{side}" w:right="{side}"/><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:sz w:val="2"/></w:rPr></w:r></w:p>"#
        );
    }

    fn run(&mut self, run: &Run<'_>) {
        self.raw("<w:r><w:rPr>");
        if run.bold {
            self.raw("<w:b/>");
        }
        if run.italic {
            self.raw("<w:i/>");
        }
        // The schema's order: b, i, sz, szCs, highlight (Word refuses another).
        let _ = write!(self.0, r#"<w:sz w:val="{0}"/><w:szCs w:val="{0}"/>"#, run.size);
        if run.highlight {
            self.raw(r#"<w:highlight w:val="yellow"/>"#);
        }
        self.raw("</w:rPr>");
        let _ = write!(self.0, r#"<w:t xml:space="preserve">{}</w:t></w:r>"#, escape(run.text));
    }

    /// A body paragraph: justified, first line indented, 14 pt.
    fn body(&mut self, text: &str) {
        self.para(&Para::justify().indent(), &[Run::new(text).size(28)]);
    }

    /// The analyst's text: paragraphs separated by blank lines.
    fn paragraphs(&mut self, text: &str) {
        for paragraph in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
            let joined: Vec<&str> = paragraph.lines().map(str::trim).collect();
            self.body(&joined.join(" "));
        }
    }

    fn heading(&mut self, text: &str) {
        self.para(&Para::justify().indent().before(120).keep_next(), &[Run::new(text).size(28).bold()]);
    }

    /// A visible place to fill in.
    fn blank(&mut self, hint: &str) {
        let text = format!("[Phần do đơn vị soạn thảo viết: {hint}.]");
        let mut run = Run::new(&text).size(28).italic();
        run.highlight = true;
        self.para(&Para::justify().indent(), &[run]);
        self.para(&Para::justify().indent(), &[Run::new("…………………………………………………………………………").size(28)]);
    }
}

/// A bordered table with fixed column widths.
struct Table<'a> {
    cols: &'a [u32],
}

/// One cell: its text, alignment, and whether it may wrap (names do, figures never).
struct Cell<'a> {
    text: &'a str,
    align: &'static str,
    wrap: bool,
    bold: bool,
    italic: bool,
}

impl<'a> Cell<'a> {
    fn text(text: &'a str) -> Self {
        Self { text, align: "left", wrap: true, bold: false, italic: false }
    }
    fn center(text: &'a str) -> Self {
        Self { text, align: "center", wrap: true, bold: false, italic: false }
    }
    fn figure(text: &'a str) -> Self {
        Self { text, align: "right", wrap: false, bold: false, italic: false }
    }
    fn bold(mut self) -> Self {
        self.bold = true;
        self
    }
}

impl<'a> Table<'a> {
    fn new(cols: &'a [u32]) -> Self {
        Self { cols }
    }

    fn start(&self, x: &mut Xml) {
        let width: u32 = self.cols.iter().sum();
        let _ = write!(
            x.0,
            r#"<w:tbl><w:tblPr><w:tblW w:w="{width}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="4" w:color="000000"/><w:left w:val="single" w:sz="4" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:color="000000"/><w:right w:val="single" w:sz="4" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:color="000000"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>"#
        );
        for col in self.cols {
            let _ = write!(x.0, r#"<w:gridCol w:w="{col}"/>"#);
        }
        x.raw("</w:tblGrid>");
    }

    fn header(&mut self, x: &mut Xml, names: &[&str]) {
        self.start(x);
        x.raw("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (name, width) in names.iter().zip(self.cols) {
            Self::cell(x, *width, &Cell::center(name).bold());
        }
        x.raw("</w:tr>");
    }

    fn row(&mut self, x: &mut Xml, cells: &[Cell<'_>], _total: bool) {
        x.raw("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for (cell, width) in cells.iter().zip(self.cols) {
            Self::cell(x, *width, cell);
        }
        x.raw("</w:tr>");
    }

    fn cell(x: &mut Xml, width: u32, cell: &Cell<'_>) {
        let _ = write!(x.0, r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>"#);
        if !cell.wrap {
            x.raw("<w:noWrap/>");
        }
        x.raw(r#"<w:vAlign w:val="center"/></w:tcPr>"#);
        let para = match cell.align {
            "right" => Para::right(),
            "center" => Para::center(),
            _ => Para::left(),
        };
        let mut run = Run::new(cell.text).size(24);
        run.bold = cell.bold;
        run.italic = cell.italic;
        x.para(&para.before(20).after(20), &[run]);
        x.raw("</w:tc>");
    }

    fn end(&self, x: &mut Xml) {
        let _ = self;
        x.raw("</w:tbl>");
    }
}

/// XML text: `&`, `<`, `>` and `"` escaped; characters XML 1.0 forbids dropped.
pub fn escape(text: &str) -> String {
    crate::escape::xml(text)
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>"#;

/// Times New Roman, 13 pt, black, single spacing, 6 pt after each paragraph.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:color w:val="000000"/><w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#;

const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="720"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#;

/// The page number, centred in the top margin, 13 pt; `titlePg` keeps it off page 1.
const HEADER: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:t>2</w:t></w:r><w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_symbols() {
        assert_eq!(header_name("Ủy ban nhân dân tỉnh Tây Ninh"), "UBND TỈNH TÂY NINH");
        assert_eq!(symbol("Sở Khoa học và Công nghệ"), "SKHCN");
        assert_eq!(place("Ủy ban nhân dân tỉnh Tây Ninh").as_deref(), Some("Tây Ninh"));
        assert_eq!(long_date(NaiveDate::from_ymd_opt(2020, 1, 5)), "ngày 05 tháng 01 năm 2020");
        assert_eq!(long_date(NaiveDate::from_ymd_opt(2019, 6, 26)), "ngày 26 tháng 6 năm 2019");
        assert_eq!(long_date(None), "ngày … tháng … năm …");
        assert_eq!(two_digits("5"), "05");
        assert_eq!(escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
