/**
 * What extraction produces for one document: entities, events and relations, each with provenance.
 * The graph builder (`src/graph/build.ts`) merges these into the graph; nothing here knows about graphology.
 */
import type {
  DatePrecision, EntityType, EventType, ParticipantRole, Provenance, RelationType, SentenceSpan,
} from "../graph/schema.ts";
import type { SourceDocument } from "../text/types.ts";

/** One entity of one document, after in-document resolution (aliases and coreference merged). */
export interface ExtractedEntity {
  /** Local id, unique within the extraction. */
  id: string;
  type: EntityType;
  /** Canonical Arabic name: no clitics, no title or rank. */
  label: string;
  /** Other surface forms seen in the document (display spelling). */
  aliases: string[];
  labelEn?: string;
  labelEnSource?: "lexicon" | "transliteration";
  roles?: string[];
  /** Every mention. */
  provenance: Provenance[];
  confidence: number;
  /** How it was recognised: `lexicon`, `pattern`, `title`, `ner`, … (comma-joined when several). */
  source: string;
  /** Lexicon id when the entity is a lexicon entry (merges across documents). */
  lexiconId?: string;
  lat?: number;
  lon?: number;
  pcode?: string;
}

/** One event of one document. */
export interface ExtractedEvent {
  id: string;
  eventType: EventType;
  /** Short readable description (Arabic). */
  label: string;
  date?: string;
  datePrecision?: DatePrecision;
  /** Trigger words as written. */
  triggers: string[];
  /** Provenance of the triggers. */
  provenance: Provenance[];
  confidence: number;
}

/** A typed relation between two entities or between an entity and an event (ids are local). */
export interface ExtractedRelation {
  type: RelationType;
  source: string;
  target: string;
  provenance: Provenance[];
  confidence: number;
  role?: ParticipantRole;
}

/** The result of extracting one document. */
export interface Extraction {
  doc: SourceDocument;
  sentences: SentenceSpan[];
  entities: ExtractedEntity[];
  events: ExtractedEvent[];
  relations: ExtractedRelation[];
}

/**
 * A resolved mention of an entity in one sentence: the name span (no clitic, no title or rank) and, when a
 * title or rank precedes it, the title span and what the title implies.
 */
export interface Mention {
  /** Local id of the entity the mention was resolved to (`ExtractedEntity.id`). */
  entity: string;
  type: EntityType;
  sentence: number;
  /** `[start, end)` of the name in the document body. */
  start: number;
  end: number;
  surface: string;
  /** Index range `[tokenStart, tokenEnd)` into `DocumentAnalysis.tokens`. */
  tokenStart: number;
  tokenEnd: number;
  /** How it was recognised: `lexicon`, `pattern`, `title`, `ner`, `coreference`, ... */
  source: string;
  /** A title or rank before the name (persons), with the relation it implies towards the body it names. */
  title?: {
    text: string;
    start: number;
    end: number;
    relation?: "HEADS" | "SPOKESPERSON_OF" | "MEMBER_OF";
    /** Local id of the body (or place) named in the title, e.g. قيادة العمليات المشتركة in المتحدث باسم …. */
    body?: string;
    /** Further bodies the title names (عضو المجلس عن الجبهة …، آمر اللواء 23 في الحشد الشعبي): MEMBER_OF each. */
    extraBodies?: string[];
  };
}

/**
 * Everything the relation and event extractors get about one document after entity recognition and
 * resolution.
 */
export interface DocumentAnalysis {
  doc: SourceDocument;
  sentences: import("../text/types.ts").Sentence[];
  tokens: import("../text/types.ts").Token[];
  mentions: Mention[];
  entities: ExtractedEntity[];
}
