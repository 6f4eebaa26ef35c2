#!/usr/bin/env bash
# Renders the reports as sent through LibreOffice (docx → PDF → PNG), and the HTML pages
# through headless Chromium, to look at them:
#   scripts/render-reports.sh [OUTDIR]        (default target/rendered)
#   PLAN_BIN=target/debug/plan scripts/render-reports.sh   (a binary already built)
# Needs: apt-get update && apt-get install -y libreoffice-writer-nogui poppler-utils fonts-liberation chromium
# Times New Roman is not in Debian; Liberation Serif (fonts-liberation) is metric-compatible
# with it, so lines and pages break as they would in Word.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-target/rendered}"
mkdir -p "$out"
if [ -z "${PLAN_BIN:-}" ]; then
  cargo build --release --locked --quiet
fi
plan="${PLAN_BIN:-target/release/plan}"
ex=examples/nang-suat-chat-luong
render() { # NAME ARGS…
  local name="$1"; shift
  "$plan" report "$@" -o "$out/$name.docx" --force 2>/dev/null
  soffice --headless --convert-to pdf --outdir "$out" "$out/$name.docx" >/dev/null 2>&1
  pdfinfo "$out/$name.pdf" | grep -E '^(Pages|Page size)'
  rm -f "$out/$name"-*.png
  pdftoppm -r 80 -png "$out/$name.pdf" "$out/$name"
  ls "$out/$name"-*.png
}
render ke-hoach-2019-6-thang plans/ke-hoach-2019.toml --half-year
render vi-du-2022-ca-nam $ex/ke-hoach-2022.toml --annual \
  --number 42 --date 2022-12-14 --signer "Nguyễn Văn An" --narrative $ex/bao-cao-2022.narrative
render vi-du-giai-doan --period $ex --as-of 2023-10-31
# The HTML pages, as headless Chromium shows them (apt-get install chromium).
page() { # NAME HEIGHT ARGS…  (HEIGHT: the window's, in pixels, about the page's length)
  local name="$1" height="$2"; shift 2
  "$plan" report "$@" -o "$out/$name.html" --force 2>/dev/null
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="900,$height" \
    --screenshot="$out/$name-html.png" "file://$(realpath "$out/$name.html")" 2>/dev/null
  # And the page as it prints on A4.
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$out/$name-html.pdf" "file://$(realpath "$out/$name.html")" 2>/dev/null
  pdfinfo "$out/$name-html.pdf" | grep -E '^(Pages|Page size)'
  ls "$out/$name-html.png"
}
if command -v chromium >/dev/null; then
  page vi-du-2022-ca-nam 3500 $ex/ke-hoach-2022.toml --annual
  page vi-du-giai-doan 1650 --period $ex --as-of 2023-10-31
fi
