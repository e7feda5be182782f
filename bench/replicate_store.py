#!/usr/bin/env python3
"""Makes a larger GDELT-like store from one imported by `diplograph import` (bench/scale_gdelt.sh):
a new store OUT holding BASE's rows COPIES times (copy 0 is BASE itself), each further copy's
event and source ids suffixed with its number (".1", ".2"…), its event numbers moved past the
previous copy's, and its day dates moved by SHIFT_DAYS more than the previous copy's (default:
the span of BASE's event days plus one, as bench/gen_gdelt.py moves its repeated rows). Tables
of the store's reference data (entities, aliases, event types…) are copied once.

OUT is written as a bulk load: its tables are created from BASE's own schema (sqlite_master),
filled in their key order (rowid tables in copy then rowid order, WITHOUT ROWID tables sorted
on their primary key), then the indexes are built, then the triggers and views made; the
pragmas user_version and application_id are copied and the file is put in WAL mode. The kept
actor view (actor_links, actor_events) is left stale: run `diplograph --db OUT import /dev/null`
to rebuild it.

Not what an import of COPIES times the rows gives exactly: rows of two copies never merge into
one event here, where an import merges those of the same pair, type and day (gen_gdelt.py's
repeated rows are days apart, so an import seldom would).

usage: replicate_store.py BASE OUT COPIES [SHIFT_DAYS]      (OUT must not exist)
"""
import os
import sqlite3
import sys
import time

# Per scaled table: what each copy changes in a column. "id" appends the copy's suffix, "no" adds
# the copy's offset of event numbers, "day" moves a YYYY-MM-DD date. Other columns are copied.
SCALED = {
    "sources": {"id": "id", "content_hash": "id", "published": "day"},
    "events": {"no": "no", "id": "id", "date_from": "day", "date_to": "day"},
    "participants": {"event": "id", "source": "id"},
    "evidence": {"event": "id", "source": "id", "date_from": "day", "date_to": "day"},
    "event_links": {"event": "no"},
    "event_pairs": {"event": "no"},
    "possible_duplicates": {"event": "id", "of": "id", "source": "id"},
    "links_deferred": {"source": "id"},
}
# Derived from the others and rebuilt by `import /dev/null`: left empty.
STALE = {"actor_links", "actor_events"}


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__.split("usage: ")[1])
    base, out, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if os.path.exists(out):
        sys.exit(f"{out}: exists already")
    con = sqlite3.connect(out, isolation_level=None)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-1500000")
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute("ATTACH ? AS b", (base,))
    page_size = con.execute("PRAGMA b.page_size").fetchone()[0]
    con.execute(f"PRAGMA main.page_size={page_size}")
    objects = con.execute(
        "SELECT type, name, tbl_name, sql FROM b.sqlite_master WHERE sql IS NOT NULL "
        "AND name NOT LIKE 'sqlite_%' ORDER BY rowid").fetchall()
    max_no = con.execute("SELECT ifnull(max(no), 0) FROM b.events").fetchone()[0]
    if len(sys.argv) == 5:
        shift = int(sys.argv[4])
    else:
        shift = con.execute(
            "SELECT CAST(julianday(max(date_from)) - julianday(min(date_from)) AS INTEGER) + 1 "
            "FROM b.events WHERE length(date_from) = 10").fetchone()[0] or 1
    print(f"{base}: events up to no {max_no}; {copies} copies, {shift} days apart", flush=True)

    t0 = time.time()
    con.execute("BEGIN")
    for kind, name, _, sql in objects:
        if kind == "table":
            con.execute(sql)
    for kind, name, _, sql in objects:
        if kind != "table" or name in STALE:
            continue
        cols = [(r[1], r[5]) for r in con.execute(f'PRAGMA b.table_info("{name}")')]
        without_rowid = con.execute(
            "SELECT sql LIKE '%WITHOUT ROWID%' FROM b.sqlite_master WHERE name = ?",
            (name,)).fetchone()[0]
        names = ", ".join(f'"{c}"' for c, _ in cols)
        if name not in SCALED:
            order = "" if without_rowid else " ORDER BY rowid"
            con.execute(f'INSERT INTO main."{name}"({names}) SELECT {names} FROM b."{name}"{order}')
            continue
        how = SCALED[name]
        sel = []
        for c, _ in cols:
            h = how.get(c)
            if h == "id":
                sel.append(f'CASE k WHEN 0 THEN t."{c}" ELSE t."{c}" || \'.\' || k END')
            elif h == "no":
                sel.append(f't."{c}" + k * {max_no}')
            elif h == "day":
                sel.append(f'CASE WHEN k > 0 AND length(t."{c}") = 10 THEN '
                           f'date(t."{c}", \'+\' || (k * {shift}) || \' days\') ELSE t."{c}" END')
            else:
                sel.append(f't."{c}"')
        if without_rowid:
            pk = [c for c, p in sorted(cols, key=lambda x: x[1]) if p > 0]
            order = ", ".join(str(1 + [c for c, _ in cols].index(c)) for c in pk)
        else:
            order = None
        copies_cte = f"WITH RECURSIVE n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n WHERE k < {copies - 1})"
        body = f'SELECT {", ".join(sel)} FROM n, b."{name}" t'
        if order:
            query = f'{copies_cte} INSERT INTO main."{name}"({names}) {body} ORDER BY {order}'
        else:
            query = f'{copies_cte} INSERT INTO main."{name}"({names}) {body} ORDER BY k, t.rowid'
        t = time.time()
        con.execute(query)
        count = con.execute(f'SELECT count(*) FROM main."{name}"').fetchone()[0]
        print(f"{name}: {count} rows, {time.time() - t:.0f} s", flush=True)
    con.execute("COMMIT")
    con.execute("BEGIN")
    for kind, name, _, sql in objects:
        if kind == "index":
            t = time.time()
            con.execute(sql)
            print(f"index {name}: {time.time() - t:.0f} s", flush=True)
    for kind, name, _, sql in objects:
        if kind in ("trigger", "view"):
            con.execute(sql)
    for pragma in ("user_version", "application_id"):
        value = con.execute(f"PRAGMA b.{pragma}").fetchone()[0]
        con.execute(f"PRAGMA main.{pragma}={int(value)}")
    con.execute("UPDATE aggregates SET fresh = 0")
    con.execute("COMMIT")
    con.execute("DETACH b")
    con.execute("PRAGMA journal_mode=WAL")
    con.close()
    print(f"{out}: {os.path.getsize(out) >> 20} MB, {time.time() - t0:.0f} s", flush=True)


if __name__ == "__main__":
    main()
