#!/usr/bin/env python3
"""Writes a large GDELT 2.0 export file for bench/import_gdelt.sh: the real rows of the given
export files repeated, each copy with its GLOBALEVENTIDs shifted by 10^7 and its dates
(SQLDATE, MonthYear, Year, DATEADDED) moved one day later than the previous copy's.

usage: gen_gdelt.py OUT ROWS EXPORT.CSV...
"""
import datetime
import sys


def main():
    out, rows, inputs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    real = []
    for name in inputs:
        with open(name, encoding="utf-8", newline="") as f:
            real.extend(line.rstrip("\n").split("\t") for line in f if line.strip())
    written = 0
    with open(out, "w", encoding="utf-8", newline="") as f:
        copy = 0
        while written < rows:
            shift = datetime.timedelta(days=copy)
            for fields in real:
                if written == rows:
                    break
                g = list(fields)
                g[0] = str(int(g[0]) + copy * 10_000_000)
                day = datetime.date(int(g[1][:4]), int(g[1][4:6]), int(g[1][6:8])) + shift
                g[1] = day.strftime("%Y%m%d")
                g[2] = day.strftime("%Y%m")
                g[3] = day.strftime("%Y")
                added = datetime.datetime.strptime(g[59], "%Y%m%d%H%M%S") + shift
                g[59] = added.strftime("%Y%m%d%H%M%S")
                f.write("\t".join(g) + "\n")
                written += 1
            copy += 1


if __name__ == "__main__":
    main()
