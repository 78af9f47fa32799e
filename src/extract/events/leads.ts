/**
 * The words between an event trigger (or the previous argument) and the next mention — the "lead" — reduced to
 * what decides the mention's role: dates, ranks and titles, designators (محافظة، قضاء), words standing for a
 * body's members ("عناصر من"، "قادة"، "قوة من"), counts ("خمسة"، "جنديان"، "ثلاثة من") and copulas ("هما") are
 * stripped, so "اعتقال خمسة عناصر من تنظيم داعش" reads like "اعتقال تنظيم داعش" and "نفذتها قوة من الفرقة" like
 * "نفذتها الفرقة". Word lists: `graph-data/lexicon/triggers.json` and `cues.json`.
 */
import type { Phrase } from "../../lexicon/cues.ts";
import type { TriggerLexicon } from "../../lexicon/triggers.ts";
import { type DocView, spanWords } from "../relations/view.ts";
import { designatorStages, endsWith, keyReadings } from "../relations/words.ts";
import type { DateMention } from "../../text/dates.ts";

/** Words that may stand between a trigger and an argument without making it a different phrase. */
export interface LeadWords {
  designators: ReadonlySet<string>;
  descriptors: ReadonlySet<string>;
}

/** Normalised words between two offsets with the words of dates left out. */
export function leadWords(view: DocView, from: number, to: number, dates: readonly DateMention[]): string[] {
  const inside = dates.filter((d) => d.end > from && d.start < to);
  if (inside.length === 0) return spanWords(view, from, to);
  return spanWords(view, from, to, (t) => inside.some((d) => d.start < t.end && d.end > t.start));
}

const PROCLITICS = ["و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل"];

/**
 * Removes `phrase` from the end of `words`; the first word of the phrase may carry a proclitic, which is kept
 * (بقادة → ب). Returns the shortened words or null when the phrase does not end them.
 */
function stripEnd(words: string[], phrase: Phrase): string[] | null {
  if (phrase.length === 0 || phrase.length > words.length) return null;
  const off = words.length - phrase.length;
  for (let k = 1; k < phrase.length; k++) if (words[off + k] !== phrase[k]) return null;
  const first = words[off];
  if (first === phrase[0]) return words.slice(0, off);
  for (const p of PROCLITICS) {
    if (first === p + phrase[0]) return [...words.slice(0, off), p];
  }
  return null;
}

const isNumber = (w: string) => /^\p{Nd}+$/u.test(w);

const BY_LAST = new WeakMap<TriggerLexicon, Map<string, Phrase[]>>();

/** Representative phrases by their last word (once per lexicon), longest first. */
function representativesByLast(lex: TriggerLexicon): Map<string, Phrase[]> {
  let m = BY_LAST.get(lex);
  if (m === undefined) {
    m = new Map();
    for (const r of [...lex.representatives].sort((a, b) => b.length - a.length)) {
      const k = r[r.length - 1];
      if (!m.has(k)) m.set(k, []);
      m.get(k)!.push(r);
    }
    BY_LAST.set(lex, m);
  }
  return m;
}

/**
 * The lead reduced to its role-deciding words (see the module comment). `words` come from {@link leadWords}.
 */
export function leadCore(words: readonly string[], lex: TriggerLexicon, lw: LeadWords): string[] {
  if (words.length === 0) return [];
  const stages = designatorStages(words, lw.designators);
  let core = stages[stages.length - 1].filter((w) => !lw.descriptors.has(w) && !lex.copulas.has(w));
  const byLast = representativesByLast(lex);
  for (let guard = 0; guard < 6 && core.length > 0; guard++) {
    let next: string[] | null = null;
    const last = core[core.length - 1];
    for (const r of byLast.get(last) ?? byLast.get(last.replace(/^(?:[وف]?[بلك]?|[وف])/u, "")) ?? []) {
      next = stripEnd(core, r);
      if (next !== null) break;
    }
    if (next === null) {
      const last = core[core.length - 1];
      const prev = core[core.length - 2];
      if (last === "من" && prev !== undefined && (lex.counts.has(prev) || isNumber(prev))) next = core.slice(0, -2);
      else if (lex.counts.has(last) || isNumber(last)) next = core.slice(0, -1);
    }
    if (next === null) break;
    core = next;
  }
  return core;
}

/** True when one of the words, read through its proclitics, is in `set`. */
export function anyReadingIn(words: readonly string[], set: ReadonlySet<string>): boolean {
  return words.some((w) => keyReadings(w).some((r) => set.has(r)));
}

/** True when `words` ends with one of the phrases. */
export function endsWithAny(words: readonly string[], phrases: readonly Phrase[]): boolean {
  return phrases.some((p) => endsWith(words, p));
}
