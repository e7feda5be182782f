"""Reads an export back with the tool that consumes it and prints what it saw as JSON.

    read_back.py graphml|gexf|gexf12|svg|csv|tsv FILE

graphml and gexf are read by NetworkX, svg by xml.etree (well-formedness, tags, texts, links),
csv by the csv module (the dialect neo4j-admin reads). Used by tests/viz/*_test.cpp.
"""
import csv
import json
import sys
import xml.etree.ElementTree as ET

XLINK = "{http://www.w3.org/1999/xlink}"


def graph_summary(G):
    edges = []
    if G.is_multigraph():
        for u, v, k, d in G.edges(keys=True, data=True):
            edges.append([u, v, d])
    else:
        for u, v, d in G.edges(data=True):
            edges.append([u, v, d])
    return {
        "multigraph": G.is_multigraph(),
        "graph": dict(G.graph),
        "nodes": {n: d for n, d in G.nodes(data=True)},
        "edges": edges,
    }


def svg_summary(path):
    root = ET.parse(path).getroot()
    tags, texts, titles, hrefs, attributes = set(), [], [], [], set()
    for el in root.iter():
        tags.add(el.tag.split("}")[-1])
        attributes.update(a.split("}")[-1] for a in el.attrib)
        if el.tag.endswith("}text"):
            texts.append("".join(el.itertext()))
        if XLINK + "title" in el.attrib:
            titles.append(el.attrib[XLINK + "title"])
        if XLINK + "href" in el.attrib:
            hrefs.append(el.attrib[XLINK + "href"])
    groups = [el.attrib.get("class") for el in root.iter() if el.tag.endswith("}g")]
    return {
        "tags": sorted(tags),
        "attributes": sorted(attributes),
        "texts": texts,
        "titles": titles,
        "hrefs": hrefs,
        "nodes": groups.count("node"),
        "edges": groups.count("edge"),
        "clusters": groups.count("cluster"),
    }


def main():
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "graphml":
        import networkx

        out = graph_summary(networkx.read_graphml(path))
    elif kind == "gexf":
        import networkx
        from networkx.readwrite import gexf

        if "1.3" not in gexf.GEXF.versions:
            # Debian 12's NetworkX 2.8 knows GEXF 1.1draft and 1.2draft only; NetworkX 3 reads
            # 1.3 with the same code and the 1.3 namespace, which is what this adds.
            gexf.GEXF.versions["1.3"] = {
                "NS_GEXF": "http://gexf.net/1.3",
                "NS_VIZ": "http://gexf.net/1.3/viz",
                "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
                "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
                "VERSION": "1.3",
            }
        out = graph_summary(networkx.read_gexf(path, version="1.3"))
    elif kind == "gexf12":
        import networkx

        # GEXF 1.2 (--gexf-version 1.2): the 1.2draft namespace every NetworkX reads as it is.
        out = graph_summary(networkx.read_gexf(path, version="1.2draft"))
    elif kind == "svg":
        out = svg_summary(path)
    elif kind in ("csv", "tsv"):
        with open(path, newline="", encoding="utf-8") as f:
            # TSV fields are never quoted (tabs and line breaks become spaces): a quote is text.
            if kind == "csv":
                rows = list(csv.reader(f))
            else:
                rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
        out = {"header": rows[0], "rows": rows[1:]}
    else:
        raise SystemExit("unknown kind " + kind)
    print(json.dumps(out, ensure_ascii=False, sort_keys=True, default=str))


main()
