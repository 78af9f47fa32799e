/** The text layer's public API. */
export * from "./types.ts";
export { normalizeKey, normalizeWithMap } from "./normalize.ts";
export type { NormalizedText } from "./normalize.ts";
export { tokenize } from "./tokenize.ts";
export { splitSentences } from "./sentences.ts";
