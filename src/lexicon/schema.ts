/**
 * The file formats of `graph-data/lexicon/*.json`, as zod schemas (documented in `docs/lexicon.md`).
 * Every file is validated when loaded; a file that does not fit raises a `DataError` naming the file and path.
 */
import { z } from "zod";
import { ENTITY_TYPES } from "../graph/schema.ts";

const arabic = z.string().trim().min(1);

/** One place: gazetteer unit, country, city or named area. */
export const PlaceFileEntry = z.object({
  id: z.string().min(1),
  label: arabic,
  en: z.string().min(1),
  kind: z.string().min(1),
  variants: z.array(arabic).default([]),
  pcode: z.string().optional(),
  parent: z.string().optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  ambiguous: z.boolean().optional(),
});

/** Patch of a generated place (display label, English name, extra variants, ambiguity). */
export const PlaceOverride = z.object({
  id: z.string().min(1),
  label: arabic.optional(),
  en: z.string().min(1).optional(),
  variants: z.array(arabic).optional(),
  ambiguous: z.boolean().optional(),
  /** A new containing place (حلبجة became a governorate: its district now lies in it). */
  parent: z.string().min(1).optional(),
});

export const PlacesFile = z.object({
  source: z.string().optional(),
  places: z.array(PlaceFileEntry),
  overrides: z.array(PlaceOverride).default([]),
});

/** One body: ministry, force or organization. `weak` variants need context (see docs/lexicon.md). */
export const BodyFileEntry = z.object({
  id: z.string().min(1),
  type: z.enum(["ministry", "force", "organization"]),
  label: arabic,
  en: z.string().min(1),
  variants: z.array(arabic).default([]),
  weak: z.array(arabic).default([]),
  /**
   * Names that are also common words (الصباح "the morning" for the newspaper صحيفة الصباح): they name the body
   * only as a dateline's source ("بغداد - الصباح") or as the addressee of a statement ("قال لـ الصباح").
   */
  contextual: z.array(arabic).default([]),
  partOf: z.string().optional(),
});

export const BodiesFile = z.object({ source: z.string().optional(), bodies: z.array(BodyFileEntry) });

export const RELATIONS_IMPLIED = ["HEADS", "SPOKESPERSON_OF", "MEMBER_OF"] as const;

/** A title, rank or honorific before a person's name. */
export const TitleFileEntry = z.object({
  text: arabic,
  kind: z.enum(["title", "rank", "honorific"]),
  relation: z.enum(RELATIONS_IMPLIED).optional(),
  /** Whether a body (or, for `place`, a place) follows the title: `required`, `optional`, `place`. */
  body: z.enum(["required", "optional", "place"]).optional(),
  group: z.string().optional(),
  /** Lexicon id of the body the title implies when the text names none (رئيس الوزراء → مجلس الوزراء). */
  implies: z.string().optional(),
  relationByBodyType: z.record(z.string(), z.enum(RELATIONS_IMPLIED)).optional(),
  variants: z.array(arabic).default([]),
  /**
   * The head of the body a definite noun after the title names (وزير الكهرباء → وزارة الكهرباء): "head + X" is
   * looked up in the lexicon, else built with the head's pattern.
   */
  bodyHead: arabic.optional(),
  /** For `body: "place"` titles: the place kind the title names (محافظ → governorate, قائممقام → district). */
  placeKind: z.string().min(1).optional(),
  /** Accusative forms written after a name (انتخاب X محافظا لكركوك، تعيين X قائدا للفرقة). */
  accusative: z.array(arabic).default([]),
});

export const TitlesFile = z.object({ source: z.string().optional(), titles: z.array(TitleFileEntry) });

/** A head noun opening a body or place name. */
export const PatternFileEntry = z.object({
  head: arabic,
  type: z.enum(ENTITY_TYPES),
  label: z.enum(["full", "complement"]),
  en: z.string().min(1),
  place: z.boolean().optional(),
  adjectival: z.boolean().optional(),
  ordinal: z.boolean().optional(),
  number: z.boolean().optional(),
  bare: z.boolean().optional(),
  lexiconOnly: z.boolean().optional(),
  /** Only after a title (قائد عمليات بغداد); `labelPrefix` is prepended to the label (قيادة عمليات بغداد). */
  titleOnly: z.boolean().optional(),
  labelPrefix: z.string().optional(),
  /** Places: the keyword is always followed by a name (قضاء، ناحية، منفذ): an indefinite nisba there names. */
  nameOnly: z.boolean().optional(),
  /** Bodies: words that, right after the head, make it no body's name (مجلس عزاء: a wake, not a council). */
  exclude: z.array(arabic).default([]),
  /** Bodies: X opens with ل (الشركة العامة لتوزيع كهرباء الجنوب، الهيئة العامة للمنافذ). */
  lam: z.boolean().optional(),
  /** Places: the place kind the keyword names (ناحية → subdistrict), chosen when a name has several senses. */
  kind: z.string().min(1).optional(),
  /** Places: words that may follow X inside the name (حقل كورمور للغاز). */
  suffixes: z.array(arabic).default([]),
  plural: z.array(arabic).default([]),
});

/**
 * A definite noun that refers back to a body or place named earlier in the document (nominal anaphora):
 * الوزارة → the latest body whose name opens with وزارة; المحافظة → the latest governorate.
 */
export const AnaphorFileEntry = z.object({
  form: arabic,
  /** The name head the antecedent opens with (وزارة، قيادة عمليات). */
  head: arabic.optional(),
  /** Or the place kind of the antecedent (governorate, district, subdistrict). */
  kind: z.string().min(1).optional(),
}).refine((a) => (a.head === undefined) !== (a.kind === undefined), { message: "an anaphor needs exactly one of head or kind" });

export const PatternsFile = z.object({
  source: z.string().optional(),
  patterns: z.array(PatternFileEntry),
  anaphors: z.array(AnaphorFileEntry).default([]),
});

export const WordsFile = z.object({
  source: z.string().optional(),
  functionWords: z.array(arabic),
  verbs: z.array(arabic),
  adjectives: z.array(arabic),
  ordinals: z.array(arabic),
  namePrefixes: z.array(arabic),
  nameSecondParts: z.array(arabic),
  placeStopWords: z.array(arabic),
  commonWords: z.array(arabic),
  /** Common nouns of news text (verbal nouns, event nouns) that never begin or continue a person's name. */
  nouns: z.array(arabic).default([]),
  weakVariantBlockers: z.array(arabic),
  /** Possessive kin words (نجله، شقيقه، ابن عمه): a name after one is a person's, listed or not (نجله هيوا). */
  kinWords: z.array(arabic).default([]),
  /** Verbs of saying (قال، أضاف): a name closed by a family name after one is the speaker's. */
  speechVerbs: z.array(arabic).default([]),
  /**
   * Spelling pairs applied to every lexicon name: a word holding one side is also matched written with the
   * other (كوردستان / كردستان, the Kurdish-influenced spelling).
   */
  spellings: z.array(z.tuple([arabic, arabic])).default([]),
});

export const NamesFile = z.object({
  source: z.string().optional(),
  male: z.array(arabic),
  female: z.array(arabic),
  family: z.array(arabic),
  /** Usual English spelling of a given or family name (محمد → Muhammad), used by the transliterator. */
  en: z.record(arabic, z.string().min(1)).default({}),
});

export type PlaceFileEntry = z.infer<typeof PlaceFileEntry>;
export type BodyFileEntry = z.infer<typeof BodyFileEntry>;
export type TitleFileEntry = z.infer<typeof TitleFileEntry>;
export type PatternFileEntry = z.infer<typeof PatternFileEntry>;
export type AnaphorFileEntry = z.infer<typeof AnaphorFileEntry>;
export type WordsFile = z.infer<typeof WordsFile>;
export type NamesFile = z.infer<typeof NamesFile>;
export type PlacesFile = z.infer<typeof PlacesFile>;
export type BodiesFile = z.infer<typeof BodiesFile>;
export type TitlesFile = z.infer<typeof TitlesFile>;
export type PatternsFile = z.infer<typeof PatternsFile>;
