#!/usr/bin/env python3
"""Makes a larger GDELT-like store from one imported by `diplograph import` (bench/scale_gdelt.sh):
COPIES more copies of its events, sources, participants, evidence, attributes and derived rows
(event_links, event_pairs), each copy's ids suffixed with its number and its dates moved by
SHIFT days more than the previous copy's (as bench/gen_gdelt.py moves the repeated rows). The
rows are written by SQL with the store's triggers dropped and put back unchanged afterwards;
actor_links is left stale (run `diplograph --db OUT import /dev/null` to rebuild it).

Not what an import of COPIES + 1 times the rows gives exactly: rows of two copies never merge
into one event here, where an import merges those of the same pair, type and day.

usage: replicate_store.py STORE COPIES SHIFT_DAYS        (STORE is modified in place)
"""
import sqlite3
import sys
import time


def main():
    path, copies, shift = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA cache_size=-1000000")
    con.execute("PRAGMA foreign_keys=OFF")
    triggers = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    max_event = con.execute("SELECT max(no) FROM events").fetchone()[0]
    max_source = con.execute("SELECT max(rowid) FROM sources").fetchone()[0]
    con.execute("BEGIN")
    for name, _ in triggers:
        con.execute(f'DROP TRIGGER "{name}"')
    con.execute("COMMIT")

    def day(column, k):
        return (f"CASE WHEN length({column}) = 10 THEN date({column}, '+{k * shift} days') "
                f"ELSE {column} END")

    for k in range(1, copies + 1):
        t = time.time()
        sfx = f"'.{k}'"
        con.execute("BEGIN")
        con.execute(f"""INSERT INTO sources(id, url, title, outlet, published, lang, content_hash)
            SELECT id || {sfx}, url, title, outlet, {day('published', k)}, lang,
                   content_hash || {sfx} FROM sources WHERE rowid <= {max_source} ORDER BY rowid""")
        con.execute(f"""INSERT INTO events(no, id, type, subtype, status, date_from, date_to,
                precision, date_how, place, cameo, plover, plover_mode, goldstein)
            SELECT no + {k * max_event}, id || {sfx}, type, subtype, status, {day('date_from', k)},
                   {day('date_to', k)}, precision, date_how, place, cameo, plover, plover_mode,
                   goldstein FROM events WHERE no <= {max_event} ORDER BY no""")
        con.execute(f"""INSERT INTO participants(event, actor, role, source)
            SELECT p.event || {sfx}, p.actor, p.role, p.source || {sfx} FROM events e
            JOIN participants p ON p.event = e.id WHERE e.no <= {max_event}""")
        cols = [r[1] for r in con.execute("PRAGMA table_info(evidence)")]
        sel = []
        for c in cols:
            if c in ("event", "source"):
                sel.append(f"v.{c} || {sfx}")
            elif c in ("date_from", "date_to"):
                sel.append(day("v." + c, k))
            else:
                sel.append("v." + c)
        con.execute(f"""INSERT INTO evidence({', '.join(cols)})
            SELECT {', '.join(sel)} FROM events e JOIN evidence v ON v.event = e.id
            WHERE e.no <= {max_event}""")
        con.execute(f"""INSERT INTO event_attributes(event, key, value)
            SELECT a.event || {sfx}, a.key, a.value FROM events e
            JOIN event_attributes a ON a.event = e.id WHERE e.no <= {max_event}""")
        con.execute(f"""INSERT INTO event_links(event, actor, type)
            SELECT event + {k * max_event}, actor, type FROM event_links
            WHERE event <= {max_event} ORDER BY 1, 2""")
        con.execute(f"""INSERT INTO event_pairs(actor, partner, type, event)
            SELECT actor, partner, type, event + {k * max_event} FROM event_pairs
            WHERE event <= {max_event} ORDER BY 1, 2, 3, 4""")
        con.execute("COMMIT")
        print(f"copy {k}: {time.time() - t:.0f} s", flush=True)
    con.execute("BEGIN")
    for _, sql in triggers:
        con.execute(sql)
    con.execute("UPDATE aggregates SET fresh = 0")
    con.execute("COMMIT")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")


if __name__ == "__main__":
    main()
