#!/usr/bin/env python3
"""`diplograph serve`'s filtered answers against the command line's --json on a large store.

The server answers filtered ego, path and links requests from slices of the whole graph it keeps
(cli/cmd_serve.cpp), rank and blocs from graphs derived from it; the command line reads the store.
Each answer below is asked of both (budget=100000, so that nothing is cut; the "notice" member
removed) and compared as JSON. Prints one line per request and exits 1 on a difference.

usage: bench/serve_same_as_cli.py DIPLOGRAPH_BINARY STORE   (a store of diplograph_gen_store)
"""
import json
import subprocess
import sys
import time
import urllib.request

BIN, DB = sys.argv[1], sys.argv[2]

# (API path, command line arguments after --json)
CASES = [
    ("/api/ego/A0000000?since=2015&type=diplomatic", ["ego", "A0000000", "--since", "2015", "--type", "diplomatic"]),
    ("/api/ego/A0001000?depth=2&status=occurred", ["ego", "A0001000", "--depth", "2", "--status", "occurred"]),
    ("/api/ego/A0001000?since=2010&type=conflict", ["ego", "A0001000", "--since", "2010", "--type", "conflict"]),
    ("/api/ego/A0000000?since=2018", ["ego", "A0000000", "--since", "2018"]),
    ("/api/ego/A0000000?until=2012&status=occurred,planned", ["ego", "A0000000", "--until", "2012", "--status", "occurred,planned"]),
    ("/api/ego/A0001000?type=conflict,diplomatic&min-sources=2", ["ego", "A0001000", "--type", "conflict,diplomatic", "--min-sources", "2"]),
    ("/api/ego/A0009999?depth=3&since=2012", ["ego", "A0009999", "--depth", "3", "--since", "2012"]),
    ("/api/ego/A0005000?depth=2&until=2015-06-30", ["ego", "A0005000", "--depth", "2", "--until", "2015-06-30"]),
    ("/api/path/A0009999/A0009995?since=2010&k=2", ["path", "A0009999", "A0009995", "--since", "2010", "--k", "2"]),
    ("/api/path/A0009999/A0009995?k=3&status=occurred", ["path", "A0009999", "A0009995", "--k", "3", "--status", "occurred"]),
    ("/api/path/A0001000/A0007770?k=4&type=diplomatic", ["path", "A0001000", "A0007770", "--k", "4", "--type", "diplomatic"]),
    ("/api/path/A0003000/A0004000?since=2016&until=2018&max-hops=3", ["path", "A0003000", "A0004000", "--since", "2016", "--until", "2018", "--max-hops", "3"]),
    ("/api/links/A0001000/A0000000?since=2010", ["links", "A0001000", "A0000000", "--since", "2010"]),
    ("/api/links/A0001000?type=conflict", ["links", "A0001000", "--type", "conflict"]),
    ("/api/links/A0000000?since=2015&type=diplomatic", ["links", "A0000000", "--since", "2015", "--type", "diplomatic"]),
    ("/api/links/A0002000?status=planned", ["links", "A0002000", "--status", "planned"]),
    ("/api/rank?by=pagerank&since=2015&type=diplomatic", ["rank", "--by", "pagerank", "--since", "2015", "--type", "diplomatic"]),
    ("/api/rank?by=weighted&status=occurred&top=50", ["rank", "--by", "weighted", "--status", "occurred", "--top", "50"]),
    ("/api/rank?by=degree&until=2012&top=0", ["rank", "--by", "degree", "--until", "2012", "--top", "0"]),
    ("/api/rank?by=pagerank&status=planned,reported&top=100", ["rank", "--by", "pagerank", "--status", "planned,reported", "--top", "100"]),
    ("/api/blocs?since=2015&type=diplomatic", ["blocs", "--since", "2015", "--type", "diplomatic"]),
    ("/api/blocs?type=conflict&status=occurred", ["blocs", "--type", "conflict", "--status", "occurred"]),
    ("/api/blocs", ["blocs"]),
]


def get(url):
    """The answer once it is computed: 202 or an estimate ("estimate" member) until then."""
    while True:
        with urllib.request.urlopen(url, timeout=600) as r:
            body = r.read()
            if r.status == 200 and "estimate" not in json.loads(body):
                return body
        time.sleep(0.2)


def main():
    server = subprocess.Popen([BIN, "--db", DB, "-q", "serve", "--port", "0"], stdout=subprocess.PIPE, text=True)
    try:
        url = server.stdout.readline().split()[2].rstrip("/")
        start = time.time()
        get(url + "/api/blocs?budget=100000")
        print(f"server warm-up: {time.time() - start:.1f} s")
        differ = 0
        for path, args in CASES:
            sep = "&" if "?" in path else "?"
            limit = "&limit=100000" if path.startswith("/api/links") else ""
            got = json.loads(get(url + path + sep + "budget=100000" + limit))
            got.pop("notice", None)
            r = subprocess.run([BIN, "--db", DB, "--json", *args], capture_output=True, text=True)
            if r.returncode != 0:
                print(f"{path}: the command failed: {r.stderr.strip()}")
                differ += 1
                continue
            want = json.loads(r.stdout)
            same = got == want
            differ += not same
            print(f"{'same     ' if same else 'DIFFERENT'} {len(r.stdout):>9} B  {path}")
        print(f"{len(CASES) - differ} of {len(CASES)} answers identical")
        return 1 if differ else 0
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    sys.exit(main())
