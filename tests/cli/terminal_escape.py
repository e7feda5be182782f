"""Control characters stored in names and sentences never reach a terminal raw (issue 14).

    terminal_escape.py DIPLOGRAPH_BINARY

A findings file puts ESC, BEL, CR, DEL and a C1 control (U+009B, CSI) into people's names, an
outlet, a title and an evidence sentence. Each query command then runs with its standard output
on a pseudo-terminal (raw mode, so the terminal driver adds nothing): its text output must hold
no control byte but newline and tab, and show the escaped form (\\x1B) where a hostile string is
printed. With --json the same strings are kept, as JSON escapes (\\u001b), and read back equal.
"""
import json
import os
import pty
import select
import subprocess
import sys
import tempfile
import tty

EVE = "Eve\x1b]0;pwned\x07 Mallory"
CARL = "Carl\rReturn \x1b[2J"
SENTENCE = "Eve\x1b]0;pwned\x07 Mallory met Carl\rReturn \x1b[2J in Paris \x7f \u009b6n."

# Control bytes that may appear in what a terminal receives: newline and tab only.
ALLOWED_CONTROLS = {0x0A, 0x09}


def record():
    return {
        "source": {"url": "https://example.org/escape/1", "title": "Title \x1b[31mred\x1b[0m",
                   "published": "2025-03-04", "lang": "en", "outlet": "Outlet\x07\x1b[5m"},
        "countries": ["FRA", "DEU"],
        "people": [{"name": EVE, "country": "FRA", "role": "foreign minister"},
                   {"name": CARL, "country": "DEU", "role": "foreign minister"}],
        "events": [{"type": "MEET", "actors": ["FRA", "DEU"], "people": [EVE, CARL],
                    "date": "2025-03-03", "status": "occurred", "evidence": SENTENCE},
                   {"type": "VISIT", "actors": ["DEU", "FRA"], "date": "2025-03-04",
                    "status": "occurred", "evidence": "Carl\rReturn \x1b[2J visited France."}],
    }


def on_terminal(argv):
    """Runs argv with stdout on a pty in raw mode; returns (exit code, bytes written)."""
    master, slave = pty.openpty()
    tty.setraw(slave)
    proc = subprocess.Popen(argv, stdout=slave, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    os.close(slave)
    out = bytearray()
    while True:
        ready, _, _ = select.select([master], [], [], 30)
        if not ready:
            proc.kill()
            raise RuntimeError(f"{argv}: no output for 30 s")
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed its end
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.wait()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[3:])}: exit {proc.returncode}: {err.strip()}")
    return bytes(out)


def strings(value):
    """Every string of a JSON value, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def raw_controls(data):
    text = data.decode("utf-8", "replace")
    found = [hex(b) for b in data if (b < 0x20 and b not in ALLOWED_CONTROLS) or b == 0x7F]
    found += [hex(ord(c)) for c in text if 0x80 <= ord(c) <= 0x9F]
    return found


def main():
    tool = sys.argv[1]
    failures = []
    with tempfile.TemporaryDirectory() as work:
        findings = os.path.join(work, "hostile.json")
        with open(findings, "w", encoding="utf-8") as f:
            json.dump(record(), f)
        db = os.path.join(work, "t.db")
        subprocess.run([tool, "--db", db, "-q", "import", findings], check=True)
        base = [tool, "--db", db]
        # Each query command, with arguments that make it print the hostile strings.
        commands = {
            "entities": ["entities"],
            "entities (search)": ["entities", "--match", "Mallory"],
            "links": ["links", "FRA"],
            "links (pair)": ["links", "person/eve-0-pwned-mallory", "DEU"],
            "timeline": ["timeline", "FRA"],
            "path": ["path", "person/eve-0-pwned-mallory", "DEU"],
            "ego": ["ego", "FRA"],
            "rank": ["rank"],
            "blocs": ["blocs"],
            "stats": ["stats"],
        }
        # The commands whose text output must show a hostile string (escaped).
        shows_names = {"entities", "entities (search)", "links", "links (pair)", "timeline",
                       "path", "ego", "rank"}
        for label, args in commands.items():
            try:
                text = on_terminal(base + args)
            except RuntimeError as e:
                failures.append(str(e))
                continue
            bad = raw_controls(text)
            if bad:
                failures.append(f"{label}: raw control characters on the terminal: "
                                f"{sorted(set(bad))}")
            if label in shows_names and b"\\x1B" not in text:
                failures.append(f"{label}: no escaped ESC (\\x1B) in: {text[:300]!r}")
            # --json: the strings are kept, as JSON escapes, also on a terminal.
            try:
                data = on_terminal(base + ["--json"] + args)
            except RuntimeError as e:
                failures.append(str(e))
                continue
            if raw_controls(data):
                failures.append(f"{label} --json: raw control characters: "
                                f"{sorted(set(raw_controls(data)))}")
            try:
                parsed = "\n".join(strings(json.loads(data.decode("utf-8"))))
            except ValueError as e:
                failures.append(f"{label} --json: not JSON ({e}): {data[:200]!r}")
                continue
            if label in shows_names and "\x1b" not in parsed:
                failures.append(f"{label} --json: ESC lost: {parsed[:300]!r}")
            if label in shows_names and b"\\u001b" not in data.lower():
                failures.append(f"{label} --json: no \\u001b escape in: {data[:300]!r}")
        # The names themselves come back exactly from --json (nothing stripped at import).
        names = set(strings(json.loads(on_terminal(base + ["--json", "entities", "--match",
                                                           "Mallory"]))))
        if EVE not in names:
            failures.append(f"entities --json: {EVE!r} not stored as written: {names[:300]}")
    for f in failures:
        print("FAIL:", f)
    print(f"{len(commands)} commands on a terminal, text and --json: "
          f"{'ok' if not failures else str(len(failures)) + ' failures'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
