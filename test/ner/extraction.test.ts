/**
 * The tagger as a recall source in extraction (issue #9, "Integration"): on articles written for this test
 * (test/ner/fixtures, invented names), entities missed by lexicon and patterns are found with the tagger on;
 * on the seed and the extraction fixtures, entity F1 does not drop.
 */
import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { buildTokenView } from "../../src/extract/context.ts";
import { scanMentions } from "../../src/extract/mentions.ts";
import { lazyNerTagger, nerCandidates, nerSource, procliticCut } from "../../src/extract/ner-mentions.ts";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { loadResources } from "../../src/extract/pipeline.ts";
import { buildGraph } from "../../src/graph/build.ts";
import { readInputs } from "../../src/ingest/index.ts";
import { normalizeKey } from "../../src/text/normalize.ts";
import { splitSentences } from "../../src/text/sentences.ts";
import { tokenize } from "../../src/text/tokenize.ts";
import { ROOT } from "../helpers/seed.ts";
import { FIXTURE_DIR, SEED_ARTICLE, SEED_GOLD, sharedScorer } from "../integration/scoring.ts";

const DATA = resolve(ROOT, "graph-data");
const NER_FIXTURES = resolve(ROOT, "test/ner/fixtures");

async function entities(file: string, ner: boolean) {
  const { documents } = await readInputs([file]);
  const g = buildGraph(documents, await loadResources(DATA, { ner }));
  return g.mapNodes((_k, a) => a as unknown as { label: string; type: string; source?: string; confidence?: number; aliases?: string[] });
}

describe("tagger mentions in extraction", () => {
  const articles = readdirSync(NER_FIXTURES).filter((f) => f.endsWith(".txt")).sort();

  it("finds at least two names that lexicon and patterns miss, typed, with a confidence", async () => {
    let found = 0;
    for (const f of articles) {
      const expected = JSON.parse(readFileSync(resolve(NER_FIXTURES, f.replace(/\.txt$/u, ".expected.json")), "utf8")).missed as { label: string; type: string }[];
      const off = await entities(resolve(NER_FIXTURES, f), false);
      const on = await entities(resolve(NER_FIXTURES, f), true);
      const has = (list: typeof on, e: { label: string; type: string }) =>
        list.find((n) => normalizeKey(n.label) === normalizeKey(e.label) && n.type === e.type);
      for (const e of expected) {
        expect(has(off, e), `${f}: ${e.label} found without the tagger`).toBeUndefined();
        const n = has(on, e);
        if (n === undefined) continue;
        found++;
        expect(n.source).toContain("ner");
        expect(n.confidence).toBeGreaterThanOrEqual(0.6);
        expect(n.confidence).toBeLessThan(1);
      }
      // everything the tagger adds is a real name of the article's text, never a common word
      for (const n of on.filter((x) => x.source?.includes("ner"))) expect(readFileSync(resolve(NER_FIXTURES, f), "utf8")).toContain(n.label);
    }
    expect(found).toBeGreaterThanOrEqual(2);
  });

  it("joins a later family-name-only mention to the person the tagger found (short-form pass)", async () => {
    const on = await entities(resolve(NER_FIXTURES, "diyala-village-attack.txt"), true);
    const p = on.find((n) => n.label === "حسين علوان");
    expect(p?.aliases).toContain("علوان");
    expect(on.filter((n) => n.label === "علوان")).toEqual([]);
  });

  it("never overrides lexicon, pattern or title candidates (they win wherever spans overlap)", async () => {
    const res = await loadResources(DATA, { ner: true });
    const text = "وذكرت صحيفة نيويورك تايمز أن مسلحين هاجموا القرية. وقال حسين علوان، وهو أحد وجهاء المنطقة، إن المهاجمين وصلوا إلى بغداد.";
    const v = buildTokenView(text, tokenize(text), splitSentences(text), res.lexicon);
    const found = scanMentions(v, res.lexicon);
    const extra = nerCandidates(v, found, res.lexicon, lazyNerTagger(DATA));
    for (const c of extra) for (const f of found) expect(c.tokenEnd <= f.tokenStart || c.tokenStart >= f.tokenEnd, `${c.label} overlaps ${f.label}`).toBe(true);
    expect(extra.map((c) => c.label)).toContain("حسين علوان");
    // the same text with the name covered by another recogniser gets nothing from the tagger there
    const name = v.tokens.findIndex((t) => t.surface === "حسين");
    const covering = { ...found[0], tokenStart: name, tokenEnd: name + 2, label: "x" };
    expect(nerCandidates(v, [...found, covering], res.lexicon, lazyNerTagger(DATA)).map((c) => c.label)).not.toContain("حسين علوان");
  });

  it("runs without the tagger, with a warning, when the data folder has no model; loads only on first use", () => {
    const warnings: string[] = [];
    expect(nerSource(mkdtempSync(resolve(tmpdir(), "ner-data-")), warnings)).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/ner-anercorp\.bin\.gz/u);
    const shipped = nerSource(DATA, warnings);
    expect(shipped?.file).toBe(resolve(DATA, "models/ner-anercorp.bin.gz"));
    expect(warnings).toHaveLength(1);
  });

  it("types a tagged person as official when a lexicon title ends before the name (nisba adjectives skipped)", async () => {
    const res = await loadResources(DATA, { ner: true });
    const at = (text: string) => {
      const v = buildTokenView(text, tokenize(text), splitSentences(text), res.lexicon);
      return nerCandidates(v, scanMentions(v, res.lexicon), res.lexicon, lazyNerTagger(DATA)).find((c) => c.label === "ديفيد ماكنزي");
    };
    const official = at("وقال السفير الأمريكي ديفيد ماكنزي إن بلاده تدعم الحوار بين الأطراف.");
    expect(official?.type).toBe("official");
    expect(official?.titles?.[0].entry.text).toBe("السفير");
    expect(at("وقال ديفيد ماكنزي إن بلاده تدعم الحوار بين الأطراف.")?.type).toBe("person");
  });

  it("maps spans onto clitic-stripped tokens", async () => {
    const res = await loadResources(DATA);
    const known = (k: string) => ["كاظم", "سوريا"].includes(k);
    expect(procliticCut("وبالعراق", normalizeKey("وبالعراق"), res.lexicon, known)).toBe(2);
    expect(procliticCut("للأمم", normalizeKey("للأمم"), res.lexicon, known)).toBe(1);
    expect(procliticCut("وكاظم", normalizeKey("وكاظم"), res.lexicon, known)).toBe(1);
    expect(procliticCut("وسوريا", normalizeKey("وسوريا"), res.lexicon, known)).toBe(1);
    expect(procliticCut("وليد", normalizeKey("وليد"), res.lexicon, known)).toBe(0);
    expect(procliticCut("بشار", normalizeKey("بشار"), res.lexicon, known)).toBe(0);
  });

  it("does not lower entity F1 of the seed or of the extraction fixtures", async () => {
    const score = await sharedScorer();
    const files = [
      [SEED_ARTICLE, SEED_GOLD],
      ...readdirSync(FIXTURE_DIR).filter((f) => f.endsWith(".txt")).map((f) => [resolve(FIXTURE_DIR, f), resolve(FIXTURE_DIR, f.replace(/\.txt$/u, ".gold.json"))]),
    ];
    for (const [file, gold] of files) {
      const { documents } = await readInputs([file]);
      const f1 = async (ner: boolean) => score(buildGraph(documents, await loadResources(DATA, { ner })).export(), JSON.parse(readFileSync(gold, "utf8"))).entities.f1;
      expect(await f1(true), file).toBeGreaterThanOrEqual(await f1(false));
    }
  }, 60_000);
});
