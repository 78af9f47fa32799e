import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = resolve(ROOT, "bin/shabaka.mjs");

function shabaka(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("shabaka CLI", () => {
  const dir = mkdtempSync(join(tmpdir(), "shabaka-cli-"));
  const out = join(dir, "g.json");

  it("build writes graphology JSON atomically and prints one summary line", () => {
    const r = shabaka(["build", "graph-data/articles", "--out", out]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^built 1 document: \d+ nodes \(.*place \d+.*\); \d+ edges \(.*MENTIONED_WITH \d+.*\); \d+\.\d\d s/);
    const g = JSON.parse(readFileSync(out, "utf8"));
    expect(g.nodes.length).toBeGreaterThan(30);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("a missing input is exit code 1 with one line naming it, and writes nothing", () => {
    const bad = join(dir, "bad.json");
    const r = shabaka(["build", "no/such/folder", "--out", bad]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("no/such/folder");
    expect(existsSync(bad)).toBe(false);
  });

  it("export --format gexf prints XML to stdout; a bad format is exit 1", () => {
    const r = shabaka(["export", "--graph", out, "--format", "gexf"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<\?xml/);
    const bad = shabaka(["export", "--graph", out, "--format", "pdf"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("serve with a missing graph file is exit 1 with one line", () => {
    const r = shabaka(["serve", "--graph", join(dir, "missing.json"), "--port", "0"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^shabaka serve: .*missing\.json/);
  });

  it("every command has --help", () => {
    for (const cmd of ["build", "serve", "export", "query", "start"]) {
      const r = shabaka([cmd, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`shabaka ${cmd}`);
    }
  });
});
