/**
 * Loading `graph-data/lexicon/*.json` into a {@link Lexicon}: every file is validated with its zod schema
 * (`schema.ts`), then compiled into tries and word sets. `compileLexicon` is pure; `loadLexicon` does the I/O.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { ZodType } from "zod";
import { DataError } from "../errors.ts";
import type { EntityType } from "../graph/schema.ts";
import { normalizeKey } from "../text/normalize.ts";
import {
  BodiesFile, NamesFile, PatternsFile, PlacesFile, TitlesFile, WordsFile,
} from "./schema.ts";
import { RomanisationFile, compileRomanisation } from "./romanisation.ts";
import { TokenTrie, nameKeys } from "./trie.ts";
import type { AnaphorEntry, Lexicon, LexiconEntry, NameRef, PatternEntry, TitleEntry, WordClasses } from "./types.ts";

/** The parsed content of every lexicon file. */
export interface LexiconFiles {
  gazetteerPlaces: PlacesFile;
  places: PlacesFile;
  bodies: BodiesFile;
  titles: TitlesFile;
  patterns: PatternsFile;
  words: WordsFile;
  names: NamesFile;
  namesExtra: NamesFile;
  romanisation: RomanisationFile;
}

/** File names inside the lexicon directory, by role. */
export const LEXICON_FILES: Record<keyof LexiconFiles, string> = {
  gazetteerPlaces: "places.gazetteer.json",
  places: "places.json",
  bodies: "bodies.json",
  titles: "titles.json",
  patterns: "patterns.json",
  words: "words.json",
  names: "names.gazetteer.json",
  namesExtra: "names.json",
  romanisation: "romanisation.json",
};

const SCHEMAS: Record<keyof LexiconFiles, ZodType> = {
  gazetteerPlaces: PlacesFile, places: PlacesFile, bodies: BodiesFile, titles: TitlesFile,
  patterns: PatternsFile, words: WordsFile, names: NamesFile, namesExtra: NamesFile,
  romanisation: RomanisationFile,
};

/**
 * Validates one parsed lexicon file. Throws `DataError` naming the file and the first offending path.
 */
export function validateLexiconFile<K extends keyof LexiconFiles>(role: K, data: unknown, file = LEXICON_FILES[role]): LexiconFiles[K] {
  const r = SCHEMAS[role].safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new DataError(`loadLexicon: file "${file}" is invalid at ${issue.path.join(".") || "(root)"}: ${issue.message}.`);
  }
  return r.data as LexiconFiles[K];
}

/**
 * Reads and validates every lexicon file of `dir` (default `graph-data/lexicon`) and compiles the lexicon.
 * Throws `DataError` when a file is missing, is not JSON, or does not fit its schema.
 */
export async function loadLexicon(dir: string): Promise<Lexicon> {
  const files = {} as Record<keyof LexiconFiles, unknown>;
  for (const role of Object.keys(LEXICON_FILES) as Array<keyof LexiconFiles>) {
    const path = resolve(dir, LEXICON_FILES[role]);
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (cause) {
      throw new DataError(`loadLexicon: file "${path}" cannot be read.`, { cause });
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (cause) {
      throw new DataError(`loadLexicon: file "${path}" is not valid JSON.`, { cause });
    }
    files[role] = validateLexiconFile(role, data, path);
  }
  return compileLexicon(files as LexiconFiles);
}

const keySet = (xs: string[]): Set<string> => new Set(xs.map(normalizeKey));

const PLACE_PRIORITY: Record<string, number> = { country: 1, governorate: 2, district: 3, subdistrict: 4 };

/** Spelling pairs of words.json as normalised `[from, to]` pairs (both directions), longest first. */
function compileSpellings(pairs: [string, string][]): [string, string][] {
  const out: [string, string][] = [];
  for (const [a, b] of pairs) {
    const ka = normalizeKey(a);
    const kb = normalizeKey(b);
    if (ka !== "" && kb !== "" && ka !== kb) out.push([ka, kb], [kb, ka]);
  }
  return out.sort((x, y) => y[0].length - x[0].length);
}

/**
 * A name and its other spellings: every word containing one side of a spelling pair (كوردستان / كردستان) is
 * also written with the other side. The name itself first; at most one substitution per word.
 */
export function spellingForms(name: string, spellings: readonly [string, string][]): string[] {
  if (spellings.length === 0) return [name];
  const words = normalizeKey(name).split(" ");
  let forms: string[][] = [words];
  for (let k = 0; k < words.length; k++) {
    const alt = spellings.find(([from]) => words[k].includes(from));
    if (alt === undefined) continue;
    const w = words[k].replace(alt[0], alt[1]);
    forms = [...forms, ...forms.map((f) => f.map((x, j) => (j === k ? w : x)))];
  }
  return [name, ...forms.slice(1).map((f) => f.join(" "))];
}

/**
 * Compiles validated files into a lexicon. Name collisions (one normalised name, several entries) are kept in
 * priority order: bodies, hand-written places, countries, governorates, districts, sub-districts; the first is
 * the default sense, context may choose another (src/extract/senses.ts). Every name is also added in its other
 * spellings (words.json \`spellings\`: كوردستان / كردستان). Places whose name is a listed common word, a first
 * name, or the nisba of another place name (البغدادي) are marked ambiguous.
 */
export function compileLexicon(files: LexiconFiles): Lexicon {
  const w = files.words;
  const words: WordClasses = {
    functionWords: keySet(w.functionWords), verbs: keySet(w.verbs), adjectives: keySet(w.adjectives),
    ordinals: keySet(w.ordinals), namePrefixes: keySet(w.namePrefixes), nameSecondParts: keySet(w.nameSecondParts),
    placeStopWords: keySet(w.placeStopWords), commonWords: keySet(w.commonWords), nouns: keySet(w.nouns),
    weakVariantBlockers: keySet(w.weakVariantBlockers),
    kinWords: w.kinWords.map(nameKeys).filter((k) => k.length > 0), speechVerbs: keySet(w.speechVerbs),
  };
  const spellings = compileSpellings(w.spellings);
  const firstNames = new Map<string, string>();
  const nameFiles = [files.names, files.namesExtra];
  for (const f of nameFiles) for (const n of [...f.male, ...f.female]) firstNames.set(normalizeKey(n), n);
  const familyNames = keySet(nameFiles.flatMap((f) => f.family));
  const nameEn = new Map<string, string>();
  for (const f of nameFiles) for (const [ar, en] of Object.entries(f.en)) nameEn.set(normalizeKey(ar), en);

  const entries = new Map<string, LexiconEntry>();
  const names = new TokenTrie<NameRef>();
  // Every entry keeps each of its names; entries sharing a name are kept in priority order (the first is the
  // default sense; context picks another: ناحية الرياض is the sub-district, not the Saudi capital).
  const taken = new Map<string, Set<string>>();
  const addName = (name: string, entry: LexiconEntry, weak: boolean, contextual = false) => {
    for (const form of spellingForms(name, spellings)) {
      const k = normalizeKey(form);
      if (k === "") continue;
      let ids = taken.get(k);
      if (ids === undefined) taken.set(k, (ids = new Set()));
      if (ids.has(entry.id)) continue;
      // A weak variant never shares a name an entry holds as a full name (الداخلية stays the ministry's).
      if ((weak || contextual) && ids.size > 0) continue;
      ids.add(entry.id);
      names.add(form, contextual ? { entry, weak, contextual } : { entry, weak });
      (entry.names ??= []).push(form);
    }
  };

  for (const b of files.bodies.bodies) {
    const e: LexiconEntry = {
      id: b.id, type: b.type as EntityType, label: b.label, en: b.en, kind: b.type, ambiguous: false,
      partOf: b.partOf, origin: "lexicon",
    };
    entries.set(e.id, e);
    addName(b.label, e, false);
    for (const v of b.variants) addName(v, e, false);
    for (const v of b.weak) addName(v, e, true);
    for (const v of b.contextual) addName(v, e, false, true);
  }

  const overrides = new Map(files.places.overrides.map((o) => [o.id, o]));
  const gaz = [...files.gazetteerPlaces.places].sort(
    (a, b) => (PLACE_PRIORITY[a.kind] ?? 0) - (PLACE_PRIORITY[b.kind] ?? 0));
  const placeKeys = new Set(gaz.map((p) => normalizeKey(p.label)));
  const all = [
    ...files.places.places.map((p) => ({ p, origin: "lexicon" as const })),
    ...gaz.map((p) => ({ p, origin: "gazetteer" as const })),
  ];
  for (const { p, origin } of all) {
    const o = overrides.get(p.id);
    const label = o?.label ?? p.label;
    const key = normalizeKey(label);
    const single = !key.includes(" ");
    const bare = key.startsWith("ال") ? key.slice(2) : key;
    const nisbaOfPlace = key.startsWith("ال") && key.endsWith("ي") && placeKeys.has(key.slice(2, -1));
    const ambiguous = o?.ambiguous ?? p.ambiguous ?? (
      words.commonWords.has(key) || nisbaOfPlace || words.functionWords.has(key) ||
      (origin === "gazetteer" && (p.kind === "district" || p.kind === "subdistrict") && single && (firstNames.has(key) || firstNames.has(bare))));
    const e: LexiconEntry = {
      id: p.id, type: "place", label, en: o?.en ?? p.en, kind: p.kind, ambiguous,
      pcode: p.pcode, parent: o?.parent ?? p.parent, lat: p.lat, lon: p.lon, origin,
    };
    if (entries.has(e.id)) throw new DataError(`compileLexicon: duplicate lexicon id "${e.id}".`);
    entries.set(e.id, e);
    addName(label, e, false);
    if (label !== p.label) addName(p.label, e, false);
    for (const v of [...p.variants, ...(o?.variants ?? [])]) addName(v, e, false);
  }

  const titles = new TokenTrie<TitleEntry>();
  const postTitles = new TokenTrie<TitleEntry>();
  for (const t of files.titles.titles) {
    titles.add(t.text, t);
    for (const v of t.variants) titles.add(v, t);
    for (const a of t.accusative) postTitles.add(a, t);
  }
  const patterns = new TokenTrie<PatternEntry>();
  for (const p of files.patterns.patterns) {
    patterns.add(p.head, { ...p, isPlural: false });
    for (const pl of p.plural) patterns.add(pl, { ...p, isPlural: true });
  }
  const anaphors = new TokenTrie<AnaphorEntry>();
  for (const a of files.patterns.anaphors) anaphors.add(a.form, { ...a, headKeys: a.head === undefined ? undefined : nameKeys(a.head) });
  return { entries, names, titles, postTitles, patterns, anaphors, words, firstNames, familyNames, nameEn,
    romanisation: compileRomanisation(files.romanisation) };
}
