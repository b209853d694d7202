#!/usr/bin/env bash
# seeds.sh — allvet's speed on several generated rounds of one size: each seed's time and
# levels, then the median and the worst (issue 15, part 3: one benchmark round is a sample
# of one).
#
# Usage: scripts/seeds.sh PARTICIPANTS HOSTS [POLICY]
#
#   PARTICIPANTS, HOSTS  the size, as `allvet generate --participants N --hosts M`
#   POLICY               a policy file (default: allvet's default policy)
#
# Environment:
#   SEEDS       the seeds (default "1 2 3 4 5")
#   TIME_LIMIT  seconds for each solve (default 120): a level not proven by then counts
#               as the limit in the median and is named in the table
#   ALLVET      the allvet binary (default: .build/release/allvet, built if missing)
#   GROUP_SHARE the generator's --groups (default: its own, 0.1; 0 for rounds without
#               travel groups, like the shared benchmark rounds)
#
# Each solve is `allvet solve ROUND [--policy POLICY] --no-rule-prices --time-limit T`,
# timed end to end (reading, solving, writing and self-verification). The rounds are
# written to a temporary folder, removed at the end. Exit status: 0 when every level of
# every seed is proven, 1 otherwise, 64 on usage errors.
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 || "$1" == "-h" || "$1" == "--help" ]]; then
    sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'
    [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]] && exit 0
    exit 64
fi
participants=$1 hosts=$2 policy=${3:-}
[[ "$participants" =~ ^[0-9]+$ && "$hosts" =~ ^[0-9]+$ ]] || { echo "seeds.sh: PARTICIPANTS and HOSTS are whole numbers" >&2; exit 64; }
[[ -z "$policy" || -f "$policy" ]] || { echo "seeds.sh: no policy file '$policy'" >&2; exit 64; }
seeds=${SEEDS:-1 2 3 4 5}
limit=${TIME_LIMIT:-120}
allvet=${ALLVET:-.build/release/allvet}
if [[ ! -x "$allvet" ]]; then swift build -c release --product allvet >&2; fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
policy_args=()
group_args=()
[[ -n "${GROUP_SHARE:-}" ]] && group_args=(--groups "$GROUP_SHARE")
[[ -n "$policy" ]] && policy_args=(--policy "$policy")

all_proven=1
times=()
printf '%-6s %9s  %s\n' seed seconds levels
for seed in $seeds; do
    round="$work/round-$seed.json"
    "$allvet" generate --participants "$participants" --hosts "$hosts" --seed "$seed" ${group_args[@]+"${group_args[@]}"} \
        --out "$round" --force >/dev/null
    start=$(date +%s.%N)
    status=0
    "$allvet" solve "$round" ${policy_args[@]+"${policy_args[@]}"} --no-rule-prices --time-limit "$limit" --quiet \
        --out "$work/out-$seed" >/dev/null 2>&1 || status=$?
    end=$(date +%s.%N)
    seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
    levels=$(python3 -c '
import json, sys
try:
    s = json.load(open(sys.argv[1]))
except OSError:
    print("no results (exit " + sys.argv[2] + ")"); sys.exit()
print(", ".join("%s %s (%s)" % (l["goal"], l.get("value"), l["status"]) for l in s["levels"]))
' "$work/out-$seed/summary.json" "$status")
    [[ "$levels" == *"(feasible)"* || "$levels" == *"(time_limit)"* || "$levels" == *"(not_solved)"* || "$levels" == no\ results* ]] && all_proven=0
    printf '%-6s %9s  %s\n' "$seed" "$seconds" "$levels"
    times+=("$seconds")
    rm -rf "$work/out-$seed" "$round"
done
printf '%s\n' "${times[@]}" | sort -n | awk '
    { t[NR] = $1 }
    END {
        median = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
        printf "median %.2f s, worst %.2f s over %d seeds\n", median, t[NR], NR
    }'
[[ $all_proven == 1 ]]
