/**
 * Builds `DocumentAnalysis` fixtures by hand (tokenize + splitSentences, mention offsets by indexOf), so the
 * relation and event tests do not depend on the entity recogniser.
 */
import type { EntityType } from "../../src/graph/schema.ts";
import { loadCueLexicon } from "../../src/lexicon/cues.ts";
import { loadTriggerLexicon } from "../../src/lexicon/triggers.ts";
import { extractRelationsAndEvents } from "../../src/extract/relations/index.ts";
import type { DocumentAnalysis, ExtractedEntity, ExtractedEvent, ExtractedRelation, Mention } from "../../src/extract/types.ts";
import { splitSentences } from "../../src/text/sentences.ts";
import { tokenize } from "../../src/text/tokenize.ts";

/** One mention, in text order: its surface (searched after the previous mention), entity and optional title. */
export interface MentionSpec {
  surface: string;
  type: EntityType;
  /** Entity id; defaults to the surface (several surfaces may share an id: aliases). */
  id?: string;
  /** Canonical label of the entity (defaults to the first surface seen). */
  label?: string;
  pcode?: string;
  title?: { text: string; relation?: "HEADS" | "SPOKESPERSON_OF" | "MEMBER_OF"; body?: string };
}

export const resources = { cues: loadCueLexicon(), triggers: loadTriggerLexicon() };

/** The analysis of `text` with the given mentions. */
export function analysisOf(text: string, specs: MentionSpec[], date = "2023-03-12"): DocumentAnalysis {
  const sentences = splitSentences(text);
  const tokens = tokenize(text);
  const entities = new Map<string, ExtractedEntity>();
  const mentions: Mention[] = [];
  let cursor = 0;
  for (const spec of specs) {
    const start = text.indexOf(spec.surface, cursor);
    if (start < 0) throw new Error(`fixture: "${spec.surface}" not found after offset ${cursor}`);
    const end = start + spec.surface.length;
    cursor = start + 1;
    const id = spec.id ?? spec.surface;
    const sentence = sentences.findIndex((s) => start >= s.start && end <= s.end);
    const tokenStart = tokens.findIndex((t) => t.end > start);
    let tokenEnd = tokenStart;
    while (tokenEnd < tokens.length && tokens[tokenEnd].start < end) tokenEnd++;
    const m: Mention = { entity: id, type: spec.type, sentence, start, end, surface: spec.surface, tokenStart, tokenEnd, source: "test" };
    if (spec.title) {
      const ts = text.lastIndexOf(spec.title.text, start);
      if (ts < 0) throw new Error(`fixture: title "${spec.title.text}" not found before "${spec.surface}"`);
      m.title = { text: spec.title.text, start: ts, end: ts + spec.title.text.length, relation: spec.title.relation, body: spec.title.body };
    }
    mentions.push(m);
    const e = entities.get(id);
    const prov = { doc: "t", sentence, start, end };
    if (e) {
      if (spec.surface !== e.label && !e.aliases.includes(spec.surface)) e.aliases.push(spec.surface);
      e.provenance.push(prov);
    } else {
      entities.set(id, {
        id, type: spec.type, label: spec.label ?? spec.surface, aliases: spec.label && spec.label !== spec.surface ? [spec.surface] : [],
        provenance: [prov], confidence: 1, source: "test", ...(spec.pcode ? { pcode: spec.pcode } : {}),
      });
    }
  }
  return {
    doc: { id: "t", text, date, removed: [], origin: "test" },
    sentences, tokens, mentions, entities: [...entities.values()],
  };
}

/** Runs the extractor on a fixture. */
export function extract(text: string, specs: MentionSpec[], date?: string): { relations: ExtractedRelation[]; events: ExtractedEvent[] } {
  return extractRelationsAndEvents(analysisOf(text, specs, date), resources);
}

/** Typed relations as `SOURCE -TYPE-> TARGET` strings (ids), MENTIONED_WITH and event edges left out. */
export function typed(relations: ExtractedRelation[]): string[] {
  return relations
    .filter((r) => !["MENTIONED_WITH", "PARTICIPANT_IN", "OCCURRED_IN"].includes(r.type))
    .map((r) => `${r.source} -${r.type}-> ${r.target}`)
    .sort();
}

/** Participants of an event as `entity:role`, and its places. */
export function argsOf(relations: ExtractedRelation[], ev: ExtractedEvent): { participants: string[]; places: string[] } {
  return {
    participants: relations.filter((r) => r.type === "PARTICIPANT_IN" && r.target === ev.id).map((r) => `${r.source}:${r.role}`).sort(),
    places: relations.filter((r) => r.type === "OCCURRED_IN" && r.source === ev.id).map((r) => r.target).sort(),
  };
}
