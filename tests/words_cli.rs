//! End-to-end tests of `plan words`: every flag and exit status, with exact output.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // a test fails loudly, by design

use assert_cmd::Command;

fn plan(args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("plan").unwrap().args(["words", "--lang", "en"]).args(args).assert()
}

/// `plan words ARGS…` in Vietnamese, the default.
fn plan_vi(args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("plan").unwrap().env_remove("PLAN_LANG").arg("words").args(args).assert()
}

#[test]
fn the_readers_complaint_is_in_vietnamese_by_default() {
    plan_vi(&["1.500.000", "--check", "Một triệu chục đồng"]).code(1).stdout(
        "lỗi: chữ không đọc được thành số: `chục` chỉ dùng khi nói\n  \
         | Một triệu chục đồng\n  \
         |           ^^^^\n\
         gợi ý: viết `mươi`, như `hai mươi`\n",
    );
    plan_vi(&["1", "--check", ""]).code(1).stdout(
        "lỗi: chữ không đọc được thành số: chưa có chữ nào\n\
         gợi ý: viết số tiền bằng chữ, như `Một trăm nghìn đồng`\n",
    );
    plan_vi(&["1.000.000.000.000.000.000.000.000.000"]).code(2).stdout("").stderr(
        "plan: lỗi: `1.000.000.000.000.000.000.000.000.000` quá lớn, không viết được bằng chữ: \
         số lớn nhất là `999.999.999.999.999.999.999.999.999`\n",
    );
}

#[test]
fn prints_the_words_of_an_amount() {
    plan(&["491.300.000"]).code(0).stdout("Bốn trăm chín mươi mốt triệu ba trăm nghìn đồng\n").stderr("");
    plan(&["491300000"]).code(0).stdout("Bốn trăm chín mươi mốt triệu ba trăm nghìn đồng\n");
    plan(&["0"]).code(0).stdout("Không đồng\n").stderr("");
    plan(&["1.005"]).code(0).stdout("Một nghìn không trăm linh năm đồng\n");
    plan(&["12,0"]).code(0).stdout("Mười hai đồng\n");
}

#[test]
fn prints_bare_words() {
    plan(&["491.300.000", "--bare"]).code(0).stdout("bốn trăm chín mươi mốt triệu ba trăm nghìn\n").stderr("");
    plan(&["0", "--bare"]).code(0).stdout("không\n");
}

#[test]
fn follows_the_style_flags() {
    let n = "2.001.024.021";
    let north = "Hai tỷ không trăm linh một triệu không trăm hai mươi bốn nghìn \
                 không trăm hai mươi mốt đồng\n";
    plan(&[n]).code(0).stdout(north);
    plan(&[n, "--ngan"]).stdout(north.replace("nghìn", "ngàn"));
    plan(&[n, "--le"]).stdout(north.replace("linh", "lẻ"));
    plan(&[n, "--ti"]).stdout(north.replace("tỷ", "tỉ"));
    plan(&[n, "--tu"]).stdout(north.replace("mươi bốn", "mươi tư"));
    plan(&[n, "--mot"]).stdout(north.replace("mốt", "một"));
    let south = "hai tỉ không trăm lẻ một triệu không trăm hai mươi tư ngàn \
                 không trăm hai mươi một\n";
    plan(&[n, "--ngan", "--le", "--ti", "--tu", "--mot", "--bare"]).code(0).stdout(south);
}

#[test]
fn check_accepts_words_that_read_as_the_amount() {
    let seed = "Bốn trăm chín mươi một triệu ba trăm ngàn đồng";
    plan(&["491.300.000", "--check", seed]).code(0).stdout("ok: the words read as 491.300.000\n").stderr("");
    plan(&["1005", "--check", "(Một nghìn linh năm đồng chẵn)./"]).code(0).stdout("ok: the words read as 1.005\n");
}

#[test]
fn check_reports_words_that_read_as_another_number() {
    plan(&["491.300.000", "--check", "Bốn trăm chín mươi mốt triệu đồng"])
        .code(1)
        .stdout(
            "mismatch: the words read as 491.000.000, not 491.300.000\n\
             help: write 491.300.000 as “Bốn trăm chín mươi mốt triệu ba trăm nghìn đồng”\n",
        )
        .stderr("");
    plan(&["1.005", "--check", "một nghìn không trăm năm mươi", "--le", "--bare"]).code(1).stdout(
        "mismatch: the words read as 1.050, not 1.005\n\
             help: write 1.005 as “một nghìn không trăm lẻ năm”\n",
    );
}

#[test]
fn check_reports_words_that_do_not_read() {
    plan(&["105", "--check", "Một trăm linh lăm đồng"])
        .code(1)
        .stdout(
            "error: `linh lăm` is wrong: after `linh`, 5 is `năm`\n  \
             | Một trăm linh lăm đồng\n  \
             |          ^^^^^^^^\n\
             help: write `linh năm`\n",
        )
        .stderr("");
    plan(&["21", "--check", "hai\u{a0}mốt"]).code(1).stdout(
        "error: `hai mốt` is spoken short for `hai mươi mốt`\n  \
         | hai mốt\n  \
         | ^^^^^^^\n\
         help: write `hai mươi mốt`\n",
    );
    plan(&["1", "--check", ""]).code(1).stdout(
        "error: the words are empty\n\
         help: write the amount in words, as in `Một trăm nghìn đồng`\n",
    );
}

#[test]
fn rejects_an_amount_that_is_not_one() {
    plan(&["49.13.00"]).code(2).stdout("").stderr(
        "plan: error: invalid amount `49.13.00`: misplaced group separator `.` at character 3\n\
         help: `.` separates groups of exactly three digits, counted from the right, \
         like `491.300.000`; decimals follow `,`\n",
    );
    plan(&["--", "-5"]).code(2).stdout("").stderr(
        "plan: error: invalid amount `-5`: negative amount `-5`\n\
         help: amounts cannot be negative: write the amount without `-`\n",
    );
    plan(&["491.300.000đ", "--check", "một"]).code(2).stdout("").stderr(
        "plan: error: invalid amount `491.300.000đ`: unexpected `đ` at character 12\n\
         help: drop the currency sign `đ`: write `\"491.300.000\"`; amounts are always in đồng\n",
    );
}

#[test]
fn rejects_an_amount_words_cannot_say() {
    plan(&["12,5"]).code(2).stdout("").stderr(
        "plan: error: amount `12,5` has a decimal part: amounts in words are whole đồng\n\
         help: write `12` or `13`\n",
    );
    plan(&["1.000.000.000.000.000.000.000.000.000", "--check", "một"]).code(2).stdout("").stderr(
        "plan: error: `1.000.000.000.000.000.000.000.000.000` is too large to write in words: \
         the largest is `999.999.999.999.999.999.999.999.999`\n",
    );
}

#[test]
fn needs_an_amount() {
    let assert = plan(&[]).code(2).stdout("");
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.starts_with("error: the following required arguments were not provided"));
}
