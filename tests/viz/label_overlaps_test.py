#!/usr/bin/env python3
"""Diagrams whose labels do not overlap (issue 12, point 6), counted by label_overlaps.py:

1. `make run`'s diagram: the examples store, `export --format svg` with the defaults;
2. 150 actors of a generated bench store (bench/gen_store.cpp, 3,000 actors, 30,000 events):
   `export --format svg --budget 150` (the 150 most connected actors).

usage: label_overlaps_test.py DIPLOGRAPH EXAMPLES_DIR [GEN_STORE]
Prints the figures; fails on any overlapping pair. Without GEN_STORE only the first runs.
"""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import label_overlaps  # noqa: E402
import xml.etree.ElementTree as ET  # noqa: E402


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        print(f"{' '.join(cmd)}: exit {r.returncode}\n{r.stderr}", file=sys.stderr)
        sys.exit(1)
    return r.stdout


def count(svg):
    boxes = label_overlaps.boxes(ET.parse(svg).getroot())
    pairs = label_overlaps.overlapping(boxes)
    for a, b in pairs[:20]:
        print(f"  “{boxes[a][4]}” × “{boxes[b][4]}”")
    return len(boxes), len(pairs)


def main(argv):
    bin_, examples = argv[1], argv[2]
    gen = argv[3] if len(argv) > 3 else None
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "examples.db")
        run([bin_, "--db", db, "import", examples])
        svg = os.path.join(tmp, "examples.svg")
        print(run([bin_, "--db", db, "export", "--format", "svg", "-o", svg]).strip())
        labels, pairs = count(svg)
        print(f"examples diagram: {labels} labels, {pairs} overlapping pairs")
        failed |= pairs > 0
        if labels < 60:  # the examples draw ~20 actors and ~40 labelled links
            print("examples diagram: fewer labels than expected", file=sys.stderr)
            failed = True
        if gen:
            bench = os.path.join(tmp, "bench.db")
            run([gen, bench, "--actors", "3000", "--events", "30000"])
            svg = os.path.join(tmp, "bench150.svg")
            print(run([bin_, "--db", bench, "export", "--format", "svg", "--budget", "150",
                       "-o", svg]).strip())
            labels, pairs = count(svg)
            print(f"bench store, 150 actors: {labels} labels, {pairs} overlapping pairs")
            failed |= pairs > 0
            if labels < 150:
                print("bench diagram: fewer labels than actors", file=sys.stderr)
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
