#!/bin/sh
# The benchmark of docs/performance.md. Run from the repository root:
#
#   sh scripts/bench.sh [CORPUS_DIR]      (default /tmp/plan-corpus)
#
# Builds the release binaries, generates the corpora with scripts/gen-corpus.py (seeded)
# unless they are there, then prints, on the same national corpus in one run: `plan check`,
# the parse floor (src/bin/parse-floor.rs), `taplo lint` and `taplo check` (when `taplo` is
# installed: npm i -g @taplo/cli) and Python's tomllib, each with its ratio to the floor
# (hyperfine, from Debian); peak memory (/usr/bin/time -v); one core against two (taskset);
# the scaling table at 1x/2x/4x/8x; and the one-big-plan and error-dense cases.
set -eu
OUT=${1:-/tmp/plan-corpus}
PLAN=target/release/plan
FLOOR=target/release/parse-floor
CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-2} cargo build --release --locked --bins --features bench >/dev/null
export PLAN

for k in 1 2 4 8; do
  [ -d "$OUT/national-$k" ] || python3 scripts/gen-corpus.py "$OUT/national-$k" --national --scale "$k"
done
for n in 4000 16000; do
  [ -d "$OUT/activities-$n" ] || python3 scripts/gen-corpus.py "$OUT/activities-$n" --activities "$n"
done
[ -d "$OUT/error-dense" ] || python3 scripts/gen-corpus.py "$OUT/error-dense" --error-dense

NAT="$OUT/national-1"
TOMLLIB='import sys,tomllib,pathlib
for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.toml")): tomllib.loads(p.read_text("utf-8"))'

mean() { # hyperfine JSON -> mean seconds
  python3 -c 'import json,sys; print("%.4f" % json.load(open(sys.argv[1]))["results"][0]["mean"])' "$1"
}
time_one() { # NAME COMMAND... -> mean seconds (hyperfine: 3 warm-ups, 10 runs; RUNS=N to change)
  name=$1; shift
  hyperfine -N --warmup "${WARMUP:-3}" --runs "${RUNS:-10}" -i --export-json "/tmp/bench-$name.json" "$*" >/dev/null 2>&1
  mean "/tmp/bench-$name.json"
}
slow() { # the same, for tools that take seconds a run: 1 warm-up, 3 runs
  WARMUP=1 RUNS=3 time_one "$@"
}
peak() { # COMMAND... -> peak RSS in MiB
  /usr/bin/time -v "$@" 2>&1 >/dev/null | awk '/Maximum resident/ {printf "%.1f\n", $6/1024}'
}

echo "corpus: $NAT ($(find -L "$NAT" -name '*.toml' | wc -l) files, $(du -sbL "$NAT" | cut -f1) bytes)"
floor=$(time_one floor "$FLOOR $NAT")
echo "| tool | mean (s) | × floor | peak RSS (MiB) |"
echo "|---|---|---|---|"
row() { # NAME SECONDS PEAK
  echo "| $1 | $2 | $(python3 -c "print('%.2f' % ($2 / $floor))") | $3 |"
}
row "parse floor" "$floor" "$(peak $FLOOR "$NAT")"
row "plan check" "$(time_one check "$PLAN check $NAT")" "$(peak $PLAN check "$NAT")"
if command -v taplo >/dev/null; then
  row "taplo lint" "$(slow taplo-lint "taplo lint --no-schema $NAT/*/*.toml")" "$(peak sh -c "taplo lint --no-schema $NAT/*/*.toml")"
  row "taplo check" "$(slow taplo-check "taplo check $NAT/*/*.toml")" "$(peak sh -c "taplo check $NAT/*/*.toml")"
fi
row "python tomllib" "$(slow tomllib "python3 -c '$TOMLLIB' $NAT")" "$(peak python3 -c "$TOMLLIB" "$NAT")"

cpu() { # COMMAND... -> user + system CPU seconds, the best of 5 runs
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f "%U %S" "$@" 2>&1 >/dev/null | tail -1
  done | awk '{ t = $1 + $2; if (best == "" || t < best) best = t } END { printf "%.2f\n", best }'
}
instructions() { # COMMAND... -> instructions executed, all threads (callgrind: repeatable)
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/Collected/ { print $4 }'
}
echo
echo "CPU, not the clock: $PLAN check uses every core, the floor one."
echo "| measure | parse floor | plan check | ratio |"
echo "|---|---|---|---|"
fc=$(cpu $FLOOR "$NAT"); pc=$(cpu $PLAN check "$NAT")
echo "| CPU seconds (user + system, best of 5) | $fc | $pc | $(python3 -c "print('%.2f' % ($pc / $fc))") |"
if command -v valgrind >/dev/null; then
  fi_=$(instructions $FLOOR "$NAT"); pi=$(instructions $PLAN check "$NAT")
  echo "| instructions (callgrind) | $fi_ | $pi | $(python3 -c "print('%.2f' % ($pi / $fi_))") |"
fi

one=$(time_one core1 "taskset -c 0 $PLAN check $NAT")
two=$(time_one core2 "taskset -c 0,1 $PLAN check $NAT")
echo
echo "one core: $one s, two cores: $two s, speed-up $(python3 -c "print('%.2f' % ($one / $two))")x"

echo
echo "| corpus | files | bytes | plan check (s) | parse floor (s) | × floor | peak RSS (MiB) |"
echo "|---|---|---|---|---|---|---|"
for k in 1 2 4 8; do
  d="$OUT/national-$k"
  c=$(time_one "check-$k" "$PLAN check $d")
  f=$(time_one "floor-$k" "$FLOOR $d")
  echo "| ${k}x | $(find -L "$d" -name '*.toml' | wc -l) | $(du -sbL "$d" | cut -f1) | $c | $f | $(python3 -c "print('%.2f' % ($c / $f))") | $(peak $PLAN check "$d") |"
done

echo
echo "| one plan | check (s) | report (s) | period (s) | peak RSS (MiB) |"
echo "|---|---|---|---|---|"
for n in 4000 16000; do
  d="$OUT/activities-$n"
  c=$(time_one "big-check-$n" "$PLAN check $d")
  r=$(time_one "big-report-$n" "$PLAN report $d/ke-hoach-2021.toml --annual --format json")
  p=$(time_one "big-period-$n" "$PLAN report --period $d/quyet-dinh.toml --format json")
  echo "| $n activities | $c | $r | $p | $(peak $PLAN check "$d") |"
done

echo
echo "| error-dense (60 MB) | format | elapsed (s) | peak RSS (MiB) |"
echo "|---|---|---|---|"
for case in junk agencies; do
  for format in human json github sarif; do
    t=$(/usr/bin/time -f %e $PLAN check "$OUT/error-dense/$case" --format $format 2>&1 >/dev/null | tail -1)
    echo "| $case | $format | $t | $(peak $PLAN check "$OUT/error-dense/$case" --format $format) |"
  done
done
