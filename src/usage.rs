//! Command-line usage errors in the reader's language. clap words them in English
//! (`error: unrecognized subcommand 'chek'`), and it parses the arguments before the
//! language is known; so the language is read off the raw arguments first (`--lang`, then
//! `PLAN_LANG`, as for the run), and the common kinds of error are worded here in
//! Vietnamese with the same facts: the argument, the value, what is allowed, clap's
//! suggestion. A kind not worded here keeps clap's English text.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::lang::Lang;

/// The language asked for by raw arguments (`--lang vi`, `--lang=en`) or `env`
/// (`PLAN_LANG`); Vietnamese when neither says, or says something else (the parse then
/// reports that).
pub fn lang_of_args(args: &[OsString], env: Option<&str>) -> Lang {
    let mut flag = None;
    let mut words = args.iter().map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if let Some(value) = word.strip_prefix("--lang=") {
            flag = Lang::parse(value);
        } else if word == "--lang" {
            flag = words.next().and_then(|v| Lang::parse(&v));
        }
    }
    Lang::resolve(flag, env).unwrap_or_default()
}

/// A usage error in Vietnamese, for the kinds worded here (`None`: print clap's own).
pub fn vietnamese(err: &clap::Error) -> Option<String> {
    let arg = text(err, ContextKind::InvalidArg);
    let value = text(err, ContextKind::InvalidValue);
    let message = match err.kind() {
        ErrorKind::InvalidSubcommand => {
            let sub = text(err, ContextKind::InvalidSubcommand).unwrap_or_default();
            let mut m = format!("không có lệnh `{sub}`");
            m.push_str(&suggestion(err, ContextKind::SuggestedSubcommand));
            m
        }
        ErrorKind::UnknownArgument => {
            let mut m = format!("không có tùy chọn `{}`", arg.as_deref().unwrap_or_default());
            m.push_str(&suggestion(err, ContextKind::SuggestedArg));
            m
        }
        ErrorKind::InvalidValue => {
            let (arg, value) = (arg?, value.unwrap_or_default());
            let allowed = list(err, ContextKind::ValidValue);
            let what = if value.is_empty() {
                format!("`{arg}` cần một giá trị")
            } else {
                format!("`{value}` không phải giá trị của `{arg}`")
            };
            let choose =
                if allowed.is_empty() { String::new() } else { format!(": chọn một trong {}", quoted(&allowed)) };
            format!("{what}{choose}{}", suggestion(err, ContextKind::SuggestedValue))
        }
        ErrorKind::ValueValidation => {
            // Our value parsers word their reason in the run's language themselves.
            let reason = std::error::Error::source(err).map(ToString::to_string).unwrap_or_default();
            format!("giá trị `{}` của `{}` không dùng được: {reason}", value.unwrap_or_default(), arg?)
        }
        ErrorKind::MissingRequiredArgument => format!("thiếu {}", quoted(&list(err, ContextKind::InvalidArg))),
        ErrorKind::ArgumentConflict => {
            let other = list(err, ContextKind::PriorArg);
            format!("`{}` không dùng cùng {} được", arg?, quoted(&other))
        }
        ErrorKind::NoEquals => format!("`{}` cần dấu `=` trước giá trị", arg?),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("`{}` có số giá trị không đúng", arg?)
        }
        _ => return None,
    };
    Some(format!(
        "{}{message}\n\nXem cách dùng: `plan --help` (hoặc `plan LỆNH --help`).\n",
        crate::failure::prefix(Lang::Vi)
    ))
}

/// A context value as one string.
fn text(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => v.first().cloned(),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A context value as a list of strings.
fn list(err: &clap::Error, kind: ContextKind) -> Vec<String> {
    match err.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    }
}

/// `` `a`, `b` hoặc `c` ``.
fn quoted(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} hoặc {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// `; có phải `check`?` when clap has a suggestion.
fn suggestion(err: &clap::Error, kind: ContextKind) -> String {
    let near = list(err, kind);
    if near.is_empty() { String::new() } else { format!("; có phải {}?", quoted(&near)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_language_is_read_off_the_raw_arguments_then_the_environment() {
        assert_eq!(lang_of_args(&args(&["plan", "check", "--lang", "en"]), None), Lang::En);
        assert_eq!(lang_of_args(&args(&["plan", "--lang=en", "chek"]), Some("vi")), Lang::En);
        assert_eq!(lang_of_args(&args(&["plan", "chek"]), Some("en")), Lang::En);
        assert_eq!(lang_of_args(&args(&["plan", "chek"]), Some("")), Lang::Vi);
        assert_eq!(lang_of_args(&args(&["plan", "chek"]), None), Lang::Vi);
        // After `--` a word is a path, not an option.
        assert_eq!(lang_of_args(&args(&["plan", "check", "--", "--lang", "en"]), None), Lang::Vi);
        assert_eq!(lang_of_args(&args(&["plan", "--lang", "fr"]), Some("en")), Lang::En);
    }

    #[test]
    fn lists_read_as_a_sentence() {
        let items = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(quoted(&items(&["a"])), "`a`");
        assert_eq!(quoted(&items(&["a", "b", "c"])), "`a`, `b` hoặc `c`");
        assert_eq!(quoted(&[]), "");
    }
}
