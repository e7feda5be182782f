#!/bin/sh
# Prints the README's tour: each command run on the bundled examples, with its real output
# (timings shown as "…"), between the markers the README keeps around it.
# Usage: scripts/readme_tour.sh [BUILD_DIR]            prints the tour
#        scripts/readme_tour.sh --update [BUILD_DIR]   rewrites the tour in README.md
#        scripts/readme_tour.sh --check [BUILD_DIR]    exits 1 when README.md's tour drifted
# Run from anywhere: it works in the repository's root (the export writes out/tour-togo.svg).
set -eu
MODE=print
case "${1:-}" in
  --update) MODE=update; shift ;;
  --check) MODE=check; shift ;;
esac
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "${1:-$ROOT/build}" && pwd)
cd "$ROOT"
mkdir -p out
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
DB=$TMP/tour.db
run() {
  printf '\n```console\n$ diplograph %s\n' "$*"
  # shellcheck disable=SC2068
  "$BUILD/diplograph" --db "$DB" $@ 2>&1 | sed -E -e 's/ in [0-9]+\.[0-9]+ s$/ in … s/' -e "s|$DB|diplograph.db|g" || true
  printf '```\n'
}
tour() {
  echo '<!-- tour: begin (scripts/readme_tour.sh --update) -->'
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
  echo
  echo '<!-- tour: end -->'
}
tour > "$TMP/tour.md"
case $MODE in
  print) cat "$TMP/tour.md" ;;
  update|check)
    # README.md with the region between the markers replaced by the fresh tour.
    awk -v tour="$TMP/tour.md" '
      /^<!-- tour: begin/ { while ((getline line < tour) > 0) print line; skip = 1; next }
      /^<!-- tour: end -->/ { skip = 0; next }
      !skip { print }' README.md > "$TMP/README.md"
    if ! grep -q '^<!-- tour: begin' README.md; then
      echo "README.md: no '<!-- tour: begin' marker" >&2; exit 2
    fi
    if [ "$MODE" = update ]; then
      cp "$TMP/README.md" README.md
    elif ! diff -u README.md "$TMP/README.md"; then
      echo "README.md: the tour drifted from the tool's output; run scripts/readme_tour.sh --update" >&2
      exit 1
    fi ;;
esac
