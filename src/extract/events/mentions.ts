/**
 * Event mentions: triggers found in a sentence (graph-data/lexicon/triggers.json) and their arguments read from
 * the same clause — participants with roles, places, a date.
 *
 * Argument rules (docs/extraction.md, "Events"): the trigger's window runs to the next trigger, clause break,
 * relative pronoun or hard punctuation. Before the trigger: the antecedent of a relative pronoun (الذي قتل) or of
 * an attached pronoun (تفقده), else a mention right before it (SVO, قد allowed between). After it: the first
 * entity with nothing but a title, count or member word between (VSO subject / genitive) and, for verbs, the entity
 * right after it (the object), entities after a role marker (على يد، برئاسة، بين، مع …), and the members of their
 * lists; places unless introduced by من/بين; the first date of the window, else a date right before the trigger.
 * How the mentions of one sentence share arguments is in ./links.ts.
 */
import type { EntityType, EventType, ParticipantRole } from "../../graph/schema.ts";
import type { TriggerEntry, TriggerLexicon } from "../../lexicon/triggers.ts";
import type { DateMention } from "../../text/dates.ts";
import type { Token } from "../../text/types.ts";
import type { Mention } from "../types.ts";
import { coordinated } from "../relations/lists.ts";
import { type DocView, type SentenceView, tokenInMention, isBody, isPerson, leftEdge, typeOf } from "../relations/view.ts";
import { encliticReadings, endsWith, matchAnyAt, type PhraseMatch, keyReadings, tokenReadings } from "../relations/words.ts";
import { type LeadWords, anyReadingIn, leadCore, leadWords } from "./leads.ts";
import { HARD, blocked, countryAdjectiveAfter, dateBefore, frontedPlace, relativeClausePlaces } from "./context.ts";
import { readBefore } from "./before.ts";
import { linkSentenceEvents } from "./links.ts";

export type { LeadWords } from "./leads.ts";

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
  /** The window ended at the next trigger of the sentence (the two are chained: "بانفجار عبوة استهدفت دورية"). */
  chained: boolean;
  participants: Argument[];
  places: Argument[];
  date?: DateMention;
  /** The participant read before the trigger (the SVO subject or a pronoun's antecedent). */
  subject?: Argument;
  /** The trigger follows أثناء / خلال: it happened during the event before it. */
  during: boolean;
  /** The trigger follows أسفرت عن / أدت إلى: it resulted from the event before it. */
  consequence: boolean;
  /** The trigger word carries the conjunction و (a verb coordinated with the one before shares its subject). */
  conjoined: boolean;
  /** The window places it inside an operation reported before ("خلال العملية"): it may take that event's date. */
  inOperation?: boolean;
}


function readingsIn(t: Token, set: ReadonlySet<string>): boolean {
  return tokenReadings(t).some((r) => set.has(r));
}

const BY_FIRST = new WeakMap<TriggerLexicon, ReadonlyMap<string, TriggerEntry[]>>();

/** Trigger entries by the first word of their forms (computed once per lexicon). */
function entriesByFirst(lex: TriggerLexicon): ReadonlyMap<string, TriggerEntry[]> {
  let m = BY_FIRST.get(lex);
  if (m === undefined) {
    const out = new Map<string, TriggerEntry[]>();
    for (const e of lex.triggers) {
      for (const f of e.forms) {
        const list = out.get(f[0]) ?? [];
        if (!list.includes(e)) list.push(e);
        out.set(f[0], list);
      }
    }
    BY_FIRST.set(lex, (m = out));
  }
  return m;
}

const NONE: ReadonlySet<TriggerEntry> = new Set();
const BY_KEY = new WeakMap<TriggerLexicon, Map<string, ReadonlySet<TriggerEntry>>>();

/**
 * The trigger entries one of whose forms may start at a token with this key (read through proclitics and an
 * attached pronoun). Depends on the key and the lexicon only, so it is memoised per lexicon (bounded).
 */
function candidateEntries(lex: TriggerLexicon, byFirst: ReadonlyMap<string, TriggerEntry[]>, key: string): ReadonlySet<TriggerEntry> {
  let memo = BY_KEY.get(lex);
  if (memo === undefined) BY_KEY.set(lex, (memo = new Map()));
  let out = memo.get(key);
  if (out === undefined) {
    const found = new Set<TriggerEntry>();
    for (const r of keyReadings(key)) {
      for (const e of byFirst.get(r) ?? []) found.add(e);
      for (const x of encliticReadings(r)) for (const e of byFirst.get(x) ?? []) found.add(e);
    }
    out = found.size === 0 ? NONE : found;
    if (memo.size >= 100_000) memo.clear();
    memo.set(key, out);
  }
  return out;
}

/** Trigger occurrences of one sentence, in order. */
function findTriggers(view: DocView, s: SentenceView, lex: TriggerLexicon): { entry: TriggerEntry; m: PhraseMatch }[] {
  const tokens = view.analysis.tokens;
  const byFirst = entriesByFirst(lex);
  const out: { entry: TriggerEntry; m: PhraseMatch }[] = [];
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const t = tokens[i];
    if (t.kind !== "word") continue;
    const entries = candidateEntries(lex, byFirst, t.key);
    if (entries.size === 0 || tokenInMention(view, i)) continue;
    const readings = tokenReadings(t);
    let best: { entry: TriggerEntry; m: PhraseMatch } | null = null;
    for (const entry of lex.triggers) {
      if (!entries.has(entry)) continue;
      const m = matchAnyAt(tokens, i, entry.forms, s.tokenEnd, true, readings);
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
    // an abbreviation in brackets, "(يونامي)", stays inside the window
    if (t.surface === "(" && k + 2 < limit && tokens[k + 1].kind === "word" && tokens[k + 2].surface === ")") {
      k += 2;
      continue;
    }
    if (t.kind === "punct" && HARD.test(t.surface)) return k;
    if (t.kind !== "word" || tokenInMention(view, k)) continue;
    if (readingsIn(t, lex.relativeSingular) || readingsIn(t, lex.relativeDual) || readingsIn(t, lex.relativePlural)) return k;
    if (matchAnyAt(tokens, k, lex.windowBreaks, s.tokenEnd)) return k;
    // A consequence phrase opens the next event's window (أسفرت عن …).
    if (k > from && matchAnyAt(tokens, k, lex.consequence, s.tokenEnd)) return k;
  }
  return limit;
}

const actor = (t: EntityType) => isPerson(t) || isBody(t);

/** Means written with ب that open the next window (بضربة جوية، بقصف): the reference after them is the event's. */
const MEANS = /^ب(ضربه|ضربات|غاره|غارات|قصف|قذيفه|طائره)$/u;

/**
 * True when the window ended at a means (بضربة جوية) and an event reference (خلال العملية) follows it within three
 * words, before the sentence ends.
 */
function operationReferenceAfterMeans(view: DocView, s: SentenceView, lex: TriggerLexicon, wEnd: number, next: number): boolean {
  const tokens = view.analysis.tokens;
  if (wEnd !== next || wEnd >= s.tokenEnd || !MEANS.test(tokens[wEnd].key)) return false;
  for (let k = wEnd + 1; k < Math.min(s.tokenEnd, wEnd + 4); k++) {
    if (tokens[k].kind === "punct") return false;
    if (matchAnyAt(tokens, k, lex.eventReferences, s.tokenEnd)) return true;
  }
  return false;
}

/** Reads the arguments in the window after the trigger. */
function readAfter(view: DocView, s: SentenceView, lex: TriggerLexicon, entry: TriggerEntry, dates: readonly DateMention[], words: LeadWords, ev: EventMention, wEndOffset: number): void {
  let anchor = ev.end;
  let prevMention: Mention | undefined;
  let prevPlace: boolean | undefined;
  let prevRole: ParticipantRole | null | undefined;
  let firstSeen = false;
  let objectSeen = false;
  // Bodies named inside a person's title (وزير الداخلية X) belong to the title, not to the event.
  const titles = s.mentions.filter((y) => y.title !== undefined);
  const inTitle = (x: Mention) => titles.some((y) => y !== x && x.start >= y.title!.start && x.end <= y.title!.end);
  for (const x of s.mentions) {
    if (leftEdge(x) < ev.end || x.end > wEndOffset || inTitle(x)) continue;
    const type = typeOf(view, x);
    const coord = prevMention !== undefined && coordinated(view, prevMention, x, words.designators);
    const core = leadCore(leadWords(view, anchor, leftEdge(x), dates), lex, words);
    if (type === "place") {
      const keep = coord && prevPlace !== undefined ? prevPlace : !(core.length > 0 && lex.placeExcludeLeads.has(core[core.length - 1]));
      if (keep) ev.places.push({ entity: x.entity, start: x.start, end: x.end });
      prevPlace = keep;
    } else if (actor(type)) {
      let role: ParticipantRole | null = null;
      if (coord && prevRole !== undefined) role = prevRole;
      else {
        const applies = (r: TriggerLexicon["roleMarkers"][number]) => !r.types || r.types.has(entry.type);
        let marker = core.length === 0 ? undefined : lex.roleMarkers.find((r) => applies(r) && r.phrases.some((l) => endsWith(core, l)));
        // "بين القيادات الأمنية والبيشمركة": the marker governs a list whose first member is no entity
        if (!marker && core[core.length - 1] === "و") {
          marker = lex.roleMarkers.find((r) => applies(r) && r.phrases.some((l) => l.length === 1 && core.includes(l[0])));
        }
        if (marker) role = marker.role;
        else if (anyReadingIn(core, lex.excludeLeads)) role = null;
        else if (!firstSeen && core.length === 0 && entry.after) role = ev.subject !== undefined && entry.object ? entry.object : entry.after;
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
}

/**
 * Finds the event mentions of one sentence.
 * @param datesOf dates of the document (offsets into the body), or a function giving those of a sentence (asked
 *   only when the sentence has a trigger); used for the window's date and left out of leads.
 * @param words designators (محافظة، العاصمة: "في محافظات X" reads as "في X") and descriptors (ranks, المقاتل،
 *   المتهم) that may stand between a trigger and its argument; both from the cue lexicon.
 * @returns the mentions, linked (./links.ts); a mention that lacks its type's required role is kept only when it
 *   may join an event of the document (`joinOnly`).
 */
export function sentenceEvents(
  view: DocView, s: SentenceView, lex: TriggerLexicon, datesOf: readonly DateMention[] | ((s: SentenceView) => readonly DateMention[]), words: LeadWords,
): (EventMention & { joinOnly: boolean })[] {
  const tokens = view.analysis.tokens;
  const found = findTriggers(view, s, lex);
  if (found.length === 0) return [];
  const dates = typeof datesOf === "function" ? datesOf(s) : datesOf;
  const fronted = frontedPlace(view, s);
  const out: EventMention[] = [];
  found.forEach(({ entry, m }, idx) => {
    if (blocked(view, s, lex, m.tokenStart, dates)) return;
    // "لإنشاء مخازن"، "لتشكيل لجنة": a verbal noun of founding after the purpose ل is an aim, not a happening
    if (entry.type === "formation" && /^[وف]?ل/u.test(tokens[m.tokenStart].key) && !m.phrase[0].startsWith("ل")) return;
    const start = tokens[m.tokenStart].start;
    const end = tokens[m.tokenEnd - 1].end;
    const next = idx + 1 < found.length ? found[idx + 1].m.tokenStart : s.tokenEnd;
    const wEnd = windowEnd(view, s, lex, m.tokenEnd, next);
    const wEndOffset = wEnd > m.tokenEnd ? tokens[wEnd - 1].end : end;
    const ev: EventMention = {
      type: entry.type, entry, sentence: s.index, start, end, surface: view.text.slice(start, end),
      tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, windowEnd: wEnd, chained: idx + 1 < found.length && wEnd === next,
      participants: [], places: [], during: false, consequence: false, conjoined: (tokens[m.tokenStart].key.startsWith("و") || tokens[m.tokenStart].key.startsWith("ف")) && m.phrase[0] !== tokens[m.tokenStart].key,
    };
    readBefore(view, s, lex, entry, m, words, ev, dates);
    readAfter(view, s, lex, entry, dates, words, ev, wEndOffset);
    for (let k = m.tokenEnd; k < wEnd && ev.inOperation !== true; k++) {
      if (tokens[k].kind === "word" && matchAnyAt(tokens, k, lex.eventReferences, wEnd)) ev.inOperation = true;
    }
    // "مقتل X بضربة جوية خلال العملية": the means (an attack trigger) closed the window; the reference after it
    // still dates this event
    const ref = operationReferenceAfterMeans(view, s, lex, wEnd, next);
    if (ev.inOperation !== true && ref) ev.inOperation = true;
    if (entry.after === "perpetrator" && !ev.participants.some((p) => p.role === "perpetrator")) {
      const country = countryAdjectiveAfter(view, s, m.tokenEnd, "perpetrator");
      if (country !== undefined) ev.participants.push(country);
    }
    if (ev.places.length === 0) {
      const lead = (x: Mention) => {
        const core = leadWords(view, tokens[Math.max(s.tokenStart, x.tokenStart - 1)].start, leftEdge(x), dates);
        return core.length > 0 && lex.placeExcludeLeads.has(core[core.length - 1]);
      };
      ev.places.push(...relativeClausePlaces(view, s, lex, wEnd, next, lead));
    }
    if (ev.places.length === 0 && fronted !== undefined) ev.places.push({ entity: fronted.entity, start: fronted.start, end: fronted.end });
    ev.date = dates.find((d) => d.value !== undefined && d.start >= end && d.end <= wEndOffset) ?? dateBefore(view, s, lex, m.tokenStart, dates);
    if (ev.chained) {
      // Chained only when nothing but linking words (في، خلال، إثر …) follows the last argument.
      const inWindow = s.mentions.filter((x) => x.start >= end && x.end <= tokens[next].start);
      const lastEnd = Math.max(end, ...inWindow.map((x) => x.end));
      const between = leadWords(view, lastEnd, tokens[next].start, dates);
      ev.chained = between.every((w) => lex.chainLeads.has(w));
    }
    out.push(ev);
  });
  linkSentenceEvents(out, lex);
  return out.map((ev) => {
    const req = lex.eventTypes[ev.type]?.requires;
    const has = req === "participant" ? ev.participants.length > 0 : ev.participants.some((p) => p.role === req);
    return { ...ev, joinOnly: req !== undefined && !has };
  });
}

