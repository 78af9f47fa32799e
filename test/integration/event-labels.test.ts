/** English labels of events (src/graph/event-label.ts): composition rules and the seed graph. */
import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "../../src/graph/schema.ts";
import { EVENT_TYPE_EN, composeEventLabel } from "../../src/graph/event-label.ts";
import { seedGraph } from "../helpers/seed.ts";

describe("composeEventLabel", () => {
  it.each([
    ["killing", [], undefined, "Killing"],
    ["visit", ["Mustafa al-Kadhimi"], undefined, "Visit: Mustafa al-Kadhimi"],
    ["raid", ["ISIS", "Federal Police"], "Tikrit", "Raid: ISIS, Federal Police — Tikrit"],
    ["meeting", ["A", "B", "C", "D", "E"], "Erbil", "Meeting: A, B, C +2 — Erbil"],
    ["other", [], "Basra", "Event — Basra"],
  ] as const)("%s %j %s → %s", (eventType, participants, place, expected) => {
    expect(composeEventLabel({ eventType }, participants, place)).toBe(expected);
  });
  it("names every event type of the ontology", () => {
    for (const t of EVENT_TYPES) expect(EVENT_TYPE_EN[t]).toMatch(/^[A-Z][a-z]+$/u);
  });
});

describe("event nodes of the seed graph", async () => {
  const graph = await seedGraph();
  const events = graph.filterNodes((_k, a) => a.type === "event");
  it("each has an English label naming its type and only its own participants and place", () => {
    expect(events.length).toBeGreaterThan(5);
    for (const k of events) {
      const a = graph.getNodeAttributes(k);
      expect(a.labelEnSource).toBe("composed");
      expect(a.labelEn?.startsWith(EVENT_TYPE_EN[a.eventType!])).toBe(true);
      const en = (e: string, end: "source" | "target") => graph.getNodeAttribute(end === "source" ? graph.source(e) : graph.target(e), "labelEn");
      const participants = graph.inEdges(k).filter((e) => graph.getEdgeAttribute(e, "type") === "PARTICIPANT_IN").map((e) => en(e, "source"));
      const places = graph.outEdges(k).filter((e) => graph.getEdgeAttribute(e, "type") === "OCCURRED_IN").map((e) => en(e, "target"));
      const m = /^[A-Za-z]+(?::\s*(.*?))?(?:\s*\+\d+)?(?:\s*—\s*(.*))?$/u.exec(a.labelEn!);
      expect(m, a.labelEn).not.toBeNull();
      for (const n of m![1] === undefined ? [] : m![1].split(", ")) expect(participants).toContain(n);
      if (m![2] !== undefined) expect(places).toContain(m![2]);
    }
  });
});
