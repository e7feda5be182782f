"""Fails when docs/queries.md names an option that no command of the tool has.

    docs_options.py DOCS_FILE DIPLOGRAPH_BINARY

Every `--option` written in the page is looked up in `diplograph --help` and in each command's
`--help`; the page's examples of errors (an option refused on purpose) are written without the
leading dashes or listed in ALLOWED.
"""
import re
import subprocess
import sys

# Options the page names on purpose though no command has them: neo4j-admin's own, in the
# command that imports the Neo4j export.
ALLOWED = {"--nodes", "--relationships"}


def help_text(binary, *args):
    out = subprocess.run([binary, *args, "--help"], capture_output=True, text=True)
    return out.stdout + out.stderr


def main():
    docs, binary = sys.argv[1], sys.argv[2]
    top = help_text(binary)
    commands = re.findall(r"^\s{2}([a-z]+)\s", top.split("SUBCOMMANDS:")[-1], re.M)
    known = set(re.findall(r"--[a-z][a-z0-9-]*", top))
    for c in commands:
        known |= set(re.findall(r"--[a-z][a-z0-9-]*", help_text(binary, c)))
    text = open(docs, encoding="utf-8").read()
    named = set(re.findall(r"(?<![\w-])--[a-z][a-z0-9-]*", text))
    missing = sorted(named - known - ALLOWED)
    if missing:
        print(f"{docs}: options no command has: {', '.join(missing)}")
        return 1
    print(f"{docs}: {len(named)} options, all in --help ({len(commands)} commands)")
    return 0


sys.exit(main())
