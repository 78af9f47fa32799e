/** `shabaka web-build [--if-stale]`: build the web app with Vite into web/dist. */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { isStale } from "../freshness.ts";
import { PROJECT_ROOT } from "../paths.ts";

const WEB = resolve(PROJECT_ROOT, "web");
const WEB_INPUTS = ["src", "index.html", "vite.config.ts", "public"].map((p) => resolve(WEB, p));
const WEB_OUTPUT = resolve(WEB, "dist/index.html");

/** True when web/dist is missing or older than the web sources. */
export function webIsStale(): boolean {
  return isStale(WEB_OUTPUT, [...WEB_INPUTS, resolve(PROJECT_ROOT, "src/graph/schema.ts")]);
}

/** Builds the web app (Vite, production mode) unless `ifStale` and it is up to date. Returns whether it built. */
export async function buildWeb(ifStale: boolean): Promise<boolean> {
  if (ifStale && !webIsStale()) return false;
  const config = resolve(WEB, "vite.config.ts");
  if (!existsSync(config)) throw new Error(`web-build: "${config}" not found.`);
  const { build } = await import("vite");
  await build({ configFile: config, logLevel: "warn" });
  return true;
}

export function registerWebCommand(program: Command): void {
  program
    .command("web-build")
    .description("build the web app into web/dist (Vite)")
    .option("--if-stale", "only when web/dist is missing or older than the sources", false)
    .action(async (opts: { ifStale: boolean }) => {
      const t0 = performance.now();
      const built = await buildWeb(opts.ifStale);
      process.stdout.write(built ? `web app built in ${((performance.now() - t0) / 1000).toFixed(1)} s → web/dist\n` : "web app up to date (web/dist)\n");
    });
}
