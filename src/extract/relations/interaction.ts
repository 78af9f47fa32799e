/**
 * Relations between actors: cooperation ("مشتركة بين X و Y", "التنسيق بين X و Y", "مشتركة مع Y"),
 * opposition ("لمواجهة X", "ضد X", "قتال X", from the forces acting in the clause) and kinship
 * ("شقيقه Y", "X نجل Y"). Cue words: `graph-data/lexicon/cues.json`.
 */
import type { CueLexicon } from "../../lexicon/cues.ts";
import type { Mention } from "../types.ts";
import { clauseStart, listRight } from "./lists.ts";
import { type DocView, type RelationSet, type SentenceView, tokenInMention, isPerson, leftEdge, spanWords, tokenIndexAt, typeOf } from "./view.ts";
import { normalizeKey } from "../../text/normalize.ts";
import { endsWith, hasHardPunctuation, matchAnyAt } from "./words.ts";

/** First mention of the sentence starting at or after `offset`, within `maxGap` tokens; its index or -1. */
function nextMention(view: DocView, s: SentenceView, offset: number, fromToken: number, maxGap: number): number {
  const i = s.mentions.findIndex((m) => leftEdge(m) >= offset);
  if (i < 0) return -1;
  const m = s.mentions[i];
  if (tokenIndexAt(view, leftEdge(m)) - fromToken > maxGap) return -1;
  return i;
}

/** Cue matches of a sentence, skipping tokens inside mentions: `[cueStartOffset, cueEndOffset, endToken]`. */
function* cueMatches(view: DocView, s: SentenceView, cues: CueLexicon["cooperation"]["cues"]): Generator<[number, number, number]> {
  const tokens = view.analysis.tokens;
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const t = tokens[i];
    if (t.kind !== "word" || tokenInMention(view, i)) continue;
    const m = matchAnyAt(tokens, i, cues, s.tokenEnd);
    if (!m) continue;
    yield [t.start, tokens[m.tokenEnd - 1].end, m.tokenEnd];
    i = m.tokenEnd - 1;
  }
}

/**
 * COOPERATES_WITH between the members of "بين/من/ل X و Y" after a cooperation cue, between the members of a list
 * right after a list cue ("بمشاركة X وY"), or actor × "مع Y" / actor × "بمشاركة Y".
 */
export function cooperationRelations(view: DocView, cues: CueLexicon, rels: RelationSet): void {
  const c = cues.cooperation;
  const conf = cues.confidence.cooperation;
  for (const s of view.sentences) {
    for (const [cueStart, cueEnd, endToken] of cueMatches(view, s, c.cues)) {
      const i = nextMention(view, s, cueEnd, endToken, c.maxGap);
      if (i < 0) continue;
      const first = s.mentions[i];
      if (!c.types.has(typeOf(view, first)) || hasHardPunctuation(view.text, cueEnd, first.start)) continue;
      const lead = spanWords(view, cueEnd, leftEdge(first));
      const members = listRight(view, s, i, c.types, cues.designators).map((j) => s.mentions[j]);
      const ids = [...new Set(members.map((m) => m.entity))];
      const end = members[members.length - 1].end;
      const listCue = lead.length === 0 && c.listCues.some((p) => endsWith(spanWords(view, cueStart, cueEnd), p));
      if (listCue && ids.length >= 2) {
        for (let a = 0; a < ids.length; a++) {
          for (let b = a + 1; b < ids.length; b++) rels.add("COOPERATES_WITH", ids[a], ids[b], s.index, cueStart, end, conf);
        }
      } else if (listCue || c.withMarkers.some((p) => endsWith(lead, p))) {
        const from = clauseStart(view, s, cueStart, cues.clauseBreaks);
        const actors = s.mentions.filter((m) => m.start >= from && m.end <= cueStart && c.types.has(typeOf(view, m)) && !ids.includes(m.entity));
        const actor = actors[actors.length - 1];
        if (!actor) continue;
        for (const id of ids) rels.add("COOPERATES_WITH", actor.entity, id, s.index, actor.start, end, conf);
      } else if (lead.length > 0 && c.listMarkers.has(lead[lead.length - 1]) && ids.length >= 2) {
        for (let a = 0; a < ids.length; a++) {
          for (let b = a + 1; b < ids.length; b++) rels.add("COOPERATES_WITH", ids[a], ids[b], s.index, cueStart, end, conf);
        }
      }
    }
  }
}

/**
 * OPPOSES from the forces acting in the clause (before the cue) to the target named after the cue; when the
 * clause names no force and follows a complementizer ("قال الجيش التركي إن عملياته تستهدف X"), the force of the
 * clause before it. After a list cue ("اشتباكات بين X وY") the members of the list oppose each other.
 */
export function oppositionRelations(view: DocView, cues: CueLexicon, rels: RelationSet): void {
  const o = cues.opposition;
  const conf = cues.confidence.opposition;
  for (const s of view.sentences) {
    for (const [cueStart, , endToken] of cueMatches(view, s, o.listCues)) {
      const i = nextMention(view, s, view.analysis.tokens[endToken - 1].end, endToken, o.maxGap);
      if (i < 0 || !o.targetTypes.has(typeOf(view, s.mentions[i]))) continue;
      const lead = spanWords(view, view.analysis.tokens[endToken - 1].end, leftEdge(s.mentions[i]));
      if (!lead.includes("بين")) continue;
      const members = listRight(view, s, i, o.targetTypes, cues.designators).map((j) => s.mentions[j]);
      for (const a of members) {
        for (const b of members) {
          if (a.entity !== b.entity && o.sourceTypes.has(typeOf(view, a))) rels.add("OPPOSES", a.entity, b.entity, s.index, cueStart, b.end, conf);
        }
      }
    }
    for (const [cueStart, cueEnd, endToken] of cueMatches(view, s, o.cues)) {
      const i = nextMention(view, s, cueEnd, endToken, o.maxGap);
      if (i < 0) continue;
      const first = s.mentions[i];
      if (!o.targetTypes.has(typeOf(view, first)) || hasHardPunctuation(view.text, cueEnd, first.start)) continue;
      const targets = listRight(view, s, i, o.targetTypes, cues.designators).map((j) => s.mentions[j]);
      const targetIds = new Set(targets.map((m) => m.entity));
      const from = clauseStart(view, s, cueStart, cues.clauseBreaks);
      let sources = s.mentions.filter((m) => m.start >= from && m.end <= cueStart && o.sourceTypes.has(typeOf(view, m)) && !targetIds.has(m.entity));
      if (sources.length === 0 && from > s.start && /^(ان|أن|إن)$/u.test(normalizeKey(view.text.slice(Math.max(s.start, from - 4), from).trim().split(/\s+/).pop() ?? ""))) {
        // the speaker of a complement clause: "قال الجيش التركي إن عملياته تستهدف …"
        const before = s.mentions.filter((m) => m.end <= from && o.sourceTypes.has(typeOf(view, m)) && !targetIds.has(m.entity));
        sources = before.slice(-1);
      }
      for (const src of sources) {
        for (const t of targets) rels.add("OPPOSES", src.entity, t.entity, s.index, cueStart, t.end, conf);
      }
    }
  }
}

/** The nearest person mention before `offset`, in this sentence or the two before (a possessive's antecedent). */
function personsBefore(view: DocView, s: SentenceView, offset: number): Mention | undefined {
  for (let k = s.index; k >= 0 && k >= s.index - 2; k--) {
    const ms = view.sentences[k].mentions.filter((m) => m.end <= offset && isPerson(typeOf(view, m)));
    if (ms.length > 0) return ms[ms.length - 1];
  }
  return undefined;
}

/**
 * RELATIVE_OF. A possessive kin word (شقيقه، نجله) links the person after it to the person it refers back to
 * (the nearest person before, in this sentence or the two before); a construct kin word (نجل، ابن) links the
 * persons on both sides ("X نجل Y").
 */
export function kinshipRelations(view: DocView, cues: CueLexicon, rels: RelationSet): void {
  const k = cues.kinship;
  const rankWords = new Set(cues.ranks.flat());
  const conf = cues.confidence.kinship;
  const tokens = view.analysis.tokens;
  for (const s of view.sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = tokens[i];
      if (t.kind !== "word" || tokenInMention(view, i)) continue;
      const pos = matchAnyAt(tokens, i, k.possessive, s.tokenEnd);
      const con = pos ? null : matchAnyAt(tokens, i, k.construct, s.tokenEnd);
      const m = pos ?? con;
      if (!m) continue;
      const cueEnd = tokens[m.tokenEnd - 1].end;
      const j = nextMention(view, s, cueEnd, m.tokenEnd, k.maxGap);
      const after = j < 0 ? undefined : s.mentions[j];
      if (!after || !isPerson(typeOf(view, after))) continue;
      if (!spanWords(view, cueEnd, leftEdge(after)).every((w) => rankWords.has(w))) continue;
      // a person right before the cue ("X، نجل Y"), else (possessive only) the nearest person before, else (construct
      // only) a person in apposition after the genitive ("شقيق الصحفية، المهندس أحمد الربيعي")
      const prev = s.mentions.filter((x) => x.end <= t.start).pop();
      let before: Mention | undefined;
      if (prev && isPerson(typeOf(view, prev)) && spanWords(view, prev.end, t.start).length === 0) before = prev;
      else if (pos) before = personsBefore(view, s, t.start);
      else {
        const next = s.mentions[j + 1];
        if (next && isPerson(typeOf(view, next)) && /^[\s،,]*$/u.test(view.text.slice(after.end, leftEdge(next)))) before = next;
      }
      if (!before || before.entity === after.entity) continue;
      rels.add("RELATIVE_OF", before.entity, after.entity, s.index, Math.min(before.start, t.start), after.end, conf);
      i = m.tokenEnd - 1;
    }
  }
}
