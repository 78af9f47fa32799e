/** Small knowledge graphs for the query tests, shaped like the built graph (type, label, aliases, labelEn). */
import { MultiDirectedGraph } from "graphology";
import type { KnowledgeGraph } from "../../src/graph/types.ts";

export interface TestNode {
  key: string;
  type: string;
  label: string;
  aliases?: string[];
  labelEn?: string;
  mentions?: number;
  [k: string]: unknown;
}

/** A graph from nodes and `[source, type, target, attributes?]` edges (edge keys `e0`, `e1`, ...). */
export function kg(nodes: TestNode[], edges: [string, string, string, Record<string, unknown>?][]): KnowledgeGraph {
  const g = new MultiDirectedGraph();
  for (const { key, ...attrs } of nodes) g.addNode(key, { aliases: [], ...attrs });
  edges.forEach(([s, type, t, attrs], i) => g.addEdgeWithKey(`e${i}`, s, t, { type, ...attrs }));
  return g as unknown as KnowledgeGraph;
}

/**
 * A small newsroom graph: a prime minister heading the armed forces, a ministry, forces fighting ISIS, a meeting
 * event, places, and co-occurrence edges.
 */
export function newsGraph(): KnowledgeGraph {
  return kg(
    [
      { key: "o1", type: "official", label: "مصطفى الكاظمي", aliases: ["الكاظمي"], labelEn: "Mustafa al-Kadhimi", mentions: 5, roles: ["رئيس الوزراء"] },
      { key: "o2", type: "official", label: "تحسين الخفاجي", labelEn: "Tahsin al-Khafaji", mentions: 2 },
      { key: "m1", type: "ministry", label: "وزارة الداخلية", aliases: ["الداخلية"], labelEn: "Ministry of Interior", mentions: 3 },
      { key: "f1", type: "force", label: "القوات المسلحة", labelEn: "Iraqi Armed Forces", mentions: 2 },
      { key: "f2", type: "force", label: "قوات البيشمركة", aliases: ["البيشمركة"], labelEn: "Peshmerga", mentions: 4 },
      { key: "f3", type: "force", label: "داعش", aliases: ["تنظيم داعش"], labelEn: "ISIS", mentions: 6 },
      { key: "f4", type: "force", label: "الجيش العراقي", aliases: ["الجيش"], labelEn: "Iraqi Army", mentions: 7 },
      { key: "ev1", type: "event", label: "اجتماع قوات البيشمركة ومصطفى الكاظمي", eventType: "meeting", date: "2021-05" },
      { key: "p1", type: "place", label: "بغداد", labelEn: "Baghdad", mentions: 3 },
      { key: "p2", type: "place", label: "الأنبار", labelEn: "Anbar", mentions: 1 },
    ],
    [
      ["o1", "HEADS", "f1"],
      ["o1", "PARTICIPANT_IN", "ev1", { role: "attendee" }],
      ["f2", "PARTICIPANT_IN", "ev1", { role: "attendee" }],
      ["f2", "OPPOSES", "f3"],
      ["f4", "OPPOSES", "f3"],
      ["f4", "COOPERATES_WITH", "f2"],
      ["o2", "SPOKESPERSON_OF", "m1"],
      ["ev1", "OCCURRED_IN", "p1"],
      ["o1", "MENTIONED_WITH", "f3", { weight: 1 }],
      ["o2", "MENTIONED_WITH", "p2", { weight: 2 }],
      ["p2", "MENTIONED_WITH", "f3", { weight: 1 }],
    ],
  );
}

/** An article naming twelve places in one sentence: every pair co-occurs (a clique of MENTIONED_WITH edges). */
export const CLIQUE_ARTICLE = `تنسيق أمني واسع

وصل وفد أمني مشترك إلى بغداد والبصرة والموصل وكركوك وأربيل والنجف وكربلاء وتكريت والرمادي والفلوجة وسامراء والديوانية أمس لمتابعة الخطط الأمنية.
`;
