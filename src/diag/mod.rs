//! Diagnostics: a problem found in a user's file is a [`Diagnostic`] value, never an `Err`.
//! Each has a stable code ([`Code`]), a severity, a lowercase message, a primary label on the
//! offending value, secondary labels on what it contradicts, and a help line. The wording of
//! each code lives in one constructor in [`catalog`]; the renderers ([`human`], [`json`],
//! [`github`], [`sarif`]) only lay the values out.

pub mod cap;
pub mod catalog;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use serde::Serialize;

pub use crate::lang::{Lang, Text};
use crate::source::{Sources, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

macro_rules! codes {
    ($($variant:ident = $text:literal, $severity:ident;)*) => {
        /// Every diagnostic code, with its severity. The kebab-case text is stable: CI
        /// configurations and editors match on it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($variant,)* }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $text,)* }
            }

            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }
        }
    };
}

codes! {
    TomlSyntax = "toml-syntax", Error;
    UnreadableFile = "unreadable-file", Error;
    UnknownKind = "unknown-kind", Error;
    UnknownKey = "unknown-key", Error;
    MissingKey = "missing-key", Error;
    WrongType = "wrong-type", Error;
    InvalidValue = "invalid-value", Error;
    InvalidAmount = "invalid-amount", Error;
    InvalidDate = "invalid-date", Error;
    DuplicateId = "duplicate-id", Error;
    UnresolvedFile = "unresolved-file", Error;
    DecisionMismatch = "decision-mismatch", Error;
    YearOutsidePeriod = "year-outside-period", Error;
    UnknownItem = "unknown-item", Error;
    UnknownActivity = "unknown-activity", Error;
    UnknownBudgetLine = "unknown-budget-line", Error;
    UnknownAgency = "unknown-agency", Error;
    AmbiguousAgency = "ambiguous-agency", Error;
    UnitMismatch = "unit-mismatch", Warning;
    LeadMismatch = "lead-mismatch", Warning;
    BudgetLinesSum = "budget-lines-sum", Error;
    AmountWordsMismatch = "amount-words-mismatch", Error;
    BreakdownSum = "breakdown-sum", Error;
    Overspent = "overspent", Error;
    OverTarget = "over-target", Warning;
    DateOutsideYear = "date-outside-year", Warning;
    DeadlineOrder = "deadline-order", Error;
    LateSubmission = "late-submission", Warning;
    DuplicateYear = "duplicate-year", Error;
    PeriodBudgetExceeded = "period-budget-exceeded", Error;
    PeriodTargetExceeded = "period-target-exceeded", Warning;
    PeriodTargetShort = "period-target-short", Warning;
    DuplicateVoucher = "duplicate-voucher", Error;
    DuplicateSubmission = "duplicate-submission", Error;
    DuplicateEntry = "duplicate-entry", Error;
    PossibleDuplicate = "possible-duplicate", Warning;
    LineActivityMismatch = "line-activity-mismatch", Error;
    SumOverflow = "sum-overflow", Error;
    TargetMissing = "target-missing", Warning;
    NameCountMismatch = "name-count-mismatch", Warning;
    NameYearMismatch = "name-year-mismatch", Warning;
    KindSymbolMismatch = "kind-symbol-mismatch", Warning;
    SuspectMoneyUnit = "suspect-money-unit", Warning;
    SupportCapExceeded = "support-cap-exceeded", Warning;
    BudgetSourcesSum = "budget-sources-sum", Error;
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A span with a short message of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: Text,
}

impl Label {
    pub fn new(span: &Span, message: Text) -> Self {
        Self { span: span.clone(), message }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: Text,
    pub primary: Label,
    pub secondary: Vec<Label>,
    pub help: Option<Text>,
}

impl Diagnostic {
    /// A diagnostic of `code` (with the code's severity) on `span`.
    pub fn new(code: Code, span: &Span, message: Text) -> Self {
        Self {
            code,
            severity: code.severity(),
            message,
            primary: Label::new(span, Text::default()),
            secondary: Vec::new(),
            help: None,
        }
    }

    #[must_use]
    pub fn label(mut self, message: Text) -> Self {
        self.primary.message = message;
        self
    }

    #[must_use]
    pub fn secondary(mut self, span: &Span, message: Text) -> Self {
        self.secondary.push(Label::new(span, message));
        self
    }

    /// The message in `lang` and, on the next line, its help: the one text of the formats
    /// that carry a single message (GitHub annotations, SARIF results).
    pub fn text_with_help(&self, lang: Lang) -> String {
        let mut message = self.message.get(lang).to_owned();
        if let Some(help) = &self.help {
            message.push('\n');
            message.push_str(human::help_word(lang));
            message.push_str(": ");
            message.push_str(help.get(lang));
        }
        message
    }

    #[must_use]
    pub fn help(mut self, help: Text) -> Self {
        self.help = Some(help);
        self
    }
}

/// Sorts diagnostics by file, position and code, so that output does not depend on the
/// order in which checks ran or the file system listed files.
pub fn sort(diagnostics: &mut [Diagnostic], sources: &Sources) {
    // Borrowed keys: cloning the name and the message for every comparison made sorting a
    // million diagnostics cost more than finding them.
    fn key<'a>(sources: &'a Sources, d: &'a Diagnostic) -> (&'a str, usize, Code, &'a str) {
        (sources.get(d.primary.span.file).name.as_str(), d.primary.span.start(), d.code, d.message.en.as_str())
    }
    diagnostics.sort_by(|a, b| key(sources, a).cmp(&key(sources, b)));
}

/// Counts of what a run found. `errors` and `warnings` count every diagnostic, those the
/// per-file cap ([`cap`]) left out included; `not_shown` is how many it left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub not_shown: usize,
}

impl Summary {
    pub fn new(files: usize, diagnostics: &[Diagnostic]) -> Self {
        let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
        Self { files, errors, warnings: diagnostics.len() - errors, not_shown: 0 }
    }

    /// The counts of `shown` diagnostics and of those [`cap::cap`] left out.
    pub fn capped(files: usize, shown: &[Diagnostic], suppressed: &[cap::Suppressed]) -> Self {
        let (errors, warnings) = cap::totals(suppressed);
        let summary = Self::new(files, shown);
        Self {
            errors: summary.errors + errors,
            warnings: summary.warnings + warnings,
            not_shown: errors + warnings,
            ..summary
        }
    }
}
