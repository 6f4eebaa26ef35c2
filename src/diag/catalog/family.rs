//! The wording of the checks that make the format hold the whole family of plans: the
//! parent document's kind, the money unit.

use rust_decimal::Decimal;

use crate::diag::{Code, Diagnostic};
use crate::model::DocumentKind;
use crate::money::format_vi;
use crate::source::Span;

pub fn kind_symbol_mismatch(
    span: &Span,
    symbol: &str,
    named: Option<DocumentKind>,
    kind: DocumentKind,
    kind_span: Option<&Span>,
) -> Diagnostic {
    let said = match kind_span {
        Some(_) => format!("the file's `kind = \"{}\"`", kind.as_str()),
        None => "a quyết định, as assumed when `kind` is not given".to_owned(),
    };
    let diagnostic = Diagnostic::new(
        Code::KindSymbolMismatch,
        span,
        format!("the number's symbol `{symbol}` is not `{}`, the symbol of {said}", kind.symbol()),
    )
    .label(format!("`{symbol}`"));
    let diagnostic = match kind_span {
        Some(k) => diagnostic.secondary(k, "the kind"),
        None => diagnostic,
    };
    match named {
        Some(named) => diagnostic.help(format!(
            "`{symbol}` is the symbol of a {} (Decree 30/2020/NĐ-CP, Appendix III): write `kind = \"{}\"` in \
             `[decision]`, or correct the number",
            named.name_vi().to_lowercase(),
            named.as_str()
        )),
        None => diagnostic.help(format!(
            "a {} is numbered `…/{}-…` (Decree 30/2020/NĐ-CP, Appendix III): correct the number, or set `kind` \
             to what the document is",
            kind.name_vi().to_lowercase(),
            kind.symbol()
        )),
    }
}

pub fn small_budget(span: &Span, amount: Decimal, unit: &str) -> Diagnostic {
    Diagnostic::new(
        Code::SuspectMoneyUnit,
        span,
        format!("a budget of `{}` {unit} is less than a million đồng", format_vi(&amount)),
    )
    .label("is this in triệu đồng?")
    .help(format!(
        "a plan's budget is rarely under 1.000.000 đồng: if the document writes it in triệu or tỷ đồng, say so with \
         `money-unit = \"triệu đồng\"` (or \"tỷ đồng\") in the table, and `{}` is read as {} đồng",
        format_vi(&amount),
        format_vi(&(amount * Decimal::from(1_000_000)))
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
    Diagnostic::new(
        Code::SupportCapExceeded,
        span,
        format!(
            "`{enterprise}` is paid `{}` đồng in all, more than the support rule allows for {} {per} (`{}`)",
            format_vi(&paid),
            format_vi(&units),
            format_vi(&allowed)
        ),
    )
    .label("this payment passes the cap")
    .secondary(cap_span, format!("the cap for one {per}"))
    .help(format!(
        "the rule pays at most the cap for each {per} an enterprise achieves: record its achievements (`[[achievement]]` \
         with `enterprise`), or check the amounts"
    ))
}
