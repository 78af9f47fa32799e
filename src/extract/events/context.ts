/**
 * What the words around a trigger say about its event (docs/extraction.md, "Events"): a place fronted before the
 * clause (وفي السليمانية، …), a blocker governing the trigger (لبحث تشكيل، هددت … باستهداف), a date right before
 * it, a country adjective after an attack noun (القصف الإيراني → Iran, the perpetrator), and the places of a
 * relative clause describing the trigger noun (القصف الذي طال قرى في ناحية X).
 */
import type { EntityType } from "../../graph/schema.ts";
import type { TriggerLexicon } from "../../lexicon/triggers.ts";
import type { DateMention } from "../../text/dates.ts";
import { cachedKey as normalizeKey } from "../keys.ts";
import type { Mention } from "../types.ts";
import { type DocView, type SentenceView, leftEdge, spanWords, tokenInMention, typeOf } from "../relations/view.ts";
import { matchAnyAt, tokenReadings } from "../relations/words.ts";
import type { Argument } from "./mentions.ts";

export const HARD = /["«»:()\[\]؛;]/u;
/** Tokens a backward date may lie from the trigger. */
const DATE_BEFORE = 5;
/** Tokens after an attack noun in which a country adjective is read (بقصف لطائرة مسيرة تركية). */
const ADJECTIVE_REACH = 4;

/**
 * A place fronted before the sentence's clause ("وفي السليمانية، أعلنت …"): where the events of the sentence that
 * name no place of their own happened. Undefined when the sentence does not open so.
 */
export function frontedPlace(view: DocView, s: SentenceView): Mention | undefined {
  const m = s.mentions[0];
  if (m === undefined || typeOf(view, m) !== "place") return undefined;
  const lead = spanWords(view, s.start, m.start);
  if (lead.length !== 1 || (lead[0] !== "في" && lead[0] !== "وفي")) return undefined;
  return /^\s*[،,]/u.test(view.text.slice(m.end, m.end + 3)) ? m : undefined;
}

/**
 * True when a blocker governs the trigger at token `trigger` (لبحث تشكيل، هددت X وY باستهداف): walking back, only
 * mentions, dates, glue words (أن، يتم) and a ب written on the trigger stand between; hard punctuation stops.
 */
export function blocked(view: DocView, s: SentenceView, lex: TriggerLexicon, trigger: number, dates: readonly DateMention[]): boolean {
  if (lex.blockers.length === 0) return false;
  const tokens = view.analysis.tokens;
  for (let k = trigger - 1; k >= Math.max(s.tokenStart, trigger - lex.blockerReach); k--) {
    const t = tokens[k];
    if (t.kind === "punct") {
      if (HARD.test(t.surface)) return false;
      continue;
    }
    // a token a mention overlaps (وعصائب: the conjunction is outside the name) belongs to the mention
    if (t.kind !== "word" || tokenInMention(view, k) || s.mentions.some((x) => t.end > x.start && t.start < x.end)) continue;
    if (dates.some((d) => d.start <= t.start && d.end >= t.end)) continue;
    if (matchAnyAt(tokens, k, lex.blockers, trigger)) return true;
    if (!lex.blockerGlue.has(t.key)) return false;
  }
  return false;
}

/**
 * A date written right before the trigger in the same clause ("انطلقت فجر اليوم الأحد عملية"، "أعلنت الخلية،
 * الأحد، اعتقال"): at most a few tokens back, with no hard punctuation, clause break or other trigger between.
 */
export function dateBefore(view: DocView, s: SentenceView, lex: TriggerLexicon, trigger: number, dates: readonly DateMention[]): DateMention | undefined {
  const tokens = view.analysis.tokens;
  const from = Math.max(s.tokenStart, trigger - DATE_BEFORE);
  for (let k = trigger - 1; k >= from; k--) {
    const t = tokens[k];
    if (t.kind === "punct" && HARD.test(t.surface)) return undefined;
    if (t.kind === "word" && matchAnyAt(tokens, k, lex.windowBreaks, trigger)) return undefined;
    const d = dates.find((x) => x.value !== undefined && x.start <= t.start && x.end >= t.end);
    if (d) return d;
  }
  return undefined;
}

/** Stems of a nisba adjective (الإيرانية → ايران، تركية → ترك) to compare with a country's name. */
function nisbaStem(key: string): string | undefined {
  const bare = key.startsWith("ال") ? key.slice(2) : key;
  const stem = bare.replace(/(يه|يون|يين|ي)$/u, "");
  return stem !== bare && stem.length >= 3 ? stem : undefined;
}

/**
 * The country a nisba adjective right after an attack noun names ("القصف المدفعي الإيراني"، "بقصف لطائرة مسيرة
 * تركية"), when the document names that country: an argument in `role`, or undefined.
 */
export function countryAdjectiveAfter(view: DocView, s: SentenceView, tokenEnd: number, role: Argument["role"]): Argument | undefined {
  const countries = view.analysis.entities.filter((e) => e.type === "place" && e.lexiconId?.startsWith("country.") === true);
  if (countries.length === 0) return undefined;
  const tokens = view.analysis.tokens;
  for (let k = tokenEnd; k < Math.min(s.tokenEnd, tokenEnd + ADJECTIVE_REACH); k++) {
    const t = tokens[k];
    if (t.kind !== "word" || tokenInMention(view, k)) return undefined;
    const stem = nisbaStem(t.key);
    if (stem === undefined) continue;
    const hit = countries.find((c) => [c.label, ...c.aliases].some((n) => {
      const key = normalizeKey(n);
      return key === stem || key === `${stem}ا` || key === `${stem}يا` || key === `ال${stem}`;
    }));
    if (hit !== undefined) return { entity: hit.id, role, start: t.start, end: t.end };
  }
  return undefined;
}

/**
 * The places of a relative clause that describes the trigger noun ("القصف … الذي طال … قرى في ناحية بيارة"): when the
 * window ended at a relative pronoun and no trigger opens the clause, the places up to the clause's end (the next
 * hard punctuation, clause break or trigger), unless introduced by a word that excludes places.
 */
export function relativeClausePlaces(view: DocView, s: SentenceView, lex: TriggerLexicon, windowEnd: number, nextTrigger: number,
  excluded: (m: Mention) => boolean): Argument[] {
  const tokens = view.analysis.tokens;
  const rel = tokens[windowEnd];
  if (rel === undefined || windowEnd >= s.tokenEnd || windowEnd + 1 >= nextTrigger || rel.kind !== "word" ||
    !tokenReadings(rel).some((r) => lex.relativeSingular.has(r))) return [];
  let end = Math.min(s.tokenEnd, nextTrigger, windowEnd + 1 + lex.maxWindow);
  for (let k = windowEnd + 1; k < end; k++) {
    const t = tokens[k];
    if ((t.kind === "punct" && HARD.test(t.surface)) || (t.kind === "word" && !tokenInMention(view, k) && matchAnyAt(tokens, k, lex.windowBreaks, s.tokenEnd))) {
      end = k;
      break;
    }
  }
  const to = end > windowEnd + 1 ? tokens[end - 1].end : rel.end;
  return s.mentions.filter((m) => typeOf(view, m) === ("place" satisfies EntityType) && leftEdge(m) > rel.end && m.end <= to && !excluded(m))
    .map((m) => ({ entity: m.entity, start: m.start, end: m.end }));
}
