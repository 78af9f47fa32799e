/**
 * A unigram profile of Arabic news text, to tell a right code-page decoding from a wrong one: counts of the
 * non-ASCII characters of the ANERcorp training set (CAMeL Lab release, /work/shared/ner/anercorp-camellab;
 * 543,538 non-ASCII characters, 99.9 % of them in the Arabic block). Characters not listed get a floor
 * probability of 1e-5 — Latin letters with accents, symbols, Urdu letters that a wrong code page produces.
 */

const TOTAL = 543538;
const COUNTS: Readonly<Record<string, number>> = {
  "ا": 84118, "ل": 62183, "ي": 42895, "م": 33358, "و": 29587, "ن": 29226, "ر": 26578, "ت": 23604, "ب": 19005,
  "ة": 17063, "ع": 16949, "د": 16563, "ف": 13939, "س": 13848, "ه": 12744, "ق": 12208, "ك": 9868, "ح": 9353,
  "أ": 9110, "ج": 7783, "ش": 5386, "ط": 4983, "ص": 4819, "ى": 4047, "خ": 4026, "إ": 3789, "ز": 3440, "ض": 3387,
  "ذ": 3151, "ث": 3147, "،": 2804, "ئ": 2394, "غ": 2354, "ء": 1643, "ظ": 1075, "ؤ": 613, "آ": 566, "\u064B": 523,
  "»": 302, "«": 296, "\u0651": 273, "\u0640": 235, "؟": 88, "\u064F": 65, "\u064E": 37, "\u064D": 27, "\u0650": 25,
  "؛": 12, "\u0652": 12, "\u064C": 9,
};
const FLOOR = Math.log(1e-5);
const LOG_P = new Map(Object.entries(COUNTS).map(([ch, n]) => [ch, Math.log(n / TOTAL)]));

/** Mean natural-log probability per non-ASCII character of `text` under the profile; -Infinity when it has none. */
export function arabicLogLikelihood(text: string): { mean: number; chars: number } {
  let sum = 0;
  let chars = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    sum += LOG_P.get(ch) ?? FLOOR;
    chars++;
  }
  return { mean: chars === 0 ? -Infinity : sum / chars, chars };
}

/**
 * Lowest mean log-probability accepted as Arabic. The seed article scores −3.05 (the profile's entropy is about
 * −3.1); measured on it, windows-1256 bytes read as ISO-8859-6 score −4.56, ISO-8859-6 bytes read as windows-1256
 * −4.65, UTF-8 bytes read as windows-1256 −8.4, and Latin-1 French read as ISO-8859-6 −5.9.
 */
export const ARABIC_MIN_MEAN = -4.2;
