/**
 * View state of the explorer, kept outside the graph (sigma's reducers read it): filters, selection, hover,
 * focus, query highlight and label language. Filters and view options are mirrored in the URL query string so a
 * view can be shared: `hide` (node types), `rel` (hidden relation types; absent = MENTIONED_WITH hidden), `ev`
 * (hidden event types), `from`/`to` (YYYY-MM-DD), `focus` + `hops`, `labels` (ar|en), `layout` (force|map), `size` (degree|mentions),
 * `node` (selected node).
 */
import { EVENT_TYPES, NODE_TYPES, RELATION_TYPES, type EventType, type NodeType, type RelationType } from "../../src/graph/schema.ts";

export interface Filters {
  hiddenTypes: Set<NodeType>;
  hiddenRelations: Set<RelationType>;
  hiddenEventTypes: Set<EventType>;
  /** Inclusive date range over events, YYYY-MM-DD; `null` = open. */
  dateFrom: string | null;
  dateTo: string | null;
}

export interface ViewState {
  filters: Filters;
  /** Node whose 1- or 2-hop neighbourhood alone is shown. */
  focus: { node: string; hops: 1 | 2 } | null;
  selectedNode: string | null;
  selectedEdge: string | null;
  hoveredNode: string | null;
  /** Neighbours of the hovered node, built once per hover. */
  hoverNeighbours: Set<string>;
  /** Edges incident to the hovered node (visible ones), built once per hover. */
  hoverEdges: Set<string>;
  /**
   * How the hover is shown: `dim` greys everything outside the neighbourhood (full refresh); `light` draws the
   * neighbourhood on an overlay (web/src/hover.ts) without redrawing sigma's layers, used on large graphs.
   */
  hoverMode: "dim" | "light";
  /** Query or path result shown on the graph: these nodes and edges emphasised, the rest dimmed. */
  highlight: { nodes: Set<string>; edges: Set<string> } | null;
  labelLang: "ar" | "en";
  layout: "force" | "map";
  /** What node size shows: typed degree (co-occurrence not counted) or number of mentions. */
  sizeBy: "degree" | "mentions";
}

/** Relation types hidden when the URL says nothing. */
export const DEFAULT_HIDDEN_RELATIONS: readonly RelationType[] = ["MENTIONED_WITH"];

const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** A fresh state with the defaults (MENTIONED_WITH hidden, Arabic labels, force layout). */
export function defaultState(): ViewState {
  return {
    filters: { hiddenTypes: new Set(), hiddenRelations: new Set(DEFAULT_HIDDEN_RELATIONS), hiddenEventTypes: new Set(), dateFrom: null, dateTo: null },
    focus: null, selectedNode: null, selectedEdge: null, hoveredNode: null, hoverNeighbours: new Set(), hoverEdges: new Set(), hoverMode: "dim", highlight: null,
    labelLang: "ar", layout: "force", sizeBy: "degree",
  };
}

function list<T extends string>(value: string | null, allowed: readonly T[]): Set<T> {
  const out = new Set<T>();
  if (!value) return out;
  for (const v of value.split(",")) if ((allowed as readonly string[]).includes(v)) out.add(v as T);
  return out;
}

/** Reads a state from a URL query string; unknown values are ignored. */
export function stateFromSearch(search: string): ViewState {
  const p = new URLSearchParams(search);
  const s = defaultState();
  s.filters.hiddenTypes = list(p.get("hide"), NODE_TYPES);
  if (p.has("rel")) s.filters.hiddenRelations = list(p.get("rel"), RELATION_TYPES);
  s.filters.hiddenEventTypes = list(p.get("ev"), EVENT_TYPES);
  const from = p.get("from");
  const to = p.get("to");
  if (from && DATE_RE.test(from)) s.filters.dateFrom = from;
  if (to && DATE_RE.test(to)) s.filters.dateTo = to;
  const focus = p.get("focus");
  if (focus) s.focus = { node: focus, hops: p.get("hops") === "2" ? 2 : 1 };
  if (p.get("labels") === "en") s.labelLang = "en";
  if (p.get("layout") === "map") s.layout = "map";
  if (p.get("size") === "mentions") s.sizeBy = "mentions";
  const node = p.get("node");
  if (node) s.selectedNode = node;
  return s;
}

/** Writes the shareable part of a state as a query string (without `?`). */
export function stateToSearch(s: ViewState): string {
  const p = new URLSearchParams();
  const f = s.filters;
  if (f.hiddenTypes.size > 0) p.set("hide", [...f.hiddenTypes].join(","));
  const rel = [...f.hiddenRelations].sort().join(",");
  if (rel !== [...DEFAULT_HIDDEN_RELATIONS].sort().join(",")) p.set("rel", rel);
  if (f.hiddenEventTypes.size > 0) p.set("ev", [...f.hiddenEventTypes].join(","));
  if (f.dateFrom !== null) p.set("from", f.dateFrom);
  if (f.dateTo !== null) p.set("to", f.dateTo);
  if (s.focus) {
    p.set("focus", s.focus.node);
    p.set("hops", String(s.focus.hops));
  }
  if (s.labelLang === "en") p.set("labels", "en");
  if (s.layout === "map") p.set("layout", "map");
  if (s.sizeBy === "mentions") p.set("size", "mentions");
  if (s.selectedNode) p.set("node", s.selectedNode);
  return p.toString();
}

/** Replaces the page URL's query string with the state's (no new history entry). */
export function syncUrl(s: ViewState): void {
  const q = stateToSearch(s);
  const url = `${location.pathname}${q ? `?${q}` : ""}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, "", url);
}
