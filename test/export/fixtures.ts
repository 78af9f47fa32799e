/**
 * Fixture graphs for the export tests: a realistic one (Arabic labels, aliases holding `|` and `,`, provenance,
 * events, parallel edges, a co-occurrence edge, some nodes laid out and some not) and a hostile one.
 * Person labels are placeholders ("شخص أ"), never real names.
 */
import { MultiDirectedGraph } from "graphology";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import type { EdgeAttributes, NodeAttributes, Provenance } from "../../src/graph/schema.ts";

const DOC1 =
  "أعلنت وزارة الداخلية تسليم الملف الأمني في محافظة بابل إلى الشرطة الاتحادية. " +
  "وقال الناطق باسم الوزارة شخص أ إن القوات انتشرت في شارع فلسطين بالعاصمة بغداد. " +
  "وتقع تكريت عاصمة محافظة صلاح الدين شمال بغداد.";
const DOC2 = "هاجم تنظيم داعش نقطة تفتيش للجيش العراقي قرب تكريت في آب 2014، وقال الجيش العراقي إن الهجوم فشل.";

function prov(doc: string, text: string, needle: string, sentence = 0): Provenance {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`fixture: "${needle}" not in ${doc}`);
  return { doc, sentence, start, end: start + needle.length };
}

function node(g: KnowledgeGraph, key: string, attrs: Partial<NodeAttributes> & Pick<NodeAttributes, "label" | "type">): void {
  const provenance = attrs.provenance ?? [];
  g.addNode(key, {
    aliases: [],
    docs: [...new Set(provenance.map((p) => p.doc))],
    mentions: provenance.length,
    ...attrs,
    provenance,
  });
}

function edge(g: KnowledgeGraph, key: string, s: string, t: string, attrs: Partial<EdgeAttributes> & Pick<EdgeAttributes, "type">): void {
  const provenance = attrs.provenance ?? [];
  g.addEdgeWithKey(key, s, t, { weight: Math.max(1, provenance.length), ...attrs, provenance });
}

/** A small realistic knowledge graph (12 nodes, 12 edges). */
export function buildFixtureGraph(): KnowledgeGraph {
  const g: KnowledgeGraph = new MultiDirectedGraph({ allowSelfLoops: true }) as KnowledgeGraph;
  g.replaceAttributes({
    schemaVersion: 1,
    createdAt: "2026-11-29T10:00:00.000Z",
    documents: {
      d1: { id: "d1", title: "تسليم الملف الأمني", source: "وكالة الانباء العراقية", date: "2014-08-04", text: DOC1, sentences: [{ start: 0, end: 77 }] },
      d2: { id: "d2", title: "هجوم قرب تكريت", date: "2014-08-05", text: DOC2, sentences: [{ start: 0, end: DOC2.length }] },
    },
  });
  node(g, "ministry:وزاره الداخليه", {
    label: "وزارة الداخلية", type: "ministry", labelEn: "Ministry of Interior", labelEnSource: "lexicon",
    aliases: ["الداخلية", "وزارة الداخلية العراقية, بغداد", "الوزارة|الداخلية"],
    provenance: [prov("d1", DOC1, "وزارة الداخلية")], firstSeen: "2014-08-04", lastSeen: "2014-08-04", confidence: 0.97,
    source: "lexicon", x: 10.5, y: -3.25, size: 12, color: "#1f77b4",
  });
  node(g, "place:بابل", {
    label: "بابل", type: "place", labelEn: "Babil", aliases: ["محافظة بابل"], provenance: [prov("d1", DOC1, "بابل")],
    lat: 32.47, lon: 44.55, pcode: "IQG07", firstSeen: "2014-08-04", lastSeen: "2014-08-04",
  });
  node(g, "force:الشرطه الاتحاديه", {
    label: "الشرطة الاتحادية", type: "force", labelEn: "Federal Police", aliases: ["الاتحادية"],
    provenance: [prov("d1", DOC1, "الشرطة الاتحادية")],
  });
  node(g, "official:شخص ا", {
    label: "شخص أ", type: "official", labelEn: "Shakhs A", labelEnSource: "transliteration",
    aliases: ["أ", 'الناطق "الرسمي"', "back\\slash"], roles: ["الناطق باسم الوزارة", "اللواء"],
    provenance: [prov("d1", DOC1, "شخص أ", 1)], x: 0, y: 0, size: 8,
  });
  node(g, "place:شارع فلسطين", {
    label: "شارع فلسطين", type: "place", aliases: [], provenance: [prov("d1", DOC1, "شارع فلسطين", 1)],
  });
  node(g, "place:بغداد", {
    label: "بغداد", type: "place", labelEn: "Baghdad", aliases: ["العاصمة بغداد", "العاصمة، بغداد", "Baghdad | بغداد"],
    provenance: [prov("d1", DOC1, "بغداد", 1), prov("d1", DOC1, "بغداد.", 2)], lat: 33.31, lon: 44.36,
  });
  node(g, "place:تكريت", {
    label: "تكريت", type: "place", labelEn: "Tikrit", aliases: [], provenance: [prov("d1", DOC1, "تكريت", 2), prov("d2", DOC2, "تكريت")],
    firstSeen: "2014-08-04", lastSeen: "2014-08-05",
  });
  node(g, "place:صلاح الدين", {
    label: "صلاح الدين", type: "place", labelEn: "Salah ad-Din", aliases: ["محافظة صلاح الدين"],
    provenance: [prov("d1", DOC1, "صلاح الدين", 2)],
  });
  node(g, "force:داعش", {
    label: "داعش", type: "force", labelEn: "ISIS", aliases: ["تنظيم داعش"], provenance: [prov("d2", DOC2, "داعش")],
  });
  node(g, "force:الجيش العراقي", {
    label: "الجيش العراقي", type: "force", labelEn: "Iraqi Army", aliases: ["الجيش"], provenance: [prov("d2", DOC2, "الجيش العراقي")],
  });
  node(g, "event:d1:0", {
    label: "تسليم الملف الأمني في بابل", type: "event", eventType: "handover", date: "2014-08-04", datePrecision: "day",
    triggers: ["تسليم"], aliases: [], provenance: [prov("d1", DOC1, "تسليم")],
  });
  node(g, "event:d2:0", {
    label: "هجوم على نقطة تفتيش", type: "event", eventType: "attack", date: "2014-08", datePrecision: "month",
    triggers: ["هاجم"], aliases: [], provenance: [prov("d2", DOC2, "هاجم")],
  });

  edge(g, "e1", "official:شخص ا", "ministry:وزاره الداخليه", { type: "SPOKESPERSON_OF", provenance: [prov("d1", DOC1, "الناطق باسم الوزارة", 1)], confidence: 0.9 });
  edge(g, "e2", "official:شخص ا", "ministry:وزاره الداخليه", { type: "MEMBER_OF", provenance: [prov("d1", DOC1, "الناطق باسم الوزارة", 1)], confidence: 0.6 });
  edge(g, "e3", "place:شارع فلسطين", "place:بغداد", { type: "LOCATED_IN", provenance: [prov("d1", DOC1, "شارع فلسطين بالعاصمة بغداد", 1)] });
  edge(g, "e4", "place:تكريت", "place:صلاح الدين", { type: "CAPITAL_OF", provenance: [prov("d1", DOC1, "تكريت عاصمة محافظة صلاح الدين", 2)] });
  edge(g, "e5", "ministry:وزاره الداخليه", "event:d1:0", { type: "PARTICIPANT_IN", role: "agent", provenance: [prov("d1", DOC1, "أعلنت وزارة الداخلية تسليم")] });
  edge(g, "e6", "force:الشرطه الاتحاديه", "event:d1:0", { type: "PARTICIPANT_IN", role: "recipient", provenance: [prov("d1", DOC1, "إلى الشرطة الاتحادية")] });
  edge(g, "e7", "event:d1:0", "place:بابل", { type: "OCCURRED_IN", provenance: [prov("d1", DOC1, "في محافظة بابل")] });
  edge(g, "e8", "force:داعش", "event:d2:0", { type: "PARTICIPANT_IN", role: "perpetrator", provenance: [prov("d2", DOC2, "هاجم تنظيم داعش")] });
  edge(g, "e9", "force:الجيش العراقي", "event:d2:0", { type: "PARTICIPANT_IN", role: "target", provenance: [prov("d2", DOC2, "للجيش العراقي")] });
  edge(g, "e10", "event:d2:0", "place:تكريت", { type: "OCCURRED_IN", provenance: [prov("d2", DOC2, "قرب تكريت")] });
  edge(g, "e11", "force:داعش", "force:الجيش العراقي", { type: "OPPOSES", provenance: [prov("d2", DOC2, "هاجم تنظيم داعش نقطة تفتيش للجيش العراقي")], weight: 2.5 });
  edge(g, "e12", "place:بابل", "place:بغداد", {
    type: "MENTIONED_WITH", cooccurrence: true, weight: 3,
    provenance: [prov("d1", DOC1, "بابل"), prov("d1", DOC1, "بغداد", 1), prov("d1", DOC1, "بغداد.", 2)],
  });
  return g;
}

/** Characters XML 1.0 forbids, placed once each in the hostile graph where the GEXF writes them exactly once. */
export const HOSTILE = {
  control: "\u0001",
  nul: "\u0000",
  backspace: "\b",
  loneHigh: "😀".slice(0, 1),
  loneLow: "😀".slice(1),
  nonChar: "\uFFFF",
  bidi: "\u202E\u2066\u200F",
  markup: `& < > " ' ]]> <!-- --> <![CDATA[x]]>`,
};

/** The long sentence of the hostile fixture (200,000 characters). */
export const LONG_SENTENCE = ("جملة طويلة جدا، " as string).repeat(12_500);

/**
 * A graph built to break writers: C0 controls, NUL, unpaired surrogates (a label cut inside an emoji), U+FFFF,
 * markup characters, bidi controls, tabs and newlines, an Arabic attribute name, a 200,000-character value,
 * non-finite numbers, odd colours, and two node keys that collide once their control character is removed.
 * In its GEXF export exactly {@link HOSTILE_REMOVED_IN_GEXF} forbidden characters are removed.
 */
export function buildHostileGraph(): KnowledgeGraph {
  const g: KnowledgeGraph = new MultiDirectedGraph({ allowSelfLoops: true }) as KnowledgeGraph;
  const h = HOSTILE;
  g.replaceAttributes({
    schemaVersion: 1,
    documents: { "doc<&>": { id: "doc<&>", text: LONG_SENTENCE, sentences: [{ start: 0, end: LONG_SENTENCE.length }] } },
  });
  const base = { aliases: [] as string[], provenance: [] as Provenance[], mentions: 0, docs: [] as string[] };
  // 1 control (label)
  g.addNode("place:a", { ...base, type: "place", label: `تكريت${h.control}مدينة`, aliases: [`بغداد|${h.markup}`, "a, b", "tab\there", "line\nbreak\r\nend"] });
  // 1 lone high surrogate (label cut in the middle of an emoji)
  g.addNode("person:b", { ...base, type: "person", label: `شخص ب ${h.loneHigh}`, roles: [`${h.bidi}دور`] });
  // 1 NUL + 1 lone low surrogate (aliases)
  g.addNode("force:c", { ...base, type: "force", label: h.markup, aliases: [`x${h.nul}y`, `${h.loneLow}z`], size: Number.NaN, x: Number.POSITIVE_INFINITY, y: 1, color: "rgb(300, 0, 0)" });
  // 1 backspace in the key; "event:bad<key" also exists, so the cleaned key must change again
  g.addNode(`event:bad${h.backspace}<key`, { ...base, type: "event", label: "حدث", eventType: "other", color: "rgba(1, 2, 3, 0.5)" });
  g.addNode("event:bad<key", { ...base, type: "event", label: "حدث آخر", eventType: "other", color: "#abc" });
  // 1 U+FFFF (labelEn)
  g.addNode("organization:d", { ...base, type: "organization", label: LONG_SENTENCE, labelEn: `Org${h.nonChar}`, color: "red" });
  const extra = g.getNodeAttributes("organization:d") as unknown as Record<string, unknown>;
  extra["اسم بديل"] = "قيمة عربية";
  extra["weird:name<&>"] = 7;
  extra.nested = { a: [1, 2], b: "x" };
  g.addEdgeWithKey("h1", "place:a", "person:b", { type: "MENTIONED_WITH", cooccurrence: true, weight: Number.NaN, provenance: [], confidence: Number.NEGATIVE_INFINITY });
  g.addEdgeWithKey("h2", `event:bad${h.backspace}<key`, "event:bad<key", { type: "OCCURRED_IN", weight: 1, provenance: [{ doc: "doc<&>", sentence: 0, start: 0, end: 10 }] });
  g.addEdgeWithKey("h3", "force:c", "force:c", { type: "OPPOSES", weight: 2, provenance: [] });
  return g;
}

/** Forbidden characters in the hostile graph that the GEXF writer meets (each once). */
export const HOSTILE_REMOVED_IN_GEXF = 6;
