/** The Arabic-aware lookup functions shabaka.match and shabaka.find (docs/query.md). */
import { describe, expect, it } from "vitest";
import { CypherRuntimeError, runQuery } from "../../src/query/index.ts";
import { newsGraph } from "./helpers.ts";

const g = newsGraph();
const labels = (q: string, params: Record<string, unknown> = {}): unknown[] => runQuery(g, q, { params }).rows.map((r) => r[0]);

describe("shabaka.match", () => {
  it("matches a node's label, an alias or its English label whatever the hamza, ta marbuta, alef maqsura or harakat", () => {
    const m = (text: string): unknown[] => labels("MATCH (n) WHERE shabaka.match(n, $t) RETURN n.label AS l ORDER BY l", { t: text });
    expect(m("الكاظمي")).toEqual(["مصطفى الكاظمي"]);
    expect(m("مصطفي الكاظمى")).toEqual(["مصطفى الكاظمي"]);
    expect(m("مُصْطَفَى الكاظمي")).toEqual(["مصطفى الكاظمي"]);
    expect(m("كاظمي")).toEqual(["مصطفى الكاظمي"]);
    expect(m("وزاره الداخليه")).toEqual(["وزارة الداخلية"]);
    expect(m("الانبار")).toEqual(["الأنبار"]);
    expect(m("peshmerga")).toEqual(["قوات البيشمركة"]);
    expect(m("MUSTAFA")).toEqual(["مصطفى الكاظمي"]);
    expect(m("الجيش")).toEqual(["الجيش العراقي"]);
    expect(m("تنظيم داعش")).toEqual(["داعش"]);
  });

  it("does not match part of a word, nor an event through a participant's name in its description", () => {
    expect(labels("MATCH (n) WHERE shabaka.match(n, 'كاظ') RETURN n")).toEqual([]);
    expect(labels("MATCH (n:event) WHERE shabaka.match(n, 'الكاظمي') RETURN n")).toEqual([]);
    expect(labels("MATCH (n:event) WHERE shabaka.match(n, 'اجتماع قوات البيشمركه ومصطفي الكاظمي') RETURN n.eventType")).toEqual(["meeting"]);
  });

  it("is null on null arguments and a TypeError on a non-node or non-string", () => {
    expect(labels("MATCH (n {label: 'داعش'}) RETURN shabaka.match(n, null)")).toEqual([null]);
    expect(() => runQuery(g, "RETURN shabaka.match(1, 'x')")).toThrow(CypherRuntimeError);
    expect(() => runQuery(g, "MATCH (n) RETURN shabaka.match(n, 1)")).toThrow(CypherRuntimeError);
  });
});

describe("shabaka.find", () => {
  it("returns the matching nodes, whole-name matches first, then by mentions", () => {
    const [found] = labels("RETURN [n IN shabaka.find('الجيش') | n.label]");
    expect(found).toEqual(["الجيش العراقي"]);
    // The article is optional: قوات also names القوات المسلحة; partial matches are ranked by mentions.
    const [forces] = labels("RETURN [n IN shabaka.find('قوات') | n.label]");
    expect(forces).toEqual(["قوات البيشمركة", "القوات المسلحة"]);
    const [isis] = labels("RETURN [n IN shabaka.find('داعش') | n.labelEn]");
    expect(isis).toEqual(["ISIS"]);
    expect(labels("UNWIND shabaka.find('لا شيء') AS n RETURN n")).toEqual([]);
  });

  it("feeds MATCH through UNWIND and ranks an exact label, then an exact alias, then a partial match", () => {
    const g2 = newsGraph();
    g2.addNode("o3", { type: "official", label: "كاظم الكاظمي", aliases: [], mentions: 9 } as never);
    g2.addNode("o4", { type: "person", label: "الكاظمي", aliases: [], mentions: 1 } as never);
    const r = runQuery(g2, "UNWIND shabaka.find('الكاظمي') AS n RETURN n.label").rows.map((x) => x[0]);
    expect(r).toEqual(["الكاظمي", "مصطفى الكاظمي", "كاظم الكاظمي"]);
  });
});

describe("the Arabic shortest-path query", () => {
  it("finds a path whatever the spelling, and a typed one when MENTIONED_WITH is excluded", () => {
    const any = runQuery(g, "MATCH p = shortestPath((a)-[*..6]-(b)) WHERE shabaka.match(a, 'الكاظمى') AND shabaka.match(b, 'داعش') RETURN [r IN relationships(p) | type(r)]");
    expect(any.rows).toEqual([[["MENTIONED_WITH"]]]);
    const typed = runQuery(g, "MATCH p = shortestPath((a)-[*..6]-(b)) WHERE shabaka.match(a, 'الكاظمي') AND shabaka.match(b, 'داعش') AND none(r IN relationships(p) WHERE type(r) = 'MENTIONED_WITH') RETURN [n IN nodes(p) | n.label], [r IN relationships(p) | type(r)]");
    expect(typed.rows).toEqual([[["مصطفى الكاظمي", "اجتماع قوات البيشمركة ومصطفى الكاظمي", "قوات البيشمركة", "داعش"], ["PARTICIPANT_IN", "PARTICIPANT_IN", "OPPOSES"]]]);
    expect(typed.warnings).toEqual([]);
  });
});
