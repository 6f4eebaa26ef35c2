#!/usr/bin/env python3
"""Writes docs/diagnostics.md from the fixtures and their snapshots, so that the example
of each code is the one the tests check. Run from the repository root after changing a
fixture or a message: python3 scripts/gen-diagnostics-doc.py"""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODES = re.findall(r'^\s+\w+ = "([a-z-]+)", (Error|Warning);', (ROOT / "src/diag/mod.rs").read_text(), re.M)

WHAT = {
    "toml-syntax": "The file is not valid TOML. The position comes from the TOML parser; every syntax error of the file is listed, and the file is checked no further until it parses.",
    "unreadable-file": "The file cannot be read as text: it is not UTF-8 (saved in a legacy code page such as Windows-1258), or it is larger than 64 MiB.",
    "unknown-kind": "The file has none, or more than one, of the top-level tables `[decision]`, `[plan]`, `[progress]`; an empty file is one case of this.",
    "unknown-key": "A key the format does not have, usually a typo. The help suggests the nearest key of that table.",
    "missing-key": "A required key is absent. The diagnostic points at the table that lacks it.",
    "wrong-type": "A value of the wrong TOML type: a string where a number goes, a number where a string goes.",
    "invalid-value": "A value of the right type that is not allowed: a report kind that does not exist, an identifier that is not ASCII kebab-case, a year that is not a year, a period that ends before it starts.",
    "invalid-amount": "An amount or count that cannot be read exactly: a TOML float, a negative amount, misplaced group separators, spaces or full-width digits, overflow, a zero budget total or disbursement.",
    "invalid-date": "Not a date, or a day that does not exist: a date in quotes, a date with a time, 2019-02-29.",
    "duplicate-id": "Two activities, items, agencies or budget lines with the same id.",
    "unresolved-file": "A `decision.file` or `progress.plan` that leads to no file, or to a file of the wrong kind.",
    "decision-mismatch": "The plan cites its decision with a number or date that the decision file does not have.",
    "year-outside-period": "The plan's year is not in the decision's period.",
    "unknown-item": "An activity implements a decision item that the decision does not have. The help suggests the nearest item.",
    "unknown-activity": "A progress record, or a budget line, names an activity that the plan does not have.",
    "unknown-budget-line": "A disbursement is recorded against a budget line that the plan's budget does not have.",
    "unknown-agency": "An agency reference (lead, partner, recipient, issuer, report recipient) that matches no id, name or alias of the decision's agencies, even after folding case, Unicode form, tone placement and spacing.",
    "ambiguous-agency": "Two agencies of one decision have names or aliases that fold to the same text, so a reference could mean either.",
    "unit-mismatch": "An activity counts in another unit than its decision item, so the years would not add up.",
    "lead-mismatch": "An activity is led by another agency than the decision's lead. Allowed, but worth a look.",
    "budget-lines-sum": "The budget lines (the appendix) do not add up to the plan's total. The message gives the sum, the total and the difference; the lines are marked.",
    "amount-words-mismatch": "The amount in words reads as another number than the amount in figures, or does not read as a number. The help writes the amount correctly. Every variant that official documents use is accepted (see docs/words.md).",
    "breakdown-sum": "The parts of an activity's breakdown do not add up to its target.",
    "overspent": "Disbursements exceed the plan's total, or a budget line's amount. The diagnostic points at the payment that passes the limit, counting in date order.",
    "over-target": "Achievements exceed an activity's target. Allowed, but worth a look: something may be recorded twice.",
    "date-outside-year": "An achievement, milestone, disbursement, activity due date or report due date lies outside the plan's year.",
    "deadline-order": "The half-year report is due after the annual one.",
    "duplicate-year": "Two plans for the same year under one decision. Each year has one plan; the checks over the period count the first.",
    "period-budget-exceeded": "The yearly plans' budgets add up to more than the decision's envelope (`budget`), or one year's budget is more than the decision's `budget-by-year` for it. The diagnostic points at the total of the year that passes the limit, and marks the other years.",
    "period-target-exceeded": "The yearly targets of a decision item add up to more than its period target. Allowed, but worth a look.",
    "period-target-short": "The final year's plan leaves a decision item's period target unreachable: the yearly targets, its own included, add up to less.",
    "late-submission": "A report was sent on or after its due-before date (\"before 30/6\" means 29/6 is the last day).",
    "duplicate-voucher": "One voucher (chứng từ) on two disbursements of a plan, in one progress file or across several: one voucher is one payment, and counting it twice doubles what was spent. The usual cause is a progress file copied to start the next one. An error: the report would be wrong. The second occurrence is marked, the first is the secondary label.",
    "duplicate-submission": "The same report recorded as sent twice: the same report number, or the same report kind on the same day, in any of the plan's progress files. An error.",
    "duplicate-entry": "An achievement, disbursement or milestone identical to an earlier one in every field (activity and part or line, date, quantity or amount, enterprise, detail, voucher), in the same or another progress file of the plan. It would be counted twice, so it is an error. Two real entries that look alike are told apart by a `voucher`, `enterprise` or `detail`.",
    "possible-duplicate": "A near-duplicate, a warning: an entry identical to an earlier one in every field that both give, where one gives a detail the other lacks (a voucher added to a copy); or an achievement for the same activity, enterprise and detail as an earlier one on another date (the same certificate recorded when applied for and when granted). Entries that differ in a detail both give (two vouchers, two enterprises) are different entries and not reported.",
    "line-activity-mismatch": "A disbursement that names an activity and a budget line belonging to another activity: the money cannot be credited to both, and the by-line and by-activity tables would not reconcile. An error.",
    "sum-overflow": "A sum of amounts, targets or quantities that passes the largest value the tool counts exactly (about 7,9 × 10^28): a typing mistake in the number of digits. The diagnostic points at the value whose addition overflows; reports are refused rather than printed with a wrong sum.",
    "kind-symbol-mismatch": "The parent document's number carries the symbol of another kind of document (Decree 30/2020/NĐ-CP, Appendix III): `33/KH-UBND` is a kế hoạch's number, `1186/QĐ-UBND` a quyết định's. Every report names the parent by its kind (\"Kế hoạch số 33/KH-UBND\"), so the kind must be right: set `kind` in `[decision]`, or correct the number. A warning: a province may number its documents its own way.",
    "suspect-money-unit": "A plan's budget under 1.000.000 đồng: almost always a total written in triệu or tỷ đồng (as the 2021–2025 programmes write their tables) read as đồng. Say the unit with `money-unit` in the table; the amounts are then kept exactly in đồng, and the amount in words is checked against the đồng value.",
    "support-cap-exceeded": "A support rule on a decision item (`support = { rate, cap, per, basis }`, as a provincial resolution sets it: \"hỗ trợ 50 % kinh phí, tối đa 65 triệu đồng cho mỗi hệ thống\") caps what one enterprise is paid per unit. Disbursements that name an `enterprise` are added up per activity and enterprise across the plan's progress files, and compared with the cap times the units that enterprise achieved (its `[[achievement]]` quantities; one when none is recorded). The payment that passes the cap is marked. A warning: the units may not be recorded yet.",
    "target-missing": "An activity with a unit but no target: a plan not finished, such as a `plan new` skeleton whose targets are still comments. A task with no number has no unit either. A warning, so `--deny-warnings` stops an unfinished plan in CI. The help gives the count the name writes, when it writes one.",
    "name-count-mismatch": "The count an activity's name writes before its unit (`Tổ chức 02 đợt`, `Hỗ trợ 04 doanh nghiệp`; several counts of the unit add up; counts in parentheses are the parts of the count before them) differs from its target: one of them was not updated. A warning.",
    "name-year-mismatch": "An activity's name says `năm YYYY` for another year than the plan's: a name copied from last year's plan. An award of the year before is not flagged (the National Quality Award of one year is decided in the next: `giải thưởng … năm 2018` in the 2019 plan). A warning.",
}

def example(code):
    d = ROOT / "tests/fixtures/invalid" / code
    code_, place = (d / "expected.txt").read_text().split()
    file, line = place.split(":")
    line = int(line)
    raw = (d / file).read_bytes()
    text = raw.decode("utf-8", "replace").split("\n")
    lo, hi = max(1, line - 3), min(len(text), line + 2)
    snippet = "\n".join(text[lo - 1:hi])
    first = re.sub(r"^#\s*Fixture for `[a-z-]+`:\s*", "", text[0]).strip()
    return file, first, snippet

def output(code):
    snap = (ROOT / f"tests/snapshots/invalid-{code}.snap").read_text()
    return snap.split("---\n", 2)[2].rstrip("\n")

out = ["# Diagnostics", "",
"Every problem `plan check` finds is a diagnostic with a stable kebab-case **code**, a",
"**severity** (error or warning), a message, the place it points at (file, line, column),",
"related places (what it contradicts), and a help line that says what to do. All of a run's",
"diagnostics are reported together: one bad key does not hide the next.",
"",
"Errors make `plan check` exit 1; warnings do not, unless `--deny-warnings` is given.",
"",
"This page is generated by `scripts/gen-diagnostics-doc.py` from `tests/fixtures/invalid/`",
"and the snapshots the tests check: each example below is a fixture, and each output is",
"exactly what the tool prints for it.",
"",
'## Output formats',
'',
'`--format human` (the default) writes rustc-style diagnostics to **stderr**, followed by a',
'summary line (`checked 3 files: 1 error, 0 warnings`). Colour is used only on a terminal,',
'unless `--color always`; `--color never` and a non-empty `NO_COLOR` turn it off.',
'',
'`--format json` writes one document to **stdout** (and nothing to stderr but the `plan: error:` lines of files that could not be read, which the document carries too):',
'',
'```json',
'{',
'  "format": "plan-check/1",',
'  "files": 3, "errors": 1, "warnings": 0,',
'  "diagnostics": [',
'    {',
'      "code": "budget-lines-sum",',
'      "severity": "error",',
'      "message": "the budget lines add up to `290.000.000`, less than the total `300.000.000` by `10.000.000`",',
'      "file": "plans/plan.toml", "line": 22, "column": 9, "end_line": 22, "end_column": 22,',
'      "label": "the total",',
'      "help": "correct a line or the total: the appendix must add up to the plan\'s budget",',
'      "related": [ { "file": "plans/plan.toml", "line": 28, "column": 10, "end_line": 28, "end_column": 23, "message": "`200.000.000`" } ]',
'    }',
'  ]',
'}',
'```',
'',
'| field | meaning |',
'|---|---|',
'| `format` | `plan-check/1`; changes only if a field changes meaning |',
'| `files`, `errors`, `warnings` | counts for the run |',
'| `unreadable` | only when a file could not be read at all (not a regular file, no permission, vanished): one message each, as on stderr. Each counts in `errors`, and the exit status is 2 |',
'| `suppressed` | only when the per-file cap left diagnostics out (below): one entry per file and code, `{ "file", "code", "severity", "count" }`. Each one left out counts in `errors` or `warnings` |',
'| `code`, `severity` | the code (below) and `error` or `warning` |',
'| `message` | what is wrong, lowercase, values in backticks |',
'| `file`, `line`, `column`, `end_line`, `end_column` | where: 1-based; columns count characters; the end column is exclusive |',
'| `label` | the short note under the marked text (may be empty) |',
'| `help` | what to do (may be `null`) |',
'| `related` | other places involved, each with a position and a `message` |',
'',
'`--format github` writes one GitHub Actions workflow command per diagnostic to **stdout**:',
'`::error file=PATH,line=L,col=C,endLine=…,endColumn=…,title=CODE::message%0Ahelp: …`',
'(or `::warning`), with `%`, CR, LF, and in properties `:` and `,`, escaped as GitHub requires.',
'',
'`--format sarif` writes one [SARIF 2.1.0](https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html)',
'log to **stdout**, for GitHub code scanning (`github/codeql-action/upload-sarif`, see',
'[`ci.md`](ci.md)) and SARIF viewers: one run whose tool `plan` lists every code below as a',
'rule (`id` the code, its description the "catches" cell of the table below, its help a link',
"to the code's section here, its default level its severity), and one result per diagnostic:",
'`ruleId`, `level` (`error` or `warning`), the message with its help line, the place as an',
'artifact URI relative to `SRCROOT` (the directory `plan check` ran in; an absolute path',
'becomes a `file://` URI; bytes other than unreserved ones and `/` percent-encoded) and a',
'region (`startLine`, `startColumn`, `endLine`, `endColumn`, 1-based, columns in characters:',
'`columnKind` is `unicodeCodePoints`; the end column is exclusive), the label as the',
"location's message, and the other places as `relatedLocations`. The log is checked in the",
'tests against the OASIS schema.',
'',
'### At most 50 of one code per file',
'',
'A file that repeats one mistake (60 MB of junk lines, a million unknown agency names) would',
'print it millions of times. So each format shows the first **50** diagnostics of each code in',
'each file (by position), and says once per file and code how many more there are; the totals',
'count every one, shown or not, and the exit status is the same:',
'',
"- human: after the file's diagnostics, `note[CODE]: FILE: N more of this kind are not shown:",
'  at most 50 CODE errors are shown per file`, and the summary ends `(N not shown: at most 50',
'  of one code per file)`;',
'- JSON: `suppressed` (above);',
"- GitHub: a `::notice file=FILE,title=CODE::N more of this kind …` after the file's lines;",
"- SARIF: one `toolExecutionNotifications` entry per file and code in the run's invocation,",
'  level `note`, `descriptor.id` the code, the count in `properties.notShown`.',
'',
'A file past 2 MiB whose first MiB already has more than 100 syntax errors is counted chunk by',
'chunk, each cut at a line end, so that its errors are never all held at once; the count is',
"that of the chunks (a multi-line string or array cut by a chunk's end may count one error",
'more or less than a parse of the whole).',
'',
"## Codes", "",
"| code | severity | catches |", "|---|---|---|"]
for code, sev in CODES:
    out.append(f"| [`{code}`](#{code}) | {sev.lower()} | {WHAT[code].split('. ')[0].rstrip('.')} |")
for code, sev in CODES:
    file, first, snippet = example(code)
    out += ["", f"## `{code}`", "", f"**{sev.lower()}** — {WHAT[code]}", "",
            f"Example — {first}, in `{file}`:", "",
            "```toml", snippet, "```", "", "Output:", "", "```text", output(code), "```"]
(ROOT / "docs/diagnostics.md").write_text("\n".join(out) + "\n")
print(f"wrote docs/diagnostics.md: {len(CODES)} codes")
