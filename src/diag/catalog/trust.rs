//! The wording of the codes that keep figures from being counted twice or dropped: entries
//! repeated across progress files, payments that name two places, sums past the limit of
//! the decimal type, plans left unfinished.

use rust_decimal::Decimal;

use super::super::{Code, Diagnostic, Text};
use super::{noun, phrase_vi};
use crate::money::format_vi;
use crate::source::Span;
use crate::t;

fn copied() -> Text {
    t!(
        "một tệp tiến độ được chép để làm tệp tiếp theo sẽ lặp lại mọi mục của tệp đầu: mỗi mục chỉ ghi ở một tệp",
        "a progress file copied to start the next one repeats every entry of the first: keep each entry in one file only"
    )
}

pub fn duplicate_voucher(span: &Span, voucher: &str, first: &Span) -> Diagnostic {
    let c = copied();
    Diagnostic::new(
        Code::DuplicateVoucher,
        span,
        t!("chứng từ `{voucher}` có ở hai khoản giải ngân", "voucher `{voucher}` is on two disbursements"),
    )
    .label(t!("khoản chi thứ hai có chứng từ này", "the second payment with this voucher"))
    .secondary(first, t!("ghi lần đầu ở đây", "first recorded here"))
    .help(t!(
        "một chứng từ là một khoản chi, chỉ tính một lần; {}",
        "one voucher is one payment, counted once; {}",
        c.vi,
        c.en
    ))
}

pub fn duplicate_submission(span: &Span, what: &str, first: &Span) -> Diagnostic {
    let c = copied();
    Diagnostic::new(
        Code::DuplicateSubmission,
        span,
        t!(
            "cùng một báo cáo được ghi là đã gửi hai lần: {}",
            "the same report is recorded as sent twice: {what}",
            phrase_vi(what)
        ),
    )
    .label(t!("ghi lại ở đây", "recorded again here"))
    .secondary(first, t!("ghi lần đầu ở đây", "first recorded here"))
    .help(t!("mỗi báo cáo đã gửi chỉ ghi một lần; {}", "record each report sent once; {}", c.vi, c.en))
}

pub fn duplicate_entry(span: &Span, what: &str, first: &Span) -> Diagnostic {
    let (c, n) = (copied(), noun(what));
    Diagnostic::new(
        Code::DuplicateEntry,
        span,
        t!("{} này lặp lại y hệt một mục ở trên", "this {what} repeats an earlier one exactly", n.vi),
    )
    .label(t!("lại cùng một mục", "the same entry again"))
    .secondary(first, t!("ghi lần đầu ở đây", "first recorded here"))
    .help(t!(
        "nó sẽ bị tính hai lần; {}. Nếu thật sự có hai mục như vậy, hãy phân biệt chúng (`voucher`, `enterprise` hoặc `detail`)",
        "it would be counted twice; {}. If two such entries really happened, tell them apart (`voucher`, `enterprise` or `detail`)",
        c.vi,
        c.en
    ))
}

pub fn possible_duplicate(span: &Span, what: &str, why: &str, first: &Span) -> Diagnostic {
    let n = noun(what);
    Diagnostic::new(
        Code::PossibleDuplicate,
        span,
        Text::new(
            format!("{} này có thể lặp lại một mục ở trên: {}", n.vi, phrase_vi(why)),
            format!("this {what} may repeat an earlier one: {why}"),
        ),
    )
    .label(t!("có thể là cùng một mục", "possibly the same entry"))
    .secondary(first, t!("mục ở trên", "the earlier entry"))
    .help(t!(
        "nếu là cùng một mục, xóa một; nếu không, ghi cho cả hai chi tiết để phân biệt",
        "if it is the same, remove one; if not, give both the detail that tells them apart"
    ))
}

pub fn line_of_another_activity(span: &Span, line: &str, owner: &str, activity: &str, owner_span: &Span) -> Diagnostic {
    Diagnostic::new(
        Code::LineActivityMismatch,
        span,
        t!(
            "khoản giải ngân ghi hoạt động `{activity}` và dòng kinh phí `{line}`, nhưng dòng này thuộc `{owner}`",
            "the disbursement names activity `{activity}` and budget line `{line}`, which belongs to `{owner}`"
        ),
    )
    .label(t!("dòng kinh phí của hoạt động khác", "a line of another activity"))
    .secondary(owner_span, t!("hoạt động của dòng này", "the line's activity"))
    .help(t!(
        "ghi dòng kinh phí của hoạt động được chi tiền, hoặc chỉ ghi một trong `activity` và `line`",
        "name the line of the activity the money was paid for, or only one of `activity` and `line`"
    ))
}

pub fn sum_overflow(span: &Span, what: &str, before: Decimal) -> Diagnostic {
    let before = format_vi(&before);
    Diagnostic::new(
        Code::SumOverflow,
        span,
        t!(
            "cộng số này vào {} thì vượt số lớn nhất còn đếm chính xác được",
            "adding this amount to {what} passes the largest amount that can be counted exactly",
            phrase_vi(what)
        ),
    )
    .label(t!("tổng đến đây là `{before}`", "the sum so far is `{before}`"))
    .help(t!(
        "một số lớn như vậy là gõ nhầm: kiểm tra số chữ số",
        "an amount this large is a typing mistake: check the number of digits"
    ))
}

pub fn fractional_dong(span: &Span, key: &str, amount: Decimal) -> Diagnostic {
    let (whole, amount) = (format_vi(&amount.trunc()), format_vi(&amount));
    Diagnostic::new(
        Code::InvalidAmount,
        span,
        t!("`{key}` là `{amount}` đồng: đồng không có đơn vị nhỏ hơn", "`{key}` is `{amount}` đồng: the đồng has no smaller unit"),
    )
    .label(t!("một phần của đồng", "a fraction of a đồng"))
    .help(t!(
        "viết số đồng chẵn, như `\"{whole}\"`; dấu phẩy trong số tiền bắt đầu phần thập phân (`12,5` là mười hai phẩy năm)",
        "write whole đồng, such as `\"{whole}\"`; a comma in an amount starts its decimals (`12,5` is twelve and a half)"
    ))
}

pub fn date_outside_window(
    span: &Span,
    what: &str,
    date: chrono::NaiveDate,
    year: i32,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Diagnostic {
    let day = |d: chrono::NaiveDate| d.format("%d/%m/%Y").to_string();
    let belongs = if date > to {
        t!("báo cáo của năm sau", "the next year's reports")
    } else {
        t!("báo cáo của năm trước", "an earlier year's reports")
    };
    let (from, to, shown) = (day(from), day(to), day(date));
    let n = noun(what);
    Diagnostic::new(
        Code::DateOutsideYear,
        span,
        t!(
            "{} ghi ngày `{shown}`, ngoài kỳ số liệu của các báo cáo năm {year} (từ {from} đến {to})",
            "the {what} is dated `{date}`, outside the data period of the {year} reports ({from} to {to})",
            n.vi
        ),
    )
    .label(t!("không được tính vào báo cáo nào của năm {year}", "counted in no {year} report"))
    .help(t!(
        "theo Nghị định 09/2019/NĐ-CP, báo cáo năm {year} tính kết quả từ {from} đến {to}; mục này thuộc {}: kiểm tra ngày, hoặc ghi vào kế hoạch của năm đó",
        "by Decree 09/2019/NĐ-CP the reports of {year} count results from {from} to {to}; this one belongs to {}: check the date, or record it against that year's plan",
        belongs.vi,
        belongs.en
    ))
}

pub fn paid_after_cut_off(span: &Span, date: chrono::NaiveDate, year: i32, cut_off: chrono::NaiveDate) -> Diagnostic {
    let (d, c) = (date.format("%d/%m/%Y"), cut_off.format("%d/%m/%Y"));
    Diagnostic::new(
        Code::DateOutsideYear,
        span,
        t!(
            "khoản giải ngân ghi ngày `{d}`, sau ngày chốt số liệu báo cáo năm `{c}`: nó thuộc kinh phí năm {year} nhưng không có trong báo cáo định kỳ nào của năm {year}",
            "the disbursement is dated `{date}`, after the annual report's cut-off `{cut_off}`: it is in the {year} budget but in no periodic report of {year}"
        ),
    )
    .label(t!("sau ngày chốt số liệu", "after the cut-off"))
    .help(t!(
        "nó được tính vào kinh phí năm {year} (`plan report --as-of 31/12/{year}` cho thấy); hãy nêu trong phần lời của báo cáo năm, hoặc kiểm tra ngày",
        "it counts in the budget of {year} (`plan report --as-of {year}-12-31` shows it); say so in the annual report's text, or check the date"
    ))
}

pub fn target_missing(span: &Span, activity: &str, unit: &str, named: Option<Decimal>) -> Diagnostic {
    let diagnostic = Diagnostic::new(
        Code::TargetMissing,
        span,
        t!(
            "hoạt động `{activity}` tính bằng `{unit}` nhưng chưa có chỉ tiêu",
            "activity `{activity}` counts in `{unit}` but has no target"
        ),
    )
    .label(t!("không có `target`", "no `target`"));
    match named {
        Some(count) => {
            let (shown, plain) = (format_vi(&count), count.normalize());
            diagnostic.help(t!(
                "tên của nó ghi `{shown}`: viết `target = {plain}`, hoặc bỏ `unit` nếu nhiệm vụ không có số lượng",
                "its name says `{shown}`: write `target = {plain}`, or remove `unit` for a task with no number"
            ))
        }
        None => diagnostic.help(t!(
            "viết `target` (chỉ tiêu) của nó (khung kế hoạch do `plan new` tạo để nó ở dạng chú thích), hoặc bỏ `unit` nếu nhiệm vụ không có số lượng",
            "write its `target` (a skeleton from `plan new` leaves it as a comment), or remove `unit` for a task with no number"
        )),
    }
}

pub fn name_count_mismatch(span: &Span, named: Decimal, target: Decimal, name_span: &Span) -> Diagnostic {
    let (named, target) = (format_vi(&named), format_vi(&target));
    Diagnostic::new(
        Code::NameCountMismatch,
        span,
        t!(
            "chỉ tiêu là `{target}`, nhưng tên hoạt động ghi `{named}`",
            "the target is `{target}`, but the activity's name says `{named}`"
        ),
    )
    .label(t!("chỉ tiêu", "the target"))
    .secondary(name_span, t!("số lượng trong tên", "the count in the name"))
    .help(t!(
        "cho tên và chỉ tiêu khớp nhau: một trong hai chưa được cập nhật",
        "make the name and the target agree: one of them was not updated"
    ))
}

pub fn name_year_mismatch(span: &Span, written: i32, year: i32) -> Diagnostic {
    Diagnostic::new(
        Code::NameYearMismatch,
        span,
        t!(
            "tên hoạt động ghi `năm {written}` trong kế hoạch năm `{year}`",
            "the activity's name says `năm {written}` in the plan of `{year}`"
        ),
    )
    .label(t!("một năm khác {year}", "another year than {year}"))
    .help(t!(
        "tên chép từ kế hoạch năm khác vẫn giữ năm đó: hãy cập nhật, hoặc ghi rõ vì sao năm khác",
        "a name copied from another year's plan keeps that year: update it, or say why the year differs"
    ))
}
