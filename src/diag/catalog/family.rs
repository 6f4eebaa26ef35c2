//! The wording of the checks that make the format hold the whole family of plans: the
//! parent document's kind, the money unit.

use rust_decimal::Decimal;

use crate::diag::{Code, Diagnostic, Text};
use crate::model::DocumentKind;
use crate::money::format_vi;
use crate::source::Span;
use crate::t;

pub fn kind_symbol_mismatch(
    span: &Span,
    symbol: &str,
    named: Option<DocumentKind>,
    kind: DocumentKind,
    kind_span: Option<&Span>,
) -> Diagnostic {
    let (kind_name, kind_symbol) = (kind.as_str(), kind.symbol());
    let said = match kind_span {
        Some(_) => t!("loại văn bản ghi ở `kind = \"{kind_name}\"`", "the file's `kind = \"{kind_name}\"`"),
        None => t!(
            "một quyết định, như được hiểu khi không ghi `kind`",
            "a quyết định, as assumed when `kind` is not given"
        ),
    };
    let diagnostic = Diagnostic::new(
        Code::KindSymbolMismatch,
        span,
        t!(
            "ký hiệu `{symbol}` của số văn bản không phải `{kind_symbol}`, ký hiệu của {}",
            "the number's symbol `{symbol}` is not `{kind_symbol}`, the symbol of {}",
            said.vi,
            said.en
        ),
    )
    .label(Text::same(format!("`{symbol}`")));
    let diagnostic = match kind_span {
        Some(k) => diagnostic.secondary(k, t!("loại văn bản", "the kind")),
        None => diagnostic,
    };
    match named {
        Some(named) => {
            let (name, id) = (named.name_vi().to_lowercase(), named.as_str());
            diagnostic.help(t!(
                "`{symbol}` là ký hiệu của {name} (Nghị định 30/2020/NĐ-CP, Phụ lục III): ghi `kind = \"{id}\"` trong `[decision]`, hoặc sửa số văn bản",
                "`{symbol}` is the symbol of a {name} (Decree 30/2020/NĐ-CP, Appendix III): write `kind = \"{id}\"` in `[decision]`, or correct the number"
            ))
        }
        None => {
            let name = kind.name_vi().to_lowercase();
            diagnostic.help(t!(
                "{name} được đánh số `…/{kind_symbol}-…` (Nghị định 30/2020/NĐ-CP, Phụ lục III): sửa số văn bản, hoặc ghi `kind` đúng loại văn bản",
                "a {name} is numbered `…/{kind_symbol}-…` (Decree 30/2020/NĐ-CP, Appendix III): correct the number, or set `kind` to what the document is"
            ))
        }
    }
}

pub fn small_budget(span: &Span, amount: Decimal, unit: &str) -> Diagnostic {
    let (shown, million) = (format_vi(&amount), format_vi(&(amount * Decimal::from(1_000_000))));
    Diagnostic::new(
        Code::SuspectMoneyUnit,
        span,
        t!("kinh phí `{shown}` {unit} chưa đến một triệu đồng", "a budget of `{shown}` {unit} is less than a million đồng"),
    )
    .label(t!("số này tính bằng triệu đồng?", "is this in triệu đồng?"))
    .help(t!(
        "kinh phí kế hoạch hiếm khi dưới 1.000.000 đồng: nếu văn bản ghi bằng triệu hay tỷ đồng, hãy ghi `money-unit = \"triệu đồng\"` (hoặc \"tỷ đồng\") trong bảng, khi đó `{shown}` được đọc là {million} đồng",
        "a plan's budget is rarely under 1.000.000 đồng: if the document writes it in triệu or tỷ đồng, say so with `money-unit = \"triệu đồng\"` (or \"tỷ đồng\") in the table, and `{shown}` is read as {million} đồng"
    ))
}

pub fn support_cap_exceeded(
    span: &Span,
    enterprise: &str,
    paid: Decimal,
    allowed: Decimal,
    units: Decimal,
    per: Option<&str>,
    cap_span: &Span,
) -> Diagnostic {
    let per = per.unwrap_or("đơn vị");
    let (paid, units, allowed) = (format_vi(&paid), format_vi(&units), format_vi(&allowed));
    Diagnostic::new(
        Code::SupportCapExceeded,
        span,
        t!(
            "`{enterprise}` được chi tổng cộng `{paid}` đồng, nhiều hơn mức hỗ trợ cho {units} {per} (`{allowed}`)",
            "`{enterprise}` is paid `{paid}` đồng in all, more than the support rule allows for {units} {per} (`{allowed}`)"
        ),
    )
    .label(t!("khoản chi này vượt mức tối đa", "this payment passes the cap"))
    .secondary(cap_span, t!("mức tối đa cho một {per}", "the cap for one {per}"))
    .help(t!(
        "quy định chỉ hỗ trợ tối đa mức này cho mỗi {per} doanh nghiệp đạt được: ghi kết quả của doanh nghiệp (`[[achievement]]` có `enterprise`), hoặc kiểm tra các số tiền",
        "the rule pays at most the cap for each {per} an enterprise achieves: record its achievements (`[[achievement]]` with `enterprise`), or check the amounts"
    ))
}

pub fn budget_sources_sum(total_span: &Span, total: Decimal, sum: Decimal) -> Diagnostic {
    let difference = sum - total;
    let more = difference > Decimal::ZERO;
    let (sum, total, by) = (format_vi(&sum), format_vi(&total), format_vi(&difference.abs()));
    let message = if more {
        t!(
            "các nguồn kinh phí cộng lại được `{sum}`, nhiều hơn tổng kinh phí `{total}` là `{by}`",
            "the sources of funds add up to `{sum}`, more than the total `{total}` by `{by}`"
        )
    } else {
        t!(
            "các nguồn kinh phí cộng lại được `{sum}`, ít hơn tổng kinh phí `{total}` là `{by}`",
            "the sources of funds add up to `{sum}`, less than the total `{total}` by `{by}`"
        )
    };
    Diagnostic::new(Code::BudgetSourcesSum, total_span, message).label(t!("tổng kinh phí", "the total")).help(t!(
        "số tiền theo từng nguồn (ngân sách nhà nước, doanh nghiệp) phải cộng lại bằng tổng kinh phí: sửa một trong các số",
        "the amounts by source (state budget, enterprises) must add up to the total: correct one of them"
    ))
}

pub fn period_source_exceeded(
    span: &Span,
    source: crate::model::FundSource,
    sum: Decimal,
    allowed: Decimal,
    allowed_span: &Span,
) -> Diagnostic {
    let (id, name) = (source.as_str(), source.name_vi().to_lowercase());
    let (by, sum, allowed) = (format_vi(&(sum - allowed)), format_vi(&sum), format_vi(&allowed));
    Diagnostic::new(
        Code::PeriodBudgetExceeded,
        span,
        t!(
            "kinh phí các năm từ nguồn `{id}` ({name}) cộng lại được `{sum}`, nhiều hơn mức của quyết định `{allowed}` là `{by}`",
            "the yearly amounts from `{id}` ({name}) add up to `{sum}`, more than the decision's `{allowed}` by `{by}`"
        ),
    )
    .label(t!("số tiền năm này vượt mức của quyết định cho nguồn này", "this year's amount passes the decision's for this source"))
    .secondary(allowed_span, t!("mức của quyết định cho nguồn này", "the decision's amount for this source"))
    .help(t!(
        "giảm số tiền năm này từ nguồn này, hoặc chuyển sang nguồn khác mà quyết định cho phép",
        "lower this year's amount from this source, or move it to another source the decision allows"
    ))
}
