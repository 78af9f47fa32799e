/**
 * Relations and events of one analysed document (issue #5, docs/extraction.md).
 *
 * Order: typed relations from cues (role appositions, affiliation, construct chains, geography, gazetteer
 * hierarchy, cooperation, opposition, kinship), then events with their PARTICIPANT_IN / OCCURRED_IN relations,
 * then MENTIONED_WITH between entities of one sentence that no typed relation links.
 */
import { DataError } from "../../errors.ts";
import type { CueLexicon } from "../../lexicon/cues.ts";
import type { TriggerLexicon } from "../../lexicon/triggers.ts";
import { extractEvents } from "../events/index.ts";
import type { LeadWords } from "../events/mentions.ts";
import type { DocumentAnalysis, ExtractedEvent, ExtractedRelation } from "../types.ts";
import { cooperationRelations, kinshipRelations, operationCooperation, oppositionRelations } from "./interaction.ts";
import { counterpartRelations } from "./counterpart.ts";
import { successionRelations } from "./succession.ts";
import { soCalledRelations } from "./so-called.ts";
import { dropInvertedContainment } from "./containment.ts";
import {
  type PlaceHierarchy, betweenRelations, constructRelations, hierarchyRelations, titleRelations,
} from "./patterns.ts";
import { type DocView, RelationSet, buildView } from "./view.ts";
import { rankWordsOf } from "./words.ts";

export type { PlaceHierarchy } from "./patterns.ts";

/** What relation and event extraction needs from the loaded resources. */
export interface RelationResources {
  /** `loadCueLexicon()` from src/lexicon/cues.ts. */
  cues: CueLexicon;
  /** `loadTriggerLexicon()` from src/lexicon/triggers.ts. */
  triggers: TriggerLexicon;
  /** Lexicon parent links between places (optional; p-code prefixes are used in any case). */
  placeHierarchy?: PlaceHierarchy;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null;

/**
 * Picks the relation resources out of the pipeline's `ExtractionResources` (fields `cues`, `triggers`, optional
 * `placeHierarchy`).
 * @throws DataError when `cues` or `triggers` is missing.
 */
export function relationResources(resources: unknown): RelationResources {
  if (!isObject(resources) || !isObject(resources.cues) || !isObject(resources.triggers)) {
    throw new DataError(
      "extractRelationsAndEvents: resources lack `cues` or `triggers`; load them with loadCueLexicon() and " +
      "loadTriggerLexicon() (src/lexicon/cues.ts, src/lexicon/triggers.ts).",
    );
  }
  const hierarchy = resources.placeHierarchy;
  return {
    cues: resources.cues as unknown as CueLexicon,
    triggers: resources.triggers as unknown as TriggerLexicon,
    placeHierarchy: isObject(hierarchy) && typeof hierarchy.parentOf === "function" ? (hierarchy as unknown as PlaceHierarchy) : undefined,
  };
}

/** MENTIONED_WITH between the entities of each sentence that no other relation links; one provenance per sentence. */
function cooccurrence(view: DocView, rels: RelationSet, confidence: number): void {
  for (const s of view.sentences) {
    const ids = [...new Set(s.mentions.map((m) => m.entity))].sort();
    for (let a = 0; a < ids.length; a++) {
      for (let b = a + 1; b < ids.length; b++) {
        if (rels.linked(ids[a], ids[b], "MENTIONED_WITH")) continue;
        rels.add("MENTIONED_WITH", ids[a], ids[b], s.index, s.start, s.end, confidence);
      }
    }
  }
}

/**
 * A person the text shows heading or speaking for a body (تكليف المهندس X بإدارة الشركة → X HEADS the company) holds a
 * public role: typed official (ONTOLOGY.md, `official`). Entities and their mentions are retyped in place.
 */
function promoteOfficials(view: DocView, rels: RelationSet): void {
  const promoted = new Set<string>();
  for (const r of rels.list()) {
    if (r.type !== "HEADS" && r.type !== "SPOKESPERSON_OF") continue;
    const e = view.entity.get(r.source);
    if (e !== undefined && e.type === "person") {
      e.type = "official";
      promoted.add(e.id);
    }
  }
  if (promoted.size === 0) return;
  for (const m of view.analysis.mentions) if (promoted.has(m.entity)) m.type = "official";
}

const LEAD_WORDS = new WeakMap<CueLexicon, LeadWords>();

/** The words that may open a list member or stand before an argument, from the cue lexicon (computed once per lexicon). */
function leadWordsOf(cues: CueLexicon): LeadWords {
  let w = LEAD_WORDS.get(cues);
  if (w === undefined) {
    // Ranks and descriptors (والمنتسب، والجندي) may open a list member like designators do.
    const descriptors = rankWordsOf(cues);
    // … and so may a possessive kin word ("المواطن X ونجله Y": both are victims).
    const kin = cues.kinship.possessive.flat();
    w = { designators: new Set([...cues.designators, ...descriptors, ...kin]), descriptors };
    LEAD_WORDS.set(cues, w);
  }
  return w;
}

/**
 * Extracts the typed relations and the events of one document.
 *
 * @param analysis the document with its sentences, tokens, resolved mentions and entities.
 * @param resources the pipeline's resources holding `cues` and `triggers` (see {@link relationResources}).
 * @returns relations between local entity ids (and entity → event / event → place for events), and events with
 *   ids `ev0`, `ev1`, … unique in the document; every item carries provenance `{doc, sentence, start, end}`
 *   (offsets into `doc.text`) and a confidence in [0, 1]. MENTIONED_WITH relations carry one provenance per
 *   sentence shared (the graph builder sets `weight` and `cooccurrence`).
 * @throws DataError when the resources lack the cue or trigger lexicon.
 */
export function extractRelationsAndEvents(analysis: DocumentAnalysis, resources: unknown): { relations: ExtractedRelation[]; events: ExtractedEvent[] } {
  const res = relationResources(resources);
  const view = buildView(analysis);
  const rels = new RelationSet(analysis.doc.id);
  titleRelations(view, res.cues, rels);
  betweenRelations(view, res.cues, rels);
  constructRelations(view, res.cues, rels);
  hierarchyRelations(view, res.cues, rels, res.placeHierarchy);
  dropInvertedContainment(view, rels, res.placeHierarchy);
  const pendingCooperation = cooperationRelations(view, res.cues, rels);
  oppositionRelations(view, res.cues, rels);
  kinshipRelations(view, res.cues, rels);
  counterpartRelations(view, rels, res.cues.confidence.title);
  successionRelations(view, rels, res.cues.confidence.title);
  soCalledRelations(view, rels, res.cues.confidence.affiliation);
  promoteOfficials(view, rels);
  const events = extractEvents(view, res.triggers, rels, leadWordsOf(res.cues));
  operationCooperation(pendingCooperation, events, rels, res.cues.confidence.cooperation);
  cooccurrence(view, rels, res.cues.confidence.cooccurrence);
  return { relations: rels.list(), events };
}
