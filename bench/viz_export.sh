#!/bin/bash
# Whole-process times of `diplograph export` (best of RUNS: CPU time, user + sys, which a busy
# machine disturbs less, and wall clock): the examples diagram (examples/ imported into a fresh
# store), 150 and 2,000 actors of the 10k bench store, and of the 100k one when it exists,
# with PNGs of 150 and 2,000 actors, an ego network and a path there. bench_viz_render --db
# STORE splits one diagram's time into its phases.
#
# usage: bench/viz_export.sh [BUILD_DIR]      (a Release build with DIPLOGRAPH_BUILD_BENCH)
# environment: RUNS (default 3); DB10K (default /tmp/diplograph-bench-v2-10000-200000.db,
#              generated when missing); DB100K (default /tmp/diplograph-bench-v2-100000-2000000.db,
#              skipped when missing: bench/queries_vs_networkx.sh makes it). The files are
#              named after the schema version: a file of an older one would be migrated (written).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build-rel}
runs=${RUNS:-3}
db10k=${DB10K:-/tmp/diplograph-bench-v2-10000-200000.db}
db100k=${DB100K:-/tmp/diplograph-bench-v2-100000-2000000.db}
tool=$build/diplograph
[ -x "$tool" ] || { echo "no $tool: build with -DCMAKE_BUILD_TYPE=Release -DDIPLOGRAPH_BUILD_BENCH=ON" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f "$db10k" ] || "$build/bench/diplograph_gen_store" "$db10k" --actors 10000 --events 200000
"$tool" --db "$work/examples.db" --quiet import "$here/../examples" > /dev/null

# Best of $runs CPU (user + sys) and wall-clock seconds of an export, and its summary line.
measure() {
    local what=$1 db=$2 format=$3; shift 3
    local best_cpu="" best_wall="" line=""
    for _ in $(seq "$runs"); do
        line=$(/usr/bin/time -f "TIME %U %S %e" -o "$work/time" \
            "$tool" --db "$db" export --format "$format" --force -o "$work/out.$format" "$@")
        read -r _ user sys wall < "$work/time"
        local cpu
        cpu=$(echo "$user + $sys" | bc -l)
        if [ -z "$best_cpu" ] || (( $(echo "$cpu < $best_cpu" | bc -l) )); then best_cpu=$cpu; fi
        if [ -z "$best_wall" ] || (( $(echo "$wall < $best_wall" | bc -l) )); then best_wall=$wall; fi
    done
    printf '%-30s %7.2f s %7.2f s   %s\n' "$what" "$best_cpu" "$best_wall" \
        "$(echo "$line" | sed 's/^wrote [^:]*: //; s/ in [0-9.]* s$//')"
}

# The generator's ids (as in queries_vs_networkx.sh): a well-connected actor and one of the
# least connected.
actor_id() {
    local i=$1
    if (( i % 10 == 1 )); then printf 'org/O%07d' "$i"
    elif (( i % 5 == 2 )); then printf 'person/p-%07d' "$i"
    else printf 'A%07d' "$i"; fi
}

uptime
printf '%-30s %9s %9s   %s\n' "diagram" "cpu" "wall" "drawn"
measure "examples, svg" "$work/examples.db" svg
measure "examples, png" "$work/examples.db" png
measure "10k store, 150 actors" "$db10k" svg
measure "10k store, 2,000 actors" "$db10k" svg --budget 2000
if [ -f "$db100k" ]; then
    a=$(actor_id 1000) b=$(actor_id 99999)
    measure "100k store, 150 actors" "$db100k" svg
    measure "100k store, 150, png" "$db100k" png
    measure "100k store, 2,000 actors" "$db100k" svg --budget 2000
    measure "100k store, 2,000, png" "$db100k" png --budget 2000
    measure "100k, ego $a --depth 2" "$db100k" svg --actor "$a" --depth 2
    measure "100k, path $a $b" "$db100k" svg --path "$a" "$b"
    measure "100k, 150 since 2020 MEET" "$db100k" svg --since 2020-01-01 --type MEET
    measure "100k, ego depth 2, graphml" "$db100k" graphml --actor "$a" --depth 2
fi
