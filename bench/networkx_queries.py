#!/usr/bin/python3
"""The questions of queries_vs_networkx.sh answered by NetworkX from the same SQLite file.

usage: networkx_queries.py DB links|path|ego|pagerank A [B]

Each run is a whole process, as the diplograph command it is compared with: read the store,
build the graph, answer, print. `links` and `path` read what their answers show (event types,
dates, statuses, sources); `ego` and `pagerank` read only who took part in which event.
"""
import sqlite3
import sys

import networkx as nx


def structure(con):
    g = nx.Graph()
    parts = {}
    for ev, actor in con.execute("SELECT DISTINCT event, actor FROM participants"):
        parts.setdefault(ev, []).append(actor)
    for actors in parts.values():
        g.add_nodes_from(actors)
        for i in range(len(actors)):
            for j in range(i + 1, len(actors)):
                g.add_edge(actors[i], actors[j])
    return g


def full(con):
    g = nx.Graph()
    events = {row[0]: row[1:] for row in
              con.execute("SELECT id, type, status, date_from, date_to FROM events")}
    sources = {}
    for ev, src in con.execute("SELECT DISTINCT event, source FROM evidence"):
        sources.setdefault(ev, set()).add(src)
    parts = {}
    for ev, actor in con.execute("SELECT DISTINCT event, actor FROM participants"):
        parts.setdefault(ev, []).append(actor)
    for ev, actors in parts.items():
        typ, status, first, last = events[ev]
        for i in range(len(actors)):
            for j in range(i + 1, len(actors)):
                a, b = actors[i], actors[j]
                if not g.has_edge(a, b):
                    g.add_edge(a, b, links={})
                link = g[a][b]["links"].setdefault(
                    typ, {"count": 0, "first": None, "last": None, "statuses": set(),
                          "sources": set(), "events": []})
                link["count"] += 1
                link["events"].append(ev)
                if first and (link["first"] is None or first < link["first"]):
                    link["first"] = first
                if last and (link["last"] is None or last > link["last"]):
                    link["last"] = last
                link["statuses"].add(status)
                link["sources"] |= sources.get(ev, set())
    return g


def main():
    db, question, a = sys.argv[1], sys.argv[2], sys.argv[3]
    con = sqlite3.connect(db)
    if question == "links":
        g = full(con)
        rows = []
        for other in g[a]:
            for typ, link in g[a][other]["links"].items():
                rows.append((-link["count"], other, typ, link))
        rows.sort(key=lambda r: r[:3])
        for _, other, typ, link in rows:
            print(other, typ, link["count"], link["first"], link["last"],
                  ",".join(sorted(link["statuses"])), len(link["sources"]))
    elif question == "path":
        g = full(con)
        path = nx.shortest_path(g, a, sys.argv[4])
        print(" -> ".join(path))
        for u, v in zip(path, path[1:]):
            for typ, link in g[u][v]["links"].items():
                for ev in link["events"]:
                    print(u, v, typ, ev)
    elif question == "ego":
        g = structure(con)
        ego = nx.ego_graph(g, a, radius=2)
        dist = nx.single_source_shortest_path_length(g, a, cutoff=2)
        for n in sorted(ego, key=lambda n: (dist[n], n)):
            print(dist[n], n, ego.degree(n))
    elif question == "pagerank":
        g = structure(con)
        pr = nx.pagerank(g)
        for n, score in sorted(pr.items(), key=lambda x: (-x[1], x[0]))[:20]:
            print(n, f"{score:.6f}", g.degree(n))
    else:
        sys.exit(f"unknown question {question}")


if __name__ == "__main__":
    main()
