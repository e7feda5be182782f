#!/usr/bin/env python3
"""Validate data/countries.tsv and data/organizations.tsv.

Checks: column count, known kinds and languages, country codes present in
data/iso3166.tsv (plus XKX, Kosovo), organisation member codes likewise, no
duplicate lines, no (case- and accent-folded) text under two country
codes, empty or padded fields, and that every UN member state has
fr and en `name`, `adj` and `capital` entries (with the few documented
exemptions below). Prints `file: line N: problem` and exits 1 on any problem.

Usage: scripts/check_data.py [DATA_DIR]     (python3, standard library only)
"""
import os
import sys
import unicodedata
from collections import defaultdict

# The 193 UN member states (ISO 3166-1 alpha-3).
UN_MEMBERS = set("""
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD
CRI CIV HRV CUB CYP CZE PRK DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI
FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN
IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU
LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR
MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA
UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split())
# Also required in full: observers and states the press covers like members.
REQUIRED_EXTRA = {"PSE", "VAT", "TWN", "XKX"}
EXTRA_CODES = {"XKX"}  # not in ISO 3166-1 (user-assigned)

COUNTRY_KINDS = {"name", "adj", "capital", "seat"}
ORG_KINDS = {"name", "acronym", "adj", "member"}
LANGS = {"fr", "en"}

# (code, lang, kind) deliberately missing; each has a comment in countries.tsv
EXEMPT = {
    ("SYC", "fr", "capital"), ("SYC", "en", "capital"),  # "Victoria": first name
    ("MDV", "fr", "capital"), ("MDV", "en", "capital"),  # "Malé" folds to "male"
    ("DMA", "en", "adj"),  # "Dominican" means the Dominican Republic
    ("DMA", "fr", "capital"),  # "Roseau" is a common word (reed)
    ("AUT", "fr", "capital"),  # "Vienne" folds to the verb form "vienne"
}

problems = 0


def fold(text):
    """Case- and accent-folded text, as the matcher compares it."""
    return "".join(c for c in unicodedata.normalize("NFD", text.casefold())
                   if unicodedata.category(c) != "Mn")


def report(path, n, msg):
    global problems
    problems += 1
    rel = os.path.relpath(path)
    print("%s: line %d: %s" % (path if rel.startswith("..") else rel, n, msg))


def records(path, ncols):
    """Yield (line_no, fields) for data lines; report format problems."""
    seen = {}
    if not os.path.exists(path):
        report(path, 0, "file not found")
        return
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if line.endswith("\r"):
                report(path, n, "CR line ending")
                line = line.rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != ncols:
                report(path, n, "%d columns, expected %d: %r" % (len(fields), ncols, line))
                continue
            bad = False
            for i, fld in enumerate(fields):
                if fld == "":
                    report(path, n, "empty column %d" % (i + 1))
                    bad = True
                elif fld != fld.strip() or "  " in fld:
                    report(path, n, "stray spaces in column %d: %r" % (i + 1, fld))
                    bad = True
            if bad:
                continue
            if line in seen:
                report(path, n, "duplicate of line %d: %r" % (seen[line], line))
                continue
            seen[line] = n
            yield n, fields


def load_iso(path):
    codes = set()
    with open(path, encoding="utf-8") as f:
        for raw in f:
            if raw.startswith("#") or not raw.strip():
                continue
            codes.add(raw.split("\t", 1)[0])
    return codes


def suggest(code, known):
    near = [k for k in known if sum(a != b for a, b in zip(k, code)) == 1]
    return " (did you mean %s?)" % "/".join(sorted(near)[:3]) if near else ""


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "data")
    iso_path = os.path.join(data, "iso3166.tsv")
    cpath = os.path.join(data, "countries.tsv")
    opath = os.path.join(data, "organizations.tsv")
    known = load_iso(iso_path) | EXTRA_CODES
    missing_iso = (UN_MEMBERS | REQUIRED_EXTRA) - known
    for c in sorted(missing_iso):
        report(iso_path, 0, "required code %s not found" % c)

    have = defaultdict(set)  # code -> {(lang, kind)}
    first = {}  # code -> first line number
    texts_line = {}
    texts = defaultdict(set)  # (lang, kind, folded text) -> codes
    for n, (code, lang, kind, text) in records(cpath, 4):
        if code not in known:
            report(cpath, n, "no such country code %r%s" % (code, suggest(code, known)))
        if lang not in LANGS:
            report(cpath, n, "unknown lang %r (expected fr or en)" % lang)
        if kind not in COUNTRY_KINDS:
            report(cpath, n, "unknown kind %r (expected %s)" % (kind, ", ".join(sorted(COUNTRY_KINDS))))
        have[code].add((lang, kind))
        first.setdefault(code, n)
        # the same folded text must not point to two states
        texts[(lang, fold(text))].add(code)
        texts_line.setdefault((lang, fold(text)), n)
    for (lang, t), codes in sorted(texts.items()):
        if len(codes) > 1:
            report(cpath, texts_line[(lang, t)], "%s text %r listed under several codes: %s" % (lang, t, " ".join(sorted(codes))))
    for code in sorted(UN_MEMBERS | REQUIRED_EXTRA):
        for lang in sorted(LANGS):
            for kind in ("name", "adj", "capital"):
                if (lang, kind) not in have[code] and (code, lang, kind) not in EXEMPT:
                    report(cpath, first.get(code, 0), "%s has no %s %s entry" % (code, lang, kind))

    org_langs = {}
    org_has = defaultdict(set)
    for n, (acr, lang, kind, text) in records(opath, 4):
        if kind not in ORG_KINDS:
            report(opath, n, "unknown kind %r (expected %s)" % (kind, ", ".join(sorted(ORG_KINDS))))
            continue
        if kind == "member":
            if lang != "*":
                report(opath, n, "member lines take lang '*', not %r" % lang)
            if text not in known:
                report(opath, n, "member %r of %s: no such country code%s" % (text, acr, suggest(text, known)))
        elif lang not in LANGS:
            report(opath, n, "unknown lang %r (expected fr or en)" % lang)
        if not acr.replace("-", "").replace("_", "").isalnum():
            report(opath, n, "odd acronym %r" % acr)
        org_has[acr].add((lang, kind))
        org_langs.setdefault(acr, n)
    for acr, n in sorted(org_langs.items(), key=lambda x: x[1]):
        for lang in sorted(LANGS):
            if (lang, "name") not in org_has[acr]:
                report(opath, n, "%s has no %s name" % (acr, lang))

    if problems:
        print("%d problem(s)" % problems, file=sys.stderr)
        return 1
    print("ok: %d countries, %d organizations" % (len(have), len(org_langs)), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
