/** Builds web/dist with Vite when it is missing or older than any file of the web app's sources. */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../../..");
const SOURCES = ["web/src", "web/index.html", "web/vite.config.ts", "src/graph/schema.ts", "src/graph/search.ts", "src/graph/evidence.ts", "src/text/normalize.ts"];

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const e of readdirSync(path)) m = Math.max(m, newest(join(path, e)));
  return m;
}

/** True when web/dist/index.html is missing or older than a source file. */
export function webIsStale(): boolean {
  const out = resolve(ROOT, "web/dist/index.html");
  if (!existsSync(out)) return true;
  const built = statSync(out).mtimeMs;
  return SOURCES.some((s) => existsSync(resolve(ROOT, s)) && newest(resolve(ROOT, s)) > built);
}

/** Runs `vite build` when stale. Throws with Vite's output on failure. */
export function ensureWebBuilt(): void {
  if (!webIsStale()) return;
  execFileSync(process.execPath, [resolve(ROOT, "node_modules/vite/bin/vite.js"), "build", "--config", "web/vite.config.ts", "--logLevel", "warn"], { cwd: ROOT, stdio: "pipe" });
}
