/**
 * Relations between actors: cooperation ("مشتركة بين X و Y", "التنسيق بين X و Y", "مشتركة مع Y"),
 * opposition ("لمواجهة X", "ضد X", "قتال X", from the forces acting in the clause) and kinship
 * ("شقيقه Y", "X نجل Y"). Cue words: `graph-data/lexicon/cues.json`.
 */
import type { CueLexicon } from "../../lexicon/cues.ts";
import type { Mention } from "../types.ts";
import { clauseSpeaker, clauseStart, coordinated, listRight } from "./lists.ts";
import { type DocView, type RelationSet, type SentenceView, tokenInMention, isPerson, leftEdge, spanWords, tokenIndexAt, typeOf } from "./view.ts";
import { normalizeKey } from "../../text/normalize.ts";
import { endsWith, hasHardPunctuation, matchAnyAt, rankWordsOf } from "./words.ts";

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

/** A cooperation cue whose actor is an operation named before ("العملية جرت بالتنسيق مع Y"): resolved after events. */
export interface PendingCooperation {
  sentence: number;
  /** Where the clause starts: the operation is the latest event before it. */
  offset: number;
  start: number;
  end: number;
  ids: string[];
}

/**
 * Resolves the pending cues: the agent of the latest event reported before the clause (an agent PART_OF another of
 * its agents — the unit, not its army — else the first) cooperates with the bodies after the cue.
 */
export function operationCooperation(pending: readonly PendingCooperation[], events: readonly { id: string; provenance: { start: number }[] }[],
  rels: RelationSet, confidence: number): void {
  if (pending.length === 0) return;
  const agents = new Map<string, string[]>();
  for (const r of rels.list()) {
    if (r.type !== "PARTICIPANT_IN" || r.role !== "agent") continue;
    const list = agents.get(r.target) ?? [];
    list.push(r.source);
    agents.set(r.target, list);
  }
  for (const p of pending) {
    let best: { at: number; agent: string } | undefined;
    for (const ev of events) {
      const list = agents.get(ev.id) ?? [];
      // the unit that carried it out rather than its parent (a division, not its army)
      const agent = list.find((a) => list.some((b) => b !== a && rels.has("PART_OF", a, b))) ?? list[0];
      if (agent === undefined) continue;
      const at = ev.provenance.reduce((m, x) => (x.start < p.offset ? Math.max(m, x.start) : m), -1);
      if (at >= 0 && (best === undefined || at > best.at)) best = { at, agent };
    }
    if (best === undefined) continue;
    for (const id of p.ids) if (id !== best.agent) rels.add("COOPERATES_WITH", best.agent, id, p.sentence, p.start, p.end, confidence);
  }
}

/**
 * The body a reported clause with no actor of its own speaks for ("وأضاف المتحدث X أن "العملية جرت بتنسيق مع Y"":
 * the operation is X's body's): the speaker when it is a body, else the body the speaking person is spokesperson
 * for or heads. Undefined when there is none.
 */
function speakerBody(view: DocView, s: SentenceView, from: number, rels: RelationSet): string | undefined {
  const sp = clauseSpeaker(view, s, from);
  if (sp === undefined) return undefined;
  if (!isPerson(typeOf(view, sp))) return sp.entity;
  return rels.targets("SPOKESPERSON_OF", sp.entity)[0] ?? rels.targets("HEADS", sp.entity).find((t) => view.entity.get(t)?.type !== "place");
}

/**
 * A support cue: بـ + a verbal noun + من ("بإسناد من Y", "وبدعم من Y") — the clause's actor acted with Y's support.
 * Arabic grammar: the instrumental بـ on a maṣdar with its agent in a من-phrase.
 */
function isSupportCue(cueWords: readonly string[], lead: readonly string[]): boolean {
  if (cueWords.length !== 1 || lead.length < 1 || lead.length > 2 || lead[0] !== "من") return false;
  return /^و?ب/u.test(cueWords[0]) && !/^و?بال/u.test(cueWords[0]);
}

/**
 * COOPERATES_WITH between the members of "بين/من/ل X و Y" after a cooperation cue, between the members of a list
 * right after a list cue ("بمشاركة X وY"), or actor × "مع Y" / actor × "بمشاركة Y" — the actor of a reported clause
 * with none of its own being the body its speaker speaks for.
 */
export function cooperationRelations(view: DocView, cues: CueLexicon, rels: RelationSet): PendingCooperation[] {
  const c = cues.cooperation;
  const conf = cues.confidence.cooperation;
  const pending: PendingCooperation[] = [];
  for (const s of view.sentences) {
    // the partners named after an earlier cue of the sentence ("بالتنسيق مع Y وبإسناد من Z": Y is not Z's actor)
    const partners = new Set<string>();
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
      const support = isSupportCue(spanWords(view, cueStart, cueEnd), lead);
      if (listCue && ids.length >= 2) {
        for (let a = 0; a < ids.length; a++) {
          for (let b = a + 1; b < ids.length; b++) rels.add("COOPERATES_WITH", ids[a], ids[b], s.index, cueStart, end, conf);
        }
      } else if (listCue || support || c.withMarkers.some((p) => endsWith(lead, p))) {
        const from = clauseStart(view, s, cueStart, cues.clauseBreaks);
        const actors = s.mentions.filter((m) => m.start >= from && m.end <= cueStart && c.types.has(typeOf(view, m)) && !ids.includes(m.entity) &&
          !(support && partners.has(m.entity)));
        for (const id of ids) partners.add(id);
        // "نفذت X بالاشتراك مع Y وZ وبإسناد من W": the support is the subject's, not the last partner's
        let last = support ? actors[0] : actors[actors.length - 1];
        // "الفرقة 14 في الجيش العراقي بالتعاون مع Y": the unit cooperates, not the parent named after it
        const unit = last === undefined ? undefined : actors.find((a) => a.entity !== last!.entity && rels.has("PART_OF", a.entity, last!.entity));
        if (unit !== undefined) last = unit;
        if (last !== undefined) {
          for (const id of ids) rels.add("COOPERATES_WITH", last.entity, id, s.index, last.start, end, conf);
          continue;
        }
        // No actor in the clause: "العملية جرت بالتنسيق مع Y" — the operation's agent, known once events are read.
        const operation = spanWords(view, from, cueStart).some((w) => c.operationWords.has(w));
        if (operation) {
          pending.push({ sentence: s.index, offset: from, start: cueStart, end, ids });
          continue;
        }
        const actor = speakerBody(view, s, from, rels);
        if (actor === undefined) continue;
        for (const id of ids) if (id !== actor) rels.add("COOPERATES_WITH", actor, id, s.index, cueStart, end, conf);
      } else if (lead.length > 0 && c.listMarkers.has(lead[lead.length - 1]) && ids.length >= 2) {
        for (let a = 0; a < ids.length; a++) {
          for (let b = a + 1; b < ids.length; b++) rels.add("COOPERATES_WITH", ids[a], ids[b], s.index, cueStart, end, conf);
        }
      }
    }
  }
  return pending;
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

/** Ordinals that refer to a member of a list just given (الأول، الثاني، الأخير): index, -1 for the last. */
const ORDINAL_REFERENCES: ReadonlyMap<string, number> = new Map([["الاول", 0], ["الثاني", 1], ["الثالث", 2], ["الاخير", -1]]);

/** The coordinated list of persons that ends nearest before `offset` in the sentence, in text order. */
function personListBefore(view: DocView, s: SentenceView, offset: number, designators: ReadonlySet<string>): Mention[] {
  const before = s.mentions.filter((x) => x.end <= offset);
  let k = before.length - 1;
  while (k >= 0 && !isPerson(typeOf(view, before[k]))) k--;
  if (k < 0) return [];
  const list = [before[k]];
  for (let j = k - 1; j >= 0 && isPerson(typeOf(view, before[j])) && coordinated(view, before[j], before[j + 1], designators); j--) list.unshift(before[j]);
  return list;
}

/**
 * RELATIVE_OF. A possessive kin word (شقيقه، نجله) links the person after it to the person it refers back to
 * (the nearest person before, in this sentence or the two before); a construct kin word (نجل، ابن) links the
 * persons on both sides ("X نجل Y"); followed by an ordinal (شقيق الأول Y) it links Y to that member of the list of
 * persons just given.
 */
export function kinshipRelations(view: DocView, cues: CueLexicon, rels: RelationSet): void {
  const k = cues.kinship;
  const rankWords = rankWordsOf(cues);
  const conf = cues.confidence.kinship;
  const KIN_COPULAS = new Set(["وهو", "وهي", "هو", "هي"]);
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
      let lead = spanWords(view, cueEnd, leftEdge(after));
      // "شقيق الأول الجندي Y": the first (second, last) of the persons just listed
      const ordinal = con && lead.length > 0 ? ORDINAL_REFERENCES.get(lead[0]) : undefined;
      if (ordinal !== undefined) lead = lead.slice(1);
      if (!lead.every((w) => rankWords.has(w))) continue;
      if (ordinal !== undefined) {
        const list = personListBefore(view, s, t.start, cues.designators);
        const ref = ordinal < 0 ? list[list.length - 1] : list[ordinal];
        if (list.length >= 2 && ref !== undefined && ref.entity !== after.entity) {
          rels.add("RELATIVE_OF", ref.entity, after.entity, s.index, ref.start, after.end, conf);
        }
        i = m.tokenEnd - 1;
        continue;
      }
      // a person right before the cue ("X، نجل Y"), else (possessive only) the nearest person before, else (construct
      // only) a person in apposition after the genitive ("شقيق الصحفية، المهندس أحمد الربيعي")
      const prev = s.mentions.filter((x) => x.end <= t.start).pop();
      let before: Mention | undefined;
      // "X، وهو شقيق Y": a copula pronoun may stand between
      if (prev && isPerson(typeOf(view, prev)) && spanWords(view, prev.end, t.start).every((w) => KIN_COPULAS.has(w))) before = prev;
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
