"""SIGKILL an import at random points, 20 times (bounded), and check after each kill that the
store is sound (check --full), holds whole batches (the import commits every 2,000 articles),
and that importing again gives the store an uninterrupted import gives (issue 14).
Usage: kill_import.py DIPLOGRAPH"""
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

import findings

KILLS, RECORDS, BATCH = 20, 2500, 2000


def stats(tool, db):
    return json.loads(subprocess.run([tool, "--db", db, "--json", "stats"], check=True,
                                     capture_output=True, text=True).stdout)


def main():
    tool = sys.argv[1]
    rng = random.Random(14)
    with tempfile.TemporaryDirectory() as work:
        data = os.path.join(work, "data.jsonl")
        findings.write(data, RECORDS, 2, "kill")
        reference = os.path.join(work, "reference.db")
        start = time.monotonic()
        subprocess.run([tool, "--db", reference, "-q", "import", data], check=True)
        full_s = time.monotonic() - start
        expected = stats(tool, reference)
        kept_counts = []
        for i in range(KILLS):
            db = os.path.join(work, f"k{i}.db")
            p = subprocess.Popen([tool, "--db", db, "-q", "import", data])
            time.sleep(rng.uniform(0.05, max(0.1, full_s * 1.1)))
            p.send_signal(signal.SIGKILL)
            p.wait()
            if not os.path.exists(db):
                kept_counts.append(0)
                continue
            check = subprocess.run([tool, "--db", db, "check", "--full"], capture_output=True,
                                   text=True)
            # Killed before the schema was written: a file (or an SQLite file) with nothing.
            empty = ("an empty database: nothing imported yet" in check.stdout or
                     "an empty file, not a diplograph database" in check.stdout)
            if empty:
                kept_counts.append(0)
            elif check.returncode != 0:
                print(f"FAIL: kill {i}: {check.stdout.strip()} {check.stderr.strip()}")
                return 1
            kept = 0 if empty else stats(tool, db)["sources"]
            if not empty:
                kept_counts.append(kept)
            if kept not in (0, BATCH, RECORDS):
                print(f"FAIL: kill {i}: {kept} articles kept, not a whole batch")
                return 1
            again = subprocess.run([tool, "--db", db, "-q", "import", data], capture_output=True,
                                   text=True)
            if again.returncode != 0 or stats(tool, db) != expected:
                print(f"FAIL: kill {i}: importing again: exit {again.returncode} "
                      f"{again.stderr.strip()}; {stats(tool, db)} != {expected}")
                return 1
            os.remove(db)
        print(f"{KILLS} kills of an import of {RECORDS} articles ({full_s:.1f} s uninterrupted): "
              f"articles kept {kept_counts}; every store sound and equal after importing again")
        return 0


if __name__ == "__main__":
    sys.exit(main())
