#!/usr/bin/env bash
# docs.sh — build the library's documentation (DocC, offline) and fail on any
# unresolved link.
#
# Usage: scripts/docs.sh [extra generate-documentation options, e.g. --output-path DIR]
#
# The landing page and the article live in Sources/AllVET/AllVET.docc. AllVET
# re-exports the layers, but the symbol graph of a target holds only its own
# symbols, so the layers are documented as well, as one combined archive in which
# the catalog links to them (``/PlacementEngine/Engine``). GLPKSolver,
# RoundGenerator and the command line are not part of the library's API.
# Output: .build/plugins/Swift-DocC/outputs/allvet.doccarchive (open its
# index.html through a local web server, or use `swift package preview-documentation`).
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(LinearModel PlacementModel PlacementCSV PlacementFormulation PlacementVerify
         PlacementEngine PlacementResults PlacementSweeps PlacementReports AllVET)
args=()
for t in "${targets[@]}"; do args+=(--target "$t"); done
swift package generate-documentation --enable-experimental-combined-documentation \
  --warnings-as-errors "${args[@]}" "$@"
