"""Runs SQL on a store opened read-only (file:…?mode=ro, as an analyst would) and prints the
rows of each statement as JSON: a list per statement, a list per row.

    store_query.py DB SQL [SQL…]

Used by tests/viz/tables_test.cpp to check the export's tables and the views of docs/schema.md.
"""
import json
import sqlite3
import sys


def main():
    path, statements = sys.argv[1], sys.argv[2:]
    con = sqlite3.connect("file:" + path + "?mode=ro", uri=True)
    out = [[list(row) for row in con.execute(sql)] for sql in statements]
    try:
        con.execute("CREATE TABLE written(x)")
        raise SystemExit("the store was writable through mode=ro")
    except sqlite3.OperationalError:
        pass
    print(json.dumps(out, ensure_ascii=False, default=str))


main()
