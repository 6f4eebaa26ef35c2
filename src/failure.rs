//! The errors of the process shell — a file that cannot be read, an option that does not
//! fit — in the reader's language. They are not diagnostics (they are about no place in a
//! user's file): `cli` prints them as `plan: lỗi: …` (`plan: error: …` in English) with
//! their causes.
//!
//! A [`Failure`] holds its wording in both languages and shows the one chosen for the run
//! on this thread ([`set_lang`], called by `cli::run`): so it may stand anywhere in an
//! `anyhow` chain — `bail!(Failure::new(…))`, `.with_context(|| Failure::new(…))` —
//! and `{error:#}` still reads in one language. [`describe`] prints a whole chain, the
//! operating system's wording of an I/O error (`No such file or directory (os error 2)`)
//! given in Vietnamese for the common kinds. Per thread, like `confine`'s switch, so that
//! runs in one process (the tests) do not see each other's.

use std::cell::Cell;
use std::error::Error;
use std::fmt;
use std::io;

use crate::lang::{Lang, Text};

thread_local! {
    /// The language [`Failure`]s are shown in on this thread.
    static LANG: Cell<Lang> = const { Cell::new(Lang::Vi) };
}

/// Sets the language [`Failure`]s are shown in, for the runs on this thread.
pub fn set_lang(lang: Lang) {
    LANG.with(|l| l.set(lang));
}

/// The language [`Failure`]s are shown in on this thread (Vietnamese unless set).
pub fn lang() -> Lang {
    LANG.with(Cell::get)
}

/// An error of the shell, worded in both languages, optionally caused by another error.
#[derive(Debug)]
pub struct Failure {
    text: Text,
    source: Option<Box<dyn Error + Send + Sync + 'static>>,
}

impl Failure {
    pub fn new(text: Text) -> Self {
        Self { text, source: None }
    }

    /// A failure caused by `source`, shown after it: “cannot write x: SOURCE”.
    pub fn caused_by(text: Text, source: impl Into<Box<dyn Error + Send + Sync + 'static>>) -> Self {
        Self { text, source: Some(source.into()) }
    }

    /// This failure, caused by `source`.
    #[must_use]
    pub fn because(mut self, source: impl Into<Box<dyn Error + Send + Sync + 'static>>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// “cannot read PATH”, the most common one.
    pub fn cannot_read(shown: &str) -> Self {
        Self::new(crate::t!("không đọc được `{shown}`", "cannot read `{shown}`"))
    }

    /// “cannot write PATH”.
    pub fn cannot_write(shown: &str) -> Self {
        Self::new(crate::t!("không ghi được `{shown}`", "cannot write `{shown}`"))
    }

    pub fn text(&self) -> &Text {
        &self.text
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text.get(lang()))
    }
}

impl Error for Failure {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.source.as_deref().map(|e| e as &(dyn Error + 'static))
    }
}

/// `plan: lỗi: ` or `plan: error: `: how a shell error line starts.
pub fn prefix(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "plan: lỗi: ",
        Lang::En => "plan: error: ",
    }
}

/// The whole chain of `error` in `lang`, causes after `: `, as `{error:#}` prints it, with
/// the operating system's wording of I/O errors put in Vietnamese for the common kinds.
pub fn describe(error: &anyhow::Error, lang: Lang) -> String {
    let before = self::lang();
    set_lang(lang);
    let parts: Vec<String> = error
        .chain()
        .map(|cause| match cause.downcast_ref::<io::Error>() {
            Some(io) => io_wording(io, lang),
            None => cause.to_string(),
        })
        .collect();
    set_lang(before);
    parts.join(": ")
}

/// An I/O error as the reader should see it. A message given by `plan` itself (an error
/// made with [`io::Error::new`]) is shown as it is; the operating system's own wording,
/// even wrapped by a library, is kept in English and replaced in Vietnamese for the kinds
/// a person meets.
pub fn io_wording(error: &io::Error, lang: Lang) -> String {
    use io::ErrorKind as K;
    // A message of `plan`'s own, or of a library that words it itself; one that only wraps
    // the system's (`tempfile`: "… (os error 2) at path …") is the system's.
    let own = error.get_ref().is_some_and(|inner| !inner.to_string().contains("(os error "));
    if lang == Lang::En || own {
        return error.to_string();
    }
    let vi = match error.kind() {
        K::NotFound => "không có tệp hay thư mục này",
        K::PermissionDenied => "không có quyền đọc hay ghi ở đây",
        K::IsADirectory => "đây là thư mục, không phải tệp",
        K::NotADirectory => "một phần của đường dẫn không phải thư mục",
        K::InvalidData => "nội dung không đọc được thành chữ (không phải văn bản UTF-8)",
        K::AlreadyExists => "tệp này đã có",
        K::DirectoryNotEmpty => "thư mục không trống",
        K::StorageFull => "ổ đĩa đã đầy",
        K::ReadOnlyFilesystem => "ổ đĩa chỉ cho đọc, không cho ghi",
        K::FileTooLarge => "tệp quá lớn",
        K::InvalidFilename => "tên tệp hay đường dẫn không hợp lệ",
        K::UnexpectedEof => "tệp kết thúc sớm hơn dự kiến",
        K::Interrupted => "việc đọc ghi bị ngắt",
        K::OutOfMemory => "không đủ bộ nhớ",
        K::TimedOut => "quá thời gian chờ",
        K::CrossesDevices => "không chuyển được tệp sang ổ đĩa khác",
        K::ResourceBusy => "tệp hay thiết bị đang được dùng",
        _ => return format!("lỗi của hệ điều hành: {error}"),
    };
    vi.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn not_found() -> io::Error {
        io::Error::from_raw_os_error(2)
    }

    #[test]
    fn a_failure_reads_in_the_language_of_its_thread() {
        let failure = Failure::cannot_read("plans/x.toml");
        set_lang(Lang::En);
        assert_eq!(failure.to_string(), "cannot read `plans/x.toml`");
        set_lang(Lang::Vi);
        assert_eq!(failure.to_string(), "không đọc được `plans/x.toml`");
    }

    #[test]
    fn a_chain_is_described_in_one_language_with_the_os_wording_translated() {
        let error = anyhow::Error::new(not_found()).context(Failure::cannot_read("no-such-dir"));
        assert_eq!(describe(&error, Lang::Vi), "không đọc được `no-such-dir`: không có tệp hay thư mục này");
        assert_eq!(describe(&error, Lang::En), "cannot read `no-such-dir`: No such file or directory (os error 2)");
        let caused = anyhow::Error::new(Failure::caused_by(
            crate::t!("không ghi được `a.ics`", "cannot write `a.ics`"),
            io::Error::from(io::ErrorKind::PermissionDenied),
        ));
        assert_eq!(describe(&caused, Lang::Vi), "không ghi được `a.ics`: không có quyền đọc hay ghi ở đây");
        assert_eq!(describe(&caused, Lang::En), "cannot write `a.ics`: permission denied");
    }

    #[test]
    fn describe_leaves_the_thread_language_as_it_was() {
        set_lang(Lang::En);
        let error = anyhow::Error::new(Failure::cannot_write("x"));
        assert_eq!(describe(&error, Lang::Vi), "không ghi được `x`");
        assert_eq!(lang(), Lang::En);
        set_lang(Lang::Vi);
    }

    #[test]
    fn io_errors_of_every_common_kind_have_a_vietnamese_wording() {
        let cases = [
            (io::ErrorKind::NotFound, "không có tệp hay thư mục này"),
            (io::ErrorKind::PermissionDenied, "không có quyền đọc hay ghi ở đây"),
            (io::ErrorKind::IsADirectory, "đây là thư mục, không phải tệp"),
            (io::ErrorKind::InvalidData, "nội dung không đọc được thành chữ (không phải văn bản UTF-8)"),
            (io::ErrorKind::StorageFull, "ổ đĩa đã đầy"),
        ];
        for (kind, vi) in cases {
            assert_eq!(io_wording(&io::Error::from(kind), Lang::Vi), vi);
        }
        assert_eq!(io_wording(&not_found(), Lang::En), "No such file or directory (os error 2)");
        // plan's own message in an I/O error is kept; a rare kind says what the system said.
        let own = io::Error::other("the pipe closed");
        assert_eq!(io_wording(&own, Lang::Vi), "the pipe closed");
        // `tempfile` wraps the system's error with the temporary file's path.
        let wrapped = io::Error::new(io::ErrorKind::NotFound, format!("{} at path \"/x/.tmp1\"", not_found()));
        assert_eq!(io_wording(&wrapped, Lang::Vi), "không có tệp hay thư mục này");
        assert_eq!(
            io_wording(&io::Error::from(io::ErrorKind::AddrInUse), Lang::Vi),
            "lỗi của hệ điều hành: address in use"
        );
    }
}
