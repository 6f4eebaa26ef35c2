//! What each code means and why it matters, in both languages, with a minimal failing
//! example and its fix: `plan explain CODE` prints it, docs/diagnostics.md is generated
//! from it.

use crate::diag::Code;
use crate::lang::Lang;

/// One code's explanation.
pub struct Explanation {
    pub meaning: [&'static str; 2],
    pub why: [&'static str; 2],
    /// A few lines of a file that have the problem, and the same lines fixed.
    pub example: &'static str,
    pub fixed: &'static str,
}

impl Explanation {
    pub fn meaning(&self, lang: Lang) -> &'static str {
        pick(self.meaning, lang)
    }

    pub fn why(&self, lang: Lang) -> &'static str {
        pick(self.why, lang)
    }
}

fn pick(pair: [&'static str; 2], lang: Lang) -> &'static str {
    let [vi, en] = pair;
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// The code `text` names, if any.
pub fn code_named(text: &str) -> Option<Code> {
    Code::ALL.iter().copied().find(|c| c.as_str() == text.trim())
}

/// The codes nearest to a text that names none, best first (at most three).
pub fn nearest_codes(text: &str) -> Vec<Code> {
    let mut scored: Vec<(f64, Code)> =
        Code::ALL.iter().map(|&c| (strsim::jaro_winkler(&text.trim().to_lowercase(), c.as_str()), c)).collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

macro_rules! x {
    ($vi:literal, $en:literal, $why_vi:literal, $why_en:literal, $example:literal, $fixed:literal) => {
        Explanation { meaning: [$vi, $en], why: [$why_vi, $why_en], example: $example, fixed: $fixed }
    };
}

/// The explanation of `code`.
#[allow(clippy::too_many_lines)] // one arm per code, each a few lines of wording
pub fn explain(code: Code) -> Explanation {
    match code {
        Code::TomlSyntax => x!(
            "Tệp viết sai cú pháp, nên không đọc được: thiếu dấu ngoặc kép, số tiền hay ngày viết như trong văn bản. Mọi lỗi cú pháp của tệp được liệt kê; tệp không được kiểm tra thêm cho đến khi đọc được.",
            "The file is not valid TOML. The position comes from the TOML parser; every syntax error of the file is listed, and the file is checked no further until it parses.",
            "Khi tệp chưa đọc được thì không kiểm tra được gì khác trong tệp.",
            "Until the file parses, nothing else in it can be checked.",
            "amount = 120.000.000",
            "amount = \"120.000.000\""
        ),
        Code::UnreadableFile => x!(
            "Tệp không đọc được thành chữ: không lưu ở mã UTF-8 (lưu bằng bảng mã cũ như Windows-1258), hoặc lớn hơn 64 MiB.",
            "The file cannot be read as text: it is not UTF-8 (saved in a legacy code page such as Windows-1258), or it is larger than 64 MiB.",
            "Chữ tiếng Việt trong tệp sẽ bị đọc sai.",
            "The Vietnamese text of the file would be read wrong.",
            "(tệp lưu bằng bảng mã Windows-1258 / a file saved as Windows-1258)",
            "(lưu lại bằng UTF-8 / saved again as UTF-8)"
        ),
        Code::UnknownKind => x!(
            "Tệp không có, hoặc có nhiều hơn một, trong các bảng `[decision]`, `[plan]`, `[progress]`; tệp trống cũng là trường hợp này.",
            "The file has none, or more than one, of the top-level tables `[decision]`, `[plan]`, `[progress]`; an empty file is one case of this.",
            "Loại tệp cho biết nó giữ quyết định, kế hoạch hay tiến độ, và được kiểm tra thế nào.",
            "The kind of file says whether it holds a decision, a plan or progress, and how it is checked.",
            "[plan]\nyear = 2019\n[progress]\nplan = \"plan.toml\"",
            "[plan]\nyear = 2019"
        ),
        Code::UnknownKey => x!(
            "Một khóa mà định dạng không có, thường là gõ nhầm. Gợi ý nêu khóa gần nhất của bảng đó, khi đủ gần.",
            "A key the format does not have, usually a typo. The help suggests the nearest key of that table.",
            "Giá trị ghi dưới khóa gõ nhầm sẽ bị bỏ qua mà không ai biết.",
            "A value under a mistyped key would be ignored without anyone knowing.",
            "[budjet]\ntotal = 300_000_000",
            "[budget]\ntotal = 300_000_000"
        ),
        Code::MissingKey => x!(
            "Thiếu một khóa bắt buộc. Chẩn đoán chỉ vào bảng thiếu nó.",
            "A required key is absent. The diagnostic points at the table that lacks it.",
            "Không có khóa đó thì không tính hay đối chiếu được.",
            "Without it, nothing can be counted or compared.",
            "[[activity]]\nname = \"Tổ chức hội thảo\"",
            "[[activity]]\nid = \"hoi-thao\"\nname = \"Tổ chức hội thảo\""
        ),
        Code::WrongType => x!(
            "Một giá trị sai loại: chữ ở chỗ cần số, số ở chỗ cần chữ.",
            "A value of the wrong TOML type: a string where a number goes, a number where a string goes.",
            "Giá trị sai loại không dùng được trong báo cáo.",
            "A value of the wrong type cannot be used in the reports.",
            "year = \"2019\"",
            "year = 2019"
        ),
        Code::InvalidValue => x!(
            "Một giá trị đúng loại nhưng không được phép: loại báo cáo không có, mã định danh có dấu hoặc chữ hoa, năm không phải năm, giai đoạn kết thúc trước khi bắt đầu.",
            "A value of the right type that is not allowed: a report kind that does not exist, an identifier that is not ASCII kebab-case, a year that is not a year, a period that ends before it starts.",
            "Những giá trị này được dùng để nối các tệp với nhau; một giá trị sai làm đứt mối nối.",
            "These values tie the files together; a wrong one breaks the tie.",
            "id = \"hội-thảo\"",
            "id = \"hoi-thao\""
        ),
        Code::InvalidAmount => x!(
            "Một số tiền hay số lượng không đọc được chính xác: số có phần thập phân, số âm, dấu chấm đặt sai chỗ, khoảng trắng hay chữ số toàn khổ, có ký hiệu tiền tệ, số quá lớn, tổng kinh phí hay khoản giải ngân bằng không.",
            "An amount or count that cannot be read exactly: a TOML float, a negative amount, misplaced group separators, spaces or full-width digits, overflow, a zero budget total or disbursement.",
            "Số tiền phải đúng đến từng đồng; một số đọc gần đúng làm sai mọi tổng.",
            "Money must be exact to the đồng; an amount read approximately makes every sum wrong.",
            "total = 520000000.0\namount = \"120.000.000 đ\"",
            "total = 520_000_000\namount = \"120.000.000\""
        ),
        Code::InvalidDate => x!(
            "Không phải một ngày, hoặc ngày không có trong lịch: ngày viết trong ngoặc kép, ngày có giờ, 31/06.",
            "Not a date, or a day that does not exist: a date in quotes, a date with a time, 2019-02-29.",
            "Hạn và ngày gửi báo cáo được so sánh với nhau; một ngày sai làm sai kết luận đúng hạn hay trễ hạn.",
            "Due dates and sending dates are compared; a wrong date makes the verdict on time or late wrong.",
            "due-before = \"30/6/2020\"",
            "due-before = 2020-06-30"
        ),
        Code::DuplicateId => x!(
            "Hai hoạt động, hạng mục, cơ quan hay dòng kinh phí có cùng mã.",
            "Two activities, items, agencies or budget lines with the same id.",
            "Một mã phải chỉ đến đúng một thứ; nếu không, tiến độ và kinh phí có thể bị ghi nhầm chỗ.",
            "An id must name one thing; otherwise progress and money may be credited to the wrong one.",
            "[[activity]]\nid = \"hoi-thao\"\n[[activity]]\nid = \"hoi-thao\"",
            "[[activity]]\nid = \"hoi-thao\"\n[[activity]]\nid = \"hoi-thao-2\""
        ),
        Code::UnresolvedFile => x!(
            "`decision.file` hoặc `progress.plan` không dẫn đến tệp nào, hoặc dẫn đến tệp sai loại.",
            "A `decision.file` or `progress.plan` that leads to no file, or to a file of the wrong kind.",
            "Không có tệp đó thì không đối chiếu được kế hoạch với quyết định, hay tiến độ với kế hoạch.",
            "Without it, the plan cannot be compared with its decision, or progress with its plan.",
            "[decision]\nfile = \"quyet-dinh.toml\"",
            "[decision]\nfile = \"../quyet-dinh/decision.toml\""
        ),
        Code::DecisionMismatch => x!(
            "Kế hoạch ghi số hoặc ngày của quyết định khác với tệp quyết định.",
            "The plan cites its decision with a number or date that the decision file does not have.",
            "Căn cứ ghi sai sẽ được in ra trong báo cáo gửi đi.",
            "A wrong citation is printed in the report that is sent.",
            "number = \"1234/QĐ-UBND\"",
            "number = \"1243/QĐ-UBND\""
        ),
        Code::YearOutsidePeriod => x!(
            "Năm của kế hoạch không nằm trong giai đoạn của quyết định.",
            "The plan's year is not in the decision's period.",
            "Kế hoạch chỉ thực hiện quyết định trong giai đoạn của nó.",
            "A plan implements its decision only within the decision's period.",
            "year = 2026",
            "year = 2025"
        ),
        Code::UnknownItem => x!(
            "Một hoạt động thực hiện một hạng mục mà quyết định không có. Gợi ý nêu hạng mục gần nhất, khi đủ gần.",
            "An activity implements a decision item that the decision does not have. The help suggests the nearest item.",
            "Kết quả của hoạt động sẽ không được tính vào chỉ tiêu nào của quyết định.",
            "The activity's results would count towards no target of the decision.",
            "item = \"he-thog\"",
            "item = \"he-thong\""
        ),
        Code::UnknownActivity => x!(
            "Một mục tiến độ, hay một dòng kinh phí, ghi một hoạt động mà kế hoạch không có.",
            "A progress record, or a budget line, names an activity that the plan does not have.",
            "Kết quả hay khoản chi đó sẽ không được tính vào đâu.",
            "That result or payment would be counted nowhere.",
            "activity = \"hoi-thao-2019\"",
            "activity = \"hoi-thao\""
        ),
        Code::UnknownBudgetLine => x!(
            "Một khoản giải ngân ghi vào dòng kinh phí mà kinh phí của kế hoạch không có.",
            "A disbursement is recorded against a budget line that the plan's budget does not have.",
            "Khoản chi đó sẽ không được tính vào dòng nào của phụ lục.",
            "The payment would be counted in no line of the appendix.",
            "line = \"tap-huan\"",
            "line = \"dao-tao\""
        ),
        Code::UnknownAgency => x!(
            "Tên cơ quan (chủ trì, phối hợp, nơi nhận, cơ quan ban hành) không khớp mã, tên hay tên gọi khác nào của các cơ quan trong quyết định, kể cả khi bỏ qua chữ hoa, cách gõ dấu và khoảng trắng.",
            "An agency reference (lead, partner, recipient, issuer, report recipient) that matches no id, name or alias of the decision's agencies, even after folding case, Unicode form, tone placement and spacing.",
            "Báo cáo gửi đến, và việc được giao cho, đúng cơ quan có tên trong quyết định.",
            "Reports go to, and work is given to, the agencies the decision names.",
            "to = \"Sở Tư pháp\"",
            "[[agency]]          # trong tệp quyết định / in the decision file\nid = \"stp\"\nname = \"Sở Tư pháp\""
        ),
        Code::AmbiguousAgency => x!(
            "Hai cơ quan của một quyết định có tên hay tên gọi khác đọc giống nhau, nên một tên có thể chỉ cả hai.",
            "Two agencies of one decision have names or aliases that fold to the same text, so a reference could mean either.",
            "Không biết việc được giao cho cơ quan nào.",
            "No one can tell which agency the work is given to.",
            "name = \"Sở Y tế\"\n# …\nname = \"SỞ Y TẾ\"",
            "name = \"Sở Y tế\"\n# …\nname = \"Sở Tài chính\""
        ),
        Code::UnitMismatch => x!(
            "Một hoạt động tính bằng đơn vị khác với hạng mục của nó trong quyết định, nên các năm không cộng lại được.",
            "An activity counts in another unit than its decision item, so the years would not add up.",
            "Tổng cả giai đoạn cộng các năm lại; khác đơn vị thì tổng vô nghĩa.",
            "The period's totals add the years up; in different units the sum means nothing.",
            "unit = \"lớp\"",
            "unit = \"khóa\""
        ),
        Code::LeadMismatch => x!(
            "Một hoạt động do cơ quan khác với đơn vị chủ trì của quyết định chủ trì. Được phép, nhưng nên xem lại.",
            "An activity is led by another agency than the decision's lead. Allowed, but worth a look.",
            "Thường là chép nhầm từ kế hoạch khác.",
            "It is often copied by mistake from another plan.",
            "lead = \"Sở Tài chính\"",
            "lead = \"Sở Khoa học và Công nghệ\""
        ),
        Code::BudgetLinesSum => x!(
            "Các dòng kinh phí (phụ lục) không cộng lại bằng tổng kinh phí của kế hoạch. Thông báo nêu tổng các dòng, tổng kinh phí và chênh lệch.",
            "The budget lines (the appendix) do not add up to the plan's total. The message gives the sum, the total and the difference; the lines are marked.",
            "Phụ lục và tổng kinh phí được in cạnh nhau trong báo cáo; lệch nhau là sai số liệu.",
            "The appendix and the total are printed side by side; if they differ, the figures are wrong.",
            "total = 300_000_000\n# các dòng / the lines: 200_000_000 + 90_000_000",
            "total = 290_000_000"
        ),
        Code::AmountWordsMismatch => x!(
            "Số tiền bằng chữ đọc ra số khác với số tiền bằng số, hoặc không đọc được thành số. Gợi ý viết đúng số tiền bằng chữ. Mọi cách viết văn bản hành chính dùng đều được chấp nhận (xem docs/words.md).",
            "The amount in words reads as another number than the amount in figures, or does not read as a number. The help writes the amount correctly. Every variant that official documents use is accepted (see docs/words.md).",
            "Số tiền bằng chữ là căn cứ khi hai cách ghi khác nhau.",
            "The amount in words is what counts when the two differ.",
            "total = 1_500_000\nin-words = \"Một triệu rưỡi đồng\"",
            "total = 1_500_000\nin-words = \"Một triệu năm trăm nghìn đồng\""
        ),
        Code::BreakdownSum => x!(
            "Các phần của một hoạt động không cộng lại bằng chỉ tiêu của nó.",
            "The parts of an activity's breakdown do not add up to its target.",
            "Báo cáo tính tiến độ theo từng phần và theo chỉ tiêu; lệch nhau thì tỷ lệ sai.",
            "Reports count progress by part and against the target; if they differ, the percentages are wrong.",
            "target = 6\nbreakdown = { vang = 2, bac = 3 }",
            "target = 5\nbreakdown = { vang = 2, bac = 3 }"
        ),
        Code::Overspent => x!(
            "Số đã giải ngân vượt tổng kinh phí của kế hoạch, hoặc vượt số tiền của một dòng kinh phí. Chẩn đoán chỉ vào khoản chi làm vượt, tính theo thứ tự ngày.",
            "Disbursements exceed the plan's total, or a budget line's amount. The diagnostic points at the payment that passes the limit, counting in date order.",
            "Không thể chi nhiều hơn kinh phí được giao; thường là gõ nhầm số hoặc ghi trùng.",
            "No more can be paid than was budgeted; it is usually a typing mistake or an entry recorded twice.",
            "amount = \"50.000.000\"   # dòng chỉ có / the line has 40.000.000",
            "amount = \"40.000.000\""
        ),
        Code::OverTarget => x!(
            "Kết quả đạt vượt chỉ tiêu của hoạt động. Được phép, nhưng nên xem lại: có thể có mục bị ghi hai lần.",
            "Achievements exceed an activity's target. Allowed, but worth a look: something may be recorded twice.",
            "Vượt chỉ tiêu thường là do ghi trùng.",
            "Passing the target is often an entry recorded twice.",
            "quantity = 7   # chỉ tiêu / target 5",
            "quantity = 5"
        ),
        Code::DateOutsideYear => x!(
            "Một kết quả, mốc, khoản giải ngân, hạn hoạt động hay hạn báo cáo nằm ngoài năm của kế hoạch, hoặc ngoài kỳ số liệu của các báo cáo năm đó.",
            "An achievement, milestone, disbursement, activity due date or report due date lies outside the plan's year.",
            "Nó sẽ không được tính vào báo cáo nào của năm.",
            "It would be counted in no report of the year.",
            "date = 2020-01-15   # kế hoạch năm 2019 / the 2019 plan",
            "date = 2019-12-10"
        ),
        Code::DeadlineOrder => x!(
            "Hạn báo cáo 6 tháng đến sau hạn báo cáo năm.",
            "The half-year report is due after the annual one.",
            "Thường là đảo ngày và tháng khi gõ.",
            "It is usually day and month swapped when typing.",
            "half-year = \"12-15\"\nannual = \"06-15\"",
            "half-year = \"06-15\"\nannual = \"12-15\""
        ),
        Code::LateSubmission => x!(
            "Một báo cáo gửi vào hoặc sau ngày `due-before` (\"trước 30/6\" nghĩa là ngày cuối là 29/6).",
            "A report was sent on or after its due-before date (\"before 30/6\" means 29/6 is the last day).",
            "Báo cáo trễ hạn được nêu trong báo cáo tiến độ.",
            "A late report is shown as late in the progress report.",
            "date = 2019-06-30   # due-before = 2019-06-30",
            "date = 2019-06-28"
        ),
        Code::DuplicateYear => x!(
            "Hai kế hoạch cho cùng một năm theo một quyết định. Mỗi năm có một kế hoạch; phần kiểm tra cả giai đoạn tính kế hoạch đầu.",
            "Two plans for the same year under one decision. Each year has one plan; the checks over the period count the first.",
            "Tổng cả giai đoạn sẽ tính năm đó hai lần hoặc bỏ sót.",
            "The period's totals would count the year twice, or miss it.",
            "year = 2019   # trong hai tệp / in two files",
            "year = 2020   # trong tệp thứ hai / in the second file"
        ),
        Code::PeriodBudgetExceeded => x!(
            "Kinh phí các kế hoạch năm cộng lại vượt tổng kinh phí của quyết định (`budget`), hoặc kinh phí một năm vượt `budget-by-year` của năm đó.",
            "The yearly plans' budgets add up to more than the decision's envelope (`budget`), or one year's budget is more than the decision's `budget-by-year` for it. The diagnostic points at the total of the year that passes the limit, and marks the other years.",
            "Không thể chi nhiều hơn quyết định cho phép.",
            "No more can be spent than the decision allows.",
            "total = 700_000_000   # quyết định cho / the decision allows 600_000_000",
            "total = 600_000_000"
        ),
        Code::PeriodTargetExceeded => x!(
            "Chỉ tiêu các năm của một hạng mục cộng lại vượt chỉ tiêu cả giai đoạn. Được phép, nhưng nên xem lại.",
            "The yearly targets of a decision item add up to more than its period target. Allowed, but worth a look.",
            "Có thể các năm tính trùng một việc.",
            "The years may count the same work twice.",
            "target = 6   # các năm khác đã có 5 / the other years have 5, period target 10",
            "target = 5"
        ),
        Code::PeriodTargetShort => x!(
            "Kế hoạch năm cuối làm chỉ tiêu giai đoạn của một hạng mục không thể đạt: chỉ tiêu các năm, kể cả năm cuối, cộng lại ít hơn.",
            "The final year's plan leaves a decision item's period target unreachable: the yearly targets, its own included, add up to less.",
            "Đây là năm cuối để đạt chỉ tiêu của quyết định.",
            "It is the last year in which to reach the decision's target.",
            "target = 2   # các năm khác đã có 6 / the other years have 6, period target 10",
            "target = 4"
        ),
        Code::DuplicateVoucher => x!(
            "Một chứng từ có ở hai khoản giải ngân của kế hoạch, trong một hay nhiều tệp tiến độ: một chứng từ là một khoản chi, tính hai lần là gấp đôi số đã chi. Thường do chép tệp tiến độ để làm tệp tiếp theo.",
            "One voucher (chứng từ) on two disbursements of a plan, in one progress file or across several: one voucher is one payment, and counting it twice doubles what was spent. The usual cause is a progress file copied to start the next one. An error: the report would be wrong. The second occurrence is marked, the first is the secondary label.",
            "Báo cáo sẽ ghi số đã chi sai.",
            "The report would give the wrong amount spent.",
            "voucher = \"PC-012\"   # lần thứ hai / the second time",
            "voucher = \"PC-013\""
        ),
        Code::DuplicateSubmission => x!(
            "Cùng một báo cáo được ghi là đã gửi hai lần: cùng số báo cáo, hoặc cùng loại báo cáo trong cùng ngày, ở bất kỳ tệp tiến độ nào của kế hoạch.",
            "The same report recorded as sent twice: the same report number, or the same report kind on the same day, in any of the plan's progress files. An error.",
            "Danh sách báo cáo đã gửi sẽ sai.",
            "The list of reports sent would be wrong.",
            "number = \"15/BC-SKHCN\"   # hai lần / twice",
            "number = \"16/BC-SKHCN\""
        ),
        Code::DuplicateEntry => x!(
            "Một kết quả, khoản giải ngân hay mốc giống hệt một mục ở trên ở mọi mục ghi, trong cùng tệp hay tệp tiến độ khác của kế hoạch. Nó sẽ bị tính hai lần.",
            "An achievement, disbursement or milestone identical to an earlier one in every field (activity and part or line, date, quantity or amount, enterprise, detail, voucher), in the same or another progress file of the plan. It would be counted twice, so it is an error. Two real entries that look alike are told apart by a `voucher`, `enterprise` or `detail`.",
            "Số liệu báo cáo sẽ bị tính gấp đôi.",
            "The reported figures would be doubled.",
            "[[achievement]]   # lần thứ hai, giống hệt / the second, identical\nactivity = \"hoi-thao\"\ndate = 2019-05-10\nquantity = 1",
            "[[achievement]]\nactivity = \"hoi-thao\"\ndate = 2019-05-10\nquantity = 1\ndetail = \"đợt 2\""
        ),
        Code::PossibleDuplicate => x!(
            "Có thể trùng: một mục giống một mục ở trên ở mọi mục cả hai cùng ghi, và một bên ghi thêm chi tiết; hoặc một kết quả cho cùng hoạt động, doanh nghiệp và chi tiết ở ngày khác. Là cảnh báo.",
            "A near-duplicate, a warning: an entry identical to an earlier one in every field that both give, where one gives a detail the other lacks (a voucher added to a copy); or an achievement for the same activity, enterprise and detail as an earlier one on another date (the same certificate recorded when applied for and when granted). Entries that differ in a detail both give (two vouchers, two enterprises) are different entries and not reported.",
            "Nếu là cùng một mục thì số liệu bị tính hai lần.",
            "If it is the same entry, the figures count it twice.",
            "enterprise = \"Công ty A\"   # ghi lại ở ngày khác / again on another date",
            "enterprise = \"Công ty A\"\ndetail = \"chứng nhận thứ hai\""
        ),
        Code::LineActivityMismatch => x!(
            "Một khoản giải ngân ghi một hoạt động và một dòng kinh phí thuộc hoạt động khác: tiền không thể tính cho cả hai.",
            "A disbursement that names an activity and a budget line belonging to another activity: the money cannot be credited to both, and the by-line and by-activity tables would not reconcile. An error.",
            "Bảng theo dòng và bảng theo hoạt động sẽ không khớp nhau.",
            "The by-line and by-activity tables would not reconcile.",
            "activity = \"hoi-thao\"\nline = \"dao-tao\"",
            "activity = \"hoi-thao\"\nline = \"hoi-thao\""
        ),
        Code::SumOverflow => x!(
            "Một tổng vượt số lớn nhất mà công cụ đếm chính xác được (khoảng 7,9 × 10^28): gõ nhầm số chữ số.",
            "A sum of amounts, targets or quantities that passes the largest value the tool counts exactly (about 7,9 × 10^28): a typing mistake in the number of digits. The diagnostic points at the value whose addition overflows; reports are refused rather than printed with a wrong sum.",
            "Báo cáo bị từ chối thay vì in ra một tổng sai.",
            "Reports are refused rather than printed with a wrong sum.",
            "amount = \"79.000.000.000.000.000.000.000.000.000\"",
            "amount = \"79.000.000\""
        ),
        Code::TargetMissing => x!(
            "Một hoạt động có đơn vị tính nhưng không có chỉ tiêu: kế hoạch chưa xong, như khung do `plan new` tạo mà chỉ tiêu còn là chú thích.",
            "An activity with a unit but no target: a plan not finished, such as a `plan new` skeleton whose targets are still comments. A task with no number has no unit either. A warning, so `--deny-warnings` stops an unfinished plan in CI. The help gives the count the name writes, when it writes one.",
            "Không có chỉ tiêu thì không tính được tỷ lệ hoàn thành.",
            "Without a target, no percentage done can be given.",
            "name = \"Tổ chức 02 hội thảo\"\nunit = \"hội thảo\"",
            "name = \"Tổ chức 02 hội thảo\"\nunit = \"hội thảo\"\ntarget = 2"
        ),
        Code::NameCountMismatch => x!(
            "Số lượng ghi trong tên hoạt động trước đơn vị tính (`Tổ chức 02 đợt`) khác chỉ tiêu: một trong hai chưa được cập nhật.",
            "The count an activity's name writes before its unit (`Tổ chức 02 đợt`, `Hỗ trợ 04 doanh nghiệp`; several counts of the unit add up; counts in parentheses are the parts of the count before them) differs from its target: one of them was not updated. A warning.",
            "Tên được in trong báo cáo cạnh chỉ tiêu.",
            "The name is printed in the report beside the target.",
            "name = \"Tổ chức 02 đợt tập huấn\"\ntarget = 3",
            "name = \"Tổ chức 03 đợt tập huấn\"\ntarget = 3"
        ),
        Code::NameYearMismatch => x!(
            "Tên hoạt động ghi `năm YYYY` khác năm của kế hoạch: tên chép từ kế hoạch năm trước.",
            "An activity's name says `năm YYYY` for another year than the plan's: a name copied from last year's plan. An award of the year before is not flagged (the National Quality Award of one year is decided in the next: `giải thưởng … năm 2018` in the 2019 plan). A warning.",
            "Báo cáo năm nay sẽ in năm cũ.",
            "This year's report would print last year.",
            "name = \"Hội thảo năm 2018\"   # kế hoạch năm 2019 / the 2019 plan",
            "name = \"Hội thảo năm 2019\""
        ),
        Code::KindSymbolMismatch => x!(
            "Số của văn bản gốc mang ký hiệu của loại văn bản khác (Nghị định 30/2020/NĐ-CP, Phụ lục III): `33/KH-UBND` là số của một kế hoạch, `1186/QĐ-UBND` là số của một quyết định. Là cảnh báo: một tỉnh có thể đánh số theo cách riêng.",
            "The parent document's number carries the symbol of another kind of document (Decree 30/2020/NĐ-CP, Appendix III): `33/KH-UBND` is a kế hoạch's number, `1186/QĐ-UBND` a quyết định's. Every report names the parent by its kind (\"Kế hoạch số 33/KH-UBND\"), so the kind must be right: set `kind` in `[decision]`, or correct the number. A warning: a province may number its documents its own way.",
            "Mọi báo cáo gọi văn bản gốc theo loại của nó (\"Kế hoạch số 33/KH-UBND\"), nên loại phải đúng.",
            "Every report names the parent by its kind, so a wrong kind is printed in every report.",
            "[decision]\nkind = \"quyet-dinh\"\nnumber = \"33/KH-UBND\"",
            "[decision]\nkind = \"ke-hoach\"\nnumber = \"33/KH-UBND\""
        ),
        Code::SuspectMoneyUnit => x!(
            "Kinh phí của kế hoạch dưới 1.000.000 đồng: hầu như luôn là tổng ghi bằng triệu hay tỷ đồng (như các chương trình 2021–2025 ghi bảng của mình) nhưng được đọc là đồng. Ghi đơn vị bằng `money-unit` trong bảng; khi đó số tiền được giữ chính xác bằng đồng, và số tiền bằng chữ được đối chiếu với số đồng.",
            "A plan's budget under 1.000.000 đồng: almost always a total written in triệu or tỷ đồng (as the 2021–2025 programmes write their tables) read as đồng. Say the unit with `money-unit` in the table; the amounts are then kept exactly in đồng, and the amount in words is checked against the đồng value.",
            "Mọi số tiền trong báo cáo sẽ nhỏ đi một triệu lần.",
            "Every amount in the reports would be a million times too small.",
            "[budget]\ntotal = \"300\"",
            "[budget]\nmoney-unit = \"triệu đồng\"\ntotal = \"300\""
        ),
        Code::SupportCapExceeded => x!(
            "Một quy định hỗ trợ của hạng mục (`support = { rate, cap, per, basis }`, như nghị quyết của tỉnh: \"hỗ trợ 50 % kinh phí, tối đa 65 triệu đồng cho mỗi hệ thống\") giới hạn số tiền một doanh nghiệp được chi cho mỗi đơn vị. Các khoản giải ngân ghi `enterprise` được cộng theo hoạt động và doanh nghiệp, rồi so với mức tối đa nhân số đơn vị doanh nghiệp đạt được. Là cảnh báo: có thể kết quả chưa được ghi.",
            "A support rule on a decision item (`support = { rate, cap, per, basis }`, as a provincial resolution sets it: \"hỗ trợ 50 % kinh phí, tối đa 65 triệu đồng cho mỗi hệ thống\") caps what one enterprise is paid per unit. Disbursements that name an `enterprise` are added up per activity and enterprise across the plan's progress files, and compared with the cap times the units that enterprise achieved (its `[[achievement]]` quantities; one when none is recorded). The payment that passes the cap is marked. A warning: the units may not be recorded yet.",
            "Chi vượt mức hỗ trợ là chi sai quy định.",
            "A payment past the cap is a payment the rule does not allow.",
            "[[disbursement]]   # mức tối đa / the cap: 65.000.000 cho mỗi hệ thống\nenterprise = \"Công ty A\"\namount = \"150.000.000\"",
            "[[disbursement]]\nenterprise = \"Công ty A\"\namount = \"65.000.000\""
        ),
        Code::BudgetSourcesSum => x!(
            "Kinh phí chia theo nguồn (`by-source` trong `[budget]` của kế hoạch, `budget-by-source` trong `[decision]`: ngân sách nhà nước — `trung-uong`, `dia-phuong` hoặc `nha-nuoc` — phần đối ứng của doanh nghiệp `doanh-nghiep`, `khac`) phải cộng lại bằng tổng kinh phí, như bảng kinh phí của các chương trình (kế hoạch 2021–2025 của Lâm Đồng: 6.665 triệu từ ngân sách, 11.160 từ doanh nghiệp, tổng 17.825). Trong cả giai đoạn, số tiền các năm của mỗi nguồn cũng không được vượt mức của quyết định cho nguồn đó (`period-budget-exceeded`).",
            "A budget split by source of funds (`by-source` in a plan's `[budget]`, `budget-by-source` in `[decision]`: state budget — `trung-uong`, `dia-phuong` or `nha-nuoc` — enterprises' own contribution `doanh-nghiep`, `khac`) must add up to its total, as the programmes' tables do (the Lâm Đồng 2021–2025 envelope: 6.665 triệu from the state and 11.160 from enterprises, 17.825 in all). Over the period, each source's yearly amounts must also stay within the decision's amount for it (`period-budget-exceeded`).",
            "Nếu các nguồn không khớp tổng, báo cáo theo nguồn và báo cáo tổng sẽ nói hai số khác nhau.",
            "Sources that do not add up to the total make the report by source and the total say two different things.",
            "[budget]\ntotal = \"300.000.000\"\nby-source = { nha-nuoc = \"100.000.000\", doanh-nghiep = \"150.000.000\" }",
            "[budget]\ntotal = \"300.000.000\"\nby-source = { nha-nuoc = \"100.000.000\", doanh-nghiep = \"200.000.000\" }"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_explained_in_both_languages() {
        for &code in Code::ALL {
            let e = explain(code);
            for lang in Lang::ALL {
                assert!(!e.meaning(lang).is_empty() && !e.why(lang).is_empty(), "{code}");
            }
            assert_ne!(e.example, e.fixed, "{code}");
        }
    }

    #[test]
    fn a_mistyped_code_finds_its_neighbours() {
        assert_eq!(code_named("invalid-amount"), Some(Code::InvalidAmount));
        assert_eq!(code_named("invalid-amout"), None);
        assert_eq!(nearest_codes("invalid-amout").first(), Some(&Code::InvalidAmount));
    }
}
