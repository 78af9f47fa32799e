/**
 * The extraction pipeline: `SourceDocument → Extraction` (docs/extraction.md).
 *
 * text layer (sentences, tokens) → token view (glued words split) → mentions (titles + names, lexicon, patterns,
 * names with no title) → short forms → place senses (src/extract/senses.ts) → resolution into entities and mentions → relations and events
 * (`src/extract/relations`). `loadResources` does the I/O once; `extractDocument` is pure.
 */
import { resolve } from "node:path";
import { loadCueLexicon, type CueLexicon } from "../lexicon/cues.ts";
import { loadLexicon } from "../lexicon/load.ts";
import { loadTriggerLexicon, type TriggerLexicon } from "../lexicon/triggers.ts";
import type { Lexicon } from "../lexicon/types.ts";
import { splitSentences } from "../text/sentences.ts";
import { tokenize } from "../text/tokenize.ts";
import type { SourceDocument } from "../text/types.ts";
import { buildTokenView } from "./context.ts";
import { addShortForms, scanMentions } from "./mentions.ts";
import { addPlaceShortForms } from "./place-short-forms.ts";
import { nerSource, withNerMentions, type LazyNerTagger } from "./ner-mentions.ts";
import { relateFallback } from "./relate-fallback.ts";
import { extractRelationsAndEvents } from "./relations/index.ts";
import { resolveMentions } from "./resolve.ts";
import { chooseSenses } from "./senses.ts";
import type { DocumentAnalysis, Extraction } from "./types.ts";

/** Extraction settings. */
export interface ExtractionOptions {
  /**
   * Add mentions from the statistical tagger (src/extract/ner-mentions.ts, docs/ner.md) when its model file is
   * in `dataDir/models/`. On by default: it leaves seed and fixture entity F1 unchanged and adds names that
   * lexicon and patterns miss.
   */
  ner: boolean;
}

export const DEFAULT_EXTRACTION_OPTIONS: ExtractionOptions = { ner: true };

/** Everything extraction needs, loaded once: the lexicon, the relation cues and event triggers, settings. */
export interface ExtractionResources {
  lexicon: Lexicon;
  /** Relation cues and event triggers; undefined when they could not be loaded (see `warnings`). */
  cues?: CueLexicon;
  triggers?: TriggerLexicon;
  /** Problems met while loading optional resources. */
  warnings: string[];
  /** Parent links between lexicon places (gazetteer hierarchy), for LOCATED_IN. */
  placeHierarchy: { parentOf(lexiconId: string): string | undefined; kindOf(lexiconId: string): string | undefined };
  options: ExtractionOptions;
  /** The statistical tagger (`dataDir/models/`), loaded on first use; set when `options.ner` is on. */
  ner?: LazyNerTagger;
}

const cache = new Map<string, Promise<ExtractionResources>>();

/**
 * Loads and validates the lexicon, cues and triggers of `dataDir` (default `graph-data`; files in
 * `dataDir/lexicon/`). Cached per directory and options: later calls share one load.
 * @throws DataError when a lexicon file is missing or invalid.
 */
export function loadResources(dataDir = "graph-data", options: Partial<ExtractionOptions> = {}): Promise<ExtractionResources> {
  const opts: ExtractionOptions = { ...DEFAULT_EXTRACTION_OPTIONS, ...options };
  if (typeof opts.ner !== "boolean") throw new TypeError(`loadResources: option "ner" must be a boolean, got ${String(opts.ner)}.`);
  const dir = resolve(dataDir);
  const key = `${dir}\u0000${JSON.stringify(opts)}`;
  let p = cache.get(key);
  if (p === undefined) {
    p = (async () => {
      const lexiconDir = resolve(dir, "lexicon");
      const lexicon = await loadLexicon(lexiconDir);
      const warnings: string[] = [];
      let cues: CueLexicon | undefined;
      let triggers: TriggerLexicon | undefined;
      try {
        cues = loadCueLexicon(resolve(lexiconDir, "cues.json"));
        triggers = loadTriggerLexicon(resolve(lexiconDir, "triggers.json"));
      } catch (err) {
        warnings.push(`loadResources: relation cues or event triggers unavailable, using the fallback rules: ${(err as Error).message}`);
        cues = undefined;
        triggers = undefined;
      }
      const placeHierarchy = {
        parentOf: (id: string) => lexicon.entries.get(id)?.parent,
        kindOf: (id: string) => lexicon.entries.get(id)?.kind,
      };
      return { lexicon, cues, triggers, warnings, placeHierarchy, options: opts, ner: opts.ner ? nerSource(dir, warnings) : undefined };
    })();
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

/**
 * The entities, mentions and token view of one document, before relations: what the relation extractor gets.
 */
export function analyseDocument(doc: SourceDocument, resources: ExtractionResources): DocumentAnalysis {
  const sentences = splitSentences(doc.text);
  const view = buildTokenView(doc.text, tokenize(doc.text), sentences, resources.lexicon);
  const scanned = scanMentions(view, resources.lexicon);
  const found = addPlaceShortForms(view, resources.lexicon,
    addShortForms(view, resources.lexicon, resources.ner !== undefined ? withNerMentions(view, scanned, resources.lexicon, resources.ner) : scanned));
  chooseSenses(found, resources.lexicon);
  const { entities, mentions } = resolveMentions(doc.id, doc.text, found, resources.lexicon);
  return { doc, sentences, tokens: view.tokens, mentions, entities };
}

/**
 * Extracts entities, relations and events from one document. Pure: no I/O, no clock.
 * Every item carries provenance `{doc: doc.id, sentence, start, end}` with offsets into `doc.text`.
 */
export function extractDocument(doc: SourceDocument, resources: ExtractionResources): Extraction {
  const analysis = analyseDocument(doc, resources);
  const { relations, events } = resources.cues !== undefined && resources.triggers !== undefined
    ? extractRelationsAndEvents(analysis, resources)
    : relateFallback(analysis);
  return {
    doc,
    sentences: analysis.sentences.map((s) => ({ start: s.start, end: s.end })),
    entities: analysis.entities,
    events,
    relations,
  };
}
