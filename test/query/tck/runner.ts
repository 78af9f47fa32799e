/**
 * Runs TCK scenarios against the engine: each scenario starts from an empty graph, runs its setup queries with
 * writes allowed, then its query, and compares rows (in order or any order, lists ordered unless the step says
 * otherwise), side effects (graph diff: nodes, relationships, label names, properties) and expected errors
 * (the error class, the detail code — `*` in a scenario accepts any — and the phase must match: compile time means
 * raised by the parser or the semantic checks, before execution).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { MultiDirectedGraph } from "graphology";
import type { KnowledgeGraph } from "../../../src/graph/types.ts";
import { CypherSyntaxError, runQueryRaw, type RawResult } from "../../../src/query/index.ts";
import { nodeLabels, nodeProps, relProps } from "../../../src/query/graph-access.ts";
import { hashKey, type Value } from "../../../src/query/values.ts";
import { parseFeature, type Scenario } from "./gherkin.ts";
import { bipartite, matches, parseExpected, toValue } from "./values.ts";

/** The TCK folders issue #6 lists. */
export const TCK_FOLDERS = [
  "clauses/match", "clauses/match-where", "clauses/return", "clauses/return-orderby", "clauses/return-skip-limit",
  "clauses/with", "clauses/with-where", "clauses/unwind", "expressions/aggregation", "expressions/boolean",
  "expressions/comparison", "expressions/null", "expressions/path", "expressions/string", "expressions/list",
  "expressions/literals", "expressions/graph",
];

export interface Outcome {
  file: string;
  scenario: string;
  passed: boolean;
  reason?: string;
}

interface Snapshot {
  nodes: Set<string>;
  rels: Set<string>;
  labels: Set<string>;
  props: Set<string>;
}

function snapshot(g: KnowledgeGraph): Snapshot {
  const s: Snapshot = { nodes: new Set(), rels: new Set(), labels: new Set(), props: new Set() };
  g.forEachNode((k) => {
    s.nodes.add(k);
    for (const l of nodeLabels(g, k)) s.labels.add(l);
    for (const [p, v] of Object.entries(nodeProps(g, k))) s.props.add(`n${k}\u0001${p}\u0001${hashKey(v)}`);
  });
  g.forEachEdge((k) => {
    s.rels.add(k);
    for (const [p, v] of Object.entries(relProps(g, k))) s.props.add(`r${k}\u0001${p}\u0001${hashKey(v)}`);
  });
  return s;
}

function diff(a: Set<string>, b: Set<string>): [number, number] {
  let plus = 0;
  let minus = 0;
  for (const x of b) if (!a.has(x)) plus++;
  for (const x of a) if (!b.has(x)) minus++;
  return [plus, minus];
}

function sideEffects(before: Snapshot, after: Snapshot): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, key] of [["nodes", "nodes"], ["relationships", "rels"], ["labels", "labels"], ["properties", "props"]] as const) {
    const [p, m] = diff(before[key], after[key]);
    out[`+${name}`] = p;
    out[`-${name}`] = m;
  }
  return out;
}

/** Compile time = raised by the parser or the semantic checks, before any row is produced. */
function compileTimeError(e: unknown): boolean {
  return e instanceof CypherSyntaxError;
}

const OPTS = { timeoutMs: 5000, maxHops: 32, maxRows: 1_000_000 };

/** Runs one scenario; returns null on success or the reason of the failure. */
export function runScenario(s: Scenario): string | null {
  const g = new MultiDirectedGraph() as unknown as KnowledgeGraph;
  let params: Record<string, Value> = {};
  let result: RawResult | null = null;
  let error: unknown = null;
  let before: Snapshot | null = null;
  let after: Snapshot | null = null;
  for (const step of s.steps) {
    const t = step.text;
    if (/^(an empty graph|any graph)$/.test(t)) continue;
    if (t.startsWith("having executed")) {
      runQueryRaw(g, step.docString ?? "", { ...OPTS, allowWrites: true });
      continue;
    }
    if (t.startsWith("parameters are")) {
      params = {};
      for (const [k, v] of step.table ?? []) params[k] = toValue(parseExpected(v));
      continue;
    }
    if (t.startsWith("there exists a procedure")) return "procedures are not supported";
    if (t.startsWith("executing query") || t.startsWith("executing control query")) {
      before = snapshot(g);
      try {
        result = runQueryRaw(g, step.docString ?? "", { ...OPTS, allowWrites: true }, params);
        error = null;
      } catch (e) {
        error = e;
        result = null;
      }
      after = snapshot(g);
      continue;
    }
    const em = /^an? (\w+) should be raised at (compile time|runtime|any time): (\S+)/.exec(t);
    if (em) {
      if (!error) return `expected ${em[1]} (${em[3]}), query succeeded`;
      const cls = (error as { cypherClass?: string }).cypherClass;
      if (cls === undefined) return `expected ${em[1]}, got ${(error as Error).message}`;
      const detail = (error as { cypherDetail?: string }).cypherDetail;
      if (cls !== em[1] || (em[3] !== "*" && detail !== em[3])) return `expected ${em[1]} (${em[3]}), got ${cls} (${detail})`;
      const phase = compileTimeError(error) ? "compile time" : "runtime";
      if (em[2] !== "any time" && em[2] !== phase) return `expected ${em[1]} (${em[3]}) at ${em[2]}, raised at ${phase}`;
      continue;
    }
    if (error) return `error: ${(error as Error).message}`;
    if (t.startsWith("the result should be empty")) {
      if (result!.rows.length !== 0) return `expected no rows, got ${result!.rows.length}`;
      continue;
    }
    const rm = /^the result should be(, in (any )?order)?( \(ignoring element order for lists\))?/.exec(t);
    if (rm && t.includes("result")) {
      const ordered = rm[1] !== undefined && rm[2] === undefined;
      const unorderedLists = t.includes("ignoring element order");
      const [head, ...rows] = step.table ?? [[]];
      const r = result!;
      if (r.columns.length !== head.length || !head.every((h, i) => r.columns[i] === h || r.columns.includes(h))) {
        return `columns ${JSON.stringify(r.columns)} != ${JSON.stringify(head)}`;
      }
      const exp = rows.map((row) => row.map(parseExpected));
      const idx = head.map((h) => r.columns.indexOf(h));
      const rowEq = (a: Value[], e: ReturnType<typeof parseExpected>[]): boolean => e.every((x, i) => matches(a[idx[i]], x, g, unorderedLists));
      if (r.rows.length !== exp.length) return `expected ${exp.length} rows, got ${r.rows.length}`;
      const ok = ordered ? exp.every((e, i) => rowEq(r.rows[i], e)) : bipartite(r.rows, exp, rowEq);
      if (!ok) return `rows differ: got ${JSON.stringify(r.rows, (_k, v) => (typeof v === "bigint" ? Number(v) : v))}`;
      continue;
    }
    if (t.startsWith("no side effects") || t.startsWith("the side effects should be")) {
      const fx = sideEffects(before!, after!);
      const want: Record<string, number> = {};
      for (const [k, v] of step.table ?? []) want[k] = Number(v);
      for (const [k, v] of Object.entries(fx)) if ((want[k] ?? 0) !== v) return `side effect ${k}: expected ${want[k] ?? 0}, got ${v}`;
      continue;
    }
    return `unsupported step: ${t}`;
  }
  return null;
}

/** Scenarios of every feature file under the listed folders of `root`. */
export function loadScenarios(root: string, folders: string[] = TCK_FOLDERS): { file: string; scenarios: Scenario[] }[] {
  const out: { file: string; scenarios: Scenario[] }[] = [];
  for (const f of folders) {
    for (const name of readdirSync(join(root, f)).filter((n) => n.endsWith(".feature")).sort()) {
      const file = `${f}/${name}`;
      out.push({ file, scenarios: parseFeature(readFileSync(join(root, file), "utf8"), file) });
    }
  }
  return out;
}

/** Runs every scenario; one outcome per scenario. */
export function runAll(root: string, folders?: string[]): Outcome[] {
  const out: Outcome[] = [];
  for (const { file, scenarios } of loadScenarios(root, folders)) {
    for (const s of scenarios) {
      let reason: string | null;
      try {
        reason = runScenario(s);
      } catch (e) {
        reason = `harness: ${(e as Error).message}`;
      }
      out.push({ file, scenario: s.name, passed: reason === null, ...(reason ? { reason } : {}) });
    }
  }
  return out;
}
