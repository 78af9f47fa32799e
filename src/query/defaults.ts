/**
 * The caps every query runs under unless told otherwise (issue #6, "Safety"): a 2 s time budget, 10,000 rows and
 * 8 hops for variable-length patterns (`*` alone means up to the cap); untyped variable-length and shortest-path
 * patterns leave out co-occurrence edges (docs/query.md, "Co-occurrence in paths"). A leaf module, so the CLI can show them in
 * `--help` without loading the engine.
 */
export const DEFAULT_QUERY_OPTIONS = { timeoutMs: 2000, maxRows: 10_000, maxHops: 8, allowWrites: false, cooccurrenceInPaths: false } as const;
