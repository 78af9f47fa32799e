/**
 * The first relation rules, used only when the relation cues or event triggers cannot be loaded (see
 * `loadResources`): role appositions from `Mention.title` (title + name → HEADS / SPOKESPERSON_OF / MEMBER_OF the
 * body the title names) and MENTIONED_WITH between entities of one sentence that have no typed relation.
 */
import type { DocumentAnalysis, ExtractedEvent, ExtractedRelation } from "./types.ts";

/** Relations of one analysed document (no events in this fallback). */
export function relateFallback(a: DocumentAnalysis): { relations: ExtractedRelation[]; events: ExtractedEvent[] } {
  const relations: ExtractedRelation[] = [];
  const typed = new Set<string>();
  for (const m of a.mentions) {
    if (m.title?.body === undefined || m.title.relation === undefined || m.title.body === m.entity) continue;
    relations.push({
      type: m.title.relation, source: m.entity, target: m.title.body, confidence: 0.8,
      provenance: [{ doc: a.doc.id, sentence: m.sentence, start: m.title.start, end: m.end }],
    });
    typed.add([m.entity, m.title.body].sort().join("|"));
  }
  const bySentence = new Map<number, Set<string>>();
  for (const m of a.mentions) {
    let s = bySentence.get(m.sentence);
    if (s === undefined) bySentence.set(m.sentence, (s = new Set()));
    s.add(m.entity);
  }
  for (const [sentence, ids] of bySentence) {
    const list = [...ids].sort();
    const span = a.sentences[sentence];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (typed.has(`${list[i]}|${list[j]}`)) continue;
        relations.push({
          type: "MENTIONED_WITH", source: list[i], target: list[j], confidence: 0.5,
          provenance: [{ doc: a.doc.id, sentence, start: span.start, end: span.end }],
        });
      }
    }
  }
  return { relations, events: [] };
}
