//! Tests of [`super::read`]: exact values for every accepted variant, and exact messages,
//! spans and help for every rejection.

use unicode_normalization::UnicodeNormalization;

use super::{MAX, Style, read, write, write_amount};

fn reads(cases: &[(&str, u128)]) {
    for &(text, want) in cases {
        assert_eq!(read(text), Ok(want), "{text}");
    }
}

/// Checks the message, and that the span covers `spanned` where it first occurs in `text`.
fn rejects(text: &str, message: &str, spanned: &str) {
    rejects_at(text, message, spanned, text.find(spanned).unwrap());
}

/// As [`rejects`], for a `spanned` word that is the last of several alike.
fn rejects_last(text: &str, message: &str, spanned: &str) {
    rejects_at(text, message, spanned, text.rfind(spanned).unwrap());
}

fn rejects_at(text: &str, message: &str, spanned: &str, start: usize) {
    let err = read(text).unwrap_err();
    assert_eq!(err.message.en, message, "{text}");
    assert_eq!(err.span, start..start + spanned.len(), "{text}: span of {spanned:?}");
}

#[test]
fn reads_the_seed_sentence() {
    reads(&[("Bốn trăm chín mươi một triệu ba trăm ngàn đồng", 491_300_000)]);
    let nfd: String = "Bốn trăm chín mươi một triệu ba trăm ngàn đồng".nfd().collect();
    reads(&[(&nfd, 491_300_000)]);
}

#[test]
fn reads_small_numbers_and_their_variants() {
    reads(&[
        ("không", 0),
        ("Không đồng", 0),
        ("một", 1),
        ("năm", 5),
        ("mười", 10),
        ("mười một", 11),
        ("mười lăm", 15),
        ("mười năm", 15),
        ("hai mươi", 20),
        ("hai mươi mốt", 21),
        ("hai mươi một", 21),
        ("hai mươi tư", 24),
        ("hai mươi bốn", 24),
        ("hai mươi lăm", 25),
        ("hai mươi năm", 25),
        ("bẩy mươi bảy", 77),
        ("một trăm linh một", 101),
        ("một trăm lẻ một", 101),
        ("một trăm linh tư", 104),
        ("một trăm linh năm", 105),
        ("một trăm mười", 110),
        ("một trăm mười lăm", 115),
    ]);
}

#[test]
fn reads_groups_with_and_without_khong_tram() {
    reads(&[
        ("một nghìn không trăm linh năm", 1005),
        ("một nghìn linh năm", 1005),
        ("một ngàn lẻ năm", 1005),
        ("một nghìn mười lăm", 1015),
        ("một triệu không trăm linh năm nghìn", 1_005_000),
        ("một triệu năm nghìn", 1_005_000),
        ("một triệu linh năm nghìn", 1_005_000),
        ("hai triệu lẻ hai mươi mốt", 2_000_021),
        ("một tỷ", 1_000_000_000),
        ("một tỉ", 1_000_000_000),
        ("một tỷ không trăm linh năm", 1_000_000_005),
        ("một tỷ lẻ mười lăm", 1_000_000_015),
    ]);
}

#[test]
fn reads_large_scales_both_ways() {
    reads(&[
        ("một nghìn tỷ không trăm linh năm", 1_000_000_000_005),
        ("một nghìn tỷ lẻ năm", 1_000_000_000_005),
        ("một nghìn hai trăm ba mươi tư tỷ", 1_234_000_000_000),
        ("một nghìn tỷ hai trăm ba mươi tư tỷ", 1_234_000_000_000),
        ("một nghìn tỷ năm tỷ", 1_005_000_000_000),
        ("một triệu tỷ", 10u128.pow(15)),
        ("một triệu năm trăm nghìn tỷ", 15 * 10u128.pow(14)),
        ("một tỷ tỷ", 10u128.pow(18)),
        ("một tỷ tỷ không trăm linh năm tỷ", 10u128.pow(18) + 5_000_000_000),
        ("một nghìn tỷ tỷ", 10u128.pow(21)),
        ("hai nghìn tỷ tỷ ba tỷ", 2 * 10u128.pow(21) + 3_000_000_000),
    ]);
    reads(&[(&write(MAX, &Style::default()).unwrap(), MAX)]);
}

#[test]
fn reads_through_the_frame_case_and_unicode_forms() {
    reads(&[
        ("(Một trăm đồng).", 100),
        ("(Một trăm đồng.)", 100),
        ("Một trăm đồng chẵn./", 100),
        ("  một\u{A0}trăm \u{202F}  đồng\n", 100),
        ("một\u{200B} trăm", 100),
        ("MỘT TRĂM ĐỒNG", 100),
        ("mừơi", 10),
        ("MƯỜI", 10),
        (&"Hai mươi lăm triệu đồng".nfd().collect::<String>(), 25_000_000),
        (&"Hai mươi lăm triệu đồng".nfc().collect::<String>(), 25_000_000),
    ]);
    let amount = write_amount(491_300_000, &Style::default()).unwrap();
    reads(&[(&amount, 491_300_000)]);
}

#[test]
fn rejects_nonsense() {
    rejects("trăm trăm", "`trăm` needs a digit before it", "trăm");
    rejects_last("mười mười", "unexpected `mười` after `mười`", "mười");
    rejects("ba nghìn hai triệu", "scale `triệu` out of order after `nghìn`", "triệu");
    rejects_last("một triệu hai triệu", "scale `triệu` out of order after `triệu`", "triệu");
    rejects("một triệu nghìn", "unexpected `nghìn` after `triệu`", "nghìn");
    rejects("nghìn", "`nghìn` needs a number before it", "nghìn");
    rejects_last("một trăm trăm", "unexpected `trăm` after `trăm`", "trăm");
    rejects("một trăm hai trăm", "second `trăm` in one group: `hai trăm`", "hai trăm");
    rejects("xyz", "`xyz` is not a number word", "xyz");
    rejects_last("một tỷ tỷ tỷ", "`tỷ` makes the amount too large to read", "tỷ");
}

#[test]
fn rejects_zero_where_it_is_not_read() {
    rejects("không nghìn", "`không` cannot stand here: it is 0 only on its own", "không");
    rejects("một nghìn không trăm", "`không trăm` reads as zero: a zero group is left out", "không trăm");
    rejects("không trăm năm", "`không trăm` cannot start an amount", "không trăm");
    rejects("một mươi", "`một mươi` is not written", "một mươi");
    rejects("mươi", "`mươi` needs a digit before it", "mươi");
    rejects("hai mươi không", "`mươi không`: a zero units digit is not read", "mươi không");
}

#[test]
fn rejects_wrong_units_words() {
    rejects("một trăm linh lăm", "`linh lăm` is wrong: after `linh`, 5 is `năm`", "linh lăm");
    rejects("một trăm lẻ mốt", "`lẻ mốt` is wrong: after `lẻ`, 1 is `một`", "lẻ mốt");
    rejects("mười mốt", "`mười mốt` is wrong: after `mười`, 1 is `một`", "mười mốt");
    rejects("mười tư", "`mười tư` is wrong: after `mười`, 4 is `bốn`", "mười tư");
    let mot = "`mốt` cannot stand here: `mốt` is 1 only after `hai mươi` … `chín mươi`";
    rejects("mốt", mot, "mốt");
    rejects("lăm nghìn", "`lăm` cannot stand here: `lăm` is 5 only after `mười` or `mươi`", "lăm");
    rejects("linh năm", "`linh` cannot start an amount", "linh");
    rejects("một trăm linh", "`linh` needs a units digit after it", "linh");
    let only_units = "`linh hai`: `linh` comes only before a units digit";
    rejects("một trăm linh hai mươi", only_units, "linh hai");
}

#[test]
fn rejects_spoken_forms_naming_the_full_form() {
    rejects("hai mươi nhăm", "`nhăm` is spoken only", "nhăm");
    rejects("hăm mốt", "`hăm` is spoken only, short for `hai mươi`", "hăm");
    rejects("một triệu rưỡi", "`rưỡi` (a half) is spoken only", "rưỡi");
    rejects("hai chục", "`chục` is spoken only", "chục");
    rejects("hai mốt", "`hai mốt` is spoken short for `hai mươi mốt`", "hai mốt");
    rejects("ba tư nghìn", "`ba tư` is spoken short for `ba mươi tư`", "ba tư");
    rejects("hai lăm", "`hai lăm` is spoken short for `hai mươi lăm`", "hai lăm");
    rejects("một trăm năm", "`trăm năm` is spoken short for `trăm năm mươi`", "trăm năm");
    rejects("một trăm một", "`trăm một` is spoken short for `trăm mười`", "trăm một");
    let ambiguous = "`nghìn năm` is ambiguous: speech reads it as `nghìn năm trăm`";
    rejects("một nghìn năm", ambiguous, "nghìn năm");
    let ambiguous = "`triệu hai` is ambiguous: speech reads it as `triệu hai trăm`";
    rejects("một triệu hai tỷ", ambiguous, "triệu hai");
}

#[test]
fn rejects_a_broken_frame() {
    rejects("", "the words are empty", "");
    rejects("(một trăm", "`(` is not closed", "(");
    rejects("một trăm)", "`)` was not opened", ")");
    rejects("đồng", "no number before `đồng`", "đồng");
    rejects("một đồng hai", "unexpected `hai` after `đồng`", "hai");
    rejects("một trăm chẵn", "`chẵn` must follow `đồng`", "chẵn");
    rejects("chẵn đồng", "unexpected `chẵn` at the start", "chẵn");
    let err = read("   ").unwrap_err();
    assert_eq!((err.message.en.as_str(), err.span), ("the words are empty", 0..3));
}

#[test]
fn gives_help_and_spans_in_the_original_text() {
    let err = read("một trăm linh lăm").unwrap_err();
    assert_eq!(err.help().en, "write `linh năm`");
    let err = read("một nghìn năm").unwrap_err();
    assert_eq!(err.help().en, "write `nghìn năm trăm` (…500), or `nghìn không trăm linh năm` (…005)");
    let err = read("tram").unwrap_err();
    assert_eq!(err.help().en, "did you mean `trăm`? write the words with their diacritics");
    let err = read("muoi").unwrap_err();
    assert_eq!(err.help().en, "did you mean `mươi` or `mười`? write the words with their diacritics");
    let err = read("lẽ").unwrap_err();
    assert_eq!(err.help().en, "did you mean `lẻ`?");
    // Decomposed text is longer in bytes; the span still points into it.
    let nfd: String = "Một trăm linh lăm đồng".nfd().collect();
    let err = read(&nfd).unwrap_err();
    let linh = nfd.find("linh").unwrap();
    assert_eq!(err.span, linh..nfd.rfind(' ').unwrap());
}

#[test]
fn closing_marks_and_a_leading_bang_chu_as_real_documents_write_them() {
    reads(&[
        ("Bốn trăm chín mươi một triệu ba trăm ngàn đồng./.", 491_300_000),
        ("(Bốn trăm chín mươi một triệu ba trăm ngàn đồng)./.", 491_300_000),
        ("Bốn trăm chín mươi một triệu ba trăm ngàn đồng chẵn./.", 491_300_000),
        ("(Một trăm nghìn đồng chẵn)./.", 100_000),
        ("Bằng chữ: Bốn trăm chín mươi một triệu ba trăm ngàn đồng", 491_300_000),
        ("BẰNG CHỮ: (Một trăm nghìn đồng chẵn)./.", 100_000),
        ("bằng  chữ:Một trăm nghìn đồng.", 100_000),
    ]);
    let nfd: String = "Bằng chữ: Một trăm nghìn đồng./.".nfd().collect();
    reads(&[(nfd.as_str(), 100_000)]);
    rejects("Bằng chữ: ./.", "the words are empty", "Bằng chữ: ./.");
    rejects("Bằng lời: Một trăm nghìn đồng", "`Bằng` is not a number word", "Bằng");
}

/// Every kind of rejection has its own Vietnamese wording, message and help: the
/// diagnostics and `plan words` show these, not the English.
#[test]
fn every_rejection_is_worded_in_vietnamese() {
    let cases: [(&str, &str, &str); 39] = [
        ("", "chưa có chữ nào", "viết số tiền bằng chữ, như `Một trăm nghìn đồng`"),
        ("(một trăm", "dấu `(` chưa được đóng", "đóng ngoặc sau chữ cuối cùng: `(… đồng)`"),
        ("một trăm)", "dấu `)` không có dấu `(` mở trước nó", "mở ngoặc trước chữ đầu tiên: `(… đồng)`"),
        ("đồng", "không có số trước `đồng`", "viết số trước, như `Một trăm đồng`"),
        ("một đồng hai", "`hai` không được đứng sau `đồng`", "`đồng` (hoặc `đồng chẵn`) là chữ cuối của số tiền"),
        ("một trăm chẵn", "`chẵn` phải đứng sau `đồng`", "viết `đồng chẵn` ở cuối"),
        ("chẵn đồng", "`chẵn` không được đứng đầu", "`đồng` (hoặc `đồng chẵn`) là chữ cuối của số tiền"),
        ("trăm trăm", "`trăm` phải có một chữ số đứng trước", "viết chữ số hàng trăm, như `một trăm`"),
        (
            "mười mười",
            "`mười` không được đứng sau `mười`",
            "mỗi nhóm ba chữ số đọc là `[chữ số] trăm [chục] [đơn vị]`, rồi đến chữ chỉ hàng (`nghìn`, `triệu`, `tỷ`) hoặc hết số tiền",
        ),
        (
            "ba nghìn hai triệu",
            "`triệu` đứng sai thứ tự sau `nghìn`",
            "các hàng đi từ lớn đến nhỏ, mỗi hàng một lần: `tỷ`, `triệu`, `nghìn`; một số `tỷ` có thể có `nghìn` và `triệu` của riêng nó, như `một nghìn hai trăm tỷ`",
        ),
        ("nghìn", "trước `nghìn` phải có một số", "viết số lượng, như `một nghìn`"),
        (
            "một trăm hai trăm",
            "`trăm` thứ hai trong một nhóm: `hai trăm`",
            "mỗi nhóm ba chữ số chỉ có một `trăm`; hàng nghìn là `nghìn`",
        ),
        (
            "xyz",
            "`xyz` không phải chữ chỉ số",
            "số tiền bằng chữ chỉ gồm các chữ chỉ số (`một` … `chín`, `mười`, `mươi`, `trăm`, `nghìn`, `triệu`, `tỷ`) và chữ `đồng` ở cuối",
        ),
        ("tram", "`tram` không phải chữ chỉ số", "có phải ý là `trăm`? viết chữ có đủ dấu"),
        ("lẽ", "`lẽ` không phải chữ chỉ số", "có phải ý là `lẻ`?"),
        (
            "một tỷ tỷ tỷ",
            "`tỷ` làm số tiền quá lớn, không đọc được",
            "số tiền bằng chữ chỉ đọc được đến `999.999.999.999.999.999.999.999.999`",
        ),
        ("không nghìn", "`không` không đứng ở đây được: nó chỉ là 0 khi đứng một mình", "bỏ chữ này đi"),
        ("một nghìn không trăm", "`không trăm` đọc ra bằng không: nhóm bằng không thì bỏ đi", "bỏ `không trăm`"),
        ("không trăm năm", "`không trăm` không được đứng đầu số tiền", "bỏ `không trăm`"),
        ("một mươi", "`một mươi` không viết như vậy", "viết `mười`"),
        ("không mươi", "`không mươi` không viết như vậy", "bỏ chữ này đi"),
        (
            "mươi",
            "`mươi` phải có một chữ số đứng trước",
            "có phải ý là `mười` (số 10)? `mươi` đứng sau một chữ số, như `hai mươi`",
        ),
        ("hai mươi không", "`mươi không`: hàng đơn vị bằng không thì không đọc", "bỏ `không`"),
        ("một trăm linh lăm", "`linh lăm` viết sai: sau `linh`, số 5 là `năm`", "viết `linh năm`"),
        ("mười tư", "`mười tư` viết sai: sau `mười`, số 4 là `bốn`", "viết `mười bốn`"),
        ("mốt", "`mốt` không đứng ở đây được: `mốt` chỉ là 1 khi đứng sau `hai mươi` … `chín mươi`", "viết `một`"),
        (
            "tư",
            "`tư` không đứng ở đây được: `tư` chỉ là 4 khi đứng sau `hai mươi` … `chín mươi` hoặc `linh`",
            "viết `bốn`",
        ),
        ("lăm nghìn", "`lăm` không đứng ở đây được: `lăm` chỉ là 5 khi đứng sau `mười` hoặc `mươi`", "viết `năm`"),
        ("linh năm", "`linh` không được đứng đầu số tiền", "`linh` thay cho hàng chục bằng không, đứng sau `trăm`"),
        (
            "một trăm linh",
            "`linh` phải có một chữ số hàng đơn vị đứng sau",
            "viết một chữ số sau nó, như `linh năm`, hoặc bỏ nó đi",
        ),
        ("một trăm linh hai mươi", "`linh hai`: `linh` chỉ đứng trước một chữ số hàng đơn vị", "bỏ `linh`"),
        ("hai mươi nhăm", "`nhăm` chỉ dùng khi nói", "viết `lăm`, như `hai mươi lăm`"),
        ("hăm mốt", "`hăm` chỉ dùng khi nói, là cách nói tắt của `hai mươi`", "viết `hai mươi`, như `hai mươi mốt`"),
        ("một triệu rưỡi", "`rưỡi` (một nửa) chỉ dùng khi nói", "viết đầy đủ số: `một triệu năm trăm nghìn`"),
        ("hai chục", "`chục` chỉ dùng khi nói", "viết `mươi`, như `hai mươi`"),
        ("một vạn", "`vạn` (mười nghìn) không dùng trong số tiền", "viết `mười nghìn`"),
        ("hai mốt", "`hai mốt` là cách nói tắt của `hai mươi mốt`", "viết `hai mươi mốt`"),
        (
            "một trăm năm",
            "`trăm năm` là cách nói tắt của `trăm năm mươi`",
            "viết `trăm năm mươi` (50), hoặc `trăm linh năm` (05)",
        ),
        (
            "một nghìn năm",
            "`nghìn năm` có hai cách hiểu: khi nói, nó được hiểu là `nghìn năm trăm`",
            "viết `nghìn năm trăm` (…500), hoặc `nghìn không trăm linh năm` (…005)",
        ),
    ];
    for (text, message, help) in cases {
        let err = read(text).unwrap_err();
        assert_eq!((err.message.vi.as_str(), err.help().vi.as_str()), (message, help), "{text}");
        assert_ne!(err.message.vi, err.message.en, "{text}");
    }
}
