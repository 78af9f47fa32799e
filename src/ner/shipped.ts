/**
 * The shipped NER model (`graph-data/models/ner-anercorp.bin.gz`, trained by `npm run train:ner`): located
 * relative to this module so it is found from any working directory, read and validated on first use only
 * (lazy), then kept for the life of the process.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readNerModelSync, type NerModelBundle } from "./model-io.ts";
import { NerTagger } from "./tagger.ts";

/** Absolute path of the shipped model file. */
export const SHIPPED_NER_MODEL = fileURLToPath(new URL("../../graph-data/models/ner-anercorp.bin.gz", import.meta.url));

let shipped: { bundle: NerModelBundle; tagger: NerTagger } | undefined;

/** Whether the shipped model file exists (it may be absent in a partial checkout). */
export function hasShippedNerModel(): boolean {
  return existsSync(SHIPPED_NER_MODEL);
}

/**
 * The tagger of the shipped model, loaded on the first call (about 0.3 s) and cached.
 * @throws DataError when the file is missing or corrupt (the message names the file).
 */
export function shippedNerTagger(): NerTagger {
  if (shipped === undefined) {
    const bundle = readNerModelSync(SHIPPED_NER_MODEL);
    shipped = { bundle, tagger: new NerTagger(bundle.model) };
  }
  return shipped.tagger;
}
