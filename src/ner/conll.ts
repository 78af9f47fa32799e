/**
 * Reading the ANERcorp CAMeL Lab split format: one `token TAG` per line, a blank line between sentences
 * (../shared/ner/anercorp-camellab/README.txt). Pure: takes the file's text, returns sentences.
 */
import { DataError } from "../errors.ts";
import { NER_TAGS, type TaggedSentence } from "./types.ts";

const TAG_SET = new Set(NER_TAGS);

/**
 * Parses CoNLL-style text into tagged sentences. Lines are split on the last run of white space so a token
 * never loses characters; blank lines end sentences; CR is ignored.
 * @param text the whole file.
 * @param origin file name for error messages.
 * @throws DataError on a line without a tag or with a tag outside {@link NER_TAGS} (the message names the line).
 */
export function parseConll(text: string, origin = "<conll>"): TaggedSentence[] {
  const out: TaggedSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (tokens.length > 0) out.push({ tokens, tags });
    tokens = [];
    tags = [];
  };
  const lines = text.split("\n");
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].replace(/\r$/u, "");
    if (line.trim() === "") {
      flush();
      continue;
    }
    const m = /^(.*\S)\s+(\S+)\s*$/u.exec(line);
    if (m === null) throw new DataError(`parseConll: line ${n + 1} of "${origin}" has no tag: "${line}".`);
    if (!TAG_SET.has(m[2])) {
      throw new DataError(`parseConll: line ${n + 1} of "${origin}" has unknown tag "${m[2]}" (expected one of ${NER_TAGS.join(", ")}).`);
    }
    tokens.push(m[1]);
    tags.push(m[2]);
  }
  flush();
  return out;
}
