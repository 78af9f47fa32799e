/**
 * The shipped lexicon (graph-data/lexicon) loads and validates, and holds no person: name lists are single name
 * words (a compound such as عبد الله at most), and no body or place is a person's name.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DataError } from "../../src/errors.ts";
import { loadLexicon, validateLexiconFile } from "../../src/lexicon/load.ts";
import { normalizeKey } from "../../src/text/normalize.ts";
import { ROOT } from "../helpers/seed.ts";

const DIR = resolve(ROOT, "graph-data/lexicon");
const json = (f: string) => JSON.parse(readFileSync(resolve(DIR, f), "utf8"));

describe("the shipped lexicon", () => {
  it("loads, with every Iraqi governorate and the hand-written bodies", async () => {
    const lex = await loadLexicon(DIR);
    const governorates = [...lex.entries.values()].filter((e) => e.kind === "governorate");
    // 18 from the gazetteer and Halabja (a governorate since 2014, hand-written in places.json)
    expect(governorates).toHaveLength(19);
    expect(lex.entries.get("iq.moi")?.type).toBe("ministry");
    expect(lex.entries.get("iq.oc-samarra")?.type).toBe("force");
    expect(lex.names.longest(["قياده", "عمليات", "سامراء"], 0, false)?.values[0].entry.id).toBe("iq.oc-samarra");
  });

  it("rejects an entry of the wrong shape with a DataError naming the file and the path", () => {
    const bad = { titles: [{ text: "محافظ", kind: "governor" }] };
    expect(() => validateLexiconFile("titles", bad, "titles.json")).toThrow(DataError);
    expect(() => validateLexiconFile("titles", bad, "titles.json")).toThrow(/titles\.json.*titles\.0\.kind/);
    expect(() => validateLexiconFile("patterns", { patterns: [], anaphors: [{ form: "الوزارة" }] }, "patterns.json")).toThrow(DataError);
  });

  it("lists given and family names as single name words, never a full name", () => {
    const prefixes = new Set(json("words.json").namePrefixes.map(normalizeKey));
    const files = ["names.json", "names.gazetteer.json"];
    const given = new Set(files.flatMap((f) => [...json(f).male, ...json(f).female]).map((x: string) => normalizeKey(x)));
    for (const file of files) {
      const names = json(file);
      for (const n of [...names.male, ...names.female, ...names.family] as string[]) {
        const words = normalizeKey(n).split(" ");
        const compound = words.length === 2 && (prefixes.has(words[0]) || words[1].startsWith("ال") || words.every((w) => given.has(w)));
        expect(words.length === 1 || compound, `${file}: "${n}"`).toBe(true);
      }
    }
  });

  it("has no body or place named like a person: no label or variant opens with a rank or an honorific", () => {
    // لواء is both a rank and "brigade" (لواء علي الأكبر is a unit), so it is no evidence here.
    const openers = new Set<string>(json("titles.json").titles
      .filter((t: { kind: string }) => t.kind === "rank" || t.kind === "honorific")
      .flatMap((t: { text: string; variants?: string[] }) => [t.text, ...(t.variants ?? [])])
      .map((t: string) => normalizeKey(t))
      .filter((t: string) => t !== "لواء" && t !== "اللواء"));
    const names: string[] = [
      ...json("bodies.json").bodies.flatMap((b: { label: string; variants?: string[] }) => [b.label, ...(b.variants ?? [])]),
      ...json("places.json").places.flatMap((p: { label: string; variants?: string[] }) => [p.label, ...(p.variants ?? [])]),
    ];
    expect(names.length).toBeGreaterThan(300);
    for (const n of names) {
      const words = normalizeKey(n).split(" ");
      const opens = [1, 2, 3].some((k) => openers.has(words.slice(0, k).join(" ")) && words.length > k);
      expect(opens, n).toBe(false);
    }
  });

});
