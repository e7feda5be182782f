#!/bin/bash
# Times whole processes of `diplograph links|path|ego --depth 2|rank --by pagerank` against the
# same questions answered by NetworkX (Debian's python3-networkx, /usr/bin/python3) reading the
# same SQLite file, and prints each ratio.
#
# usage: bench/queries_vs_networkx.sh [BUILD_DIR]       (a Release build with DIPLOGRAPH_BUILD_BENCH)
# environment: ACTORS (default 100000), EVENTS (default 2000000), DB (default
#              /tmp/diplograph-bench-v2-$ACTORS-$EVENTS.db, generated when missing), RUNS (default 3)
# The default file is named after the schema version: a store of another version would be
# migrated (minutes, and timed) or refused, and builds of other branches may share /tmp.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build-rel}
actors=${ACTORS:-100000}
events=${EVENTS:-2000000}
runs=${RUNS:-3}
db=${DB:-/tmp/diplograph-bench-v2-$actors-$events.db}
tool=$build/diplograph
[ -x "$tool" ] || { echo "no $tool: build with -DCMAKE_BUILD_TYPE=Release -DDIPLOGRAPH_BUILD_BENCH=ON" >&2; exit 1; }
if [ ! -f "$db" ]; then
    "$build/bench/diplograph_gen_store" "$db" --actors "$actors" --events "$events"
fi

# The generator's ids: number i is org/O%07d when i%10=1, person/p-%07d when i%5=2, else A%07d.
actor_id() {
    local i=$1
    if (( i % 10 == 1 )); then printf 'org/O%07d' "$i"
    elif (( i % 5 == 2 )); then printf 'person/p-%07d' "$i"
    else printf 'A%07d' "$i"; fi
}
a=$(actor_id $(( actors / 100 * 1 )))      # a well-connected actor
b=$(actor_id $(( actors - 1 )))            # one of the least connected

# Best of $runs wall-clock seconds of a command, output discarded.
best() {
    local best_time=""
    for _ in $(seq "$runs"); do
        local start end t
        start=$(date +%s.%N)
        "$@" > /dev/null
        end=$(date +%s.%N)
        t=$(echo "$end - $start" | bc -l)
        if [ -z "$best_time" ] || (( $(echo "$t < $best_time" | bc -l) )); then best_time=$t; fi
    done
    echo "$best_time"
}

echo "store $db ($actors actors, $events events); A=$a B=$b; best of $runs runs"
printf '%-22s %12s %12s %8s\n' question diplograph networkx ratio
run() {
    local name=$1 nx_question=$2; shift 2
    local ours theirs
    ours=$(best "$tool" --db "$db" "$@")
    theirs=$(best /usr/bin/python3 "$here/networkx_queries.py" "$db" "$nx_question" "$a" "$b")
    printf '%-22s %11.3fs %11.3fs %7.1fx\n' "$name" "$ours" "$theirs" "$(echo "$theirs / $ours" | bc -l)"
}
run "links A" links links "$a"
run "path A B" path path "$a" "$b"
run "ego A --depth 2" ego ego "$a" --depth 2
run "rank --by pagerank" pagerank rank --by pagerank --top 20
