/** Default locations, relative to the current working directory (the project folder for `npm start`). */
export const DEFAULT_ARTICLES = "graph-data/articles";
export const DEFAULT_GRAPH = "graph-data/graph.json";
export const DEFAULT_DATA_DIR = "graph-data";
