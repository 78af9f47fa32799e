/**
 * Tokenisation with character offsets. Words are runs of letters, combining marks, digits, tatweel and ZWNJ
 * (Unicode properties, never `\w`, which is ASCII-only); everything else that is not white space is a one-character
 * punctuation or symbol token. Clitics are not split here: see `clitics.ts`.
 */
import { normalizeKey } from "./normalize.ts";
import type { Token, TokenKind } from "./types.ts";

const TOKEN_RE = /[\p{L}\p{M}\p{Nd}\u0640\u200C\u200D]+(?:[.,٫٬][\p{Nd}]+)*|[^\s\p{L}\p{M}\p{Nd}]/gu;
const IS_NUMBER = /^[\p{Nd}.,٫٬]+$/u;
const IS_PUNCT = /^\p{P}$/u;

/**
 * Splits `text` into tokens. Every token satisfies `text.slice(t.start, t.end) === t.surface`; invisible
 * controls (bidi marks, BOM) are skipped.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const surface = m[0];
    const start = m.index!;
    let kind: TokenKind;
    if (IS_NUMBER.test(surface)) kind = "number";
    else if (/^[\p{L}\p{M}\p{Nd}]/u.test(surface)) kind = "word";
    else if (IS_PUNCT.test(surface)) kind = "punct";
    else {
      if (/^[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u061C]$/u.test(surface)) continue;
      kind = "symbol";
    }
    tokens.push({ surface, start, end: start + surface.length, kind, key: normalizeKey(surface) });
  }
  return tokens;
}
