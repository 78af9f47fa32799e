/**
 * Types of the statistical NER tagger (issue #9): BIO tags over the ANERcorp entity types, tagged sentences,
 * entity spans over token indices.
 */

/** Entity types of ANERcorp (Benajiba et al. 2007). */
export type NerType = "PERS" | "LOC" | "ORG" | "MISC";

/** The entity types in tag order; `NER_TAGS` is derived from it. */
export const NER_TYPES: readonly NerType[] = ["PERS", "LOC", "ORG", "MISC"];

/**
 * The BIO tag set, in the fixed order used for weight indices: `O`, then `B-X`, `I-X` for every type of
 * {@link NER_TYPES}. Index 0 is `O`; index `1 + 2k` is `B-` and `2 + 2k` is `I-` of type `k`.
 */
export const NER_TAGS: readonly string[] = ["O", ...NER_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];

/** A sentence of surface tokens, with gold tags when it comes from an annotated corpus. */
export interface TaggedSentence {
  tokens: string[];
  /** BIO tags, one per token (same length as `tokens`), or absent for raw text. */
  tags?: string[];
}

/** An entity span over token indices of one sentence: tokens `[start, end)`. */
export interface TokenSpan {
  type: NerType;
  start: number;
  end: number;
}
