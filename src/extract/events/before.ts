/**
 * The participant read before an event trigger (docs/extraction.md, "Events"): the antecedent of a relative pronoun
 * (الذي قتل; a dual one, اللذين, names the two persons just given) or of an attached pronoun (تفقده; a person of the
 * other gender than the pronoun's is passed over), else the mention right before the trigger — adjacent, with only
 * time words between, or the subject of a light verb written between (X ترأس اجتماعا) or before it (وصوت X على تعيين).
 * Also whether the trigger follows أثناء / خلال or a consequence phrase (أسفرت عن).
 */
import type { EntityType, ParticipantRole } from "../../graph/schema.ts";
import type { TriggerEntry, TriggerLexicon } from "../../lexicon/triggers.ts";
import type { DateMention } from "../../text/dates.ts";
import type { Token } from "../../text/types.ts";
import type { Mention } from "../types.ts";
import { coordinated } from "../relations/lists.ts";
import { type DocView, type SentenceView, isBody, isPerson, leftEdge, spanWords, tokenIndexAt, typeOf } from "../relations/view.ts";
import { matchPhraseAt, type PhraseMatch, tokenReadings } from "../relations/words.ts";
import { HARD } from "./context.ts";
import { type LeadWords, leadWords } from "./leads.ts";
import type { EventMention } from "./mentions.ts";

function readingsIn(t: Token, set: ReadonlySet<string>): boolean {
  return tokenReadings(t).some((r) => set.has(r));
}

const actor = (t: EntityType) => isPerson(t) || isBody(t);

/**
 * A person mention's grammatical gender when the text shows it: feminine after a feminine title (رئيسة، المتحدثة)
 * or before the feminine relative التي; masculine after a masculine functional title; else unknown.
 */
function genderOf(view: DocView, m: Mention): "f" | "m" | undefined {
  if (/^\s*[،,]?\s*التي(?![\p{L}])/u.test(view.text.slice(m.end, m.end + 12))) return "f";
  const first = m.title?.text.trim().split(/\s+/u)[0];
  if (first === undefined || m.title!.start > m.start) return undefined;
  return /[ةه]$/u.test(first) ? "f" : "m";
}

/**
 * Antecedent for a relative or attached pronoun: the nearest person (or, failing that, body) before `offset`; a
 * person of the other gender than the pronoun's (`gender`: ه masculine, ها feminine) is skipped.
 */
function antecedent(view: DocView, s: SentenceView, offset: number, maxGap: number, personsOnly: boolean, gender?: "f" | "m"): Mention | undefined {
  const before = s.mentions.filter((m) => m.end <= offset);
  const fromToken = tokenIndexAt(view, offset);
  const near = (m: Mention) => fromToken - tokenIndexAt(view, m.end) <= maxGap;
  const persons = [...before].reverse().filter((m) => isPerson(typeOf(view, m)));
  const person = persons.find((m) => gender === undefined || (genderOf(view, m) ?? gender) === gender);
  // a nearer person of the other gender was passed over: the pronoun points further back, past the gap limit
  if (person && (near(person) || persons[0] !== person)) return person;
  if (personsOnly) return undefined;
  const body = [...before].reverse().find((m) => isBody(typeOf(view, m)));
  return body && near(body) ? body : undefined;
}

/** True when the tokens right before index `k` (exclusive) end with one of `phrases`. */
function phraseBefore(tokens: readonly Token[], from: number, k: number, phrases: TriggerLexicon["consequence"]): boolean {
  for (const p of phrases) {
    const at = k - p.length;
    if (at < from) continue;
    const m = matchPhraseAt(tokens, at, p, k);
    if (m && m.tokenEnd === k) return true;
  }
  return false;
}

/** Nouns of a detachment of a force (قوة من X، مفرزة من X): the verb before them is the force's. */
const DETACHMENTS = new Set(["قوه", "قوات", "مفرزه", "دوريه", "وحده", "فريق", "عناصر"]);

/**
 * The light verb written right before the last mention `before` ends with (VSO: "وصوت مجلس الوزراء … على تعيين"),
 * when the words between that mention and the trigger are the rest of the verb's phrase, time words and
 * circumstantials aside.
 */
function supportBefore(view: DocView, lex: TriggerLexicon, before: Mention[], between: readonly string[]): TriggerLexicon["supportVerbs"][number] | undefined {
  const prev = before[before.length - 1];
  const from = before.length >= 2 ? before[before.length - 2].end : view.sentences[prev.sentence]?.start ?? 0;
  let lead = spanWords(view, from, leftEdge(prev));
  // "تمكنت قوة من الشرطة الاتحادية من اعتقال": a detachment of the subject stands between the verb and it
  if (lead.length >= 3 && lead[lead.length - 1] === "من" && DETACHMENTS.has(lead[lead.length - 2])) lead = lead.slice(0, -2);
  const word = lead[lead.length - 1];
  if (word === undefined) return undefined;
  const bare = (word.startsWith("و") || word.startsWith("ف")) ? word.slice(1) : word;
  const rest = between.filter((w) => !lex.timeWords.has(w)).join(" ");
  return lex.supportVerbs.find((sv) => sv.verbs.some((p) => (p[0] === word || p[0] === bare) && p.slice(1).join(" ") === rest));
}

/**
 * The bodies before the last one (`before`'s last) back to one written right after a light verb ("نفذت X
 * بالاشتراك مع Y وZ وبإسناد من W، أمس، عملية"): all of them took part. Empty unless such a verb opens the chain and
 * only bodies, commas and partnership words (مع، من، بالاشتراك، بإسناد …) stand between.
 */
function partnersBack(view: DocView, lex: TriggerLexicon, before: Mention[], role: ParticipantRole): { entity: string; role: ParticipantRole; start: number; end: number }[] {
  const out: Mention[] = [];
  for (let j = before.length - 2; j >= 0; j--) {
    const m = before[j];
    if (!isBody(typeOf(view, m)) || HARD.test(view.text.slice(m.end, before[j + 1].start))) return [];
    const gap = spanWords(view, m.end, leftEdge(before[j + 1]));
    if (gap.length > 4 || !gap.every((w) => PARTNER_WORDS.test(w))) return [];
    out.push(m);
    const from = j > 0 ? before[j - 1].end : view.sentences[m.sentence]?.start ?? 0;
    const lead = spanWords(view, from, leftEdge(m));
    const word = lead[lead.length - 1];
    if (word === undefined) continue;
    const bare = /^[وف]/u.test(word) ? word.slice(1) : word;
    if (lex.supportVerbs.some((sv) => sv.verbs.some((p) => p.length === 1 && (p[0] === word || p[0] === bare)))) {
      return out.map((x) => ({ entity: x.entity, role, start: x.start, end: x.end }));
    }
  }
  return [];
}

/** Words that join partners of one operation (بالاشتراك مع، وبإسناد من طيران، و). */
const PARTNER_WORDS = /^(و?ب(الاشتراك|التنسيق|التعاون|اسناد|دعم|مسانده|مشاركه)|مع|من|و|طيران|قوات)$/u;

/** Reads the participant before the trigger (relative or attached pronoun, or the mention right before it). */
export function readBefore(view: DocView, s: SentenceView, lex: TriggerLexicon, entry: TriggerEntry, m: PhraseMatch, words: LeadWords, ev: EventMention, dates: readonly DateMention[]): void {
  const tokens = view.analysis.tokens;
  const start = ev.start;
  let k = m.tokenStart - 1;
  while (k >= s.tokenStart && (tokens[k].key === "قد" || tokens[k].key === "لقد")) k--;
  const prevTok = k >= s.tokenStart ? tokens[k] : undefined;
  const role = entry.before ?? "agent";
  const take = (a: Mention) => {
    const arg = { entity: a.entity, role, start: a.start, end: a.end };
    ev.participants.push(arg);
    ev.subject = arg;
  };
  if (prevTok && readingsIn(prevTok, lex.relativeSingular)) {
    const a = antecedent(view, s, prevTok.start, lex.maxAntecedentGap, true);
    if (a) take(a);
  } else if (prevTok && readingsIn(prevTok, lex.relativeDual)) {
    // "X وابن عمه Y اللذين اختطفا": the two persons just named
    const a = antecedent(view, s, prevTok.start, lex.maxAntecedentGap, true);
    if (a) {
      take(a);
      const before = s.mentions.filter((x) => x.end <= a.start && isPerson(typeOf(view, x)));
      const other = before[before.length - 1];
      if (other !== undefined && coordinated(view, other, a, words.designators)) ev.participants.push({ entity: other.entity, role, start: other.start, end: other.end });
    }
  } else if (prevTok && readingsIn(prevTok, lex.relativePlural)) {
    // a plural relative names no single participant
  } else if (m.pronoun) {
    const key = tokens[m.tokenStart].key;
    const gender = /ها$/u.test(key) ? "f" : /[^ه]ه$/u.test(key) && !/(هم|هما)$/u.test(key) ? "m" : undefined;
    const a = antecedent(view, s, start, lex.maxAntecedentGap, false, gender);
    if (a) take(a);
  } else {
    const before = s.mentions.filter((x) => x.end <= start);
    const prev = before[before.length - 1];
    const between = prev ? leadWords(view, prev.end, start, dates).filter((w) => w !== "قد" && w !== "لقد") : [];
    // "X [قد] ترأس [الأسبوع الماضي] اجتماعا": a light verb between the subject and the trigger noun
    // the verb's words in order, time words and circumstantials (في جلسته الاعتيادية) anywhere after its first
    const spoken = between.filter((w, k) => k === 0 || !lex.timeWords.has(w));
    const support = between.length === 0 ? undefined : lex.supportVerbs.find((sv) => sv.verbs.some((p) =>
      p.length === spoken.length && p.every((w, k) => w === spoken[k])));
    // right before it, or with time words only between ("ووقعت الوزارة الأسبوع الماضي اتفاقية")
    const adjacent = between.every((w) => lex.timeWords.has(w) && w !== "في") && entry.before !== undefined;
    // a light verb before the subject: "وصوت مجلس الوزراء في جلسته أمس على تعيين X"
    // (also when adjacent: "أعلنت القيادة، اليوم، مقتل X" — the announcer is the source, not the victim)
    const undergoing = entry.before === "victim" || entry.before === "target" || entry.before === "recipient";
    const vso = prev === undefined || support !== undefined || (adjacent && !undergoing) ? undefined : supportBefore(view, lex, before, between);
    if (prev && actor(typeOf(view, prev)) && (adjacent || support !== undefined || vso !== undefined) && !HARD.test(view.text.slice(prev.end, start))) {
      // the subject of a light verb is never the one the event is done to (صوت مجلس الوزراء على تكليف X: X is the
      // recipient, the council its agent)
      const undergoer = entry.after === "recipient" || entry.after === "target" || entry.after === "victim";
      const r = (support ?? vso)?.role ?? entry.before ?? (undergoer ? undefined : entry.after) ?? "agent";
      const arg = { entity: prev.entity, role: r, start: prev.start, end: prev.end };
      ev.participants.push(arg);
      ev.subject = arg;
      // and the list it closes: "وقعت الحكومة وحكومة الإقليم اتفاقا"
      for (let j = before.length - 2; j >= 0 && actor(typeOf(view, before[j])) && coordinated(view, before[j], before[j + 1], words.designators); j--) {
        ev.participants.push({ entity: before[j].entity, role: r, start: before[j].start, end: before[j].end });
      }
      // and the partners of a subject named right after the verb: "نفذت X بالاشتراك مع Y وZ وبإسناد من W عملية"
      ev.participants.push(...partnersBack(view, lex, before, r).filter((p) => !ev.participants.some((q) => q.entity === p.entity)));
      // and the unit the subject is the parent of: "قوة من الفرقة السابعة بالجيش العراقي نفذت": the division too
      const unit = before[before.length - 2];
      if (unit !== undefined && isBody(typeOf(view, unit)) && isBody(typeOf(view, prev))) {
        const gap = spanWords(view, unit.end, leftEdge(prev));
        if (gap.length === 1 && (gap[0] === "ب" || gap[0] === "في")) ev.participants.push({ entity: unit.entity, role: r, start: unit.start, end: unit.end });
      }
    }
  }
  // "قبل أن تفرج عنه": the pronoun after the trigger's preposition is the person just named, the one it is done to
  const lastKey = tokens[m.tokenEnd - 1].key;
  if (m.tokenEnd - m.tokenStart >= 2 && /^عن(ه|ها|هم|هما)$/u.test(lastKey) && entry.after !== undefined && !ev.participants.some((p) => p.role === entry.after)) {
    const a = antecedent(view, s, start, lex.maxAntecedentGap, true);
    if (a) ev.participants.push({ entity: a.entity, role: entry.after, start: a.start, end: a.end });
  }
  ev.during = prevTok !== undefined && readingsIn(prevTok, lex.during);
  ev.consequence = phraseBefore(tokens, s.tokenStart, m.tokenStart, lex.consequence);
}

