/** The graph type used everywhere: a graphology MultiDirectedGraph with the schema's attributes. */
import type { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "./schema.ts";

export type KnowledgeGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;
