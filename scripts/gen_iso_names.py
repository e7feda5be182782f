#!/usr/bin/env python3
"""Generate data/iso3166.tsv from Debian's iso-codes package.

Reads the ISO 3166-1 list (/usr/share/iso-codes/json/iso_3166-1.json) and
the gettext catalogues /usr/share/locale/*/LC_MESSAGES/iso_3166-1.mo, and
writes one line per (code, language, name):

    code  alpha2  lang  name

* lang `en`: the English `name`, `official_name` and `common_name` (where
  present) exactly as iso-codes spells them;
* lang = the locale folder name (fr, de, pt_BR, sr@latin, ...): every
  translation of one of those English strings that differs from it.

Output is sorted and deduplicated, so two runs on the same iso-codes give
the same file.  Uses the Python standard library only (json, gettext).

Usage: scripts/gen_iso_names.py [--json FILE] [--locale-dir DIR] [--out FILE]
"""
import argparse
import gettext
import glob
import json
import os
import sys

FIELDS = ("name", "official_name", "common_name")


def iso_codes_version():
    """Version of the installed iso-codes package, or None (dpkg status)."""
    try:
        with open("/var/lib/dpkg/status", encoding="utf-8") as f:
            pkg = None
            for line in f:
                if line.startswith("Package: "):
                    pkg = line.split(":", 1)[1].strip()
                elif pkg == "iso-codes" and line.startswith("Version: "):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def clean(s):
    # names must not break the TSV format
    return " ".join(s.replace("\t", " ").split())


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", default="/usr/share/iso-codes/json/iso_3166-1.json")
    ap.add_argument("--locale-dir", default="/usr/share/locale")
    ap.add_argument("--out", default=os.path.join(here, "..", "data", "iso3166.tsv"))
    args = ap.parse_args()

    with open(args.json, encoding="utf-8") as f:
        entries = json.load(f)["3166-1"]

    rows = set()
    for e in entries:
        for fld in FIELDS:
            if fld in e:
                rows.add((e["alpha_3"], e["alpha_2"], "en", clean(e[fld])))

    mos = sorted(glob.glob(os.path.join(args.locale_dir, "*", "LC_MESSAGES", "iso_3166-1.mo")))
    nlang = 0
    for mo in mos:
        lang = mo[len(args.locale_dir):].strip(os.sep).split(os.sep)[0]
        if lang in ("en", "C"):
            continue
        with open(mo, "rb") as f:
            cat = gettext.GNUTranslations(f)
        used = False
        for e in entries:
            for fld in FIELDS:
                if fld not in e:
                    continue
                src = e[fld]
                tr = cat.gettext(src)
                if tr and tr != src:
                    t = clean(tr)
                    if t:
                        rows.add((e["alpha_3"], e["alpha_2"], lang, t))
                        used = True
        nlang += used

    ver = iso_codes_version()
    out = os.path.normpath(args.out)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# GENERATED FILE - do not edit by hand.\n")
        f.write("# Made by scripts/gen_iso_names.py from Debian iso-codes%s:\n"
                % (" " + ver if ver else ""))
        f.write("#   %s and %s/*/LC_MESSAGES/iso_3166-1.mo\n"
                % (args.json, args.locale_dir))
        f.write("# lang en = iso-codes name/official_name/common_name; other langs =\n")
        f.write("# locale folder name, only translations that differ from the English.\n")
        f.write("# Kosovo (XKX, user-assigned) is not in ISO 3166-1: see countries.tsv.\n")
        f.write("# columns: code\talpha2\tlang\tname\n")
        for r in sorted(rows):
            f.write("\t".join(r) + "\n")
    print("%s: %d entries, %d languages, %d lines"
          % (out, len(entries), nlang + 1, len(rows)), file=sys.stderr)


if __name__ == "__main__":
    main()
