/**
 * Character and number hygiene for the exports, with counts for the warnings.
 *
 * XML 1.0 (5th ed.) §2.2 allows only `Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
 * [#x10000-#x10FFFF]`: C0 controls other than tab, LF and CR, the non-characters U+FFFE/U+FFFF and unpaired
 * surrogates (a label cut in the middle of an emoji) cannot appear in a well-formed document, not even as
 * character references. They are removed; bidi controls and every other character are kept.
 */

/** Characters that XML 1.0 forbids (with the `u` flag a lone surrogate is one code point, outside every range). */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const FORBIDDEN_G = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Counts of what one file's writer removed or dropped. */
export class ExportReport {
  /** Removed C0 control characters. */
  controls = 0;
  /** Removed unpaired surrogates. */
  surrogates = 0;
  /** Removed U+FFFE / U+FFFF. */
  nonCharacters = 0;
  /** Values (labels, attribute values, ids, names) that lost at least one character. */
  valuesChanged = 0;
  /** Non-finite or non-numeric numbers not written, by attribute name. */
  readonly droppedNumbers = new Map<string, number>();
  /** Ids that had to change (forbidden characters, or a clash after removal). */
  idsChanged = 0;

  constructor(readonly filename: string) {}

  /** Counts one dropped number of attribute `name`. */
  dropNumber(name: string): void {
    this.droppedNumbers.set(name, (this.droppedNumbers.get(name) ?? 0) + 1);
  }

  /**
   * Counts one id that had to change when the element is written: the id itself and the forbidden characters
   * its key held (see `ids.ts`).
   */
  countChangedId(key: string): void {
    this.idsChanged++;
    cleanText(key, this);
  }

  /** The warnings of this file (empty when nothing was removed or dropped). */
  warnings(): string[] {
    const out: string[] = [];
    const removed = this.controls + this.surrogates + this.nonCharacters;
    if (removed > 0) {
      const parts: string[] = [];
      if (this.controls > 0) parts.push(`${this.controls} control character(s)`);
      if (this.surrogates > 0) parts.push(`${this.surrogates} unpaired surrogate(s)`);
      if (this.nonCharacters > 0) parts.push(`${this.nonCharacters} non-character(s) U+FFFE/U+FFFF`);
      out.push(
        `${this.filename}: removed ${removed} forbidden character(s) (${parts.join(", ")}) ` +
          `from ${this.valuesChanged} value(s).`,
      );
    }
    if (this.droppedNumbers.size > 0) {
      const detail = [...this.droppedNumbers].map(([k, n]) => `${k} ×${n}`).join(", ");
      out.push(`${this.filename}: did not write non-finite or non-numeric numbers (${detail}).`);
    }
    if (this.idsChanged > 0) {
      out.push(`${this.filename}: changed ${this.idsChanged} id(s) to keep them valid and unique.`);
    }
    return out;
  }
}

/**
 * Removes the characters XML 1.0 forbids from `s`, counting them in `report`.
 * Returns `s` itself when it is clean (the common case costs one regex test).
 */
export function cleanText(s: string, report: ExportReport): string {
  if (!FORBIDDEN.test(s)) return s;
  report.valuesChanged++;
  return s.replace(FORBIDDEN_G, (ch) => {
    const c = ch.charCodeAt(0);
    if (c >= 0xd800 && c <= 0xdfff) report.surrogates++;
    else if (c === 0xfffe || c === 0xffff) report.nonCharacters++;
    else report.controls++;
    return "";
  });
}

/** True when `s` holds no character XML 1.0 forbids. */
export function isCleanText(s: string): boolean {
  return !FORBIDDEN.test(s);
}

/**
 * Formats a finite number for XML/CSV: integers without a decimal point, others with JavaScript's shortest
 * round-trip representation (`0.1`, `1e+21`), which `xsd:double`, Python's `float()` and Neo4j all read.
 */
export function formatNumber(n: number): string {
  return Object.is(n, -0) ? "0" : String(n);
}
