#!/usr/bin/env bash
# The tests: the documentation's links (scripts/check-links.sh), the code's
# format (swift format lint, with .swift-format), unit, solver (OR-Library
# GAP optima), formulation, property, end-to-end CLI, the benchmarks'
# deterministic thresholds (scripts/bench.sh; set ALLVET_SKIP_BENCH=1 to
# leave them out of a quick local run) and a 30 s smoke run of each fuzz
# target (scripts/fuzz.sh; ALLVET_SKIP_FUZZ=1 leaves it out;
# docs/reliability.md). The swift test run comes last so that its closing
# line ends the output.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/check-links.sh
swift format lint --strict --recursive Sources Tests Benchmarks/Sources Package.swift Benchmarks/Package.swift
swift build --build-tests
if [ "${ALLVET_SKIP_BENCH:-0}" != "1" ]; then
  bash scripts/bench.sh
fi
if [ "${ALLVET_SKIP_FUZZ:-0}" != "1" ]; then
  # 30 s each, not 60: the fuzz build (about 1.5 min) and 4 x 60 s would add
  # some 5.5 minutes to an 8-minute run; 4 x 30 s keeps the addition near 3.5.
  bash scripts/fuzz.sh all 30
fi
swift test --skip-build
