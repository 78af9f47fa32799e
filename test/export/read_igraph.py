"""Reads a Shabaka GraphML export with python-igraph and prints counts, labels and types as JSON (for test/export).

Usage: python3 read_igraph.py FILE
"""
import json
import sys

import igraph


def main():
    g = igraph.Graph.Read_GraphML(sys.argv[1])
    print(json.dumps({
        "igraph": igraph.__version__,
        "directed": g.is_directed(),
        "nodeCount": g.vcount(),
        "edgeCount": g.ecount(),
        "ids": g.vs["id"] if "id" in g.vs.attributes() else [],
        "labels": g.vs["label"] if "label" in g.vs.attributes() else [],
        "nodeTypes": g.vs["type"] if "type" in g.vs.attributes() else [],
        "aliases": [json.loads(a) if a else None for a in g.vs["aliases"]] if "aliases" in g.vs.attributes() else [],
        "types": g.es["type"] if "type" in g.es.attributes() else [],
        "ends": [[g.vs[e.source]["id"], g.vs[e.target]["id"]] for e in g.es] if "id" in g.vs.attributes() else [],
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
