//! Property tests: whatever a plan file turns into, `plan check` and `plan report` end with
//! exit 0, 1 or 2 — never a panic, never a hang.
//!
//! Every `*.toml` under `plans/` and `examples/` is copied with its directory into a
//! temporary one (so that its decision and progress links still resolve), and there replaced,
//! case after case, by random bytes or by the file with one to four random mutations: a bit
//! flipped, bytes deleted or inserted (random ones or TOML's own punctuation), a line
//! duplicated or removed, the file truncated, a quote or bracket swapped for another, a digit
//! replaced. Then the directory is checked and the plan the file belongs to is reported on,
//! with a format, section, language and period chosen by the case.
//!
//! `mutated_files_in_process` runs `plan::cli::run` in a thread that must return within
//! [`TIME_BOUND`] (a generous bound against hangs, not a speed test); `mutated_files_binary`
//! runs fewer cases through the real binary, killed after the same bound, and asserts its
//! exit status. `PLAN_MUTATION_CASES` sets the cases per file of the first (a longer soak).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use clap::Parser;
use plan::cli::{Cli, Terminal};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

/// Cases per file run in-process (by default; `PLAN_MUTATION_CASES` overrides).
const CASES: u32 = 512;
/// Cases per file run through the binary.
const BINARY_CASES: u32 = 32;
/// How long one command may take before it counts as hung: far beyond the milliseconds it
/// takes, so that a slow machine never fails the test, while a loop still does.
const TIME_BOUND: Duration = Duration::from_secs(60);

/// Pieces of TOML and of plan files that mutations insert, besides random bytes.
const TOKENS: &[&str] = &[
    "\"",
    "'",
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    "=",
    "\n",
    "\r\n",
    "#",
    "\"\"\"",
    "'''",
    ".",
    ",",
    "\\",
    "-",
    "_",
    "0",
    "\u{feff}",
    "\u{200b}",
    "\u{301}",
    "99999999999999999999999999999",
    "-1",
    "1e400",
    "nan",
    "inf",
    "2019-02-29",
    "0000-01-01",
    "9999-12-31T23:59:59Z",
    "\"06-31\"",
    "[plan]",
    "[decision]",
    "[progress]",
    "[[activity]]",
    "[[budget.line]]",
    "{ from = 2020, to = 2016 }",
    "year = 2147483647",
    "year = -2147483648",
    "quantity = \"1.000.000.000.000.000.000.000.000.000\"",
    "file = \"..\"",
    "plan = \".\"",
];

/// A position among however many there turn out to be: `Pick(n)` is the `n % len`-th.
#[derive(Debug, Clone, Copy)]
struct Pick(usize);

impl Pick {
    fn index(self, len: usize) -> usize {
        self.0 % len
    }
}

fn pick() -> impl Strategy<Value = Pick> {
    any::<usize>().prop_map(Pick)
}

/// What a case does to the file.
#[derive(Debug, Clone)]
enum Mutation {
    FlipBit(Pick, u8),
    Delete(Pick, usize),
    Insert(Pick, Vec<u8>),
    DuplicateLine(Pick),
    RemoveLine(Pick),
    Truncate(Pick),
    SwapQuoteOrBracket(Pick, Pick),
    ReplaceDigit(Pick, Pick),
    /// Replaces the run of digits at the pick with a limit value of the decimal type, so
    /// that sums of amounts reach the limit (`sum-overflow`, never a panic).
    LimitNumber(Pick, Pick),
}

/// Values at the limits of the decimal type: its largest, half of it plus one (two of them
/// overflow a sum), and the largest in Vietnamese notation.
const LIMITS: &[&str] = &[
    "79228162514264337593543950335",
    "39614081257132168796771975168",
    "79_228_162_514_264_337_593_543_950_335",
    "\"79.228.162.514.264.337.593.543.950.335\"",
];

#[derive(Debug, Clone)]
enum Content {
    /// Random bytes instead of the file.
    Bytes(Vec<u8>),
    /// The file, mutated.
    Mutated(Vec<Mutation>),
}

/// One case: the new content, and how the commands are run.
#[derive(Debug, Clone)]
struct Case {
    content: Content,
    check: Pick,
    report: Pick,
    terminal: bool,
}

const QUOTES_AND_BRACKETS: &[u8] = b"\"'[]{}";
const DIGIT_REPLACEMENTS: &[u8] = b"0123456789.,_-";

const CHECK_ARGS: &[&[&str]] =
    &[&[], &["--format", "json"], &["--format", "github"], &["--deny-warnings", "--color", "always"]];

const REPORT_ARGS: &[&[&str]] = &[
    &["--as-of", "2022-09-30"],
    &["--half-year", "--format", "markdown"],
    &["--annual", "--format", "json", "--lang", "en"],
    &["budget", "--format", "csv", "--as-of", "2019-12-31"],
    &["deadlines", "--as-of=+262142-12-31", "--lang", "en"],
    &["progress", "--format", "csv", "--as-of=-262143-01-01"],
];

fn mutation() -> impl Strategy<Value = Mutation> {
    let inserted = prop_oneof![vec(any::<u8>(), 1..8), select(TOKENS).prop_map(|t| t.as_bytes().to_vec())];
    prop_oneof![
        (pick(), 0u8..8).prop_map(|(i, bit)| Mutation::FlipBit(i, bit)),
        (pick(), 1usize..64).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (pick(), inserted).prop_map(|(i, bytes)| Mutation::Insert(i, bytes)),
        pick().prop_map(Mutation::DuplicateLine),
        pick().prop_map(Mutation::RemoveLine),
        pick().prop_map(Mutation::Truncate),
        (pick(), pick()).prop_map(|(i, to)| Mutation::SwapQuoteOrBracket(i, to)),
        (pick(), pick()).prop_map(|(i, to)| Mutation::ReplaceDigit(i, to)),
        (pick(), pick()).prop_map(|(i, to)| Mutation::LimitNumber(i, to)),
    ]
}

fn case() -> impl Strategy<Value = Case> {
    let content = prop_oneof![
        1 => vec(any::<u8>(), 0..2048).prop_map(Content::Bytes),
        4 => vec(mutation(), 1..=4).prop_map(Content::Mutated),
    ];
    (content, pick(), pick(), any::<bool>()).prop_map(|(content, check, report, terminal)| Case {
        content,
        check,
        report,
        terminal,
    })
}

/// The file after the case's mutations.
fn apply(original: &[u8], content: &Content) -> Vec<u8> {
    let mutations = match content {
        Content::Bytes(bytes) => return bytes.clone(),
        Content::Mutated(mutations) => mutations,
    };
    let mut text = original.to_vec();
    for mutation in mutations {
        mutate(&mut text, mutation);
    }
    text
}

fn mutate(text: &mut Vec<u8>, mutation: &Mutation) {
    let len = text.len();
    match mutation {
        Mutation::Insert(at, bytes) => {
            let at = at.index(len + 1);
            text.splice(at..at, bytes.iter().copied());
        }
        Mutation::Truncate(at) => text.truncate(at.index(len + 1)),
        _ if len == 0 => {}
        Mutation::FlipBit(at, bit) => text[at.index(len)] ^= 1 << bit,
        Mutation::Delete(at, n) => {
            let start = at.index(len);
            text.drain(start..(start + n).min(len));
        }
        Mutation::DuplicateLine(at) | Mutation::RemoveLine(at) => {
            let lines = lines(text);
            let line = lines[at.index(lines.len())].clone();
            if matches!(mutation, Mutation::DuplicateLine(_)) {
                text.splice(line.start..line.start, text[line.clone()].to_vec());
            } else {
                text.drain(line);
            }
        }
        Mutation::SwapQuoteOrBracket(at, to) => replace_one(text, QUOTES_AND_BRACKETS, QUOTES_AND_BRACKETS, *at, *to),
        Mutation::ReplaceDigit(at, to) => replace_one(text, b"0123456789", DIGIT_REPLACEMENTS, *at, *to),
        Mutation::LimitNumber(at, to) => {
            let digits: Vec<usize> = (0..len).filter(|&i| text[i].is_ascii_digit()).collect();
            if digits.is_empty() {
                return;
            }
            let start = digits[at.index(digits.len())];
            let end = (start..len).find(|&i| !text[i].is_ascii_digit()).unwrap_or(len);
            let start = (0..start).rev().take_while(|&i| text[i].is_ascii_digit()).last().unwrap_or(start);
            text.splice(start..end, LIMITS[to.index(LIMITS.len())].bytes());
        }
    }
}

/// The byte ranges of the lines, each with its `\n`.
fn lines(text: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, &b) in text.iter().enumerate() {
        if b == b'\n' {
            lines.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < text.len() {
        lines.push(start..text.len());
    }
    lines
}

/// Replaces one of the bytes in `which` (the `at`-th of them) by one of `by`.
fn replace_one(text: &mut [u8], which: &[u8], by: &[u8], at: Pick, to: Pick) {
    let found: Vec<usize> = (0..text.len()).filter(|&i| which.contains(&text[i])).collect();
    if !found.is_empty() {
        text[found[at.index(found.len())]] = by[to.index(by.len())];
    }
}

/// Every `*.toml` under `plans/` and `examples/`.
fn source_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("a source directory") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|e| e == "toml") {
                found.push(path);
            }
        }
    }
    let mut found = Vec::new();
    walk(Path::new("plans"), &mut found);
    walk(Path::new("examples"), &mut found);
    found.sort();
    found
}

/// A temporary copy of a file's directory, the file to replace in it, and the plan to report
/// on: the file itself when it is a plan, the plan a progress file names, or for a decision
/// the last plan of the directory.
struct Sandbox {
    dir: tempfile::TempDir,
    file: PathBuf,
    plan: PathBuf,
    original: Vec<u8>,
}

fn sandbox(source: &Path) -> Sandbox {
    let from = source.parent().expect("a directory");
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut plans = Vec::new();
    for entry in std::fs::read_dir(from).expect("the file's directory") {
        let path = entry.expect("a directory entry").path();
        if path.is_file() {
            let copy = dir.path().join(path.file_name().expect("a file name"));
            std::fs::copy(&path, &copy).expect("a copy");
            if is_plan(&std::fs::read_to_string(&path).unwrap_or_default()) {
                plans.push(copy);
            }
        }
    }
    plans.sort();
    let original = std::fs::read(source).expect("the source file");
    let text = String::from_utf8_lossy(&original);
    let file = dir.path().join(source.file_name().expect("a file name"));
    let named = text.lines().find_map(|l| l.strip_prefix("plan = \"")?.strip_suffix('"').map(str::to_owned));
    let plan = if is_plan(&text) {
        file.clone()
    } else if let Some(named) = named {
        dir.path().join(named)
    } else {
        plans.last().expect("a plan beside the decision").clone()
    };
    Sandbox { dir, file, plan, original }
}

fn is_plan(text: &str) -> bool {
    text.lines().any(|l| l.trim() == "[plan]")
}

fn path(p: &Path) -> String {
    p.to_str().expect("a UTF-8 temporary path").to_owned()
}

/// The `plan check` and `plan report` command lines of a case.
fn commands(sandbox: &Sandbox, case: &Case) -> [Vec<String>; 2] {
    let mut check = vec!["check".to_owned(), path(sandbox.dir.path())];
    check.extend(CHECK_ARGS[case.check.index(CHECK_ARGS.len())].iter().map(|&a| a.to_owned()));
    let mut report = vec!["report".to_owned(), path(&sandbox.plan)];
    report.extend(REPORT_ARGS[case.report.index(REPORT_ARGS.len())].iter().map(|&a| a.to_owned()));
    [check, report]
}

/// Runs `plan ARGS…` in-process in a thread that must return within [`TIME_BOUND`]; the exit
/// status the process would have (an `Err` is exit 2).
fn run_in_process(args: Vec<String>, terminal: bool) -> Result<u8, String> {
    let shown = args.join(" ");
    let (tx, rx) = mpsc::channel();
    let thread = std::thread::spawn(move || {
        let cli = Cli::try_parse_from(std::iter::once("plan".to_owned()).chain(args)).expect("valid arguments");
        let terminal = Terminal { stderr_color: terminal, stdout_terminal: terminal, ..Terminal::default() };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = plan::cli::run(cli, &terminal, &mut out, &mut err).map_or(2, |exit| exit as u8);
        let _ = tx.send(code);
    });
    match rx.recv_timeout(TIME_BOUND) {
        Ok(code) => {
            let _ = thread.join();
            Ok(code)
        }
        Err(RecvTimeoutError::Timeout) => Err(format!("`plan {shown}` did not return within {TIME_BOUND:?}")),
        Err(RecvTimeoutError::Disconnected) => {
            let payload = thread.join().expect_err("the thread ended without sending");
            let message = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            Err(format!("`plan {shown}` panicked: {message}"))
        }
    }
}

/// Runs the real binary, killed after [`TIME_BOUND`]; its exit status (`None`: killed).
fn run_binary(args: &[String]) -> Option<i32> {
    let output = assert_cmd::Command::cargo_bin("plan")
        .expect("the plan binary")
        .args(args)
        .env_remove("PLAN_LANG")
        .env("NO_COLOR", "1")
        .timeout(TIME_BOUND)
        .output()
        .expect("the binary runs");
    output.status.code()
}

/// Runs `cases` cases against every source file, one thread per file.
fn for_every_file(cases: u32, test: fn(&Sandbox, &Case) -> Result<(), TestCaseError>) {
    let files = source_files();
    assert!(files.len() >= 8, "found only {} files under plans/ and examples/", files.len());
    std::thread::scope(|scope| {
        for source in &files {
            scope.spawn(move || {
                let sandbox = sandbox(source);
                let config = Config { cases, failure_persistence: None, ..Config::default() };
                let result = TestRunner::new(config).run(&case(), |case| {
                    std::fs::write(&sandbox.file, apply(&sandbox.original, &case.content)).expect("write the case");
                    test(&sandbox, &case)
                });
                if let Err(failure) = result {
                    panic!("{}: {failure}", source.display());
                }
            });
        }
    });
}

#[test]
fn mutated_files_in_process() {
    // How often each command (check, report) ended with each status.
    static SEEN: [[AtomicU32; 3]; 2] = [const { [const { AtomicU32::new(0) }; 3] }; 2];
    let cases = std::env::var("PLAN_MUTATION_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(CASES);
    for_every_file(cases, |sandbox, case| {
        for (command, args) in commands(sandbox, case).into_iter().enumerate() {
            let code = run_in_process(args, case.terminal).map_err(TestCaseError::fail)?;
            prop_assert!(code <= 2);
            SEEN[command][usize::from(code)].fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    });
    let seen = SEEN.each_ref().map(|codes| codes.each_ref().map(|n| n.load(Ordering::Relaxed)));
    let [check, report] = seen;
    // Mutations keep some files valid and break others (exit 2, an I/O error or no plan to
    // report on, is rare here). If either is missing, the cases no longer test what they say.
    assert!(check[0] > 0 && check[1] > 0 && report[0] > 0 && report[1] > 0, "check, report exits 0/1/2: {seen:?}");
}

#[test]
fn mutated_files_binary() {
    for_every_file(BINARY_CASES, |sandbox, case| {
        for args in commands(sandbox, case) {
            let code = run_binary(&args);
            prop_assert!(
                matches!(code, Some(0..=2)),
                "`plan {}` ended with {code:?}: a panic is 101, None is a kill after {TIME_BOUND:?} or a signal",
                args.join(" ")
            );
        }
        Ok(())
    });
}

#[test]
fn the_mutations_do_what_they_say() {
    let text = b"a = \"1\"\n[b]\n";
    let once = |m: Mutation| apply(text, &Content::Mutated(vec![m]));
    let first = Pick(0);
    assert_eq!(once(Mutation::DuplicateLine(first)), b"a = \"1\"\na = \"1\"\n[b]\n");
    assert_eq!(once(Mutation::RemoveLine(Pick(1))), b"a = \"1\"\n");
    assert_eq!(once(Mutation::Truncate(first)), b"");
    assert_eq!(once(Mutation::ReplaceDigit(first, Pick(13))), b"a = \"-\"\n[b]\n");
    assert_eq!(once(Mutation::SwapQuoteOrBracket(Pick(3), first)), b"a = \"1\"\n[b\"\n");
    assert_eq!(once(Mutation::Delete(first, 4)), b"\"1\"\n[b]\n");
    assert_eq!(once(Mutation::Insert(Pick(11), b"#".to_vec())), b"a = \"1\"\n[b]#\n");
    assert_eq!(once(Mutation::FlipBit(first, 5)), b"A = \"1\"\n[b]\n");
    assert_eq!(once(Mutation::LimitNumber(first, first)), b"a = \"79228162514264337593543950335\"\n[b]\n");
    assert_eq!(apply(text, &Content::Bytes(vec![0xff])), [0xff]);
}
