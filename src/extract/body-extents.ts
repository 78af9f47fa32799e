/**
 * Body extents beyond the head + complement of a pattern (docs/extraction.md, "Mentions", 2):
 *
 * - an abbreviation in brackets right after a body ("شركة تسويق النفط (سومو)") is another name of that body: an
 *   alias mention, never a node of its own (nor a place);
 * - a generic unit of a lexicon body followed by ل + a named force ("القوات البرية للحرس الثوري") is a unit of that
 *   force: one body named by both, the force its parent (PART_OF by the construct rule);
 * - an ordinal unit with no named parent ("الفوج الثالث"، "اللواء الثاني") is no node: nothing names which one.
 */
import type { Lexicon } from "../lexicon/types.ts";
import type { Candidate } from "./candidates.ts";
import type { TokenView } from "./context.ts";
import { lexiconAt } from "./lexical.ts";

const BODY = new Set(["ministry", "force", "organization"]);

/** The alias mention of `(ABBR)` right after body `c` (one word in brackets), or null. */
export function abbreviationAlias(v: TokenView, c: Candidate, limit: number, lexicon: Lexicon, owner: Candidate = c): Candidate | null {
  if (!BODY.has(c.type) || !BODY.has(owner.type)) return null;
  const k = c.tokenEnd;
  const open = v.tokens[k];
  const word = v.tokens[k + 1];
  const close = v.tokens[k + 2];
  if (k + 2 >= limit || open?.kind !== "punct" || open.surface !== "(" || word?.kind !== "word" || close?.kind !== "punct" || close.surface !== ")") return null;
  const key = v.keys[k + 1];
  if (key === null || key === undefined || key.length < 2) return null;
  // a known name in brackets is that name (a place, another body), not an abbreviation of this one — except after
  // an international body, whose abbreviation written in Arabic may spell a town (الفاو: FAO, also a district of
  // Basra); a country or governorate there is still a place
  const known = lexiconAt(v, k + 1, k + 2, lexicon, { weakOk: true, ambiguousOk: true });
  const own = (owner.entry?.id.startsWith("intl.") ?? false) && (known === null || (known.type === "place" &&
    known.entry !== undefined && !["country", "governorate"].includes(known.entry.kind)));
  if (key.startsWith("ال") && !own) return null;
  if (known !== null && known.entry !== owner.entry && !own) return null;
  return {
    type: owner.type, label: owner.label, tokenStart: k + 1, tokenEnd: k + 2, start: word.start, end: word.end, sentence: c.sentence,
    ...(owner.entry !== undefined ? { entry: owner.entry } : {}), source: "alias", confidence: owner.confidence, ...(owner.en !== undefined ? { en: owner.en } : {}),
  };
}

/**
 * The body an abbreviation after body `c` belongs to: the body before it when `c` is its parent after التابعة لـ
 * ("منظمة الأغذية والزراعة التابعة للأمم المتحدة (الفاو)": FAO's), else `c`.
 */
export function abbreviationOwner(v: TokenView, c: Candidate, before: readonly Candidate[]): Candidate {
  const prev = before[before.length - 1];
  if (prev === undefined || !BODY.has(prev.type) || prev.tokenEnd + 1 !== c.tokenStart) return c;
  const between = v.keys[prev.tokenEnd];
  return (between === "التابعه" || between === "التابع") && /^ل/u.test(v.keys[c.tokenStart] ?? "") ? prev : c;
}

/**
 * "القوات البرية للحرس الثوري": when body `c` was matched by one of its entry's other names (a generic unit name)
 * and ل + a force of another lexicon entry follows, the unit of that force — a new body named by both words — and
 * the force. Returns the two candidates, or null.
 */
export function unitOfParent(v: TokenView, c: Candidate, limit: number, lexicon: Lexicon): Candidate[] | null {
  if (c.type !== "force" || c.entry === undefined || c.tokenEnd >= limit) return null;
  const written = v.text.slice(c.start, c.end);
  if (written === c.entry.label) return null;
  const k = c.tokenEnd;
  const key = v.keys[k];
  if (key === null || key === undefined || !key.startsWith("لل")) return null;
  const parent = lexiconAt(v, k, limit, lexicon);
  if (parent === null || parent.type !== "force" || parent.entry === undefined || parent.entry.id === c.entry.id || parent.tokenStart !== k) return null;
  const label = v.text.slice(c.start, parent.end);
  // the parent's name as the unit's name ends with it, the article restored (للحرس الثوري → الحرس الثوري)
  const written2 = v.text.slice(parent.start, parent.end);
  if (written2.startsWith("ل") && !written2.startsWith("ال")) parent.extraAliases = [...(parent.extraAliases ?? []), `ا${written2}`];
  const unit: Candidate = {
    type: "force", label, tokenStart: c.tokenStart, tokenEnd: parent.tokenEnd, start: c.start, end: parent.end, sentence: c.sentence,
    source: "pattern", confidence: 0.7,
    en: { text: `${c.entry.en} of the ${parent.entry.en}`, source: "lexicon" },
  };
  return [unit, parent];
}

/**
 * True when the ordinal unit ending at token `end` has no named parent after it: no force (lexicon or pattern)
 * right after it, after في / من / التابع(ة) لـ, or as a ل-genitive.
 */
export function unitWithoutParent(v: TokenView, end: number, limit: number, lexicon: Lexicon, bodyAt: (k: number) => Candidate | null): boolean {
  let k = end;
  const key = v.keys[k];
  if (k >= limit || key === null || key === undefined) return true;
  if (key === "في" || key === "من") k++;
  else if (key === "التابع" || key === "التابعه") k++;
  const at = k < limit ? bodyAt(k) : null;
  return at === null || at.type !== "force" || at.tokenStart !== k;
}
