/**
 * Where the shipped NER model lives: `graph-data/models/ner-anercorp.bin.gz` (trained by `npm run train:ner`),
 * located relative to this module so the CLIs find it from any working directory. Extraction reads the model
 * of its data folder (`DATA_DIR/models/NER_MODEL_FILE`, see src/extract/ner-mentions.ts), lazily.
 */
import { fileURLToPath } from "node:url";

/** File name of the model inside a data folder's `models/`. */
export const NER_MODEL_FILE = "ner-anercorp.bin.gz";

/** Absolute path of the shipped model file. */
export const SHIPPED_NER_MODEL = fileURLToPath(new URL(`../../graph-data/models/${NER_MODEL_FILE}`, import.meta.url));
