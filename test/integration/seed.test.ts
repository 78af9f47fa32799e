import { describe, expect, it } from "vitest";
import { nodeByLabel, seedGraph } from "../helpers/seed.ts";

describe("the seed article becomes a graph with provenance", () => {
  it("has a place node تكريت whose every provenance record cuts the body at exactly تكريت", async () => {
    const g = await seedGraph();
    const key = nodeByLabel(g, "تكريت", "place");
    expect(key).toBeDefined();
    const a = g.getNodeAttributes(key!);
    const docs = g.getAttribute("documents");
    expect(a.provenance.length).toBeGreaterThan(0);
    for (const p of a.provenance) {
      const d = docs[p.doc];
      expect(d.text.slice(p.start, p.end)).toBe("تكريت");
      const s = d.sentences[p.sentence];
      expect(s.start).toBeLessThanOrEqual(p.start);
      expect(s.end).toBeGreaterThanOrEqual(p.end);
    }
  });

  it("recognises officials from their titles, with the title in roles and not in the label", async () => {
    const g = await seedGraph();
    const key = g.findNode((_k, a) => a.type === "official" && a.label.endsWith("الخفاجي"));
    expect(key).toBeDefined();
    const a = g.getNodeAttributes(key!);
    expect(a.label).not.toMatch(/^(اللواء|المتحدث)/);
    expect((a.roles ?? []).some((r) => r.includes("اللواء"))).toBe(true);
  });

  it("every node and edge carries provenance whose offsets lie inside its sentence", async () => {
    const g = await seedGraph();
    const docs = g.getAttribute("documents");
    const check = (prov: { doc: string; sentence: number; start: number; end: number }[]) => {
      expect(prov.length).toBeGreaterThan(0);
      for (const p of prov) {
        const s = docs[p.doc].sentences[p.sentence];
        expect(p.start).toBeGreaterThanOrEqual(s.start);
        expect(p.end).toBeLessThanOrEqual(s.end);
        expect(p.end).toBeGreaterThan(p.start);
      }
    };
    g.forEachNode((_k, a) => check(a.provenance));
    g.forEachEdge((_k, a) => check(a.provenance));
  });

  it("has no entity from the promotion lines (boilerplate)", async () => {
    const g = await seedGraph();
    const docs = Object.values(g.getAttribute("documents"));
    expect(docs[0].removed?.length ?? 0).toBeGreaterThan(0);
    expect(g.findNode((_k, a) => /انستجرام|إنستجرام/.test(a.label))).toBeUndefined();
  });

  it("links co-occurring entities with MENTIONED_WITH and typed relations with their types", async () => {
    const g = await seedGraph();
    const types = new Set(g.mapEdges((_k, a) => a.type));
    expect(types.has("MENTIONED_WITH")).toBe(true);
    expect([...types].filter((t) => t !== "MENTIONED_WITH").length).toBeGreaterThan(2);
  });
});
