/**
 * The Neo4j import script: openCypher statements that `MERGE` nodes and relationships in `UNWIND` batches of
 * literal maps, for graphs small enough to paste into a browser or run with `cypher-shell -f import.cypher`.
 * Only openCypher is used (UNWIND, MERGE, MATCH, SET, list and map literals), so the project's own parser reads
 * it; the uniqueness constraint, which is Neo4j DDL, is in a separate `schema.cypher`.
 */
import type { Column, ExportModel } from "./model.ts";
import type { ExportReport } from "./sanitize.ts";
import { cleanText } from "./sanitize.ts";
import { columnValue } from "./values.ts";
import { BASE_LABEL, relationshipColumns, relationshipType, typeLabel } from "./neo4j.ts";

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A Cypher symbolic name: as is when plain, else between backticks (backticks doubled). */
export function cypherName(name: string): string {
  return PLAIN_NAME.test(name) ? name : "`" + name.replace(/`/g, "``") + "`";
}

const STRING_SPECIAL = /[\\'\n\r\t]/g;
const STRING_ESCAPES: Record<string, string> = { "\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** A single-quoted Cypher string literal (openCypher escapes `\\`, `\'`, `\n`, `\r`, `\t`). */
export function cypherString(s: string): string {
  return "'" + s.replace(STRING_SPECIAL, (c) => STRING_ESCAPES[c]) + "'";
}

/** A Cypher float literal for a finite number: `2.0`, `0.5`, `1e21` (openCypher exponents take no `+`). */
export function cypherFloat(n: number): string {
  const s = String(n).replace("e+", "e");
  return /[.e]/.test(s) ? s : s + ".0";
}

function literal(column: Column, attrs: Record<string, unknown>, report: ExportReport): string | undefined {
  const v = columnValue(column, attrs, report);
  if (v === undefined) return undefined;
  if (Array.isArray(v)) return "[" + v.map(cypherString).join(", ") + "]";
  switch (column.kind) {
    case "integer":
    case "boolean":
      return v;
    case "double":
      return cypherFloat(Number(v));
    default:
      return cypherString(v);
  }
}

function propsMap(columns: Column[], attrs: Record<string, unknown>, report: ExportReport, head: string[]): string {
  const parts = [...head];
  for (const c of columns) {
    const lit = literal(c, attrs, report);
    if (lit !== undefined) parts.push(`${cypherName(cleanText(c.name, report))}: ${lit}`);
  }
  return "{" + parts.join(", ") + "}";
}

/** Settings of the script. */
export interface CypherSettings {
  /** Rows per UNWIND statement (≥ 1). */
  batchSize: number;
}

/**
 * Yields the statements of `import.cypher` (without the trailing `;`): first the nodes, type by type, then the
 * relationships, type by type, each in batches of `batchSize` rows.
 */
export function* cypherStatements(model: ExportModel, settings: CypherSettings, report: ExportReport): Generator<string> {
  const byLabel = groupIndices(model.nodeAttrs, (a) => cleanText(typeLabel(a.type), report));
  for (const [label, indices] of byLabel) {
    for (let b = 0; b < indices.length; b += settings.batchSize) {
      const rows = indices.slice(b, b + settings.batchSize).map((i) => {
        const key = model.nodes[i];
        const a = model.nodeAttrs[i];
        if (model.nodeIdChanged(key)) report.countChangedId(key);
        const head = typeof a.label === "string" ? [`label: ${cypherString(cleanText(a.label, report))}`] : [];
        return `{id: ${cypherString(model.nodeId(key))}, props: ${propsMap(model.nodeColumns, a, report, head)}}`;
      });
      yield `UNWIND [\n${rows.join(",\n")}\n] AS row\nMERGE (n:${BASE_LABEL} {id: row.id})\nSET n += row.props, n:${cypherName(label)}`;
    }
  }
  const relCols = relationshipColumns(model);
  const byType = groupIndices(model.edgeAttrs, (a) => relationshipType(a.type, report));
  for (const [type, indices] of byType) {
    for (let b = 0; b < indices.length; b += settings.batchSize) {
      const rows = indices.slice(b, b + settings.batchSize).map((j) => {
        const key = model.edges[j];
        if (model.edgeIdChanged(key)) report.countChangedId(key);
        return `{id: ${cypherString(model.edgeId(key))}, source: ${cypherString(model.nodeId(model.edgeSources[j]))}, ` +
          `target: ${cypherString(model.nodeId(model.edgeTargets[j]))}, props: ${propsMap(relCols, model.edgeAttrs[j], report, [])}}`;
      });
      yield `UNWIND [\n${rows.join(",\n")}\n] AS row\n` +
        `MATCH (a:${BASE_LABEL} {id: row.source})\nMATCH (b:${BASE_LABEL} {id: row.target})\n` +
        `MERGE (a)-[r:${cypherName(type)} {id: row.id}]->(b)\nSET r += row.props`;
    }
  }
}

/** Indices of `items` grouped by `group(item)`, groups in order of first appearance. */
function groupIndices(items: Record<string, unknown>[], group: (a: Record<string, unknown>) => string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  items.forEach((a, i) => {
    const g = group(a);
    const list = out.get(g);
    if (list) list.push(i);
    else out.set(g, [i]);
  });
  return out;
}

/** The statements of `schema.cypher` (Neo4j 5 DDL): a uniqueness constraint on `(:Node {id})`. */
export function schemaStatements(): string[] {
  return [`CREATE CONSTRAINT shabaka_node_id IF NOT EXISTS FOR (n:${BASE_LABEL}) REQUIRE n.id IS UNIQUE`];
}
