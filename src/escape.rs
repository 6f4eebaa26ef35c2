//! Text from a file, escaped for the channel it goes to. A plan file is typed by people and
//! converted by tools, so it may hold anything: a newline that starts a forged `::error`
//! line, a terminal escape that sets the window title, `=cmd|…` that a spreadsheet runs,
//! `<script>` that a Markdown viewer renders. Each channel gets its own escape here, and
//! every renderer passes file text through the one for its channel.

use std::borrow::Cow;
use std::fmt::Write as _;

/// A character that would act on a terminal or a log reader rather than show: every
/// control character (C0, DEL, C1) but the tab.
fn acts(c: char) -> bool {
    c.is_control() && c != '\t'
}

/// For a terminal or a log (human diagnostics, report tables, `plan: error:` lines): each
/// control character, line breaks included, written as a visible escape (`\u{1b}`), so
/// that the text stays on its line and no escape sequence reaches the terminal whole or
/// cut in half.
pub fn terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(acts) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if acts(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// For the message of a GitHub workflow command: the runner's own encoding (`%25`, `%0D`,
/// `%0A`), and every other control character percent-encoded too, so that none reaches
/// the log raw.
pub fn github_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            c if c.is_control() => {
                let _ = write!(out, "%{:02X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// For a property of a GitHub workflow command (`file=…`): [`github_data`], and `:` and
/// `,`, which end a property.
pub fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// For Markdown text and table cells: HTML (`<`, `>`) as entities, a `&` that would start
/// a character reference (`&amp;`, `&#39;`) as `&amp;`, a `|` escaped, line breaks as
/// spaces, other control characters as visible escapes. A plain `&` stays as it is:
/// `CommonMark` shows it as written, and `Sở KH&CN` read as `Sở KH&amp;CN` in the raw text
/// an analyst pastes.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        match c {
            '&' if starts_reference(text.get(at + 1..).unwrap_or_default()) => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '|' => out.push_str("\\|"),
            '\r' | '\n' => out.push(' '),
            c if acts(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// Whether the text after a `&` makes it a character reference: a name or `#` and a
/// number, closed by `;`.
fn starts_reference(rest: &str) -> bool {
    let body = rest.strip_prefix('#').map_or(rest, |r| r.strip_prefix(['x', 'X']).unwrap_or(r));
    let len = body.bytes().take_while(u8::is_ascii_alphanumeric).count();
    len > 0 && body.as_bytes().get(len) == Some(&b';')
}

/// For a CSV cell: a text cell that a spreadsheet would read as a formula (it starts with
/// `=`, `+`, `-`, `@`, a tab or a CR) gets a leading `'`, as OWASP advises against CSV
/// injection. A number (`-1500000`, `-12.5`) is a number and stays as it is.
pub fn csv_cell(text: &str) -> Cow<'_, str> {
    let live = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if live && !is_number(text) { Cow::Owned(format!("'{text}")) } else { Cow::Borrowed(text) }
}

/// A plain decimal, as the CSV format writes figures: an optional sign, digits, at most one
/// point.
fn is_number(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let mut parts = digits.splitn(2, '.');
    let whole = parts.next().unwrap_or_default();
    let fraction = parts.next();
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// The entity for a character that XML and HTML text cannot hold as it is.
fn entity(c: char) -> Option<&'static str> {
    match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        _ => None,
    }
}

/// For XML text and attribute values (the Word document): `&`, `<`, `>`, `"` as entities,
/// line breaks and tabs as spaces, characters XML 1.0 forbids dropped.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            c if entity(c).is_some() => out.push_str(entity(c).unwrap_or_default()),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// For HTML text and attribute values: as for XML entities, and `'` too.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match (entity(c), c) {
            (Some(e), _) => out.push_str(e),
            (None, '\'') => out.push_str("&#39;"),
            (None, c) => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "a\n::error::forged\r\u{1b}]0;title\u{7}\u{1b}[2J\u{0}\u{9b}x";

    #[test]
    fn terminal_text_keeps_to_its_line_and_sends_no_escape() {
        assert_eq!(terminal(HOSTILE), "a\\u{a}::error::forged\\u{d}\\u{1b}]0;title\\u{7}\\u{1b}[2J\\u{0}\\u{9b}x");
        assert_eq!(terminal("tab\tstays"), "tab\tstays");
    }

    #[test]
    fn github_text_encodes_every_control_character() {
        assert_eq!(github_data(HOSTILE), "a%0A::error::forged%0D%1B]0;title%07%1B[2J%00%9Bx");
        assert_eq!(github_data("50%\ttab"), "50%25%09tab");
        assert_eq!(github_property("a:b,c\nd"), "a%3Ab%2Cc%0Ad");
        let raw = (0u32..0x20).chain(0x7f..0xa0).filter_map(char::from_u32).collect::<String>();
        assert!(!github_data(&raw).chars().any(char::is_control));
    }

    #[test]
    fn markdown_text_renders_no_html() {
        assert_eq!(
            markdown("<script>alert(1)</script> & a|b\nc\u{1b}"),
            "&lt;script&gt;alert(1)&lt;/script&gt; & a\\|b c\\u{1b}"
        );
        // A `&` is escaped where it would start a reference, and only there.
        assert_eq!(markdown("Sở KH&CN"), "Sở KH&CN");
        assert_eq!(markdown("&lt;b&gt; &#60; &#x3C; &amp"), "&amp;lt;b&amp;gt; &amp;#60; &amp;#x3C; &amp");
        assert_eq!(markdown("a & b; &;"), "a & b; &;");
    }

    #[test]
    fn csv_formulas_are_defused_and_numbers_stay_numbers() {
        for live in ["=cmd|' /C calc'!A0", "+SUM(A1)", "-2+3", "@SUM(A1)", "\tx", "\rx", "-", "--1"] {
            assert_eq!(csv_cell(live), format!("'{live}"), "{live:?}");
        }
        for kept in ["-1500000", "-12.5", "+3", "491300000", "Tập huấn", "", "a=b"] {
            assert_eq!(csv_cell(kept), kept, "{kept:?}");
        }
    }
}
