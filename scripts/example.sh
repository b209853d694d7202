#!/usr/bin/env bash
# The main job: solves the bundled example round under its policy and writes
# a results folder (default: results/example).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
out="${1:-results/example}"
swift build -c release --product allvet
.build/release/allvet solve instances/example.json --policy instances/example-policy.json --out "$out"
