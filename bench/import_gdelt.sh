#!/bin/sh
# GDELT 2.0 import speed, one core (taskset -c 0), into a fresh store: `diplograph import` of a
# large export file made of the real rows of ../shared/data/gdelt repeated with shifted ids and
# dates (bench/gen_gdelt.py, written to /tmp, never committed), against pandas read_csv +
# to_sql into SQLite on the same file (bench/pandas_gdelt.py, run by Debian's /usr/bin/python3 with
# python3-pandas), in the same script.
#
# usage: bench/import_gdelt.sh [BUILD_DIR] [ROWS]   (default build, 1,000,000 rows)
# The real files are read from $DIPLOGRAPH_SHARED_DIR/data/gdelt (default ../shared).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
rows=${2:-1000000}
shared=${DIPLOGRAPH_SHARED_DIR:-$here/../../shared}
gdelt=$shared/data/gdelt
[ -f "$gdelt/20250807220000.export.CSV" ] || { echo "$gdelt: missing (set DIPLOGRAPH_SHARED_DIR)" >&2; exit 2; }
file=/tmp/diplograph-bench-gdelt-$rows.export.CSV
[ -f "$file" ] || python3 "$here/gen_gdelt.py" "$file" "$rows" \
    "$gdelt/20250807220000.export.CSV" "$gdelt/20250808131500.export.CSV"
echo "input: $file, $rows rows, $(du -mL "$file" | cut -f1) MB"

# Wall time and CPU time (user + sys) of each whole process: on a loaded machine the CPU time
# is the comparable figure.
db=/tmp/diplograph-bench-gdelt.db
rm -f "$db" "$db-wal" "$db-shm"
/usr/bin/time -f "%e %U %S" -o /tmp/diplograph-bench-gdelt.time \
    taskset -c 0 "$build/diplograph" --db "$db" import "$file" 2>/tmp/diplograph-bench-gdelt.err >/dev/null || true
tail -1 /tmp/diplograph-bench-gdelt.err
set -- $(cat /tmp/diplograph-bench-gdelt.time)
ours_wall=$1 ours_cpu=$(echo "$2 + $3" | bc -l)
printf 'diplograph import: %.2f s wall, %.2f s CPU, %.0f rows/s of CPU, store %s MB\n' \
    "$ours_wall" "$ours_cpu" "$(echo "$rows / $ours_cpu" | bc -l)" "$(du -m "$db" | cut -f1)"

pdb=/tmp/diplograph-bench-gdelt-pandas.db
/usr/bin/time -f "%e %U %S" -o /tmp/diplograph-bench-gdelt-pandas.time \
    taskset -c 0 /usr/bin/python3 "$here/pandas_gdelt.py" "$file" "$pdb" >/dev/null
set -- $(cat /tmp/diplograph-bench-gdelt-pandas.time)
theirs_wall=$1 theirs_cpu=$(echo "$2 + $3" | bc -l)
printf 'pandas read_csv + to_sql: %.2f s wall, %.2f s CPU, %.0f rows/s of CPU, file %s MB\n' \
    "$theirs_wall" "$theirs_cpu" "$(echo "$rows / $theirs_cpu" | bc -l)" "$(du -m "$pdb" | cut -f1)"
printf 'ratio (pandas CPU / diplograph CPU): %.2f; wall: %.2f\n' \
    "$(echo "$theirs_cpu / $ours_cpu" | bc -l)" "$(echo "$theirs_wall / $ours_wall" | bc -l)"
