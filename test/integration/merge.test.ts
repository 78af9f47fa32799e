/**
 * Building several articles into one graph (issues 4.5 and 5.4): the same entity becomes one node with
 * provenance from every document, relations keep evidence from each document, and two different people who share
 * a family name stay two nodes. The two short articles here are written for this test; their people are invented.
 */
import { describe, expect, it } from "vitest";
import { resolve } from "node:path";
import { loadResources } from "../../src/extract/pipeline.ts";
import { buildGraph } from "../../src/graph/build.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import type { SourceDocument } from "../../src/text/types.ts";
import { normalizeKey } from "../../src/text/normalize.ts";
import { ROOT } from "../helpers/seed.ts";
import { FIXTURE_DIR, SEED_ARTICLE, buildFiles, fixtureArticles } from "./scoring.ts";

/** Entity nodes that share a normalised name with another node of the same kind (persons and officials together). */
function duplicates(g: KnowledgeGraph): string[] {
  const byName = new Map<string, Set<string>>();
  g.forEachNode((key, a) => {
    if (a.type === "event") return;
    const kind = a.type === "person" ? "official" : a.type;
    for (const n of new Set([a.label, ...a.aliases].map(normalizeKey))) {
      const k = `${kind}|${n}`;
      if (!byName.has(k)) byName.set(k, new Set());
      byName.get(k)!.add(key);
    }
  });
  return [...byName].filter(([, keys]) => keys.size > 1).map(([name, keys]) => `${name}: ${[...keys].join(", ")}`);
}

function doc(id: string, date: string, text: string): SourceDocument {
  return { id, title: id, source: "test", date, language: "ar", text, removed: [], origin: `test:${id}` };
}

const A = doc("merge-a", "2023-04-02",
  "أعلن قائد شرطة البصرة اللواء كريم الحسناوي اعتقال ثلاثة مطلوبين في قضاء الزبير. وأكد الحسناوي أن قوات الشرطة تواصل عملها.");
const B = doc("merge-b", "2023-04-09",
  "زار قائد شرطة البصرة اللواء كريم الحسناوي ناحية سفوان. وقال المواطن حسين علي الحسناوي إن الأهالي يطالبون بالأمن، وأضاف الحسناوي أن الطرق مغلقة.");

describe("building one article twice", () => {
  it("adds no node and no edge the second time", async () => {
    const once = await buildFiles([SEED_ARTICLE]);
    const twice = await buildFiles([SEED_ARTICLE, SEED_ARTICLE]);
    expect(twice.order).toBe(once.order);
    expect(twice.size).toBe(once.size);
    expect(duplicates(twice)).toEqual([]);
    const key = once.findNode((_k, a) => a.label === "تكريت")!;
    expect(twice.getNodeAttribute(key, "provenance")).toEqual(once.getNodeAttribute(key, "provenance"));
  });
});

describe("building the seed with every test article", () => {
  it("yields no duplicate entity nodes and keeps each article's documents", async () => {
    const g = await buildFiles([SEED_ARTICLE, ...fixtureArticles().map((a) => a.text)]);
    expect(duplicates(g)).toEqual([]);
    expect(Object.keys(g.getAttribute("documents"))).toHaveLength(fixtureArticles().length + 1);
  });

  it("merges an entity named in several articles into one node with provenance from each", async () => {
    const g = await buildFiles([SEED_ARTICLE, resolve(FIXTURE_DIR, "diyala-pmf-attack.txt"), resolve(FIXTURE_DIR, "samarra-joint-operation.txt")]);
    const pmf = g.filterNodes((_k, a) => a.type === "force" && a.label === "الحشد الشعبي");
    expect(pmf).toHaveLength(1);
    const a = g.getNodeAttributes(pmf[0]);
    expect(a.docs).toHaveLength(3);
    expect(new Set(a.provenance.map((p) => p.doc)).size).toBe(3);
    expect(a.mentions).toBe(a.provenance.length);
  });
});

describe("merging two articles about the same official", () => {
  async function graph(): Promise<KnowledgeGraph> {
    return buildGraph([A, B], await loadResources(resolve(ROOT, "graph-data")));
  }

  it("makes one node for the official, with provenance and roles from both documents", async () => {
    const g = await graph();
    const keys = g.filterNodes((_k, a) => a.label === "كريم الحسناوي");
    expect(keys).toHaveLength(1);
    const a = g.getNodeAttributes(keys[0]);
    expect(a.type).toBe("official");
    expect([...a.docs].sort()).toEqual(["merge-a", "merge-b"]);
    expect(new Set(a.provenance.map((p) => p.doc))).toEqual(new Set(["merge-a", "merge-b"]));
    expect(a.roles?.some((r) => r.includes("قائد شرطة البصرة"))).toBe(true);
    expect(a.label).not.toMatch(/اللواء|قائد/);
  });

  it("never merges a different person who shares the family name", async () => {
    const g = await graph();
    const hasnawis = g.filterNodes((_k, a) => (a.type === "official" || a.type === "person") && normalizeKey(a.label).endsWith("الحسناوي"));
    expect(hasnawis.map((k) => g.getNodeAttribute(k, "label")).sort()).toEqual(["حسين علي الحسناوي", "كريم الحسناوي"]);
    const civilian = g.getNodeAttributes(hasnawis.find((k) => g.getNodeAttribute(k, "label") === "حسين علي الحسناوي")!);
    expect(civilian.type).toBe("person");
    expect(civilian.docs).toEqual(["merge-b"]);
  });

  it("keeps one HEADS edge with evidence from each document", async () => {
    const g = await graph();
    const official = g.findNode((_k, a) => a.label === "كريم الحسناوي")!;
    const heads = g.filterOutEdges(official, (_e, a) => a.type === "HEADS");
    expect(heads).toHaveLength(1);
    const e = g.getEdgeAttributes(heads[0]);
    expect(g.getNodeAttribute(g.target(heads[0]), "label")).toBe("شرطة البصرة");
    expect(new Set(e.provenance.map((p) => p.doc))).toEqual(new Set(["merge-a", "merge-b"]));
    expect(e.weight).toBe(2);
  });

  it("keeps each document's events as their own nodes, linked to the one official", async () => {
    const g = await graph();
    const official = g.findNode((_k, a) => a.label === "كريم الحسناوي")!;
    const events = g.filterOutNeighbors(official, (_k, a) => a.type === "event");
    const types = events.map((k) => g.getNodeAttribute(k, "eventType")).sort();
    expect(types).toEqual(["arrest", "visit"]);
    for (const k of events) expect(g.getNodeAttribute(k, "docs")).toHaveLength(1);
  });
});
