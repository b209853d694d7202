#!/usr/bin/env bash
# compare-glpsol.sh — solve a round's first goal with allvet and with glpsol, side by side.
#
# Usage: scripts/compare-glpsol.sh INSTANCE [POLICY]
#
#   INSTANCE  a JSON instance file or a CSV folder
#   POLICY    a policy file (default: allvet's default policy, goals [placed, rank])
#
# What it does:
#   1. `allvet solve` the round (all goals; the level-1 value and level-1 solve time
#      are taken from summary.json);
#   2. `allvet export --to lp --level 1` writes the direct time-indexed model of
#      level 1 in CPLEX-LP form (LP keeps the objective sense; the MPS form
#      would minimise the negated objective of a maximised goal);
#   3. glpsol solves that file;
#   4. prints both level-1 objective values, both times and their ratio
#      (glpsol ÷ allvet), and whether the values agree (within 1e-6).
#
# Environment:
#   TIME_LIMIT  seconds for each solver (default 600): allvet --time-limit, glpsol --tmlim
#   ALLVET      the allvet binary (default: .build/release/allvet, built if missing)
#   KEEP        a folder to keep the results, the LP file and glpsol's report in
#               (default: a temporary folder, removed at the end)
#
# Times: allvet's is its level-1 solve (GLPK through the library, after building the
# model); glpsol's is the wall time of the whole glpsol run, including reading the LP
# file. Exit status: 0 when both reach the same proven optimum, 1 otherwise, 64 on usage errors.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 || "$1" == "-h" || "$1" == "--help" ]]; then
    sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
    [[ $# -ge 1 && ( "$1" == "-h" || "$1" == "--help" ) ]] && exit 0 || exit 64
fi
instance="$1"
policy="${2:-}"
limit="${TIME_LIMIT:-600}"
root="$(cd "$(dirname "$0")/.." && pwd)"

command -v glpsol >/dev/null || { echo "compare-glpsol: glpsol is missing; run scripts/setup.sh (apt-get install glpk-utils)" >&2; exit 1; }
allvet="${ALLVET:-$root/.build/release/allvet}"
if [[ ! -x "$allvet" ]]; then
    echo "compare-glpsol: building allvet (release) ..." >&2
    (cd "$root" && swift build -c release --product allvet >&2)
fi

if [[ -n "${KEEP:-}" ]]; then work="$KEEP"; mkdir -p "$work"; else work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT; fi
policy_args=()
[[ -n "$policy" ]] && policy_args=(--policy "$policy")

now() { date +%s.%N; }

# 1. allvet
rm -rf "$work/results"
set +e
"$allvet" solve "$instance" "${policy_args[@]}" --out "$work/results" --time-limit "$limit" --quiet
solve_status=$?
set -e
if [[ $solve_status -ne 0 && $solve_status -ne 3 ]]; then echo "compare-glpsol: allvet solve exited with $solve_status" >&2; exit 1; fi
read -r a_value a_status a_time < <(python3 - "$work/results/summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
l = s["levels"][0]
v = l["value"]
print("-" if v is None else repr(v), l["status"], s["timings_s"]["solve"][0])
PY
)

# 2. the level-1 model
rm -f "$work/level1.lp"
"$allvet" export "$instance" "${policy_args[@]}" --to lp --level 1 --out "$work/level1.lp" >/dev/null

# 3. glpsol
t0=$(now)
set +e
glpsol --lp "$work/level1.lp" --tmlim "$limit" -o "$work/glpsol-report.txt" >"$work/glpsol.log" 2>&1
g_exit=$?
set -e
t1=$(now)
g_time=$(python3 -c "print(round($t1 - $t0, 3))")
g_value=$(sed -n 's/^Objective: *[^=]*= *\([^ ]*\).*/\1/p' "$work/glpsol-report.txt" 2>/dev/null | head -1)
g_status=$(sed -n 's/^Status: *//p' "$work/glpsol-report.txt" 2>/dev/null | head -1)
[[ $g_exit -ne 0 ]] && g_status="glpsol exit $g_exit"

# 4. side by side
python3 - "$a_value" "$a_status" "$a_time" "${g_value:--}" "${g_status:-none}" "$g_time" "$instance" "${policy:-default policy}" <<'PY'
import sys
av, ast, at, gv, gst, gt, inst, pol = sys.argv[1:]
print(f"level 1 of {inst} under {pol}")
print(f"{'':8} {'value':>14} {'seconds':>10}  status")
print(f"{'allvet':8} {av:>14} {float(at):>10.3f}  {ast}")
print(f"{'glpsol':8} {gv:>14} {float(gt):>10.3f}  {gst}")
ratio = float(gt) / float(at) if float(at) > 0 else float("inf")
print(f"ratio glpsol / allvet: {ratio:.2f}")
same = av not in ("-",) and gv not in ("-",) and abs(float(av) - float(gv)) <= 1e-6 * max(1, abs(float(av)))
proven = ast == "optimal" and gst == "INTEGER OPTIMAL"
print("values agree" if same else "VALUES DIFFER", "(both proven optimal)" if proven else "(not both proven optimal)")
sys.exit(0 if same and proven else 1)
PY
