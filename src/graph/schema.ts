/**
 * The graph schema: node types, relation types and the attributes each carries.
 *
 * This is the single definition of `../shared/ONTOLOGY.md` in code. Extraction, the graph builder, the server,
 * the query engine, the exports and the web app import these names; nothing else spells them.
 */

/** Entity node types (ONTOLOGY.md, "Node types"). */
export const ENTITY_TYPES = ["official", "person", "ministry", "force", "place", "organization"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Every node type: the entity types plus `event`. */
export const NODE_TYPES = [...ENTITY_TYPES, "event"] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** Event types (ONTOLOGY.md, `eventType`). */
export const EVENT_TYPES = [
  "handover", "formation", "meeting", "visit", "agreement", "attack", "killing", "raid", "arrest",
  "appointment", "election", "protest", "explosion", "kidnapping", "release", "other",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Relation (edge) types (ONTOLOGY.md, "Relation types"). */
export const RELATION_TYPES = [
  "HEADS", "SPOKESPERSON_OF", "MEMBER_OF", "PART_OF", "LOCATED_IN", "CAPITAL_OF", "COOPERATES_WITH",
  "OPPOSES", "RELATIVE_OF", "PARTICIPANT_IN", "OCCURRED_IN", "MENTIONED_WITH",
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Relation types without direction: stored once, with the lexicographically smaller node key as source. */
export const SYMMETRIC_RELATIONS: ReadonlySet<RelationType> = new Set<RelationType>([
  "COOPERATES_WITH", "RELATIVE_OF", "MENTIONED_WITH",
]);

/** Roles of a `PARTICIPANT_IN` edge (ONTOLOGY.md). */
export const PARTICIPANT_ROLES = [
  "agent", "target", "victim", "perpetrator", "source", "recipient", "attendee", "leader",
] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** Precision of a normalised date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export type DatePrecision = "year" | "month" | "day";

/**
 * Where a fact was read: document id, sentence index (0-based, into the document's sentence list) and the
 * character offsets `[start, end)` of the evidence in the document **body** (UTF-16 code units, as JavaScript
 * strings index them), so `body.slice(start, end)` is the surface form.
 */
export interface Provenance {
  doc: string;
  sentence: number;
  start: number;
  end: number;
}

/** Attributes of every node. Entity-only and event-only fields are optional. */
export interface NodeAttributes {
  /** Canonical Arabic name (entity: no clitics, no title or rank) or short description (event). */
  label: string;
  type: NodeType;
  /** Other surface forms seen, display spelling, without the label itself. */
  aliases: string[];
  /**
   * English name: from the lexicon, a transliteration (`labelEnSource: "transliteration"`), or for events composed
   * from the event type, participants and place (`"composed"`, src/graph/event-label.ts).
   */
  labelEn?: string;
  labelEnSource?: "lexicon" | "transliteration" | "composed";
  /** Titles and ranks seen with a person (اللواء، رئيس الوزراء). */
  roles?: string[];
  /** Every mention (entity) or trigger (event), from every document. */
  provenance: Provenance[];
  /** Number of mentions, i.e. `provenance.length` kept as a number for exports and sizing. */
  mentions: number;
  /** Ids of the documents that mention the node. */
  docs: string[];
  /** Earliest and latest document date (YYYY-MM-DD) among `docs`, when known. */
  firstSeen?: string;
  lastSeen?: string;
  /** Confidence in [0, 1] of the extraction that produced the node. */
  confidence?: number;
  /** Where the mention came from: lexicon, pattern, title context, tagger. */
  source?: string;
  // place
  lat?: number;
  lon?: number;
  pcode?: string;
  // event
  eventType?: EventType;
  /** Normalised date, at exactly the precision the text gives. */
  date?: string;
  datePrecision?: DatePrecision;
  /** Trigger words as written. */
  triggers?: string[];
  // layout (written by the web app or exports; absent in a fresh build)
  x?: number;
  y?: number;
  size?: number;
  color?: string;
}

/** Attributes of every edge. */
export interface EdgeAttributes {
  type: RelationType;
  /** Evidence: one entry per supporting sentence occurrence. */
  provenance: Provenance[];
  /** Number of supporting sentences (for `MENTIONED_WITH`, the number of sentences the pair shares). */
  weight: number;
  confidence?: number;
  /** Role of the participant, on `PARTICIPANT_IN` edges only. */
  role?: ParticipantRole;
  /** True on `MENTIONED_WITH`: co-occurrence, hidden by default in the web app and exports may drop it. */
  cooccurrence?: boolean;
}

/** One sentence of a document body: index and `[start, end)` offsets into the body. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/** What the graph keeps of each source document, so provenance can be shown as text. */
export interface DocumentRecord {
  id: string;
  title?: string;
  source?: string;
  url?: string;
  /** Publication date, YYYY-MM-DD, when known. */
  date?: string;
  language?: string;
  /** The article body; provenance offsets index this string. */
  text: string;
  sentences: SentenceSpan[];
  /** Lines removed as boilerplate (site promotion), kept so they can be shown. */
  removed?: string[];
  /** Input file path or JSONL line reference, for messages. */
  origin?: string;
}

/** Graph-level attributes. */
export interface GraphAttributes {
  /** Format version of the saved graph (see `src/graph/store.ts`). */
  schemaVersion: number;
  /** Creation time, ISO 8601. */
  createdAt?: string;
  documents: Record<string, DocumentRecord>;
}

/** Colours by node type (used by the web app and the exports' `viz:color`). */
export const NODE_COLORS: Record<NodeType, string> = {
  official: "#d62728",
  person: "#ff7f0e",
  ministry: "#1f77b4",
  force: "#2ca02c",
  place: "#9467bd",
  organization: "#8c564b",
  event: "#e377c2",
};

/** Colours by relation type. */
export const RELATION_COLORS: Record<RelationType, string> = {
  HEADS: "#b2182b",
  SPOKESPERSON_OF: "#ef8a62",
  MEMBER_OF: "#fdae61",
  PART_OF: "#4575b4",
  LOCATED_IN: "#8073ac",
  CAPITAL_OF: "#542788",
  COOPERATES_WITH: "#1a9850",
  OPPOSES: "#000000",
  RELATIVE_OF: "#c51b7d",
  PARTICIPANT_IN: "#e7298a",
  OCCURRED_IN: "#66a61e",
  MENTIONED_WITH: "#cccccc",
};

export function isNodeType(x: unknown): x is NodeType {
  return typeof x === "string" && (NODE_TYPES as readonly string[]).includes(x);
}

export function isRelationType(x: unknown): x is RelationType {
  return typeof x === "string" && (RELATION_TYPES as readonly string[]).includes(x);
}
