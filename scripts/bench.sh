#!/usr/bin/env bash
# The benchmarks (docs/benchmarks.md): builds Benchmarks/ (a nested package
# using ordo-one/benchmark) in release, runs every benchmark once, prints the
# table, and checks the deterministic figures (candidates, direct-model rows,
# columns and non-zeros, optimal objective values) against
# Benchmarks/Thresholds. Wall-clock figures are printed, never checked.
#
#   bash scripts/bench.sh            run, print, check: exit 1 when a gated figure changed
#   bash scripts/bench.sh --update   run, print, rewrite Benchmarks/Thresholds (review the diff, commit it)
#
# Extra arguments go to the benchmark tool, e.g. `--filter 'generated-.*'`.
set -euo pipefail
cd "$(dirname "$0")/.."
update=false
if [ "${1:-}" = "--update" ]; then update=true; shift; fi
bash scripts/setup.sh

thresholds="$PWD/Benchmarks/Thresholds"
# The benchmark tool runs inside `swift package`, which itself crashed once on CI (a segmentation
# fault in swift-package's libdispatch, exit 139, before any benchmark of ours reported): a
# command killed by a signal (exit > 128) is run once more. A gate that fails (exit 1 and the
# like) is never retried.
bench() {
  local rc=0
  swift package --package-path Benchmarks --allow-writing-to-package-directory benchmark "$@" || rc=$?
  if [ "$rc" -gt 128 ]; then
    echo "bench: the benchmark tool was killed by signal $((rc - 128)); running it once more" >&2
    rc=0
    swift package --package-path Benchmarks --allow-writing-to-package-directory benchmark "$@" || rc=$?
  fi
  return "$rc"
}
if [ -n "${ALLVET_BENCHMARK_ROUNDS:-}" ]; then shared="$ALLVET_BENCHMARK_ROUNDS"; else shared="$PWD/../shared/benchmarks"; fi
if [ ! -f "$shared/policy.json" ]; then
  echo "bench: no shared benchmark rounds at $shared; the 500x120 and 1000x250 rungs are generated instead and not checked" >&2
fi

# One run, kept as the baseline `current` (Benchmarks/.benchmarkBaselines, not committed);
# the table and the check are both read from it.
bench baseline update current --no-progress "$@"
bench baseline read current --no-progress "$@"

if $update; then
  bench thresholds update current --path "$thresholds" "$@"
  # Keep only the gated metrics: the exact halves of the counts (`/1000`, `%1000`)
  # and the levels' optimal values (`L1 placed`, `L1 placed .001`, ...).
  for f in "$thresholds"/*.p90.json; do
    jq --sort-keys 'with_entries(select(.key | test("/1000$|%1000$|^L[0-9]+ ")))' "$f" > "$f.tmp"
    if [ "$(jq length "$f.tmp")" -eq 0 ]; then rm -f "$f" "$f.tmp"; else mv "$f.tmp" "$f"; fi
  done
  echo "bench: thresholds rewritten in Benchmarks/Thresholds; review \`git diff Benchmarks/Thresholds\` and commit it" >&2
  exit 0
fi

status=0
bench thresholds check current --path "$thresholds" "$@" || status=$?
case $status in
  0) echo "bench: the deterministic figures equal Benchmarks/Thresholds" >&2 ;;
  *) echo "bench: deterministic figures differ from Benchmarks/Thresholds (benchmark tool exit $status);" \
          "if the change is intended, run \`bash scripts/bench.sh --update\` and commit the thresholds" >&2
     exit 1 ;;
esac
