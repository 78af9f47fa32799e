/**
 * "Is this output older than its inputs?" — by modification time over files and folders (recursively).
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Newest modification time (ms) among `paths` (files or folders, recursively); 0 when none exists. */
export function newestMtime(paths: readonly string[]): number {
  let newest = 0;
  const visit = (p: string) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== "node_modules" && !name.startsWith(".")) visit(join(p, name));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of paths) visit(p);
  return newest;
}

/** True when `output` is missing or older than the newest of `inputs`. */
export function isStale(output: string, inputs: readonly string[]): boolean {
  let out: number;
  try {
    out = statSync(output).mtimeMs;
  } catch {
    return true;
  }
  return newestMtime(inputs) > out;
}
