//! `plan report … --format csv --excel`: a CSV that Excel opens on a Vietnamese Windows
//! machine.

#![allow(clippy::unwrap_used)]

mod common;

const PLAN_2022: &str = "examples/nang-suat-chat-luong/ke-hoach-2022.toml";

fn run(args: &[&str]) -> String {
    let output = common::plan().arg("report").args(args).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn vietnamese_excel_gets_a_bom_semicolons_decimal_commas_and_no_english_keys() {
    let budget = run(&[PLAN_2022, "--annual", "budget", "--format", "csv", "--excel"]);
    let mut lines = budget.split("\r\n");
    assert_eq!(lines.next(), Some("\u{feff}Loại;Mã;Khoản;Kinh phí;Đã giải ngân;Còn lại;Tỷ lệ"));
    assert_eq!(lines.next(), Some("tổng cộng;;Tổng cộng;1105215000;741800000;363415000;67,1"));
    assert_eq!(lines.next(), Some("khoản;kp-hoi-thao;02 đợt × 75.000.000 đồng;150000000;150000000;0;100"));
    assert_eq!(lines.next(), Some("khoản;kp-dao-tao;;42215000;40000000;2215000;94,8"));
    for english in ["total", "line", "activity", "half-year", "annual"] {
        assert!(!budget.split(';').any(|cell| cell == english), "`{english}` in {budget}");
    }
    let deadlines = run(&[PLAN_2022, "--annual", "deadlines", "--format", "csv", "--excel"]);
    assert_eq!(
        deadlines,
        "\u{feff}Báo cáo;Gửi trước;Hạn chót;Số liệu đến;Ngày làm việc;Số ngày;Đã gửi;Tình trạng\r\n\
         Báo cáo 6 tháng;2022-06-30;2022-06-29;2022-06-14;11;-168;2022-06-27;đã gửi đúng hạn\r\n\
         Báo cáo năm;2022-12-15;2022-12-14;2022-12-14;0;0;;chưa gửi\r\n"
    );
}

#[test]
fn english_excel_gets_a_bom_and_commas() {
    let budget = run(&[PLAN_2022, "--annual", "budget", "--format", "csv", "--excel", "--lang", "en"]);
    assert!(budget.starts_with('\u{feff}'));
    assert!(budget.contains(",741800000,363415000,67.1\r\n"), "{budget}");
}

#[test]
fn without_excel_the_csv_is_unchanged_rfc_4180() {
    let budget = run(&[PLAN_2022, "--annual", "budget", "--format", "csv"]);
    assert!(budget.starts_with("kind,id,"));
    assert!(budget.contains("total,,Tổng cộng,1105215000,741800000,363415000,67.1\r\n"));
}
