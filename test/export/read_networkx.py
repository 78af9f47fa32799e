"""Reads a Shabaka GEXF or GraphML export with networkx and prints what it saw as JSON (for test/export).

Usage: python3 read_networkx.py gexf|graphml FILE
Lists (aliases, roles) are JSON arrays in the exports; they are decoded here, as a user would.
"""
import json
import sys

import networkx as nx


def decode_list(value):
    if value is None:
        return None
    return json.loads(value)


def main():
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "gexf":
        g = nx.read_gexf(path)
    else:
        g = nx.read_graphml(path)
    nodes = {}
    for key, data in g.nodes(data=True):
        entry = {
            "label": data.get("label"),
            "type": data.get("type"),
            "aliases": decode_list(data.get("aliases")),
            "roles": decode_list(data.get("roles")),
            "mentions": data.get("mentions"),
        }
        if "viz" in data:
            entry["viz"] = data["viz"]
        nodes[key] = entry
    edges = []
    for s, t, data in g.edges(data=True):
        edges.append({"source": s, "target": t, "type": data.get("type"), "label": data.get("label"),
                      "weight": data.get("weight"), "id": data.get("id")})
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
