//! The tree built from the parser's events is the toml crate's, on every file of the
//! repository and on the TOML rules a file can trip over; and the events path takes every
//! valid one, so that it is the path valid files go by.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

mod common;

use std::fmt::Write as _;

use plan::parse::trees_agree;

#[test]
fn every_file_of_the_repository_gives_the_toml_crates_tree() {
    let files = common::repository_toml_files();
    let (mut taken, mut declined) = (0, Vec::new());
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else { continue };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        match trees_agree(text) {
            Ok(true) => taken += 1,
            Ok(false) => declined.push(path.clone()),
            Err(why) => panic!("{}: {why}", path.display()),
        }
    }
    assert!(taken > 100, "{taken} files taken");
    // Every file the events path declines has an error the toml crate reports.
    for path in &declined {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let (_, errors) = toml::de::DeTable::parse_recoverable(text);
        assert!(!errors.is_empty(), "{} is valid TOML, and the events path declined it", path.display());
    }
}

/// Valid TOML of every shape the rules distinguish: taken, and the same tree.
const VALID: &[&str] = &[
    "",
    "# only a comment\n",
    "a = 1\nb = 'x'\nc = \"y\\u00e9\\n\"\n",
    "a = 0x1F\nb = 0o17\nc = 0b101\nd = 1_000\ne = -3\nf = +4\n",
    "a = 1.5\nb = 1e3\nc = inf\nd = -nan\ne = 6.626e-34\n",
    "a = true\nb = false\n",
    "a = 2019-06-30\nb = 07:32:00\nc = 1979-05-27T07:32:00Z\nd = 1979-05-27 07:32:00.999+07:00\n",
    "a = \"\"\"\nmulti\nline \\\n  joined\"\"\"\nb = '''\nraw\\n'''\n",
    "a = [1, 2, [3, 4], { x = 1 }, ]\nb = [\n  'x', # c\n  'y',\n]\n",
    "a = { b = 1, c.d = 2, c.e = 3 }\n",
    "a = {\n  b = 1,\n  c = [1,\n 2],\n}\n",
    "a.b = 1\na.c = 2\nd.e.f = 3\n",
    "[x]\na.b = 1\na.c = 2\n",
    "[a.b]\nc = 1\n[a]\nd = 2\n",
    "[a]\n[a.b]\nc = 1\n[a.d]\n",
    "[[a]]\nx = 1\n[[a]]\nx = 2\n[a.b]\ny = 3\n[[a.c]]\nz = 4\n[[a.c]]\n",
    "[[activity]]\nid = 'a'\n[activity.target]\nat-least = 3\n[[activity]]\nid = 'b'\n",
    "top = 1\n[t]\n'quoted key' = 1\n\"basic.key\" = 2\n[t.\"sub table\"]\n",
    "[ a . b ]\nx = 1\n[[ c ]]\n",
    "a = 1\r\nb = 2\r\n",
    "a = 1 # comment\n[b] # comment\n[[c]] # comment\n",
    "\"😀\" = 1\n'' = 2\n",
    "a = 1",
];

/// Invalid TOML: declined (the toml crate explains it).
const INVALID: &[&str] = &[
    "a = 1\na = 2\n",
    "[a]\n[a]\n",
    "a.b = 1\n[a]\n",
    "[a]\nb = 1\n[a.b]\n",
    "a = [1]\n[[a]]\n",
    "[[a]]\n[a]\n",
    "a = { b = 1 }\na.c = 2\n",
    "a = { b = 1, b = 2 }\n",
    "a = { b.c = 1, b = 2 }\n",
    "a = 1\na.b = 2\n",
    "[a]\nb = 1\n[x]\n[a]\n",
    "a = \n",
    "a = [1, 2\nb = 3\n",
    "a = ]\n",
    "a = 2019-13-40\n",
    "a = \"\\q\"\n",
    "= 1\n",
    "[a\n",
    "a = 1 b = 2\n",
    "😀 = 1\n",
];

#[test]
fn valid_toml_of_every_shape_gives_the_same_tree() {
    for text in VALID {
        assert_eq!(trees_agree(text), Ok(true), "{text:?}");
    }
}

#[test]
fn invalid_toml_is_left_to_the_toml_crate() {
    for text in INVALID {
        assert_eq!(trees_agree(text), Ok(false), "{text:?}");
        assert!(!toml::de::DeTable::parse_recoverable(text).1.is_empty(), "{text:?} is valid");
    }
}

#[test]
fn a_long_file_is_cut_into_stretches_and_still_the_same_tree() {
    // Far more than one stretch of tokens, with arrays and inline tables across the cuts.
    let mut text = String::from("[root]\nv = 1\n");
    for n in 0..3000 {
        let _ = write!(
            text,
            "[[activity]]\nid = \"a{n}\"\nlist = [\n  1,\n  2,\n]\nt = {{ at-least = {n} }}\n[activity.more]\nx.y = {n}\n"
        );
    }
    assert_eq!(trees_agree(&text), Ok(true));
    let broken = format!("{text}[root]\n");
    assert_eq!(trees_agree(&broken), Ok(false));
}

#[test]
fn a_key_of_too_many_parts_and_arrays_nested_too_deep_are_declined() {
    let key = vec!["a"; 100].join(".");
    assert_eq!(trees_agree(&format!("{key} = 1\n")), Ok(false));
    let deep = format!("a = {}{}\n", "[".repeat(100), "]".repeat(100));
    assert_eq!(trees_agree(&deep), Ok(false));
    let deep = format!("a = {}\n", "[".repeat(10_000));
    assert_eq!(trees_agree(&deep), Ok(false));
}
