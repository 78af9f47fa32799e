/**
 * Escaping for the streaming XML writers (GEXF, GraphML).
 *
 * The writers build the markup themselves because the XML builders on npm were far too slow for the 100,000-node
 * target (xmlbuilder2's streaming `createCB` took 465 s for a 100k/500k GEXF; see docs/export.md). Strings reach
 * these functions already cleaned of characters XML 1.0 forbids (`sanitize.ts`), so escaping is all that is left:
 * `&`, `<`, `>` always; `"` in attribute values; and tab, LF and CR as character references where a parser would
 * otherwise normalise them (XML 1.0 §3.3.3 attribute-value normalisation, §2.11 end-of-line handling), so the
 * value read back is the value written. Every file is checked by `xmllint --noout` and saxes in the tests.
 */

const ATTR_SPECIAL = /[&<>"\t\n\r]/;
const ATTR_SPECIAL_G = /[&<>"\t\n\r]/g;
const TEXT_SPECIAL = /[&<>\r]/;
const TEXT_SPECIAL_G = /[&<>\r]/g;

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

function entity(ch: string): string {
  return ENTITIES[ch];
}

/** Escapes a clean string for use inside a double-quoted attribute value. */
export function escAttr(s: string): string {
  return ATTR_SPECIAL.test(s) ? s.replace(ATTR_SPECIAL_G, entity) : s;
}

const QUOTELESS_SPECIAL = /[&<>\t\n\r]/;
const QUOTELESS_SPECIAL_G = /[&<>\t\n\r]/g;

/**
 * A clean string as a complete attribute value, quotes included: between single quotes when it holds `"` but
 * no `'` (XML 1.0 §2.3 AttValue allows either delimiter), so JSON text is not bloated by `&quot;`; otherwise
 * between double quotes with `"` escaped.
 */
export function quoteAttr(s: string): string {
  if (s.includes('"') && !s.includes("'")) {
    return "'" + (QUOTELESS_SPECIAL.test(s) ? s.replace(QUOTELESS_SPECIAL_G, entity) : s) + "'";
  }
  return '"' + escAttr(s) + '"';
}

/** Escapes a clean string for use as element content. */
export function escText(s: string): string {
  return TEXT_SPECIAL.test(s) ? s.replace(TEXT_SPECIAL_G, entity) : s;
}

/** The XML declaration every export starts with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
