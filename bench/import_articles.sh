#!/bin/sh
# Articles per second: imports N articles (default 10,000) into a fresh store, on one core.
#
#   bench/import_articles.sh [BUILD_DIR] [N]
#
# The articles are the team's own texts (tests/corpus/own, examples/articles) plus the dev
# corpus when ../shared is there, each repeated with a different URL, title and date so that
# every one is a new source. They go in one JSON Lines file (the JSON article format), so the
# figure covers reading, language detection, sentences, dictionary matching, events, dates and
# the store, not the file system. The anchor is TABARI's 1,000-2,000 sentences per second; the
# goal is 2,000 articles per second. The shared folder is $DIPLOGRAPH_SHARED_DIR, else ../shared
# beside the source tree (a git worktree elsewhere must set it to measure the same articles).
set -eu
BUILD=${1:-build}
N=${2:-10000}
HERE=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
SHARED=${DIPLOGRAPH_SHARED_DIR:-$HERE/../shared}
/usr/bin/python3 - "$HERE" "$N" "$WORK/articles" "$SHARED" <<'PY'
import json, pathlib, sys
root, n, out = pathlib.Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
files = sorted((root / "tests/corpus/own/articles").glob("*.txt")) + sorted((root / "examples/articles").glob("*.txt"))
dev = pathlib.Path(sys.argv[4]) / "corpus/dev/articles"
if dev.is_dir():
    files += sorted(dev.glob("*.txt"))
texts = []
for f in files:
    lines = f.read_text(encoding="utf-8").split("\n", 1)
    texts.append((lines[0], lines[1] if len(lines) > 1 else ""))
sentences = 0
import os
os.makedirs(out, exist_ok=True)
o = None
for i in range(n):
    if i % 500 == 0:
        if o: o.close()
        o = open(f"{out}/part-{i // 500:04d}.jsonl", "w", encoding="utf-8")
    if True:
        title, body = texts[i % len(texts)]
        day = 1 + i % 28
        o.write(json.dumps({"url": f"https://bench.example/{i}", "title": f"{title} ({i})",
                            "text": body, "published": f"2024-{1 + i % 12:02d}-{day:02d}"},
                           ensure_ascii=False) + "\n")
        sentences += body.count(". ") + body.count(".\n") + 1
o.close()
size = sum(f.stat().st_size for f in pathlib.Path(out).iterdir())
print(f"{n} articles from {len(texts)} texts, about {sentences} sentences, {size / 1e6:.1f} MB",
      file=sys.stderr)
with open(out.rsplit("/", 1)[0] + "/articles.sentences", "w") as s:
    s.write(str(sentences))
PY
SENTENCES=$(cat "$WORK/articles.sentences")
START=$(date +%s.%N)
status=0
taskset -c 0 "$BUILD/diplograph" --db "$WORK/bench.db" --quiet import "$WORK/articles" || status=$?
END=$(date +%s.%N)
[ "$status" -le 2 ] || { echo "import failed (exit $status)" >&2; exit 1; }
STORED=$("$BUILD/diplograph" --db "$WORK/bench.db" --json stats | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["sources"])')
[ "$STORED" -eq "$N" ] || { echo "only $STORED of $N articles stored" >&2; exit 1; }
/usr/bin/python3 -c "
import sys
n, s, t = $N, $SENTENCES, $END - $START
print(f'imported {n} articles in {t:.2f} s on one core: {n / t:.0f} articles/s, {s / t:.0f} sentences/s')
print(f'ratio to the goal of 2,000 articles/s: {n / t / 2000:.2f}; to TABARI 1,000-2,000 sentences/s: {s / t / 2000:.1f}x-{s / t / 1000:.1f}x')
"
