/**
 * Place senses within a document (docs/extraction.md, "Place senses"): a name the lexicon holds for several places
 * (الرياض: the Saudi capital and a sub-district of Hawija; حلبجة: a governorate and its district) denotes one of
 * them per document ("one sense per discourse", Gale, Church & Yarowsky 1992). The sense is chosen by
 *
 * 1. the place kind a mention's context names — a keyword (ناحية الرياض → subdistrict, محافظات … وحلبجة →
 *    governorate) or a title (محافظ حلبجة → governorate); the mentions of the name with no such context follow;
 * 2. else the places the document names: the sense one of whose containing places (lexicon parent links) is named
 *    elsewhere in the document, when exactly one sense has that;
 * 3. else the lexicon's default (the first entry: hand-written places, then countries, governorates, districts).
 */
import type { Lexicon, LexiconEntry } from "../lexicon/types.ts";
import type { Candidate } from "./candidates.ts";

const MAX_DEPTH = 8;

/** Lexicon ids of the places containing `e` (parent links, nearest first). */
function ancestors(e: LexiconEntry, lexicon: Lexicon): string[] {
  const out: string[] = [];
  let id = e.parent;
  for (let k = 0; id !== undefined && k < MAX_DEPTH; k++) {
    out.push(id);
    id = lexicon.entries.get(id)?.parent;
  }
  return out;
}

function setSense(c: Candidate, s: LexiconEntry): void {
  const old = c.entry;
  if (old === undefined || old.id === s.id) return;
  if (c.label === old.label) c.label = s.label;
  c.entry = s;
  c.en = { text: s.en, source: "lexicon" };
}

/**
 * Chooses one sense per ambiguous place name for the candidates of one document, in place (see the module
 * comment). Candidates whose own context named a kind keep the sense it chose; anaphoric mentions of a place
 * (المحافظة) follow their antecedent's sense.
 */
export function chooseSenses(cands: Candidate[], lexicon: Lexicon): void {
  const groups = new Map<string, Candidate[]>();
  for (const c of cands) {
    if (c.senses === undefined || c.senses.length < 2) continue;
    const key = c.senses.map((s) => s.id).sort().join("|");
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = []));
    g.push(c);
  }
  if (groups.size === 0) return;
  const replaced = new Map<string, LexiconEntry>();
  for (const group of groups.values()) {
    const senses = group[0].senses!;
    const ids = new Set(senses.map((s) => s.id));
    const kinds = new Set(group.map((c) => c.senseKind).filter((k): k is string => k !== undefined));
    let chosen: LexiconEntry | undefined;
    if (kinds.size === 1) chosen = senses.find((s) => kinds.has(s.kind));
    if (chosen === undefined && kinds.size === 0) {
      const named = new Set<string>();
      for (const c of cands) if (c.type === "place" && c.entry !== undefined && !ids.has(c.entry.id)) named.add(c.entry.id);
      const hits = senses.filter((s) => ancestors(s, lexicon).some((a) => named.has(a)));
      if (hits.length === 1) chosen = hits[0];
    }
    chosen ??= senses[0];
    for (const c of group) {
      if (c.senseKind !== undefined && kinds.size > 1) continue;
      const old = c.entry;
      if (old !== undefined && old.id !== chosen.id) replaced.set(old.id, chosen);
      setSense(c, chosen);
    }
  }
  // Mentions that copied an entry from an antecedent (anaphora) follow the choice.
  if (replaced.size === 0) return;
  for (const c of cands) {
    if (c.senses !== undefined || c.entry === undefined) continue;
    const s = replaced.get(c.entry.id);
    if (s !== undefined && c.anaphor === true) setSense(c, s);
  }
}
