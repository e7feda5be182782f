#!/bin/sh
# Runs every benchmark of bench/ against a Release build (default: build/); each prints its figures.
set -eu
BUILD=${1:-build}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
echo "== load_graph: Graph::load of a generated store (100k events, 1M evidence rows)"
(cd "$WORK" && "$OLDPWD/$BUILD/bench/bench_load_graph")
for script in "$HERE"/*.sh; do
  [ "$(basename "$script")" = run.sh ] && continue
  echo "== $(basename "$script")"
  sh "$script" "$BUILD"
done
