#!/usr/bin/env bash
# Renders each kind of report in headless Chromium and fails when one has a
# script error or an empty chart; keeps one screenshot per kind in docs/.
#
#   bash scripts/check-reports.sh [--install] [ALLVET]
#
# Kinds: report.html of `allvet solve` (plain and pseudonymised) and
# comparison.html of `allvet sweep`, on instances/sweep-demo. ALLVET is the binary (default: build it in .build). --install
# installs Debian's chromium when missing. Not part of `swift test`: CI need
# not install a browser (docs/reports.md).
set -euo pipefail
cd "$(dirname "$0")/.."

install=0
if [ "${1:-}" = "--install" ]; then install=1; shift; fi
allvet="${1:-}"

chromium=""
for c in chromium chromium-browser google-chrome; do
  if command -v "$c" >/dev/null 2>&1; then chromium="$c"; break; fi
done
if [ -z "$chromium" ]; then
  if [ "$install" = 1 ]; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
    chromium=chromium
  else
    echo "check-reports: no chromium; install Debian's (apt-get install chromium) or run with --install" >&2
    exit 2
  fi
fi

if [ -z "$allvet" ]; then
  swift build --product allvet >/dev/null
  allvet="$(swift build --show-bin-path)/allvet"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Inputs: the demo round of instances/sweep-demo (40 participants, 12 hosts)
# solved under its policy, and its sweep.
demo=instances/sweep-demo
"$allvet" solve "$demo/round.json" --policy "$demo/policy.json" --out "$work/solve" --quiet
"$allvet" solve "$demo/round.json" --policy "$demo/policy.json" --out "$work/solve-pseudo" --quiet --pseudonymise
"$allvet" sweep "$demo/sweep.json" --out "$work/sweep" --quiet --time-limit 20

fail=0
# check NAME HTML MIN_SHAPES: renders HTML, keeps docs/screenshots/NAME.png.
check() {
  local name="$1" html="$2" min="$3"
  mkdir -p docs/screenshots
  local log="$work/$name.log" dom="$work/$name.dom"
  "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --enable-logging=stderr --v=0 \
    --dump-dom "file://$html" >"$dom" 2>"$log" || { echo "check-reports: $name: chromium failed" >&2; cat "$log" >&2; fail=1; return; }
  "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,2400 \
    --screenshot="$PWD/docs/screenshots/$name.png" "file://$html" >/dev/null 2>>"$log" || { echo "check-reports: $name: no screenshot" >&2; fail=1; }
  if grep -E "Uncaught|ERROR:CONSOLE|console\\.error" "$log" >/dev/null; then
    echo "check-reports: $name: script errors:" >&2
    grep -E "Uncaught|ERROR:CONSOLE|console\\.error" "$log" >&2
    fail=1
  fi
  local svgs shapes
  svgs=$(grep -o "<svg" "$dom" | wc -l)
  shapes=$(grep -oE "<(rect|circle|polyline|path|line) " "$dom" | wc -l)
  if [ "$svgs" -eq 0 ] || [ "$shapes" -lt "$min" ]; then
    echo "check-reports: $name: empty chart ($svgs svg, $shapes shapes; expected at least $min)" >&2
    fail=1
  else
    echo "check-reports: $name: ok ($svgs charts, $shapes shapes, docs/screenshots/$name.png)"
  fi
}

# The report in each partner's language, rendered again from the one solve.
for lang in es pt fi pl de; do
  "$allvet" report "$work/solve" --lang "$lang" --out "$work/report-$lang.html" >/dev/null
done

check report "$work/solve/report.html" 20
for lang in es pt fi pl de; do
  check "report-$lang" "$work/report-$lang.html" 20
  if ! grep -q "<html lang=\"$lang\">" "$work/report-$lang.html"; then
    echo "check-reports: report-$lang: no lang=\"$lang\"" >&2; fail=1
  fi
done
check report-pseudonymised "$work/solve-pseudo/report.html" 20
check comparison "$work/sweep/comparison.html" 10

# The pseudonymised report must not name a participant of the round.
for id in $(grep -o '"id": "[A-Z][A-Z]-[0-9]*"' "$demo/round.json" | cut -d'"' -f4); do
  if grep -q -- "$id" "$work/report-pseudonymised.dom"; then echo "check-reports: pseudonymised report names $id" >&2; fail=1; fi
done

# Printed (A4, Chromium's print to PDF): every stay keeps its row in the
# who-goes-where tables, so each placed participant is named twice in the
# PDF's text (by host and by sending organisation). The text check needs
# pdftotext (Debian's poppler-utils); without it the PDF is only written.
"$chromium" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
  --print-to-pdf="$PWD/docs/screenshots/report.pdf" "file://$work/solve/report.html" >/dev/null 2>>"$work/pdf.log" ||
  { echo "check-reports: report.pdf: chromium could not print" >&2; fail=1; }
if command -v pdftotext >/dev/null 2>&1 && [ -f docs/screenshots/report.pdf ]; then
  pdftotext -layout docs/screenshots/report.pdf "$work/report.txt"
  missing=0
  for id in $(tail -n +2 "$work/solve/assignments.csv" | cut -d, -f1); do
    n=$(grep -o -- "$id" "$work/report.txt" | wc -l)
    if [ "$n" -lt 2 ]; then echo "check-reports: report.pdf: $id printed $n times (expected in both tables)" >&2; missing=1; fi
  done
  if [ "$missing" = 0 ]; then
    echo "check-reports: report.pdf: ok ($(pdfinfo docs/screenshots/report.pdf | grep Pages | tr -s ' '), every stay in both tables)"
  else
    fail=1
  fi
fi

exit "$fail"
