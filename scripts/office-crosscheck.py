#!/usr/bin/env python3
"""Cross-checks the .docx and .xlsx reports with python-docx and openpyxl, readers written
by others than the Rust ones the tests use: every figure against `--format json`, to the đồng.

    python3 scripts/office-crosscheck.py target/release/plan
"""
import io
import json
import subprocess
import sys
from decimal import Decimal

import docx
import openpyxl

CASES = [
    ["plans/ke-hoach-2019.toml", "--half-year"],
    ["examples/nang-suat-chat-luong/ke-hoach-2022.toml", "--annual"],
]


def run(plan, args):
    return subprocess.run([plan, "report", *args], check=True, capture_output=True).stdout


def figure(text):
    return None if text == "—" else Decimal(text.replace(".", "").replace(",", "."))


def dec(value):
    return None if value is None else Decimal(value)


def main(plan):
    compared = 0
    for case in CASES:
        report = json.loads(run(plan, case + ["--format", "json"]))
        document = docx.Document(io.BytesIO(run(plan, case + ["--format", "docx"])))
        section = document.sections[0]
        assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297, case
        assert round(section.left_margin.mm) == 30 and round(section.right_margin.mm) == 15, case
        # Section I: an item per activity under the plan's numbering, a line per result.
        paras = [p.text for p in document.paragraphs]
        for want in report["progress"]:
            head = f"{want['section']}. {want['name'].strip().rstrip('.')}: " if want["section"] else None
            assert head is None or any(p.startswith(head) for p in paras), (case, head)
            for entry in want["entries"]:
                what = ": ".join(x.strip().rstrip(".") for x in [entry["enterprise"], entry["detail"]] if x)
                assert any(p.startswith(f"+ {what} (") for p in paras), (case, what)
                compared += 1
        targets = document.tables[1]
        for row, want in zip(targets.rows[1:], report["progress"]):
            cells = [c.text for c in row.cells]
            assert figure(cells[3]) == dec(want["target"]), (case, cells)
            assert figure(cells[5]) == dec(want["percent"]), (case, cells)
            compared += 2
        budget = report["budget"]
        rows = budget["lines"] or budget["activities"]
        if rows:
            total = [c.text for c in document.tables[2].rows[-1].cells]
            assert total[0] == "Tổng cộng"
            for cell, key in zip(total[1:4], ["total", "disbursed", "remaining"]):
                assert figure(cell) == Decimal(budget[key]), (case, total)
                compared += 1

        book = openpyxl.load_workbook(io.BytesIO(run(plan, case + ["--format", "xlsx"])), data_only=True)
        sheet = book["Tiến độ"]
        assert sheet.freeze_panes == "A5", sheet.freeze_panes
        assert sheet.page_setup.orientation == "landscape" and str(sheet.page_setup.paperSize) == "9"
        for n, want in enumerate(report["progress"], start=5):
            target = sheet.cell(n, 5).value
            assert (None if target is None else Decimal(str(target))) == dec(want["target"]), (case, n)
            assert sheet.cell(n, 7).number_format in ("0.0%", "General") or sheet.cell(n, 7).value is None
            compared += 1
        if rows:
            sheet = book["Phụ lục kinh phí"]
            total_row = 5 + len(budget["lines"])
            assert sheet.cell(total_row, 1).value == "Tổng cộng"
            assert Decimal(str(sheet.cell(total_row, 3).value)) == Decimal(budget["disbursed"]), case
            assert sheet.cell(total_row, 3).number_format == "#,##0"
            compared += 1
    compared += period(plan)
    compared += family(plan)
    print(f"office cross-check: {compared} figures equal in python-docx and openpyxl")


PERIOD = ["--period", "examples/nang-suat-chat-luong", "--as-of", "2023-10-31"]


def period(plan):
    """The period roll-up: its .docx tables and its .xlsx sheets against its JSON."""
    compared = 0
    report = json.loads(run(plan, PERIOD + ["--format", "json"]))
    document = docx.Document(io.BytesIO(run(plan, PERIOD + ["--format", "docx"])))
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.left_margin.mm) == 30
    items = document.tables[1]
    assert len(items.rows) == len(report["items"]) + 1
    for row, want in zip(items.rows[1:], report["items"]):
        cells = [c.text for c in row.cells]
        assert cells[0] == want["name"].strip(), cells
        years = [dec(y["target"]) for y in want["years"]]
        assert [figure(c) for c in cells[3:3 + len(years)]] == years, cells
        tail = cells[3 + len(years):]
        assert [figure(c) for c in tail] == [dec(want["planned"]), dec(want["achieved"]), dec(want["percent"])], cells
        compared += len(years) + 4
    budget = report["budget"]
    table = document.tables[2]
    for row, want in zip(table.rows[1:], budget["years"]):
        cells = [c.text for c in row.cells]
        assert [figure(c) for c in cells[1:]] == [dec(want["allowed"]), dec(want["total"]), dec(want["disbursed"])], cells
        compared += 3
    total = [c.text for c in table.rows[-1].cells]
    assert total[0] == "Cả giai đoạn"
    assert [figure(c) for c in total[1:]] == [dec(budget["envelope"]), dec(budget["total"]), dec(budget["disbursed"])]
    compared += 3

    book = openpyxl.load_workbook(io.BytesIO(run(plan, PERIOD + ["--format", "xlsx"])), data_only=True)
    assert book.sheetnames == ["Chỉ tiêu", "Kinh phí theo năm", "Báo cáo đã gửi"], book.sheetnames
    sheet = book["Chỉ tiêu"]
    assert sheet.freeze_panes == "A5", sheet.freeze_panes
    for n, want in enumerate(report["items"], start=5):
        assert sheet.cell(n, 1).value == want["name"].strip()
        for col, year in enumerate(want["years"], start=4):
            value = sheet.cell(n, col).value
            assert (None if value is None else Decimal(str(value))) == dec(year["target"]), (n, col)
            compared += 1
    sheet = book["Kinh phí theo năm"]
    total_row = 5 + len(budget["years"])
    assert sheet.cell(total_row, 1).value == "Cả giai đoạn"
    assert Decimal(str(sheet.cell(total_row, 4).value)) == Decimal(budget["disbursed"])
    assert sheet.cell(total_row, 4).number_format == "#,##0"
    compared += 1
    return compared


FAMILY = "examples/chuong-trinh-2021-2025"
FAMILY_CASES = [
    [f"{FAMILY}/ke-hoach-2022.toml", "--annual"],
    [f"{FAMILY}/ke-hoach-2023.toml", "--half-year"],
    [f"{FAMILY}/ke-hoach-2022.toml", "--annual", "--money-unit", "tỷ"],
]
FACTORS = {"đồng": 1, "nghìn đồng": 1000, "triệu đồng": 1000000, "tỷ đồng": 1000000000}


def vi(value):
    """A decimal in Vietnamese notation: `1.000`, `0,065`."""
    whole, _, frac = f"{value.normalize():f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{grouped},{frac}" if frac else grouped


def least(text):
    """`≥ 70` as (70, True); a figure as (it, False); a dash as (None, False)."""
    text = "" if text is None else str(text)
    if text.startswith("≥"):
        return figure(text[1:].strip()), True
    return (None, False) if text in ("", "—") else (figure(text), False)


def family(plan):
    """The programme example in triệu đồng: every figure by source, in the Word tables and
    the Excel appendix, against the JSON (in đồng) divided by the unit, to the đồng."""
    compared = 0
    for case in FAMILY_CASES:
        report = json.loads(run(plan, case + ["--format", "json"]))
        unit = report["money_unit"]
        factor = Decimal(FACTORS[unit])
        in_unit = lambda v: None if v is None else Decimal(v) / factor
        budget = report["budget"]
        assert budget["by_source"], case
        document = docx.Document(io.BytesIO(run(plan, case + ["--format", "docx"])))
        paras = [p.text for p in document.paragraphs]
        assert any(p == f"Bảng 3. Kinh phí theo nguồn ({unit})" for p in paras), (case, unit)
        at = paras.index("Mức hỗ trợ theo quy định:")
        cap = vi(Decimal(report["progress"][1]["support"]["cap"]) / factor)
        assert paras[at + 1].endswith(f"tối đa {cap} {unit}/hệ thống (Nghị quyết số 08/2021/NQ-HĐND)."), paras[at + 1]
        compared += 1
        total = [c.text for c in document.tables[2].rows[-1].cells]
        assert [figure(c) for c in total[1:4]] == [in_unit(budget[k]) for k in ["total", "disbursed", "remaining"]], total
        compared += 3
        sources = document.tables[3]
        assert [c.text for c in sources.rows[0].cells][:4] == ["Nguồn kinh phí", "Kinh phí", "Đã giải ngân", "Còn lại"]
        assert len(sources.rows) == len(budget["by_source"]) + 1, case
        for row, want in zip(sources.rows[1:], budget["by_source"]):
            cells = [c.text for c in row.cells]
            assert cells[0] == want["name"], cells
            assert figure(cells[1]) == in_unit(want["amount"]), cells
            assert least(cells[2]) == (in_unit(want["disbursed"]), want["disbursed_partial"]), cells
            assert figure(cells[3]) == in_unit(want["remaining"]), cells
            compared += 3
        book = openpyxl.load_workbook(io.BytesIO(run(plan, case + ["--format", "xlsx"])), data_only=True)
        sheet = book["Phụ lục nguồn kinh phí"]
        assert sheet.cell(1, 1).value == f"Phụ lục: kinh phí theo nguồn ({unit})"
        for n, want in enumerate(budget["by_source"], start=5):
            assert sheet.cell(n, 1).value == want["name"]
            value = lambda col: None if sheet.cell(n, col).value is None else Decimal(str(sheet.cell(n, col).value))
            assert value(2) == in_unit(want["amount"]), (case, n)
            paid = sheet.cell(n, 3).value
            got = least(paid) if isinstance(paid, str) or paid is None else (Decimal(str(paid)), False)
            assert got == (in_unit(want["disbursed"]), want["disbursed_partial"]), (case, n, paid)
            assert value(4) == in_unit(want["remaining"]), (case, n)
            compared += 3
        progress = book["Tiến độ"]
        assert progress.cell(4, 10).value == "Mức hỗ trợ"
    report = json.loads(run(plan, ["--period", FAMILY, "--as-of", "2023-06-30", "--format", "json"]))
    factor = Decimal(FACTORS[report["money_unit"]])
    in_unit = lambda v: None if v is None else Decimal(v) / factor
    document = docx.Document(io.BytesIO(run(plan, ["--period", FAMILY, "--as-of", "2023-06-30", "--format", "docx"])))
    rows = report["budget"]["by_source"]
    for row, want in zip(document.tables[3].rows[1:], rows):
        cells = [c.text for c in row.cells]
        assert cells[0] == want["name"], cells
        assert figure(cells[1]) == in_unit(want["envelope"]), cells
        assert least(cells[2]) == (in_unit(want["planned"]), want["planned_partial"]), cells
        assert least(cells[3]) == (in_unit(want["disbursed"]), want["disbursed_partial"]), cells
        compared += 3
    book = openpyxl.load_workbook(
        io.BytesIO(run(plan, ["--period", FAMILY, "--as-of", "2023-06-30", "--format", "xlsx"])), data_only=True
    )
    sheet = book["Kinh phí theo năm"]
    assert sheet.cell(1, 1).value == f"Kinh phí theo năm ({report['money_unit']})"
    header = next(r for r in range(1, 40) if sheet.cell(r, 1).value == "Nguồn kinh phí")
    for n, want in enumerate(rows, start=header + 1):
        assert sheet.cell(n, 1).value == want["name"]
        assert Decimal(str(sheet.cell(n, 2).value)) == in_unit(want["envelope"]), n
        for col, key in [(3, "planned"), (4, "disbursed")]:
            value = sheet.cell(n, col).value
            got = least(value) if isinstance(value, str) or value is None else (Decimal(str(value)), False)
            assert got == (in_unit(want[key]), want[f"{key}_partial"]), (n, col, value)
        compared += 3
    return compared


if __name__ == "__main__":
    main(sys.argv[1])
