#!/usr/bin/env bash
# Renders the reports as sent through LibreOffice (docx → PDF → PNG), to look at them:
#   scripts/render-reports.sh [OUTDIR]        (default target/rendered)
# Needs: apt-get update && apt-get install -y libreoffice-writer-nogui poppler-utils fonts-liberation chromium
# Times New Roman is not in Debian; Liberation Serif (fonts-liberation) is metric-compatible
# with it, so lines and pages break as they would in Word.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-target/rendered}"
mkdir -p "$out"
cargo build --release --locked --quiet
plan=target/release/plan
render() { # NAME ARGS…
  local name="$1"; shift
  "$plan" report "$@" -o "$out/$name.docx" --force
  soffice --headless --convert-to pdf --outdir "$out" "$out/$name.docx" >/dev/null 2>&1
  pdfinfo "$out/$name.pdf" | grep -E '^(Pages|Page size)'
  rm -f "$out/$name"-*.png
  pdftoppm -r 80 -png "$out/$name.pdf" "$out/$name"
  ls "$out/$name"-*.png
}
render ke-hoach-2019-6-thang plans/ke-hoach-2019.toml --half-year
render vi-du-2022-ca-nam examples/nang-suat-chat-luong/ke-hoach-2022.toml --annual \
  --number 42 --date 2022-12-14 --signer "Nguyễn Văn An" --narrative examples/nang-suat-chat-luong/bao-cao-2022.narrative
# The HTML page, as headless Chromium shows it (apt-get install chromium).
if command -v chromium >/dev/null; then
  "$plan" report examples/nang-suat-chat-luong/ke-hoach-2022.toml --annual -o "$out/vi-du-2022-ca-nam.html" --force
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=900,2600 \
    --screenshot="$out/vi-du-2022-ca-nam-html.png" "file://$(realpath "$out/vi-du-2022-ca-nam.html")" 2>/dev/null
  ls "$out/vi-du-2022-ca-nam-html.png"
fi
