/**
 * `shabaka export` as a user runs it (`node bin/shabaka.mjs export …` in a child process): every format to a
 * file or folder (atomically, nothing left behind), single-file formats to stdout, `--query` subgraphs, write
 * queries and bad options refused with exit code 1 and one line, warnings for hostile content on stderr.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { buildFixtureGraph, buildHostileGraph } from "./fixtures.ts";
import { csvObjects, saxesParse } from "./helpers.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = resolve(ROOT, "bin/shabaka.mjs");

function shabaka(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, "export", ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking, so independent runs overlap. */
function shabakaAsync(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [BIN, "export", ...args], { cwd: ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("close", (code) => ok({ code, stdout, stderr }));
  });
}

const dir = mkdtempSync(join(tmpdir(), "shabaka-export-cli-"));
const fixture = buildFixtureGraph();
const graphFile = join(dir, "graph.json");
writeFileSync(graphFile, JSON.stringify(fixture.export()));
const hostileFile = join(dir, "hostile.json");
writeFileSync(hostileFile, JSON.stringify(buildHostileGraph().export()));

const ids = (xml: string, name: string) => saxesParse(xml).filter((e) => e.name === name).map((e) => e.attributes.id).sort();

describe("shabaka export", () => {
  it("writes GEXF 1.2draft to --out atomically and says what it wrote", () => {
    const out = join(dir, "out", "g.gexf");
    const r = shabaka(["--graph", graphFile, "--format", "gexf-1.2", "--out", out, "--date", "2026-11-29"]);
    expect(r.code).toBe(0);
    expect(r.stderr.trim()).toBe(`shabaka export: wrote ${out} (12 nodes, 12 edges)`);
    const text = readFileSync(out, "utf8");
    expect(saxesParse(text)[0].uri).toBe("http://www.gexf.net/1.2draft");
    expect(text).toContain('lastmodifieddate="2026-11-29"');
    expect(ids(text, "node")).toEqual(fixture.nodes().sort());
    expect(readdirSync(join(dir, "out"))).toEqual(["g.gexf"]);
  });

  it("prints single-file formats to stdout and writes csv and neo4j into a folder", async () => {
    const folder = join(dir, "neo");
    const [json, neo, csv] = await Promise.all([
      shabakaAsync(["--graph", graphFile, "--format", "json"]),
      shabakaAsync(["--graph", graphFile, "--format", "neo4j", "--out", folder, "--cypher-batch", "2"]),
      shabakaAsync(["--graph", graphFile, "--format", "csv", "--out", join(dir, "csv"), "--bom", "--no-cooccurrence"]),
    ]);
    expect([json.code, neo.code, csv.code]).toEqual([0, 0, 0]);
    expect(JSON.parse(json.stdout).nodes).toHaveLength(12);
    expect(readdirSync(folder).sort()).toEqual(["edges.csv", "import.cypher", "nodes.csv", "schema.cypher"]);
    expect(readFileSync(join(folder, "import.cypher"), "utf8").match(/^UNWIND/gm)!.length).toBeGreaterThan(12);
    const edges = readFileSync(join(dir, "csv", "edges.csv"), "utf8");
    expect(edges.charCodeAt(0)).toBe(0xfeff);
    expect(csvObjects(edges.slice(1)).map((e) => e.type)).not.toContain("MENTIONED_WITH");
    expect(csvObjects(edges.slice(1))).toHaveLength(11);
  });

  it("--query exports the subgraph a read-only query returns", async () => {
    const [nodesOnly, withRels] = await Promise.all([
      shabakaAsync(["--graph", graphFile, "--format", "graphml", "--query", "MATCH (n:force) RETURN n"]),
      shabakaAsync(["--graph", graphFile, "--format", "gexf", "--query", "MATCH (e)-[r:OCCURRED_IN]->(p) WHERE p.label = $p RETURN e, r, p",
        "--params", JSON.stringify({ p: "تكريت" })]),
    ]);
    expect([nodesOnly.code, withRels.code]).toEqual([0, 0]);
    expect(ids(nodesOnly.stdout, "node")).toEqual(fixture.filterNodes((_k, a) => a.type === "force").sort());
    expect(ids(nodesOnly.stdout, "edge")).toEqual(["e11"]);
    expect(ids(withRels.stdout, "edge")).toEqual(["e10"]);
    expect(ids(withRels.stdout, "node")).toEqual(["event:d2:0", "place:تكريت"]);
  });

  it("refuses write queries, bad queries and bad options with exit code 1 and one line, writing nothing", async () => {
    const out = join(dir, "never.gexf");
    const cases = [
      ["--format", "gexf", "--out", out, "--query", "MATCH (n) DETACH DELETE n"],
      ["--format", "pdf", "--out", out],
      ["--format", "csv"],
      ["--format", "gexf", "--out", out, "--params", "{}"],
    ];
    const runs = await Promise.all([
      ...cases.map((args) => shabakaAsync(["--graph", graphFile, ...args])),
      shabakaAsync(["--graph", graphFile, "--format", "gexf", "--out", out, "--query", "MATCH (n RETURN n"]),
    ]);
    cases.forEach((args, i) => {
      const r = runs[i];
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(r.stderr).toMatch(/^shabaka export: /);
    });
    expect(runs[0].stderr).toContain("DELETE is a write clause");
    const syntax = runs[cases.length];
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toContain("line 1");
    expect(existsSync(out)).toBe(false);
  });

  it("reports removed characters and dropped numbers of hostile content on stderr", () => {
    const r = shabaka(["--graph", hostileFile, "--format", "gexf", "--out", join(dir, "hostile.gexf")]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: graph\.gexf: removed \d+ forbidden character\(s\)/);
    expect(saxesParse(readFileSync(join(dir, "hostile.gexf"), "utf8")).filter((e) => e.name === "node")).toHaveLength(6);
  });

  it("refuses an --out that cannot be written — a folder for one file, a file for a folder, a path under a file — naming it, with nothing left behind", async () => {
    const asFile = join(dir, "plain-file.txt");
    writeFileSync(asFile, "keep me");
    const folder = mkdtempSync(join(dir, "folder-"));
    const cases: [string[], RegExp][] = [
      [["--format", "gexf", "--out", folder], /--out .*folder-.* is a folder/],
      [["--format", "csv", "--out", asFile], /--out .*plain-file\.txt.* is a file/],
      [["--format", "json", "--out", join(asFile, "sub", "g.json")], /cannot write .*plain-file\.txt/],
    ];
    const runs = await Promise.all(cases.map(([args]) => shabakaAsync(["--graph", graphFile, ...args])));
    cases.forEach(([args, message], i) => {
      const r = runs[i];
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(r.stderr, args.join(" ")).toMatch(message);
      expect(r.stderr, args.join(" ")).not.toMatch(/\.tmp\b/);
    });
    expect(readFileSync(asFile, "utf8")).toBe("keep me");
    expect(readdirSync(folder)).toEqual([]);
  });

  it("refuses a --date that is not a calendar day (GEXF lastmodifieddate is an xsd:date)", () => {
    for (const date of ["2021-13-45", "2021-02-30"]) {
      const r = shabaka(["--graph", graphFile, "--format", "gexf", "--date", date]);
      expect(r.code, date).toBe(1);
      expect(r.stderr, date).toContain(date);
      expect(r.stdout).toBe("");
    }
    const ok = shabaka(["--graph", graphFile, "--format", "gexf", "--date", "2024-02-29"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('lastmodifieddate="2024-02-29"');
  });
});
