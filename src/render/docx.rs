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

use crate::model::{Agency, AgencyIndex, Decision, ReportKind, fold_name};
use crate::money::format_vi;
use crate::report::{EntryView, MilestoneView, PeriodKind, PeriodReport, ProgressRow, Report, Status};
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
    /// Nơi nhận after `- Như trên;`, as the plan writes them (`Như tổ chức thực hiện`
    /// included), then its recipients inside the issuing office.
    pub recipients: Vec<String>,
    /// The plan's archive line (`VT, VP.UBND tỉnh`), used when the narrative names no
    /// drafting unit.
    pub archive: Option<String>,
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
            .or_else(|| plan_issuer.as_deref().map(|i| find(i).map_or_else(|| i.to_owned(), |a| a.name.value.clone())))
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
                .chain(plan.recipients_internal.iter().map(|r| r.value.clone()))
                .collect(),
            archive: plan.archive.as_ref().map(|a| a.value.clone()),
            plan_issuer,
        }
    }
}

impl Letterhead {
    /// The letterhead of a decision's period roll-up: that of the annual report of the
    /// newest plan (`newest`), which names who reports to whom; without a plan, the
    /// decision's lead unit reports to the decision's issuer. The opening cites the
    /// decision's issuer, by its full name in the registry.
    pub fn of_period(decision: &Decision, newest: Option<&PlanSet<'_>>) -> Self {
        let (index, _) = AgencyIndex::build(&decision.agencies);
        let find = |name: &str| index.resolve(name).and_then(|i| decision.agencies.get(i));
        let full = |name: &str| find(name).map_or_else(|| name.to_owned(), |a| a.name.value.clone());
        let issuer_of_decision = decision.issuer.as_ref().map(|i| full(&i.value));
        if let Some(set) = newest {
            let mut head = Self::of(set, PeriodKind::Annual);
            head.plan_issuer = issuer_of_decision.or(head.plan_issuer);
            return head;
        }
        // Without a plan there is no report entry to name the units; an id that the
        // registry does not know is not a name, and stays out.
        let lead = decision.lead.as_ref().and_then(|l| find(&l.value));
        let issuer = lead.map(|a| a.name.value.clone()).unwrap_or_default();
        let superior = lead
            .and_then(|a| a.parent.as_ref())
            .and_then(|p| find(&p.value))
            .map(|a| a.name.value.clone())
            .or_else(|| issuer_of_decision.clone())
            .unwrap_or_default();
        Self {
            superior: header_name(&superior),
            symbol: symbol(&issuer),
            issuer,
            to: issuer_of_decision.clone(),
            place: place(&superior),
            recipients: Vec::new(),
            archive: None,
            plan_issuer: issuer_of_decision,
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
    package(out, &document_xml(report, head, text))
}

/// Writes the roll-up of a decision's period as a .docx file.
pub fn render_period_docx<W: Write + Seek>(
    out: W,
    report: &PeriodReport,
    head: &Letterhead,
    text: &Narrative,
) -> anyhow::Result<()> {
    package(out, &period_document_xml(report, head, text))
}

/// The parts of the package around `document`, zipped.
fn package<W: Write + Seek>(out: W, document: &str) -> anyhow::Result<()> {
    let mut zip = zip::ZipWriter::new(out);
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, body) in [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/styles.xml", STYLES),
        ("word/settings.xml", SETTINGS),
        ("word/header1.xml", HEADER),
        ("word/document.xml", document),
    ] {
        zip.start_file(name, options)?;
        zip.write_all(body.as_bytes())?;
    }
    zip.finish()?;
    Ok(())
}

/// The document around a body: the header block, `BÁO CÁO` and `summary`, `Kính gửi:`,
/// the body, Nơi nhận and the signature, the page.
fn frame(head: &Letterhead, text: &Narrative, summary: &str, body: impl FnOnce(&mut Xml)) -> String {
    let mut x = Xml::default();
    x.raw(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#);
    x.raw(r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#);
    header_block(&mut x, head, text);
    title(&mut x, summary);
    if let Some(to) = &head.to {
        x.para(
            &Para::center().before(240).after(120),
            &[Run::new("Kính gửi: ").size(28), Run::new(&format!("{to}.")).size(28)],
        );
    }
    body(&mut x);
    closing(&mut x, head, text);
    x.raw(&format!(
        r#"<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/><w:pgMar w:top="{top}" w:right="{MARGIN_R}" w:bottom="{top}" w:left="{MARGIN_L}" w:header="567" w:footer="567" w:gutter="0"/><w:titlePg/></w:sectPr>"#,
        top = mm(20)
    ));
    x.raw("</w:body></w:document>");
    x.0
}

/// The body of `word/document.xml`.
pub fn document_xml(report: &Report, head: &Letterhead, text: &Narrative) -> String {
    let summary = format!("Kết quả thực hiện {} {}", plan_phrase(report), period_phrase(report));
    frame(head, text, &summary, |x| body(x, report, head, text))
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

fn header_block(x: &mut Xml, head: &Letterhead, text: &Narrative) {
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

fn title(x: &mut Xml, summary: &str) {
    x.para(&Para::center().before(360).after(0), &[Run::new("BÁO CÁO").size(28).bold()]);
    x.para(&Para::center().after(0), &[Run::new(summary).size(28).bold()]);
    x.rule(TEXT_W, mm(40));
}

/// The legal basis, a paragraph per document: `Căn cứ Quyết định số 1322/QĐ-TTg ngày
/// 10/9/2021 của Thủ tướng Chính phủ về …;`.
fn basis(x: &mut Xml, citations: &[&crate::report::Citation]) {
    for c in citations {
        let day = c.date.map(date);
        x.body(&format!("Căn cứ {};", super::labels::citation(crate::lang::Lang::Vi, c, day.as_deref())));
    }
}

fn body(x: &mut Xml, report: &Report, head: &Letterhead, text: &Narrative) {
    let cited: Vec<&crate::report::Citation> =
        report.decision.iter().flat_map(|d| d.programme.iter()).chain(report.plan.basis.iter()).collect();
    basis(x, &cited);
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
            let _ = write!(opening, " về {}", lower_first(title));
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
    supports(x, report);
    responsibilities(x, report);

    x.heading("II. KINH PHÍ");
    budget(x, report);

    written_sections(x, text, next_hint(report));
    let who = if head.issuer.is_empty() { String::new() } else { format!(" của {}", head.issuer) };
    x.last(&format!("Trên đây là báo cáo kết quả thực hiện {} {}{who}./.", plan_phrase(report), period_phrase(report)));
}

/// Sections III to V: the analyst's text, else visible places to fill in.
fn written_sections(x: &mut Xml, text: &Narrative, next_hint: &str) {
    for (heading, written, hint) in [
        ("III. KHÓ KHĂN, VƯỚNG MẮC", &text.difficulties, "khó khăn, vướng mắc trong kỳ báo cáo"),
        ("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ", &text.next_tasks, next_hint),
        ("V. KIẾN NGHỊ, ĐỀ XUẤT", &text.requests, "kiến nghị, đề xuất với cơ quan nhận báo cáo"),
    ] {
        x.heading(heading);
        match written {
            Some(body) if !body.trim().is_empty() => x.paragraphs(body),
            _ => x.blank(hint),
        }
    }
}

/// An amount in words, as `plan words` writes it, lower-cased for the middle of a sentence.
fn amount_words(v: Decimal) -> String {
    let words = u128::try_from(v.trunc())
        .ok()
        .and_then(|n| crate::words::write_amount(n, &crate::words::Style::default()).ok())
        .unwrap_or_default();
    lower_first(&words)
}

/// The parent document's kind, as running text names it after a preposition: `Quyết định`,
/// `Kế hoạch`.
fn d_kind(report: &PeriodReport) -> &'static str {
    report.decision.kind.name_vi()
}

/// The decision as the roll-up's summary names it: `Quyết định số 2468/QĐ-UBND về nâng cao
/// … giai đoạn 2021 - 2025`, the period added when the title does not say it.
fn decision_phrase(report: &PeriodReport) -> String {
    let d = &report.decision;
    let mut phrase = format!("{} số {}", d.kind.name_vi(), d.number);
    let title = d.title.as_deref().map(str::trim).unwrap_or_default();
    if !title.is_empty() {
        let _ = write!(phrase, " về {}", lower_first(title));
    }
    if !fold_name(title).contains(&fold_name("giai đoạn")) {
        let _ = write!(phrase, " giai đoạn {} - {}", report.from, report.to);
    }
    phrase
}

/// The period roll-up as a báo cáo: the same frame, a body per decision item and year.
pub fn period_document_xml(report: &PeriodReport, head: &Letterhead, text: &Narrative) -> String {
    let summary = format!("Kết quả thực hiện {} (số liệu đến ngày {})", decision_phrase(report), date(report.as_of));
    frame(head, text, &summary, |x| period_body(x, report, head, text))
}

/// What the period did for one item: achieved against its target, as it is meant.
fn item_phrase(item: &crate::report::ItemRow, report: &PeriodReport) -> String {
    let unit = item.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
    let achieved = match item.achieved {
        Some(a) if item.achieved_partial => format!("ít nhất {}", format_vi(&a)),
        Some(a) => format_vi(&a),
        None => "chưa có số liệu".to_owned(),
    };
    match (item.period_target, item.planned) {
        (Some(target), _) => {
            let percent = item
                .percent
                .map(|p| {
                    let least = if item.achieved_partial { "ít nhất " } else { "" };
                    format!(", đạt {least}{} % chỉ tiêu giai đoạn", format_vi(&p))
                })
                .unwrap_or_default();
            let stages: Vec<String> = item
                .stages
                .iter()
                .filter_map(|s| Some(format!("{}–{}: {}", s.from, s.to, s.target_text.as_deref()?)))
                .collect();
            let stages = if stages.is_empty() { String::new() } else { format!("; chỉ tiêu {}", stages.join("; ")) };
            if item.target_rule.is_exact() {
                format!("thực hiện {achieved}/{}{unit}{percent}{stages}.", format_vi(&target))
            } else {
                let text = item.target_text.clone().unwrap_or_default();
                format!("thực hiện {achieved}{unit} (chỉ tiêu giai đoạn {text}){percent}{stages}.")
            }
        }
        (None, Some(planned)) => format!(
            "thực hiện {achieved}/{}{}{unit} theo chỉ tiêu các kế hoạch năm ({} không giao chỉ tiêu giai đoạn).",
            if item.planned_partial { "ít nhất " } else { "" },
            format_vi(&planned),
            d_kind(report)
        ),
        (None, None) => format!("thực hiện {achieved}{unit} (không có chỉ tiêu số)."),
    }
}

fn period_body(x: &mut Xml, report: &PeriodReport, head: &Letterhead, text: &Narrative) {
    let d = &report.decision;
    let cited: Vec<&crate::report::Citation> = d.programme.iter().chain(d.basis.iter()).collect();
    basis(x, &cited);
    let mut opening = format!("Thực hiện {} số {}", d.kind.name_vi(), d.number);
    if let Some(day) = d.date {
        let _ = write!(opening, " ngày {}", date(day));
    }
    if let Some(issuer) = &head.plan_issuer {
        let _ = write!(opening, " của {issuer}");
    }
    if let Some(title) = d.title.as_deref().filter(|t| !t.trim().is_empty()) {
        let _ = write!(opening, " về {}", lower_first(title));
    }
    let years: Vec<String> = report.plans.iter().map(|p| p.year.to_string()).collect();
    if !years.is_empty() {
        let _ = write!(opening, " và các kế hoạch thực hiện năm {}", years.join(", "));
    }
    let _ = write!(
        opening,
        "; {} báo cáo kết quả thực hiện giai đoạn {} - {} (số liệu đến ngày {}) như sau:",
        head.issuer,
        report.from,
        report.to,
        date(report.as_of)
    );
    x.body(&opening);

    x.heading("I. KẾT QUẢ THỰC HIỆN");
    for item in &report.items {
        let phrase = item_phrase(item, report);
        x.body(&format!("- {}: {phrase}", item.name.trim().trim_end_matches('.')));
    }
    if let Some(more) = &text.results {
        x.paragraphs(more);
    }
    period_items_table(x, report);

    x.heading("II. KINH PHÍ");
    period_budget_prose(x, report);
    period_budget_table(x, report);
    period_sources_table(x, report);

    written_sections(x, text, "phương hướng, nhiệm vụ những năm còn lại của giai đoạn");
    let who = if head.issuer.is_empty() { String::new() } else { format!(" của {}", head.issuer) };
    x.last(&format!(
        "Trên đây là báo cáo kết quả thực hiện {} (số liệu đến ngày {}){who}./.",
        decision_phrase(report),
        date(report.as_of)
    ));
}

/// Section II of the roll-up in words: figures in the report's unit, amounts in words in
/// đồng.
fn period_budget_prose(x: &mut Xml, report: &PeriodReport) {
    let b = &report.budget;
    let unit = report.money_unit;
    let money = |v: Decimal| format_vi(&unit.of(v));
    let name = unit.name();
    if let Some(envelope) = b.envelope {
        x.body(&format!(
            "- Kinh phí cả giai đoạn theo {}: {} {name} (bằng chữ: {}).",
            d_kind(report),
            money(envelope),
            amount_words(envelope)
        ));
    }
    let percent = b.percent.map(|p| format!(", bằng {} % kinh phí cả giai đoạn", format_vi(&p))).unwrap_or_default();
    // A plan without its budget table: the sum is a least value.
    let (least, unknown) = if b.total_partial {
        ("ít nhất ", "; chưa gồm kinh phí các năm chưa có số liệu")
    } else {
        ("", "")
    };
    match b.total {
        Some(total) => x.body(&format!(
            "- Kinh phí các kế hoạch năm: {least}{} {name} (bằng chữ: {}{unknown}){percent}.",
            money(total),
            amount_words(total)
        )),
        None => x.body("- Kinh phí các kế hoạch năm: chưa có số liệu (không kế hoạch năm nào ghi kinh phí)."),
    }
    if let Some(unallocated) = b.unallocated {
        x.body(&format!(
            "- Chưa bố trí vào kế hoạch năm: {} {name} (bằng chữ: {}).",
            money(unallocated),
            amount_words(unallocated)
        ));
    }
    // A year with no plan or no progress file is not counted: the sum is a least value.
    let (least, unknown) =
        if b.disbursed_partial { ("ít nhất ", "; chưa gồm các năm không có số liệu") } else { ("", "") };
    if b.disbursed_known() {
        x.body(&format!(
            "- Đã giải ngân đến ngày {}: {least}{} {name} (bằng chữ: {}{unknown}).",
            date(report.as_of),
            money(b.disbursed),
            amount_words(b.disbursed)
        ));
    } else {
        x.body(&format!("- Đã giải ngân đến ngày {}: chưa có số liệu (không có tệp tiến độ).", date(report.as_of)));
    }
}

/// Bảng 3 of the roll-up: per source of funds, the envelope's split, the yearly plans' split
/// added up and what was paid (`≥` a least value, `—` unknown).
fn period_sources_table(x: &mut Xml, report: &PeriodReport) {
    let rows = &report.budget.by_source;
    if rows.is_empty() {
        return;
    }
    let unit = report.money_unit;
    let money = |v: Option<Decimal>, partial: bool| match v {
        None => "—".to_owned(),
        Some(v) if partial => format!("≥ {}", format_vi(&unit.of(v))),
        Some(v) => format_vi(&unit.of(v)),
    };
    x.para(
        &Para::center().before(120).after(60).keep_next(),
        &[Run::new(&format!("Bảng 3. Kinh phí theo nguồn ({})", unit.name())).bold().italic()],
    );
    let mut t = Table::new(&PERIOD_BUDGET_COLS);
    let allowed = format!("Theo {}", d_kind(report));
    t.header(x, &["Nguồn kinh phí", &allowed, "Các kế hoạch năm", "Đã giải ngân"]);
    for row in rows {
        t.row(
            x,
            &[
                Cell::text(row.name),
                Cell::figure(&money(row.envelope, false)),
                Cell::figure(&money(row.planned, row.planned_partial)),
                Cell::figure(&money(row.disbursed, row.disbursed_partial)),
            ],
            false,
        );
    }
    t.end(x);
    let least = rows
        .iter()
        .any(|r| r.disbursed_partial || r.planned_partial)
        .then_some("có năm chưa có kế hoạch hoặc tệp tiến độ, hoặc có khoản chi không ghi nguồn kinh phí");
    sources_note(x, least, rows.iter().any(|r| r.disbursed.is_none() || r.planned.is_none()));
}

/// Bảng 1 of the roll-up: per item, the period target, each year's target, their sum, what
/// was achieved and the percentage. The name takes what the figure columns leave.
fn period_items_table(x: &mut Xml, report: &PeriodReport) {
    let years: Vec<i32> = (report.from..=report.to).collect();
    let figure: u32 = 624;
    let unit: u32 = 850;
    // A target written as it is meant ("khoảng 65 (±5 %)") needs a wider column than a count.
    let target = if report.items.iter().any(|i| !i.target_rule.is_exact()) { 1134 } else { figure };
    let figures = u32::try_from(years.len() + 3).unwrap_or(u32::MAX);
    let name =
        TEXT_W.saturating_sub(unit).saturating_sub(target).saturating_sub(figure.saturating_mul(figures)).max(1701);
    let mut cols = vec![name, unit, target];
    cols.extend(std::iter::repeat_n(figure, years.len() + 3));
    x.para(
        &Para::center().before(120).after(60).keep_next(),
        &[Run::new("Bảng 1. Chỉ tiêu giai đoạn, chỉ tiêu các năm và kết quả thực hiện").bold().italic()],
    );
    let year_names: Vec<String> = years.iter().map(|y| format!("Năm {y}")).collect();
    let mut names: Vec<&str> = vec!["Nội dung", "Đơn vị tính", "Chỉ tiêu giai đoạn"];
    names.extend(year_names.iter().map(String::as_str));
    names.extend(["Tổng các năm", "Đạt", "Tỷ lệ (%)"]);
    let mut t = Table::new(&cols).small();
    t.header(x, &names);
    let dash = || "—".to_owned();
    for item in &report.items {
        let mut texts = vec![item.unit.clone().unwrap_or_else(dash), item.target_text.clone().unwrap_or_else(dash)];
        texts.extend(item.years.iter().map(|y| y.target.map_or_else(dash, |v| format_vi(&v))));
        texts.extend([
            match item.planned {
                Some(p) if item.planned_partial => format!("≥ {}", format_vi(&p)),
                Some(p) => format_vi(&p),
                None => dash(),
            },
            match item.achieved {
                Some(a) if item.achieved_partial => format!("≥ {}", format_vi(&a)),
                Some(a) => format_vi(&a),
                None => dash(),
            },
            match item.percent {
                Some(p) if item.achieved_partial => format!("≥ {}", format_vi(&p)),
                Some(p) => format_vi(&p),
                None => dash(),
            },
        ]);
        let mut cells = vec![Cell::text(item.name.trim())];
        for (n, t) in texts.iter().enumerate() {
            cells.push(if n == 0 { Cell::center(t) } else { Cell::figure(t) });
        }
        t.row(x, &cells, false);
    }
    t.end(x);
}

/// Bảng 2 of the roll-up: per year, what the decision allows, the plan's budget and what
/// was disbursed; then the whole period.
fn period_budget_table(x: &mut Xml, report: &PeriodReport) {
    let unit = report.money_unit;
    let format_vi = |v: &Decimal| crate::money::format_vi(&unit.of(*v));
    x.para(
        &Para::center().before(120).after(60).keep_next(),
        &[Run::new(&format!("Bảng 2. Kinh phí theo năm ({})", unit.name())).bold().italic()],
    );
    let mut t = Table::new(&PERIOD_BUDGET_COLS);
    let allowed = format!("Mức được phép theo {}", d_kind(report));
    t.header(x, &["Năm", &allowed, "Kinh phí kế hoạch năm", "Đã giải ngân"]);
    let dash = || "—".to_owned();
    for year in &report.budget.years {
        t.row(
            x,
            &[
                Cell::center(&year.year.to_string()),
                Cell::figure(&year.allowed.map_or_else(dash, |v| format_vi(&v))),
                Cell::figure(&year.total.map_or_else(dash, |v| format_vi(&v))),
                Cell::figure(&year.disbursed.map_or_else(dash, |v| format_vi(&v))),
            ],
            false,
        );
    }
    let b = &report.budget;
    t.row(
        x,
        &[
            Cell::center("Cả giai đoạn").bold(),
            Cell::figure(&b.envelope.map_or_else(dash, |v| format_vi(&v))).bold(),
            Cell::figure(&match b.total {
                None => "—".to_owned(),
                Some(t) if b.total_partial => format!("≥ {}", format_vi(&t)),
                Some(t) => format_vi(&t),
            })
            .bold(),
            Cell::figure(&match (b.disbursed_known(), b.disbursed_partial) {
                (false, _) => "—".to_owned(),
                (true, true) => format!("≥ {}", format_vi(&b.disbursed)),
                (true, false) => format_vi(&b.disbursed),
            })
            .bold(),
        ],
        true,
    );
    t.end(x);
}

/// Column widths of the roll-up's budget table; they add up to the text width.
const PERIOD_BUDGET_COLS: [u32; 4] = [1855, 2500, 2500, 2500];

fn next_hint(report: &Report) -> &'static str {
    match report.period {
        PeriodKind::HalfYear => "nhiệm vụ 6 tháng cuối năm",
        PeriodKind::Annual | PeriodKind::AsOf => "phương hướng, nhiệm vụ thời gian tới",
    }
}

/// Section I: per content item, headed by the plan's own numbering (`II.1.a.`), what it
/// achieved, its breakdown parts by their names, and each result recorded: the enterprise
/// supported and what for.
fn results(x: &mut Xml, report: &Report) {
    for row in &report.progress {
        let name = row.name.trim().trim_end_matches('.');
        let lead = row.section.as_deref().map(|s| format!("{}. ", s.trim().trim_end_matches('.'))).unwrap_or_default();
        // An activity stays on the page of its first result.
        let para = if row.entries.is_empty() { Para::justify().indent() } else { Para::justify().indent().keep_next() };
        if lead.is_empty() {
            x.para(&para, &[Run::new(&format!("- {name}: {}", result_phrase(row))).size(28)]);
        } else {
            x.para(
                &para,
                &[Run::new(&lead).size(28).bold(), Run::new(&format!("{name}: {}", result_phrase(row))).size(28)],
            );
        }
        for entry in &row.entries {
            x.para(&Para::justify().indent().after(60), &[Run::new(&entry_phrase(row, entry)).size(28)]);
        }
    }
}

/// One result as recorded: `+ Công ty …: ISO 14001:2015 (12/10/2022).`, with the quantity
/// when it is not one. (Its part is not repeated: the plan's part names are targets, such
/// as `02 sản phẩm hợp chuẩn`, and the activity's line gives each part's figures.)
fn entry_phrase(row: &ProgressRow, entry: &EntryView) -> String {
    let what: Vec<&str> =
        entry.enterprise.iter().chain(&entry.detail).map(|t| t.trim().trim_end_matches('.')).collect();
    let mut notes = Vec::new();
    if entry.quantity != Decimal::ONE {
        let unit = row.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
        notes.push(format!("{}{unit}", format_vi(&entry.quantity)));
    }
    notes.push(date(entry.date));
    let text = if what.is_empty() { "Kết quả ghi nhận".to_owned() } else { what.join(": ") };
    format!("+ {text} ({}).", notes.join("; "))
}

fn result_phrase(row: &ProgressRow) -> String {
    let unit = row.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
    match (row.status, row.target) {
        (Status::NoNumber, _) | (_, None) => match &row.milestone {
            Some(m) => milestone_phrase(m),
            None => "chưa có kết quả trong kỳ.".to_owned(),
        },
        (_, Some(target)) => {
            let percent = row.percent.map(|p| format!(", đạt {} % chỉ tiêu", format_vi(&p))).unwrap_or_default();
            // Breakdown parts by their display names; a part the plan does not name is
            // left out (its id is not a word for a reader).
            let parts: Vec<String> = row
                .parts
                .iter()
                .filter_map(|p| {
                    p.name.as_deref().map(|n| {
                        let got = p.achieved.map_or_else(|| "—".to_owned(), |a| format_vi(&a));
                        format!("{}: {got}/{}", n.trim(), format_vi(&p.target))
                    })
                })
                .collect();
            let parts = if parts.is_empty() || parts.len() != row.parts.len() {
                String::new()
            } else {
                format!(" ({})", parts.join("; "))
            };
            let target = row.target_text.clone().unwrap_or_else(|| format_vi(&target));
            match row.achieved {
                Some(achieved) if row.target_rule.is_exact() => {
                    format!("thực hiện {}/{target}{unit}{parts}{percent}.", format_vi(&achieved))
                }
                Some(achieved) => {
                    format!("thực hiện {}{unit} (chỉ tiêu {target}){parts}{percent}.", format_vi(&achieved))
                }
                None => format!("chỉ tiêu {target}{unit}{parts}; chưa có số liệu thực hiện."),
            }
        }
    }
}

/// `đã hoàn thành ngày 20/10/2022 (…).`
fn milestone_phrase(m: &MilestoneView) -> String {
    let what = if m.status == "done" { "đã hoàn thành" } else { "đã triển khai" };
    let detail = m.detail.as_ref().map(|d| format!(" ({})", d.trim().trim_end_matches('.'))).unwrap_or_default();
    format!("{what} ngày {}{detail}.", date(m.date))
}

/// The tasks of section III of the plan that milestones follow, per unit under the plan's
/// numbering, with their last milestone in the data window. Tasks nobody follows are left
/// out: the tool has nothing to say of them that the plan does not.
fn responsibilities(x: &mut Xml, report: &Report) {
    let units: Vec<_> =
        report.organisation.responsibilities.iter().filter(|r| r.tasks.iter().any(|t| t.id.is_some())).collect();
    if units.is_empty() {
        return;
    }
    x.para(
        &Para::justify().indent().keep_next(),
        &[Run::new("Thực hiện nhiệm vụ của các đơn vị (phần Tổ chức thực hiện của Kế hoạch):").size(28).bold()],
    );
    for unit in units {
        let lead = unit.section.as_deref().map(|s| format!("{}. ", s.trim().trim_end_matches('.'))).unwrap_or_default();
        x.para(
            &Para::justify().indent().keep_next().after(60),
            &[Run::new(&format!("{lead}{}:", unit.unit.trim())).size(28).italic()],
        );
        for task in unit.tasks.iter().filter(|t| t.id.is_some()) {
            let state =
                task.milestone.as_ref().map_or_else(|| "chưa có kết quả trong kỳ.".to_owned(), milestone_phrase);
            let text = task.text.trim().trim_end_matches('.');
            x.para(&Para::justify().indent().after(60), &[Run::new(&format!("- {text}: {state}")).size(28)]);
        }
    }
}

fn status_word(status: Status) -> &'static str {
    match status {
        Status::Done => "Hoàn thành",
        Status::InProgress => "Đang thực hiện",
        Status::NotStarted => "Chưa thực hiện",
        Status::NoNumber => "Không có chỉ tiêu số",
        Status::Unknown => "Chưa có số liệu",
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
                Cell::figure(&row.target_text.clone().unwrap_or_else(dash)),
                Cell::figure(&row.achieved.filter(|_| row.target.is_some()).map_or_else(dash, |v| format_vi(&v))),
                Cell::figure(&row.percent.map_or_else(dash, |v| format_vi(&v))),
                Cell::center(status_word(row.status)),
            ],
            false,
        );
    }
    t.end(x);
}

/// Under Bảng 1: each support rule, the cap in the report's unit.
fn supports(x: &mut Xml, report: &Report) {
    let rules = super::grid::supports(report, crate::lang::Lang::Vi);
    if rules.is_empty() {
        return;
    }
    x.body("Mức hỗ trợ theo quy định:");
    for (_, name, rule) in rules {
        x.body(&format!("- {}: {rule}.", name.trim_end_matches('.')));
    }
}

const BUDGET_COLS: [u32; 5] = [3855, 1500, 1500, 1500, 1000];

fn budget(x: &mut Xml, report: &Report) {
    let Some(b) = &report.budget else {
        x.body("Kế hoạch không ghi kinh phí.");
        return;
    };
    let unit = report.money_unit;
    let money = |v: Decimal| format_vi(&unit.of(v));
    let words = |v: Decimal| {
        u128::try_from(v.trunc())
            .ok()
            .and_then(|n| crate::words::write_amount(n, &crate::words::Style::default()).ok())
            .unwrap_or_default()
    };
    // Figures in the report's unit; the amounts in words say the đồng, as the plan does.
    let name = unit.name();
    x.body(&format!("- Tổng kinh phí: {} {name} (bằng chữ: {}).", money(b.total), lower_first(&b.in_words)));
    if let Some(source) = &b.source {
        x.body(&format!("- Nguồn kinh phí: {}.", source.trim_end_matches('.')));
    }
    match (b.disbursed, b.remaining) {
        (Some(disbursed), Some(remaining)) => {
            let percent = b.percent.map(|p| format!(", đạt {} % kế hoạch", format_vi(&p))).unwrap_or_default();
            x.body(&format!(
                "- Đã giải ngân đến ngày {}: {} {name} (bằng chữ: {}){percent}.",
                date(report.as_of),
                money(disbursed),
                lower_first(&words(disbursed))
            ));
            x.body(&format!("- Còn lại: {} {name} (bằng chữ: {}).", money(remaining), lower_first(&words(remaining))));
        }
        _ => x.body(&format!("- Đã giải ngân đến ngày {}: chưa có số liệu.", date(report.as_of))),
    }
    budget_table(x, report, b);
    sources_table(x, report, b);
}

fn budget_table(x: &mut Xml, report: &Report, b: &crate::report::BudgetSection) {
    let rows: Vec<_> = if b.lines.is_empty() { &b.activities } else { &b.lines }.iter().collect();
    if rows.is_empty() {
        return;
    }
    let unit = report.money_unit;
    let money = |v: Option<Decimal>| v.map_or_else(|| "—".to_owned(), |v| format_vi(&unit.of(v)));
    x.para(
        &Para::center().before(120).after(60).keep_next(),
        &[Run::new(&format!("Bảng 2. Kinh phí thực hiện ({})", unit.name())).bold().italic()],
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
                Cell::figure(&money(row.amount)),
                Cell::figure(&money(row.disbursed)),
                Cell::figure(&money(row.remaining)),
                Cell::figure(&row.percent.map_or_else(dash, |v| format_vi(&v))),
            ],
            false,
        );
    }
    t.row(
        x,
        &[
            Cell::text("Tổng cộng").bold(),
            Cell::figure(&money(Some(b.total))).bold(),
            Cell::figure(&money(b.disbursed)).bold(),
            Cell::figure(&money(b.remaining)).bold(),
            Cell::figure(&b.percent.map_or_else(dash, |v| format_vi(&v))).bold(),
        ],
        true,
    );
    t.end(x);
}

/// Bảng 3: the budget by source of funds, with what was paid from each where the progress
/// files say (`—` where no payment gives its source, `≥` where only some do).
fn sources_table(x: &mut Xml, report: &Report, b: &crate::report::BudgetSection) {
    if b.by_source.is_empty() {
        return;
    }
    let unit = report.money_unit;
    let money = |v: Option<Decimal>| v.map_or_else(|| "—".to_owned(), |v| format_vi(&unit.of(v)));
    x.para(
        &Para::center().before(120).after(60).keep_next(),
        &[Run::new(&format!("Bảng 3. Kinh phí theo nguồn ({})", unit.name())).bold().italic()],
    );
    let mut t = Table::new(&BUDGET_COLS);
    t.header(x, &["Nguồn kinh phí", "Kinh phí", "Đã giải ngân", "Còn lại", "Tỷ lệ (%)"]);
    for row in &b.by_source {
        let disbursed = money(row.disbursed);
        let disbursed = if row.disbursed_partial { format!("≥ {disbursed}") } else { disbursed };
        t.row(
            x,
            &[
                Cell::text(row.name),
                Cell::figure(&money(row.amount)),
                Cell::figure(&disbursed),
                Cell::figure(&money(row.remaining)),
                Cell::figure(&row.percent.map_or_else(|| "—".to_owned(), |v| format_vi(&v))),
            ],
            false,
        );
    }
    t.end(x);
    let least = b.by_source.iter().any(|r| r.disbursed_partial).then_some("có khoản chi không ghi nguồn kinh phí");
    sources_note(x, least, b.by_source.iter().any(|r| r.disbursed.is_none() || r.remaining.is_none()));
}

/// What `≥` and `—` mean under a table by source, when it has them.
/// `least` says why a figure is a least value.
fn sources_note(x: &mut Xml, least: Option<&str>, unknown: bool) {
    let mut notes = Vec::new();
    if let Some(why) = least {
        notes.push(format!("“≥”: số tối thiểu, vì {why}"));
    }
    if unknown {
        notes.push("“—”: chưa có số liệu".to_owned());
    }
    if !notes.is_empty() {
        x.para(&Para::justify().after(60), &[Run::new(&format!("Ghi chú: {}.", notes.join("; "))).size(24).italic()]);
    }
}

/// A title or an amount in words for the middle of a sentence: its first letter in lower
/// case (`Nâng cao …` → `nâng cao …`), unless its first word is an abbreviation (`UBND`,
/// `VietGAP`), which keeps its capitals; without a final `.` or `./.`.
fn lower_first(text: &str) -> String {
    let text = text.trim().trim_end_matches("./.").trim_end_matches('.');
    let first = text.split_whitespace().next().unwrap_or_default();
    if first.chars().skip(1).any(char::is_uppercase) {
        return text.to_owned();
    }
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
    // The archive, not a recipient: the narrative's drafting unit, else the plan's own line.
    let archive = match (&text.drafting_unit, &head.archive) {
        (Some(unit), _) => format!("VT, {}", unit.trim()),
        (None, Some(line)) => line.trim().trim_start_matches("Lưu:").trim().trim_end_matches('.').to_owned(),
        (None, None) => "VT, …".to_owned(),
    };
    x.para(&Para::left().after(0), &[Run::new(&format!("- Lưu: {archive}.")).size(22)]);
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

    /// The closing sentence, kept on the page of Nơi nhận and the signature: a signature
    /// never stands on a page without the text it signs.
    fn last(&mut self, text: &str) {
        self.para(&Para::justify().indent().keep_next(), &[Run::new(text).size(28)]);
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
    /// The text size, in half-points: 12 pt, or 11 pt in a table of many columns.
    size: u32,
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
        Self { cols, size: 24 }
    }

    fn small(mut self) -> Self {
        self.size = 22;
        self
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
            Self::cell(x, *width, self.size, &Cell::center(name).bold());
        }
        x.raw("</w:tr>");
    }

    fn row(&mut self, x: &mut Xml, cells: &[Cell<'_>], _total: bool) {
        x.raw("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for (cell, width) in cells.iter().zip(self.cols) {
            Self::cell(x, *width, self.size, cell);
        }
        x.raw("</w:tr>");
    }

    fn cell(x: &mut Xml, width: u32, size: u32, cell: &Cell<'_>) {
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
        let mut run = Run::new(cell.text).size(size);
        run.bold = cell.bold;
        run.italic = cell.italic;
        x.para(&para.before(20).after(20), &[run]);
        x.raw("</w:tc>");
    }

    /// Ends the table, and leaves 6 pt under it: `LibreOffice` does not space the paragraph
    /// after a table by its own `before`, so a heading would touch the last row.
    fn end(&self, x: &mut Xml) {
        let _ = self;
        x.raw("</w:tbl>");
        x.raw(r#"<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="120" w:lineRule="exact"/></w:pPr></w:p>"#);
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
        assert_eq!(lower_first("Nâng cao năng suất."), "nâng cao năng suất");
        assert_eq!(lower_first("UBND tỉnh giao"), "UBND tỉnh giao");
        assert_eq!(lower_first("Bốn trăm đồng./."), "bốn trăm đồng");
        assert_eq!(escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
