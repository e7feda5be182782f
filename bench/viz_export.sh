#!/bin/bash
# Whole-process times of `diplograph export --format svg` (best of RUNS, wall clock): the
# examples diagram (examples/ imported into a fresh store), 150 and 2,000 actors of the 10k
# bench store, and of the 100k one when it exists. bench_viz_render --db STORE splits one
# diagram's time into its phases.
#
# usage: bench/viz_export.sh [BUILD_DIR]      (a Release build with DIPLOGRAPH_BUILD_BENCH)
# environment: RUNS (default 3); DB10K (default /tmp/diplograph-bench-10000-200000.db, generated
#              when missing); DB100K (default /tmp/diplograph-bench-100000-2000000.db, skipped
#              when missing: bench/queries_vs_networkx.sh makes it)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build-rel}
runs=${RUNS:-3}
db10k=${DB10K:-/tmp/diplograph-bench-10000-200000.db}
db100k=${DB100K:-/tmp/diplograph-bench-100000-2000000.db}
tool=$build/diplograph
[ -x "$tool" ] || { echo "no $tool: build with -DCMAKE_BUILD_TYPE=Release -DDIPLOGRAPH_BUILD_BENCH=ON" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f "$db10k" ] || "$build/bench/diplograph_gen_store" "$db10k" --actors 10000 --events 200000
"$tool" --db "$work/examples.db" --quiet import "$here/../examples" > /dev/null

# Best of $runs wall-clock seconds of an export, and its summary line.
measure() {
    local what=$1 db=$2 budget=$3 format=${4:-svg} best_time="" line=""
    for _ in $(seq "$runs"); do
        local start end t
        start=$(date +%s.%N)
        line=$("$tool" --db "$db" export --format "$format" -o "$work/out.$format" --budget "$budget")
        end=$(date +%s.%N)
        t=$(echo "$end - $start" | bc -l)
        if [ -z "$best_time" ] || (( $(echo "$t < $best_time" | bc -l) )); then best_time=$t; fi
    done
    printf '%-28s %7.2f s   %s\n' "$what" "$best_time" "$(echo "$line" | sed 's/^wrote [^:]*: //; s/ in [0-9.]* s$//')"
}

printf '%-28s %9s   %s\n' "diagram" "process" "drawn"
measure "examples, svg" "$work/examples.db" 150
measure "examples, png" "$work/examples.db" 150 png
measure "10k store, 150 actors" "$db10k" 150
measure "10k store, 2,000 actors" "$db10k" 2000
if [ -f "$db100k" ]; then
    measure "100k store, 150 actors" "$db100k" 150
    measure "100k store, 2,000 actors" "$db100k" 2000
fi
