#!/usr/bin/env bash
# compare-solvers.sh — solve a round with allvet and with other MIP solvers, side by side, in one run.
#
# Usage: scripts/compare-solvers.sh INSTANCE [POLICY]
#
#   INSTANCE  a JSON instance file or a CSV folder
#   POLICY    a policy file (default: allvet's default policy, goals [placed, rank])
#
# What it does, for each solver in SOLVERS, with the goals of the policy's
# objective solved lexicographically (level 1, then level 2 with level 1 held, ...):
#   allvet  `allvet solve INSTANCE --policy POLICY --time-limit TIME_LIMIT --quiet`;
#           its time is the wall time of the whole command (reading, model,
#           solving, writing and its self-verification); values and statuses
#           from summary.json (`levels`), candidates from `model.columns`;
#   glpsol, cbc, highs
#           solve the direct time-indexed model that `allvet export --to mps
#           --level K` writes (free MPS; one file per level, shared by the three):
#           level 1's model, then level 2's, and so on. The model of level K holds
#           levels 1..K-1 at their optimal values, which `allvet export` finds as
#           `allvet solve` does (the pair decomposition): export time is NOT
#           counted, and a level-K model whose earlier levels export cannot prove
#           within EXPORT_TIME_LIMIT does not exist (the table says "no model of
#           GOAL"). A solver's time is the sum of the wall times of
#           its solver calls (glpsol, cbc: the process; HiGHS: readModel + run in
#           highspy), reading the file included; each level gets what is left of
#           TIME_LIMIT (glpsol: whole seconds, at least 1). A level not proven
#           optimal within it ends that solver's run; the table says what was
#           reached. A solver that overruns its limit by 60 s + 20 % is killed.
# Then it prints a Markdown table (one column per solver: time and the levels'
# values, "not proven in T s (...)" or "no solution in T s") and one line per
# solver: whether its proven values agree with allvet's (within 1e-6), and the
# ratio of its time to allvet's when both proved every level.
#
# Signs: free MPS has no objective sense, so `allvet export --to mps` writes a
# maximised goal (placed) as the minimisation of its negation (the file's header
# says so); the values and bounds the solvers report are negated back. CBC reads a file
# as fixed MPS unless its NAME card says FREE, so CBC gets a copy that says it.
# Every solver is run with the relative MIP gap of the policy (limits.mip_gap,
# else 0, as allvet), so "optimal" means proven optimal.
#
# Environment:
#   TIME_LIMIT   seconds per solver for all levels together (default 300)
#   SOLVERS      which solvers, in any order (default "allvet glpsol cbc highs")
#   ALLVET       the allvet binary (default: .build/release/allvet, built if missing)
#   KEEP         a folder to keep the results, models, logs and reports in
#                (default: a temporary folder, removed at the end)
#   EXPORT_TIME_LIMIT  seconds `allvet export` may take to solve the earlier
#                levels of a level-K model (default: TIME_LIMIT; not counted)
#
# CBC is the binary bundled with PuLP, HiGHS is highspy, both from PyPI: when
# python3 cannot import them, they are installed into a virtual environment at
# ${XDG_CACHE_HOME:-$HOME/.cache}/allvet-compare-venv (never into the repository).
# glpsol comes from glpk-utils (scripts/setup.sh).
#
# Exit status: 0 when no proven value differs from allvet's, 1 when one does or
# a solver run failed, 64 on usage errors.
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
die_usage() { echo "compare-solvers: $1 (see --help)" >&2; exit 64; }
if [[ $# -ge 1 && ( "$1" == "-h" || "$1" == "--help" ) ]]; then usage; exit 0; fi
if [[ $# -lt 1 || $# -gt 2 ]]; then usage >&2; exit 64; fi
instance="$1"
policy="${2:-}"
[[ -e "$instance" ]] || die_usage "no such instance: $instance"
[[ -z "$policy" || -f "$policy" ]] || die_usage "no such policy file: $policy"
limit="${TIME_LIMIT:-300}"
[[ "$limit" =~ ^([0-9]+\.?[0-9]*|\.[0-9]+)$ ]] && python3 -c "import sys; sys.exit(0 if float('$limit') > 0 else 1)" \
    || die_usage "TIME_LIMIT must be a positive number of seconds, not '$limit'"
export_limit="${EXPORT_TIME_LIMIT:-$limit}"
[[ "$export_limit" =~ ^([0-9]+\.?[0-9]*|\.[0-9]+)$ ]] && python3 -c "import sys; sys.exit(0 if float('$export_limit') > 0 else 1)" \
    || die_usage "EXPORT_TIME_LIMIT must be a positive number of seconds, not '$export_limit'"
read -r -a solvers <<<"${SOLVERS:-allvet glpsol cbc highs}"
[[ ${#solvers[@]} -gt 0 ]] || die_usage "SOLVERS is empty"
for s in "${solvers[@]}"; do
    case "$s" in allvet|glpsol|cbc|highs) ;; *) die_usage "unknown solver '$s' in SOLVERS (allvet, glpsol, cbc, highs)";; esac
done
wants() { [[ " ${solvers[*]} " == *" $1 "* ]]; }

root="$(cd "$(dirname "$0")/.." && pwd)"
# Absolute paths: the helper runs the tools from its own working folder.
instance="$(cd "$(dirname "$instance")" && pwd)/$(basename "$instance")"
[[ -n "$policy" ]] && policy="$(cd "$(dirname "$policy")" && pwd)/$(basename "$policy")"

if wants glpsol; then
    command -v glpsol >/dev/null || { echo "compare-solvers: glpsol is missing; run scripts/setup.sh (apt-get install glpk-utils)" >&2; exit 1; }
fi
allvet="${ALLVET:-$root/.build/release/allvet}"
if [[ ! -x "$allvet" ]]; then
    if [[ -n "${ALLVET:-}" ]]; then echo "compare-solvers: ALLVET=$ALLVET is not an executable" >&2; exit 64; fi
    echo "compare-solvers: building allvet (release) ..." >&2
    (cd "$root" && swift build -c release --product allvet >&2)
fi
allvet="$(cd "$(dirname "$allvet")" && pwd)/$(basename "$allvet")"

# Python: the system's python3 when it has what the chosen solvers need, else the venv.
python=python3
needs=()
wants cbc && needs+=(pulp)
wants highs && needs+=(highspy)
if [[ ${#needs[@]} -gt 0 ]]; then
    imports="import $(IFS=,; echo "${needs[*]}")"
    if ! python3 -c "$imports" 2>/dev/null; then
        venv="${XDG_CACHE_HOME:-$HOME/.cache}/allvet-compare-venv"
        python="$venv/bin/python"
        if ! { [[ -x "$python" ]] && "$python" -c "$imports" 2>/dev/null; }; then
            echo "compare-solvers: installing ${needs[*]} into $venv ..." >&2
            [[ -x "$python" ]] || python3 -m venv "$venv" >&2
            "$python" -m pip install --quiet --disable-pip-version-check "${needs[@]}" >&2
            "$python" -c "$imports" || { echo "compare-solvers: could not install ${needs[*]} into $venv" >&2; exit 1; }
        fi
    fi
fi

# The policy's relative MIP gap (limits.mip_gap), as allvet uses it; 0 without one.
gap=0
if [[ -n "$policy" ]]; then
    gap=$(python3 -c 'import json, sys
try: print(float((json.load(open(sys.argv[1])).get("limits") or {}).get("mip_gap") or 0))
except Exception: print(0)' "$policy")
fi

if [[ -n "${KEEP:-}" ]]; then
    mkdir -p "$KEEP"; work="$(cd "$KEEP" && pwd)"
else
    work="$(mktemp -d "${TMPDIR:-/tmp}/compare-solvers.XXXXXX")"; trap 'rm -rf "$work"' EXIT
fi

policy_args=()
[[ -n "$policy" ]] && policy_args=(--policy "$policy")
set +e
"$python" "$root/scripts/compare_solvers.py" --instance "$instance" "${policy_args[@]}" --allvet "$allvet" \
    --time-limit "$limit" --export-time-limit "$export_limit" --gap "$gap" --solvers "${solvers[*]}" \
    --work "$work" --keep "${KEEP:+$work}"
status=$?
set -e
exit $status
