/**
 * Persistence of the knowledge graph: graphology's JSON serialisation (`graph.export()`), written atomically
 * (temporary file in the same folder, then rename, so a reader never sees half a file).
 */
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, basename, join } from "node:path";
import { MultiDirectedGraph } from "graphology";
import { DataError, InputError } from "../errors.ts";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "./schema.ts";
import type { KnowledgeGraph } from "./types.ts";

/** Version of the saved graph format; bumped when attributes change incompatibly. */
export const SCHEMA_VERSION = 1;

/** Creates an empty knowledge graph with the graph attributes set. */
export function createGraph(): KnowledgeGraph {
  const g = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  g.replaceAttributes({ schemaVersion: SCHEMA_VERSION, documents: {} });
  return g;
}

/**
 * Writes `content` to `file` atomically: a temporary sibling file is written, then renamed over `file`.
 * Creates the folder if needed. On failure the temporary file is removed and `file` is untouched.
 */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(tmp, content);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Saves the graph as graphology JSON (atomic). */
export async function saveGraph(graph: KnowledgeGraph, file: string): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(graph.export()));
}

/**
 * Reads a graph saved by {@link saveGraph} (or any graphology serialisation with our attributes).
 * @throws InputError when the file is missing or not JSON; DataError when it is not a graph.
 */
export async function loadGraph(file: string): Promise<KnowledgeGraph> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(
      code === "ENOENT" ? `loadGraph: file "${file}" not found (run \`shabaka build\` first).` : `loadGraph: cannot read "${file}": ${(err as Error).message}`,
      { cause: err },
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(`loadGraph: "${file}" is not JSON: ${(err as Error).message}`, { cause: err });
  }
  return graphFromJSON(data, file);
}

/**
 * Builds a graph from graphology's serialised form.
 * @throws DataError when `data` lacks `nodes`/`edges` arrays or graphology refuses it.
 */
export function graphFromJSON(data: unknown, origin = "input"): KnowledgeGraph {
  const d = data as { nodes?: unknown; edges?: unknown; attributes?: Partial<GraphAttributes> };
  if (d === null || typeof d !== "object" || !Array.isArray(d.nodes) || !Array.isArray(d.edges)) {
    throw new DataError(`loadGraph: "${origin}" is not a graphology serialisation (nodes and edges arrays expected).`);
  }
  const g = createGraph();
  try {
    g.import(data as Parameters<KnowledgeGraph["import"]>[0]);
  } catch (err) {
    throw new DataError(`loadGraph: "${origin}" is not a valid graph: ${(err as Error).message}`, { cause: err });
  }
  if (!g.getAttribute("documents")) g.setAttribute("documents", {});
  if (g.getAttribute("schemaVersion") === undefined) g.setAttribute("schemaVersion", SCHEMA_VERSION);
  return g;
}
