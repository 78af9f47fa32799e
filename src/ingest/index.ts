/** The ingest layer's public API: reading files and folders into SourceDocuments. */
export { readInputs } from "./read.ts";
export type { ReadOptions, ReadResult } from "./read.ts";
export { parseDocument, formatOf, FORMAT_BY_EXTENSION } from "./parse.ts";
export type { ParseOptions, InputFormat } from "./parse.ts";
export { decodeBytes, firstInvalidUtf8, canonicalEncoding, arabicPlausibility } from "./decode.ts";
export type { DecodedText, DecodeOptions } from "./decode.ts";
export { htmlDeclaredCharset } from "./unicode-bytes.ts";
export {
  removeBoilerplate, isBoilerplateLine, boilerplateScore, compileBoilerplateRules, defaultBoilerplate,
} from "./boilerplate.ts";
export type { BoilerplateMatcher, BoilerplateRule, BoilerplateRuleFile } from "./boilerplate.ts";
export { splitFrontMatter, normalizeMetaDate } from "./frontmatter.ts";
export type { ArticleMeta } from "./frontmatter.ts";
export { extractHtmlArticle } from "./html.ts";
export { documentId, contentKey, sourceIdentity } from "./id.ts";
