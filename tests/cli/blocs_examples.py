#!/usr/bin/env python3
"""`blocs` on the examples store (`make run`'s): signed blocs separate China from Taiwan
(Nicaragua established relations with China and severed them with Taiwan, which condemned it)
and keep China with Nicaragua; every bloc reports its internal conflict.

usage: blocs_examples.py DIPLOGRAPH EXAMPLES_DIR
"""
import json
import os
import subprocess
import sys
import tempfile


def main(argv):
    bin_, examples = argv[1], argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "examples.db")
        subprocess.run([bin_, "--db", db, "import", examples], check=True, capture_output=True)
        out = subprocess.run([bin_, "--db", db, "--json", "blocs"], check=True,
                             capture_output=True, text=True).stdout
        text = subprocess.run([bin_, "--db", db, "blocs"], check=True, capture_output=True,
                              text=True).stdout
    d = json.loads(out)
    bloc = {m: i for i, c in enumerate(d["communities"]) for m in c["members"]}
    failures = []
    if bloc["CHN"] == bloc["TWN"]:
        failures.append("CHN and TWN in one bloc")
    if bloc["CHN"] != bloc["NIC"]:
        failures.append("CHN and NIC in different blocs")
    if not d["method"].startswith("signed modularity"):
        failures.append(f"method {d['method']!r}")
    for c in d["communities"]:
        if not (0 <= c["conflict"] <= 1 and c["conflict_inside"] <= c["events_inside"]):
            failures.append(f"bad conflict figures {c}")
    if "conflict inside" not in text:
        failures.append("the table has no 'conflict inside' column")
    print(f"CHN in bloc {bloc['CHN'] + 1}, NIC in {bloc['NIC'] + 1}, TWN in {bloc['TWN'] + 1}; "
          f"{len(d['communities'])} blocs, signed modularity {d['modularity']:.3f}")
    for f in failures:
        print("FAIL:", f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
