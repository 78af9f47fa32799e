/**
 * Query worker thread: holds a copy of the graph (sent by the pool as graphology's serialisation, re-sent when
 * the graph changes) and answers `{id, query, options}` messages with `{id, result}` or `{id, error}`.
 */
import { parentPort } from "node:worker_threads";
import { MultiDirectedGraph } from "graphology";
import type { SerializedGraph } from "graphology-types";
import type { KnowledgeGraph } from "../graph/types.ts";
import { runQuery, type QueryOptions } from "./index.ts";

type Msg =
  | { kind: "graph"; version: number; data: SerializedGraph }
  | { kind: "query"; id: number; query: string; options: QueryOptions };

let graph: KnowledgeGraph = new MultiDirectedGraph() as unknown as KnowledgeGraph;

parentPort?.on("message", (msg: Msg) => {
  if (msg.kind === "graph") {
    const g = new MultiDirectedGraph();
    g.import(msg.data);
    graph = g as unknown as KnowledgeGraph;
    return;
  }
  try {
    const result = runQuery(graph, msg.query, { ...msg.options, allowWrites: false });
    parentPort!.postMessage({ id: msg.id, result });
  } catch (e) {
    const err = e as Error & { code?: string; status?: number; details?: unknown };
    parentPort!.postMessage({
      id: msg.id,
      error: { name: err.name, message: err.message, code: err.code, status: err.status, details: err.details },
    });
  }
});
