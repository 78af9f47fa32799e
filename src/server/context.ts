/** What every route gets: access to the current graph and the server's settings. */
import type { KnowledgeGraph } from "../graph/types.ts";

export interface AppContext {
  /** The graph being served (may be replaced when the file is rebuilt). */
  getGraph(): KnowledgeGraph;
  /** Whether the query console may run CREATE/MERGE/SET/REMOVE/DELETE. */
  allowWrites: boolean;
}
