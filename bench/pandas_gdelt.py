#!/usr/bin/env python3
"""The obvious alternative to `diplograph import` of a GDELT file: pandas read_csv + to_sql
into a fresh SQLite file. Prints the rows and the seconds it took.

usage: pandas_gdelt.py EXPORT.CSV DB
"""
import os
import sqlite3
import sys
import time

import pandas as pd


def main():
    path, db = sys.argv[1], sys.argv[2]
    if os.path.exists(db):
        os.remove(db)
    start = time.perf_counter()
    frame = pd.read_csv(path, sep="\t", header=None, dtype=str, quoting=3,
                        keep_default_na=False, engine="c")
    with sqlite3.connect(db) as conn:
        frame.to_sql("events", conn, index=False, chunksize=100_000)
    seconds = time.perf_counter() - start
    print(f"{len(frame)} {seconds:.3f}")


if __name__ == "__main__":
    main()
