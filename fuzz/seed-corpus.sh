#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with seeds from the repository's own files:
#
#   whole_path  every *.toml under plans/, examples/ and tests/fixtures/, alone (written as
#               plan.toml by the target), and each plan joined with its decision and its
#               progress files (decision, plan, progress, progress-2, joined by the target's
#               separator line, with `file = …` and `plan = …` rewritten to the names the
#               target writes), so that the cross-file checks and the reports run from the
#               first input on; and every input under tests/fixtures/fuzz/ as it is.
#   parsers     every *.toml whole, and every quoted amount, amount in words and name in
#               those files, one a seed.
#
# Run from anywhere; it only adds files (libFuzzer names its own by content hash).
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C

whole=fuzz/corpus/whole_path
parsers=fuzz/corpus/parsers
mkdir -p "$whole" "$parsers"

# Must match SEPARATOR in fuzz/shared/whole_path.rs.
separator=$'\n# ---8<---\n'

# A seed's name: its path with `/` as `__`.
name() { printf '%s' "${1//\//__}"; }

mapfile -t tomls < <(find plans examples tests/fixtures -name '*.toml' -type f 2>/dev/null | sort)

for file in "${tomls[@]}"; do
  cp "$file" "$whole/$(name "$file")"
done

# The quoted value of `key = "…"` in a file, or nothing.
value() { sed -n "s/^$1 *= *\"\\([^\"]*\\)\".*/\\1/p" "$2" | head -n 1; }

joined=0
for planfile in "${tomls[@]}"; do
  grep -q '^\[plan\]' "$planfile" 2>/dev/null || continue
  dir=$(dirname "$planfile")
  base=$(basename "$planfile")
  decision_name=$(sed -n 's/^decision *=.*file *= *"\([^"]*\)".*/\1/p' "$planfile" | head -n 1)
  decision="$dir/$decision_name"
  [ -n "$decision_name" ] && [ -f "$decision" ] || continue
  progress=()
  for candidate in "$dir"/*.toml; do
    [ "$(value plan "$candidate")" = "$base" ] && progress+=("$candidate")
  done
  rewritten_plan=$(sed "s|file *= *\"$decision_name\"|file = \"decision.toml\"|" "$planfile"; printf x)
  rewritten_plan=${rewritten_plan%x}
  seed="$(cat "$decision"; printf x)"
  seed=${seed%x}
  seed+="$separator$rewritten_plan"
  out="$whole/joined__$(name "$planfile")"
  printf '%s' "$seed" >"$out.decision-plan"
  # With each progress file, and with the first two together (the target takes four parts).
  for p in "${progress[@]}"; do
    part=$(sed "s|^plan *= *\"$base\"|plan = \"plan.toml\"|" "$p"; printf x)
    printf '%s' "$seed$separator${part%x}" >"$out.with__$(basename "$p")"
  done
  if [ "${#progress[@]}" -ge 2 ]; then
    first=$(sed "s|^plan *= *\"$base\"|plan = \"plan.toml\"|" "${progress[0]}"; printf x)
    second=$(sed "s|^plan *= *\"$base\"|plan = \"plan.toml\"|" "${progress[1]}"; printf x)
    printf '%s' "$seed$separator${first%x}$separator${second%x}" >"$out.with-two"
  fi
  joined=$((joined + 1))
done

# Regression inputs found by fuzzing, as they are.
if [ -d tests/fixtures/fuzz ]; then
  find tests/fixtures/fuzz -type f ! -name '*.md' -exec cp {} "$whole/" \;
fi

# Parser seeds: every file whole (the tree built from the parser's events is checked
# against the toml crate's on any text), then quoted amounts, amounts in words and names.
for file in "${tomls[@]}"; do
  cp "$file" "$parsers/whole__$(name "$file")"
done
n=0
for file in "${tomls[@]}"; do
  while IFS= read -r text; do
    [ -n "$text" ] || continue
    n=$((n + 1))
    printf '%s' "$text" >"$parsers/$(name "$file").$n"
  done < <(sed -n 's/^\(total\|amount\|in-words\|name\|target\|quantity\|lead\|issuer\) *= *"\([^"]*\)".*/\2/p' "$file")
done

echo "whole_path: $(find "$whole" -type f | wc -l) seeds ($joined plans joined with their files)"
echo "parsers: $(find "$parsers" -type f | wc -l) seeds"
