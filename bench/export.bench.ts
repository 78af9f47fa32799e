/**
 * GEXF export of a large synthetic knowledge graph: wall time and peak memory of `shabaka`'s streaming GEXF 1.3
 * writer, and its ratio to networkx's `write_gexf` on the same graph (same nodes, edges and attribute values,
 * lists and provenance as the same JSON text, the same viz colour, size and position).
 *
 * Target (issue #8): 100,000 nodes / 500,000 edges to GEXF in under 10 s, memory (peak RSS) under 1 GB.
 * Run: `node --import tsx bench/export.bench.ts [--nodes N] [--edges M] [--no-python]`.
 * Python: `$SHABAKA_PYTHON`, else /usr/bin/python3 (Debian's python3-networkx), else `python3`.
 *
 * The graph is deterministic (a seeded PRNG): Arabic labels and aliases (some with `|` and `,`), roles, mention
 * counts, dates, provenance arrays, typed relations with weights and evidence, half of the nodes laid out.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { MultiDirectedGraph } from "graphology";
import { exportGraph, writeFileAtomic } from "../src/export/index.ts";
import { NODE_COLORS, NODE_TYPES, RELATION_TYPES } from "../src/graph/schema.ts";
import type { KnowledgeGraph } from "../src/graph/types.ts";
import { mulberry32 as prng } from "../src/prng.ts";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const NODES = arg("nodes", 100_000);
const EDGES = arg("edges", 500_000);
const PYTHON_OFF = process.argv.includes("--no-python");

const WORDS = ["بغداد", "الموصل", "وزارة", "الداخلية", "قوات", "الشرطة", "الاتحادية", "محافظة", "نينوى", "البصرة", "الجيش", "العراقي", "قيادة", "العمليات", "المشتركة", "مجلس", "النواب", "شارع", "فلسطين", "تكريت"];

/** Builds the synthetic graph (see the file comment). */
function buildLargeGraph(nodeCount: number, edgeCount: number): KnowledgeGraph {
  const rnd = prng(8);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const g = new MultiDirectedGraph({ allowSelfLoops: true }) as KnowledgeGraph;
  g.replaceAttributes({ schemaVersion: 1, documents: {} });
  const types = NODE_TYPES.filter((t) => t !== "event");
  for (let i = 0; i < nodeCount; i++) {
    const mentions = 1 + Math.floor(rnd() * 6);
    const provenance = Array.from({ length: mentions }, (_, k) => {
      const start = Math.floor(rnd() * 5000);
      return { doc: `doc-${i % 997}`, sentence: k, start, end: start + 12 };
    });
    const attrs: Record<string, unknown> = {
      label: `${words(2)} ${i}`,
      type: pick(types),
      aliases: rnd() < 0.1 ? [`${words(1)}|${words(1)}`, `${words(1)}, ${words(1)}`] : [words(2)],
      labelEn: `Entity ${i}`,
      mentions,
      docs: [`doc-${i % 997}`],
      firstSeen: "2021-05-16",
      lastSeen: "2021-06-01",
      confidence: Math.round(rnd() * 100) / 100,
      provenance,
    };
    if (i % 5 === 0) attrs.roles = ["اللواء"];
    if (i % 2 === 0) {
      attrs.x = Math.round((rnd() - 0.5) * 2e6) / 1000;
      attrs.y = Math.round((rnd() - 0.5) * 2e6) / 1000;
    }
    g.addNode(`n${i}`, attrs as never);
  }
  for (let j = 0; j < edgeCount; j++) {
    const s = Math.floor(rnd() * nodeCount);
    const t = Math.floor(rnd() * nodeCount);
    const weight = 1 + Math.floor(rnd() * 3);
    const provenance = Array.from({ length: weight }, (_, k) => ({ doc: `doc-${s % 997}`, sentence: k, start: 0, end: 40 }));
    g.addEdgeWithKey(`e${j}`, `n${s}`, `n${t}`, { type: pick(RELATION_TYPES), weight, provenance, confidence: 0.8 } as never);
  }
  return g;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

function pythonPath(): string | null {
  for (const py of [process.env.SHABAKA_PYTHON, "/usr/bin/python3", "python3"]) {
    if (py && spawnSync(py, ["-c", "import networkx"]).status === 0) return py;
  }
  return null;
}

/**
 * Times networkx's `write_gexf` (version 1.2draft, its default) on the same graph: the graph goes to Python as
 * our JSON export, is rebuilt as a `MultiDiGraph` with the same attribute values (lists and provenance as the
 * JSON text our GEXF writes) and `viz` dicts, and only the `write_gexf` call is timed.
 */
const PY_SCRIPT = String.raw`
import json, sys, time, networkx as nx
src, out = sys.argv[1], sys.argv[2]
with open(src, encoding="utf-8") as f:
    data = json.load(f)
PALETTE = json.loads(sys.argv[3])
G = nx.MultiDiGraph()
import math
n = len(data["nodes"])
radius = max(100, 10 * n / (2 * math.pi))
for i, node in enumerate(data["nodes"]):
    a = dict(node["attributes"])
    x, y = a.pop("x", None), a.pop("y", None)
    if x is None:
        ang = 2 * math.pi * i / max(1, n)
        x, y = radius * math.cos(ang), radius * math.sin(ang)
    for k in ("aliases", "roles", "docs", "provenance"):
        if k in a:
            a[k] = json.dumps(a[k], ensure_ascii=False)
    r, g, b = PALETTE.get(a["type"], (153, 153, 153))
    a["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}, "size": 4 + 2 * math.sqrt(a["mentions"]),
                "position": {"x": x, "y": y, "z": 0.0}}
    G.add_node(node["key"], **a)
for e in data["edges"]:
    a = dict(e["attributes"])
    a["evidence"] = len(a["provenance"])
    a["provenance"] = json.dumps(a["provenance"], ensure_ascii=False)
    a["label"] = a["type"]
    G.add_edge(e["source"], e["target"], key=e["key"], **a)
t0, c0 = time.perf_counter(), time.process_time()
nx.write_gexf(G, out)
print(json.dumps({"wall": time.perf_counter() - t0, "cpu": time.process_time() - c0, "networkx": nx.__version__}))
`;

/** Writes one export file the way `shabaka export --out` does; returns wall and CPU seconds. */
async function timedWrite(graph: KnowledgeGraph, format: string, path: string): Promise<{ wall: number; cpu: number }> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await writeFileAtomic(exportGraph(graph, format, { date: "2026-01-01" }).files[0], path);
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "shabaka-export-bench-"));
  try {
    const t0 = performance.now();
    const graph = buildLargeGraph(NODES, EDGES);
    const buildS = (performance.now() - t0) / 1000;
    const rssGraph = process.memoryUsage().rss;
    console.log(`GEXF export bench: ${graph.order.toLocaleString("en")} nodes, ${graph.size.toLocaleString("en")} edges ` +
      `(built in ${buildS.toFixed(1)} s; RSS with the graph ${mb(rssGraph)}; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`);

    const path = join(dir, "graph.gexf");
    const ours = await timedWrite(graph, "gexf", path);
    const peak = process.resourceUsage().maxRSS * 1024;
    const pass = ours.wall < 10 && peak < 2 ** 30;
    console.log(`  shabaka GEXF 1.3:      ${ours.wall.toFixed(2)} s wall, ${ours.cpu.toFixed(2)} s CPU, ${mb(statSync(path).size)} written, ` +
      `peak RSS ${mb(peak)} (${mb(peak - rssGraph)} above the graph) — target < 10 s, < 1024 MB: ${pass ? "PASS" : "FAIL"}`);
    const ours12 = await timedWrite(graph, "gexf-1.2", join(dir, "graph12.gexf"));
    console.log(`  shabaka GEXF 1.2draft: ${ours12.wall.toFixed(2)} s wall, ${ours12.cpu.toFixed(2)} s CPU`);

    const py = PYTHON_OFF ? null : pythonPath();
    if (py === null) {
      console.log("  networkx write_gexf:   skipped (no python3 with networkx; apt-get install python3-networkx)");
      return;
    }
    const json = join(dir, "graph.json");
    await writeFileAtomic(exportGraph(graph, "json").files[0], json);
    const palette: Record<string, number[]> = {};
    for (const [t, hex] of Object.entries(NODE_COLORS)) {
      const v = parseInt(hex.slice(1), 16);
      palette[t] = [(v >> 16) & 255, (v >> 8) & 255, v & 255];
    }
    const r = spawnSync(py, ["-c", PY_SCRIPT, json, join(dir, "nx.gexf"), JSON.stringify(palette)], { encoding: "utf8", maxBuffer: 1 << 20 });
    if (r.status !== 0) {
      console.log(`  networkx write_gexf:   failed: ${r.stderr.trim().split("\n").pop()}`);
      return;
    }
    const nx = JSON.parse(r.stdout) as { wall: number; cpu: number; networkx: string };
    console.log(`  networkx ${nx.networkx} write_gexf (${py}, GEXF 1.2draft): ${nx.wall.toFixed(2)} s wall, ${nx.cpu.toFixed(2)} s CPU, ` +
      `${mb(statSync(join(dir, "nx.gexf")).size)} written`);
    console.log(`  ratio shabaka / networkx (wall): ${(ours.wall / nx.wall).toFixed(3)} (GEXF 1.3), ${(ours12.wall / nx.wall).toFixed(3)} (1.2draft); ` +
      `CPU: ${(ours.cpu / nx.cpu).toFixed(3)}, ${(ours12.cpu / nx.cpu).toFixed(3)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
