//! Unit tests of money notation: every error, exactly, and both formats.
use super::*;
use std::str::FromStr;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn parses_vietnamese_notation() {
    let cases = "491.300.000|491300000\n491300000|491300000\n491.300|491300\n12,5|12.5\n\
        1.234,56|1234.56\n12,50|12.5\n0|0\n007|7\n\u{20}1.000\u{20}|1000\n491,300|491.3";
    for line in cases.lines() {
        let (text, want) = line.split_once('|').unwrap();
        assert_eq!(parse_amount(text), Ok(dec(want)), "{text}");
    }
    assert_eq!(parse_amount("12,50").unwrap().scale(), 1);
}

/// Checks a table of `input|expected` lines against `what` an input's error gives.
fn table(cases: &str, what: fn(&AmountError) -> String) {
    for line in cases.lines() {
        let (text, want) = line.split_once('|').unwrap();
        assert_eq!(what(&parse_amount(text).unwrap_err()), want, "{text}");
    }
}

#[test]
fn names_each_error() {
    let cases = "|the amount is empty
\u{20}\u{20}|the amount is empty
-5|negative amount `-5`
+5|`+` before an amount is not allowed
491 300|space used as a group separator at byte `3`
491\u{A0}300|non-breaking space (U+00A0) used as a group separator at byte `3`
1\u{2009}000|thin space (U+2009) used as a group separator at byte `1`
1\u{202F}000|narrow no-break space (U+202F) used as a group separator at byte `1`
４９１.３００|full-width digit at byte `0`
49.13.00|misplaced group separator `.` at byte `2`
\u{20}49.13.00|misplaced group separator `.` at byte `3`
1,2,3|second decimal comma `,` at byte `3`
12,|decimal comma `,` at byte `2` needs digits on both sides
,5|decimal comma `,` at byte `0` needs digits on both sides
491,300,000|`491,300,000` is in English notation
1,234.5|`1,234.5` is in English notation
1000000000000000000000000000000|`1000000000000000000000000000000` is too large for an amount
1,00000000000000000000000000001|`1,00000000000000000000000000001` has more than 28 decimals
491.300.000 đồng|unexpected `đồng` at byte `12`
1.000đ|unexpected `đ` at byte `5`
1x|unexpected `x` at byte `1`
1-2|unexpected `-` at byte `1`";
    table(cases, ToString::to_string);
}

#[test]
fn says_what_to_write_instead() {
    let cases = "|write the amount in digits, like `491.300.000`
-5|amounts cannot be negative: write the amount without `-`
+5|write the amount without `+`
491 300|separate groups of three digits with `.`, like `491.300.000`
４９１.３００|use ASCII digits: `491.300`
49.13.00|`.` separates groups of exactly three digits, counted from the right, like \
`491.300.000`; decimals follow `,`
1,2,3|an amount has at most one `,`, before its decimals, like `12,5`
12,|an amount has at most one `,`, before its decimals, like `12,5`
491,300,000|write `491.300.000`: Vietnamese notation groups digits with `.` and writes \
decimals after `,`
1,234.5|write `1.234,5`: Vietnamese notation groups digits with `.` and writes decimals after `,`
1000000000000000000000000000000|amounts go up to `79.228.162.514.264.337.593.543.950.335`
1,00000000000000000000000000001|round the amount to at most 28 decimals
491.300.000 đồng|write only the figure, without `đồng`
1.000đ|write only the figure, without `đ`
1x|write only digits, `.` between groups of three and `,` before decimals";
    table(cases, AmountError::help);
}

#[test]
fn points_at_the_misplaced_separator() {
    let cases = [
        ("4913.000", 4),
        ("491.3000", 3),
        ("491..300", 4),
        ("491.300.", 7),
        (".300", 0),
        ("0.300", 1),
        ("1,5.000", 3),
        ("1.234.5", 5),
    ];
    for (text, offset) in cases {
        assert_eq!(parse_amount(text), Err(AmountError::MisplacedSeparator { offset }), "{text}");
    }
}

#[test]
fn parses_toml_integers() {
    let ok = [("491_300_000", 10, "491300000"), ("+5", 10, "5"), ("0x1F", 16, "31")];
    let ok = ok.into_iter().chain([("1f", 16, "31"), ("0o17", 8, "15"), ("0b101", 2, "5")]);
    for (raw, radix, want) in ok {
        assert_eq!(parse_toml_integer(raw, radix), Ok(dec(want)), "{raw}");
    }
    let negative = AmountError::Negative { text: "-3".into() };
    assert_eq!(parse_toml_integer("-3", 10), Err(negative));
    assert_eq!(parse_toml_integer("", 10), Err(AmountError::Empty));
    assert_eq!(parse_toml_integer("0x", 16), Err(AmountError::Empty));
    let unexpected = AmountError::UnexpectedChar { found: "a".into(), offset: 2 };
    assert_eq!(parse_toml_integer("12a", 10), Err(unexpected));
    let too_large = parse_toml_integer(&"9".repeat(40), 10);
    assert!(matches!(too_large, Err(AmountError::Overflow { .. })));
}

#[test]
fn formats_both_notations() {
    let cases = [
        ("491300000", "491.300.000", "491,300,000"),
        ("12.5", "12,5", "12.5"),
        ("12.50", "12,5", "12.5"),
        ("-1000", "-1.000", "-1,000"),
        ("0", "0", "0"),
        ("-0.00", "0", "0"),
        ("999", "999", "999"),
        ("1234567.891", "1.234.567,891", "1,234,567.891"),
    ];
    for (value, vi, en) in cases {
        assert_eq!((format_vi(&dec(value)), format_en(&dec(value))), (vi.into(), en.into()));
    }
}

#[test]
fn amounts_in_a_unit_keep_every_decimal() {
    let cases = [
        (Unit::Trieu, "491300000", "491,3"),
        (Unit::Trieu, "12500000000", "12.500"),
        (Unit::Ty, "491300000", "0,4913"),
        (Unit::Nghin, "1", "0,001"),
        (Unit::Dong, "491300000", "491.300.000"),
        (Unit::Trieu, "1", "0,000001"),
    ];
    for (unit, value, want) in cases {
        assert_eq!(format_vi(&unit.of(dec(value))), want, "{value} in {}", unit.name());
    }
}
