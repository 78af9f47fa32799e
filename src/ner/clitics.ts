/**
 * Proclitic stripping for NER features and span mapping — a small local stand-in until the text layer's
 * clitic segmentation (`src/text/clitics.ts`) lands. Works on normalised keys (`normalizeKey`).
 *
 * Arabic attaches the conjunctions و ف, the prepositions ب ك ل and the article ال to the following word
 * (ANERcorp keeps them attached: `بالعراق` is tagged LOC). Before the article the split is safe; without it the
 * first letter may belong to the stem (وليد، بشار، لبنان), so that split is only offered as a *candidate*.
 */

/** The proclitic analysis of one key. */
export interface CliticSplit {
  /** Proclitic letters removed before the article (e.g. `وب` in `وبالعراق`), `""` when none. */
  prefix: string;
  /** The word from its article on (`العراق`), or the key itself when no article follows a proclitic. */
  stem: string;
  /** The stem without the article (`عراق`), or the key when it has no article. */
  bare: string;
  /** One conjunction/preposition letter stripped when no article follows (`سوريا` from `وسوريا`), else `""`. */
  candidate: string;
  /** Number of key characters before `stem` (counts the ل of `لل` = ل + ال). */
  stemOffset: number;
}

const DEFINITE = /^([وف]?[بكل]?)ال(..+)$/u;
const LIL = /^([وف]?)لل(..+)$/u;
const SINGLE = /^([وفبكل])(...+)$/u;
const DOUBLE = /^([وف][بكل])(...+)$/u;

/**
 * Splits proclitics off a normalised key. `لل` + stem is read as ل + ال + stem (للامم → الامم, offset 1).
 * Keys shorter than four characters are returned unchanged.
 */
export function splitProclitics(key: string): CliticSplit {
  if (key.length >= 4) {
    const lil = LIL.exec(key);
    if (lil !== null) {
      const prefix = `${lil[1]}ل`;
      return { prefix, stem: `ال${lil[2]}`, bare: lil[2], candidate: "", stemOffset: prefix.length };
    }
    const def = DEFINITE.exec(key);
    if (def !== null) {
      return { prefix: def[1], stem: `ال${def[2]}`, bare: def[2], candidate: "", stemOffset: def[1].length };
    }
    const dbl = DOUBLE.exec(key);
    if (dbl !== null) return { prefix: "", stem: key, bare: key, candidate: dbl[2], stemOffset: 0 };
    const one = SINGLE.exec(key);
    if (one !== null) return { prefix: "", stem: key, bare: key, candidate: one[2], stemOffset: 0 };
  }
  return { prefix: "", stem: key, bare: key, candidate: "", stemOffset: 0 };
}
