/**
 * JSON writer: graphology's serialisation (`graph.export()` shape: `options`, `attributes`, `nodes[{key,
 * attributes}]`, `edges[{key, source, target, attributes}]`) plus `version` (this export format's version) and
 * `generator`, so `Graph.from(JSON.parse(text))` rebuilds the graph. Streams one node, edge or document at a time.
 * JSON can hold any string (lone surrogates are escaped as `\udXXX`), so nothing is removed; non-finite numbers
 * (which JSON cannot hold) are left out and counted.
 */
import type { ExportModel } from "./model.ts";
import type { ExportReport } from "./sanitize.ts";

/** Version of the JSON export layout; bump when fields change. */
export const JSON_EXPORT_VERSION = 1;

function stringify(value: unknown, report: ExportReport): string {
  return JSON.stringify(value, (key, v) => {
    if (typeof v === "number" && !Number.isFinite(v)) {
      report.dropNumber(key === "" ? "value" : key);
      return undefined;
    }
    return v;
  }) ?? "null";
}

/** Document ids referenced by the selected nodes and edges (their `docs` and provenance). */
function referencedDocuments(model: ExportModel): Set<string> {
  const ids = new Set<string>();
  const addProv = (p: unknown) => {
    if (!Array.isArray(p)) return;
    for (const x of p) if (x && typeof x === "object" && typeof (x as { doc?: unknown }).doc === "string") ids.add((x as { doc: string }).doc);
  };
  for (const a of model.nodeAttrs) {
    if (Array.isArray(a.docs)) for (const d of a.docs) if (typeof d === "string") ids.add(d);
    addProv(a.provenance);
  }
  for (const a of model.edgeAttrs) addProv(a.provenance);
  return ids;
}

/**
 * Yields the JSON document. With `whole` false (a subgraph), only the documents the selection refers to are kept.
 */
export function* jsonPieces(model: ExportModel, whole: boolean, report: ExportReport): Generator<string> {
  const { graph } = model;
  const { documents, ...rest } = graph.getAttributes() as unknown as Record<string, unknown>;
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  yield `{"version":${JSON_EXPORT_VERSION},"generator":"Shabaka","options":${JSON.stringify(options)},"attributes":`;
  const restText = stringify(rest, report);
  yield restText.slice(0, -1) + (restText === "{}" ? "" : ",") + '"documents":{';
  if (documents && typeof documents === "object") {
    const keep = whole ? undefined : referencedDocuments(model);
    let first = true;
    for (const [id, doc] of Object.entries(documents as Record<string, unknown>)) {
      if (keep && !keep.has(id)) continue;
      yield (first ? "\n" : ",\n") + JSON.stringify(id) + ":" + stringify(doc, report);
      first = false;
    }
  }
  yield '}},\n"nodes":[';
  let first = true;
  for (let i = 0; i < model.nodes.length; i++) {
    yield (first ? "\n" : ",\n") + `{"key":${JSON.stringify(model.nodes[i])},"attributes":${stringify(model.nodeAttrs[i], report)}}`;
    first = false;
  }
  yield '],\n"edges":[';
  first = true;
  const mixed = graph.type !== "directed";
  for (let j = 0; j < model.edges.length; j++) {
    const key = model.edges[j];
    yield (first ? "\n" : ",\n") +
      `{"key":${JSON.stringify(key)},"source":${JSON.stringify(model.edgeSources[j])},"target":${JSON.stringify(model.edgeTargets[j])}` +
      (mixed && graph.isUndirected(key) ? ',"undirected":true' : "") +
      `,"attributes":${stringify(model.edgeAttrs[j], report)}}`;
    first = false;
  }
  yield "]}\n";
}
