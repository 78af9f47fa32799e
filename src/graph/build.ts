/**
 * Building the knowledge graph from extractions, and merging across documents (docs/extraction.md, "Graph").
 *
 * Node keys: `type:normalisedLabel` for entities (`place:تكريت`), `event:<docId>:<n>` for events. Edge keys:
 * `TYPE:source->target` (plus `#role` on PARTICIPANT_IN); symmetric relations (COOPERATES_WITH, RELATIVE_OF,
 * MENTIONED_WITH) are stored once with the smaller node key as source. Merging is idempotent: provenance is a set
 * of `{doc, sentence, start, end}`, so building the same article twice adds nothing.
 *
 * Persons across documents: one node per normalised full name; an official and a person of one name are one node
 * (typed official). A one-word name joins an existing person only when exactly one has it among its names; two
 * people who share a family name are never merged (their full names differ).
 */
import type { ExtractionResources } from "../extract/pipeline.ts";
import { extractDocument } from "../extract/pipeline.ts";
import type { ExtractedEntity, Extraction } from "../extract/types.ts";
import { displayLabel } from "../text/display.ts";
import { cachedKey as normalizeKey } from "../extract/keys.ts";
import type { SourceDocument } from "../text/types.ts";
import type { EntityType, NodeAttributes, Provenance } from "./schema.ts";
import { SYMMETRIC_RELATIONS } from "./schema.ts";
import { createGraph } from "./store.ts";
import { eventLabelsEn } from "./event-label.ts";
import type { KnowledgeGraph } from "./types.ts";

const HUMAN = new Set<string>(["official", "person"]);

/** The node key of an entity: `type:normalisedLabel`. */
export function entityNodeKey(type: EntityType, label: string): string {
  return `${type}:${normalizeKey(label)}`;
}

/** Provenance order: document id, then start, end and sentence. */
function compareProvenance(x: Provenance, y: Provenance): number {
  return x.doc < y.doc ? -1 : x.doc > y.doc ? 1 : x.start - y.start || x.end - y.end || x.sentence - y.sentence;
}

/** First index `i ≥ from` of the sorted list `a` with `a[i] ≥ p` (binary search). */
function lowerBound(a: readonly Provenance[], p: Provenance, from: number): number {
  let lo = from;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareProvenance(a[mid], p) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Adds provenance entries not already present; returns the merged list in (doc, start) order. `a` is a stored
 * list (already in that order, no duplicates); `b` is sorted here and each of its records is placed by binary
 * search, equal records given once. The stored records are copied in slices, not compared one by one, so an
 * entity named in every one of many documents costs little per document.
 */
function mergeProvenance(a: Provenance[], b: Provenance[]): Provenance[] {
  const add = b.map((p) => ({ doc: p.doc, sentence: p.sentence, start: p.start, end: p.end })).sort(compareProvenance);
  const pieces: Provenance[][] = [];
  let from = 0;
  let last: Provenance | undefined;
  for (const p of add) {
    if (last !== undefined && compareProvenance(last, p) === 0) continue;
    last = p;
    const at = lowerBound(a, p, from);
    if (at < a.length && compareProvenance(a[at], p) === 0) {
      from = at;
      continue;
    }
    pieces.push(a.slice(from, at), [p]);
    from = at;
  }
  if (pieces.length === 0) return a.slice();
  pieces.push(a.slice(from));
  return ([] as Provenance[]).concat(...pieces);
}

/** Normalised keys of the `docs` lists stored in a graph, by list (see {@link addDoc}). */
type DocKeys = Map<readonly string[], Set<string>>;
const DOC_KEYS = new WeakMap<KnowledgeGraph, DocKeys>();

function docKeysOf(graph: KnowledgeGraph): DocKeys {
  let m = DOC_KEYS.get(graph);
  if (m === undefined) DOC_KEYS.set(graph, (m = new Map()));
  return m;
}

/**
 * `list` plus `id` unless a member has its normalised key. The key sets of the lists this returns are kept in
 * `known` (by list; the replaced list's entry is dropped), so adding a document to an entity named in many
 * documents does not normalise them all again.
 */
function addDoc(known: DocKeys, list: readonly string[], id: string): string[] {
  const keys = known.get(list) ?? new Set(list.map(normalizeKey));
  const k = normalizeKey(id);
  if (keys.has(k)) return [...list];
  const out = [...list, id];
  known.delete(list);
  keys.add(k);
  known.set(out, keys);
  return out;
}

function unionStrings(a: string[] | undefined, b: string[] | undefined, exclude?: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>(exclude !== undefined ? [normalizeKey(exclude)] : []);
  for (const s of [...(a ?? []), ...(b ?? [])]) {
    const k = normalizeKey(s);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(s);
    }
  }
  return out;
}

function namesOf(a: NodeAttributes): Set<string> {
  return new Set([a.label, ...a.aliases].map(normalizeKey));
}

/** Renames a node (graphology keys are immutable): copies it with its edges under `to`, drops `from`. */
function rekeyNode(graph: KnowledgeGraph, from: string, to: string, attrs: NodeAttributes): void {
  graph.addNode(to, attrs);
  for (const e of graph.edges(from)) {
    const a = graph.getEdgeAttributes(e);
    const s = graph.source(e) === from ? to : graph.source(e);
    const t = graph.target(e) === from ? to : graph.target(e);
    const key = edgeKey(a.type, s, t, a.role);
    if (graph.hasEdge(key)) mergeEdgeAttrs(graph, key, a.provenance, a.confidence);
    else graph.addEdgeWithKey(key, s, t, { ...a });
  }
  graph.dropNode(from);
}

/** Finds the node an entity belongs to (existing or new key). */
function resolveNodeKey(graph: KnowledgeGraph, type: EntityType, label: string): string {
  const key = entityNodeKey(type, label);
  if (!HUMAN.has(type)) return key;
  const other = entityNodeKey(type === "official" ? "person" : "official", label);
  if (graph.hasNode(key)) return key;
  if (graph.hasNode(other)) return other;
  const words = normalizeKey(label).split(" ");
  if (words.length === 1) {
    // A one-word name joins the one person that has it among its names.
    const k = normalizeKey(label);
    const hits = graph.filterNodes((_n, a) => HUMAN.has(a.type) && namesOf(a).has(k));
    if (hits.length === 1) return hits[0];
  }
  return key;
}

/** Dates of the document, for firstSeen/lastSeen. */
function docDate(doc: SourceDocument): string | undefined {
  return doc.date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(doc.date) ? doc.date : undefined;
}

function mergeEntity(graph: KnowledgeGraph, e: ExtractedEntity, doc: SourceDocument, docKeys: DocKeys): string {
  // Labels keep the spelling as written, without invisible bidi and zero-width controls (src/text/display.ts).
  const label = displayLabel(e.label);
  const aliases = e.aliases.map(displayLabel);
  let key = resolveNodeKey(graph, e.type, label);
  const date = docDate(doc);
  if (!graph.hasNode(key)) {
    const attrs: NodeAttributes = {
      label, type: e.type, aliases: unionStrings([], aliases, label),
      labelEn: e.labelEn, labelEnSource: e.labelEnSource, provenance: mergeProvenance([], e.provenance),
      mentions: 0, docs: [doc.id], confidence: e.confidence, source: e.source,
    };
    attrs.mentions = attrs.provenance.length;
    if (e.roles !== undefined && e.roles.length > 0) attrs.roles = [...e.roles];
    if (e.lat !== undefined) attrs.lat = e.lat;
    if (e.lon !== undefined) attrs.lon = e.lon;
    if (e.pcode !== undefined) attrs.pcode = e.pcode;
    if (date !== undefined) {
      attrs.firstSeen = date;
      attrs.lastSeen = date;
    }
    graph.addNode(key, attrs);
    return key;
  }
  const a = graph.getNodeAttributes(key);
  const next: NodeAttributes = { ...a };
  // A longer full name becomes the label; the shorter one stays an alias.
  if (HUMAN.has(a.type) && normalizeKey(label).split(" ").length > normalizeKey(a.label).split(" ").length) {
    next.aliases = unionStrings([a.label, ...a.aliases], aliases, label);
    next.label = label;
    next.labelEn = e.labelEn;
    next.labelEnSource = e.labelEnSource;
  } else {
    next.aliases = unionStrings(a.aliases, [label, ...aliases], a.label);
  }
  if (a.labelEnSource !== "lexicon" && e.labelEnSource === "lexicon") {
    next.labelEn = e.labelEn;
    next.labelEnSource = "lexicon";
  }
  next.provenance = mergeProvenance(a.provenance, e.provenance);
  next.mentions = next.provenance.length;
  next.docs = addDoc(docKeys, a.docs, doc.id);
  const roles = unionStrings(a.roles, e.roles);
  if (roles.length > 0) next.roles = roles;
  next.confidence = Math.max(a.confidence ?? 0, e.confidence);
  next.source = unionStrings((a.source ?? "").split(",").filter((s) => s !== ""), e.source.split(",")).join(",");
  if (date !== undefined) {
    if (a.firstSeen === undefined || date < a.firstSeen) next.firstSeen = date;
    if (a.lastSeen === undefined || date > a.lastSeen) next.lastSeen = date;
  }
  if (a.type === "person" && e.type === "official") {
    next.type = "official";
    const newKey = entityNodeKey("official", next.label);
    if (newKey !== key && !graph.hasNode(newKey)) {
      rekeyNode(graph, key, newKey, next);
      return newKey;
    }
  }
  graph.replaceNodeAttributes(key, next);
  return key;
}

/** The key of an edge: `TYPE:source->target`, plus `#role` for PARTICIPANT_IN. */
export function edgeKey(type: string, source: string, target: string, role?: string): string {
  return `${type}:${source}->${target}${role !== undefined ? `#${role}` : ""}`;
}

/** Number of distinct (document, sentence) pairs of a list in provenance order (within a document, sentences follow offsets). */
function weightOf(provenance: Provenance[]): number {
  let n = 0;
  let doc: string | undefined;
  const seen = new Set<number>();
  for (const p of provenance) {
    if (p.doc !== doc) {
      doc = p.doc;
      seen.clear();
    }
    if (!seen.has(p.sentence)) {
      seen.add(p.sentence);
      n++;
    }
  }
  return n;
}

/** Number of distinct sentences of document `doc` in a list in provenance order (its records are contiguous). */
function sentencesIn(list: readonly Provenance[], doc: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].doc < doc) lo = mid + 1;
    else hi = mid;
  }
  const seen = new Set<number>();
  for (let i = lo; i < list.length && list[i].doc === doc; i++) seen.add(list[i].sentence);
  return seen.size;
}

function mergeEdgeAttrs(graph: KnowledgeGraph, key: string, provenance: Provenance[], confidence?: number): void {
  const a = graph.getEdgeAttributes(key);
  const prov = mergeProvenance(a.provenance, provenance);
  // The weight changes only in the documents of the added records (a stored weight is `weightOf` its list).
  let weight = a.weight;
  for (const d of new Set(provenance.map((p) => p.doc))) weight += sentencesIn(prov, d) - sentencesIn(a.provenance, d);
  const next = { ...a, provenance: prov, weight };
  if (confidence !== undefined) next.confidence = Math.max(a.confidence ?? 0, confidence);
  graph.replaceEdgeAttributes(key, next);
}

/**
 * Merges one extraction into the graph: the document record, entities (joined to existing nodes by key and
 * the person rules above), events (`event:<docId>:<n>`) and relations. Returns local id → node key.
 * Idempotent for an extraction already merged.
 */
export function mergeExtraction(graph: KnowledgeGraph, extraction: Extraction): Map<string, string> {
  const { doc } = extraction;
  // Updated in place (no copy per document: a build of thousands of articles stays linear).
  const documents = graph.getAttribute("documents") ?? {};
  documents[doc.id] = {
    id: doc.id, title: doc.title, source: doc.source, url: doc.url, date: doc.date, language: doc.language,
    text: doc.text, sentences: extraction.sentences.map((s) => ({ start: s.start, end: s.end })),
    removed: [...doc.removed], origin: doc.origin,
  };
  graph.setAttribute("documents", documents);
  if (graph.getAttribute("schemaVersion") === undefined) graph.setAttribute("schemaVersion", 1);

  const local = new Map<string, string>();
  const docKeys = docKeysOf(graph);
  for (const e of extraction.entities) local.set(e.id, mergeEntity(graph, e, doc, docKeys));
  // A person node re-keyed later in this loop (person → official) must be looked up again.
  for (const [id, key] of local) {
    if (!graph.hasNode(key)) {
      const e = extraction.entities.find((x) => x.id === id)!;
      local.set(id, resolveNodeKey(graph, "official", e.label));
    }
  }
  const eventsEn = eventLabelsEn(extraction);
  extraction.events.forEach((ev, n) => {
    const key = `event:${doc.id}:${n}`;
    local.set(ev.id, key);
    const prov = mergeProvenance(graph.hasNode(key) ? graph.getNodeAttribute(key, "provenance") : [], ev.provenance);
    const attrs: NodeAttributes = {
      label: ev.label, labelEn: eventsEn.get(ev.id), labelEnSource: "composed", type: "event", aliases: [],
      eventType: ev.eventType, triggers: [...ev.triggers],
      provenance: prov, mentions: prov.length, docs: [doc.id], confidence: ev.confidence, source: "trigger",
    };
    if (ev.date !== undefined) attrs.date = ev.date;
    if (ev.datePrecision !== undefined) attrs.datePrecision = ev.datePrecision;
    const date = docDate(doc);
    if (date !== undefined) {
      attrs.firstSeen = date;
      attrs.lastSeen = date;
    }
    if (graph.hasNode(key)) graph.replaceNodeAttributes(key, attrs);
    else graph.addNode(key, attrs);
  });
  for (const r of extraction.relations) {
    let s = local.get(r.source);
    let t = local.get(r.target);
    if (s === undefined || t === undefined || s === t) continue;
    if (SYMMETRIC_RELATIONS.has(r.type) && t < s) [s, t] = [t, s];
    const key = edgeKey(r.type, s, t, r.role);
    if (graph.hasEdge(key)) {
      mergeEdgeAttrs(graph, key, r.provenance, r.confidence);
      continue;
    }
    const prov = mergeProvenance([], r.provenance);
    graph.addEdgeWithKey(key, s, t, {
      type: r.type, provenance: prov, weight: weightOf(prov), confidence: r.confidence,
      ...(r.role !== undefined ? { role: r.role } : {}),
      ...(r.type === "MENTIONED_WITH" ? { cooccurrence: true } : {}),
    });
  }
  return local;
}

/**
 * Builds the knowledge graph of `documents`: extracts each (pure) and merges it. Documents with the same id
 * merge idempotently. `onDocument(done, total)` is told after each document (for a progress bar).
 * Throws what extraction throws (DataError on bad resources).
 */
export function buildGraph(
  documents: SourceDocument[],
  resources: ExtractionResources,
  onDocument?: (done: number, total: number) => void,
): KnowledgeGraph {
  const graph = createGraph();
  documents.forEach((doc, i) => {
    mergeExtraction(graph, extractDocument(doc, resources));
    onDocument?.(i + 1, documents.length);
  });
  return graph;
}
