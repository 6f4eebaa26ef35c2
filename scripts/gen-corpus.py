#!/usr/bin/env python3
"""Builds the benchmark corpora of docs/performance.md under OUT. Seeded: the same
arguments give the same bytes.

  gen-corpus.py OUT --activities N   one plan of N activities, N budget lines and a progress
                                     file of N achievements and N disbursements, beside its
                                     decision (the one-big-plan case; valid by construction)
  gen-corpus.py OUT --national       63 provinces, each a 2021-2025 decision, 5 yearly plans
                                     and 10 progress files (two a year); --scale K gives
                                     each plan K times the activities (1x, 2x, 4x, 8x)
  gen-corpus.py OUT --error-dense    junk/ (60 MB of lines that are not TOML) and
                                     agencies/ (60 MB of activities whose lead and partners
                                     the decision does not know), beside the real decision

The amounts in words come from `plan words` (PLAN, default target/release/plan), so the
valid corpora stay valid. Run from the repository root.
"""
import argparse
import os
import random
import shutil
import subprocess

PLAN_BIN = os.environ.get("PLAN", "target/release/plan")
AGENCIES = [
    ("so-khcn", "Sở Khoa học và Công nghệ", "Sở KH&CN"),
    ("so-ct", "Sở Công Thương", "SCT"),
    ("so-nn", "Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT"),
    ("so-kh", "Sở Kế hoạch và Đầu tư", "Sở KH&ĐT"),
    ("so-tc", "Sở Tài chính", "STC"),
    ("ubnd-tinh", "Ủy ban nhân dân tỉnh", "UBND tỉnh"),
]
ITEMS = [
    ("he-thong", "Xây dựng, áp dụng các hệ thống quản lý tiên tiến", "hệ thống"),
    ("cong-cu", "Áp dụng các công cụ cải tiến năng suất chất lượng", "công cụ"),
    ("tieu-chuan", "Xây dựng tiêu chuẩn cơ sở đối với các sản phẩm", "sản phẩm"),
    ("dao-tao", "Đào tạo, tập huấn về năng suất chất lượng", "lớp"),
]


def words(amount):
    out = subprocess.run([PLAN_BIN, "words", str(amount)], check=True, capture_output=True, text=True)
    return out.stdout.strip()


def dotted(n):
    return f"{n:,}".replace(",", ".")


def decision(province, period=(2021, 2025), budget_per_year=None):
    lines = [
        "[decision]",
        f'number = "{100 + province}/QĐ-UBND"',
        "date = 2020-12-15",
        f'title = "Nâng cao năng suất và chất lượng sản phẩm, hàng hóa của doanh nghiệp tỉnh số {province} giai đoạn {period[0]} - {period[1]}"',
        f"period = {{ from = {period[0]}, to = {period[1]} }}",
        'lead = "so-khcn"',
        'issuer = "ubnd-tinh"',
    ]
    for id_, name, alias in AGENCIES:
        lines += ["", "[[agency]]", f'id = "{id_}"', f'name = "{name}"', f'aliases = ["{alias}"]']
    for id_, name, unit in ITEMS:
        lines += ["", "[[item]]", f'id = "{id_}"', f'name = "{name}"', f'unit = "{unit}"']
    return "\n".join(lines) + "\n"


def plan(rng, province, year, activities, decision_file):
    amounts = [rng.randrange(10, 200) * 1_000_000 for _ in range(activities)]
    total = sum(amounts)
    out = [
        "[plan]",
        f'title = "Kế hoạch thực hiện dự án nâng cao năng suất và chất lượng năm {year}"',
        f"year = {year}",
        f'issuer = "Ủy ban nhân dân tỉnh"',
        f'decision = {{ number = "{100 + province}/QĐ-UBND", date = 2020-12-15, file = "{decision_file}" }}',
    ]
    for n in range(activities):
        item, _, unit = ITEMS[n % len(ITEMS)]
        lead = AGENCIES[0][2]
        partner = AGENCIES[(n + 1) % 4][1]
        out += [
            "",
            "[[activity]]",
            f'id = "hd-{n}"',
            f'item = "{item}"',
            f'section = "II.{n % 3 + 1}.a"',
            f'name = "Hoạt động số {n}: hỗ trợ doanh nghiệp {rng.choice(["xây dựng", "áp dụng", "đánh giá", "chứng nhận"])} {unit}"',
            f"target = {rng.randrange(2, 20)}",
            f'unit = "{unit}"',
            f'lead = "{lead}"',
            f'partners = ["{partner}"]',
        ]
    out += ["", "[budget]", f'total = "{dotted(total)}"', f'in-words = "{words(total)}"']
    for n, amount in enumerate(amounts):
        out += ["", "[[budget.line]]", f'id = "kp-{n}"', f'activity = "hd-{n}"', f'amount = "{dotted(amount)}"']
    out += [
        "",
        "[[report]]",
        'kind = "half-year"',
        f"due-before = {year}-06-30",
        'to = "UBND tỉnh"',
        "",
        "[[report]]",
        'kind = "annual"',
        f"due-before = {year}-12-15",
    ]
    return "\n".join(out) + "\n", amounts


def progress(rng, plan_file, year, half, amounts, activities):
    month = 5 if half == 1 else 11
    out = ["[progress]", f'plan = "{plan_file}"']
    for n in range(activities):
        out += [
            "",
            "[[achievement]]",
            f'activity = "hd-{n}"',
            f"date = {year}-{month:02}-{1 + n % 28:02}",
            "quantity = 1",
        ]
    for n in range(activities):
        out += [
            "",
            "[[disbursement]]",
            f'line = "kp-{n}"',
            f"date = {year}-{month:02}-{1 + n % 28:02}",
            f'amount = "{dotted(amounts[n] // 4)}"',
            f'voucher = "UNC-{year}-{half}-{n}"',
        ]
    report = "half-year" if half == 1 else "annual"
    due = f"{year}-06-20" if half == 1 else f"{year}-12-05"
    out += ["", "[[submission]]", f'report = "{report}"', f"date = {due}"]
    return "\n".join(out) + "\n"


def fresh(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def province_set(rng, d, province, activities, years):
    with open(os.path.join(d, "quyet-dinh.toml"), "w", encoding="utf-8") as f:
        f.write(decision(province))
    for year in years:
        name = f"ke-hoach-{year}.toml"
        text, amounts = plan(rng, province, year, activities, "quyet-dinh.toml")
        with open(os.path.join(d, name), "w", encoding="utf-8") as f:
            f.write(text)
        for half in (1, 2):
            with open(os.path.join(d, f"tien-do-{year}-{half}.toml"), "w", encoding="utf-8") as f:
                f.write(progress(rng, name, year, half, amounts, activities))


def error_dense(out, size):
    d = fresh(os.path.join(out, "junk"))
    with open(os.path.join(d, "plan.toml"), "w") as f:
        line = "this is not toml at all\n"
        f.write(line * (size // len(line)))
    d = fresh(os.path.join(out, "agencies"))
    shutil.copy("plans/quyet-dinh-1186-2016.toml", d)
    with open(os.path.join(d, "ke-hoach-2019.toml"), "w", encoding="utf-8") as f:
        f.write('[plan]\ntitle = "Kế hoạch năm 2019"\nyear = 2019\nissuer = "Ủy ban nhân dân tỉnh Tây Ninh"\n')
        f.write('decision = { number = "1186/QĐ-UBND", date = 2016-05-16, file = "quyet-dinh-1186-2016.toml" }\n')
        n = 0
        while f.tell() < size:
            partners = ", ".join(f'"Sở {n}-{k}"' for k in range(40))
            f.write(f'\n[[activity]]\nid = "a{n}"\nsection = "II.1.a"\nname = "Hoạt động {n}"\n')
            f.write(f'lead = "Sở Không Có {n}"\npartners = [{partners}]\n')
            n += 1


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out")
    p.add_argument("--activities", type=int)
    p.add_argument("--national", action="store_true")
    p.add_argument("--scale", type=int, default=1)
    p.add_argument("--error-dense", action="store_true")
    p.add_argument("--size", type=int, default=60_000_000, help="bytes of each error-dense file")
    p.add_argument("--seed", type=int, default=2021)
    a = p.parse_args()
    rng = random.Random(a.seed)
    if a.activities:
        province_set(rng, fresh(a.out), 1, a.activities, [2021])
    if a.national:
        out = fresh(a.out)
        for province in range(1, 64):
            d = fresh(os.path.join(out, f"tinh-{province:02}"))
            province_set(rng, d, province, 40 * a.scale, range(2021, 2026))
    if a.error_dense:
        error_dense(a.out, a.size)


if __name__ == "__main__":
    main()
