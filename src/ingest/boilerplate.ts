/**
 * Boilerplate (site promotion) removal: "follow us on Instagram", "click here to subscribe", "download our app",
 * "read also". Lines are scored by the rule list in `graph-data/boilerplate.json` (data, not code; English rules
 * match case-insensitively) plus two heuristics: a line that is only links / @handles / #hashtags is removed, and a
 * line with a weaker cue (at least half the threshold) is removed when it occurs twice or more in the document
 * (site widgets repeat; news sentences do not). Removed lines are returned so the document can keep them
 * (`SourceDocument.removed`): nothing is lost silently.
 */
import { DataError } from "../errors.ts";
import { normalizeKey } from "../text/normalize.ts";
import defaultRuleFile from "../../graph-data/boilerplate.json" with { type: "json" };

/** One rule: a regular expression over the normalised line and the weight a match adds. */
export interface BoilerplateRule {
  id: string;
  weight: number;
  pattern: string;
}

/** The rule file's shape (`graph-data/boilerplate.json`). */
export interface BoilerplateRuleFile {
  threshold: number;
  maxWords: number;
  rules: BoilerplateRule[];
}

/** Rules compiled for matching. */
export interface BoilerplateMatcher {
  threshold: number;
  maxWords: number;
  /**
   * `pre`, when present, is the pattern without its leading `\b`: a line it does not match cannot match `re` (the
   * boundary is zero-width), and a pattern that opens with a lookbehind is scanned slowly at every position.
   */
  rules: { id: string; weight: number; re: RegExp; pre?: RegExp }[];
}

const WORD = "[\\p{L}\\p{M}\\p{Nd}]";
/** `\b` in a JavaScript regex is ASCII-only; rules use it and get this Unicode boundary instead. */
const UNICODE_BOUNDARY = `(?:(?<!${WORD})(?=${WORD})|(?<=${WORD})(?!${WORD}))`;
const LINK_ONLY = /^(?:\s*(?:https?:\/\/\S+|www\.\S+|@[\p{L}\p{Nd}_.]+|#[\p{L}\p{M}\p{Nd}_]+)\s*)+$/u;

/**
 * Validates and compiles a rule file.
 * @throws DataError when a field is missing or a pattern is not a valid regular expression.
 */
export function compileBoilerplateRules(file: unknown): BoilerplateMatcher {
  const f = file as Partial<BoilerplateRuleFile> | null;
  if (f === null || typeof f !== "object" || !Array.isArray(f.rules)) {
    throw new DataError("compileBoilerplateRules: the rule file needs a \"rules\" array.");
  }
  const threshold = typeof f.threshold === "number" && Number.isFinite(f.threshold) ? f.threshold : 1;
  const maxWords = typeof f.maxWords === "number" && Number.isFinite(f.maxWords) ? f.maxWords : 25;
  const rules = f.rules.map((r, i) => {
    if (typeof r?.pattern !== "string" || typeof r.weight !== "number" || !Number.isFinite(r.weight)) {
      throw new DataError(`compileBoilerplateRules: rule ${i} needs a string "pattern" and a numeric "weight".`);
    }
    const normalized = normalizeKey(r.pattern);
    const source = normalized.split("\\b").join(UNICODE_BOUNDARY);
    try {
      const re = new RegExp(source, "iu");
      const pre = normalized.startsWith("\\b") ? prefilter(normalized.slice(2).split("\\b").join(UNICODE_BOUNDARY)) : undefined;
      return { id: typeof r.id === "string" ? r.id : `rule-${i}`, weight: r.weight, re, ...(pre !== undefined ? { pre } : {}) };
    } catch (cause) {
      throw new DataError(`compileBoilerplateRules: rule "${r.id ?? i}" has an invalid pattern.`, { cause });
    }
  });
  return { threshold, maxWords, rules };
}

/** The prefilter of a rule (see `BoilerplateMatcher.rules`), or none when the rest of its pattern does not compile alone. */
function prefilter(source: string): RegExp | undefined {
  try {
    return new RegExp(source, "iu");
  } catch {
    return undefined;
  }
}

let defaultMatcher: BoilerplateMatcher | undefined;

/** The compiled default rules from `graph-data/boilerplate.json` (compiled on first use, then cached). */
export function defaultBoilerplate(): BoilerplateMatcher {
  defaultMatcher ??= compileBoilerplateRules(defaultRuleFile);
  return defaultMatcher;
}

/** Score of one line against the rules (sum of matched rule weights; 0 for long lines). */
export function boilerplateScore(line: string, matcher: BoilerplateMatcher = defaultBoilerplate()): number {
  const trimmed = line.trim();
  if (trimmed === "") return 0;
  if (LINK_ONLY.test(trimmed)) return matcher.threshold;
  const key = normalizeKey(trimmed);
  const words = key.split(" ").length;
  if (words > matcher.maxWords) return 0;
  let score = 0;
  for (const r of matcher.rules) if ((r.pre === undefined || r.pre.test(key)) && r.re.test(key)) score += r.weight;
  return score;
}

/** True when `line` is site promotion by the rules. */
export function isBoilerplateLine(line: string, matcher: BoilerplateMatcher = defaultBoilerplate()): boolean {
  return boilerplateScore(line, matcher) >= matcher.threshold;
}

/**
 * Removes whole boilerplate lines from `body`. Returns the kept text (lines joined by "\n", leading and trailing
 * blank lines trimmed, runs of more than one blank line collapsed to one) and the removed lines (trimmed, in order).
 */
export function removeBoilerplate(
  body: string,
  matcher: BoilerplateMatcher = defaultBoilerplate(),
): { text: string; removed: string[] } {
  const lines = body.split(/\r\n|\r|\n/u);
  const scores = lines.map((l) => boilerplateScore(l, matcher));
  const count = new Map<string, number>();
  lines.forEach((l, i) => {
    if (scores[i] > 0) count.set(normalizeKey(l), (count.get(normalizeKey(l)) ?? 0) + 1);
  });
  const kept: string[] = [];
  const removed: string[] = [];
  lines.forEach((line, i) => {
    const s = scores[i];
    if (s >= matcher.threshold || (s >= matcher.threshold / 2 && (count.get(normalizeKey(line)) ?? 0) >= 2)) {
      removed.push(line.trim());
      return;
    }
    const trimmedEnd = line.replace(/[ \t\u00A0]+$/u, "");
    if (trimmedEnd.trim() === "" && (kept.length === 0 || kept[kept.length - 1] === "")) return;
    kept.push(trimmedEnd.trim() === "" ? "" : trimmedEnd);
  });
  while (kept.length > 0 && kept[kept.length - 1] === "") kept.pop();
  return { text: kept.join("\n"), removed };
}
