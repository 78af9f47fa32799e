/**
 * A read-only view of one analysed document for the relation and event extractors: mentions grouped by
 * sentence and ordered, token ranges of sentences, an index of entity names, and a relation collector that
 * merges duplicates.
 */
import type { EntityType, Provenance, RelationType } from "../../graph/schema.ts";
import { SYMMETRIC_RELATIONS } from "../../graph/schema.ts";
import { cachedKey as normalizeKey } from "../keys.ts";
import type { Token } from "../../text/types.ts";
import type { DocumentAnalysis, ExtractedEntity, ExtractedRelation, Mention } from "../types.ts";
import { wordsBetween } from "./words.ts";

/** One sentence with its token range and its mentions (by start, nested mentions removed). */
export interface SentenceView {
  index: number;
  start: number;
  end: number;
  /** `[tokenStart, tokenEnd)` into the document tokens. */
  tokenStart: number;
  tokenEnd: number;
  mentions: Mention[];
}

/** Everything the cue matchers look at. */
export interface DocView {
  analysis: DocumentAnalysis;
  text: string;
  sentences: SentenceView[];
  entity: ReadonlyMap<string, ExtractedEntity>;
  /** Normalised label or alias → entity ids. */
  names: ReadonlyMap<string, string[]>;
  /** 1 for every document token inside a sentence mention (by token index), for cue and trigger scans. */
  covered: Uint8Array;
}

const BODY_TYPES: ReadonlySet<EntityType> = new Set(["ministry", "force", "organization"]);
const PERSON_TYPES: ReadonlySet<EntityType> = new Set(["official", "person"]);

export const isBody = (t: EntityType) => BODY_TYPES.has(t);
export const isPerson = (t: EntityType) => PERSON_TYPES.has(t);

/**
 * Builds the view. Mentions that lie inside another mention of the same sentence are dropped from the
 * sentence list (the longest mention stands for the name).
 */
export function buildView(analysis: DocumentAnalysis): DocView {
  const entity = new Map(analysis.entities.map((e) => [e.id, e]));
  const names = new Map<string, string[]>();
  for (const e of analysis.entities) {
    for (const n of [e.label, ...e.aliases]) {
      const k = normalizeKey(n);
      if (!k) continue;
      const ids = names.get(k) ?? [];
      if (!ids.includes(e.id)) ids.push(e.id);
      names.set(k, ids);
    }
  }
  const bySentence = new Map<number, Mention[]>();
  for (const m of analysis.mentions) {
    if (!entity.has(m.entity)) continue;
    const list = bySentence.get(m.sentence) ?? [];
    list.push(m);
    bySentence.set(m.sentence, list);
  }
  const tokens = analysis.tokens;
  let t = 0;
  const sentences: SentenceView[] = analysis.sentences.map((s, index) => {
    while (t < tokens.length && tokens[t].end <= s.start) t++;
    const tokenStart = t;
    let e = t;
    while (e < tokens.length && tokens[e].start < s.end) e++;
    const raw = (bySentence.get(index) ?? []).sort((a, b) => a.start - b.start || b.end - a.end);
    const mentions: Mention[] = [];
    for (const m of raw) {
      const last = mentions[mentions.length - 1];
      if (last && m.start >= last.start && m.end <= last.end) continue;
      mentions.push(m);
    }
    return { index, start: s.start, end: s.end, tokenStart, tokenEnd: e, mentions };
  });
  const view: DocView = { analysis, text: analysis.doc.text, sentences, entity, names, covered: new Uint8Array(tokens.length) };
  for (const s of sentences) {
    for (const m of s.mentions) {
      for (let k = tokenIndexAt(view, m.start); k < tokens.length && tokens[k].end <= m.end; k++) {
        if (tokens[k].start >= m.start) view.covered[k] = 1;
      }
    }
  }
  return view;
}

/** True when document token `k` lies inside a mention of its sentence (precomputed in the view). */
export function tokenInMention(view: DocView, k: number): boolean {
  return view.covered[k] === 1;
}

/** Type of the entity a mention resolved to (the entity's type wins over the mention's). */
export function typeOf(view: DocView, m: Mention): EntityType {
  return view.entity.get(m.entity)?.type ?? m.type;
}

/** Where the name of a mention really starts for gap purposes: its title when the title comes first. */
export function leftEdge(m: Mention): number {
  return m.title && m.title.start < m.start ? m.title.start : m.start;
}

/** Normalised words between two mentions (`a` before `b`), title of `b` excluded. */
export function gap(view: DocView, a: Mention, b: Mention): string[] {
  return spanWords(view, a.end, leftEdge(b));
}

/**
 * The normalised words of `view.text.slice(from, to)`, read from the document tokens (their keys are normalised
 * already): the same words as `wordsBetween(view.text, from, to)` without normalising the text again. A token cut
 * by `from` or `to` (a clitic written on the next name: لـوزارة) gives its part inside the span. Tokens for which
 * `skip` is true are left out (dates in event leads).
 */
export function spanWords(view: DocView, from: number, to: number, skip?: (t: Token) => boolean): string[] {
  if (to <= from) return [];
  const tokens = view.analysis.tokens;
  const out: string[] = [];
  for (let k = tokenIndexAt(view, from); k < tokens.length && tokens[k].start < to; k++) {
    const t = tokens[k];
    if ((t.kind !== "word" && t.kind !== "number") || (skip !== undefined && skip(t))) continue;
    if (t.start >= from && t.end <= to) {
      if (t.key !== "") out.push(t.key);
      continue;
    }
    for (const w of wordsBetween(view.text, Math.max(from, t.start), Math.min(to, t.end))) out.push(w);
  }
  return out;
}

/** Index of the first token of the document whose end is after `offset`. */
export function tokenIndexAt(view: DocView, offset: number): number {
  const tokens = view.analysis.tokens;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when the token lies inside a mention of the sentence. */
export function insideMention(s: SentenceView, start: number, end: number): boolean {
  return s.mentions.some((m) => start >= m.start && end <= m.end);
}

/** A relation being collected: duplicates (same type and ends) merge their provenance. */
export class RelationSet {
  private readonly byKey = new Map<string, ExtractedRelation>();
  /** Unordered pair `a|b` (a < b) → relation types linking them, for {@link linked}. */
  private readonly pairs = new Map<string, Set<RelationType>>();
  /** `type|source|target` of every relation, for {@link has} (indexed when asked: see {@link pending}). */
  private readonly directed = new Set<string>();
  /** `type|source` of every relation, for {@link hasFrom}. */
  private readonly outgoing = new Set<string>();
  /** Relations added since {@link directed} and {@link outgoing} were last brought up to date. */
  private pending: ExtractedRelation[] = [];

  constructor(private readonly doc: string) {}

  /** Adds a relation; self-relations are ignored. Returns true when it was new. */
  add(type: RelationType, source: string, target: string, sentence: number, start: number, end: number, confidence: number,
    role?: ExtractedRelation["role"]): boolean {
    if (source === target) return false;
    let s = source;
    let t = target;
    if (SYMMETRIC_RELATIONS.has(type) && s > t) [s, t] = [t, s];
    const key = `${s}|${type}|${t}|${role ?? ""}`;
    const prov: Provenance = { doc: this.doc, sentence, start, end };
    const old = this.byKey.get(key);
    if (old) {
      if (!old.provenance.some((p) => p.sentence === sentence && p.start === start && p.end === end)) old.provenance.push(prov);
      old.confidence = Math.max(old.confidence, confidence);
      return false;
    }
    const rel: ExtractedRelation = { type, source: s, target: t, provenance: [prov], confidence };
    if (role !== undefined) rel.role = role;
    this.byKey.set(key, rel);
    const pair = s < t ? `${s}|${t}` : `${t}|${s}`;
    let types = this.pairs.get(pair);
    if (types === undefined) this.pairs.set(pair, (types = new Set()));
    types.add(type);
    this.pending.push(rel);
    return true;
  }

  /** Indexes the relations added since the last query (most relations, MENTIONED_WITH ones, are never asked about). */
  private index(): void {
    if (this.pending.length === 0) return;
    for (const r of this.pending) {
      this.directed.add(`${r.type}|${r.source}|${r.target}`);
      this.outgoing.add(`${r.type}|${r.source}`);
    }
    this.pending = [];
  }

  /** Targets of the relations of `type` from `source`, in the order they were added. */
  targets(type: RelationType, source: string): string[] {
    const out: string[] = [];
    for (const r of this.byKey.values()) if (r.type === type && r.source === source) out.push(r.target);
    return out;
  }

  /** True when some relation of `type` runs from `source` (as stored: symmetric ones sorted). */
  hasFrom(type: RelationType, source: string): boolean {
    this.index();
    return this.outgoing.has(`${type}|${source}`);
  }

  /** True when some relation of any type (other than `except`) links the two ends, in either direction. */
  linked(a: string, b: string, except?: RelationType): boolean {
    const types = this.pairs.get(a < b ? `${a}|${b}` : `${b}|${a}`);
    if (types === undefined) return false;
    for (const t of types) if (t !== except) return true;
    return false;
  }

  /** True when a relation of `type` runs from `source` to `target` (as stored: symmetric ones sorted). */
  has(type: RelationType, source: string, target: string): boolean {
    this.index();
    return this.directed.has(`${type}|${source}|${target}`);
  }

  list(): ExtractedRelation[] {
    return [...this.byKey.values()];
  }

  /** Removes every relation of `type` from `source` to `target` (any role); returns how many. */
  remove(type: RelationType, source: string, target: string): number {
    let n = 0;
    for (const [key, r] of this.byKey) {
      if (r.type !== type || r.source !== source || r.target !== target) continue;
      this.byKey.delete(key);
      n++;
    }
    if (n === 0) return 0;
    this.directed.delete(`${type}|${source}|${target}`);
    const pair = source < target ? `${source}|${target}` : `${target}|${source}`;
    if (![...this.byKey.values()].some((r) => r.type === type && ((r.source === source && r.target === target) || (r.source === target && r.target === source)))) {
      this.pairs.get(pair)?.delete(type);
    }
    if (![...this.byKey.values()].some((r) => r.type === type && r.source === source)) this.outgoing.delete(`${type}|${source}`);
    return n;
  }
}
