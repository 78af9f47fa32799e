/**
 * Issue 5 acceptance: `GET /api/nodes/:key` of an event returns its type, date, participants with roles, places
 * and the sentence that reports it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/server/start.ts";
import { seedGraph } from "../helpers/seed.ts";

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ graph: await seedGraph(), port: 0, webRoot: null });
});
afterAll(async () => {
  await server.close();
});

interface Neighbor { key: string; label: string; type: string; edgeType: string; direction: "in" | "out"; role?: string }

async function node(key: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}/api/nodes/${encodeURIComponent(key)}`);
  return { status: res.status, body: await res.json() };
}

describe("GET /api/nodes/:key of an event", () => {
  it("returns the killing on Palestine Street with its date, victim, places and sentence", async () => {
    const g = server.graph;
    const key = g.findNode((_k, a) => a.type === "event" && a.eventType === "killing" && a.date === "2021-03-15");
    expect(key).toBeDefined();
    const r = await node(key!);
    expect(r.status).toBe(200);
    expect(r.body.key).toBe(key);
    expect(r.body.attributes.type).toBe("event");
    expect(r.body.attributes.eventType).toBe("killing");
    expect(r.body.attributes.date).toBe("2021-03-15");
    expect(r.body.attributes.datePrecision).toBe("day");
    expect(typeof r.body.attributes.label).toBe("string");
    const neighbors: Neighbor[] = r.body.neighbors;
    const participants = neighbors.filter((n) => n.edgeType === "PARTICIPANT_IN" && n.direction === "in");
    expect(participants.map((p) => `${p.label}:${p.role}`)).toContain("علي زهراو ندى الساعدي:victim");
    const places = neighbors.filter((n) => n.edgeType === "OCCURRED_IN" && n.direction === "out").map((n) => n.label);
    expect(places).toContain("شارع فلسطين");
    expect(r.body.evidence.length).toBeGreaterThan(0);
    const ev = r.body.evidence[0];
    expect(ev.sentence).toContain("شارع فلسطين");
    expect(ev.sentence.slice(ev.mentionStart, ev.mentionEnd)).toBe(r.body.attributes.triggers[0]);
  });

  it("gives every participant of every event a role from the ontology", async () => {
    const roles = new Set(["agent", "target", "victim", "perpetrator", "source", "recipient", "attendee", "leader"]);
    const g = server.graph;
    const keys = g.filterNodes((_k, a) => a.type === "event");
    expect(keys.length).toBeGreaterThan(5);
    for (const key of keys) {
      const r = await node(key);
      for (const n of r.body.neighbors as Neighbor[]) {
        if (n.edgeType === "PARTICIPANT_IN") expect(roles.has(n.role ?? ""), `${key} ${n.label}`).toBe(true);
      }
    }
  });

  it("answers 404 with a JSON error for an unknown event key", async () => {
    const r = await node("event:no-such-document:0");
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe("NODE_NOT_FOUND");
  });
});
