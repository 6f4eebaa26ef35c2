//! Regression tests for hostile or unusual surroundings: closed pipes, FIFOs, file modes,
//! unreadable files, control characters in the files. Each failed before its fix.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

use std::path::Path;
use std::process::{Command, Stdio};

fn plan_bin() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("plan"));
    cmd.env_remove("NO_COLOR").env("PLAN_LANG", "en");
    cmd
}

const WITH_ERRORS: &str = "tests/fixtures/invalid/duplicate-id";

#[test]
fn a_closed_stdout_does_not_change_the_verdict() {
    for format in ["json", "github"] {
        let mut child = plan_bin()
            .args(["check", WITH_ERRORS, "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // The reader goes away before the first byte, as `| head -0` would.
        drop(child.stdout.take());
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(1), "--format {format}");
    }
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

/// Runs `plan` with a deadline: a FIFO that is opened blocks for ever.
fn run_with_deadline(args: &[&str], dir: &Path) -> (Option<i32>, String) {
    let mut child =
        plan_bin().args(args).current_dir(dir).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut stderr = String::new();
            std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
            return (status.code(), stderr);
        }
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            panic!("`plan {}` hangs", args.join(" "));
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

fn copy_dir(from: &str, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
        }
    }
}

#[test]
fn a_fifo_named_on_the_command_line_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir("plans", dir.path());
    mkfifo(&dir.path().join("fifo.toml"));
    let cases: [&[&str]; 4] = [
        &["check", "fifo.toml"],
        &["report", "fifo.toml"],
        &["report", "ke-hoach-2019.toml", "--progress", "fifo.toml", "--as-of", "2019-12-31"],
        &["new", "--year", "2020", "--from", "fifo.toml"],
    ];
    for args in cases {
        let (code, stderr) = run_with_deadline(args, dir.path());
        assert_eq!(code, Some(2), "plan {}: {stderr}", args.join(" "));
        assert!(
            stderr.contains("cannot read `fifo.toml`: it is not a regular file"),
            "plan {}: {stderr}",
            args.join(" ")
        );
    }
}

#[test]
fn a_fifo_beside_a_plan_is_not_opened_when_looking_for_progress_files() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir("plans", dir.path());
    mkfifo(&dir.path().join("tien-do.toml"));
    let (code, _) = run_with_deadline(&["report", "ke-hoach-2019.toml", "--as-of", "2019-12-31"], dir.path());
    assert_eq!(code, Some(0));
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn plan_new_writes_files_with_the_umask_and_keeps_a_replaced_files_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    copy_dir("plans", dir.path());
    let run = |extra: &[&str], umask: &str| {
        let args: Vec<&str> = ["new", "--year", "2020", "--from", "ke-hoach-2019.toml", "-o", "ke-hoach-2020.toml"]
            .iter()
            .chain(extra)
            .copied()
            .collect();
        let bin = assert_cmd::cargo::cargo_bin("plan");
        let script = format!("umask {umask} && exec \"$0\" \"$@\"");
        let status = Command::new("sh")
            .arg("-c")
            .arg(script)
            .arg(bin)
            .args(args)
            .current_dir(dir.path())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(0));
    };
    let out = dir.path().join("ke-hoach-2020.toml");
    run(&[], "022");
    assert_eq!(mode(&out), 0o644);
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o664)).unwrap();
    run(&["--force"], "077");
    assert_eq!(mode(&out), 0o664);
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn plan_new_leaves_no_temporary_file_when_the_file_exists() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir("plans", dir.path());
    std::fs::write(dir.path().join("ke-hoach-2020.toml"), "kept").unwrap();
    let status = plan_bin()
        .args(["new", "--year", "2020", "--from", "ke-hoach-2019.toml", "-o", "ke-hoach-2020.toml"])
        .current_dir(dir.path())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(2));
    let mut names: Vec<_> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names, ["ke-hoach-2019.toml", "ke-hoach-2020.toml", "quyet-dinh-1186-2016.toml"]);
    assert_eq!(std::fs::read_to_string(dir.path().join("ke-hoach-2020.toml")).unwrap(), "kept");
}

#[test]
fn json_counts_a_file_that_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir("plans", dir.path());
    mkfifo(&dir.path().join("fifo.toml"));
    let output = plan_bin()
        .args(["check", "ke-hoach-2019.toml", "fifo.toml", "--format", "json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["errors"], 1);
    assert_eq!(json["unreadable"], serde_json::json!(["cannot read `fifo.toml`: it is not a regular file"]));
}

/// The real plans with hostile text where a person types: an activity's name (reported)
/// and a key (diagnosed): control characters, terminal escapes, a forged workflow command,
/// a spreadsheet formula, HTML.
fn hostile_plans() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir("plans", dir.path());
    let path = dir.path().join("ke-hoach-2019.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let hostile = r"=cmd|' /C calc'!A0 <script>alert(1)</script> \u001b]0;owned\u0007\u001b[2J\n::error::forged\r\n::stop-commands::x\u0000\u009b";
    let text = text.replacen(
        r#"name = "Xây dựng, áp dụng các hệ thống quản lý tiên tiến""#,
        &format!(r#"name = "{hostile}""#),
        1,
    );
    let text = text.replacen("[plan]\n", &format!("[plan]\n\"{hostile}\" = 1\n"), 1);
    std::fs::write(&path, text).unwrap();
    dir
}

fn output(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = plan_bin().args(args).current_dir(dir).output().unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

/// No control character but line ends (and tab) reaches the channel raw.
fn assert_no_raw_controls(text: &str, what: &str) {
    let raw: Vec<char> = text.chars().filter(|&c| c.is_control() && c != '\n' && c != '\t').collect();
    assert!(raw.is_empty(), "{what}: {raw:?}");
}

#[test]
fn human_diagnostics_cannot_forge_lines_or_send_escapes() {
    let dir = hostile_plans();
    let (code, _, stderr) = output(dir.path(), &["check", ".", "--color", "never"]);
    assert_eq!(code, Some(1));
    assert_no_raw_controls(&stderr, "stderr");
    assert!(stderr.lines().all(|l| !l.starts_with("::")), "{stderr}");
    assert!(stderr.contains(r"\u{a}::error::forged\u{d}\u{a}::stop-commands::x"), "{stderr}");
}

#[test]
fn github_annotations_encode_every_control_character() {
    let dir = hostile_plans();
    let (code, stdout, _) = output(dir.path(), &["check", ".", "--format", "github"]);
    assert_eq!(code, Some(1));
    assert_no_raw_controls(&stdout, "stdout");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{stdout}");
    assert!(lines[0].starts_with("::error file=ke-hoach-2019.toml,line=10,"), "{stdout}");
    assert!(lines[0].contains("%1B]0;owned%07%1B[2J%0A::error::forged%0D%0A::stop-commands::x%00%9B"), "{stdout}");
}

#[test]
fn reports_escape_file_text_for_each_format() {
    let dir = hostile_plans();
    // The key is an error; drop it and keep the hostile activity name, which reports.
    let path = dir.path().join("ke-hoach-2019.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let text: String = text.lines().filter(|l| !l.starts_with("\"=cmd")).flat_map(|l| [l, "\n"]).collect();
    std::fs::write(&path, text).unwrap();
    let report = |format: &str| {
        let (code, stdout, stderr) = output(
            dir.path(),
            &["report", "ke-hoach-2019.toml", "progress", "--as-of", "2019-12-31", "--format", format],
        );
        assert_eq!(code, Some(0), "{stderr}");
        stdout
    };
    let table = report("table");
    assert_no_raw_controls(&table, "table");
    assert!(table.contains(r"\u{1b}"), "{table}");

    let markdown = report("markdown");
    assert_no_raw_controls(&markdown, "markdown");
    assert!(!markdown.contains("<script>"), "{markdown}");
    assert!(
        markdown.contains(r"=cmd\|' /C calc'!A0 &lt;script&gt;alert(1)&lt;/script&gt; \u{1b}]0;owned"),
        "{markdown}"
    );

    let csv = report("csv");
    let cell = csv.lines().find(|l| l.contains("calc")).unwrap();
    assert!(cell.contains(r#","'=cmd|' /C calc'!A0 <script>"#), "{cell}");
}

#[test]
fn a_reference_out_of_the_tree_is_refused_and_the_foreign_file_never_quoted() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.toml"), "SECRET=hunter2\n").unwrap();
    let secret = outside.path().join("secret.toml");
    let up = "../".repeat(secret.components().count() + 2);
    let relative = format!("{up}{}", secret.display()).replace("//", "/");
    let absolute = secret.display().to_string();
    for (name, reference) in [("absolute", absolute.as_str()), ("dotdot", relative.as_str()), ("symlink", "link.toml")]
    {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("plans");
        std::fs::create_dir(&dir).unwrap();
        copy_dir("plans", &dir);
        std::os::unix::fs::symlink(&secret, dir.join("link.toml")).unwrap();
        let path = dir.join("ke-hoach-2019.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        let text = text.replacen(r#"file = "quyet-dinh-1186-2016.toml""#, &format!("file = {reference:?}"), 1);
        std::fs::write(&path, text).unwrap();
        let (code, _, stderr) = output(&dir, &["check", "ke-hoach-2019.toml", "--color", "never"]);
        assert_eq!(code, Some(1), "{name}: {stderr}");
        assert!(!stderr.contains("hunter2"), "{name}: {stderr}");
        assert!(stderr.contains("it leads outside the checked tree"), "{name}: {stderr}");
    }
}

#[test]
fn a_decision_one_level_up_is_still_followed() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("2019");
    std::fs::create_dir(&dir).unwrap();
    std::fs::copy("plans/quyet-dinh-1186-2016.toml", root.path().join("quyet-dinh-1186-2016.toml")).unwrap();
    let text = std::fs::read_to_string("plans/ke-hoach-2019.toml").unwrap();
    let text = text.replacen(r#"file = "quyet-dinh-1186-2016.toml""#, r#"file = "../quyet-dinh-1186-2016.toml""#, 1);
    std::fs::write(dir.join("ke-hoach-2019.toml"), text).unwrap();
    let (code, _, stderr) = output(&dir, &["check", "ke-hoach-2019.toml", "--color", "never"]);
    assert_eq!((code, stderr.as_str()), (Some(0), "checked 2 files: 0 errors, 0 warnings\n"));
}

/// A symbolic link found while walking a directory, leading out of the checked tree (a
/// file, or a directory such as `/`), is reported and not followed; `--allow-outside`
/// follows it.
#[test]
fn a_symlink_out_of_the_tree_met_in_a_walk_is_not_followed() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.toml"), "SECRET=hunter2\n").unwrap();
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("plans");
    std::fs::create_dir(&dir).unwrap();
    copy_dir("plans", &dir);
    std::os::unix::fs::symlink(outside.path().join("secret.toml"), dir.join("link.toml")).unwrap();
    std::os::unix::fs::symlink("/", dir.join("root")).unwrap();
    let (code, _, stderr) = output(&dir, &["check", ".", "--color", "never", "--lang", "en"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(!stderr.contains("hunter2"), "{stderr}");
    for link in ["link.toml", "root"] {
        assert!(
            stderr.contains(&format!(
                "plan: error: `{link}` is a symbolic link that was not followed: it leads outside the checked tree \
                 (the current directory and the paths named); `--allow-outside` follows it\n"
            )),
            "{link}: {stderr}"
        );
    }
    assert!(stderr.ends_with("checked 2 files: 0 errors, 0 warnings\n"), "the rest is still checked: {stderr}");
    let (code, _, stderr) = output(&dir, &["check", ".", "--color", "never", "--lang", "vi"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains(
            "plan: lỗi: `link.toml` là liên kết tượng trưng không được mở: nó dẫn ra ngoài phạm vi đang kiểm tra \
             (thư mục hiện tại và các đường dẫn đã nêu); `--allow-outside` cho phép mở\n"
        ),
        "{stderr}"
    );
    // Allowed: the file is read (and is no plan file); `/` is still not walked, since
    // the test removes that link first.
    std::fs::remove_file(dir.join("root")).unwrap();
    let (code, _, stderr) = output(&dir, &["check", ".", "--color", "never", "--lang", "en", "--allow-outside"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("link.toml"), "{stderr}");
    assert!(!stderr.contains("was not followed"), "{stderr}");
}
