/** `shabaka query` on a saved graph: the three formats, parameters, warnings on stderr, errors as one line. */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.ts";
import { saveGraph } from "../../src/graph/store.ts";
import { formatResult } from "../../src/query/format.ts";
import { runQuery } from "../../src/query/index.ts";
import { seedGraph } from "../helpers/seed.ts";
import { newsGraph } from "./helpers.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = resolve(ROOT, "bin/shabaka.mjs");
const file = join(mkdtempSync(join(tmpdir(), "shabaka-query-cli-")), "g.json");

/** Runs the real binary (a separate process). */
function spawnShabaka(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, "query", ...args, "--graph", file], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the CLI's main() in this process with stdout and stderr captured (the same code path, no start-up cost). */
async function shabaka(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((c: string | Uint8Array) => ((stdout += String(c)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((c: string | Uint8Array) => ((stderr += String(c)), true));
  try {
    const code = await main([process.execPath, BIN, "query", ...args, "--graph", file]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const SHORTEST = "MATCH p = shortestPath((a)-[*..6]-(b)) WHERE shabaka.match(a,'الكاظمي') AND shabaka.match(b,'داعش') RETURN p";

describe("shabaka query", () => {
  beforeAll(async () => {
    await saveGraph(await seedGraph(), file);
  });

  it("prints the seed shortest path as a table: from مصطفى الكاظمي to داعش (the real binary)", () => {
    const r = spawnShabaka([SHORTEST]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0].trim()).toBe("p");
    expect(lines[1]).toMatch(/^-+$/);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const row of lines.slice(2, -1)) expect(row).toMatch(/^\(official مصطفى الكاظمي\).*\(force داعش\)$/);
    expect(lines[lines.length - 1]).toMatch(/^\(\d+ rows?, [\d.]+ ms\)$/);
  });

  it("prints JSON with columns, rows, graph, stats and warnings", async () => {
    const r = await shabaka([SHORTEST.replace("RETURN p", "AND none(r IN relationships(p) WHERE type(r) = 'MENTIONED_WITH') RETURN p"), "--format", "json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.columns).toEqual(["p"]);
    const p = j.rows[0][0];
    expect(p.nodes[0].properties.label).toBe("مصطفى الكاظمي");
    expect(p.nodes.at(-1).properties.label).toBe("داعش");
    expect(p.relationships.map((x: { type: string }) => x.type)).not.toContain("MENTIONED_WITH");
    expect(j.graph.nodes.length).toBe(p.nodes.length);
  });

  it("the seed query goes through typed relations; --cooccurrence-paths lets it take the co-occurrence edge", async () => {
    const path = async (extra: string[]) => {
      const r = await shabaka([SHORTEST, "--format", "json", ...extra]);
      expect(r.code).toBe(0);
      const p = JSON.parse(r.stdout).rows[0][0];
      expect([p.nodes[0].properties.label, p.nodes.at(-1).properties.label]).toEqual(["مصطفى الكاظمي", "داعش"]);
      return p.relationships.map((x: { type: string }) => x.type) as string[];
    };
    const typed = await path([]);
    expect(typed.length).toBeGreaterThanOrEqual(2);
    expect(typed).not.toContain("MENTIONED_WITH");
    expect(await path(["--cooccurrence-paths"])).toEqual(["MENTIONED_WITH"]);
  });

  it("prints CSV with quoting, and takes --param values as JSON or text", async () => {
    const r = await shabaka(["MATCH (n) WHERE n.label = $name RETURN n.label AS label, n.type AS type, n.aliases AS aliases, $k AS k", "--format", "csv", "--param", "name=مصطفى الكاظمي", "--param", "k=[1,2]"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('label,type,aliases,k\r\nمصطفى الكاظمي,official,"[""الكاظمي""]","[1,2]"\r\n');
  });

  it("warns on stderr when a cap is hit, and still prints the rows", async () => {
    const r = await shabaka(["UNWIND range(1, 50) AS x RETURN x", "--max-rows", "3", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rows).toEqual([[1], [2], [3]]);
    expect(r.stderr).toMatch(/^shabaka query: warning: row cap of 3/);
  });

  it("a syntax error is exit 1 with one line giving line and column (the real binary)", () => {
    const r = spawnShabaka(["MATCH (n)\nRETRN n"]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^shabaka query: .*\(line 2, column 1\)$/m);
  });

  it("refuses writes, bad formats and bad numbers with exit 1 and one line", async () => {
    for (const args of [["CREATE (n:place)"], ["RETURN 1", "--format", "xml"], ["RETURN 1", "--max-rows", "-3"], ["RETURN 1", "--param", "novalue"]]) {
      const r = await shabaka(args);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
    }
  });
});

describe("formatResult", () => {
  const res = runQuery(newsGraph(), "MATCH p = (o:official)-[r:HEADS]->(f) RETURN o, r, p, o.labelEn AS en, null AS nothing");
  it("renders nodes, relationships and paths compactly in a table", () => {
    const lines = formatResult(res, "table").split("\n");
    expect(lines[0].split("|").map((s) => s.trim())).toEqual(["o", "r", "p", "en", "nothing"]);
    expect(lines[2].split("|").map((s) => s.trim())).toEqual(["(official مصطفى الكاظمي)", "[HEADS]", "(official مصطفى الكاظمي)-[HEADS]->(force القوات المسلحة)", "Mustafa al-Kadhimi", "null"]);
    expect(lines[3]).toMatch(/^\(1 row, /);
  });
  it("renders JSON that parses back to the result", () => {
    expect(JSON.parse(formatResult(res, "json"))).toEqual(res);
  });
});
