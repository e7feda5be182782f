#!/usr/bin/env python3
"""Runs shared/tools/score.py on the dev corpus and fails when a figure drops below its floor.

usage: score_floor.py SHARED_DIR BIN [OWN_CORPUS]

OWN_CORPUS (tests/corpus/own, written by the team and never tuned on line by line) is scored too,
with its own floors: it shows how the rules carry over to articles they were not written from.

The floors sit just under what was measured when they were set; raise them as the extractor
improves. A missing corpus or scorer is a failure, not a skip: the test exists to watch them.
"""
import json
import subprocess
import os
import sys
from pathlib import Path

# Measured on 2026-11-28 (second session) after the rules that articles of ours written for it led
# to: countries 0.950, people 0.894, organizations 1.000, events typed 0.844, strict 0.798.
# Countries lowered to 0.93 in the eighth session: a recalled ambassador is now a protest (as
# tests/corpus/own codes it), and one dev article's gold lists neither country of a recall it tells.
FLOORS = {
    "countries": 0.93,
    "people": 0.88,
    "organizations": 0.95,
    "events_typed": 0.83,
    "events_strict": 0.785,
}


# tests/corpus/own (95 articles; 32 added in the fourth session), measured on 2026-11-28 (fourth
# session): countries 0.968, people 0.925, organizations 0.955, events typed 0.892, strict 0.863.
OWN_FLOORS = {
    "countries": 0.96,
    "people": 0.915,
    "organizations": 0.945,
    "events_typed": 0.88,
    "events_strict": 0.85,
}


def check(scorer, corpus, binary, floors):
    if not (corpus / "gold.jsonl").exists():
        print(f"{corpus / 'gold.jsonl'}: missing")
        return False
    run = subprocess.run([sys.executable, str(scorer), str(corpus), "--bin", binary, "--json"],
                         capture_output=True, text=True, timeout=1200)
    if run.returncode != 0:
        print(run.stdout, run.stderr)
        return False
    figures = json.loads(run.stdout.splitlines()[0])
    ok = True
    if figures.get("failures"):
        print(f"{corpus}: {figures['failures']} article(s) failed to extract")
        ok = False
    for field, floor in floors.items():
        f1 = figures[field]["f1"]
        status = "ok" if f1 >= floor else "BELOW FLOOR"
        print(f"{corpus.name:4s} {field:15s} F1={f1:.3f} floor={floor:.3f} {status}")
        ok &= f1 >= floor
    return ok


def main():
    if len(sys.argv) not in (3, 4):
        print(__doc__)
        return 2
    shared, binary = Path(sys.argv[1]), sys.argv[2]
    corpus, scorer = shared / "corpus" / "dev", shared / "tools" / "score.py"
    for needed in (corpus / "gold.jsonl", scorer):
        if not needed.exists():
            print(f"{needed}: missing: the shared folder {shared} is not beside the repository "
                  "(set DIPLOGRAPH_SHARED_DIR to it)")
            # A clone outside the team's layout skips (CTest: SKIP_RETURN_CODE); CI fails.
            return 1 if os.environ.get("DIPLOGRAPH_REQUIRE_SHARED") == "1" else 77
    ok = check(scorer, corpus, binary, FLOORS)
    if len(sys.argv) == 4:
        ok &= check(scorer, Path(sys.argv[3]), binary, OWN_FLOORS)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
