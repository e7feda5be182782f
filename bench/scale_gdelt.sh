#!/bin/bash
# A store of GDELT-like events at scale (issue 13): ROWS rows made by bench/gen_gdelt.py from the
# real rows of $DIPLOGRAPH_SHARED_DIR/data/gdelt (repeated with shifted ids and dates, in /tmp,
# never committed), imported by `diplograph import` into a fresh store; then the store's size per
# event, and `links`, `path`, `ego --depth 2` and `rank --by pagerank` timed (whole processes,
# best of RUNS) against NetworkX (Debian's python3-networkx, /usr/bin/python3) answering the same
# questions from the same store file (bench/networkx_queries.py), with the ratio.
#
# usage: bench/scale_gdelt.sh [BUILD_DIR] [ROWS]     (default build, 10,000,000 rows)
# environment: RUNS (default 3), NX_RUNS (NetworkX's runs, default RUNS), A and B (the actors
#              asked about; default USA and the actor with the fewest events that have a
#              partner), KEEP=1 to reuse a store made by an earlier run (or by
#              bench/replicate_store.py), DB the store file (default
#              /tmp/diplograph-bench-scale-ROWS.db), NX_MEM_GB (default 12: NetworkX's address
#              space is limited to it, so that a graph too big for the machine ends in a
#              MemoryError, reported, instead of the kernel's OOM killer). NetworkX's pagerank
#              needs python3-scipy. Each line also gives the peak RSS of both processes.
# The GDELT rows of one day merge (same pair, type and day: one event), so the store has fewer
# events than rows; both counts are printed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
rows=${2:-10000000}
runs=${RUNS:-3}
nx_runs=${NX_RUNS:-$runs}
nx_mem_kb=$(( ${NX_MEM_GB:-12} * 1024 * 1024 ))
shared=${DIPLOGRAPH_SHARED_DIR:-$here/../../shared}
gdelt=$shared/data/gdelt
tool=$build/diplograph
[ -x "$tool" ] || { echo "no $tool: build it first (Release)" >&2; exit 1; }
[ -f "$gdelt/20250807220000.export.CSV" ] || { echo "$gdelt: missing (set DIPLOGRAPH_SHARED_DIR)" >&2; exit 2; }
file=/tmp/diplograph-bench-gdelt-$rows.export.CSV
db=${DB:-/tmp/diplograph-bench-scale-$rows.db}
if [ "${KEEP:-0}" != 1 ] || [ ! -f "$db" ]; then
    [ -f "$file" ] || /usr/bin/python3 "$here/gen_gdelt.py" "$file" "$rows" \
        "$gdelt/20250807220000.export.CSV" "$gdelt/20250808131500.export.CSV"
    rm -f "$db" "$db-wal" "$db-shm"
    /usr/bin/time -f "%e %U %S %M" -o /tmp/diplograph-bench-scale.time \
        "$tool" --db "$db" import "$file" 2>/tmp/diplograph-bench-scale.err >/dev/null || true
    tail -1 /tmp/diplograph-bench-scale.err
    read -r wall user sys rss < /tmp/diplograph-bench-scale.time
    printf 'import of %s rows: %.1f s wall, %.1f s CPU, %.0f rows/s of CPU, peak memory %d MB\n' \
        "$rows" "$wall" "$(echo "$user + $sys" | bc -l)" "$(echo "$rows / ($user + $sys)" | bc -l)" \
        $((rss / 1024))
fi
events=$(/usr/bin/python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM events').fetchone()[0])" "$db")
bytes=$(stat -c %s "$db")
printf 'store %s: %d MB, %s events, %.0f bytes per event, %.0f bytes per row\n' \
    "$db" $((bytes >> 20)) "$events" "$(echo "$bytes / $events" | bc -l)" "$(echo "$bytes / $rows" | bc -l)"
a=${A:-USA}
b=${B:-$(/usr/bin/python3 -c "
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
print(con.execute('SELECT actor FROM participants WHERE event IN (SELECT event FROM participants GROUP BY event HAVING count(DISTINCT actor) > 1) GROUP BY actor ORDER BY count(DISTINCT event), actor LIMIT 1').fetchone()[0])" "$db")}

# Best of N runs: wall seconds and CPU seconds (user + system) of a whole process, and its
# largest peak RSS (MB). On a shared machine the CPU time is the steadier figure; the ratios are
# given for both. A process that fails (NetworkX out of memory) gives "failed".
best() {
    local n=$1; shift
    local best_wall="" best_cpu="" peak=0
    for _ in $(seq "$n"); do
        if ! /usr/bin/time -f "%e %U %S %M" -o /tmp/diplograph-bench-scale.q "$@" \
            > /tmp/diplograph-bench-scale.out 2> /tmp/diplograph-bench-scale.qerr; then
            echo "failed: $(tail -1 /tmp/diplograph-bench-scale.qerr)" >&2
            echo "failed"
            return
        fi
        local wall user sys rss cpu
        read -r wall user sys rss < <(tail -1 /tmp/diplograph-bench-scale.q)
        cpu=$(echo "$user + $sys" | bc -l)
        if [ -z "$best_wall" ] || (( $(echo "$wall < $best_wall" | bc -l) )); then best_wall=$wall; fi
        if [ -z "$best_cpu" ] || (( $(echo "$cpu < $best_cpu" | bc -l) )); then best_cpu=$cpu; fi
        if (( rss > peak )); then peak=$rss; fi
    done
    echo "$best_wall $best_cpu $((peak / 1024))"
}
echo "A=$a B=$b; best of $runs runs of ours, $nx_runs of NetworkX (whole processes; wall and CPU = user + system seconds; peak RSS in MB)"
printf '%-22s %10s %10s %7s   %10s %10s %7s   %8s %8s\n' question "ours wall" "nx wall" ratio "ours CPU" "nx CPU" ratio "ours RSS" "nx RSS"
ratio() { echo "$1 / ($2 + 0.0005)" | bc -l; }  # a process of 0.00 s CPU counts as 0.5 ms
run() {
    local name=$1 nx_question=$2; shift 2
    local ours theirs
    ours=$(best "$runs" "$tool" --db "$db" "$@")
    cp /tmp/diplograph-bench-scale.out "/tmp/diplograph-bench-scale-ours-$nx_question.txt"
    theirs=$( (ulimit -v "$nx_mem_kb"; best "$nx_runs" /usr/bin/python3 "$here/networkx_queries.py" "$db" "$nx_question" "$a" "$b") )
    cp /tmp/diplograph-bench-scale.out "/tmp/diplograph-bench-scale-nx-$nx_question.txt"
    read -r ow oc orss <<< "$ours"
    if [ "$theirs" = failed ]; then
        printf '%-22s %9.3fs %10s %7s   %9.3fs %10s %7s   %8s %8s\n' "$name" "$ow" failed - "$oc" failed - "$orss" -
        return
    fi
    read -r tw tc trss <<< "$theirs"
    printf '%-22s %9.3fs %9.3fs %6.1fx   %9.3fs %9.3fs %6.1fx   %8s %8s\n' "$name" "$ow" "$tw" \
        "$(ratio "$tw" "$ow")" "$oc" "$tc" "$(ratio "$tc" "$oc")" "$orss" "$trss"
}
run "links A" links links "$a"
run "path A B" path path "$a" "$b"
run "ego A --depth 2" ego ego "$a" --depth 2
run "rank --by pagerank" pagerank rank --by pagerank --top 20
# The same answers: the path's actors, the ego network's size, the top 10 by pagerank.
o=/tmp/diplograph-bench-scale-ours
n=/tmp/diplograph-bench-scale-nx
echo "path: ours $(sed -n 's/^path 1 ([0-9]* hops\?): //p' $o-path.txt | grep -o '([A-Z0-9/a-z-]*)' | tr -d '()' | paste -sd' '), networkx $(head -1 $n-path.txt | sed 's/ -> / /g')"
echo "ego --depth 2: ours $(sed -n 's/.*depth 2: \([0-9]*\) actors.*/\1/p' $o-ego.txt) actors, networkx $(wc -l < $n-ego.txt)"
echo "pagerank top 10: ours $(awk '$1 ~ /^[0-9]+$/ {print $0}' $o-pagerank.txt | head -10 | grep -o '([A-Z0-9/a-z-]*)' | tr -d '()' | paste -sd' ')"
echo "                 networkx $(head -10 $n-pagerank.txt | cut -d' ' -f1 | paste -sd' ')"
