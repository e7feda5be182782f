#!/usr/bin/env python3
"""Validate data/people.tsv and data/roles.tsv and report coverage.

Usage: python3 scripts/check_people.py [DATA_DIR]

Checks: column counts, slug syntax and uniqueness, every role's slug exists in
people.tsv, known role titles, dates well-formed (YYYY, YYYY-MM, YYYY-MM-DD)
and from <= to, `of` is a 3-letter upper-case code or a known organisation
acronym, people's country is a 3-letter code. Overlapping holders of
`head of state` / `head of government` of the same country are warnings unless
the second line is preceded by a comment line. Prints `file: line N: problem`
and exits 1 on errors. Then prints coverage of the 193 UN member states
(+ PSE, TWN): head of state, head of government and foreign minister in office on
REF (default 2025-11-30, or $PEOPLE_REF_DATE): current head of state, head of government, foreign minister.
"""
import difflib
import os
import re
import sys

ACRONYMS = {'UN', 'AU', 'ECOWAS', 'AES', 'EU', 'NATO', 'LAS', 'OIF', 'GCC', 'ASEAN',
            'SADC', 'OIC', 'OPEC', 'WHO', 'IMF', 'WB', 'WTO'}
ROLES = {'head of state', 'head of government', 'foreign minister', 'defence minister',
         'vice president', 'deputy prime minister', 'minister', 'ambassador', 'spokesperson',
         'secretary-general', 'commission chairperson', 'king', 'emir', 'crown prince'}
UN_MEMBERS = """AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB
CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD
GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK KOR KWT
KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG
MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT
QAT ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA
SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT
VEN VNM YEM ZMB ZWE""".split()
EXTRA = ['PSE', 'TWN']
# codes accepted besides the UN members: observers, Kosovo (user-assigned XKX) and territories
OTHER_CODES = ['XKX', 'VAT', 'ESH', 'HKG', 'MAC']


def known_codes(data):
    """ISO3 codes from data/iso3166.tsv when present, else the built-in list."""
    codes = set(UN_MEMBERS + EXTRA + OTHER_CODES)
    path = os.path.join(data, 'iso3166.tsv')
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            for line in f:
                if line.strip() and not line.startswith('#'):
                    codes.add(line.split('\t', 1)[0].strip())
    return codes


def suggest(code, codes):
    m = difflib.get_close_matches(code, sorted(codes), n=1)
    return f' (did you mean {m[0]}?)' if m else ''
SLUG_RE = re.compile(r'^[a-z0-9]+(?:-[a-z0-9]+)*$')
DATE_RE = re.compile(r'^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$')
REF = os.environ.get('PEOPLE_REF_DATE', '2025-11-30')   # "current" = in office on this day
DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

errors = 0
warnings = 0


def err(fn, n, msg):
    global errors
    errors += 1
    print(f'{fn}: line {n}: {msg}')


def warn(fn, n, msg):
    global warnings
    warnings += 1
    print(f'{fn}: line {n}: warning: {msg}')


def records(path):
    """Yield (line number, fields, preceded_by_comment)."""
    prev_comment = False
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip('\n').rstrip('\r')
            if not line.strip():
                prev_comment = False
                continue
            if line.lstrip().startswith('#'):
                prev_comment = True
                continue
            yield n, line.split('\t'), prev_comment
            prev_comment = False


def check_date(fn, n, s, what):
    m = DATE_RE.match(s)
    if not m:
        err(fn, n, f'{what} date "{s}" is not YYYY, YYYY-MM or YYYY-MM-DD')
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    if mo and not 1 <= int(mo) <= 12:
        err(fn, n, f'{what} date "{s}": bad month')
        return None
    if d and not 1 <= int(d) <= DAYS[int(mo) - 1]:
        err(fn, n, f'{what} date "{s}": bad day')
        return None
    if not 1900 <= int(y) <= 2100:
        err(fn, n, f'{what} date "{s}": implausible year')
    return s


def lo(s):
    """Earliest day a partial date can denote."""
    return s + ('-01-01' if len(s) == 4 else '-01' if len(s) == 7 else '')


def hi(s):
    """Latest day a partial date can denote ('' = open)."""
    if not s:
        return '9999-12-31'
    return s + ('-12-31' if len(s) == 4 else '-31' if len(s) == 7 else '')


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data')
    pfile = os.path.join(data, 'people.tsv')
    rfile = os.path.join(data, 'roles.tsv')
    pname, rname = os.path.relpath(pfile), os.path.relpath(rfile)

    codes = known_codes(data)
    people = {}
    names = {}
    for n, f, _ in records(pfile):
        if len(f) != 4:
            err(pname, n, f'expected 4 tab-separated columns, found {len(f)}')
            continue
        slug, name, country, aliases = f
        if not SLUG_RE.match(slug):
            err(pname, n, f'slug "{slug}" is not lower-case ASCII with hyphens')
        if slug in people:
            err(pname, n, f'duplicate slug "{slug}" (first at line {people[slug]})')
            continue
        people[slug] = n
        if not name.strip() or name != name.strip():
            err(pname, n, f'empty or badly spaced name "{name}"')
        if not re.match(r'^[A-Z]{3}$', country):
            err(pname, n, f'country "{country}" is not an upper-case ISO3 code')
        elif country not in codes:
            err(pname, n, f'country "{country}": no such country code{suggest(country, codes)}')
        if name in names:
            warn(pname, n, f'name "{name}" also used by line {names[name]}')
        names[name] = n
        if aliases:
            als = aliases.split('|')
            seen = set()
            for a in als:
                if not a.strip() or a != a.strip():
                    err(pname, n, f'empty or badly spaced alias in "{aliases}"')
                elif a in seen:
                    warn(pname, n, f'alias "{a}" repeated')
                elif a == name:
                    warn(pname, n, f'alias "{a}" repeats the name')
                seen.add(a)

    held = {}   # (role, of) -> list of (from, to, slug, line)
    for n, f, commented in records(rfile):
        if len(f) != 5:
            err(rname, n, f'expected 5 tab-separated columns, found {len(f)}')
            continue
        slug, role, of, frm, to = f
        if slug not in people:
            err(rname, n, f'slug "{slug}" not in people.tsv')
        if role not in ROLES:
            err(rname, n, f'unknown role "{role}"')
        if not (of in ACRONYMS or re.match(r'^[A-Z]{3}$', of)):
            err(rname, n, f'"of" value "{of}" is neither an ISO3 code nor a known acronym')
        elif of not in ACRONYMS and of not in codes:
            err(rname, n, f'role "{role}" of "{of}": no such country code{suggest(of, codes | ACRONYMS)}')
        ok = True
        if frm:
            ok = check_date(rname, n, frm, 'from') is not None
        else:
            warn(rname, n, 'no "from" date')
        if to:
            ok = check_date(rname, n, to, 'to') is not None and ok
        if ok and frm and to and lo(frm) > hi(to):
            err(rname, n, f'from {frm} is after to {to}')
        if ok and role in ('head of state', 'head of government'):
            for (f2, t2, s2, n2) in held.get((role, of), []):
                if s2 == slug:
                    continue
                a0, a1 = lo(frm) if frm else '0000', hi(to)
                b0, b1 = lo(f2) if f2 else '0000', hi(t2)
                # ends on the day the next starts is a hand-over, not an overlap
                if a0 < b1 and b0 < a1 and not commented:
                    warn(rname, n, f'{role} of {of}: {slug} overlaps {s2} (line {n2}); add a comment line if intended')
            held.setdefault((role, of), []).append((frm, to, slug, n))

    # coverage
    def current(role, code):
        return [s for (f2, t2, s, n2) in held.get((role, code), []) if not t2 or lo(t2) > REF]

    fm_now = {}
    for n, f, _ in records(rfile):
        if len(f) == 5 and f[1] == 'foreign minister' and (not f[4] or lo(f[4]) > REF):
            fm_now.setdefault(f[2], []).append(f[0])
    miss = {'head of state': [], 'head of government': [], 'foreign minister': []}
    for code in UN_MEMBERS + EXTRA:
        if not current('head of state', code):
            miss['head of state'].append(code)
        if not current('head of government', code):
            miss['head of government'].append(code)
        if not fm_now.get(code):
            miss['foreign minister'].append(code)
    total = len(UN_MEMBERS)
    print(f'coverage of the {total} UN member states (plus {" ".join(EXTRA)}):')
    for role, lst in miss.items():
        un = [c for c in lst if c in UN_MEMBERS]
        print(f'  current {role}: {total - len(un)}/{total}' + (f'; missing: {" ".join(lst)}' if lst else ''))
    multi = [c for c in UN_MEMBERS + EXTRA if len(fm_now.get(c, [])) > 1]
    if multi:
        print('  several current foreign ministers: ' + ' '.join(f'{c}({",".join(fm_now[c])})' for c in multi))
    print(f'{len(people)} people, {errors} error(s), {warnings} warning(s)')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
