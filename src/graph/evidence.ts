/**
 * Turns provenance records into readable evidence: the sentence text, the mention's offsets inside it, and the
 * document's title, outlet, date and link.
 */
import type { Provenance } from "./schema.ts";
import type { KnowledgeGraph } from "./types.ts";

/** One piece of evidence. `mentionStart`/`mentionEnd` index `sentence` (not the document). */
export interface Evidence {
  doc: string;
  title?: string;
  source?: string;
  url?: string;
  date?: string;
  sentenceIndex: number;
  sentence: string;
  mentionStart: number;
  mentionEnd: number;
}

/**
 * Resolves provenance against the graph's `documents` attribute. Records whose document or sentence is unknown
 * are skipped; duplicates (same doc, sentence and offsets) are given once. At most `limit` items (default 200).
 */
export function evidenceFor(graph: KnowledgeGraph, provenance: readonly Provenance[], limit = 200): Evidence[] {
  const docs = graph.getAttribute("documents") ?? {};
  const out: Evidence[] = [];
  const seen = new Set<string>();
  for (const p of provenance) {
    if (out.length >= limit) break;
    const id = `${p.doc}|${p.sentence}|${p.start}|${p.end}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const d = docs[p.doc];
    const span = d?.sentences?.[p.sentence];
    if (!d || !span) continue;
    const sentence = d.text.slice(span.start, span.end);
    const ms = Math.max(0, Math.min(sentence.length, p.start - span.start));
    const me = Math.max(ms, Math.min(sentence.length, p.end - span.start));
    out.push({
      doc: p.doc, title: d.title, source: d.source, url: d.url, date: d.date,
      sentenceIndex: p.sentence, sentence, mentionStart: ms, mentionEnd: me,
    });
  }
  return out;
}
