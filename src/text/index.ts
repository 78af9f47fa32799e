/** The text layer's public API. */
export * from "./types.ts";
export { normalizeKey, normalizeWithMap, normalizeText, collapseSpaces } from "./normalize.ts";
export type { NormalizedText } from "./normalize.ts";
export { displayLabel } from "./display.ts";
export { tokenize } from "./tokenize.ts";
export { splitSentences } from "./sentences.ts";
export { segmentClitics } from "./clitics.ts";
export type { CliticOptions } from "./clitics.ts";
export { findDates } from "./dates.ts";
export type { DateMention } from "./dates.ts";
export { MONTHS, ORDINAL_DAYS, WEEKDAYS } from "./date-words.ts";
export { isFunctionWord, functionWords } from "./function-words.ts";
