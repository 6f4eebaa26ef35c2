#!/usr/bin/env python3
"""Builds the inputs of docs/reliability.md, "Resources and hostile input", under DIR:

  big-100mb/       the real plans, the 2019 plan padded to 100 MiB with comment lines
  big-60mb/        the same padded to 60 MB (under the 64 MiB limit, so it is read)
  activities-1m/   one plan of 1,000,000 activities (about 60 MB)
  plans-10k/       10,000 copies of the 2019 plan beside its decision
  symlink-loop/    the real plans, with `loop -> .` and `self -> self`
  garbage-60mb/    one file of 30,000,000 lines `x` (a syntax error each)
  dup-keys-60mb/   `[plan]` then 15,000,000 lines `a=1` (a duplicate key each)
  unknown-keys/    a plan with 5,000,000 keys it does not have (about 64 MB)

Usage: python3 scripts/hostile-inputs.py DIR   (run from the repository root)
"""
import os
import shutil
import sys

PLAN = "plans/ke-hoach-2019.toml"
DECISION = "plans/quyet-dinh-1186-2016.toml"
COMMENT = "# " + "đệm " * 24 + "\n"  # 100 bytes of UTF-8


def fresh(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def padded(out, size):
    d = fresh(out)
    shutil.copy(DECISION, d)
    with open(PLAN, "rb") as f:
        plan = f.read()
    line = COMMENT.encode()
    with open(os.path.join(d, os.path.basename(PLAN)), "wb") as f:
        f.write(plan)
        f.write(line * ((size - len(plan)) // len(line) + 1))


def main(root):
    padded(os.path.join(root, "big-100mb"), 100 * 1024 * 1024)
    padded(os.path.join(root, "big-60mb"), 60 * 1000 * 1000)

    d = fresh(os.path.join(root, "activities-1m"))
    with open(os.path.join(d, "ke-hoach.toml"), "w", encoding="utf-8") as f:
        f.write('[plan]\ntitle = "Kế hoạch năm 2019"\nyear = 2019\n')
        f.write('decision = { number = "1186/QĐ-UBND", date = 2016-05-16 }\n')
        for n in range(1_000_000):
            f.write(f'\n[[activity]]\nid = "a{n}"\nname = "Hoạt động {n}"\n')

    d = fresh(os.path.join(root, "plans-10k"))
    shutil.copy(DECISION, d)
    for n in range(10_000):
        shutil.copy(PLAN, os.path.join(d, f"ke-hoach-{n:05}.toml"))

    d = fresh(os.path.join(root, "symlink-loop"))
    shutil.copy(DECISION, d)
    shutil.copy(PLAN, d)
    os.symlink(".", os.path.join(d, "loop"))
    os.symlink("self", os.path.join(d, "self"))

    d = fresh(os.path.join(root, "garbage-60mb"))
    with open(os.path.join(d, "a.toml"), "w") as f:
        f.write("x\n" * 30_000_000)

    d = fresh(os.path.join(root, "dup-keys-60mb"))
    with open(os.path.join(d, "a.toml"), "w") as f:
        f.write("[plan]\n" + "a=1\n" * 15_000_000)

    d = fresh(os.path.join(root, "unknown-keys"))
    with open(os.path.join(d, "a.toml"), "w", encoding="utf-8") as f:
        f.write('[plan]\ntitle = "t"\nyear = 2019\ndecision = { number = "1", date = 2016-05-16 }\n')
        f.write("".join(f"k{n} = 1\n" for n in range(5_000_000)))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
