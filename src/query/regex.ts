/** Regular expressions of the `=~` operator. */
import { argumentError } from "./errors.ts";

const regexCache = new Map<string, RegExp>();

/**
 * A Cypher regular expression (`=~`, whole-string match) as a JavaScript RegExp. Leading Java-style inline flags
 * as Neo4j users write them — `(?i)`, `(?m)`, `(?s)`, `(?u)` or combinations such as `(?is)` — become RegExp flags
 * (JavaScript before V8 12.5 has no inline modifiers). Compiled patterns are cached.
 * @throws CypherRuntimeError (ArgumentError) for an invalid pattern
 */
export function compileRegex(pattern: string): RegExp {
  const hit = regexCache.get(pattern);
  if (hit) return hit;
  let body = pattern;
  const flags = new Set(["s", "u"]);
  const m = /^\(\?([imsu]+)\)/.exec(body);
  if (m) {
    for (const f of m[1]) if (f !== "u") flags.add(f);
    body = body.slice(m[0].length);
  }
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${body})$`, [...flags].join(""));
  } catch {
    throw argumentError(`invalid regular expression ${JSON.stringify(pattern)}`, "InvalidArgumentValue");
  }
  if (regexCache.size >= 1000) regexCache.clear();
  regexCache.set(pattern, re);
  return re;
}
