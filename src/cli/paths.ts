/** Default locations, relative to the current working directory (the project folder for `npm start`). */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The project root: two folders above this file (src/cli/paths.ts). */
export const PROJECT_ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const DEFAULT_ARTICLES = "graph-data/articles";
export const DEFAULT_GRAPH = "graph-data/graph.json";
export const DEFAULT_DATA_DIR = "graph-data";
