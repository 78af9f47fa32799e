/**
 * Nominal anaphora within a document (docs/extraction.md, "Resolution"): a definite noun such as الوزارة, المجلس,
 * قيادة العمليات or المحافظة refers back to the latest body or place of the document whose name opens with the
 * same head, bare or definite (وزارة الداخلية، مجلس محافظة كركوك، المفوضية العليا المستقلة للانتخابات) or, for
 * places, has the same kind. The
 * anaphors are data (`graph-data/lexicon/patterns.json`, `anaphors`).
 *
 * An anaphoric mention joins its antecedent's entity (same lexicon entry or label, so resolution gives it the same
 * key) and carries `anaphor: true`: it adds provenance and takes part in relations, but it is never an alias.
 */
import type { AnaphorEntry, Lexicon } from "../lexicon/types.ts";
import { nameKeys } from "../lexicon/trie.ts";
import type { Candidate } from "./candidates.ts";
import { strippedStart, type TokenView } from "./context.ts";
import { isDefiniteAdjective } from "./lexical.ts";

/** Whether candidate `c` (an earlier mention) can be the antecedent of anaphor `a`. */
function antecedentOf(a: AnaphorEntry, c: Candidate, v: TokenView): boolean {
  if (c.roleOnly === true || c.type === "official" || c.type === "person") return false;
  if (a.kind !== undefined) return c.type === "place" && c.entry?.kind === a.kind;
  if (c.type === "place" || a.headKeys === undefined) return false;
  const head = a.headKeys;
  // The head opens the name, bare or with the article (المفوضية العليا المستقلة للانتخابات for المفوضية → مفوضية).
  const opens = (name: string) => {
    const words = nameKeys(name);
    return words.length > head.length && head.every((w, k) => words[k] === w || (k === 0 && words[k] === `ال${w}`));
  };
  // … or any other name of a lexicon entry (التنظيم → داعش, also called تنظيم داعش).
  return opens(v.text.slice(c.start, c.end)) || opens(c.label) || (c.entry !== undefined && (c.entry.names ?? [c.entry.label]).some(opens));
}

/**
 * The anaphoric mention at token `i` (the form may carry proclitics: للوزارة، بالمحافظة), resolved to the latest
 * candidate of `prior` (document order) that fits; null when no anaphor starts here or none fits.
 */
export function anaphorAt(v: TokenView, i: number, limit: number, lexicon: Lexicon, prior: readonly Candidate[]): Candidate | null {
  const m = lexicon.anaphors.longest(v.keys, i, true, limit);
  if (m === null) return null;
  // A head followed by more name words is a name, not an anaphor (القيادة العامة، المجلس الأعلى).
  const next = i + m.length < limit ? v.keys[i + m.length] : null;
  if (next !== null && next !== undefined && isDefiniteAdjective(next, lexicon)) return null;
  for (let k = prior.length - 1; k >= 0; k--) {
    const c = prior[k];
    if (c.start >= v.tokens[i].start) continue;
    if (!m.values.some((a) => antecedentOf(a, c, v))) continue;
    const start = strippedStart(v.tokens[i], m.prefix);
    const end = v.tokens[i + m.length - 1].end;
    const out: Candidate = {
      type: c.type, label: c.label, tokenStart: i, tokenEnd: i + m.length, start, end, sentence: v.sentenceOf[i],
      source: "coreference", confidence: Math.min(c.confidence, 0.7), anaphor: true,
    };
    if (c.entry !== undefined) out.entry = c.entry;
    if (c.en !== undefined) out.en = c.en;
    return out;
  }
  return null;
}
