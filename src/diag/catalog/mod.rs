//! One constructor per diagnostic code: the wording of every message, label and help line
//! lives here, in Vietnamese and English side by side ([`t!`](crate::t)), nowhere else.
//! Messages are lowercase, without a final period, values in backticks. The Vietnamese
//! text uses the words of docs/glossary.md: an analyst's words, not a programmer's.
//! [`explain`] holds what each code means and why it matters, for `plan explain` and the
//! doc page.

use rust_decimal::Decimal;

use super::{Code, Diagnostic, Text};
use crate::money::{AmountError, format_vi};
use crate::source::Span;
use crate::t;
pub use syntax::settings_error;
use syntax::syntax_vi;

pub mod explain;
mod family;
mod fix;
mod period;
mod syntax;
mod trust;

pub use family::{
    budget_sources_sum, kind_symbol_mismatch, period_source_exceeded, small_budget, support_cap_exceeded,
};
pub use fix::{SUGGESTION_THRESHOLD, ascii_slug, days_in_month, similar_enough, suggest_name, syntax_fix};
pub use period::{
    duplicate_year, period_budget_exceeded, period_target_exceeded, period_target_short, year_budget_exceeded,
    year_target_exceeded, year_target_short,
};
pub use trust::{
    date_outside_window, duplicate_entry, duplicate_submission, duplicate_voucher, fractional_dong,
    line_of_another_activity, name_count_mismatch, name_year_mismatch, paid_after_cut_off, possible_duplicate,
    sum_overflow, target_missing,
};

fn format_doc() -> Text {
    t!("xem docs/format.md để biết các khóa của từng bảng", "see docs/format.md for the keys each table has")
}

pub fn toml_syntax(span: &Span, parser_message: &str, value: Option<&str>) -> Diagnostic {
    let message = value
        .and_then(fix::syntax_problem)
        .unwrap_or_else(|| Text::new(syntax_vi(parser_message), lowercase_first(parser_message)));
    let diagnostic = Diagnostic::new(Code::TomlSyntax, span, message)
        .label(t!("trình đọc tệp dừng ở đây", "the TOML parser stopped here"));
    match value.and_then(syntax_fix) {
        Some(fix) => diagnostic.help(fix),
        None => diagnostic.help(t!(
            "sửa cú pháp ở đây; các lỗi khác của tệp sẽ được báo khi tệp đọc được",
            "fix the TOML syntax here; every other problem in this file is reported once it parses"
        )),
    }
}

pub fn toml_syntax_more(span: &Span, count: usize) -> Diagnostic {
    let en = if count == 1 {
        "1 more syntax error, from here on, is not shown".to_owned()
    } else {
        format!("{count} more syntax errors, from here on, are not shown")
    };
    Diagnostic::new(
        Code::TomlSyntax,
        span,
        Text::new(format!("còn {count} lỗi cú pháp nữa, từ đây trở đi, không hiện"), en),
    )
    .label(t!("lỗi đầu tiên trong số đó", "the first of them"))
    .help(t!(
        "sửa các lỗi ở trên trước; một tệp nhiều lỗi như vậy thường không phải tệp kế hoạch cần kiểm tra",
        "fix the errors above first; a file with this many is often not the file meant, or not TOML"
    ))
}

pub fn toml_unclosed(open: &Span, parser_message: &str, end: &Span) -> Diagnostic {
    Diagnostic::new(Code::TomlSyntax, open, Text::new(syntax_vi(parser_message), lowercase_first(parser_message)))
        .label(t!("mở ở đây và không được đóng", "opened here and never closed"))
        .secondary(
            end,
            t!("trình đọc tệp vẫn tìm chỗ đóng đến đây", "the TOML parser was still looking for the end here"),
        )
        .help(t!(
            "đóng nó ở chỗ cần kết thúc; các lỗi khác của tệp sẽ được báo khi tệp đọc được",
            "close it where it should end; every other problem in this file is reported once it parses"
        ))
}

pub fn unreadable_file(span: &Span, problem: &str) -> Diagnostic {
    // The problem names the byte the text stops at; the Vietnamese says what to do instead.
    Diagnostic::new(
        Code::UnreadableFile,
        span,
        t!("tệp không đọc được thành chữ: nó không được lưu ở dạng văn bản UTF-8", "{problem}"),
    )
    .help(t!(
        "lưu tệp ở dạng văn bản UTF-8 (trong Word hoặc Notepad: “Save as”, chọn mã UTF-8)",
        "save the file as UTF-8 text (in Word or Notepad: “Save as”, encoding UTF-8)"
    ))
}

pub fn file_too_large(span: &Span, problem: &str) -> Diagnostic {
    let mib: String =
        problem.split_whitespace().find(|w| w.bytes().all(|b| b.is_ascii_digit())).unwrap_or("64").to_owned();
    let vi = if problem.starts_with("the file is ") && problem.contains(", more than") {
        format!("tệp lớn {mib} MiB, vượt mức 64 MiB của một tệp kế hoạch")
    } else {
        "tệp lớn hơn 64 MiB, mức tối đa của một tệp kế hoạch".to_owned()
    };
    Diagnostic::new(Code::UnreadableFile, span, Text::new(vi, problem)).help(t!(
        "tệp kế hoạch chỉ vài kilobyte: kiểm tra đây có đúng là tệp cần kiểm tra, hoặc tách nó ra",
        "plan files are a few kilobytes: check that this is the file you meant, or split it"
    ))
}

pub fn unknown_kind_none(span: &Span, empty: bool) -> Diagnostic {
    let message = if empty {
        t!("tệp trống", "the file is empty")
    } else {
        t!(
            "tệp không có bảng nào trong `[decision]`, `[plan]` hoặc `[progress]`",
            "the file has none of the tables `[decision]`, `[plan]` or `[progress]`"
        )
    };
    Diagnostic::new(Code::UnknownKind, span, message).help(t!(
        "tệp kế hoạch bắt đầu bằng đúng một trong `[decision]` (quyết định), `[plan]` (kế hoạch) hoặc `[progress]` (tiến độ)",
        "a plan file starts with exactly one of `[decision]`, `[plan]` or `[progress]`, which says what it holds"
    ))
}

pub fn unknown_kind_many(span: &Span, kind: &str, first: &str, first_span: &Span) -> Diagnostic {
    Diagnostic::new(
        Code::UnknownKind,
        span,
        t!("tệp có cả `[{first}]` và `[{kind}]`", "the file has both `[{first}]` and `[{kind}]`"),
    )
    .label(t!("loại tệp thứ hai", "a second kind of file"))
    .secondary(first_span, t!("loại của tệp, do bảng này cho biết", "the file's kind, told by this table"))
    .help(t!(
        "mỗi tệp chỉ giữ một quyết định, một kế hoạch hoặc một báo cáo tiến độ: chuyển bảng này sang tệp riêng",
        "keep one decision, plan or progress record per file: move this table to a file of its own"
    ))
}

pub fn unknown_key(span: &Span, key: &str, suggestion: Option<&str>, known: &[&str]) -> Diagnostic {
    let diagnostic = Diagnostic::new(Code::UnknownKey, span, t!("không có khóa `{key}`", "unknown key `{key}`"))
        .label(t!("không phải khóa của bảng này", "not a key of this table"));
    match suggestion {
        Some(s) => diagnostic.help(t!("có phải ý là `{s}`?", "did you mean `{s}`?")),
        None if known.is_empty() => {
            let doc = format_doc();
            diagnostic.help(t!("bảng này không có khóa nào; {}", "this table has no keys; {}", doc.vi, doc.en))
        }
        None => {
            diagnostic.help(t!("các khóa ở đây là {}", "the keys here are {}", list(known, "hoặc"), list(known, "or")))
        }
    }
}

pub fn missing_key(table_span: &Span, key: &str) -> Diagnostic {
    let short = key.rsplit('.').next().unwrap_or(key);
    let doc = format_doc();
    Diagnostic::new(Code::MissingKey, table_span, t!("thiếu khóa `{key}`", "missing key `{key}`"))
        .label(t!("trong bảng này", "in this table"))
        .help(t!("thêm `{short}`; {}", "add `{short}`; {}", doc.vi, doc.en))
}

/// What a value is, in both languages, from the parser's type name (`string`, `integer`…).
fn type_name(found: &str) -> Text {
    match found {
        "string" => t!("một đoạn chữ trong ngoặc kép", "a string"),
        "integer" => t!("một số nguyên", "an integer"),
        "float" => t!("một số có phần thập phân", "a float"),
        "boolean" => t!("một giá trị đúng/sai", "a boolean"),
        "datetime" => t!("một ngày", "a datetime"),
        "array" => t!("một danh sách", "an array"),
        "table" => t!("một bảng", "a table"),
        other => Text::new(format!("một giá trị `{other}`"), article(other)),
    }
}

/// What a key expects, in Vietnamese, from the English the lowering code names it with.
fn expected_vi(expected: &str) -> String {
    match expected {
        "a string" => "một đoạn chữ trong ngoặc kép".to_owned(),
        "an integer" => "một số nguyên".to_owned(),
        "`true` or `false`" => "`true` (đúng) hoặc `false` (sai)".to_owned(),
        "a date (`2019-06-30`)" => "một ngày (`2019-06-30`)".to_owned(),
        "a list of strings" => "một danh sách các đoạn chữ".to_owned(),
        "a table" => "một bảng".to_owned(),
        "an array of key names" => "một danh sách tên khóa".to_owned(),
        "a key name" => "một tên khóa".to_owned(),
        "an amount (an integer, or a string such as \"491.300.000\")" => {
            "một số tiền hoặc số lượng (số nguyên, hoặc viết trong ngoặc kép như \"491.300.000\")".to_owned()
        }
        other => match other.strip_prefix("an array of tables (`[[").and_then(|r| r.strip_suffix("]]`)")) {
            Some(name) => format!("một danh sách bảng (`[[{name}]]`)"),
            None => other.to_owned(),
        },
    }
}

pub fn wrong_type(span: &Span, key: &str, expected: &str, found: &str) -> Diagnostic {
    let found = type_name(found);
    let expected_vi = expected_vi(expected);
    Diagnostic::new(
        Code::WrongType,
        span,
        t!(
            "`{key}` phải là {expected_vi}, nhưng ở đây là {}",
            "`{key}` must be {expected}, found {}",
            found.vi,
            found.en
        ),
    )
    .label(t!("{} ở đây", "{} here", found.vi, found.en))
    .help(t!("viết {expected_vi}", "write {expected}"))
}

pub fn invalid_value(span: &Span, message: Text, help: Text) -> Diagnostic {
    Diagnostic::new(Code::InvalidValue, span, message).help(help)
}

pub fn invalid_id(span: &Span, key: &str, id: &str) -> Diagnostic {
    let slug = ascii_slug(id);
    let help = if slug.is_empty() || slug == id {
        t!(
            "mã định danh chỉ gồm chữ thường không dấu và chữ số, nối bằng `-`, như `he-thong-quan-ly`",
            "identifiers are ASCII kebab-case: lowercase letters and digits joined by `-`, such as `he-thong-quan-ly`"
        )
    } else {
        t!(
            "viết `\"{slug}\"`: mã định danh chỉ gồm chữ thường không dấu và chữ số, nối bằng `-`; sửa cả những chỗ nhắc đến nó",
            "write `\"{slug}\"`: identifiers are ASCII kebab-case, lowercase letters and digits joined by `-`; correct the references to it too"
        )
    };
    invalid_value(
        span,
        t!("`{key}` không phải mã định danh hợp lệ: `{id}`", "`{key}` is not an identifier: `{id}`"),
        help,
    )
}

pub fn not_one_of(span: &Span, key: &str, value: &str, allowed: &[&str]) -> Diagnostic {
    invalid_value(
        span,
        t!("`{key}` không thể là `{value}`", "`{key}` cannot be `{value}`"),
        t!("viết một trong {}", "write one of {}", list(allowed, "hoặc"), list(allowed, "or")),
    )
}

pub fn period_reversed(span: &Span, from: i32, to: i32) -> Diagnostic {
    invalid_value(
        span,
        t!(
            "giai đoạn kết thúc (`{to}`) trước khi bắt đầu (`{from}`)",
            "the period ends (`{to}`) before it starts (`{from}`)"
        ),
        t!("viết năm đầu ở `from` và năm cuối ở `to`", "write the first year in `from` and the last in `to`"),
    )
}

pub fn zero_total(span: &Span) -> Diagnostic {
    Diagnostic::new(Code::InvalidAmount, span, t!("tổng kinh phí bằng không", "the budget total is zero"))
        .label(t!("bằng không", "zero"))
        .help(t!(
            "viết kinh phí của kế hoạch; bỏ `[budget]` đi nếu kế hoạch không có kinh phí",
            "write the plan's budget; leave `[budget]` out if the plan has none"
        ))
}

pub fn zero_disbursement(span: &Span) -> Diagnostic {
    Diagnostic::new(Code::InvalidAmount, span, t!("một khoản giải ngân bằng không", "a disbursement of zero"))
        .label(t!("bằng không", "zero"))
        .help(t!("chỉ ghi những khoản tiền đã thực chi", "record only money actually paid out"))
}

/// An amount that does not read, with the character it stops at counted in characters of
/// `raw` (the text as written), never in bytes.
pub fn invalid_amount(span: &Span, key: &str, error: &AmountError, raw: &str) -> Diagnostic {
    let (problem, help) = amount_error(error, raw);
    Diagnostic::new(Code::InvalidAmount, span, t!("`{key}`: {}", "`{key}`: {}", problem.vi, problem.en)).help(help)
}

/// What is wrong with an amount, and what to write: both in both languages.
pub fn amount_error(error: &AmountError, raw: &str) -> (Text, Text) {
    let at = |offset: &usize| raw.get(..*offset).map_or(*offset, |s| s.chars().count()) + 1;
    let figure = raw.trim();
    match error {
        AmountError::Empty => (
            t!("số tiền để trống", "the amount is empty"),
            t!("viết số tiền bằng chữ số, như `491.300.000`", "write the amount in digits, like `491.300.000`"),
        ),
        AmountError::Negative { text } => (
            t!("số tiền âm `{text}`", "negative amount `{text}`"),
            t!("số tiền không thể âm: viết bỏ dấu `-`", "amounts cannot be negative: write the amount without `-`"),
        ),
        AmountError::PlusSign => (
            t!("không viết `+` trước số tiền", "`+` before an amount is not allowed"),
            t!("viết bỏ dấu `+`", "write the amount without `+`"),
        ),
        AmountError::WhitespaceSeparator { offset, name } => (
            t!(
                "khoảng trắng dùng để tách nhóm chữ số, ở ký tự thứ {}",
                "{name} used as a group separator at character {}",
                at(offset),
                at(offset)
            ),
            t!(
                "tách các nhóm ba chữ số bằng `.`, như `491.300.000`",
                "separate groups of three digits with `.`, like `491.300.000`"
            ),
        ),
        AmountError::FullWidthDigit { offset, ascii } => (
            t!("chữ số toàn khổ ở ký tự thứ {}", "full-width digit at character {}", at(offset), at(offset)),
            t!("dùng chữ số thường: `{ascii}`", "use ASCII digits: `{ascii}`"),
        ),
        AmountError::MisplacedSeparator { offset } => (
            t!(
                "dấu `.` đặt sai chỗ ở ký tự thứ {}",
                "misplaced group separator `.` at character {}",
                at(offset),
                at(offset)
            ),
            t!(
                "dấu `.` tách từng nhóm đúng ba chữ số, đếm từ phải sang, như `491.300.000`; phần thập phân đứng sau `,`",
                "`.` separates groups of exactly three digits, counted from the right, like `491.300.000`; decimals follow `,`"
            ),
        ),
        AmountError::TwoDecimalCommas { offset } => (
            t!("dấu `,` thứ hai ở ký tự thứ {}", "second decimal comma `,` at character {}", at(offset), at(offset)),
            t!(
                "số tiền có nhiều nhất một dấu `,`, trước phần thập phân, như `12,5`",
                "an amount has at most one `,`, before its decimals, like `12,5`"
            ),
        ),
        AmountError::LoneDecimalComma { offset } => (
            t!(
                "dấu `,` ở ký tự thứ {} cần chữ số ở hai bên",
                "decimal comma `,` at character {} needs digits on both sides",
                at(offset),
                at(offset)
            ),
            t!(
                "số tiền có nhiều nhất một dấu `,`, trước phần thập phân, như `12,5`",
                "an amount has at most one `,`, before its decimals, like `12,5`"
            ),
        ),
        AmountError::EnglishNotation { text, suggestion } => (
            t!("`{text}` viết theo kiểu tiếng Anh", "`{text}` is in English notation"),
            t!(
                "viết `{suggestion}`: kiểu Việt Nam tách nhóm chữ số bằng `.` và viết phần thập phân sau `,`",
                "write `{suggestion}`: Vietnamese notation groups digits with `.` and writes decimals after `,`"
            ),
        ),
        AmountError::Overflow { text } => {
            let max = format_vi(&Decimal::MAX);
            (
                t!("`{text}` quá lớn", "`{text}` is too large for an amount"),
                t!("số tiền lớn nhất là `{max}`", "amounts go up to `{max}`"),
            )
        }
        AmountError::TooManyDecimals { text } => (
            t!("`{text}` có hơn 28 chữ số thập phân", "`{text}` has more than 28 decimals"),
            t!("làm tròn còn nhiều nhất 28 chữ số thập phân", "round the amount to at most 28 decimals"),
        ),
        AmountError::UnexpectedChar { found, offset } if fix::is_currency(found) => {
            let bare = figure.get(..figure.len().saturating_sub(found.len())).unwrap_or(figure).trim_end();
            (
                t!("có `{found}` ở ký tự thứ {}", "unexpected `{found}` at character {}", at(offset), at(offset)),
                t!(
                    "bỏ ký hiệu tiền tệ `{found}`: viết `\"{bare}\"`; đơn vị luôn là đồng",
                    "drop the currency sign `{found}`: write `\"{bare}\"`; amounts are always in đồng"
                ),
            )
        }
        AmountError::UnexpectedChar { found, offset } => (
            t!("có `{found}` ở ký tự thứ {}", "unexpected `{found}` at character {}", at(offset), at(offset)),
            t!(
                "chỉ viết chữ số, `.` giữa các nhóm ba chữ số và `,` trước phần thập phân",
                "write only digits, `.` between groups of three and `,` before decimals"
            ),
        ),
    }
}

/// A number written with a decimal point: money takes whole đồng, a count a whole number;
/// the help writes the value as it should be when it is whole (`520000000.0` →
/// `520_000_000`, `6.0` → `6`).
pub fn float_amount(span: &Span, key: &str, raw: &str, money: bool) -> Diagnostic {
    let whole = fix::whole_number(raw);
    let diagnostic = Diagnostic::new(
        Code::InvalidAmount,
        span,
        t!(
            "`{key}` là số có phần thập phân (`{raw}`), không giữ chính xác được số tiền hay số lượng",
            "`{key}` is a TOML float (`{raw}`), which cannot hold money exactly"
        ),
    )
    .label(t!("số có phần thập phân", "a float"));
    match (whole, money) {
        (Some(n), true) => {
            let underscored = fix::underscored(n);
            let dotted = format_vi(&Decimal::from(n));
            diagnostic.help(t!(
                "viết `{underscored}` (bỏ `.0`), hoặc `\"{dotted}\"` trong ngoặc kép",
                "write `{underscored}` (without `.0`), or `\"{dotted}\"` in quotes"
            ))
        }
        (Some(n), false) => {
            diagnostic.help(t!("viết `{n}`: một số đếm là số nguyên", "write `{n}`: a count is a whole number"))
        }
        (None, true) => diagnostic.help(t!(
            "viết số nguyên (`491_300_000`) hoặc số kiểu Việt Nam trong ngoặc kép (`\"491.300.000\"`)",
            "write an integer (`491_300_000`) or a string in Vietnamese notation (`\"491.300.000\"`)"
        )),
        (None, false) => {
            let comma = raw.replacen('.', ",", 1);
            diagnostic.help(t!(
                "viết phần thập phân sau dấu phẩy, trong ngoặc kép: `\"{comma}\"`",
                "write the decimals after a comma, in quotes: `\"{comma}\"`"
            ))
        }
    }
}

pub fn impossible_date(span: &Span, detail: &str, date: Option<(i32, u32, u32)>) -> Diagnostic {
    let diagnostic = Diagnostic::new(
        Code::InvalidDate,
        span,
        if detail.starts_with("invalid") {
            Text::new("ngày viết sai: cần một ngày có thật, dạng `YYYY-MM-DD`", lowercase_first(detail))
        } else {
            t!(
                "ngày không có trong lịch: {}",
                "{}",
                detail.replace("is not a day of the calendar", "").trim(),
                lowercase_first(detail)
            )
        },
    )
    .label(t!("ngày không có thật", "not a real date"));
    match date.and_then(|(y, m, _)| Some((y, m, days_in_month(y, m)?))) {
        Some((y, m, days)) => {
            let last = format!("{y}-{m:02}-{days:02}");
            diagnostic.help(t!(
                "tháng {m} năm {y} có {days} ngày: nếu là ngày cuối tháng, viết `{last}`",
                "month {m} of {y} has {days} days: for its last day, write `{last}`"
            ))
        }
        None => diagnostic.help(t!(
            "viết một ngày có thật, dạng `YYYY-MM-DD` (năm-tháng-ngày)",
            "write a date that exists, as `YYYY-MM-DD`"
        )),
    }
}

/// A date the parser cannot read because of its format (`2020-6-30`), with `fix`, the
/// help that writes it in the format.
pub fn date_format(span: &Span, parser_message: &str, fix: Text) -> Diagnostic {
    Diagnostic::new(
        Code::InvalidDate,
        span,
        Text::new("ngày viết sai dạng: cần `YYYY-MM-DD` (năm-tháng-ngày)", lowercase_first(parser_message)),
    )
    .label(t!("sai dạng ngày", "not in the date format"))
    .help(fix)
}

pub fn date_with_time(span: &Span, key: &str, value: &str) -> Diagnostic {
    Diagnostic::new(
        Code::InvalidDate,
        span,
        t!(
            "`{key}` chỉ ghi ngày, không ghi giờ; ở đây là `{value}`",
            "`{key}` must be a date without a time, found `{value}`"
        ),
    )
    .help(t!("chỉ viết ngày, như `2019-06-30`", "write only the day, such as `2019-06-30`"))
}

pub fn date_as_string(span: &Span, key: &str, value: &str) -> Diagnostic {
    let diagnostic = Diagnostic::new(
        Code::InvalidDate,
        span,
        t!(
            "`{key}` viết trong ngoặc kép (`\"{value}\"`), nên không đọc được thành ngày",
            "`{key}` is a string (`\"{value}\"`), not a date"
        ),
    )
    .label(t!("trong ngoặc kép", "in quotes"));
    match fix::day_first(value) {
        Some(fix::DayFirst::Real(iso)) => diagnostic.help(t!(
            "viết `{iso}`, không có ngoặc kép: năm trước, rồi tháng, rồi ngày",
            "write `{iso}`, without quotes: year first, then month and day"
        )),
        Some(fix::DayFirst::Past { month, days, last }) => diagnostic.help(t!(
            "tháng {month} chỉ có {days} ngày: viết `{last}`, không có ngoặc kép",
            "month {month} has {days} days: write `{last}`, without quotes"
        )),
        None => diagnostic.help(t!(
            "viết ngày không có ngoặc kép, năm trước: `2019-06-30`",
            "write a TOML date without quotes, year first: `2019-06-30`"
        )),
    }
}

pub fn invalid_month_day(span: &Span, key: &str, value: &str) -> Diagnostic {
    Diagnostic::new(
        Code::InvalidDate,
        span,
        t!("`{key}` không phải một ngày trong năm: `{value}`", "`{key}` is not a day of the year: `{value}`"),
    )
    .help(t!(
        "viết tháng và ngày dạng `\"MM-DD\"`, như `\"06-30\"`",
        "write month and day as `\"MM-DD\"`, such as `\"06-30\"`"
    ))
}

pub fn duplicate_id(span: &Span, what: &str, id: &str, first: &Span) -> Diagnostic {
    let noun = noun(what);
    Diagnostic::new(
        Code::DuplicateId,
        span,
        t!("hai {} có cùng mã `{id}`", "two {} have the id `{id}`", noun.vi, plural(what)),
    )
    .label(t!("cái thứ hai", "the second"))
    .secondary(first, t!("cái thứ nhất", "the first"))
    .help(t!("đặt cho mỗi {} một mã riêng", "give each {what} an id of its own", noun.vi))
}

pub fn unresolved_file(span: &Span, path: &str, reason: &str) -> Diagnostic {
    Diagnostic::new(
        Code::UnresolvedFile,
        span,
        t!("không dùng được `{path}`: {}", "cannot use `{path}`: {reason}", phrase_vi(reason)),
    )
    .help(t!("đường dẫn tính từ thư mục chứa tệp này", "the path is relative to the directory of this file"))
}

pub fn decision_mismatch(span: &Span, what: &str, cited: &str, actual: &str, actual_span: &Span) -> Diagnostic {
    let noun = noun(what);
    Diagnostic::new(
        Code::DecisionMismatch,
        span,
        t!(
            "kế hoạch ghi {} của quyết định là `{cited}`, nhưng tệp quyết định ghi `{actual}`",
            "the plan cites the decision's {what} as `{cited}`, but the decision file has `{actual}`",
            noun.vi
        ),
    )
    .label(t!("ghi là `{cited}`", "cited as `{cited}`"))
    .secondary(actual_span, t!("{} của quyết định", "the decision's {what}", noun.vi))
    .help(t!(
        "ghi quyết định đúng như tệp quyết định, hoặc sửa `decision.file` chỉ đến đúng quyết định",
        "cite the decision as its file gives it, or point `decision.file` at the right decision"
    ))
}

pub fn year_outside_period(span: &Span, year: i32, from: i32, to: i32, period: &Span) -> Diagnostic {
    Diagnostic::new(
        Code::YearOutsidePeriod,
        span,
        t!(
            "năm `{year}` của kế hoạch nằm ngoài giai đoạn `{from}–{to}` của quyết định",
            "the plan's year `{year}` is outside the decision's period `{from}–{to}`"
        ),
    )
    .label(t!("ngoài giai đoạn", "outside the period"))
    .secondary(period, t!("giai đoạn của quyết định", "the decision's period"))
    .help(t!(
        "kiểm tra năm; kế hoạch chỉ thực hiện quyết định trong giai đoạn của quyết định",
        "check the year; a plan can only implement its decision within the decision's period"
    ))
}

/// What a reference names, and where such things are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reference {
    /// A decision item (`item = …`), listed in the decision.
    Item,
    /// An agency, listed in the decision's `[[agency]]`.
    Agency,
    /// An activity of the plan.
    Activity,
    /// A task of the plan's section III.
    Task,
    /// A line of the plan's budget.
    BudgetLine,
}

impl Reference {
    fn what(self) -> Text {
        match self {
            Reference::Item => t!("hạng mục", "item"),
            Reference::Agency => t!("cơ quan", "agency"),
            Reference::Activity => t!("hoạt động", "activity"),
            Reference::Task => t!("nhiệm vụ", "task"),
            Reference::BudgetLine => t!("dòng kinh phí", "budget line"),
        }
    }

    fn place(self) -> Text {
        match self {
            Reference::Item => t!("quyết định", "the decision"),
            Reference::Agency => t!("danh sách `[[agency]]` của quyết định", "the decision's `[[agency]]` list"),
            Reference::Activity => t!("kế hoạch", "the plan"),
            Reference::Task => t!(
                "phần III của kế hoạch (`[[responsibility.task]]` có `id`)",
                "the plan's section III (`[[responsibility.task]]` with an `id`)"
            ),
            Reference::BudgetLine => t!("kinh phí của kế hoạch", "the plan's budget"),
        }
    }
}

/// A name that is nowhere it should be. `suggestion` is the nearest known name when it is
/// near enough ([`similar_enough`]); `decision_file` names where an agency is to be added.
pub fn unknown_reference(
    code: Code,
    span: &Span,
    what: Reference,
    name: &str,
    suggestion: Option<&str>,
    decision_file: Option<&str>,
) -> Diagnostic {
    let (noun, place) = (what.what(), what.place());
    let diagnostic = Diagnostic::new(
        code,
        span,
        t!("không có {} `{name}` trong {}", "no {} `{name}` in {}", noun.vi, place.vi, noun.en, place.en),
    )
    .label(t!("{} không có trong danh sách", "unknown {}", noun.vi, noun.en));
    let is_slug =
        |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    match (suggestion, what) {
        // The id it resembles is itself not an id (`hội-thảo`): never spread it to the
        // references; both are to be written as the slug.
        (Some(s), Reference::Item | Reference::Activity | Reference::Task | Reference::BudgetLine) if !is_slug(s) => {
            let slug = ascii_slug(s);
            diagnostic.help(t!(
                "mã `{s}` mà nó giống cũng viết sai: viết `{slug}` ở cả hai chỗ",
                "the id it resembles, `{s}`, is not an identifier either: write `{slug}` in both places"
            ))
        }
        (Some(s), _) => diagnostic.help(t!("có phải ý là `{s}`?", "did you mean `{s}`?")),
        (None, Reference::Agency) => {
            let file =
                decision_file.map_or_else(|| t!("tệp quyết định", "the decision file"), |f| t!("`{f}`", "`{f}`"));
            diagnostic.help(t!(
                "nếu đúng tên, thêm cơ quan vào {}: một bảng `[[agency]]` có `id` và `name = \"{name}\"`; nếu không, sửa tên cho đúng một cơ quan đã có",
                "if the name is right, add the agency to {}: an `[[agency]]` table with an `id` and `name = \"{name}\"`; if not, correct the name to one the decision lists",
                file.vi,
                file.en
            ))
        }
        (None, _) => diagnostic.help(t!(
            "thêm {} vào {}, hoặc sửa tên",
            "add the {} to {}, or correct the name",
            noun.vi,
            place.vi,
            noun.en,
            place.en
        )),
    }
}

pub fn ambiguous_agency(span: &Span, name: &str, other: &Span) -> Diagnostic {
    Diagnostic::new(Code::AmbiguousAgency, span, t!("`{name}` là tên của hai cơ quan", "`{name}` names two agencies"))
        .label(t!("tên này", "this name"))
        .secondary(other, t!("đọc giống tên này của một cơ quan khác", "reads the same as this one of another agency"))
        .help(t!(
            "tên được so sánh không kể chữ hoa, cách gõ dấu và khoảng trắng: hãy đặt tên khác nhau về chữ",
            "names are compared ignoring case, Unicode form, tone placement and spacing: make them differ in letters"
        ))
}

pub fn unit_mismatch(span: &Span, unit: &str, item_unit: &str, item_span: &Span) -> Diagnostic {
    Diagnostic::new(
        Code::UnitMismatch,
        span,
        t!(
            "đơn vị tính `{unit}` khác đơn vị `{item_unit}` của hạng mục trong quyết định",
            "the unit `{unit}` differs from the decision item's unit `{item_unit}`"
        ),
    )
    .secondary(item_span, t!("đơn vị của quyết định", "the decision's unit"))
    .help(t!(
        "tính theo đơn vị của quyết định, để các năm cộng lại được",
        "count in the decision's unit, so that the years add up"
    ))
}

pub fn lead_mismatch(span: &Span, lead: &str, decision_lead: &str, decision_span: &Span) -> Diagnostic {
    Diagnostic::new(
        Code::LeadMismatch,
        span,
        t!(
            "đơn vị chủ trì `{lead}` không phải đơn vị chủ trì `{decision_lead}` của quyết định",
            "the lead `{lead}` is not the decision's lead `{decision_lead}`"
        ),
    )
    .secondary(decision_span, t!("đơn vị chủ trì của quyết định", "the decision's lead"))
    .help(t!(
        "kiểm tra đơn vị chủ trì; điều này được phép, nhưng ít gặp",
        "check the lead unit (đơn vị chủ trì); this is allowed, but unusual"
    ))
}

pub fn budget_lines_sum(total_span: &Span, total: Decimal, sum: Decimal) -> Diagnostic {
    let difference = sum - total;
    let (more, by) =
        if difference > Decimal::ZERO { (t!("nhiều", "more"), difference) } else { (t!("ít", "less"), -difference) };
    let (sum, total, by) = (format_vi(&sum), format_vi(&total), format_vi(&by));
    Diagnostic::new(
        Code::BudgetLinesSum,
        total_span,
        t!(
            "các dòng kinh phí cộng lại được `{sum}`, {} hơn tổng `{total}` là `{by}`",
            "the budget lines add up to `{sum}`, {} than the total `{total}` by `{by}`",
            more.vi,
            more.en
        ),
    )
    .label(t!("tổng kinh phí", "the total"))
    .help(t!(
        "sửa một dòng hoặc tổng: phụ lục phải cộng lại đúng bằng kinh phí của kế hoạch",
        "correct a line or the total: the appendix must add up to the plan's budget"
    ))
}

pub fn amount_words_mismatch(
    span: &Span,
    reads_as: u128,
    total: Decimal,
    total_span: &Span,
    words: &str,
) -> Diagnostic {
    let (read, total) = (format_vi(&Decimal::from(reads_as)), format_vi(&total));
    let diagnostic = Diagnostic::new(
        Code::AmountWordsMismatch,
        span,
        t!(
            "số tiền bằng chữ đọc là `{read}`, không phải `{total}`",
            "the amount in words reads as `{read}`, not `{total}`"
        ),
    )
    .label(t!("đọc là `{read}`", "reads as `{read}`"))
    .secondary(total_span, t!("số tiền bằng số", "the amount in figures"));
    if words.is_empty() {
        diagnostic.help(t!(
            "kiểm tra số tiền bằng số: nó quá lớn để là kinh phí",
            "check the amount in figures: it is too large to be a budget"
        ))
    } else {
        diagnostic.help(t!("viết là “{words}”", "write it as “{words}”"))
    }
}

/// Words that do not read as a number. `problem` and `help` are the reader's, in both
/// languages; `written` is the amount in figures written in words, which the help gives
/// when the reader's help is about a spoken form (`rưỡi`): the words for this amount, not
/// a fixed example.
pub fn amount_words_unreadable(
    span: &Span,
    problem: &Text,
    help: &Text,
    total_span: &Span,
    written: Option<&str>,
) -> Diagnostic {
    let message = t!(
        "số tiền bằng chữ không đọc được thành số: {}",
        "the amount in words does not read as a number: {}",
        problem.vi,
        problem.en
    );
    let diagnostic = Diagnostic::new(Code::AmountWordsMismatch, span, message)
        .secondary(total_span, t!("số tiền bằng số", "the amount in figures"));
    match written {
        Some(words) => {
            diagnostic.help(t!("viết đầy đủ số tiền bằng số: “{words}”", "write out the amount in figures: “{words}”"))
        }
        None => diagnostic.help(help.clone()),
    }
}

pub fn breakdown_sum(span: &Span, sum: Decimal, target: Option<(Decimal, &Span)>) -> Diagnostic {
    let sum = format_vi(&sum);
    match target {
        Some((target, target_span)) => {
            let target = format_vi(&target);
            Diagnostic::new(
                Code::BreakdownSum,
                span,
                t!(
                    "các phần cộng lại được `{sum}`, nhưng chỉ tiêu là `{target}`",
                    "the parts add up to `{sum}`, but the target is `{target}`"
                ),
            )
            .secondary(target_span, t!("chỉ tiêu", "the target"))
            .help(t!(
                "sửa một phần hoặc chỉ tiêu: các phần phải cộng lại đúng bằng chỉ tiêu",
                "correct a part or the target: the parts must add up to the target"
            ))
        }
        None => Diagnostic::new(
            Code::BreakdownSum,
            span,
            t!(
                "các phần cộng lại được `{sum}`, nhưng hoạt động không có chỉ tiêu",
                "the parts add up to `{sum}`, but the activity has no target"
            ),
        )
        .help(t!("thêm `target` (chỉ tiêu) mà các phần cộng thành", "add the `target` the parts make up")),
    }
}

pub fn overspent(span: &Span, what: &str, disbursed: Decimal, limit: Decimal, limit_span: &Span) -> Diagnostic {
    let (disbursed, limit) = (format_vi(&disbursed), format_vi(&limit));
    Diagnostic::new(
        Code::Overspent,
        span,
        t!(
            "giải ngân cho {} lên đến `{disbursed}`, nhiều hơn số `{limit}` được cấp",
            "disbursements against {what} reach `{disbursed}`, more than its `{limit}`",
            phrase_vi(what)
        ),
    )
    .label(t!("tổng vượt `{limit}` ở đây", "the total passes `{limit}` here"))
    .secondary(limit_span, t!("số tiền được cấp", "the amount available"))
    .help(t!(
        "kiểm tra các số tiền: không thể chi nhiều hơn kinh phí đã giao",
        "check the amounts: no more can be paid out than was budgeted"
    ))
}

pub fn over_target(span: &Span, activity: &str, achieved: Decimal, target: &str, target_span: &Span) -> Diagnostic {
    let achieved = format_vi(&achieved);
    Diagnostic::new(
        Code::OverTarget,
        span,
        t!(
            "kết quả của `{activity}` lên đến `{achieved}`, nhiều hơn chỉ tiêu `{target}`",
            "achievements for `{activity}` reach `{achieved}`, more than its target `{target}`"
        ),
    )
    .label(t!("vượt chỉ tiêu ở đây", "passes the target here"))
    .secondary(target_span, t!("chỉ tiêu", "the target"))
    .help(t!(
        "điều này được phép; kiểm tra xem có kết quả nào bị ghi hai lần không",
        "this is allowed; check that nothing was recorded twice"
    ))
}

pub fn date_outside_year(span: &Span, what: &str, date: chrono::NaiveDate, year: i32) -> Diagnostic {
    let day = date.format("%d/%m/%Y");
    Diagnostic::new(
        Code::DateOutsideYear,
        span,
        t!(
            "{} ghi ngày `{day}`, ngoài năm kế hoạch `{year}`",
            "the {what} is dated `{date}`, outside the plan year `{year}`",
            capitalised_noun(what)
        ),
    )
    .help(t!(
        "kiểm tra ngày, hoặc ghi vào kế hoạch của năm đó",
        "check the date, or record it against the plan of that year"
    ))
}

pub fn deadline_order(
    span: &Span,
    half_year: chrono::NaiveDate,
    annual: chrono::NaiveDate,
    annual_span: &Span,
) -> Diagnostic {
    let (h, a) = (half_year.format("%d/%m/%Y"), annual.format("%d/%m/%Y"));
    Diagnostic::new(
        Code::DeadlineOrder,
        span,
        t!(
            "hạn báo cáo 6 tháng là `{h}`, sau hạn báo cáo năm (`{a}`)",
            "the half-year report is due `{half_year}`, after the annual report (`{annual}`)"
        ),
    )
    .secondary(annual_span, t!("hạn báo cáo năm", "the annual report's date"))
    .help(t!("kiểm tra hai ngày: báo cáo 6 tháng phải đến trước", "check both dates: the half-year report comes first"))
}

pub fn late_submission(
    span: &Span,
    kind: &str,
    date: chrono::NaiveDate,
    due_before: chrono::NaiveDate,
    due_span: &Span,
) -> Diagnostic {
    let (d, due) = (date.format("%d/%m/%Y"), due_before.format("%d/%m/%Y"));
    Diagnostic::new(
        Code::LateSubmission,
        span,
        t!(
            "báo cáo {} gửi ngày `{d}`, không trước ngày `{due}`",
            "the {kind} report was sent on `{date}`, not before `{due_before}`",
            report_kind_vi(kind)
        ),
    )
    .label(t!("trễ hạn", "late"))
    .secondary(due_span, t!("hạn: trước ngày này", "due before this day"))
    .help(t!(
        "báo cáo đúng hạn khi gửi trước ngày ghi ở `due-before`",
        "a report is on time when sent before its due-before date"
    ))
}

/// A report kind (`half-year`, `annual`…) in Vietnamese.
fn report_kind_vi(kind: &str) -> String {
    match kind {
        "half-year" => "6 tháng".to_owned(),
        "annual" => "năm".to_owned(),
        "quarterly" | "quarter" => "quý".to_owned(),
        "final" => "tổng kết".to_owned(),
        other => format!("`{other}`"),
    }
}

/// The Vietnamese of a noun the checks name a thing with (`activity`, `budget line`).
fn noun(what: &str) -> Text {
    let vi = match what {
        "activity" => "hoạt động",
        "item" => "hạng mục",
        "agency" => "cơ quan",
        "budget line" => "dòng kinh phí",
        "task" => "nhiệm vụ",
        "achievement" => "kết quả",
        "disbursement" => "khoản giải ngân",
        "milestone" => "mốc tiến độ",
        "due date" => "hạn hoàn thành",
        "report's due date" => "hạn gửi báo cáo",
        "number" => "số",
        "date" => "ngày",
        "part" => "phần",
        "report" => "báo cáo",
        "submission" => "lần gửi báo cáo",
        other => other,
    };
    Text::new(vi, what)
}

fn capitalised_noun(what: &str) -> String {
    let vi = noun(what).vi;
    let mut chars = vi.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// The Vietnamese of a phrase the checks and the workspace build in English: the fixed
/// ones by table, those with a value by their shape. A phrase not known here is kept.
pub fn phrase_vi(en: &str) -> String {
    const FIXED: [(&str, &str); 14] = [
        ("the plan", "kế hoạch"),
        ("the plan's budget amounts", "các số tiền trong kinh phí của kế hoạch"),
        ("the plan's targets", "các chỉ tiêu của kế hoạch"),
        ("the quantities achieved", "các số lượng đã đạt"),
        ("the amounts disbursed", "các số tiền đã giải ngân"),
        ("the yearly budgets of the period", "kinh phí các năm của giai đoạn"),
        ("the yearly targets of the period", "chỉ tiêu các năm của giai đoạn"),
        ("the quantities achieved in the period", "các số lượng đã đạt trong giai đoạn"),
        ("the amounts disbursed in the period", "các số tiền đã giải ngân trong giai đoạn"),
        ("no such file", "không có tệp này"),
        ("it is a directory", "đây là một thư mục"),
        (
            "it leads outside the checked tree (the current directory and the paths named)",
            "nó dẫn ra ngoài phạm vi đang kiểm tra (thư mục hiện tại và các đường dẫn đã nêu)",
        ),
        (
            "the same in every field that both give, and one gives a detail the other lacks",
            "giống nhau ở mọi mục cả hai cùng ghi, và một bên ghi thêm chi tiết bên kia không có",
        ),
        ("the decision", "quyết định"),
    ];
    if let Some((_, vi)) = FIXED.iter().find(|(e, _)| *e == en) {
        return (*vi).to_owned();
    }
    if let Some(rest) = en.strip_prefix("budget line ") {
        return format!("dòng kinh phí {rest}");
    }
    if let Some(rest) = en.strip_prefix("number ") {
        return format!("số {rest}");
    }
    if let Some(kind) = en.strip_prefix("it is not a ").and_then(|r| r.strip_suffix(" file")) {
        return format!("đây không phải tệp {}", kind_vi(kind));
    }
    if let Some(kind) = en.strip_prefix("it is not an ").and_then(|r| r.strip_suffix(" file")) {
        return format!("đây không phải tệp {}", kind_vi(kind));
    }
    if let Some(date) =
        en.strip_prefix("the same enterprise and detail, recorded on ").and_then(|r| r.strip_suffix(" too"))
    {
        return format!("cùng doanh nghiệp và chi tiết, cũng được ghi ngày {date}");
    }
    if let Some((kind, date)) = en.strip_prefix("the ").and_then(|r| r.split_once(" report of ")) {
        return format!("báo cáo {} ngày {date}", report_kind_vi(kind));
    }
    en.to_owned()
}

fn kind_vi(kind: &str) -> &str {
    match kind {
        "decision" => "quyết định",
        "plan" => "kế hoạch",
        "progress" => "tiến độ",
        other => other,
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

fn article(type_name: &str) -> String {
    match type_name.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => format!("an {type_name}"),
        _ => format!("a {type_name}"),
    }
}

/// `activity` → `activities`, `budget line` → `budget lines`
fn plural(noun: &str) -> String {
    match noun.strip_suffix('y') {
        Some(stem) if !stem.ends_with(['a', 'e', 'o', 'u']) => format!("{stem}ies"),
        _ => format!("{noun}s"),
    }
}

/// `a`, `b` or `c` (`or` is the language's word)
fn list(items: &[&str], or: &str) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} {or} {last}", rest.join(", ")),
        _ => quoted.join(""),
    }
}
