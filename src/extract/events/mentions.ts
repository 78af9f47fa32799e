/**
 * Event mentions: triggers found in a sentence (graph-data/lexicon/triggers.json) and their arguments read from
 * the same clause — participants with roles, places, a date.
 *
 * Argument rules (docs/relations.md): the trigger's window runs to the next trigger, clause break, relative
 * pronoun or hard punctuation. Before the trigger: the antecedent of a relative pronoun (الذي قتل) or of an
 * attached pronoun (تفقده), else a mention right before it (SVO). After it: the first entity with nothing but a
 * title between (VSO subject / genitive) and, for verbs, the entity right after it (the object), entities after
 * a role marker (على يد، برئاسة، بين، مع …), and the
 * members of their lists; places unless introduced by من/بين; the first date of the window.
 */
import type { EntityType, EventType, ParticipantRole } from "../../graph/schema.ts";
import type { TriggerEntry, TriggerLexicon } from "../../lexicon/triggers.ts";
import type { Token } from "../../text/types.ts";
import type { Mention } from "../types.ts";
import { coordinated } from "../relations/lists.ts";
import { type DocView, type SentenceView, insideMention, isBody, isPerson, leftEdge, tokenIndexAt, typeOf } from "../relations/view.ts";
import { designatorStages, endsWith, matchAnyAt, type PhraseMatch, proclitcReadings, wordsBetween } from "../relations/words.ts";
import type { DateMention as FoundDate } from "../../text/dates.ts";

/** An argument: an entity mention in a role (places have no role). */
export interface Argument {
  entity: string;
  role?: ParticipantRole;
  start: number;
  end: number;
}

/** One trigger occurrence with its arguments. */
export interface EventMention {
  type: EventType;
  entry: TriggerEntry;
  sentence: number;
  start: number;
  end: number;
  surface: string;
  tokenStart: number;
  tokenEnd: number;
  /** Token index where the argument window ends (exclusive). */
  windowEnd: number;
  participants: Argument[];
  places: Argument[];
  date?: FoundDate;
  /** The trigger follows أثناء / خلال: it happened during the event before it. */
  during: boolean;
}

const HARD = /["«»:()\[\]؛;]/u;

function readingsIn(t: Token, set: ReadonlySet<string>): boolean {
  return proclitcReadings(t.key).some((r) => set.has(r));
}

/** Trigger occurrences of one sentence, in order. */
function findTriggers(view: DocView, s: SentenceView, lex: TriggerLexicon): { entry: TriggerEntry; m: PhraseMatch }[] {
  const tokens = view.analysis.tokens;
  const out: { entry: TriggerEntry; m: PhraseMatch }[] = [];
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const t = tokens[i];
    if (t.kind !== "word" || insideMention(s, t.start, t.end)) continue;
    let best: { entry: TriggerEntry; m: PhraseMatch } | null = null;
    for (const entry of lex.triggers) {
      const m = matchAnyAt(tokens, i, entry.forms, s.tokenEnd, true);
      if (!m) continue;
      if (entry.context) {
        const ctx = entry.context;
        let ok = false;
        for (let k = m.tokenEnd; k < Math.min(s.tokenEnd, m.tokenEnd + ctx.within) && !ok; k++) ok = readingsIn(tokens[k], ctx.words);
        if (!ok) continue;
      }
      if (!best || (best.m.pronoun && !m.pronoun) || (best.m.pronoun === m.pronoun && m.tokenEnd > best.m.tokenEnd)) best = { entry, m };
    }
    if (best) {
      out.push(best);
      i = best.m.tokenEnd - 1;
    }
  }
  return out;
}

/** Token index where the window of a trigger ending at token `from` stops. */
function windowEnd(view: DocView, s: SentenceView, lex: TriggerLexicon, from: number, nextTrigger: number): number {
  const tokens = view.analysis.tokens;
  const limit = Math.min(s.tokenEnd, nextTrigger, from + lex.maxWindow);
  for (let k = from; k < limit; k++) {
    const t = tokens[k];
    if (t.kind === "punct" && HARD.test(t.surface)) return k;
    if (t.kind !== "word" || insideMention(s, t.start, t.end)) continue;
    if (readingsIn(t, lex.relativeSingular) || readingsIn(t, lex.relativePlural)) return k;
    if (matchAnyAt(tokens, k, lex.windowBreaks, s.tokenEnd)) return k;
  }
  return limit;
}

/** Words that may stand between a trigger and an argument without making it a different phrase. */
export interface LeadWords {
  designators: ReadonlySet<string>;
  descriptors: ReadonlySet<string>;
}

/** Normalised words between two offsets with date spans left out. */
function leadWords(view: DocView, from: number, to: number, dates: readonly FoundDate[]): string[] {
  let text = view.text.slice(from, to);
  for (const d of dates) {
    if (d.end <= from || d.start >= to) continue;
    const a = Math.max(d.start, from) - from;
    const b = Math.min(d.end, to) - from;
    text = text.slice(0, a) + " ".repeat(b - a) + text.slice(b);
  }
  return wordsBetween(text, 0, text.length);
}

const actor = (t: EntityType) => isPerson(t) || isBody(t);

/** Antecedent for a relative or attached pronoun: the nearest person (or, failing that, body) before `offset`. */
function antecedent(view: DocView, s: SentenceView, offset: number, maxGap: number, personsOnly: boolean): Mention | undefined {
  const before = s.mentions.filter((m) => m.end <= offset);
  const fromToken = tokenIndexAt(view, offset);
  const near = (m: Mention) => fromToken - tokenIndexAt(view, m.end) <= maxGap;
  const person = [...before].reverse().find((m) => isPerson(typeOf(view, m)));
  if (person && near(person)) return person;
  if (personsOnly) return undefined;
  const body = [...before].reverse().find((m) => isBody(typeOf(view, m)));
  return body && near(body) ? body : undefined;
}

/**
 * Finds the event mentions of one sentence.
 * @param dates dates of the document (offsets into the body), used for the window's date and left out of leads.
 * @param words designators (محافظة، العاصمة: "في محافظات X" reads as "في X") and descriptors (ranks, المقاتل،
 *   المتهم) that may stand between a trigger and its argument; both from the cue lexicon.
 */
export function sentenceEvents(
  view: DocView, s: SentenceView, lex: TriggerLexicon, dates: readonly FoundDate[], words: LeadWords,
): EventMention[] {
  const { designators, descriptors } = words;
  const tokens = view.analysis.tokens;
  const found = findTriggers(view, s, lex);
  const out: EventMention[] = [];
  found.forEach(({ entry, m }, idx) => {
    const start = tokens[m.tokenStart].start;
    const end = tokens[m.tokenEnd - 1].end;
    const wEnd = windowEnd(view, s, lex, m.tokenEnd, idx + 1 < found.length ? found[idx + 1].m.tokenStart : s.tokenEnd);
    const wEndOffset = wEnd > m.tokenEnd ? tokens[wEnd - 1].end : end;
    const ev: EventMention = {
      type: entry.type, entry, sentence: s.index, start, end, surface: view.text.slice(start, end),
      tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, windowEnd: wEnd, participants: [], places: [], during: false,
    };
    // --- before the trigger
    let k = m.tokenStart - 1;
    while (k >= s.tokenStart && (tokens[k].key === "قد" || tokens[k].key === "لقد")) k--;
    const prevTok = k >= s.tokenStart ? tokens[k] : undefined;
    const beforeRole = entry.before ?? "agent";
    if (prevTok && readingsIn(prevTok, lex.relativeSingular)) {
      const a = antecedent(view, s, prevTok.start, lex.maxAntecedentGap, true);
      if (a) ev.participants.push({ entity: a.entity, role: beforeRole, start: a.start, end: a.end });
    } else if (prevTok && readingsIn(prevTok, lex.relativePlural)) {
      // a plural relative names no single participant
    } else if (m.pronoun) {
      const a = antecedent(view, s, start, lex.maxAntecedentGap, false);
      if (a) ev.participants.push({ entity: a.entity, role: beforeRole, start: a.start, end: a.end });
    } else if (entry.before) {
      const before = s.mentions.filter((x) => x.end <= start);
      const prev = before[before.length - 1];
      if (prev && actor(typeOf(view, prev)) && wordsBetween(view.text, prev.end, start).length === 0 && !HARD.test(view.text.slice(prev.end, start))) {
        ev.participants.push({ entity: prev.entity, role: entry.before, start: prev.start, end: prev.end });
        // and the list it closes: "وقعت الحكومة وحكومة الإقليم اتفاقا"
        for (let j = before.length - 2; j >= 0 && actor(typeOf(view, before[j])) && coordinated(view, before[j], before[j + 1], designators); j--) {
          ev.participants.push({ entity: before[j].entity, role: entry.before, start: before[j].start, end: before[j].end });
        }
      }
    }
    ev.during = prevTok !== undefined && readingsIn(prevTok, lex.during);
    // --- the window after the trigger
    let anchor = end;
    let prevMention: Mention | undefined;
    let prevPlace: boolean | undefined;
    let prevRole: ParticipantRole | null | undefined;
    let firstSeen = false;
    let objectSeen = false;
    for (const x of s.mentions) {
      if (leftEdge(x) < end || x.end > wEndOffset) continue;
      const type = typeOf(view, x);
      const coord = prevMention !== undefined && coordinated(view, prevMention, x, designators);
      const stages = designatorStages(leadWords(view, anchor, leftEdge(x), dates), designators);
      const core = stages[stages.length - 1].filter((w) => !descriptors.has(w));
      if (type === "place") {
        const keep = coord && prevPlace !== undefined ? prevPlace : !(core.length > 0 && lex.placeExcludeLeads.has(core[core.length - 1]));
        if (keep) ev.places.push({ entity: x.entity, start: x.start, end: x.end });
        prevPlace = keep;
      } else if (actor(type)) {
        let role: ParticipantRole | null = null;
        if (coord && prevRole !== undefined) role = prevRole;
        else {
          const applies = (r: TriggerLexicon["roleMarkers"][number]) => !r.types || r.types.has(entry.type);
          let marker = lex.roleMarkers.find((r) => applies(r) && r.leads.some((l) => endsWith(core, l.split(" "))));
          // "بين القيادات الأمنية والبيشمركة": the marker governs a list whose first member is no entity
          if (!marker && core[core.length - 1] === "و") {
            marker = lex.roleMarkers.find((r) => applies(r) && r.leads.some((l) => l.split(" ").length === 1 && core.includes(l)));
          }
          if (marker) role = marker.role;
          else if (core.some((w) => proclitcReadings(w).some((r) => lex.excludeLeads.has(r)))) role = null;
          else if (!firstSeen && core.length === 0 && entry.after) role = entry.after;
          else if (firstSeen && !objectSeen && core.length <= 1 && entry.object && prevRole === entry.after) {
            role = entry.object;
            objectSeen = true;
          }
        }
        if (role) ev.participants.push({ entity: x.entity, role, start: x.start, end: x.end });
        prevRole = role;
        firstSeen = true;
      }
      anchor = x.end;
      prevMention = x;
    }
    ev.date = dates.find((d) => d.value !== undefined && d.start >= end && d.end <= wEndOffset);
    out.push(ev);
  });
  // --- أثناء / خلال: inherit from the event whose window this trigger closed
  for (let i = 1; i < out.length; i++) {
    const ev = out[i];
    const prev = out[i - 1];
    if (!ev.during || prev.windowEnd < ev.tokenStart - 1) continue;
    ev.date ??= prev.date;
    if (ev.places.length === 0) ev.places.push(...prev.places);
    const role = ev.entry.before ?? "agent";
    for (const p of prev.participants) {
      if (!ev.participants.some((q) => q.entity === p.entity) && (p.role === "victim" || p.role === "agent")) {
        ev.participants.push({ ...p, role });
      }
    }
  }
  return out.filter((ev) => {
    const req = lex.eventTypes[ev.type]?.requires;
    return !req || ev.participants.some((p) => p.role === req);
  });
}
