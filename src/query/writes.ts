/**
 * Write clauses (openCypher 9, "CREATE", "MERGE", "SET", "REMOVE", "DELETE"). Created nodes get keys `n<k>` and a
 * `labels` attribute; created relationships get keys `r<k>` and a `type` attribute. Properties set to null are
 * removed. Every change is counted in `ctx.stats`.
 */
import type { NodePattern, PatternPart, RemoveItem, SetItem } from "./ast.ts";
import type { Ctx, Row } from "./context.ts";
import type { NodeAttributes, EdgeAttributes } from "../graph/schema.ts";
import { CypherRuntimeError, typeError } from "./errors.ts";
import { evaluate } from "./eval.ts";
import { nodeLabels, nodeProps, relProps, writeProp } from "./graph-access.ts";
import { matchPattern } from "./match.ts";
import { isMap, NodeRef, PathVal, RelRef, typeName, type CMap, type Value } from "./values.ts";

type Attrs = Record<string, unknown>;

function freshKey(ctx: Ctx, prefix: string, exists: (k: string) => boolean): string {
  let k: string;
  do k = `${prefix}${ctx.nextId.n++}`;
  while (exists(k));
  return k;
}

function checkStorable(v: Value, key: string): void {
  if (v instanceof NodeRef || v instanceof RelRef || v instanceof PathVal || isMap(v)) {
    throw typeError(`property ${key} cannot hold a ${typeName(v)}`, "InvalidPropertyType");
  }
  if (Array.isArray(v)) for (const x of v) if (x !== null && (Array.isArray(x) || isMap(x) || x instanceof NodeRef)) throw typeError(`property ${key} cannot hold a nested ${typeName(x)}`, "InvalidPropertyType");
}

function propsOf(e: PatternPart["nodes"][number]["properties"], row: Row, ctx: Ctx): CMap {
  if (!e) return {};
  const m = evaluate(e, row, ctx);
  if (!isMap(m)) throw typeError(`properties must be a map, got ${typeName(m)}`);
  return m;
}

function createNode(np: NodePattern, row: Row, ctx: Ctx): NodeRef {
  const g = ctx.graph;
  const key = freshKey(ctx, "n", (k) => g.hasNode(k));
  const attrs: Attrs = { labels: [...new Set(np.labels)] };
  for (const [k, v] of Object.entries(propsOf(np.properties, row, ctx))) {
    if (v === null) continue;
    checkStorable(v, k);
    writeProp(attrs, k, v);
    ctx.stats.propertiesSet++;
  }
  g.addNode(key, attrs as unknown as NodeAttributes);
  ctx.stats.nodesCreated++;
  ctx.stats.labelsAdded += np.labels.length;
  return new NodeRef(key);
}

/** CREATE one pattern for one row; returns the row extended with the new variables. */
export function createPattern(parts: PatternPart[], row: Row, ctx: Ctx): Row {
  const out: Row = { ...row };
  const g = ctx.graph;
  for (const p of parts) {
    const nodes: NodeRef[] = [];
    for (const np of p.nodes) {
      const bound = np.variable ? out[np.variable] : undefined;
      if (bound !== undefined) {
        if (!(bound instanceof NodeRef)) throw typeError(`CREATE expects \`${np.variable}\` to be a node, got ${typeName(bound)}`);
        nodes.push(bound);
        continue;
      }
      const n = createNode(np, out, ctx);
      if (np.variable) out[np.variable] = n;
      nodes.push(n);
    }
    const rels: RelRef[] = [];
    p.rels.forEach((rp, i) => {
      if (rp.types.length !== 1 || rp.direction === "both" || rp.range) {
        throw new CypherRuntimeError("CREATE needs exactly one type and a direction on every relationship", "SyntaxError", "NoSingleRelationshipType");
      }
      const [s, t] = rp.direction === "out" ? [nodes[i], nodes[i + 1]] : [nodes[i + 1], nodes[i]];
      const key = freshKey(ctx, "r", (k) => g.hasEdge(k));
      const attrs: Attrs = { type: rp.types[0] };
      for (const [k, v] of Object.entries(propsOf(rp.properties, out, ctx))) {
        if (v === null) continue;
        checkStorable(v, k);
        writeProp(attrs, k, v);
        ctx.stats.propertiesSet++;
      }
      g.addDirectedEdgeWithKey(key, s.key, t.key, attrs as unknown as EdgeAttributes);
      ctx.stats.relationshipsCreated++;
      const r = new RelRef(key);
      if (rp.variable) out[rp.variable] = r;
      rels.push(r);
    });
    if (p.pathVar) out[p.pathVar] = new PathVal(nodes, rels);
  }
  return out;
}

/** MERGE: the matches of the pattern (ON MATCH SET applied), or the created pattern (ON CREATE SET applied). */
export function* merge(part: PatternPart, onCreate: SetItem[], onMatch: SetItem[], row: Row, ctx: Ctx): Generator<Row> {
  const found = [...matchPattern([part], null, row, ctx, part)];
  if (found.length > 0) {
    for (const r of found) {
      applySet(onMatch, r, ctx);
      yield r;
    }
    return;
  }
  const r = createPattern([part], row, ctx);
  applySet(onCreate, r, ctx);
  yield r;
}

function attrsOf(v: Value, ctx: Ctx): Attrs | null {
  if (v instanceof NodeRef) return ctx.graph.getNodeAttributes(v.key) as unknown as Attrs;
  if (v instanceof RelRef) return ctx.graph.getEdgeAttributes(v.key) as unknown as Attrs;
  if (v === null) return null;
  throw typeError(`SET expects a node or relationship, got ${typeName(v)}`);
}

function setProp(attrs: Attrs, isNode: boolean, key: string, v: Value, ctx: Ctx): void {
  if (!isNode && key === "type") throw typeError("the relationship type cannot be set as a property");
  if (v === null) {
    if (key in attrs) delete attrs[key];
    return;
  }
  checkStorable(v, key);
  writeProp(attrs, key, v);
  ctx.stats.propertiesSet++;
}

/** Applies SET items to one row. */
export function applySet(items: SetItem[], row: Row, ctx: Ctx): void {
  for (const it of items) {
    if (it.kind === "setprop") {
      const target = evaluate(it.target, row, ctx);
      const attrs = attrsOf(target, ctx);
      if (!attrs) continue;
      setProp(attrs, target instanceof NodeRef, it.key, evaluate(it.value, row, ctx), ctx);
    } else if (it.kind === "setall") {
      const target = row[it.variable];
      const attrs = attrsOf(target, ctx);
      if (!attrs) continue;
      const isNode = target instanceof NodeRef;
      let v = evaluate(it.value, row, ctx);
      if (v instanceof NodeRef) v = nodeProps(ctx.graph, v.key);
      else if (v instanceof RelRef) v = relProps(ctx.graph, v.key);
      if (v === null) v = {};
      if (!isMap(v)) throw typeError(`SET ${it.variable} = expects a map, got ${typeName(v)}`);
      if (!it.merge) {
        for (const k of Object.keys(attrs)) {
          if (k === "labels" && isNode && Array.isArray(attrs.labels)) continue;
          if (k === "type" && !isNode) continue;
          if (!(k in v)) delete attrs[k];
        }
      }
      for (const [k, x] of Object.entries(v)) setProp(attrs, isNode, k, x, ctx);
    } else {
      const target = row[it.variable];
      if (target === null) continue;
      if (!(target instanceof NodeRef)) throw typeError(`SET :label expects a node, got ${typeName(target)}`);
      const attrs = ctx.graph.getNodeAttributes(target.key) as unknown as Attrs;
      const labels = [...nodeLabels(ctx.graph, target.key)];
      for (const l of it.labels) {
        if (labels.includes(l)) continue;
        labels.push(l);
        ctx.stats.labelsAdded++;
      }
      attrs.labels = labels;
    }
  }
}

/** Applies REMOVE items to one row. */
export function applyRemove(items: RemoveItem[], row: Row, ctx: Ctx): void {
  for (const it of items) {
    if (it.kind === "removeprop") {
      const target = evaluate(it.target, row, ctx);
      const attrs = attrsOf(target, ctx);
      if (!attrs) continue;
      if (it.key in attrs && !(target instanceof RelRef && it.key === "type") && !(it.key === "labels" && Array.isArray(attrs.labels))) delete attrs[it.key];
    } else {
      const target = row[it.variable];
      if (target === null) continue;
      if (!(target instanceof NodeRef)) throw typeError(`REMOVE :label expects a node, got ${typeName(target)}`);
      const attrs = ctx.graph.getNodeAttributes(target.key) as unknown as Attrs;
      const labels = nodeLabels(ctx.graph, target.key).filter((l) => !it.labels.includes(l));
      ctx.stats.labelsRemoved += nodeLabels(ctx.graph, target.key).length - labels.length;
      attrs.labels = labels;
    }
  }
}

/** Deletes the values of DELETE's expressions for one row. */
export function applyDelete(values: Value[], detach: boolean, ctx: Ctx): void {
  const g = ctx.graph;
  const nodes: string[] = [];
  const del = (v: Value): void => {
    if (v === null) return;
    if (v instanceof NodeRef) nodes.push(v.key);
    else if (v instanceof RelRef) {
      if (g.hasEdge(v.key)) {
        ctx.deletedRels.set(v.key, { type: String(g.getEdgeAttribute(v.key, "type")), source: g.source(v.key), target: g.target(v.key) });
        g.dropEdge(v.key);
        ctx.stats.relationshipsDeleted++;
      }
    } else if (v instanceof PathVal) {
      v.rels.forEach(del);
      v.nodes.forEach(del);
    } else if (Array.isArray(v)) v.forEach(del);
    else throw typeError(`DELETE expects a node, relationship or path, got ${typeName(v)}`);
  };
  values.forEach(del);
  for (const k of nodes) {
    if (!g.hasNode(k)) continue;
    const degree = g.degree(k);
    if (degree > 0 && !detach) {
      throw new CypherRuntimeError(`cannot delete node ${k}: it still has relationships (use DETACH DELETE)`, "ConstraintVerificationFailed", "DeleteConnectedNode");
    }
    ctx.stats.relationshipsDeleted += degree;
    g.forEachEdge(k, (e, a, s, t) => {
      ctx.deletedRels.set(e, { type: String(a.type), source: s, target: t });
    });
    g.dropNode(k);
    ctx.stats.nodesDeleted++;
  }
}
