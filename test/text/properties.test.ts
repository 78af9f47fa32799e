/**
 * Property-based tests (fast-check) for the text layer: normalisation is idempotent and its map is monotone and
 * in range; token offsets cut the original text at exactly the surface; tokenisation covers every letter, mark
 * and digit; sentences cut the text at their text; clitic parts tile their token.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  displayLabel, findDates, normalizeKey, normalizeWithMap, segmentClitics, splitSentences, tokenize,
} from "../../src/text/index.ts";

/** Characters that make Arabic news text hard: letters, harakat, tatweel, alef forms, Persian letters,
 * presentation forms, digits, separators, punctuation, invisible controls, spaces, astral characters. */
const POOL = [
  "ا", "أ", "إ", "آ", "ٱ", "ب", "ت", "ة", "ى", "ي", "و", "ل", "ك", "ف", "م", "ن", "ر", "د", "ه", "ع", "ک", "ی", "ې", "ھ",
  "\u064E", "\u064B", "\u0651", "\u0652", "\u0670", "\u0640", "ﻣ", "ﺼ", "ﺮ", "ﻻ", "ﷲ", "ﷺ", "٠", "٣", "٫", "٬", "٪", "۴",
  "0", "7", ".", ",", "،", "؛", "؟", "!", "?", "\"", "«", "»", "(", ")", ":", "-", "%", " ", " ", " ", "\n", "\t",
  "\u00A0", "\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u061C", "\u202B", "\u2067", "\u2069", "\uFEFF", "\u00AD",
  "a", "Z", "é", "e\u0301", "😀", "𝐀", "ﬁ", "①", "²",
];
const arabicish = fc.array(fc.constantFrom(...POOL), { maxLength: 60 }).map((a) => a.join(""));
const anyText = fc.oneof(arabicish, fc.string({ unit: "grapheme", maxLength: 40 }), fc.string({ unit: "binary", maxLength: 40 }));
const RUNS = { numRuns: 400 };

describe("normalisation properties", () => {
  it("is idempotent", () => {
    fc.assert(fc.property(anyText, (s) => {
      const once = normalizeWithMap(s).text;
      expect(normalizeWithMap(once).text).toBe(once);
      expect(normalizeKey(normalizeKey(s))).toBe(normalizeKey(s));
    }), RUNS);
  });
  it("has a monotone map into the input with one entry per output unit plus the end", () => {
    fc.assert(fc.property(anyText, (s) => {
      const { text, map } = normalizeWithMap(s);
      expect(map.length).toBe(text.length + 1);
      expect(map[text.length]).toBe(s.length);
      for (let i = 0; i < text.length; i++) {
        expect(map[i]).toBeGreaterThanOrEqual(0);
        expect(map[i]).toBeLessThan(s.length);
        if (i > 0) expect(map[i]).toBeGreaterThanOrEqual(map[i - 1]);
      }
    }), RUNS);
  });
  it("leaves no harakat, tatweel, alef forms, ة, ى or bidi controls in keys", () => {
    fc.assert(fc.property(arabicish, (s) => {
      expect(normalizeKey(s)).not.toMatch(/[\u064B-\u065F\u0670\u0640أإآٱةىکی\u200B\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF]/u);
    }), RUNS);
  });
});

describe("key and label properties", () => {
  it("a ZWNJ survives in a key only between two letters or marks", () => {
    fc.assert(fc.property(anyText, (s) => {
      const k = normalizeKey(s);
      for (let i = 0; i < k.length; i++) {
        if (k[i] !== "\u200C") continue;
        expect(/[\p{L}\p{M}]/u.test(k[i - 1] ?? "")).toBe(true);
        expect(/[\p{L}\p{M}]/u.test(k[i + 1] ?? "")).toBe(true);
      }
    }), RUNS);
  });
  it("display labels are idempotent, keep every letter, and hold no invisible controls", () => {
    fc.assert(fc.property(anyText, (s) => {
      const d = displayLabel(s);
      expect(displayLabel(d)).toBe(d);
      expect(d).not.toMatch(/[\u200B\u200D-\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF]/u);
      expect([...d].filter((c) => /\p{L}/u.test(c)).join("")).toBe([...s].filter((c) => /\p{L}/u.test(c)).join(""));
    }), RUNS);
  });
});

describe("date properties", () => {
  it("date mentions cut the text at their text, in order, and values have the stated precision", () => {
    const words = fc.array(fc.constantFrom("في", "15", "٢٠٢١", "2014", "آذار", "مارس", "كانون الثاني", "يناير", "عام", "الماضي",
      "الشهر", "الحالي", "الثالث", "من", "أمس", "اليوم", "الأحد", "28/12/2014", "م", "شهر", "آب", "،", "."), { maxLength: 12 }).map((a) => a.join(" "));
    fc.assert(fc.property(words, fc.constantFrom(undefined, "2021-05-16", "2020-02-29"), (s, ref) => {
      let last = 0;
      for (const d of findDates(s, ref)) {
        expect(s.slice(d.start, d.end)).toBe(d.text);
        expect(d.start).toBeGreaterThanOrEqual(last);
        last = d.end;
        if (d.value !== undefined) {
          const re = { year: /^\d{4}$/u, month: /^\d{4}-\d{2}$/u, day: /^\d{4}-\d{2}-\d{2}$/u }[d.precision!];
          expect(d.value).toMatch(re);
        } else expect(d.relative && ref === undefined).toBe(true);
      }
    }), RUNS);
  });
});

describe("tokenisation properties", () => {
  it("cuts the original text at exactly each surface, in order, without overlap", () => {
    fc.assert(fc.property(anyText, (s) => {
      let last = 0;
      for (const t of tokenize(s)) {
        expect(s.slice(t.start, t.end)).toBe(t.surface);
        expect(t.start).toBeGreaterThanOrEqual(last);
        expect(t.end).toBeGreaterThan(t.start);
        expect(t.key).toBe(normalizeKey(t.surface));
        last = t.end;
      }
    }), RUNS);
  });
  it("covers every letter, mark and digit of the input", () => {
    fc.assert(fc.property(anyText, (s) => {
      const covered = new Uint8Array(s.length);
      for (const t of tokenize(s)) covered.fill(1, t.start, t.end);
      for (let i = 0; i < s.length; i++) {
        if (/[\p{L}\p{M}\p{Nd}]/u.test(s[i]) || (/[\uD800-\uDBFF]/u.test(s[i]) && /[\p{L}\p{M}\p{Nd}]/u.test(s.slice(i, i + 2)))) {
          expect(covered[i]).toBe(1);
        }
      }
    }), RUNS);
  });
  it("clitic segmentation tiles each token exactly", () => {
    const known = fc.uniqueArray(fc.constantFrom("بغداد", "لبنان", "الموصل", "مخمور", "شمال", "كركوك"), { maxLength: 6 });
    const words = fc.array(fc.constantFrom("و", "ف", "ب", "ل", "ك", "ال", "لل", "بغداد", "لبنان", "موصل", "مخمور", "شمال", "ـ", "\u064E", "5"), { minLength: 1, maxLength: 6 }).map((a) => a.join(""));
    fc.assert(fc.property(words, known, (w, lex) => {
      const set = new Set(lex.map(normalizeKey));
      for (const t of tokenize(w)) {
        const parts = segmentClitics(t, (k) => set.has(k));
        expect(parts.map((p) => p.surface).join("")).toBe(t.surface);
        expect(parts[0].start).toBe(t.start);
        expect(parts[parts.length - 1].end).toBe(t.end);
        for (const p of parts) expect(w.slice(p.start, p.end)).toBe(p.surface);
      }
    }), RUNS);
  });
});

describe("sentence properties", () => {
  it("sentences are trimmed slices of the text, in order, covering every token", () => {
    fc.assert(fc.property(anyText, (s) => {
      const sentences = splitSentences(s);
      let last = 0;
      for (const x of sentences) {
        expect(s.slice(x.start, x.end)).toBe(x.text);
        expect(x.text.trim()).toBe(x.text);
        expect(x.start).toBeGreaterThanOrEqual(last);
        last = x.end;
      }
      for (const t of tokenize(s)) {
        expect(sentences.some((x) => x.start <= t.start && t.end <= x.end)).toBe(true);
      }
    }), RUNS);
  });
});
