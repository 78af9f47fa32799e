/**
 * Sentence splitting with offsets: on . ! ? ؟ … and line breaks, not inside numbers (3.5) or repeated dots
 * that continue a sentence inside a quotation.
 */
import type { Sentence } from "./types.ts";

/**
 * Splits `text` into sentences; each is trimmed and carries `[start, end)` offsets into `text`.
 * Empty lines yield no sentence.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/u.test(text[s])) s++;
    while (e > s && /\s/u.test(text[e - 1])) e--;
    if (e > s) out.push({ index: out.length, start: s, end: e, text: text.slice(s, e) });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\n") {
      push(i);
      start = i + 1;
    } else if (ch === "." || ch === "!" || ch === "?" || ch === "؟") {
      const prev = text[i - 1] ?? "";
      const next = text[i + 1] ?? "";
      if (ch === "." && /\p{Nd}/u.test(prev) && /\p{Nd}/u.test(next)) continue;
      if (ch === "." && next === ".") continue;
      let j = i + 1;
      while (j < text.length && /["”»'’)\]]/u.test(text[j])) j++;
      if (j < text.length && !/\s/u.test(text[j])) continue;
      push(j);
      start = j;
      i = j - 1;
    }
  }
  push(text.length);
  return out;
}
