#!/usr/bin/env python3
"""Validate tests/corpus/own/gold.jsonl against its articles (python3, stdlib only).

usage: check.py [CORPUS_DIR] [--against OTHER_CORPUS_DIR ...]

Checks, per article line:
  - the schema: keys, lang, url null, `published` as YYYY-MM-DD or null;
  - the file exists, is UTF-8, starts with a headline line and has 120-300 words;
  - the file name matches NN-lang-slug.txt and its `lang`;
  - every evidence string is a verbatim substring of the article;
  - every alias occurs verbatim in the article;
  - country codes are ISO 3166-1 alpha-3 (from data/iso3166.tsv, Debian iso-codes), TWN allowed;
  - organisations are canonical acronyms known to data/organizations.tsv;
  - every event actor is in `countries` or `organizations`, every event person in `people`;
  - every listed country is an actor of at least one event;
  - a person's country is a listed country or organisation, or at least a known code;
  - types, subtypes, statuses and date formats are within the schema's lists;
  - directional events have at least two actors.
With --against, also checks that no run of 8 words of our articles occurs in the
other corpus's articles (guards against copying third-party text).
Exits 1 and lists the problems if any check fails.
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

TYPES = {"MEET", "VISIT", "AGREEMENT", "EMBASSY_OPEN", "EMBASSY_REOPEN", "EMBASSY_CLOSE",
         "RELATIONS_ESTABLISH", "RELATIONS_RESTORE", "RELATIONS_SEVER", "EXPEL_DIPLOMATS",
         "SANCTION", "SUPPORT", "CONDEMN", "COOPERATION", "AID"}
SUBTYPES = {None, "military", "security", "economic", "trade", "energy", "education",
            "humanitarian", "diplomatic", "institutional"}
STATUSES = {"occurred", "agreed", "planned", "reported"}
DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
DAY_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
FILE_RE = re.compile(r"^(\d\d)-(fr|en)-[a-z0-9-]+\.txt$")
ARTICLE_KEYS = {"file", "url", "lang", "published", "countries", "people", "organizations", "events"}
EVENT_KEYS = {"type", "subtype", "actors", "people", "date", "status", "evidence"}
PERSON_KEYS = {"name", "country", "role"}
SYMMETRIC = {"MEET", "AGREEMENT", "COOPERATION", "RELATIONS_ESTABLISH", "RELATIONS_RESTORE"}


def load_codes(repo):
    iso = set()
    p = repo / "data" / "iso3166.tsv"
    if p.exists():
        for line in p.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                iso.add(line.split("\t", 1)[0])
    else:
        j = Path("/usr/share/iso-codes/json/iso_3166-1.json")
        if j.exists():
            iso = {c["alpha_3"] for c in json.loads(j.read_text())["3166-1"]}
    iso.add("TWN")
    orgs = set()
    p = repo / "data" / "organizations.tsv"
    if p.exists():
        for line in p.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                orgs.add(line.split("\t", 1)[0])
    return iso, orgs


def words(text):
    text = unicodedata.normalize("NFC", text).lower()
    return re.findall(r"\w+", text)


def shingles(text, n=8):
    w = words(text)
    return {" ".join(w[i:i + n]) for i in range(len(w) - n + 1)}


def main():
    args = sys.argv[1:]
    against = []
    while "--against" in args:
        i = args.index("--against")
        against.append(Path(args[i + 1]))
        del args[i:i + 2]
    corpus = Path(args[0]) if args else Path(__file__).resolve().parent
    repo = Path(__file__).resolve().parents[3]
    iso, known_orgs = load_codes(repo)
    errors = []
    seen_files = set()
    n_events = 0
    texts = {}

    lines = (corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    for ln, line in enumerate(lines, 1):
        def err(msg):
            errors.append(f"line {ln}: {msg}")
        try:
            g = json.loads(line)
        except json.JSONDecodeError as e:
            err(f"invalid JSON: {e}")
            continue
        if set(g) != ARTICLE_KEYS:
            err(f"keys {sorted(g)} != {sorted(ARTICLE_KEYS)}")
            continue
        fname = g["file"]
        m = FILE_RE.match(fname)
        if not m:
            err(f"bad file name {fname!r}")
        elif m.group(2) != g["lang"]:
            err(f"{fname}: lang {g['lang']!r} does not match the file name")
        if fname in seen_files:
            err(f"{fname}: duplicate line")
        seen_files.add(fname)
        if g["lang"] not in ("fr", "en"):
            err(f"{fname}: lang {g['lang']!r}")
        if g["url"] is not None:
            err(f"{fname}: url should be null for team-written texts")
        if g["published"] is not None and not DAY_RE.match(g["published"]):
            err(f"{fname}: published {g['published']!r}")
        path = corpus / "articles" / fname
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            err(f"{fname}: cannot read as UTF-8: {e}")
            continue
        texts[fname] = text
        first, _, body = text.partition("\n")
        if not first.strip() or not body.strip():
            err(f"{fname}: needs a headline line and a body")
        nw = len(text.split())
        if not 120 <= nw <= 300:
            err(f"{fname}: {nw} words, expected 120-300")

        countries = g["countries"]
        orgs = g["organizations"]
        for c in countries:
            if c not in iso:
                err(f"{fname}: country {c!r} is not ISO 3166-1 alpha-3")
        if len(set(countries)) != len(countries):
            err(f"{fname}: duplicate country")
        for o in orgs:
            if known_orgs and o not in known_orgs:
                err(f"{fname}: organization {o!r} not in data/organizations.tsv")
        names = set()
        for p in g["people"]:
            if not PERSON_KEYS <= set(p) or not set(p) <= PERSON_KEYS | {"aliases"}:
                err(f"{fname}: person keys {sorted(p)}")
                continue
            names.add(p["name"])
            if p["country"] not in countries and p["country"] not in orgs \
                    and p["country"] not in iso and p["country"] not in known_orgs:
                err(f"{fname}: {p['name']}: unknown country {p['country']!r}")
            for a in p.get("aliases", []):
                if a not in text:
                    err(f"{fname}: alias {a!r} of {p['name']} not in the article")
            if "aliases" in p and not p["aliases"]:
                err(f"{fname}: {p['name']}: empty aliases list (omit the key)")
        used = set()
        for k, e in enumerate(g["events"], 1):
            n_events += 1
            where = f"{fname} event {k} ({e.get('type')})"
            if set(e) != EVENT_KEYS:
                err(f"{where}: keys {sorted(e)}")
                continue
            if e["type"] not in TYPES:
                err(f"{where}: type")
            if e["subtype"] not in SUBTYPES:
                err(f"{where}: subtype {e['subtype']!r}")
            if e["status"] not in STATUSES:
                err(f"{where}: status {e['status']!r}")
            if e["date"] is not None and not DATE_RE.match(e["date"]):
                err(f"{where}: date {e['date']!r}")
            if len(e["actors"]) < 2:
                err(f"{where}: needs at least two actors")
            if len(set(e["actors"])) != len(e["actors"]):
                err(f"{where}: duplicate actor")
            for a in e["actors"]:
                if a in countries:
                    used.add(a)
                elif a not in orgs:
                    err(f"{where}: actor {a!r} not in countries/organizations")
            for p in e["people"]:
                if p not in names:
                    err(f"{where}: person {p!r} not in people")
            ev = e["evidence"]
            if not ev or ev not in text:
                err(f"{where}: evidence not verbatim in article: {ev[:70]!r}")
            elif "\n" in ev:
                err(f"{where}: evidence spans several lines")
        for c in countries:
            if c not in used:
                err(f"{fname}: country {c} is not an actor of any event")

    if against:
        ours = {f: shingles(t) for f, t in texts.items()}
        for d in against:
            for p in sorted((d / "articles").glob("*.txt")):
                theirs = shingles(p.read_text(encoding="utf-8"))
                for f, s in ours.items():
                    common = s & theirs
                    if common:
                        errors.append(f"{f}: shares 8-word runs with {p}: {sorted(common)[:2]}")

    if errors:
        print("\n".join(errors))
        print(f"FAILED: {len(errors)} problem(s)")
        return 1
    print(f"ok: {len(lines)} articles, {n_events} events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
