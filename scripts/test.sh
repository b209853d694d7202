#!/usr/bin/env bash
# The tests: the documentation's links (scripts/check-links.sh), the code's
# format (swift format lint, with .swift-format), unit, solver
# (OR-Library GAP optima), formulation, end-to-end CLI, and the benchmarks'
# deterministic thresholds (scripts/bench.sh; set ALLVET_SKIP_BENCH=1 to
# leave them out of a quick local run). The swift test run comes last so that
# its closing line ends the output.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/check-links.sh
swift format lint --strict --recursive Sources Tests Benchmarks/Sources Package.swift Benchmarks/Package.swift
swift build --build-tests
if [ "${ALLVET_SKIP_BENCH:-0}" != "1" ]; then
  bash scripts/bench.sh
fi
swift test --skip-build
