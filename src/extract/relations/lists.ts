/**
 * Coordination ("محافظات بابل والديوانية والمثنى") and clause boundaries: relations found for one member of a
 * list distribute over every member.
 */
import type { EntityType } from "../../graph/schema.ts";
import type { Phrase } from "../../lexicon/cues.ts";
import type { Mention } from "../types.ts";
import { type DocView, type SentenceView, isBody, isPerson, leftEdge, spanWords, tokenIndexAt, typeOf } from "./view.ts";
import { designatorStages, hasHardPunctuation, matchAnyAt } from "./words.ts";

/**
 * True when mention `b` follows `a` as the next member of a coordination: only و, a comma, or a designator
 * (ومحافظة، والعاصمة …) between them.
 */
export function coordinated(view: DocView, a: Mention, b: Mention, designators: ReadonlySet<string>): boolean {
  const from = a.end;
  const to = leftEdge(b);
  if (to < from || hasHardPunctuation(view.text, from, to)) return false;
  let words = spanWords(view, from, to);
  if (words.length === 0) return /[،,]/u.test(view.text.slice(from, to));
  // "وعناصر من X", "وقطعات من X": a member word with من opens the member too
  if (words.length >= 2 && words[words.length - 1] === "من") words = words.slice(0, -1);
  return designatorStages(words, designators).some((st) => st.length === 1 && st[0] === "و");
}

/** Indices of the list members to the left of mention `i` (nearest first), of the allowed types. */
export function listLeft(view: DocView, s: SentenceView, i: number, types: ReadonlySet<EntityType>, designators: ReadonlySet<string>): number[] {
  const out: number[] = [];
  for (let j = i - 1; j >= 0; j--) {
    const m = s.mentions[j];
    if (!types.has(typeOf(view, m)) || !coordinated(view, m, s.mentions[j + 1], designators)) break;
    out.push(j);
  }
  return out;
}

/** Indices of mention `i` and the list members that follow it, of the allowed types. */
export function listRight(view: DocView, s: SentenceView, i: number, types: ReadonlySet<EntityType>, designators: ReadonlySet<string>): number[] {
  const out = [i];
  for (let j = i + 1; j < s.mentions.length; j++) {
    const m = s.mentions[j];
    if (!types.has(typeOf(view, m)) || !coordinated(view, s.mentions[j - 1], m, designators)) break;
    out.push(j);
  }
  return out;
}

/**
 * Offset where the clause holding `offset` starts: after the last clause break (فيما، بينما، لكن …) or hard
 * punctuation (quotation, colon, bracket) before it in the sentence, else the sentence start.
 */
export function clauseStart(view: DocView, s: SentenceView, offset: number, breaks: readonly Phrase[]): number {
  const tokens = view.analysis.tokens;
  const last = tokenIndexAt(view, offset);
  for (let j = Math.min(last, s.tokenEnd) - 1; j >= s.tokenStart; j--) {
    const t = tokens[j];
    if (t.kind === "punct" && /[.:;؛"«»()]/u.test(t.surface)) return t.end;
    const m = matchAnyAt(tokens, j, breaks, s.tokenEnd);
    if (m && tokens[m.tokenEnd - 1].end <= offset) return tokens[m.tokenEnd - 1].end;
  }
  return s.start;
}

const COMPLEMENTIZERS = new Set(["ان", "إن", "أن"]);

/**
 * The speaker of a reported clause starting at `from` — "وأضاف X أن "…"", "وذكر الجهاز في بيان … أن "…"": when the
 * clause follows أن / إن or a quotation mark, the first person or body of the sentence before it. Null otherwise.
 */
export function clauseSpeaker(view: DocView, s: SentenceView, from: number): Mention | undefined {
  const tokens = view.analysis.tokens;
  const k = tokenIndexAt(view, from);
  let reported = false;
  for (let j = k - 1; j >= Math.max(s.tokenStart, k - 2) && !reported; j--) {
    const t = tokens[j];
    reported = (t.kind === "punct" && /["«»]/u.test(t.surface)) || (t.kind === "word" && COMPLEMENTIZERS.has(t.key));
  }
  if (!reported) return undefined;
  return s.mentions.find((m) => m.end <= from && (isPerson(typeOf(view, m)) || isBody(typeOf(view, m))));
}
