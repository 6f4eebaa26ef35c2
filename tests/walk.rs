//! The walk of directories (by handle on Linux): every `*.toml` file found once, in sorted
//! order, however deep or wide the tree; the canonical path the walk gives each file is the
//! one `realpath` gives; a loop is reported and not walked twice.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

use std::fs;
use std::path::{Path, PathBuf};

use plan::workspace::Workspace;

fn touch(path: &Path) {
    fs::create_dir_all(path.parent().expect("a parent")).expect("directories");
    fs::write(path, "").expect("a file");
}

#[test]
fn a_deep_and_wide_tree_is_walked_in_order_and_each_file_has_its_real_canonical_path() {
    let tmp = tempfile::tempdir().expect("a temporary directory");
    let root = tmp.path().join("tree");
    let mut want = Vec::new();
    // More subdirectories of one directory than the walk holds open (64): the rest are
    // opened by their path when their turn comes.
    for n in 0..70 {
        let file = root.join(format!("d{n:02}")).join("x.toml");
        touch(&file);
        want.push(file);
    }
    // 300 levels deep, with a file at the bottom and one half-way.
    let mut deep = root.join("deep");
    for level in 0..300 {
        deep.push("a");
        if level == 149 {
            let file = deep.join("half.toml");
            touch(&file);
            want.push(file);
        }
    }
    let bottom = deep.join("bottom.toml");
    touch(&bottom);
    // Entries are taken by name: in the directory 150 deep, `a` comes before `half.toml`,
    // so the bottom file is found first.
    want.retain(|p| !p.ends_with("half.toml"));
    want.push(bottom);
    want.push(root.join("deep").join(["a"; 150].join("/")).join("half.toml"));
    // A file beside the directories, and files that are not taken.
    touch(&root.join("z.toml"));
    want.push(root.join("z.toml"));
    touch(&root.join("notes.txt"));
    touch(&root.join(".hidden").join("h.toml"));
    touch(&root.join("target").join("t.toml"));

    let walked = Workspace::walk(std::slice::from_ref(&root)).expect("the tree is walked");
    assert_eq!(walked.files, want);
    assert!(walked.io_errors.is_empty(), "{:?}", walked.io_errors);
    for file in &walked.files {
        let canonical = fs::canonicalize(file).expect("realpath");
        assert_eq!(walked.known.canonical(file), Some(canonical.as_path()), "{}", file.display());
    }
}

#[cfg(unix)]
#[test]
fn a_link_back_up_the_tree_is_reported_where_it_is_met_and_files_under_a_link_have_the_real_canonical_path() {
    let tmp = tempfile::tempdir().expect("a temporary directory");
    let root = tmp.path().join("tree");
    touch(&root.join("real").join("plan.toml"));
    std::os::unix::fs::symlink(&root, root.join("real").join("up")).expect("a link");
    std::os::unix::fs::symlink(root.join("real"), root.join("via")).expect("a link");

    let walked = Workspace::walk(std::slice::from_ref(&root)).expect("the tree is walked");
    let files: Vec<PathBuf> = walked.files.clone();
    // `via/plan.toml` is the same file as `real/plan.toml`: found once, by its first path.
    assert_eq!(files, [root.join("real").join("plan.toml")]);
    let messages: Vec<String> = walked.io_errors.iter().map(|e| format!("{e:#}")).collect();
    // The loop is met twice, by `real/up` and by `via/up`: each is reported, neither walked.
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].contains("real/up"), "{messages:?}");
    assert!(messages[1].contains("via/up"), "{messages:?}");
    let real = fs::canonicalize(root.join("real").join("plan.toml")).expect("realpath");
    assert_eq!(walked.known.canonical(&files[0]), Some(real.as_path()));
    let via = root.join("via").join("plan.toml");
    assert_eq!(walked.known.canonical(&via), Some(real.as_path()));
}
