/** The lexicon's public API: loading `graph-data/lexicon/` and matching names over tokens. */
export { loadLexicon, compileLexicon, validateLexiconFile, LEXICON_FILES } from "./load.ts";
export type { LexiconFiles } from "./load.ts";
export { TokenTrie, procliticForms, nameKeys } from "./trie.ts";
export type { TrieMatch } from "./trie.ts";
export type { Lexicon, LexiconEntry, NameRef, TitleEntry, PatternEntry, WordClasses } from "./types.ts";
