//! The `toml` parser's messages in Vietnamese. The parser (crates `toml` 1.2 and
//! `toml_parser` 1.1, with `toml_datetime` 1.1 for dates) words its errors for programmers:
//! `invalid basic string, expected non-double-quote visible characters`. Every message it
//! can give is listed here with a plain wording; one it does not know yet (a newer parser)
//! reads as a syntax error at this place. The English diagnostic keeps the parser's text.

/// The parser's messages, by how they start (the longest start that matches wins, so that a
/// message with its `expected …` part can be told from the bare one), and their Vietnamese.
const KNOWN: [(&str, &str); 76] = [
    // Quoted text.
    ("invalid basic string", "thiếu dấu `\"` đóng đoạn chữ"),
    ("invalid basic string, expected non-double-quote", CONTROL_IN_TEXT),
    ("invalid literal string", "thiếu dấu `'` đóng đoạn chữ"),
    ("invalid literal string, expected non-single-quote", CONTROL_IN_TEXT),
    ("invalid multi-line basic string", "thiếu `\"\"\"` đóng đoạn chữ nhiều dòng"),
    ("invalid multi-line basic string, expected `\\`, characters", CONTROL_IN_TEXT),
    ("invalid multi-line literal string", "thiếu `'''` đóng đoạn chữ nhiều dòng"),
    ("invalid multi-line literal string, expected non-single-quote", CONTROL_IN_TEXT),
    ("invalid string", "đoạn chữ viết sai: hãy viết trong ngoặc kép"),
    ("string values must be quoted", "đoạn chữ phải viết trong ngoặc kép"),
    ("missing opening quote", "dấu ngoặc đóng đoạn chữ không có dấu ngoặc mở trước nó"),
    (
        "missing escaped value",
        "sau dấu `\\` phải là một trong `b`, `e`, `f`, `n`, `r`, `\\`, `\"`, `x`, `u`, `U`: \
         muốn viết chính dấu `\\` thì viết `\\\\`",
    ),
    ("too few unicode value digits", "mã ký tự sau `\\u` phải đủ 4 chữ số hệ 16 (sau `\\U` đủ 8)"),
    ("invalid value, expected unicode", "mã ký tự sau `\\u` hay `\\U` không ứng với ký tự nào"),
    ("could not allocate for string", "không đủ bộ nhớ để đọc đoạn chữ này"),
    // Brackets.
    ("unclosed array", "danh sách mở bằng `[` chưa được đóng bằng `]`"),
    ("unclosed inline table", "bảng mở bằng `{` chưa được đóng bằng `}`"),
    ("unclosed table", "tên bảng mở bằng `[` chưa được đóng bằng `]`"),
    ("unclosed array table", "tên bảng mở bằng `[[` chưa được đóng bằng `]]`"),
    ("missing array opening", "dấu `]` không có dấu `[` mở trước nó"),
    ("missing inline table opening", "dấu `}` không có dấu `{` mở trước nó"),
    ("missing table open", "dấu `]` không có dấu `[` mở trước nó"),
    ("missing comma between array elements", "thiếu dấu `,` giữa hai phần tử của danh sách"),
    ("extra comma in array", "thừa dấu `,` trong danh sách"),
    ("unexpected `=` in array", "dấu `=` không được đứng trong danh sách `[ … ]`"),
    ("missing comma between key-value pairs", "thiếu dấu `,` giữa hai cặp `khóa = giá trị` trong `{ … }`"),
    ("extra comma in inline table", "thừa dấu `,` trong `{ … }`"),
    ("missing key for inline table element", "thiếu tên khóa trước `=` trong `{ … }`"),
    ("invalid inline table element", "mỗi phần trong `{ … }` phải có dạng `khóa = giá trị`"),
    ("cannot recurse further", "các ngoặc lồng vào nhau quá nhiều lớp"),
    // Keys and lines.
    ("duplicate key", "khóa này đã có ở trên"),
    (
        "unquoted keys cannot be empty",
        "thiếu tên khóa: khóa không có ngoặc kép phải có ít nhất một chữ cái, chữ số, `-` hoặc `_`",
    ),
    (
        "invalid unquoted key",
        "tên khóa chỉ gồm chữ cái không dấu, chữ số, `-` và `_`; tên khác thì viết trong ngoặc kép",
    ),
    ("invalid key-value pair", "dòng này phải có dạng `khóa = giá trị`"),
    ("invalid key", "tên khóa viết sai"),
    ("invalid table", "tên bảng viết sai: viết `[tên]`"),
    ("key with no value", "khóa chưa có giá trị: viết `khóa = giá trị`"),
    ("missing value for key", "khóa chưa có giá trị sau dấu `=`"),
    ("missing value", "thiếu giá trị"),
    ("missing assignment between key-value pairs", "thiếu dấu `=` giữa khóa và giá trị"),
    ("extra `=`", "thừa dấu `=`"),
    ("extra assignment between key-value pairs", "thừa dấu `=` giữa hai cặp `khóa = giá trị`"),
    ("unexpected key or value", "mỗi dòng chỉ có một `khóa = giá trị`: xuống dòng trước khóa tiếp theo"),
    ("keys cannot be multi-line basic strings", "tên khóa không được viết trong `\"\"\"`: dùng một dấu ngoặc kép"),
    ("keys cannot be multi-line literal strings", "tên khóa không được viết trong `'''`: dùng một dấu ngoặc kép"),
    (
        "cannot extend value of type",
        "không thêm được khóa có dấu `.` vào đây: tên trước dấu `.` đã là một giá trị khác",
    ),
    (
        "cannot extend value of type inline table",
        "không thêm được khóa có dấu `.` vào bảng đã viết trong `{ … }`: thêm nó vào trong ngoặc",
    ),
    ("recursion limit", "tên khóa có quá nhiều phần nối bằng dấu `.`"),
    ("invalid comment character", "ghi chú sau `#` có ký tự không hiện được (ký tự điều khiển): xóa nó đi"),
    ("missing comment start", "thiếu dấu `#` trước ghi chú"),
    ("unexpected content between comment and newline", "có ký tự lạ giữa ghi chú và cuối dòng"),
    ("unexpected content", "có nội dung không đọc được ở đây"),
    (
        "carriage return must be followed by newline",
        "ký tự về đầu dòng (CR) phải đi liền với ký tự xuống dòng: lưu lại tệp với kiểu xuống dòng thông thường",
    ),
    // Numbers and true/false.
    ("invalid float", "giá trị này không đọc được thành số"),
    ("invalid integer", "giá trị này không đọc được thành số"),
    ("invalid number", "giá trị này không đọc được thành số"),
    ("invalid hexadecimal number", "số viết theo hệ 16 (`0x…`) có chữ số không hợp lệ"),
    ("invalid octal number", "số viết theo hệ 8 (`0o…`) chỉ dùng các chữ số 0 đến 7"),
    ("invalid binary number", "số viết theo hệ 2 (`0b…`) chỉ dùng các chữ số 0 và 1"),
    ("invalid mantissa", "số có phần thập phân phải có chữ số trước dấu `.`: viết `0.1`, không viết `.1`"),
    ("invalid fraction", "sau dấu `.` phải có chữ số: viết `1.0` hoặc `1`"),
    ("invalid exponent", "sau `e` phải có chữ số, như `1e6`"),
    ("unexpected leading zero", "số không được bắt đầu bằng chữ số 0: viết `1`, không viết `01`"),
    ("`_` may only go between digits", "dấu `_` chỉ đứng giữa hai chữ số, như `1_000_000`"),
    ("redundant numeric sign", "dấu `+` hay `-` bị viết hai lần"),
    ("unexpected sign", "dấu `+` hay `-` không được đứng ở đây"),
    ("integers with a radix cannot be signed", "số viết theo hệ 16, 8 hay 2 không được có dấu `+` hay `-`"),
    ("radix must be lowercase", "`0x`, `0o`, `0b` phải viết chữ thường"),
    ("redundant integer number prefix", "`0x`, `0o` hay `0b` bị viết hai lần"),
    ("invalid boolean", "giá trị đúng/sai viết là `true` hoặc `false`, chữ thường"),
    // Dates and times (`toml_datetime`): the detail after `expected` is added by [`syntax_vi`].
    ("invalid date", "ngày viết sai"),
    ("invalid time", "giờ viết sai"),
    ("invalid offset", "múi giờ viết sai"),
    ("invalid datetime", "giá trị này không đọc được thành ngày giờ"),
    ("invalid date-time", "giá trị này không đọc được thành ngày giờ"),
    ("invalid value", "giá trị này viết sai"),
];

const CONTROL_IN_TEXT: &str =
    "đoạn chữ có ký tự không hiện được (ký tự điều khiển): xóa nó đi, hoặc viết `\\t` cho dấu tab";

/// What a date or time needed, as `toml_datetime` says it after `expected`.
const DATE_EXPECTED: [(&str, &str); 25] = [
    ("a four-digit year (YYYY)", "năm có bốn chữ số (YYYY)"),
    ("a two-digit month (MM)", "tháng có hai chữ số (MM)"),
    ("a two-digit day (DD)", "ngày có hai chữ số (DD)"),
    ("a two-digit hour (HH)", "giờ có hai chữ số (HH)"),
    ("a two-digit minute (MM)", "phút có hai chữ số (MM)"),
    ("a two-digit second (SS)", "giây có hai chữ số (SS)"),
    ("month between 01 and 12", "tháng từ 01 đến 12"),
    ("hour between 00 and 23", "giờ từ 00 đến 23"),
    ("hours between 00 and 23", "giờ từ 00 đến 23"),
    ("minute between 00 and 59", "phút từ 00 đến 59"),
    ("minutes between 00 and 59", "phút từ 00 đến 59"),
    ("second between 00 and 60", "giây từ 00 đến 60"),
    ("year or hour", "năm hoặc giờ"),
    ("month", "tháng"),
    ("day", "ngày"),
    ("hour", "giờ"),
    ("minute", "phút"),
    ("second", "giây"),
    ("nanosecond", "phần lẻ của giây"),
    ("nanoseconds overflowed", "phần lẻ của giây quá dài"),
    ("`-` (MM-DD)", "`-` (MM-DD)"),
    ("`-` (YYYY-MM) or `:` (HH:MM)", "`-` (YYYY-MM) hoặc `:` (HH:MM)"),
    ("`:` (HH:MM)", "`:` (HH:MM)"),
    ("`T` between date and time", "`T` giữa ngày và giờ"),
    ("`Z`, +OFFSET, -OFFSET", "`Z`, +HH:MM hoặc -HH:MM"),
];

/// The parser's message in Vietnamese: by the longest start that matches; a date's or a
/// time's detail translated after it; an unknown message as a syntax error at this place.
pub(super) fn syntax_vi(parser_message: &str) -> String {
    let lower = parser_message.to_lowercase();
    let Some((en, vi)) = KNOWN.iter().filter(|(en, _)| lower.starts_with(en)).max_by_key(|(en, _)| en.len()) else {
        return "lỗi cú pháp ở đây".to_owned();
    };
    let is_date = ["invalid date", "invalid time", "invalid offset"].iter().any(|d| en.starts_with(d));
    // The detail as the parser wrote it: `(MM)` is not `(mm)`.
    let detail = parser_message.get(en.len()..).and_then(|rest| rest.strip_prefix(", expected "));
    match (is_date, detail.and_then(date_expected)) {
        (true, Some(needed)) => format!("{vi}: cần {needed}"),
        _ => (*vi).to_owned(),
    }
}

/// A date's or a time's `expected` detail in Vietnamese.
fn date_expected(detail: &str) -> Option<String> {
    if let Some((_, vi)) = DATE_EXPECTED.iter().find(|(en, _)| *en == detail) {
        return Some((*vi).to_owned());
    }
    // `day between 01 and 28` … `31`, as the month has.
    let last = detail.strip_prefix("day between 01 and ")?;
    last.bytes().all(|b| b.is_ascii_digit()).then(|| format!("ngày từ 01 đến {last}"))
}

/// A settings file's error (`.plan/config.toml`, a `--narrative` file), read by the `toml`
/// crate into a type: in English as the crate writes it, in Vietnamese the line, the
/// column (in characters) and what is wrong in the words of the messages above.
pub fn settings_error(error: &toml::de::Error, text: &str) -> crate::lang::Text {
    let message = error.message().trim();
    let vi = if let Some(rest) = message.strip_prefix("unknown field ") {
        let (key, known) = rest.split_once(", expected ").unwrap_or((rest.split(',').next().unwrap_or(rest), ""));
        match known {
            "" => format!("khóa {key} không dùng được ở đây"),
            known => {
                let known = known.strip_prefix("one of ").unwrap_or(known).replace(" or ", " hoặc ");
                format!("khóa {key} không dùng được ở đây; các khóa là {known}")
            }
        }
    } else if let Some(key) = message.strip_prefix("missing field ") {
        format!("thiếu khóa {key}")
    } else if message.starts_with("invalid type") || message.starts_with("invalid value") {
        "giá trị không đúng loại cần có ở đây (danh sách, số hay đoạn chữ trong ngoặc kép)".to_owned()
    } else {
        syntax_vi(message)
    };
    let vi = match error.span() {
        Some(span) => {
            let before = text.get(..span.start).unwrap_or_default();
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
            format!("dòng {line}, cột {column}: {vi}")
        }
        None => vi,
    };
    crate::lang::Text::new(vi, error.to_string().trim_end())
}

#[cfg(test)]
mod tests {
    use super::syntax_vi;

    /// The first message the parser gives for `input`.
    fn message(input: &str) -> String {
        let (_, errors) = toml::de::DeTable::parse_recoverable(input);
        errors.first().map(|e| e.message().to_owned()).unwrap_or_default()
    }

    /// Every message the parser gives for a plan file, from an input that makes it, with its
    /// Vietnamese. The parser's own text is asserted too: a newer parser that rewords one
    /// fails here, rather than falling silently to "lỗi cú pháp ở đây".
    const CASES: [(&str, &str, &str); 57] = [
        ("x = \"abc", "invalid basic string, expected `\"`", "thiếu dấu `\"` đóng đoạn chữ"),
        (
            "x = \"a\u{0}\"",
            "invalid basic string, expected non-double-quote visible characters, `\\`",
            super::CONTROL_IN_TEXT,
        ),
        ("x = 'abc", "invalid literal string, expected `'`", "thiếu dấu `'` đóng đoạn chữ"),
        (
            "x = 'a\u{1}'",
            "invalid literal string, expected non-single-quote visible characters",
            super::CONTROL_IN_TEXT,
        ),
        ("x = \"\"\"abc", "invalid multi-line basic string, expected `\"`", "thiếu `\"\"\"` đóng đoạn chữ nhiều dòng"),
        (
            "x = \"\"\"a\u{1}\"\"\"",
            "invalid multi-line basic string, expected `\\`, characters",
            super::CONTROL_IN_TEXT,
        ),
        ("x = '''abc", "invalid multi-line literal string, expected `'`", "thiếu `'''` đóng đoạn chữ nhiều dòng"),
        (
            "x = '''a\u{1}'''",
            "invalid multi-line literal string, expected non-single-quote characters",
            super::CONTROL_IN_TEXT,
        ),
        ("x = abc", "string values must be quoted, expected literal string", "đoạn chữ phải viết trong ngoặc kép"),
        ("x = a\"", "missing opening quote, expected `\"`", "dấu ngoặc đóng đoạn chữ không có dấu ngoặc mở trước nó"),
        (
            "x = \"\\q\"",
            "missing escaped value, expected `b`, `e`, `f`, `n`, `r`, `\\`, `\"`, `x`, `u`, `U`",
            "sau dấu `\\` phải là một trong `b`, `e`, `f`, `n`, `r`, `\\`, `\"`, `x`, `u`, `U`: muốn viết chính dấu `\\` thì viết `\\\\`",
        ),
        (
            "x = \"\\u12\"",
            "too few unicode value digits, expected unicode hexadecimal value",
            "mã ký tự sau `\\u` phải đủ 4 chữ số hệ 16 (sau `\\U` đủ 8)",
        ),
        (
            "x = \"\\uD800\"",
            "invalid value, expected unicode hexadecimal value",
            "mã ký tự sau `\\u` hay `\\U` không ứng với ký tự nào",
        ),
        ("x = [1, 2", "unclosed array, expected `]`", "danh sách mở bằng `[` chưa được đóng bằng `]`"),
        ("x = {a = 1", "unclosed inline table, expected `}`", "bảng mở bằng `{` chưa được đóng bằng `}`"),
        ("[a", "unclosed table, expected `]`", "tên bảng mở bằng `[` chưa được đóng bằng `]`"),
        ("[[a", "unclosed array table, expected `]]`", "tên bảng mở bằng `[[` chưa được đóng bằng `]]`"),
        ("x = ]", "missing array opening, expected `[`", "dấu `]` không có dấu `[` mở trước nó"),
        ("x = }", "missing inline table opening, expected `{`", "dấu `}` không có dấu `{` mở trước nó"),
        ("]", "missing table open, expected `[`", "dấu `]` không có dấu `[` mở trước nó"),
        (
            "x = [\n1\n2]",
            "missing comma between array elements, expected `,`",
            "thiếu dấu `,` giữa hai phần tử của danh sách",
        ),
        ("x = [1,,2]", "extra comma in array, expected value", "thừa dấu `,` trong danh sách"),
        ("x = [=]", "unexpected `=` in array, expected value, `]`", "dấu `=` không được đứng trong danh sách `[ … ]`"),
        ("x = {,a = 1}", "extra comma in inline table, expected key", "thừa dấu `,` trong `{ … }`"),
        ("x = 1\nx = 2", "duplicate key", "khóa này đã có ở trên"),
        (
            "= 1",
            "unquoted keys cannot be empty, expected letters, numbers, `-`, `_`",
            "thiếu tên khóa: khóa không có ngoặc kép phải có ít nhất một chữ cái, chữ số, `-` hoặc `_`",
        ),
        (
            "ä = 1",
            "invalid unquoted key, expected letters, numbers, `-`, `_`",
            "tên khóa chỉ gồm chữ cái không dấu, chữ số, `-` và `_`; tên khác thì viết trong ngoặc kép",
        ),
        ("x 1", "key with no value, expected `=`", "khóa chưa có giá trị: viết `khóa = giá trị`"),
        ("x = = 1", "extra `=`, expected nothing", "thừa dấu `=`"),
        (
            "x = 1 y = 2",
            "unexpected key or value, expected newline, `#`",
            "mỗi dòng chỉ có một `khóa = giá trị`: xuống dòng trước khóa tiếp theo",
        ),
        (
            "\"\"\"a\"\"\" = 1",
            "keys cannot be multi-line basic strings, expected basic string, literal string",
            "tên khóa không được viết trong `\"\"\"`: dùng một dấu ngoặc kép",
        ),
        (
            "'''a''' = 1",
            "keys cannot be multi-line literal strings, expected basic string, literal string",
            "tên khóa không được viết trong `'''`: dùng một dấu ngoặc kép",
        ),
        (
            "a = 1\na.b = 2",
            "cannot extend value of type integer with a dotted key",
            "không thêm được khóa có dấu `.` vào đây: tên trước dấu `.` đã là một giá trị khác",
        ),
        (
            "a = [1]\na.b = 2",
            "cannot extend value of type array with a dotted key",
            "không thêm được khóa có dấu `.` vào đây: tên trước dấu `.` đã là một giá trị khác",
        ),
        (
            "a = {}\na.b = 2",
            "cannot extend value of type inline table with a dotted key",
            "không thêm được khóa có dấu `.` vào bảng đã viết trong `{ … }`: thêm nó vào trong ngoặc",
        ),
        (
            "x = 1 # \u{1}",
            "invalid comment character, expected printable characters",
            "ghi chú sau `#` có ký tự không hiện được (ký tự điều khiển): xóa nó đi",
        ),
        (
            "x = 1\r",
            "carriage return must be followed by newline, expected newline",
            "ký tự về đầu dòng (CR) phải đi liền với ký tự xuống dòng: lưu lại tệp với kiểu xuống dòng thông thường",
        ),
        ("x = 1.2.3", "invalid float, expected nothing", "giá trị này không đọc được thành số"),
        ("x = 0xg", "invalid hexadecimal number", "số viết theo hệ 16 (`0x…`) có chữ số không hợp lệ"),
        ("x = 0o8", "invalid octal number", "số viết theo hệ 8 (`0o…`) chỉ dùng các chữ số 0 đến 7"),
        ("x = 0b2", "invalid binary number", "số viết theo hệ 2 (`0b…`) chỉ dùng các chữ số 0 và 1"),
        (
            "x = .1",
            "invalid mantissa, expected digits",
            "số có phần thập phân phải có chữ số trước dấu `.`: viết `0.1`, không viết `.1`",
        ),
        ("x = 1.", "invalid fraction, expected digits", "sau dấu `.` phải có chữ số: viết `1.0` hoặc `1`"),
        ("x = 1e", "invalid exponent, expected digits", "sau `e` phải có chữ số, như `1e6`"),
        (
            "x = 01",
            "unexpected leading zero, expected nothing",
            "số không được bắt đầu bằng chữ số 0: viết `1`, không viết `01`",
        ),
        (
            "x = 1__2",
            "`_` may only go between digits, expected nothing",
            "dấu `_` chỉ đứng giữa hai chữ số, như `1_000_000`",
        ),
        ("x = ++1", "redundant numeric sign, expected nothing", "dấu `+` hay `-` bị viết hai lần"),
        (
            "x = +0x1",
            "integers with a radix cannot be signed, expected nothing",
            "số viết theo hệ 16, 8 hay 2 không được có dấu `+` hay `-`",
        ),
        ("x = 0X1", "radix must be lowercase, expected `0x`", "`0x`, `0o`, `0b` phải viết chữ thường"),
        ("x = tru", "invalid boolean, expected `true`", "giá trị đúng/sai viết là `true` hoặc `false`, chữ thường"),
        ("x = 2019-13-01", "invalid date, expected month between 01 and 12", "ngày viết sai: cần tháng từ 01 đến 12"),
        ("x = 2019-02-30", "invalid date, expected day between 01 and 28", "ngày viết sai: cần ngày từ 01 đến 28"),
        (
            "x = 2019-6-30",
            "invalid date, expected a two-digit month (MM)",
            "ngày viết sai: cần tháng có hai chữ số (MM)",
        ),
        (
            "x = 1979-05-27T25:00:00",
            "invalid time, expected hour between 00 and 23",
            "giờ viết sai: cần giờ từ 00 đến 23",
        ),
        ("x = 1979-05-27T07:32:00+25", "invalid offset, expected `:` (HH:MM)", "múi giờ viết sai: cần `:` (HH:MM)"),
        ("x = 1979-05-27T07:32:00Zx", "invalid datetime", "giá trị này không đọc được thành ngày giờ"),
        (
            "x = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
            "cannot recurse further; max recursion depth met",
            "các ngoặc lồng vào nhau quá nhiều lớp",
        ),
    ];

    #[test]
    fn every_parser_message_has_a_plain_vietnamese_wording() {
        for (input, parser, vi) in CASES {
            assert_eq!(message(input), parser, "{input:?}");
            assert_eq!(syntax_vi(parser), vi, "{input:?}");
        }
    }

    /// The messages no input of a plan file was found to give (the parser's inner
    /// paths, a key nested past the limit, memory running out), each still worded.
    #[test]
    fn the_rarer_messages_are_worded_too() {
        let rare = [
            ("invalid string", "đoạn chữ viết sai: hãy viết trong ngoặc kép"),
            ("invalid integer number", "giá trị này không đọc được thành số"),
            ("invalid key", "tên khóa viết sai"),
            ("invalid table", "tên bảng viết sai: viết `[tên]`"),
            ("invalid key-value pair", "dòng này phải có dạng `khóa = giá trị`"),
            ("invalid inline table element", "mỗi phần trong `{ … }` phải có dạng `khóa = giá trị`"),
            ("missing assignment between key-value pairs", "thiếu dấu `=` giữa khóa và giá trị"),
            ("missing value for key", "khóa chưa có giá trị sau dấu `=`"),
            ("missing value", "thiếu giá trị"),
            ("missing comment start", "thiếu dấu `#` trước ghi chú"),
            (
                "missing comma between key-value pairs, expected `,`",
                "thiếu dấu `,` giữa hai cặp `khóa = giá trị` trong `{ … }`",
            ),
            ("missing key for inline table element", "thiếu tên khóa trước `=` trong `{ … }`"),
            ("extra assignment between key-value pairs, expected `,`", "thừa dấu `=` giữa hai cặp `khóa = giá trị`"),
            ("unexpected sign", "dấu `+` hay `-` không được đứng ở đây"),
            ("unexpected content between comment and newline", "có ký tự lạ giữa ghi chú và cuối dòng"),
            ("unexpected content", "có nội dung không đọc được ở đây"),
            ("redundant integer number prefix", "`0x`, `0o` hay `0b` bị viết hai lần"),
            ("recursion limit", "tên khóa có quá nhiều phần nối bằng dấu `.`"),
            ("could not allocate for string", "không đủ bộ nhớ để đọc đoạn chữ này"),
            ("invalid date-time", "giá trị này không đọc được thành ngày giờ"),
            ("invalid offset, expected `Z`, +OFFSET, -OFFSET", "múi giờ viết sai: cần `Z`, +HH:MM hoặc -HH:MM"),
            ("invalid time, expected nanosecond", "giờ viết sai: cần phần lẻ của giây"),
            ("a message of a newer parser", "lỗi cú pháp ở đây"),
        ];
        for (parser, vi) in rare {
            assert_eq!(syntax_vi(parser), vi, "{parser}");
        }
    }

    #[test]
    fn a_settings_file_error_gives_its_place_and_its_reason() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)] // read only to fail
        struct Check {
            allow: Vec<String>,
            deny: Vec<String>,
        }
        let cases = [
            ("allw = []\n", "dòng 1, cột 1: khóa `allw` không dùng được ở đây; các khóa là `allow` hoặc `deny`"),
            ("allow = []\n", "dòng 1, cột 1: thiếu khóa `deny`"),
            (
                "allow = 1\ndeny = []\n",
                "dòng 1, cột 9: giá trị không đúng loại cần có ở đây (danh sách, số hay đoạn chữ trong ngoặc kép)",
            ),
            ("# ghi chú\nallow = [\"đ\", \n", "dòng 2, cột 14: danh sách mở bằng `[` chưa được đóng bằng `]`"),
        ];
        for (text, vi) in cases {
            let error = toml::from_str::<Check>(text).unwrap_err();
            let worded = super::settings_error(&error, text);
            assert_eq!(worded.vi, vi, "{text:?}");
            assert_eq!(worded.en, error.to_string().trim_end(), "{text:?}");
        }
    }

    #[test]
    fn no_wording_uses_a_banned_word() {
        let banned = ["toml", "float", "literal string", "inline table", "byte", "kebab", "string", "integer"];
        for (_, vi) in super::KNOWN.iter().chain(super::DATE_EXPECTED.iter()) {
            assert!(!banned.iter().any(|b| vi.to_lowercase().contains(b)), "{vi}");
        }
    }
}
