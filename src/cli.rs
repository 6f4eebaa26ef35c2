//! Command-line arguments and the process shell: parse arguments, run one command, map the
//! outcome to an exit status. Errors that are not about a user's file (I/O, arguments) are
//! `anyhow` errors, printed here as `plan: error: …` with their cause chain.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::commands;
pub use crate::lang::Lang;
pub use crate::render::ReportFormat;

/// What a command ends with; the process exit status is its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: no errors (warnings allowed unless `--deny-warnings`).
    Success = 0,
    /// 1: the files have errors (or `--check` text reads as another number).
    Failure = 1,
    /// 2: usage, I/O or internal error.
    Trouble = 2,
}

const EXIT_HELP: &str = "\
Exit status:
  0  no errors (warnings allowed unless --deny-warnings)
  1  the files have errors
  2  usage, I/O or internal error";

/// Check and report on plan files: a project decision, its yearly plans and their progress.
#[derive(Debug, Parser)]
#[command(name = "plan", version, about, after_help = EXIT_HELP)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Language of diagnostics, messages, reports and this help: vi (the default) or en;
    /// also `PLAN_LANG` (an empty one counts as unset)
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,
    /// Follow references (`decision.file`, `progress.plan`) and symbolic links that lead
    /// outside the checked tree (the current directory and the paths named); by default
    /// they are refused and reported (docs/reliability.md)
    #[arg(long, global = true)]
    pub allow_outside: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check plan files, alone and against their decision
    #[command(after_help = "\
Examples:
  plan check                          the files under plans/ (or .)
  plan check plans/ke-hoach-2019.toml one plan, with its decision and progress
  plan check --lang en                diagnostics in English
  plan check --format sarif > plan.sarif

Exit status:
  0  no errors (warnings allowed unless --deny-warnings)
  1  the files have errors
  2  usage, I/O or internal error")]
    Check(CheckArgs),
    /// Write an amount in Vietnamese words, or check words against an amount
    #[command(
        after_help = "\
Examples:
  plan words 491.300.000
  plan words 1500000 --check \"Một triệu năm trăm nghìn đồng\"
  plan words 105 --le --ngan

Exit status:
  0  the words were printed, or --check TEXT reads as AMOUNT
  1  --check TEXT reads as another number, or does not read as a number
  2  usage error (AMOUNT is not an amount)",
        allow_negative_numbers = true
    )]
    Words(WordsArgs),
    /// Print progress, budget and deadline reports for a plan
    #[command(after_help = "\
Sections: progress, budget, deadlines (all three when none is named).

Examples:
  plan report plans/ke-hoach-2019.toml --half-year
  plan report plans/ke-hoach-2019.toml budget --as-of 30/9/2019
  plan report --annual -o bao-cao-2019.docx
  plan report --period plans/quyet-dinh-1186-2016.toml --lang en

Exit status:
  0  the report was printed
  1  the plan has errors: no report, its diagnostics instead
  2  usage or I/O error, or no single plan to report on")]
    Report(ReportArgs),
    /// Write next year's plan skeleton from this year's plan and the decision
    #[command(after_help = "\
Examples:
  plan new --year 2020
  plan new --year 2020 --from plans/ke-hoach-2019.toml -o plans/ke-hoach-2020.toml

Exit status:
  0  the skeleton was written
  1  the base plan or its decision has errors
  2  usage or I/O error, or --output names a file that exists (without --force)")]
    New(NewArgs),
    /// Write the reports' last days and activities' due dates as an iCalendar (.ics) file
    #[command(after_help = "\
Examples:
  plan calendar -o han-bao-cao.ics
  plan calendar plans/ke-hoach-2019.toml

Exit status:
  0  the calendar was written
  1  the files have errors: no calendar, their diagnostics instead
  2  usage or I/O error, or no plan found")]
    Calendar(CalendarArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell) on stdout
    #[command(after_help = "\
Examples:
  plan completions bash > ~/.local/share/bash-completion/completions/plan
  plan completions zsh > ~/.zfunc/_plan")]
    Completions(CompletionsArgs),
    /// Print the man page (roff) on stdout: `plan man > plan.1`
    #[command(after_help = "\
Examples:
  plan man > plan.1
  plan man | man -l -")]
    Man,
    /// Print the JSON Schema of a kind of file (as schemas/KIND.schema.json holds it)
    #[command(after_help = "\
Examples:
  plan schema plan > schemas/plan.schema.json
  plan schema decision")]
    Schema(commands::schema::SchemaArgs),
    /// Run the language server on stdin and stdout (docs/editors.md)
    #[command(after_help = "\
Examples:
  plan lsp               started by the editor (docs/editors.md)
  plan lsp --lang en     diagnostics in English")]
    Lsp,
    /// Explain a diagnostic code: what it means, why it matters, an example and its fix
    #[command(after_help = EXPLAIN_HELP)]
    Explain(ExplainArgs),
}

const EXPLAIN_HELP: &str = "\
Examples:
  plan explain invalid-amount
  plan explain unknown-agency --lang en

Exit status:
  0  the code was explained
  2  no such code (the nearest codes are named)";

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The code, as diagnostics print it: `invalid-amount`, `unknown-agency`, …
    pub code: String,
}

#[derive(Debug, Args)]
pub struct CalendarArgs {
    /// A plan file, a decision file or a directory (every plan in it); default `plans/`
    /// if it exists, else `.`
    #[arg(value_name = "PLAN|DECISION")]
    pub path: Option<PathBuf>,
    /// Write to FILE (e.g. `deadlines.ics`) instead of stdout
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: Shell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files and directories to check (directories recursively, `*.toml`);
    /// default `plans/` if it exists, else `.`
    pub paths: Vec<PathBuf>,
    /// Output format: human diagnostics on stderr, or a product on stdout
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Treat warnings as errors (exit 1 when there are warnings)
    #[arg(long)]
    pub deny_warnings: bool,
    /// Silence this code's warnings (repeatable); errors cannot be allowed. Also `allow`
    /// in `.plan/config.toml` `[check]`
    #[arg(long, value_name = "CODE")]
    pub allow: Vec<String>,
    /// Make this code's warnings errors (repeatable). Also `deny` in `.plan/config.toml`
    #[arg(long, value_name = "CODE")]
    pub deny: Vec<String>,
    /// When to colour human output; `NO_COLOR` and non-terminals mean never
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style diagnostics with source excerpts, on stderr
    Human,
    /// one JSON document on stdout
    Json,
    /// GitHub Actions workflow commands (`::error …`), on stdout
    Github,
    /// one SARIF 2.1.0 log on stdout, for GitHub code scanning (docs/ci.md)
    Sarif,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
#[allow(clippy::struct_excessive_bools)] // each is a command-line switch
pub struct ReportArgs {
    /// The plan file (default: the newest year's plan under `plans/`), then optionally one
    /// section: `progress`, `budget` or `deadlines`
    #[arg(value_name = "PLAN] [SECTION", num_args = 0..=2)]
    pub args: Vec<String>,
    /// Report the half-year: data up to the half-year cut-off (14/6 by default)
    #[arg(long, group = "cut_off_period")]
    pub half_year: bool,
    /// Report the year: data up to the annual cut-off (14/12 by default)
    #[arg(long, group = "cut_off_period")]
    pub annual: bool,
    /// Report as of this date (`30/6/2019` or `2019-06-30`); default today
    #[arg(long, value_name = "DATE", value_parser = parse_day, conflicts_with_all = ["half_year", "annual"])]
    pub as_of: Option<chrono::NaiveDate>,
    /// Roll up a decision's whole period: a decision file, or a directory holding one and
    /// its yearly plans (then SECTION alone may follow)
    #[arg(long, value_name = "DECISION", conflicts_with_all = ["half_year", "annual", "progress"])]
    pub period: Option<PathBuf>,
    /// Output format (default: from the extension of --output, else `table`)
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Write to FILE instead of stdout (atomically; an existing file is kept unless --force)
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE if it exists
    #[arg(long, requires = "output")]
    pub force: bool,
    /// csv: for Excel on Windows: a UTF-8 BOM; with --lang vi, `;` between cells, decimal
    /// commas and Vietnamese keys
    #[arg(long)]
    pub excel: bool,
    /// docx: the analyst's text and the report's number, date and signer (TOML, see
    /// docs/reports.md)
    #[arg(long, value_name = "FILE")]
    pub narrative: Option<PathBuf>,
    /// docx: the report's number (`15`, written `Số: 15/BC-…`); wins over the narrative file
    #[arg(long, value_name = "N")]
    pub number: Option<String>,
    /// docx: the day the report is signed (`30/6/2019` or `2019-06-30`); wins over the
    /// narrative file
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub date: Option<chrono::NaiveDate>,
    /// docx: the signer's full name; wins over the narrative file
    #[arg(long, value_name = "NAME")]
    pub signer: Option<String>,
    /// Language of labels, numbers and dates: the global `--lang`, set by [`run`]
    #[arg(skip)]
    pub lang: Lang,
    /// A progress file to count in addition to those found beside the plan (repeatable)
    #[arg(long, value_name = "FILE")]
    pub progress: Vec<PathBuf>,
    /// The unit money is printed in: `đồng`, `nghìn`, `triệu` or `tỷ` (with or without
    /// `đồng`); default: the plan's (or with --period the decision's) own `money-unit`, else
    /// đồng. JSON keeps đồng
    #[arg(long, value_name = "UNIT", value_parser = parse_money_unit)]
    pub money_unit: Option<crate::money::Unit>,
}

/// A unit of money as `money-unit` accepts it: `triệu`, `triệu đồng`, `tỉ`, `ngàn đồng`…
pub fn parse_money_unit(text: &str) -> Result<crate::money::Unit, String> {
    crate::money::Unit::parse(text).ok_or_else(|| {
        let names = crate::money::Unit::NAMES.map(|n| format!("`{n}`")).join(", ");
        let t = crate::t!(
            "`{text}` không phải đơn vị tiền: viết một trong {names}",
            "`{text}` is not a unit of money: write one of {names}"
        );
        t.get(crate::failure::lang()).to_owned()
    })
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The year of the new plan
    #[arg(long)]
    pub year: i32,
    /// The plan to start from (default: the newest year's plan under `plans/`)
    #[arg(long, value_name = "PLAN")]
    pub from: Option<PathBuf>,
    /// Write to FILE instead of stdout (atomically; an existing file is kept unless --force)
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE if it exists
    #[arg(long, requires = "output")]
    pub force: bool,
}

#[derive(Debug, Args)]
#[allow(clippy::struct_excessive_bools)] // each is a command-line switch
pub struct WordsArgs {
    /// The amount: digits, in Vietnamese notation (`491.300.000`) or plain (`491300000`)
    pub amount: String,
    /// Check that TEXT reads as AMOUNT instead of printing the words
    #[arg(long, value_name = "TEXT")]
    pub check: Option<String>,
    /// Write "ngàn" (South) instead of "nghìn"
    #[arg(long)]
    pub ngan: bool,
    /// Write "lẻ" (South) instead of "linh" for a zero tens digit
    #[arg(long)]
    pub le: bool,
    /// Write "tỉ" instead of "tỷ"
    #[arg(long)]
    pub ti: bool,
    /// Write a final 4 after a tens digit of 2 or more as "tư" instead of "bốn"
    #[arg(long)]
    pub tu: bool,
    /// Write a final 1 after a tens digit of 2 or more as "một" instead of "mốt"
    #[arg(long)]
    pub mot: bool,
    /// Print only the number words, without the capital letter and the final "đồng"
    #[arg(long)]
    pub bare: bool,
}

/// What the process knows of where its output goes.
#[derive(Debug, Clone, Default)]
pub struct Terminal {
    /// Human diagnostics on stderr may be coloured (a terminal, and `NO_COLOR` unset).
    pub stderr_color: bool,
    /// Stdout is a terminal: tables may draw boxes and fit its width.
    pub stdout_terminal: bool,
    /// The language of diagnostics and messages: `--lang`, else `PLAN_LANG`, else `vi`
    /// (set by [`run`]).
    pub lang: Lang,
}

impl Terminal {
    fn detect() -> Self {
        use std::io::IsTerminal;
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self {
            stderr_color: !no_color && std::io::stderr().is_terminal(),
            stdout_terminal: std::io::stdout().is_terminal(),
            lang: Lang::Vi,
        }
    }
}

/// Runs the process: parses arguments, runs the command, prints shell errors.
pub fn main() -> ExitCode {
    // The language is read off the raw arguments before they are parsed, so that a usage
    // error, and a date or unit that does not read, are worded in it too.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = crate::usage::lang_of_args(&args, std::env::var("PLAN_LANG").ok().as_deref());
    crate::failure::set_lang(lang);
    let cli = match parse(&args, lang) {
        Ok(cli) => cli,
        Err(err) => {
            // clap prints help and version itself and says which of them is not an error.
            match crate::usage::vietnamese(&err).filter(|_| lang == Lang::Vi && err.use_stderr()) {
                Some(text) => {
                    let _ = write!(std::io::stderr(), "{text}");
                }
                None => {
                    let _ = err.print();
                }
            }
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    let terminal = Terminal::detect();
    // Buffered (human output writes many small pieces per diagnostic), and a closed pipe
    // (`plan check | head`) drops the rest of the output without changing the verdict.
    let mut stdout = crate::pipe::buffered(std::io::stdout().lock());
    let mut stderr = crate::pipe::buffered(std::io::stderr().lock());
    let exit = match run(cli, &terminal, &mut stdout, &mut stderr) {
        Ok(exit) => exit,
        // Only a writer other than ours can still report a closed pipe.
        Err(err) if is_broken_pipe(&err) => Exit::Success,
        Err(err) => {
            // `run` chose the language (flag or `PLAN_LANG`) and set it for this thread.
            let lang = crate::failure::lang();
            let _ = writeln!(stderr, "{}{}", crate::failure::prefix(lang), crate::failure::describe(&err, lang));
            Exit::Trouble
        }
    };
    let flushed = stdout.flush().and(stderr.flush());
    if flushed.is_err() && exit == Exit::Success {
        return ExitCode::from(Exit::Trouble as u8);
    }
    ExitCode::from(exit as u8)
}

/// Parses the command line, with `--help` in `lang` ([`crate::help_vi`]); usage errors
/// come back as clap's, for [`main`] to word.
pub fn parse(args: &[std::ffi::OsString], lang: Lang) -> Result<Cli, clap::Error> {
    use clap::{CommandFactory, FromArgMatches};
    let matches = crate::help_vi::localize(Cli::command(), lang).try_get_matches_from(args)?;
    if let Some(("help", named)) = matches.subcommand() {
        // The Vietnamese help has its own `help` command (clap's is English, and made too
        // late to be worded): `plan help check` is `plan check --help`, errors included.
        let names = named.get_many::<String>(crate::help_vi::HELP_COMMAND_NAMES).into_iter().flatten();
        let again = args
            .iter()
            .take(1)
            .cloned()
            .chain(names.map(std::ffi::OsString::from))
            .chain(std::iter::once(std::ffi::OsString::from("--help")));
        let matches = crate::help_vi::localize(Cli::command(), lang).try_get_matches_from(again)?;
        return Cli::from_arg_matches(&matches);
    }
    Cli::from_arg_matches(&matches)
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .any(|cause| cause.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe))
}

/// Runs one parsed command against the given writers.
pub fn run(cli: Cli, terminal: &Terminal, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<Exit> {
    let env = std::env::var("PLAN_LANG").ok();
    let lang = match Lang::resolve(cli.lang, env.as_deref()) {
        Ok(lang) => lang,
        Err(problem) => {
            // The language is what is wrong: this one line stays English.
            writeln!(err, "plan: error: {problem}")?;
            return Ok(Exit::Trouble);
        }
    };
    let terminal = &Terminal { lang, ..terminal.clone() };
    crate::failure::set_lang(lang);
    crate::confine::allow_outside(cli.allow_outside);
    match cli.command {
        Command::Check(args) => commands::check::run(&args, terminal, out, err),
        Command::Words(args) => commands::words::run(&args, lang, out, err),
        Command::Report(mut args) => {
            args.lang = lang;
            commands::report::run(&args, terminal, out, err)
        }
        Command::New(args) => commands::new::run(&args, terminal, out, err),
        Command::Calendar(args) => commands::calendar::run(&args, terminal, out, err),
        // The completion script and the man page are made from `Cli::command()`, the
        // English definition: they stay English (`--help` is the one in the reader's language).
        Command::Completions(args) => commands::completions::run(&args, out),
        Command::Man => commands::completions::man(out),
        Command::Schema(args) => commands::schema::run(&args, out),
        Command::Lsp => crate::lsp::serve(&mut std::io::stdin().lock(), out, lang).map(|()| Exit::Success),
        Command::Explain(args) => commands::explain::run(&args, lang, out, err),
    }
}

/// A day as analysts type it: `30/6/2019` (day first, as Vietnamese documents write it)
/// or `2019-06-30`.
pub fn parse_day(text: &str) -> Result<chrono::NaiveDate, String> {
    let text = text.trim();
    // Year first as chrono reads it (any year it holds, `-262143-01-01` included).
    if let Ok(day) = text.parse::<chrono::NaiveDate>() {
        return Ok(day);
    }
    let ymd = |y: &str, m: &str, d: &str| -> Option<(i32, u32, u32)> {
        Some((y.parse().ok()?, m.parse().ok()?, d.parse().ok()?))
    };
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    let fields = match (text.contains('/') || text.contains('.'), parts.as_slice()) {
        (true, [d, m, y]) if y.len() == 4 => ymd(y, m, d),
        (false, [y, m, d]) if y.len() == 4 => ymd(y, m, d),
        _ => None,
    };
    // Worded in the language read off the arguments (`usage`), set before they are parsed.
    let lang = crate::failure::lang();
    let Some((y, m, d)) = fields else {
        let t = crate::t!(
            "`{text}` không phải một ngày: viết `30/6/2019` hoặc `2019-06-30`",
            "`{text}` is not a date: write it as `30/6/2019` or `2019-06-30`"
        );
        return Err(t.get(lang).to_owned());
    };
    chrono::NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
        let t = match crate::diag::catalog::days_in_month(y, m) {
            Some(days) => crate::t!(
                "`{text}` không có trên lịch: tháng {m} năm {y} có {days} ngày",
                "`{text}` is not a day of the calendar: month {m} of {y} has {days} days"
            ),
            None => crate::t!(
                "`{text}` không phải một ngày: tháng từ 1 đến 12",
                "`{text}` is not a date: the month is 1 to 12"
            ),
        };
        t.get(lang).to_owned()
    })
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    #[test]
    fn days_are_read_day_first_or_year_first() {
        // The reason is worded in the language of the run (per thread).
        crate::failure::set_lang(crate::lang::Lang::Vi);
        assert_eq!(
            super::parse_day("31/6/2019"),
            Err("`31/6/2019` không có trên lịch: tháng 6 năm 2019 có 30 ngày".to_owned())
        );
        crate::failure::set_lang(crate::lang::Lang::En);
        let day = NaiveDate::from_ymd_opt(2019, 6, 30);
        assert_eq!(super::parse_day("30/6/2019").ok(), day);
        assert_eq!(super::parse_day("30/06/2019").ok(), day);
        assert_eq!(super::parse_day("2019-06-30").ok(), day);
        assert_eq!(super::parse_day("2019-6-30").ok(), day);
        assert_eq!(
            super::parse_day("31/6/2019"),
            Err("`31/6/2019` is not a day of the calendar: month 6 of 2019 has 30 days".to_owned())
        );
        assert_eq!(
            super::parse_day("6/30"),
            Err("`6/30` is not a date: write it as `30/6/2019` or `2019-06-30`".to_owned())
        );
    }

    #[test]
    fn every_subcommand_has_examples() {
        use clap::CommandFactory;
        for sub in super::Cli::command().get_subcommands() {
            let after = sub.get_after_help().map(ToString::to_string).unwrap_or_default();
            assert!(after.contains("Examples:\n  plan "), "`plan {}` has no examples", sub.get_name());
        }
    }

    #[test]
    fn the_command_line_is_well_formed() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
