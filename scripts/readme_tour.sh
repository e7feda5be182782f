#!/bin/sh
# Prints the README's tour: each command run on the bundled examples, with its real output.
# Usage: scripts/readme_tour.sh [BUILD_DIR] > /tmp/tour.md, then paste into README.md.
set -eu
BUILD=${1:-build}
DB=$(mktemp -d)/tour.db
run() {
  printf '\n```console\n$ diplograph %s\n' "$*"
  # shellcheck disable=SC2068
  "$BUILD/diplograph" --db "$DB" $@ 2>&1 || true
  printf '```\n'
}
run import examples/
run stats
run entities --match Poutine
run entities --kind organization
run extract examples/articles/fr-togo-russie.txt
run links TGO
run path TGO UKR
run timeline TGO RUS
run rank --by degree --top 5
run blocs
run export --actor TGO --depth 2 --format svg --force -o out/tour-togo.svg
