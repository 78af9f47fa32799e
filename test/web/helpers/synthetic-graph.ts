/**
 * A seeded synthetic knowledge graph with the schema's node and edge attributes, for the explorer's benchmark
 * (bench/web.bench.ts) and its load test: Arabic-script labels made of random letters (no real names), English
 * transliterations, aliases, places with coordinates in a lat/lon box, dated typed events, and edges of every
 * relation type whose provenance points at sentences of synthetic documents. Endpoints are drawn with a skewed
 * (power-law-like) distribution so a few hubs have high degree, as in news graphs.
 */
import { MultiDirectedGraph } from "graphology";
import {
  EVENT_TYPES, NODE_TYPES, PARTICIPANT_ROLES, RELATION_TYPES, SYMMETRIC_RELATIONS,
  type DocumentRecord, type EdgeAttributes, type GraphAttributes, type NodeAttributes, type NodeType, type Provenance, type RelationType,
} from "../../../src/graph/schema.ts";
import type { KnowledgeGraph } from "../../../src/graph/types.ts";
import { mulberry32 as prng } from "../../../src/prng.ts";

const AR = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
const LAT = ["a", "b", "t", "th", "j", "h", "kh", "d", "dh", "r", "z", "s", "sh", "s", "d", "t", "z", "a", "gh", "f", "q", "k", "l", "m", "n", "h", "w", "y"];

/** Options of {@link syntheticGraph}. */
export interface SyntheticOptions {
  nodes: number;
  edges: number;
  /** Share of edges that are `MENTIONED_WITH` (default 0.6). */
  cooccurrenceShare?: number;
  documents?: number;
  seed?: number;
}

/**
 * Builds the graph. Node keys are `type:synthetic-i`; each node has 1–3 provenance records; each edge has 1–2.
 * @throws RangeError when `edges` cannot be placed (fewer than two nodes).
 */
export function syntheticGraph(o: SyntheticOptions): KnowledgeGraph {
  if (o.nodes < 2) throw new RangeError(`syntheticGraph: need at least 2 nodes, got ${o.nodes}.`);
  const rand = prng(o.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const word = (): [string, string] => {
    const n = 3 + Math.floor(rand() * 4);
    let ar = "", en = "";
    for (let i = 0; i < n; i++) {
      const j = Math.floor(rand() * AR.length);
      ar += AR[j];
      en += LAT[j] + (i % 2 === 0 ? pick(["a", "i", "u"]) : "");
    }
    return [ar, en[0].toUpperCase() + en.slice(1)];
  };
  const name = (words: number): [string, string] => {
    const ws = Array.from({ length: words }, word);
    return [ws.map((w) => w[0]).join(" "), ws.map((w) => w[1]).join(" ")];
  };

  const docCount = o.documents ?? Math.max(10, Math.round(o.nodes / 20));
  const documents: Record<string, DocumentRecord> = {};
  const docIds: string[] = [];
  for (let d = 0; d < docCount; d++) {
    const sentences: { start: number; end: number }[] = [];
    let text = "";
    for (let s = 0; s < 12; s++) {
      const start = text.length;
      text += Array.from({ length: 14 }, () => word()[0]).join(" ") + ". ";
      sentences.push({ start, end: text.length - 1 });
    }
    const id = `synthetic-doc-${d}`;
    const day = 1 + Math.floor(rand() * 28);
    documents[id] = { id, title: name(4)[0], source: "synthetic", url: `https://example.org/${id}`, date: `20${14 + Math.floor(rand() * 10)}-0${1 + Math.floor(rand() * 9)}-${String(day).padStart(2, "0")}`, text, sentences };
    docIds.push(id);
  }
  const provenance = (n: number): Provenance[] =>
    Array.from({ length: n }, () => {
      const doc = pick(docIds);
      const sentence = Math.floor(rand() * 12);
      const span = documents[doc].sentences[sentence];
      const start = span.start + Math.floor(rand() * 20);
      return { doc, sentence, start, end: Math.min(span.end, start + 6) };
    });

  const graph: KnowledgeGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  graph.replaceAttributes({ schemaVersion: 1, documents });
  const shares: [NodeType, number][] = [["official", 0.1], ["person", 0.1], ["ministry", 0.05], ["force", 0.1], ["place", 0.25], ["organization", 0.1], ["event", 0.3]];
  const keys: string[] = [];
  const byType = new Map<NodeType, string[]>(NODE_TYPES.map((t) => [t, []]));
  for (let i = 0; i < o.nodes; i++) {
    let r = rand(), type: NodeType = "event";
    for (const [t, s] of shares) {
      if (r < s) { type = t; break; }
      r -= s;
    }
    const [label, labelEn] = name(type === "event" ? 3 : 1 + Math.floor(rand() * 2));
    const prov = provenance(1 + Math.floor(rand() * 3));
    const a: NodeAttributes = { label, type, aliases: rand() < 0.4 ? [name(2)[0]] : [], labelEn, labelEnSource: "transliteration", provenance: prov, mentions: prov.length, docs: [...new Set(prov.map((p) => p.doc))] };
    if (type === "place" && rand() < 0.8) {
      a.lat = 29 + rand() * 8;
      a.lon = 39 + rand() * 9;
    }
    if (type === "event") {
      a.eventType = pick(EVENT_TYPES);
      if (rand() < 0.9) {
        a.date = `20${14 + Math.floor(rand() * 10)}-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}`;
        a.datePrecision = "day";
      }
    }
    if (type === "official") a.roles = [name(1)[0]];
    const key = `${type}:synthetic-${i}`;
    graph.addNode(key, a);
    keys.push(key);
    byType.get(type)!.push(key);
  }

  // Skewed endpoint choice: index ⌊n·u³⌋ makes low indices hubs.
  const skewed = (xs: string[]) => xs[Math.floor(xs.length * rand() ** 3)];
  const typed = RELATION_TYPES.filter((t) => t !== "MENTIONED_WITH");
  const coShare = o.cooccurrenceShare ?? 0.6;
  const events = byType.get("event")!;
  const places = byType.get("place")!;
  for (let e = 0; e < o.edges; e++) {
    const type: RelationType = rand() < coShare ? "MENTIONED_WITH" : pick(typed);
    let src: string, tgt: string;
    if (type === "PARTICIPANT_IN" && events.length > 0) {
      src = skewed(keys);
      tgt = pick(events);
    } else if (type === "OCCURRED_IN" && events.length > 0 && places.length > 0) {
      src = pick(events);
      tgt = skewed(places);
    } else {
      src = skewed(keys);
      tgt = pick(keys);
    }
    if (src === tgt) tgt = keys[(keys.indexOf(tgt) + 1) % keys.length];
    if (SYMMETRIC_RELATIONS.has(type) && tgt < src) [src, tgt] = [tgt, src];
    const prov = provenance(1 + Math.floor(rand() * 2));
    const a: EdgeAttributes = { type, provenance: prov, weight: prov.length };
    if (type === "PARTICIPANT_IN") a.role = pick(PARTICIPANT_ROLES);
    if (type === "MENTIONED_WITH") a.cooccurrence = true;
    graph.addEdgeWithKey(`${type}:${src}->${tgt}#${e}`, src, tgt, a);
  }
  return graph;
}
