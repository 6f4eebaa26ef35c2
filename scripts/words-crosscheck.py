#!/usr/bin/env python3
"""Cross-check `plan words` against an independent implementation, num2words (lang="vi").

For a deterministic set of values (0..1100, round numbers d*10^k, 10^k-1 and 10^k+1, and a
seeded random sample below 10^15), it compares

  (a) the writer: `plan words N --bare` against num2words' text, and
  (b) the reader: `plan words N --check "<num2words text>"`, which must read back as N,

and sorts every difference into a named category. Categories that docs/words.md explains
(style choices and known num2words quirks) count as passed; anything else is a failure.
The last line is `N passed, N failed`, counting (a) and (b) for each value; the exit status
is 1 when anything failed.

Usage: scripts/words-crosscheck.py [PATH-TO-plan]
The binary is the argument, else $PLAN_BIN, else target/debug/plan (under $CARGO_TARGET_DIR
if set), which is built first with `cargo build`. Needs `pip install num2words`; the script
installs it with pip if it is missing.
"""

import os
import random
import subprocess
import sys
import unicodedata
from concurrent.futures import ThreadPoolExecutor

try:
    from num2words import num2words
except ImportError:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "num2words"], check=True)
    from num2words import num2words

SEED = 20240501
SCALES = {"nghìn", "triệu", "tỷ"}

# (a) categories, in the order they are tried; all but "unexplained" are documented.
A_IDENTICAL = "identical"
A_FLOAT = "num2words rounds through a float above 2^53 (formats with '%.2f')"
A_ENGLISH = "num2words has no Vietnamese scale from 10^18 (writes 'Quintillion')"
A_TRAM_NGHIN_TY = "num2words names 10^15 'trăm nghìn tỷ' (that is 10^14)"
A_LE = "style: num2words writes 'lẻ' where our default writes 'linh'"
A_KHONG_TRAM = "num2words leaves out 'không trăm' (and writes 'lẻ' right after a scale)"
A_PER_GROUP = "num2words names each group above 10^12 ('một nghìn tỷ hai trăm tỷ')"
UNEXPLAINED = "unexplained"

# (b) categories.
B_OK = "reads back as N"
B_FLOAT = "num2words' text is for float(N) (10^15 bug mended); reads as that number"
B_ENGLISH = "refused: num2words' English scale names are not Vietnamese"
B_TRAM_NGHIN_TY = "num2words' 10^15 bug; with 'triệu tỷ' for 'trăm nghìn tỷ' reads as N"


def binary():
    if len(sys.argv) > 1:
        return sys.argv[1]
    if os.environ.get("PLAN_BIN"):
        return os.environ["PLAN_BIN"]
    target = os.environ.get("CARGO_TARGET_DIR", "target")
    subprocess.run(["cargo", "build", "--quiet", "--bin", "plan"], check=True)
    return os.path.join(target, "debug", "plan")


def values():
    """The values checked: deterministic, a few thousand."""
    vals = set(range(0, 1101))
    for k in range(0, 21):
        vals.update(d * 10**k for d in range(1, 10))
    for k in range(1, 21):
        vals.update((10**k - 1, 10**k + 1))
    rng = random.Random(SEED)
    for _ in range(2000):
        digits = rng.randint(1, 15)
        vals.add(rng.randint(10 ** (digits - 1), 10**digits - 1))
    for _ in range(500):
        groups = [rng.choice([0, 0, rng.randint(1, 9), rng.randint(1, 999)]) for _ in range(5)]
        vals.add(int("".join(f"{g:03}" for g in groups)))
    return sorted(vals)


def norm(text):
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def full_groups(words):
    """Writes num2words' short groups in full, as ours: every group after the first gets its
    'không trăm' back ('một nghìn lẻ một' -> 'một nghìn không trăm linh một', 'một triệu
    năm nghìn' -> 'một triệu không trăm linh năm nghìn')."""
    out, group, seen = [], [], False

    def flush():
        nonlocal seen
        if group and seen and "trăm" not in group:
            if group[0] == "linh":
                del group[0]
            lone_digit = len(group) == 1 and group[0] != "mười"
            group[:0] = ["không", "trăm"] + (["linh"] if lone_digit else [])
        seen = seen or bool(group)
        out.extend(group)
        group.clear()

    for word in words:
        if word in SCALES:
            flush()
            out.append(word)
        else:
            group.append(word)
    flush()
    return out


def count_billions(words):
    """Turns num2words' 'X nghìn tỷ Y tỷ' into the count-of-tỷ form 'X nghìn Y tỷ'."""
    out = list(words)
    for i in range(len(out) - 1):
        if out[i : i + 2] == ["nghìn", "tỷ"] and "tỷ" in out[i + 2 :]:
            out[i + 1] = None
    return [w for w in out if w is not None]


def classify_writer(n, ours, theirs):
    """Names the difference between our words and num2words' for n. Each step rewrites
    num2words' text towards ours by one documented rule, and ours must then match exactly."""
    ours, theirs = norm(ours), norm(theirs)
    if ours == theirs:
        return A_IDENTICAL
    if n > 2**53 and int(float(n)) != n:
        return A_FLOAT
    if english(theirs):
        return A_ENGLISH
    if n >= 10**15 and "trăm nghìn tỷ" in theirs:
        return A_TRAM_NGHIN_TY
    theirs = theirs.replace("lẻ", "linh")
    if ours == theirs:
        return A_LE
    full = full_groups(theirs.split())
    if ours.split() == full:
        return A_KHONG_TRAM
    if ours.split() == count_billions(full):
        return A_PER_GROUP
    return UNEXPLAINED


def english(text):
    """num2words' English names for 10^18 and up (Quintillion, Sextillion, …)."""
    return "illion" in text.lower()


def check(plan, n, text):
    """Runs `plan words N --check TEXT`: (exit status, first line of stdout)."""
    run = subprocess.run([plan, "words", str(n), "--check", text, "--lang", "en"], capture_output=True, text=True)
    return run.returncode, (run.stdout.splitlines() or [""])[0]


def classify_reader(plan, n, theirs):
    status, line = check(plan, n, theirs)
    if status == 0:
        return B_OK, line
    if english(theirs):
        return (B_ENGLISH if line.startswith("error: ") else UNEXPLAINED), line
    # The number num2words wrote, and its text with the 10^15 bug mended.
    wrote = int(float(n)) if n > 2**53 else n
    mended = theirs.replace("trăm nghìn tỷ", "triệu tỷ") if wrote >= 10**15 else theirs
    if wrote != n and check(plan, wrote, mended)[0] == 0:
        return B_FLOAT, line
    if wrote == n and mended != theirs and check(plan, n, mended)[0] == 0:
        return B_TRAM_NGHIN_TY, line
    return UNEXPLAINED, line


def one(plan, n):
    theirs = num2words(n, lang="vi")
    run = subprocess.run([plan, "words", str(n), "--bare", "--lang", "en"], capture_output=True, text=True)
    ours = run.stdout.strip() if run.returncode == 0 else f"<exit {run.returncode}>"
    a = classify_writer(n, ours, theirs)
    b, line = classify_reader(plan, n, theirs)
    return n, ours, theirs, a, b, line


def report(title, rows, key, show):
    print(title)
    counts = {}
    for row in rows:
        counts.setdefault(key(row), []).append(row)
    for category, members in sorted(counts.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(members):5}  {category}")
        print(f"         e.g. {show(members[0])}")
    return sum(len(m) for c, m in counts.items() if c == UNEXPLAINED)


def main():
    plan = binary()
    vals = values()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        rows = list(pool.map(lambda n: one(plan, n), vals))
    print(f"{len(vals)} values (0..1100, d*10^k and 10^k±1 for k <= 20, "
          f"2500 seeded random below 10^15, seed {SEED}); num2words lang='vi'")
    failed = report("(a) writer: plan words N --bare vs num2words", rows, lambda r: r[3],
                    lambda r: f"{r[0]}: ours “{r[1]}” / num2words “{r[2]}”")
    failed += report("(b) reader: plan words N --check <num2words text>", rows, lambda r: r[4],
                     lambda r: f"{r[0]}: “{r[2]}” → {r[5]}")
    print(f"{2 * len(rows) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
