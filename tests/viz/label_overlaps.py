#!/usr/bin/env python3
"""Counts the pairs of text labels whose boxes overlap in an SVG that Graphviz wrote.

usage: label_overlaps.py FILE.svg [--max N] [--list]

Each <text> element's box comes from its x, y, font-size, text-anchor and the length of its
text: width = characters x 0.55 x font-size (0.6 in bold; Helvetica's mean advance is about
0.5 of the size), height = font-size, from y - 0.8 x size (ascent) to y + 0.2 x size
(descent); the transforms of the enclosing groups (Graphviz writes one translate and scale on
the graph group) are applied. Two boxes overlap when they share more than 0.5 pt in both
directions (touching lines of one multi-line label do not count). Prints the number of labels
and of overlapping pairs; exits 1 when the pairs exceed --max (default 0), 2 on a bad file.
"""
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def parse_transform(text):
    """(scale x, scale y, translate x, translate y) of translate/scale/rotate(0) lists."""
    sx, sy, tx, ty = 1.0, 1.0, 0.0, 0.0
    for name, args in re.findall(r"(\w+)\s*\(([^)]*)\)", text or ""):
        v = [float(a) for a in re.split(r"[\s,]+", args.strip()) if a]
        if name == "translate":
            dx, dy = v[0], (v[1] if len(v) > 1 else 0.0)
            tx, ty = tx + sx * dx, ty + sy * dy
        elif name == "scale":
            ax, ay = v[0], (v[1] if len(v) > 1 else v[0])
            sx, sy = sx * ax, sy * ay
        elif name == "rotate" and v and v[0] != 0:
            raise ValueError(f"rotate({v[0]}) is not handled")
    return sx, sy, tx, ty


def compose(outer, inner):
    sx, sy, tx, ty = outer
    ix, iy, itx, ity = inner
    return sx * ix, sy * iy, tx + sx * itx, ty + sy * ity


def boxes(root):
    out = []

    def walk(node, t):
        t = compose(t, parse_transform(node.get("transform")))
        if node.tag == SVG + "text":
            text = "".join(node.itertext())
            if not text.strip():
                return
            size = float(node.get("font-size", "14"))
            bold = node.get("font-weight") == "bold" or any(
                c.tag == SVG + "tspan" and c.get("font-weight") == "bold" for c in node
            )
            width = len(text) * size * (0.6 if bold else 0.55)
            x, y = float(node.get("x", "0")), float(node.get("y", "0"))
            anchor = node.get("text-anchor", "start")
            left = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
            sx, sy, tx, ty = t
            x0, x1 = tx + sx * left, tx + sx * (left + width)
            y0, y1 = ty + sy * (y - 0.8 * size), ty + sy * (y + 0.2 * size)
            out.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1), text))
            return
        for child in node:
            walk(child, t)

    walk(root, (1.0, 1.0, 0.0, 0.0))
    return out


def overlapping(bs, slack=0.5):
    """Pairs of boxes sharing more than `slack` in x and in y (sweep along x)."""
    order = sorted(range(len(bs)), key=lambda i: bs[i][0])
    pairs = []
    active = []
    for i in order:
        x0, y0, x1, y1, _ = bs[i]
        active = [j for j in active if bs[j][2] - slack > x0]
        for j in active:
            if min(x1, bs[j][2]) - max(x0, bs[j][0]) > slack and min(y1, bs[j][3]) - max(
                y0, bs[j][1]
            ) > slack:
                pairs.append((j, i))
        active.append(i)
    return pairs


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    path = argv[1]
    limit = int(argv[argv.index("--max") + 1]) if "--max" in argv else 0
    try:
        root = ET.parse(path).getroot()
        bs = boxes(root)
    except (OSError, ET.ParseError, ValueError) as e:
        print(f"{path}: {e}", file=sys.stderr)
        return 2
    pairs = overlapping(bs)
    print(f"{path}: {len(bs)} labels, {len(pairs)} overlapping pairs")
    if "--list" in argv or len(pairs) > limit:
        for a, b in pairs[:40]:
            print(f"  “{bs[a][4]}” × “{bs[b][4]}”")
    return 1 if len(pairs) > limit else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
