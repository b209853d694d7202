#!/usr/bin/env bash
# Fuzzing with libFuzzer (docs/reliability.md, "Fuzzing"): builds the nested
# package Fuzz/ (release, -sanitize=fuzzer,address) when needed, assembles
# each target's seed corpus from instances/ and the bad-input fixtures, runs
# the target for SECONDS, and prints its executions, coverage and whether it
# crashed.
#
#   bash scripts/fuzz.sh TARGET SECONDS    TARGET: instance-json, policy-json, instance-csv, verify, or all
#   bash scripts/fuzz.sh list              the targets
#
# Exit 1 when a target crashed, naming the crashing input (replay it with
# `Fuzz/.build/release/<Executable> <input>`); 2 on a usage error.
# Environment:
#   ALLVET_FUZZ_ASAN=0     build without the address sanitizer (faster; Swift's own traps still
#                          end a run), in Fuzz/.build-noasan
#   ALLVET_FUZZ_FRESH=1    start from the seeds only, ignoring inputs kept from earlier runs
#   ALLVET_FUZZ_ARGS       extra libFuzzer flags, e.g. "-jobs=2" or "-runs=10000000"
#   ALLVET_FUZZ_PARALLEL=N with TARGET all: N targets at once (CI: 2 on its two cores)
# The JSON targets use Fuzz/Dictionaries/json.dict, the others csv.dict.
# Work files live in Fuzz/.work/<target>/ (not committed): seeds/ (rebuilt on
# every run), corpus/ (what libFuzzer found, kept between runs), crashes/, log.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
targets=(instance-json policy-json instance-csv verify)

executable() {
  case "$1" in
    instance-json) echo InstanceJSONFuzz ;;
    policy-json) echo PolicyJSONFuzz ;;
    instance-csv) echo InstanceCSVFuzz ;;
    verify) echo VerifyFuzz ;;
    *) return 1 ;;
  esac
}

usage() {
  echo "usage: bash scripts/fuzz.sh TARGET SECONDS   (TARGET: ${targets[*]}, all)" >&2
  exit 2
}

if [ "${1:-}" = "list" ]; then printf '%s\n' "${targets[@]}"; exit 0; fi
[ $# -eq 2 ] || usage
target="$1" seconds="$2"
[[ "$seconds" =~ ^[0-9]+$ ]] && [ "$seconds" -gt 0 ] || usage
if [ "$target" != all ]; then executable "$target" >/dev/null || usage; fi

bash scripts/setup.sh

# Build (incremental: a no-op when nothing changed). The targets link the
# root's AllVETCore product only (no GLPK, no swift-crypto), every Swift
# module of it instrumented for coverage and checked by the address sanitizer.
# Each set of sanitizers has its own build folder, so that switching does not rebuild.
sanitizers="fuzzer,address" scratch="$root/Fuzz/.build"
if [ "${ALLVET_FUZZ_ASAN:-1}" = "0" ]; then sanitizers="fuzzer" scratch="$root/Fuzz/.build-noasan"; fi
build_start=$(date +%s)
swift build --package-path Fuzz --scratch-path "$scratch" -c release \
  -Xswiftc "-sanitize=$sanitizers" -Xswiftc -parse-as-library 2>&1 | tail -n 3 >&2
echo "fuzz: Fuzz/ built (sanitizers $sanitizers) in $(( $(date +%s) - build_start )) s" >&2
bin="$scratch/release"

# The example round solved by allvet itself (the fuzz targets link no solver):
# the verify target's seeds, and the results the policy target verifies
# against every policy it reads (ALLVET_FUZZ_RESULTS).
results="$root/Fuzz/.work/example-results"
swift build --product allvet 2>&1 | tail -n 1 >&2
allvet="$(swift build --show-bin-path)/allvet"
rm -rf "$results"; mkdir -p "$results"
"$allvet" solve instances/example.json --policy instances/example-policy.json --out "$results/policy" --quiet
"$allvet" solve instances/example.json --out "$results/default" --quiet

# A file of NUL-joined files: the form in which the CSV and verify targets
# cut their input. Stops at the first missing file (the targets read the
# files after a missing one as missing).
join_files() {
  local out="$1"; shift
  : > "$out"
  local first=1 f
  for f in "$@"; do
    [ -f "$f" ] || break
    if [ $first -eq 0 ]; then printf '\0' >> "$out"; fi
    cat "$f" >> "$out"
    first=0
  done
}

# The seeds, assembled anew from the repository's files (no copies are committed).
seeds() {
  local name="$1" dir="$2" f d n=0
  rm -rf "$dir"; mkdir -p "$dir"
  case "$name" in
    instance-json)
      # Rounds up to 64 KB (the large synthetic ones would only slow every execution).
      while IFS= read -r f; do
        [ "$(wc -c < "$f")" -le 65536 ] && cp "$f" "$dir/$(echo "$f" | tr / _)"
      done < <(find instances -name '*.json' ! -name '*policy*' ! -name 'sweep.json' ! -name '*funding*' | sort)
      cp Tests/PlacementModelTests/Fixtures/bad-json/instance-*.json "$dir/" ;;
    policy-json)
      for f in $(find instances -name '*policy*.json' | sort); do cp "$f" "$dir/$(echo "$f" | tr / _)"; done
      cp Tests/PlacementModelTests/Fixtures/bad-json/policy-*.json "$dir/" ;;
    instance-csv)
      join_files "$dir/example-csv" instances/example-csv/{participants,hosts,offers}.csv
      # The same round as spreadsheets save it in other locales (; and Windows-1252); not the
      # UTF-16 one, whose NUL bytes the target takes for the ends of its files.
      for d in Tests/PlacementCSVTests/Fixtures/dialects/*/; do
        [[ "$d" == *unicode* ]] && continue
        join_files "$dir/dialect-$(basename "$d")" "$d"{participants,hosts,offers}.csv
      done
      for d in Tests/PlacementCSVTests/Fixtures/bad-csv/*/; do
        join_files "$dir/$(basename "$d")" "$d"{participants,hosts,offers}.csv
      done ;;
    verify)
      # Real results of the example round (the target's instance and policy),
      # and of the same round under the default policy (other levels and quotas).
      join_files "$dir/example-policy" "$results/policy/"{assignments.csv,unplaced.csv,summary.json}
      join_files "$dir/example-default" "$results/default/"{assignments.csv,unplaced.csv,summary.json} ;;
  esac
  n=$(find "$dir" -type f | wc -l)
  echo "$n"
}

# Runs one target; prints one line of figures; returns 1 on a crash.
run() {
  local name="$1" exe work log status=0
  exe="$(executable "$name")"
  work="$root/Fuzz/.work/$name"
  if [ "${ALLVET_FUZZ_FRESH:-0}" = "1" ]; then rm -rf "$work/corpus"; fi
  mkdir -p "$work/corpus" "$work/crashes"
  local nseeds dict
  nseeds="$(seeds "$name" "$work/seeds")"
  case "$name" in *json) dict="$root/Fuzz/Dictionaries/json.dict" ;; *) dict="$root/Fuzz/Dictionaries/csv.dict" ;; esac
  log="$work/log"
  # -timeout: an input taking longer is reported as a hang (generous: the machine is shared).
  # Leaks are not checked (LeakSanitizer, in-run and at exit): Foundation's
  # FileManager.contents(atPath:) leaves 4 KB unfreed for every empty file it
  # reads (Swift 6.3 on Linux), which is not allvet's to fix and would end
  # every run of the CSV target.
  # shellcheck disable=SC2086
  # The Swift runtime's backtracer is off so that libFuzzer's own signal
  # handler sees a trap and writes the input that caused it.
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}" ALLVET_ROOT="$root" ALLVET_FUZZ_RESULTS="$results/policy" "$bin/$exe" "$work/corpus" "$work/seeds" \
    -dict="$dict" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=4096 -detect_leaks=0 -print_final_stats=1 \
    -artifact_prefix="$work/crashes/" ${ALLVET_FUZZ_ARGS:-} > "$log" 2>&1 || status=$?
  local execs rate cov ft corpus
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
  rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)"
  cov="$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)"
  ft="$(grep -o 'ft: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)"
  corpus="$(find "$work/corpus" -type f | wc -l)"
  local took
  took="$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)"
  local figures="${execs:-?} executions in ${took:-$seconds} s (${rate:-?}/s), cov ${cov:-?} ft ${ft:-?}, $nseeds seeds, corpus $corpus"
  if [ "$status" -ne 0 ] && grep -q 'libFuzzer: run interrupted' "$log"; then
    echo "fuzz $name: INTERRUPTED by a signal (SIGINT or SIGTERM from outside) after $figures" >&2
    return 1
  fi
  if [ "$status" -ne 0 ] && [ -z "$execs" ] && ! grep -q 'Test unit written' "$log"; then
    echo "fuzz $name: FAILED to run (libFuzzer exit $status); log: $log" >&2
    head -n 5 "$log" >&2
    return 1
  fi
  if [ "$status" -ne 0 ]; then
    local artifact
    artifact="$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)"
    echo "fuzz $name: CRASH after $figures; input: ${artifact:-none written}; log: $log" >&2
    grep -m 5 -E 'Fatal error|ERROR: (AddressSanitizer|libFuzzer)|SUMMARY' "$log" >&2 || true
    return 1
  fi
  echo "fuzz $name: no crash, $figures"
}

failed=0
parallel="${ALLVET_FUZZ_PARALLEL:-1}"
[[ "$parallel" =~ ^[1-9][0-9]*$ ]] || usage
if [ "$target" = all ] && [ "$parallel" -gt 1 ]; then
  # Batches of $parallel targets at once, each for SECONDS; each target's
  # lines are printed when its batch ends, in the order of the targets.
  for ((i = 0; i < ${#targets[@]}; i += parallel)); do
    batch=("${targets[@]:i:parallel}") pids=()
    for t in "${batch[@]}"; do
      run "$t" > "$root/Fuzz/.work/$t.out" 2>&1 &
      pids+=($!)
    done
    for k in "${!batch[@]}"; do
      wait "${pids[$k]}" || failed=1
      cat "$root/Fuzz/.work/${batch[$k]}.out"
    done
  done
elif [ "$target" = all ]; then
  for t in "${targets[@]}"; do run "$t" || failed=1; done
else
  run "$target" || failed=1
fi
exit $failed
