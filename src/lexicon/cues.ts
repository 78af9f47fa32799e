/**
 * Relation cue lexicon: loads `graph-data/lexicon/cues.json`, validates it with zod and normalises every cue
 * (normalizeKey), so the relation extractor (`src/extract/relations`) compares keys with keys.
 * Format and meaning of each family: docs/extraction.md.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { DataError } from "../errors.ts";
import { ENTITY_TYPES, type EntityType, type RelationType } from "../graph/schema.ts";
import { normalizeKey } from "../text/normalize.ts";

/** Default location of the cue file. */
export const DEFAULT_CUES_PATH = fileURLToPath(new URL("../../graph-data/lexicon/cues.json", import.meta.url));

/** Cue families; each has a confidence in the file. */
export const CUE_FAMILIES = [
  "title", "apposition", "affiliation", "construct", "partOfBetween", "geography", "hierarchy", "cooperation",
  "opposition", "kinship", "cooccurrence",
] as const;
export type CueFamily = (typeof CUE_FAMILIES)[number];

const phrase = z.string().trim().min(1);
const entityType = z.enum(ENTITY_TYPES);
const typedRelation = z.enum([
  "HEADS", "SPOKESPERSON_OF", "MEMBER_OF", "PART_OF", "LOCATED_IN", "CAPITAL_OF",
]);
const unit = z.number().min(0).max(1);

const CueFileSchema = z.object({
  doc: z.string().optional(),
  version: z.literal(1),
  confidence: z.object(Object.fromEntries(CUE_FAMILIES.map((f) => [f, unit])) as Record<CueFamily, typeof unit>),
  designators: z.array(phrase),
  /** Designators that open a list of several targets (بمحافظتي X وY): a single source relates to every member. */
  pluralDesignators: z.array(phrase).default([]),
  clauseBreaks: z.array(phrase),
  /** Words dropped from the gap between two mentions before `between` cues are matched (وهو، الذي يعد، سابق). */
  fillers: z.array(phrase).default([]),
  patterns: z.array(z.object({
    family: z.enum(["affiliation", "geography", "partOfBetween"]),
    relation: typedRelation,
    source: z.array(entityType).min(1),
    target: z.array(entityType).min(1),
    between: z.array(phrase).min(1),
    /** The relation runs from the right mention to the left one ("لجنة X برئاسة Y": Y HEADS X). */
    reverse: z.boolean().optional(),
  })),
  /** Words before a body that make a reversed HEADS a MEMBER_OF ("وفد من الحزب برئاسة Y": Y leads the delegation). */
  groupWords: z.array(phrase).default([]),
  titles: z.array(z.object({
    relation: z.enum(["HEADS", "SPOKESPERSON_OF", "MEMBER_OF"]),
    heads: z.array(phrase).min(1),
  })),
  ranks: z.array(phrase),
  cooperation: z.object({
    cues: z.array(phrase).min(1),
    listMarkers: z.array(phrase),
    withMarkers: z.array(phrase),
    /** Cues a list follows directly, all of whose members cooperate (بمشاركة X وY). */
    listCues: z.array(phrase).default([]),
    /** Nouns for an operation reported before ("العملية جرت بالتنسيق مع Y"): its agent is the actor. */
    operationWords: z.array(phrase).default([]),
    types: z.array(entityType).min(1),
    maxGap: z.number().int().min(0).max(20),
  }),
  opposition: z.object({
    cues: z.array(phrase).min(1),
    /** Cues a list follows ("اشتباكات بين X وY"): its members oppose each other. */
    listCues: z.array(phrase).default([]),
    sourceTypes: z.array(entityType).min(1),
    targetTypes: z.array(entityType).min(1),
    maxGap: z.number().int().min(0).max(20),
  }),
  kinship: z.object({
    possessive: z.array(phrase),
    construct: z.array(phrase),
    maxGap: z.number().int().min(0).max(10),
  }),
});

/** A phrase as normalised words (`["في", "صفوف"]`). */
export type Phrase = string[];

/** One `X <between> Y` pattern, normalised. */
export interface BetweenPattern {
  family: "affiliation" | "geography" | "partOfBetween";
  relation: RelationType;
  source: ReadonlySet<EntityType>;
  target: ReadonlySet<EntityType>;
  /** Normalised gap texts (words joined by one space). */
  between: ReadonlySet<string>;
  reverse: boolean;
}

/** The validated, normalised cue lexicon. */
export interface CueLexicon {
  confidence: Record<CueFamily, number>;
  designators: ReadonlySet<string>;
  pluralDesignators: ReadonlySet<string>;
  clauseBreaks: Phrase[];
  fillers: ReadonlySet<string>;
  patterns: BetweenPattern[];
  groupWords: Phrase[];
  titles: { relation: "HEADS" | "SPOKESPERSON_OF" | "MEMBER_OF"; heads: Phrase[] }[];
  ranks: Phrase[];
  cooperation: {
    cues: Phrase[]; listMarkers: ReadonlySet<string>; withMarkers: Phrase[]; listCues: Phrase[]; operationWords: ReadonlySet<string>;
    types: ReadonlySet<EntityType>;
    maxGap: number;
  };
  opposition: { cues: Phrase[]; listCues: Phrase[]; sourceTypes: ReadonlySet<EntityType>; targetTypes: ReadonlySet<EntityType>; maxGap: number };
  kinship: { possessive: Phrase[]; construct: Phrase[]; maxGap: number };
}

/** Normalised words of a phrase written as in news text. */
export function toPhrase(s: string): Phrase {
  return normalizeKey(s).split(" ").filter((w) => w.length > 0);
}

const phrases = (xs: string[]): Phrase[] => xs.map(toPhrase).filter((p) => p.length > 0);

/**
 * Validates a parsed cue file and normalises it.
 * @param data the parsed JSON.
 * @param origin file name for messages.
 * @throws DataError when the data does not fit the schema (message names the file and the first problem).
 */
export function parseCueLexicon(data: unknown, origin = "cues.json"): CueLexicon {
  const r = CueFileSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new DataError(`parseCueLexicon: "${origin}" is not a valid cue file: ${issue.path.join(".")}: ${issue.message}.`);
  }
  const d = r.data;
  return {
    confidence: d.confidence,
    designators: new Set(d.designators.map(normalizeKey)),
    pluralDesignators: new Set(d.pluralDesignators.map(normalizeKey)),
    clauseBreaks: phrases(d.clauseBreaks),
    fillers: new Set(d.fillers.map(normalizeKey)),
    patterns: d.patterns.map((p) => ({
      family: p.family,
      relation: p.relation,
      source: new Set(p.source),
      target: new Set(p.target),
      between: new Set(p.between.map((b) => toPhrase(b).join(" "))),
      reverse: p.reverse === true,
    })),
    groupWords: phrases(d.groupWords),
    titles: d.titles.map((t) => ({ relation: t.relation, heads: phrases(t.heads) })),
    ranks: phrases(d.ranks),
    cooperation: {
      cues: phrases(d.cooperation.cues),
      listMarkers: new Set(d.cooperation.listMarkers.map(normalizeKey)),
      withMarkers: phrases(d.cooperation.withMarkers),
      listCues: phrases(d.cooperation.listCues),
      operationWords: new Set(d.cooperation.operationWords.map(normalizeKey)),
      types: new Set(d.cooperation.types),
      maxGap: d.cooperation.maxGap,
    },
    opposition: {
      cues: phrases(d.opposition.cues),
      listCues: phrases(d.opposition.listCues),
      sourceTypes: new Set(d.opposition.sourceTypes),
      targetTypes: new Set(d.opposition.targetTypes),
      maxGap: d.opposition.maxGap,
    },
    kinship: {
      possessive: phrases(d.kinship.possessive),
      construct: phrases(d.kinship.construct),
      maxGap: d.kinship.maxGap,
    },
  };
}

/**
 * Reads, validates and normalises the cue file.
 * @param path defaults to {@link DEFAULT_CUES_PATH}.
 * @throws DataError when the file cannot be read, is not JSON or fails validation.
 */
export function loadCueLexicon(path: string = DEFAULT_CUES_PATH): CueLexicon {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new DataError(`loadCueLexicon: cannot read "${path}".`, { cause: err });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new DataError(`loadCueLexicon: "${path}" is not JSON: ${(err as Error).message}.`, { cause: err });
  }
  return parseCueLexicon(data, path);
}
