import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { mkdtempSync, readFileSync, existsSync, readdirSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = resolve(ROOT, "bin/shabaka.mjs");

function shabaka(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000, env: { ...process.env, ...env } });
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

  it("build --out onto an existing folder is exit 1 with one line naming it, before any extraction", () => {
    const folder = join(dir, "a-folder");
    mkdirSync(folder);
    const r = shabaka(["build", "graph-data/articles", "--out", folder]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^shabaka build: --out ".*a-folder" is a folder/);
    expect(r.stdout).toBe("");
    expect(readdirSync(folder)).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("serve takes its port from PORT when --port is not given; --port wins; a bad PORT is exit 1 naming it", async () => {
    const free = await new Promise<number>((ok) => {
      const s = createServer().listen(0, "127.0.0.1", () => {
        const port = (s.address() as { port: number }).port;
        s.close(() => ok(port));
      });
    });
    const line = await new Promise<string>((ok, fail) => {
      const child = spawn(process.execPath, [BIN, "serve", "--graph", out], { cwd: ROOT, env: { ...process.env, PORT: String(free), LOG_LEVEL: "warn" } });
      let text = "";
      const timer = setTimeout(() => { child.kill(); fail(new Error(`no serving line: ${text}`)); }, 30_000);
      child.stdout.setEncoding("utf8").on("data", (d: string) => {
        text += d;
        if (text.includes("serving")) {
          clearTimeout(timer);
          child.kill();
          ok(text.trim());
        }
      });
    });
    expect(line).toContain(`serving http://127.0.0.1:${free}`);
    const bad = shabaka(["serve", "--graph", out], { PORT: "abc" });
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toMatch(/PORT/);
    expect(bad.stderr).toContain("abc");
    // An explicit --port is used even with a bad PORT in the environment.
    const explicit = shabaka(["serve", "--graph", join(dir, "missing.json"), "--port", "0"], { PORT: "abc" });
    expect(explicit.stderr).toMatch(/missing\.json/);
  });
});
