/**
 * Titles written after a person's name (docs/extraction.md, "Persons"): an accusative title (انتخاب ريبوار طه
 * محافظا لكركوك، تعيين X قائدا للفرقة) or an apposition after a comma (وقال فؤاد حسين، وزير الخارجية، إن …). Either
 * makes the name an official's and gives the title, with the body it names, as for a title before the name.
 */
import type { Lexicon } from "../lexicon/types.ts";
import type { Candidate, TitleSpan } from "./candidates.ts";
import { strippedStart, type TokenView } from "./context.ts";
import { bodyAt, readName, titleChain } from "./persons.ts";

/** A title after a name: the title spans, the bodies they name, and the token where reading resumes. */
export interface PostTitle {
  titles: TitleSpan[];
  bodies: Candidate[];
  end: number;
}

const isComma = (v: TokenView, k: number) => v.tokens[k]?.kind === "punct" && /^[،,]$/u.test(v.tokens[k].surface);

/**
 * The title written right after a name ending before token `j`, or null. An apposition must be a functional title
 * (kind `title`, not a rank or honorific) and must not be followed by another name (then it introduces that
 * name: "التقى X، رئيس الهيئة Y").
 */
export function postTitleAt(v: TokenView, j: number, limit: number, lexicon: Lexicon, prior: readonly Candidate[]): PostTitle | null {
  if (j >= limit) return null;
  const m = lexicon.postTitles.longest(v.keys, j, false, limit);
  if (m !== null) {
    const entry = m.values[0];
    let k = j + m.length;
    let body: Candidate | undefined;
    if (entry.body !== undefined) {
      const b = bodyAt(v, k, limit, lexicon, entry.body === "place", prior);
      if (b !== null) {
        body = b;
        k = b.tokenEnd;
      }
    }
    const span: TitleSpan = {
      entry, start: strippedStart(v.tokens[j], m.prefix), end: v.tokens[k - 1].end, tokenStart: j, tokenEnd: k, body, extraBodies: [],
    };
    return { titles: [span], bodies: body !== undefined ? [body] : [], end: k };
  }
  if (!isComma(v, j)) return null;
  const chain = titleChain(v, j + 1, limit, lexicon, prior);
  if (chain === null || chain.titles[0].entry.kind !== "title") return null;
  if (chain.end < limit && v.keys[chain.end] !== null && readName(v, chain.end, limit, lexicon) > 0) return null;
  const bodies = chain.titles.flatMap((t) => [...(t.body !== undefined ? [t.body] : []), ...(t.extraBodies ?? [])]);
  return { titles: chain.titles, bodies, end: chain.end };
}

/**
 * A name of two words or more (or one family-like word: الجبوري) with no title before it but a title after it.
 * Returns the candidates (the official, then the bodies the title names) and where reading resumes, or null.
 */
export function postTitledNameAt(v: TokenView, i: number, limit: number, lexicon: Lexicon, prior: readonly Candidate[]): { candidates: Candidate[]; end: number } | null {
  // Quick test: a comma or an accusative title must follow within a name's length.
  let near = false;
  for (let k = i + 1; k <= Math.min(limit - 1, i + 5) && !near; k++) {
    const key = v.keys[k];
    near = isComma(v, k) || (key !== null && lexicon.postTitles.hasFirst(key));
  }
  if (!near) return null;
  const len = readName(v, i, limit, lexicon);
  if (len === 0) return null;
  for (let n = len; n >= 1; n--) {
    const last = v.keys[i + n - 1]!;
    if (n === 1 && !(last.startsWith("ال") && (lexicon.familyNames.has(last) || /(ي|اوي|ائي)$/.test(last)))) continue;
    const post = postTitleAt(v, i + n, limit, lexicon, prior);
    if (post === null) continue;
    const start = v.tokens[i].start;
    const end = v.tokens[i + n - 1].end;
    const person: Candidate = {
      type: "official", label: v.text.slice(start, end), tokenStart: i, tokenEnd: i + n, start, end,
      sentence: v.sentenceOf[i], source: "title", confidence: 0.8, titles: post.titles,
    };
    return { candidates: [person, ...post.bodies], end: post.end };
  }
  return null;
}

/** Gives a person candidate read before the titles after it (type official, the titles appended). */
export function withPostTitle(person: Candidate, post: PostTitle): Candidate[] {
  person.type = "official";
  person.titles = [...(person.titles ?? []), ...post.titles];
  if (person.source === "name") person.source = "title";
  person.confidence = Math.max(person.confidence, 0.8);
  return [person, ...post.bodies];
}
