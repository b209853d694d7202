#!/usr/bin/env bash
# The tests: unit, solver (OR-Library GAP optima), formulation and end-to-end CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests
swift test --skip-build
