/**
 * Short and full forms of one person's name read separately in one document (docs/extraction.md, "Resolution"):
 * a two-word name that is the first and last word of exactly one longer name (سالم الدليمي → سالم حمد الدليمي),
 * then a one-word family name, with or without the article, that ends exactly one name (الدليمي). Two persons who
 * share a family name (brothers) keep their names: the family name alone then joins neither.
 */
import { nameKeys } from "../lexicon/trie.ts";

const bareFamily = (w: string) => w.replace(/^ال/u, "");

/**
 * For names given as display strings, the full name each short form stands for (normalised word keys joined by
 * one space → the same for its host). Names that are no short form of exactly one other are not in the map.
 */
export function shortFormHosts(names: readonly string[]): Map<string, string> {
  const keyOf = new Map<string, string[]>();
  for (const n of names) {
    const words = nameKeys(n);
    if (words.length > 0) keyOf.set(words.join(" "), words);
  }
  const host = new Map<string, string>();
  for (const size of [2, 1]) {
    const standing = [...keyOf].filter(([k]) => !host.has(k));
    for (const [k, words] of standing) {
      if (words.length !== size) continue;
      const hosts = standing.filter(([h, ws]) => h !== k && ws.length > size && (size === 2
        ? ws[0] === words[0] && ws[ws.length - 1] === words[1]
        : bareFamily(ws[ws.length - 1]) === bareFamily(words[0])));
      if (hosts.length === 1) host.set(k, hosts[0][0]);
    }
  }
  return host;
}
