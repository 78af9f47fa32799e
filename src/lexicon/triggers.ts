/**
 * Event trigger lexicon: loads `graph-data/lexicon/triggers.json` (triggers by `eventType`, role markers, clause
 * breaks), validates it with zod and normalises every word (normalizeKey). Meaning of each field: docs/extraction.md.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { DataError } from "../errors.ts";
import { EVENT_TYPES, PARTICIPANT_ROLES, type EventType, type ParticipantRole } from "../graph/schema.ts";
import { normalizeKey } from "../text/normalize.ts";
import { toPhrase, type Phrase } from "./cues.ts";

/** Default location of the trigger file. */
export const DEFAULT_TRIGGERS_PATH = fileURLToPath(new URL("../../graph-data/lexicon/triggers.json", import.meta.url));

const phrase = z.string().trim().min(1);
const role = z.enum(PARTICIPANT_ROLES);
const eventType = z.enum(EVENT_TYPES);

const TriggerFileSchema = z.object({
  doc: z.string().optional(),
  version: z.literal(1),
  eventTypes: z.partialRecord(eventType, z.object({
    noun: phrase,
    keyRole: role.optional(),
    /** A role, or "participant": any participant. */
    requires: z.union([role, z.literal("participant")]).optional(),
    confidence: z.number().min(0).max(1),
    /** Event types whose trigger, chained right after this one in a clause, names the same happening. */
    absorbs: z.array(eventType).default([]),
    /** One event per named person in the key role (a killing is the death of one named person, ONTOLOGY.md). */
    onePerPerson: z.boolean().default(false),
    /** Further roles whose entities, when both sides name them and they differ, keep two mentions apart (two attacks by different perpetrators). */
    distinct: z.array(role).default([]),
  })),
  triggers: z.array(z.object({
    type: eventType,
    forms: z.array(phrase).min(1),
    after: role.optional(),
    before: role.optional(),
    object: role.optional(),
    context: z.object({ words: z.array(phrase).min(1), within: z.number().int().min(1).max(12) }).optional(),
  })),
  roleMarkers: z.array(z.object({ leads: z.array(phrase).min(1), role, types: z.array(eventType).optional() })),
  /** Light verbs between a subject and a trigger noun ("X ترأس اجتماعا"، "X عقد اجتماعا"): X takes `role` (default: the trigger's `before` role, else agent). */
  supportVerbs: z.array(z.object({ verbs: z.array(phrase).min(1), role: role.optional() })).default([]),
  /** Time words that may stand between a light verb and its trigger noun ("ترأس، الأسبوع الماضي، اجتماعا"). */
  timeWords: z.array(phrase).default([]),
  excludeLeads: z.array(phrase),
  placeExcludeLeads: z.array(phrase),
  /** Relative pronouns; a dual one (اللذين) refers back to the two persons just named. */
  relativePronouns: z.object({ singular: z.array(phrase), dual: z.array(phrase).default([]), plural: z.array(phrase) }),
  during: z.array(phrase),
  /** Phrases before a trigger that make it a consequence of the event before it (أسفرت عن، أدت إلى). */
  consequence: z.array(phrase).default([]),
  /** Words standing for members of a body, stripped at the end of a lead ("عناصر من"، "قادة"، "قوة من"). */
  representatives: z.array(phrase).default([]),
  /** Counts and counted nouns stripped at the end of a lead ("خمسة"، "جنديان"، "ثلاثة من"). */
  counts: z.array(phrase).default([]),
  /** Copulas that stand between a trigger noun and its argument ("القتيلين هما X وY"). */
  copulas: z.array(phrase).default([]),
  /** Words that may stand between two chained triggers ("اعتقال … في عملية دهم"). */
  chainLeads: z.array(phrase).default([]),
  windowBreaks: z.array(phrase),
  /**
   * Words governing a trigger that make it no reported happening: intention and planning (لبحث تشكيل الحكومة،
   * يعتزم، من المقرر) and threats (هددت X باستهداف). Only mentions, dates and `blockerGlue` words may stand
   * between, at most `blockerReach` tokens back.
   */
  blockers: z.array(phrase).default([]),
  /**
   * Phrases in a trigger's window that place it inside an operation reported before ("اعتقلت خلال العملية"): with no
   * date of its own it takes the date of the latest dated event before it.
   */
  eventReferences: z.array(phrase).default([]),
  /** Event types an operation reference (خلال العملية) may point to. */
  operationTypes: z.array(eventType).default([]),
  blockerGlue: z.array(phrase).default([]),
  blockerReach: z.number().int().min(1).max(20).default(10),
  maxWindow: z.number().int().min(3).max(80),
  maxAntecedentGap: z.number().int().min(1).max(40),
});

/** What the file says about one event type. */
export interface EventTypeInfo {
  /** Arabic noun used in event labels (مقتل، زيارة …). */
  noun: string;
  /** Role that identifies the happening (two killings with different victims are two events). */
  keyRole?: ParticipantRole;
  /** Role without which a mention is not an event (a killing needs a victim); "participant": any role. */
  requires?: ParticipantRole | "participant";
  confidence: number;
  /** Event types a trigger chained right after this one may belong to (an explosion absorbs "استهدفت"). */
  absorbs?: EventType[];
  /** One event per named person in the key role ("مقتل X وY" is two killings). */
  onePerPerson?: boolean;
  /** Roles that keep two mentions apart when both name different entities in them (attack: perpetrator). */
  distinct?: ParticipantRole[];
}

/** One trigger entry: normalised word sequences and the argument rules. */
export interface TriggerEntry {
  type: EventType;
  forms: Phrase[];
  after?: ParticipantRole;
  before?: ParticipantRole;
  /** Role of the next entity after the `after` one, at most one word between (a verb's object). */
  object?: ParticipantRole;
  context?: { words: ReadonlySet<string>; within: number };
}

/** The validated, normalised trigger lexicon. */
export interface TriggerLexicon {
  eventTypes: Partial<Record<EventType, EventTypeInfo>>;
  triggers: TriggerEntry[];
  /** `leads` as normalised words joined by one space; `phrases` the same words split. */
  roleMarkers: { leads: string[]; phrases: Phrase[]; role: ParticipantRole; types?: ReadonlySet<EventType> }[];
  supportVerbs: { verbs: Phrase[]; role?: ParticipantRole }[];
  timeWords: ReadonlySet<string>;
  excludeLeads: ReadonlySet<string>;
  placeExcludeLeads: ReadonlySet<string>;
  relativeSingular: ReadonlySet<string>;
  relativeDual: ReadonlySet<string>;
  relativePlural: ReadonlySet<string>;
  during: ReadonlySet<string>;
  consequence: Phrase[];
  representatives: Phrase[];
  counts: ReadonlySet<string>;
  copulas: ReadonlySet<string>;
  chainLeads: ReadonlySet<string>;
  windowBreaks: Phrase[];
  blockers: Phrase[];
  eventReferences: Phrase[];
  operationTypes: ReadonlySet<EventType>;
  blockerGlue: ReadonlySet<string>;
  blockerReach: number;
  maxWindow: number;
  maxAntecedentGap: number;
}

/**
 * Validates a parsed trigger file and normalises it.
 * @throws DataError when the data does not fit the schema, or a trigger names an event type the file does not
 * describe.
 */
export function parseTriggerLexicon(data: unknown, origin = "triggers.json"): TriggerLexicon {
  const r = TriggerFileSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new DataError(`parseTriggerLexicon: "${origin}" is not a valid trigger file: ${issue.path.join(".")}: ${issue.message}.`);
  }
  const d = r.data;
  for (const t of d.triggers) {
    if (!d.eventTypes[t.type]) {
      throw new DataError(`parseTriggerLexicon: "${origin}": trigger type "${t.type}" has no entry in eventTypes.`);
    }
  }
  const keys = (xs: string[]) => new Set(xs.map(normalizeKey));
  return {
    eventTypes: d.eventTypes,
    triggers: d.triggers.map((t) => ({
      type: t.type,
      forms: t.forms.map(toPhrase),
      after: t.after,
      before: t.before,
      object: t.object,
      context: t.context ? { words: keys(t.context.words), within: t.context.within } : undefined,
    })),
    roleMarkers: d.roleMarkers.map((m) => ({
      leads: m.leads.map((l) => toPhrase(l).join(" ")),
      phrases: m.leads.map(toPhrase),
      role: m.role,
      types: m.types ? new Set(m.types) : undefined,
    })),
    supportVerbs: d.supportVerbs.map((v) => ({ verbs: v.verbs.map(toPhrase), role: v.role })),
    timeWords: keys(d.timeWords),
    excludeLeads: keys(d.excludeLeads),
    placeExcludeLeads: keys(d.placeExcludeLeads),
    relativeSingular: keys(d.relativePronouns.singular),
    relativeDual: keys(d.relativePronouns.dual),
    relativePlural: keys(d.relativePronouns.plural),
    during: keys(d.during),
    consequence: d.consequence.map(toPhrase),
    representatives: d.representatives.map(toPhrase),
    counts: keys(d.counts),
    copulas: keys(d.copulas),
    chainLeads: keys(d.chainLeads),
    windowBreaks: d.windowBreaks.map(toPhrase),
    blockers: d.blockers.map(toPhrase),
    eventReferences: d.eventReferences.map(toPhrase),
    operationTypes: new Set(d.operationTypes),
    blockerGlue: keys(d.blockerGlue),
    blockerReach: d.blockerReach,
    maxWindow: d.maxWindow,
    maxAntecedentGap: d.maxAntecedentGap,
  };
}

/**
 * Reads, validates and normalises the trigger file.
 * @param path defaults to {@link DEFAULT_TRIGGERS_PATH}.
 * @throws DataError when the file cannot be read, is not JSON or fails validation.
 */
export function loadTriggerLexicon(path: string = DEFAULT_TRIGGERS_PATH): TriggerLexicon {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new DataError(`loadTriggerLexicon: cannot read "${path}".`, { cause: err });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new DataError(`loadTriggerLexicon: "${path}" is not JSON: ${(err as Error).message}.`, { cause: err });
  }
  return parseTriggerLexicon(data, path);
}
