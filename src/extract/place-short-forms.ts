/**
 * Coreference of a keyword place and its bare name (docs/extraction.md, "Mentions"): "منفذ الشلامجة الحدودي" and,
 * later, "الشلامجة" alone are one place. The bare name — the words after the keyword, when the lexicon does not
 * know them as a name of their own (مطار أربيل is not أربيل) — is searched at tokens no mention covers; each hit
 * becomes an alias mention of the keyword place.
 */
import type { Lexicon } from "../lexicon/types.ts";
import { nameKeys } from "../lexicon/trie.ts";
import type { Candidate } from "./candidates.ts";
import { strippedStart, type TokenView } from "./context.ts";

/** Proclitics a bare name may carry, in the order they are tried. */
const PROCLITICS = ["", "و", "ب", "ل", "وب", "ول"];

/** `found` plus bare-name mentions of its keyword places, in text order. */
export function addPlaceShortForms(v: TokenView, lexicon: Lexicon, found: Candidate[]): Candidate[] {
  const forms = new Map<string, Candidate | null>();
  for (const c of found) {
    if (c.type !== "place" || c.source !== "pattern" || c.entry !== undefined) continue;
    const head = lexicon.patterns.longest(v.keys, c.tokenStart, true, c.tokenEnd);
    if (head === null || head.values[0].label !== "full" || head.values[0].place !== true) continue;
    const from = c.tokenStart + head.length;
    let to = c.tokenEnd;
    // without the adjective the full name took (الحدودي، الدولي)
    if (to - from >= 2 && (v.keys[to - 1] ?? "").startsWith("ال")) to--;
    if (to - from < 1 || to - from > 2) continue;
    const keys = v.keys.slice(from, to);
    if (keys.some((k) => k === null || k.length < 3) || lexicon.names.longest(keys as string[], 0, true) !== null) continue;
    const form = keys.join(" ");
    if (lexicon.words.commonWords.has(form) || lexicon.words.functionWords.has(form) || lexicon.firstNames.has(form)) continue;
    const seen = forms.get(form);
    forms.set(form, seen === undefined || seen?.label === c.label ? c : null);
  }
  if (forms.size === 0) return found;
  // a bare name the tagger already read as a place of its own is the keyword place too
  found = found.map((c) => {
    if (c.source !== "ner" || c.type !== "place") return c;
    const place = forms.get(nameKeys(c.label).join(" "));
    return place === undefined || place === null ? c : { ...place, tokenStart: c.tokenStart, tokenEnd: c.tokenEnd, start: c.start, end: c.end, sentence: c.sentence, source: "alias", extraAliases: [] };
  });
  const covered = new Uint8Array(v.tokens.length);
  for (const c of found) for (let k = c.tokenStart; k < c.tokenEnd; k++) covered[k] = 1;
  const extra: Candidate[] = [];
  for (const [form, place] of forms) {
    if (place === null) continue;
    const want = nameKeys(form);
    // the first word with each proclitic, built once per form (not per token)
    const firsts = PROCLITICS.map((p) => p + want[0]);
    for (let i = 0; i + want.length <= v.tokens.length; i++) {
      let prefix = -1;
      for (let f = 0; f < PROCLITICS.length; f++) {
        const p = PROCLITICS[f];
        const k0 = v.keys[i];
        if (k0 === null || k0 !== firsts[f]) continue;
        let ok = true;
        for (let q = 1; q < want.length && ok; q++) ok = v.keys[i + q] === want[q];
        if (ok) prefix = p.length;
      }
      if (prefix < 0) continue;
      let free = true;
      for (let k = i; k < i + want.length; k++) if (covered[k] === 1 || v.sentenceOf[k] !== v.sentenceOf[i]) free = false;
      if (!free) continue;
      const start = strippedStart(v.tokens[i], prefix);
      const end = v.tokens[i + want.length - 1].end;
      extra.push({ ...place, tokenStart: i, tokenEnd: i + want.length, start, end, sentence: v.sentenceOf[i], source: "alias", extraAliases: [] });
      for (let k = i; k < i + want.length; k++) covered[k] = 1;
    }
  }
  return extra.length === 0 ? found : [...found, ...extra].sort((a, b) => a.start - b.start || a.end - b.end);
}
