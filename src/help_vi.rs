//! `--help` in Vietnamese. The English help is the doc comments of the clap derive structs
//! in [`crate::cli`]; this module holds their Vietnamese wording, keyed by command name and
//! argument id, and [`localize`] puts it into the command before it parses. clap's own words
//! go too: the headings come from a help template and from help headings set on every
//! argument, `-h`/`--help`, `-V`/`--version` and the `help` command are replaced by ours, and
//! the `[default: …]` and `[possible values: …]` clap would add are hidden and said in
//! Vietnamese instead, generated from the argument's own default and values.

use std::fmt::Write as _;

use clap::builder::PossibleValue;
use clap::{Arg, ArgAction, Command};

use crate::lang::Lang;

/// The Vietnamese wording of one command: `plan` itself is `""`.
pub struct CommandText {
    pub name: &'static str,
    pub about: &'static str,
    /// Where the English has a `long_about`.
    pub long_about: Option<&'static str>,
    /// Where the English has an `after_help`: examples under `Ví dụ:`, the command lines
    /// themselves as in English.
    pub after_help: Option<&'static str>,
}

/// The Vietnamese help of one argument of one command (`""`: `plan` itself; a global
/// argument is worded there once and carried to every command).
pub struct ArgText {
    pub command: &'static str,
    pub id: &'static str,
    pub help: &'static str,
    /// Where the English has a `long_help`.
    pub long_help: Option<&'static str>,
}

/// The Vietnamese description of one value of an argument whose values have descriptions
/// (`--format human`: …), as clap lists them under `--help`.
pub struct ValueText {
    pub command: &'static str,
    pub arg: &'static str,
    pub value: &'static str,
    pub help: &'static str,
}

const fn command(name: &'static str, about: &'static str, after_help: Option<&'static str>) -> CommandText {
    CommandText { name, about, long_about: None, after_help }
}

const fn arg(command: &'static str, id: &'static str, help: &'static str) -> ArgText {
    ArgText { command, id, help, long_help: None }
}

const fn value(command: &'static str, arg: &'static str, value: &'static str, help: &'static str) -> ValueText {
    ValueText { command, arg, value, help }
}

/// `--output` and `--force`, the same for `plan report` and `plan new`.
const WRITE_TO_FILE: &str =
    "Ghi vào tệp FILE thay vì stdout (ghi trọn một lần; tệp đã có được giữ nguyên, trừ khi có --force)";
const OVERWRITE: &str = "Ghi đè tệp FILE nếu đã có";

/// The exit statuses, as `plan --help` and `plan check --help` end.
macro_rules! exit_status {
    () => {
        "Trạng thái thoát:
  0  không có lỗi (cảnh báo thì được, trừ khi có --deny-warnings)
  1  các tệp có lỗi
  2  dòng lệnh sai, lỗi đọc ghi tệp hoặc lỗi của chương trình"
    };
}

pub const COMMANDS: &[CommandText] = &[
    command(
        "",
        "Kiểm tra và lập báo cáo cho các tệp kế hoạch của dự án cấp tỉnh: quyết định, các kế \
         hoạch hằng năm và tiến độ thực hiện",
        Some(exit_status!()),
    ),
    command(
        "check",
        "Kiểm tra các tệp kế hoạch: từng tệp, và đối chiếu với quyết định",
        Some(concat!(
            "\
Ví dụ:
  plan check                          các tệp trong plans/ (hoặc .)
  plan check plans/ke-hoach-2019.toml một kế hoạch, cùng quyết định và tiến độ
  plan check --lang en                lỗi và cảnh báo bằng tiếng Anh
  plan check --format sarif > plan.sarif

",
            exit_status!()
        )),
    ),
    command(
        "words",
        "Viết số tiền bằng chữ, hoặc đối chiếu chữ với số tiền bằng số",
        Some(
            "\
Ví dụ:
  plan words 491.300.000
  plan words 1500000 --check \"Một triệu năm trăm nghìn đồng\"
  plan words 105 --le --ngan

Trạng thái thoát:
  0  đã in số tiền bằng chữ, hoặc TEXT của --check đọc đúng là AMOUNT
  1  TEXT của --check đọc là một số khác, hoặc không đọc được thành số
  2  dòng lệnh sai (AMOUNT không phải số tiền)",
        ),
    ),
    command(
        "report",
        "In báo cáo tiến độ, kinh phí và thời hạn báo cáo của một kế hoạch",
        Some(
            "\
Các phần: progress (tiến độ), budget (kinh phí), deadlines (thời hạn báo cáo);
không nêu phần nào thì in cả ba.

Ví dụ:
  plan report plans/ke-hoach-2019.toml --half-year
  plan report plans/ke-hoach-2019.toml budget --as-of 30/9/2019
  plan report --annual -o bao-cao-2019.docx
  plan report --period plans/quyet-dinh-1186-2016.toml --lang en

Trạng thái thoát:
  0  đã in báo cáo
  1  kế hoạch có lỗi: không có báo cáo, chỉ in các lỗi
  2  dòng lệnh sai, lỗi đọc ghi tệp, hoặc không có đúng một kế hoạch để báo cáo",
        ),
    ),
    command(
        "new",
        "Viết khung kế hoạch năm sau từ kế hoạch năm nay và quyết định",
        Some(
            "\
Ví dụ:
  plan new --year 2020
  plan new --year 2020 --from plans/ke-hoach-2019.toml -o plans/ke-hoach-2020.toml

Trạng thái thoát:
  0  đã viết khung kế hoạch
  1  kế hoạch làm gốc hoặc quyết định của nó có lỗi
  2  dòng lệnh sai, lỗi đọc ghi tệp, hoặc tệp --output đã có (mà không có --force)",
        ),
    ),
    command(
        "calendar",
        "Ghi hạn báo cáo và hạn hoạt động vào tệp lịch iCalendar (.ics)",
        Some(
            "\
Ví dụ:
  plan calendar -o han-bao-cao.ics
  plan calendar plans/ke-hoach-2019.toml

Trạng thái thoát:
  0  đã viết lịch
  1  các tệp có lỗi: không có lịch, chỉ in các lỗi
  2  dòng lệnh sai, lỗi đọc ghi tệp, hoặc không tìm thấy kế hoạch nào",
        ),
    ),
    command(
        "completions",
        "In tập lệnh tự điền lệnh cho shell (bash, zsh, fish, powershell)",
        Some(
            "\
Ví dụ:
  plan completions bash > ~/.local/share/bash-completion/completions/plan
  plan completions zsh > ~/.zfunc/_plan",
        ),
    ),
    command(
        "man",
        "In trang man (roff, tiếng Anh) ra stdout: `plan man > plan.1`",
        Some(
            "\
Ví dụ:
  plan man > plan.1
  plan man | man -l -",
        ),
    ),
    command(
        "schema",
        "In lược đồ JSON của một loại tệp (như schemas/KIND.schema.json)",
        Some(
            "\
Ví dụ:
  plan schema plan > schemas/plan.schema.json
  plan schema decision",
        ),
    ),
    command(
        "lsp",
        "Chạy máy chủ ngôn ngữ cho trình soạn thảo (docs/editors.md)",
        Some(
            "\
Ví dụ:
  plan lsp               do trình soạn thảo khởi chạy (docs/editors.md)
  plan lsp --lang en     lỗi và cảnh báo bằng tiếng Anh",
        ),
    ),
    command(
        "explain",
        "Giải thích mã lỗi: ý nghĩa, vì sao cần sửa, ví dụ và cách sửa",
        Some(
            "\
Ví dụ:
  plan explain invalid-amount
  plan explain unknown-agency --lang en

Trạng thái thoát:
  0  đã giải thích mã
  2  không có mã này (các mã gần giống được nêu ra)",
        ),
    ),
];

pub const ARGS: &[ArgText] = &[
    arg(
        "",
        "lang",
        "Ngôn ngữ của lỗi, cảnh báo, thông báo, báo cáo và hướng dẫn này, mặc định là vi; cũng \
         đặt được bằng biến môi trường `PLAN_LANG` (để trống thì coi như không đặt)",
    ),
    arg(
        "",
        "allow_outside",
        "Đi theo các tham chiếu (`decision.file`, `progress.plan`) và liên kết tượng trưng dẫn ra \
         ngoài cây thư mục được kiểm tra (thư mục hiện tại và các đường dẫn đã nêu); nếu không có \
         tùy chọn này thì chúng bị từ chối và được báo ra (docs/reliability.md)",
    ),
    arg(
        "check",
        "paths",
        "Các tệp và thư mục cần kiểm tra (thư mục thì kiểm tra mọi tệp `*.toml` trong đó, kể cả \
         thư mục con); mặc định là `plans/` nếu có, nếu không thì `.`",
    ),
    arg(
        "check",
        "format",
        "Dạng kết quả: lỗi và cảnh báo cho người đọc (trên stderr), hoặc một sản phẩm cho máy \
         (trên stdout)",
    ),
    arg("check", "deny_warnings", "Coi cảnh báo là lỗi (có cảnh báo thì trạng thái thoát là 1)"),
    arg(
        "check",
        "allow",
        "Không hiện các cảnh báo có mã này (dùng được nhiều lần); lỗi thì không bỏ qua được. Cũng \
         đặt được bằng khóa `allow` trong bảng `[check]` của `.plan/config.toml`",
    ),
    arg(
        "check",
        "deny",
        "Coi các cảnh báo có mã này là lỗi (dùng được nhiều lần). Cũng đặt được bằng khóa `deny` \
         trong `.plan/config.toml`",
    ),
    arg(
        "check",
        "color",
        "Khi nào tô màu lỗi và cảnh báo; có biến môi trường `NO_COLOR`, hoặc kết quả không ra \
         màn hình, thì không tô màu",
    ),
    arg("words", "amount", "Số tiền bằng số: viết kiểu Việt Nam (`491.300.000`) hoặc viết liền (`491300000`)"),
    arg("words", "check", "Đối chiếu: TEXT có đọc đúng là AMOUNT không (thay vì in số tiền bằng chữ)"),
    arg("words", "ngan", "Viết \"ngàn\" (miền Nam) thay cho \"nghìn\""),
    arg("words", "le", "Viết \"lẻ\" (miền Nam) thay cho \"linh\" khi hàng chục là 0"),
    arg("words", "ti", "Viết \"tỉ\" thay cho \"tỷ\""),
    arg("words", "tu", "Viết chữ số 4 ở hàng đơn vị, sau hàng chục từ 2 trở lên, là \"tư\" thay cho \"bốn\""),
    arg("words", "mot", "Viết chữ số 1 ở hàng đơn vị, sau hàng chục từ 2 trở lên, là \"một\" thay cho \"mốt\""),
    arg("words", "bare", "Chỉ in các chữ chỉ số: không viết hoa chữ đầu, không có \"đồng\" ở cuối"),
    arg(
        "report",
        "args",
        "Tệp kế hoạch (mặc định: kế hoạch của năm mới nhất trong `plans/`), rồi có thể thêm một \
         phần: `progress` (tiến độ), `budget` (kinh phí) hoặc `deadlines` (thời hạn báo cáo)",
    ),
    arg("report", "half_year", "Báo cáo 6 tháng: số liệu đến ngày chốt 6 tháng (mặc định là 14/6)"),
    arg("report", "annual", "Báo cáo năm: số liệu đến ngày chốt cả năm (mặc định là 14/12)"),
    arg("report", "as_of", "Báo cáo tính đến ngày này (`30/6/2019` hoặc `2019-06-30`); mặc định là hôm nay"),
    arg(
        "report",
        "period",
        "Báo cáo tổng hợp giai đoạn của một quyết định: tệp quyết định, hoặc thư mục chứa tệp \
         quyết định và các kế hoạch hằng năm (khi đó chỉ có thể thêm SECTION)",
    ),
    arg("report", "format", "Dạng kết quả (mặc định: theo phần đuôi của tên tệp --output, nếu không có thì `table`)"),
    arg("report", "output", WRITE_TO_FILE),
    arg("report", "force", OVERWRITE),
    arg(
        "report",
        "excel",
        "csv: cho Excel trên Windows: có dấu BOM UTF-8; với --lang vi thì dùng `;` giữa các ô, \
         dấu phẩy thập phân và tên cột tiếng Việt",
    ),
    arg(
        "report",
        "narrative",
        "docx: tệp lời văn của báo cáo: phần chữ do người lập báo cáo viết, cùng số, ngày và người \
         ký (xem docs/reports.md)",
    ),
    arg("report", "number", "docx: số của báo cáo (`15`, in ra là `Số: 15/BC-…`); được ưu tiên hơn tệp lời văn"),
    arg("report", "date", "docx: ngày ký báo cáo (`30/6/2019` hoặc `2019-06-30`); được ưu tiên hơn tệp lời văn"),
    arg("report", "signer", "docx: họ và tên người ký; được ưu tiên hơn tệp lời văn"),
    arg(
        "report",
        "progress",
        "Một tệp tiến độ cần tính thêm, ngoài các tệp tìm thấy cạnh tệp kế hoạch (dùng được \
         nhiều lần)",
    ),
    arg(
        "report",
        "money_unit",
        "Đơn vị tiền khi in: `đồng`, `nghìn`, `triệu` hoặc `tỷ` (có hoặc không kèm `đồng`); mặc \
         định: `money-unit` của kế hoạch (với --period: của quyết định), nếu không có thì đồng. \
         Dạng JSON luôn tính bằng đồng",
    ),
    arg("new", "year", "Năm của kế hoạch mới"),
    arg("new", "from", "Kế hoạch làm gốc (mặc định: kế hoạch của năm mới nhất trong `plans/`)"),
    arg("new", "output", WRITE_TO_FILE),
    arg("new", "force", OVERWRITE),
    arg(
        "calendar",
        "path",
        "Tệp kế hoạch, tệp quyết định hoặc thư mục (mọi kế hoạch trong đó); mặc định là `plans/` \
         nếu có, nếu không thì `.`",
    ),
    arg("calendar", "output", "Ghi vào tệp FILE (ví dụ `deadlines.ics`) thay vì stdout"),
    arg("completions", "shell", "Shell sẽ dùng tập lệnh này"),
    arg("schema", "kind", "Loại tệp"),
    arg("explain", "code", "Mã lỗi, như in cạnh lỗi hay cảnh báo: `invalid-amount`, `unknown-agency`, …"),
];

pub const VALUES: &[ValueText] = &[
    value("", "lang", "vi", "tiếng Việt: 491.300.000 đ, 30/6/2019"),
    value("", "lang", "en", "tiếng Anh: 491,300,000 VND, 2019-06-30"),
    value("check", "format", "human", "lỗi và cảnh báo kèm đoạn trích của tệp, trên stderr"),
    value("check", "format", "json", "một văn bản JSON, trên stdout"),
    value("check", "format", "github", "lệnh chú thích của GitHub Actions (`::error …`), trên stdout"),
    value("check", "format", "sarif", "bản ghi SARIF 2.1.0 trên stdout, cho GitHub (docs/ci.md)"),
    value("report", "format", "table", "bảng để xem trên màn hình"),
    value("report", "format", "markdown", "văn bản Markdown để dán vào báo cáo"),
    value("report", "format", "json", "một văn bản JSON (`plan-report/1`)"),
    value("report", "format", "csv", "một phần của báo cáo, dạng CSV (RFC 4180)"),
    value("report", "format", "docx", "báo cáo để gửi: văn bản Word theo Nghị định 30/2020/NĐ-CP"),
    value("report", "format", "xlsx", "sổ tính Excel: mỗi phần một trang, kèm phụ lục kinh phí"),
    value("report", "format", "html", "một trang HTML trọn vẹn có biểu đồ, in được trên khổ A4"),
];

/// The `help` command of the Vietnamese help, which stands in for clap's.
const HELP_COMMAND: &str = "In hướng dẫn này, hoặc hướng dẫn của lệnh được nêu";
const HELP_COMMAND_ARG: &str = "Lệnh cần xem hướng dẫn";
/// The id of the `help` command's argument: the commands named.
pub const HELP_COMMAND_NAMES: &str = "subcommand";

/// Where `-h` and `-V` go: after every other option, as clap puts its own.
const LAST: usize = usize::MAX - 1;

const HEADING_ARGUMENTS: &str = "Đối số";
const HEADING_OPTIONS: &str = "Tùy chọn";
const HEADING_COMMANDS: &str = "Lệnh";

/// `cmd` with its help in `lang`: unchanged for English (the doc comments), the Vietnamese
/// table for Vietnamese.
pub fn localize(cmd: Command, lang: Lang) -> Command {
    match lang {
        Lang::En => cmd,
        Lang::Vi => {
            let cmd = cmd
                .disable_version_flag(true)
                .arg(
                    Arg::new("version")
                        .short('V')
                        .long("version")
                        .action(ArgAction::Version)
                        .help("In phiên bản")
                        .display_order(LAST + 1)
                        .help_heading(HEADING_OPTIONS),
                )
                .disable_help_subcommand(true)
                .subcommand(
                    Command::new("help").about(HELP_COMMAND).arg(
                        Arg::new(HELP_COMMAND_NAMES)
                            .action(ArgAction::Append)
                            .num_args(..)
                            .value_name("COMMAND")
                            .help(HELP_COMMAND_ARG),
                    ),
                );
            vietnamese(cmd, "")
        }
    }
}

/// One command and those under it in Vietnamese; `name` is its key in the table.
fn vietnamese(cmd: Command, name: &str) -> Command {
    // clap's default template, with its `Usage:` heading in Vietnamese and in the same style.
    let style = cmd.get_styles().get_usage();
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{style}Cách dùng:{style:#} {{usage}}\n\n{{all-args}}{{after-help}}"
    );
    let mut cmd = cmd
        .help_template(template)
        .subcommand_help_heading(HEADING_COMMANDS)
        .mut_args(|a| vietnamese_arg(a, name))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("In hướng dẫn (đầy đủ hơn: `--help`)")
                .long_help("In hướng dẫn (tóm tắt: `-h`)")
                .display_order(LAST)
                .help_heading(HEADING_OPTIONS),
        );
    if let Some(text) = COMMANDS.iter().find(|c| c.name == name) {
        cmd = cmd.about(text.about).long_about(text.long_about);
        if let Some(after) = text.after_help {
            cmd = cmd.after_help(after);
        }
    }
    cmd.mut_subcommands(|sub| {
        let name = sub.get_name().to_owned();
        vietnamese(sub, &name)
    })
}

/// One argument of command `command` in Vietnamese: its help from the table, then its
/// values and default as clap would list them, in Vietnamese words.
fn vietnamese_arg(arg: Arg, command: &str) -> Arg {
    let heading = if arg.is_positional() { HEADING_ARGUMENTS } else { HEADING_OPTIONS };
    let arg = arg.help_heading(heading);
    let Some(text) = ARGS.iter().find(|t| t.command == command && t.id == arg.get_id().as_str()) else {
        // The `help` command's own argument, worded where it is made.
        return arg;
    };
    let values = values_of(&arg);
    let defaults: Vec<String> = if arg.get_action().takes_values() {
        arg.get_default_values().iter().map(|d| d.to_string_lossy().into_owned()).collect()
    } else {
        Vec::new()
    };
    let mut brief = Vec::new();
    let mut full = Vec::new();
    if !values.is_empty() {
        let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
        brief.push(format!("[một trong: {}]", names.join(", ")));
        full.push(values_block(command, arg.get_id().as_str(), &values));
    }
    if !defaults.is_empty() {
        // clap's order: the default first in the summary, last in the full help.
        brief.insert(0, format!("[mặc định: {}]", defaults.join(", ")));
        full.push(format!("Mặc định: {}", defaults.join(", ")));
    }
    let long = text.long_help.unwrap_or(text.help);
    let (help, long_help) = if brief.is_empty() {
        (text.help.to_owned(), text.long_help.map(str::to_owned))
    } else {
        (format!("{} {}", text.help, brief.join(" ")), Some(format!("{long}\n\n{}", full.join("\n"))))
    };
    let takes_values = arg.get_action().takes_values();
    let arg = arg.help(help).hide_possible_values(takes_values).hide_default_value(takes_values);
    match long_help {
        Some(long) => arg.long_help(long),
        None => arg,
    }
}

/// The values an argument takes from a fixed list, the hidden ones left out.
fn values_of(arg: &Arg) -> Vec<PossibleValue> {
    if !arg.get_action().takes_values() {
        return Vec::new();
    }
    arg.get_value_parser().possible_values().map(|v| v.filter(|p| !p.is_hide_set()).collect()).unwrap_or_default()
}

/// `Một trong: a, b` or, when the values have descriptions, one line each as clap lists
/// them: `- human:  lỗi và cảnh báo…`.
fn values_block(command: &str, arg: &str, values: &[PossibleValue]) -> String {
    let described = values.iter().any(|v| v.get_help().is_some());
    if !described {
        let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
        return format!("Một trong: {}", names.join(", "));
    }
    let width = values.iter().map(|v| v.get_name().chars().count()).max().unwrap_or(0);
    let mut block = String::from("Một trong:");
    for v in values {
        let name = v.get_name();
        let help =
            VALUES.iter().find(|t| t.command == command && t.arg == arg && t.value == name).map_or("", |t| t.help);
        let pad = " ".repeat(width.saturating_sub(name.chars().count()));
        let _ = write!(block, "\n- {name}:{pad} {help}");
    }
    block.push('\n');
    block
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use clap::{Command, CommandFactory};

    use super::*;
    use crate::cli::Cli;

    /// Every command of the English definition, by its key in the tables (`""`: `plan`).
    fn commands() -> Vec<(String, Command)> {
        fn walk(cmd: &Command, key: String, found: &mut Vec<(String, Command)>) {
            for sub in cmd.get_subcommands() {
                walk(sub, sub.get_name().to_owned(), found);
            }
            found.push((key, cmd.clone()));
        }
        let mut found = Vec::new();
        walk(&Cli::command(), String::new(), &mut found);
        found
    }

    #[test]
    fn every_command_argument_and_value_has_its_vietnamese_and_nothing_else_does() {
        let (mut cmds, mut args, mut values) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
        for (key, cmd) in commands() {
            let text = COMMANDS.iter().find(|c| c.name == key);
            let text = text.unwrap_or_else(|| panic!("no Vietnamese for `plan {key}`"));
            assert_eq!(text.long_about.is_some(), cmd.get_long_about().is_some(), "long about of `plan {key}`");
            assert_eq!(text.after_help.is_some(), cmd.get_after_help().is_some(), "after help of `plan {key}`");
            cmds.insert(key.clone());
            for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
                let id = arg.get_id().as_str();
                let text = ARGS.iter().find(|t| t.command == key && t.id == id);
                let text = text.unwrap_or_else(|| panic!("no Vietnamese for `{id}` of `plan {key}`"));
                assert_eq!(text.long_help.is_some(), arg.get_long_help().is_some(), "long help of `{id}`");
                args.insert((key.clone(), id.to_owned()));
                for value in values_of(arg).iter().filter(|v| v.get_help().is_some()) {
                    let name = value.get_name();
                    let found = VALUES.iter().any(|t| t.command == key && t.arg == id && t.value == name);
                    assert!(found, "no Vietnamese for `{id} {name}` of `plan {key}`");
                    values.insert((key.clone(), id.to_owned(), name.to_owned()));
                }
            }
        }
        // The other way round, each once: no entry for what does not exist (or no longer
        // has a description of its own).
        let names: Vec<String> = COMMANDS.iter().map(|c| c.name.to_owned()).collect();
        assert_eq!(names.len(), cmds.len(), "{names:?}");
        assert_eq!(names.into_iter().collect::<BTreeSet<_>>(), cmds);
        let ids: Vec<(String, String)> = ARGS.iter().map(|a| (a.command.to_owned(), a.id.to_owned())).collect();
        assert_eq!(ids.len(), args.len(), "an argument worded twice");
        assert_eq!(ids.into_iter().collect::<BTreeSet<_>>(), args);
        let described: Vec<(String, String, String)> =
            VALUES.iter().map(|v| (v.command.to_owned(), v.arg.to_owned(), v.value.to_owned())).collect();
        assert_eq!(described.len(), values.len(), "a value worded twice");
        assert_eq!(described.into_iter().collect::<BTreeSet<_>>(), values);
    }

    /// The command lines of an `after_help`'s examples: `plan …` without the comments, which
    /// start in one column (a command may run past it, and then has none).
    fn example_lines(text: &str) -> Vec<String> {
        let text = text.split_once("Examples:\n").or_else(|| text.split_once("Ví dụ:\n")).map_or("", |(_, e)| e);
        let lines: Vec<Vec<char>> =
            text.lines().take_while(|l| l.starts_with("  plan ")).map(|l| l.chars().collect()).collect();
        let column = lines
            .iter()
            .filter_map(|l| {
                let gap = (2..l.len().saturating_sub(1)).find(|&i| l[i] == ' ' && l[i + 1] == ' ')?;
                (gap..l.len()).find(|&i| l[i] != ' ')
            })
            .min();
        let command = |l: &Vec<char>| match column {
            Some(c) if l.len() > c && l[c - 1] == ' ' => l[..c].iter().collect::<String>(),
            _ => l.iter().collect(),
        };
        lines.iter().map(|l| command(l).trim().to_owned()).collect()
    }

    #[test]
    fn the_examples_keep_their_command_lines() {
        for (key, cmd) in commands() {
            let english = cmd.get_after_help().map(ToString::to_string).unwrap_or_default();
            let vietnamese = COMMANDS.iter().find(|c| c.name == key).and_then(|c| c.after_help).unwrap_or_default();
            assert_eq!(english.contains("Examples:\n  plan "), vietnamese.contains("Ví dụ:\n  plan "), "`plan {key}`");
            assert_eq!(example_lines(vietnamese), example_lines(&english), "`plan {key}`");
            assert!(!vietnamese.contains("Examples:"), "`plan {key}`");
        }
        assert_eq!(
            example_lines(COMMANDS[1].after_help.unwrap()),
            [
                "plan check",
                "plan check plans/ke-hoach-2019.toml",
                "plan check --lang en",
                "plan check --format sarif > plan.sarif"
            ]
        );
    }

    #[test]
    fn the_localized_command_line_is_well_formed() {
        for lang in Lang::ALL {
            localize(Cli::command(), lang).debug_assert();
        }
    }

    /// The help of argument `id` of `plan sub` in Vietnamese: (summary, full).
    fn helps(sub: &str, id: &str) -> (String, String) {
        let cmd = localize(Cli::command(), Lang::Vi);
        let cmd = cmd.find_subcommand(sub).unwrap();
        let arg = cmd.get_arguments().find(|a| a.get_id() == id).unwrap();
        (arg.get_help().unwrap().to_string(), arg.get_long_help().map(ToString::to_string).unwrap_or_default())
    }

    #[test]
    fn defaults_and_values_are_said_in_vietnamese_from_the_argument_itself() {
        let (help, long) = helps("check", "format");
        assert_eq!(
            help,
            "Dạng kết quả: lỗi và cảnh báo cho người đọc (trên stderr), hoặc một sản phẩm cho máy (trên \
             stdout) [mặc định: human] [một trong: human, json, github, sarif]"
        );
        assert!(
            long.ends_with(
                "\n\nMột trong:\n\
             - human:  lỗi và cảnh báo kèm đoạn trích của tệp, trên stderr\n\
             - json:   một văn bản JSON, trên stdout\n\
             - github: lệnh chú thích của GitHub Actions (`::error …`), trên stdout\n\
             - sarif:  bản ghi SARIF 2.1.0 trên stdout, cho GitHub (docs/ci.md)\n\
             \nMặc định: human"
            ),
            "{long}"
        );
        let (help, long) = helps("check", "color");
        assert!(help.ends_with("không tô màu [mặc định: auto] [một trong: auto, always, never]"), "{help}");
        assert!(long.ends_with("không tô màu\n\nMột trong: auto, always, never\nMặc định: auto"), "{long}");
        // A switch has neither; an option without a default or list says nothing more.
        assert_eq!(
            helps("check", "deny_warnings"),
            ("Coi cảnh báo là lỗi (có cảnh báo thì trạng thái thoát là 1)".to_owned(), String::new())
        );
        assert_eq!(helps("report", "signer").0, "docx: họ và tên người ký; được ưu tiên hơn tệp lời văn");
        assert_eq!(
            helps("completions", "shell").0,
            "Shell sẽ dùng tập lệnh này [một trong: bash, zsh, fish, powershell]"
        );
    }

    #[test]
    fn the_lists_read_at_80_columns() {
        // The commands' list (`  completions  …`) and the values' (`          - markdown: …`)
        // are not wrapped on an 80-column terminal: clap would wrap them under their name.
        let subcommands: Vec<(&str, &str)> = COMMANDS
            .iter()
            .filter(|c| !c.name.is_empty())
            .map(|c| (c.name, c.about))
            .chain([("help", HELP_COMMAND)])
            .collect();
        let names = subcommands.iter().map(|(name, _)| name.chars().count()).max().unwrap();
        for (name, about) in subcommands {
            let width = 2 + names + 2 + about.chars().count();
            assert!(width <= 80, "`plan {name}`: {width} columns");
        }
        for text in VALUES {
            let names = VALUES.iter().filter(|v| v.command == text.command && v.arg == text.arg);
            let name = names.map(|v| v.value.chars().count()).max().unwrap();
            let width = 10 + 2 + name + 2 + text.help.chars().count();
            assert!(width <= 80, "`{} {}`: {width} columns", text.arg, text.value);
        }
    }

    #[test]
    fn english_is_the_definition_itself() {
        let english = localize(Cli::command(), Lang::En);
        let check = english.find_subcommand("check").unwrap();
        assert_eq!(check.get_about().unwrap().to_string(), "Check plan files, alone and against their decision");
        assert!(check.get_subcommand_help_heading().is_none());
        assert!(check.get_arguments().all(|a| a.get_help_heading().is_none()));
    }
}
