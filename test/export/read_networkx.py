"""Reads a Shabaka GEXF or GraphML export with networkx and prints what it saw as JSON (for test/export).

Usage: python3 read_networkx.py gexf|graphml FILE
Lists (aliases, roles) are decoded as a user would: GEXF liststring values (Gephi's array syntax, JSON whenever
no item holds a tab or newline) with json.loads(strict=False); GraphML values (strict JSON) with json.loads.
"""
import json
import sys

import networkx as nx


def decode_list(value, strict):
    if value is None:
        return None
    return json.loads(value, strict=strict)


def main():
    kind, path = sys.argv[1], sys.argv[2]
    g = nx.read_gexf(path) if kind == "gexf" else nx.read_graphml(path)
    strict = kind != "gexf"
    nodes = {}
    for key, data in g.nodes(data=True):
        entry = {
            "label": data.get("label"),
            "type": data.get("type"),
            "aliases": decode_list(data.get("aliases"), strict),
            "roles": decode_list(data.get("roles"), strict),
            "mentions": data.get("mentions"),
            "firstSeen": data.get("firstSeen"),
            "lastSeen": data.get("lastSeen"),
        }
        if "viz" in data:
            entry["viz"] = data["viz"]
        nodes[key] = entry
    edges = []
    for s, t, data in g.edges(data=True):
        edges.append({"source": s, "target": t, "type": data.get("type"), "label": data.get("label"),
                      "weight": data.get("weight"), "evidence": data.get("evidence"), "id": data.get("id")})
    print(json.dumps({
        "networkx": nx.__version__,
        "directed": g.is_directed(),
        "multigraph": g.is_multigraph(),
        "nodeCount": g.number_of_nodes(),
        "edgeCount": g.number_of_edges(),
        "nodes": nodes,
        "edges": edges,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
