"""4 importers and 4 readers on one store at once, for a bounded time (issue 14).

Every import must succeed and all its articles be present at the end; every read must answer
(or, at worst, say the store is locked after the timeout); no other error.
Usage: concurrency.py DIPLOGRAPH"""
import json
import os
import subprocess
import sys
import tempfile
import time

import findings

IMPORTERS, READERS, RECORDS, LIMIT_S = 4, 4, 300, 120


def main():
    tool = sys.argv[1]
    with tempfile.TemporaryDirectory() as work:
        db = os.path.join(work, "c.db")
        files = []
        for i in range(IMPORTERS):
            files.append(os.path.join(work, f"part{i}.jsonl"))
            findings.write(files[-1], RECORDS, 3, f"part{i}")
        # The store exists before the race, as an analyst's does.
        subprocess.run([tool, "--db", db, "-q", "import", files[0]], check=True)
        start = time.monotonic()
        importers = [subprocess.Popen([tool, "--db", db, "-q", "import", f],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                     for f in files[1:] + files[:1]]
        reads = answered = locked = 0
        failures = []
        while any(p.poll() is None for p in importers):
            if time.monotonic() - start > LIMIT_S:
                for p in importers:
                    p.kill()
                print(f"FAIL: the importers took more than {LIMIT_S} s")
                return 1
            readers = [subprocess.Popen([tool, "--db", db, "--json", "stats"],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                       for _ in range(READERS)]
            for r in readers:
                out, err = r.communicate()
                reads += 1
                if r.returncode == 0:
                    json.loads(out)
                    answered += 1
                elif "locked by another diplograph" in err:
                    locked += 1
                else:
                    failures.append(f"reader exit {r.returncode}: {err.strip()}")
        for p in importers:
            out, err = p.communicate()
            if p.returncode != 0:
                failures.append(f"importer exit {p.returncode}: {err.strip()}")
        stats = json.loads(subprocess.run([tool, "--db", db, "--json", "stats"], check=True,
                                          capture_output=True, text=True).stdout)
        check = subprocess.run([tool, "--db", db, "check", "--full"], capture_output=True,
                               text=True)
        seconds = time.monotonic() - start
        print(f"{IMPORTERS} importers of {RECORDS} articles, {READERS} readers: {reads} reads "
              f"({answered} answered, {locked} locked), {seconds:.1f} s; "
              f"{stats['sources']} sources; {check.stdout.strip()}")
        for f in failures:
            print("FAIL:", f)
        if stats["sources"] != IMPORTERS * RECORDS:
            print(f"FAIL: {stats['sources']} sources, expected {IMPORTERS * RECORDS}")
            return 1
        if check.returncode != 0:
            print("FAIL: the store is damaged")
            return 1
        return 1 if failures or answered == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
