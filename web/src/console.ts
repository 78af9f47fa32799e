/**
 * The query console: a CodeMirror 6 editor (Cypher highlighting from @codemirror/legacy-modes, completion, undo
 * history, Ctrl/Cmd+Enter runs), a list of past queries (localStorage `shabaka.queries`), the results table, and the
 * result's nodes and edges highlighted on the graph (others dimmed) with a "clear highlight" button.
 * "Path between" picks two nodes by search and runs a `shortestPath` query with direction ignored; if the server
 * cannot run it, the path is found in the browser (breadth-first search, edge direction ignored). Completion offers
 * keywords, functions, and the labels, relationship types and property keys of the loaded graph.
 */
import { autocompletion, completionKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { StreamLanguage, defaultHighlightStyle, syntaxHighlighting, bracketMatching } from "@codemirror/language";
import { cypher } from "@codemirror/legacy-modes/mode/cypher";
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, placeholder } from "@codemirror/view";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { ApiError, runQuery, type QueryResult } from "./api.ts";
import { button, el, isRtl } from "./dom.ts";
import { onLangChange, t } from "./i18n.ts";
import { cypherCompletionSource, graphVocabulary } from "./cypher-completion.ts";
import { createSearchBox } from "./search.ts";

const HISTORY_KEY = "shabaka.queries";
const HISTORY_MAX = 30;

export interface ConsoleActions {
  highlight(nodes: Set<string>, edges: Set<string>): void;
  clearHighlight(): void;
  selectNode(key: string): void;
  /** Relation types a "path between" may follow (the visible ones); all when absent or empty. */
  pathRelations?(): string[];
}

function loadHistory(): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(HISTORY_KEY) ?? "[]");
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string").slice(0, HISTORY_MAX) : [];
  } catch {
    return [];
  }
}

function cell(graph: KnowledgeGraph, v: unknown, actions: ConsoleActions): Node {
  if (v === null || v === undefined) return document.createTextNode("null");
  if (typeof v === "object" && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.nodes) && Array.isArray(o.relationships)) return pathCell(graph, o.nodes, o.relationships, actions);
    const key = typeof o.key === "string" ? o.key : typeof o.id === "string" ? o.id : null;
    if (key && graph.hasNode(key)) {
      return button(el("span", { dir: "auto" }, graph.getNodeAttribute(key, "label")), () => actions.selectNode(key), { class: "link", "data-key": key });
    }
  }
  if (typeof v === "string" && graph.hasNode(v)) {
    return button(el("span", { dir: "auto" }, graph.getNodeAttribute(v, "label")), () => actions.selectNode(v), { class: "link", "data-key": v });
  }
  return el("span", { dir: "auto" }, typeof v === "string" ? v : JSON.stringify(v));
}

/** A path value as a chain: node, relation type with its direction, node, … (nodes are links to their panel). */
function pathCell(graph: KnowledgeGraph, nodes: unknown[], rels: unknown[], actions: ConsoleActions): Node {
  // The chain runs in the first label's direction; arrows point along the relation in that flow.
  const first = (nodes[0] as { id?: unknown } | undefined)?.id;
  const rtl = typeof first === "string" && graph.hasNode(first) && isRtl(graph.getNodeAttribute(first, "label"));
  const out = el("span", { class: "path-cell", dir: rtl ? "rtl" : "ltr" });
  nodes.forEach((n, i) => {
    out.append(cell(graph, n, actions));
    const r = rels[i] as { type?: unknown; start?: unknown; end?: unknown } | undefined;
    if (!r || i === nodes.length - 1) return;
    const next = nodes[i + 1] as { id?: unknown } | undefined;
    const forward = r.end === next?.id;
    const right = forward !== rtl;
    out.append(el("span", { class: "path-rel", dir: "ltr", "data-type": String(r.type) }, right ? ` —${String(r.type)}→ ` : ` ←${String(r.type)}— `));
  });
  return out;
}

/** A shortest path from `a` to `b` by breadth-first search with edge direction ignored; null when none. */
export function undirectedPath(graph: KnowledgeGraph, a: string, b: string): string[] | null {
  const prev = new Map<string, string | null>([[a, null]]);
  let frontier = [a];
  while (frontier.length > 0 && !prev.has(b)) {
    const next: string[] = [];
    for (const n of frontier) {
      graph.forEachNeighbor(n, (m) => {
        if (prev.has(m)) return;
        prev.set(m, n);
        next.push(m);
      });
    }
    frontier = next;
  }
  if (!prev.has(b)) return null;
  const path: string[] = [];
  for (let k: string | null = b; k !== null; k = prev.get(k) ?? null) path.unshift(k);
  return path;
}

/** The offset in `query` of a 1-based `{line, column}` from an error's details, or null when there is none or it is outside. */
function errorOffset(query: string, details: Record<string, unknown> | undefined): number | null {
  const line = Number(details?.line);
  const column = Number(details?.column);
  if (!Number.isInteger(line) || !Number.isInteger(column) || line < 1 || column < 1) return null;
  const lines = query.split("\n");
  if (line > lines.length) return null;
  let offset = 0;
  for (let i = 0; i < line - 1; i++) offset += lines[i].length + 1;
  return offset + Math.min(column - 1, lines[line - 1].length);
}

/** Builds the console inside `root`. */
export function createConsole(root: HTMLElement, graph: KnowledgeGraph, actions: ConsoleActions): { run(q: string, params?: Record<string, unknown>): Promise<void>; view: EditorView } {
  let past = loadHistory();
  const output = el("div", { class: "console-output", "aria-live": "polite" });
  const pastSelect = el("select", { "aria-label": t("history"), "data-i18n-aria": "history", class: "history" });
  const renderHistory = () => {
    pastSelect.replaceChildren(el("option", { value: "" }, `${t("history")} (${past.length})`), ...past.map((q, i) => el("option", { value: String(i) }, q.length > 80 ? q.slice(0, 80) + "…" : q)));
  };
  renderHistory();
  onLangChange(renderHistory);
  const host = el("div", { class: "editor", dir: "ltr" });
  // The last "path between" query and its parameters, so Run repeats it as it was.
  let pathParams: { query: string; params: Record<string, unknown> } | null = null;
  const runCurrent = () => {
    const q = view.state.doc.toString();
    void run(q, pathParams?.query === q ? pathParams.params : {});
    return true;
  };
  const view = new EditorView({
    parent: host,
    state: EditorState.create({
      doc: "MATCH (o:official)-[r]->(x) RETURN o, type(r), x LIMIT 25",
      extensions: [
        history(),
        keymap.of([{ key: "Mod-Enter", run: runCurrent }, ...completionKeymap, ...defaultKeymap, ...historyKeymap]),
        autocompletion({ override: [cypherCompletionSource(graphVocabulary(graph))], activateOnTyping: true }),
        StreamLanguage.define(cypher),
        syntaxHighlighting(defaultHighlightStyle),
        bracketMatching(),
        placeholder("MATCH (n) RETURN n LIMIT 10"),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ "aria-label": "Cypher" }),
      ],
    }),
  });
  pastSelect.addEventListener("change", () => {
    const q = past[Number(pastSelect.value)];
    if (q !== undefined) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: q } });
    pastSelect.value = "";
  });

  const showResult = (res: QueryResult) => {
    const table = el("table", { class: "results" });
    table.append(el("thead", {}, el("tr", {}, ...res.columns.map((c) => el("th", { dir: "auto" }, c)))));
    const body = el("tbody");
    for (const r of res.rows.slice(0, 500)) body.append(el("tr", {}, ...r.map((v) => el("td", {}, cell(graph, v, actions)))));
    table.append(body);
    const nodes = new Set(res.graph?.nodes?.filter((k) => graph.hasNode(k)) ?? []);
    const edges = new Set(res.graph?.edges?.filter((k) => graph.hasEdge(k)) ?? []);
    for (const e of edges) {
      nodes.add(graph.source(e));
      nodes.add(graph.target(e));
    }
    const info = el("p", { class: "result-info" }, `${res.rows.length} ${t("rows")}${res.truncated ? " (…)" : ""}`,
      ...(res.warnings ?? []).map((w) => el("span", { class: "warning" }, " · " + w)));
    output.replaceChildren(info, table);
    if (nodes.size > 0) actions.highlight(nodes, edges);
  };

  // A syntax error: the server's message already names the line and column and ends with the query line and a
  // caret under the column, so it is shown as preformatted text (the caret stays aligned) and the cursor is moved
  // to that place in the editor.
  const showError = (err: unknown, query: string) => {
    const msg = err instanceof ApiError ? `${err.code}: ${err.message}` : String((err as Error)?.message ?? err);
    output.replaceChildren(el("pre", { class: "error", role: "alert", dir: "ltr" }, msg));
    const at = err instanceof ApiError ? errorOffset(query, err.details) : null;
    const start = view.state.doc.toString().indexOf(query);
    if (at !== null && start >= 0) {
      view.dispatch({ selection: { anchor: start + at }, scrollIntoView: true });
      view.focus();
    }
  };

  const run = async (query: string, params: Record<string, unknown> = {}) => {
    const q = query.trim();
    if (q === "") return;
    past = [q, ...past.filter((x) => x !== q)].slice(0, HISTORY_MAX);
    try {
      localStorage.setItem(HISTORY_KEY, JSON.stringify(past));
    } catch {
      // storage disabled
    }
    renderHistory();
    try {
      showResult(await runQuery(q, params));
    } catch (err) {
      showError(err, q);
    }
  };

  // Path between two nodes.
  let a: string | null = null;
  let b: string | null = null;
  const pathOut = el("span", { class: "path-info" });
  const pa = el("div", { class: "path-end" });
  const pb = el("div", { class: "path-end" });
  createSearchBox(pa, graph, (k) => (a = k));
  createSearchBox(pb, graph, (k) => (b = k));
  const findPath = async () => {
    if (!a || !b) return;
    // Over the relation types shown (co-occurrence is hidden by default), then over any relation if none is found.
    const types = (actions.pathRelations?.() ?? []).filter((x) => /^[A-Z_]+$/.test(x));
    const pathQuery = (ts: string[]) => `MATCH (a), (b) WHERE id(a) = $a AND id(b) = $b MATCH p = shortestPath((a)-[${ts.length ? ":" + ts.join("|") : ""}*..8]-(b)) RETURN p`;
    let query = pathQuery(types);
    try {
      let res = await runQuery(query, { a, b });
      if (res.rows.length === 0 && types.length > 0) {
        query = pathQuery([]);
        res = await runQuery(query, { a, b });
      }
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: query } });
      pathParams = { query, params: { a, b } };
      showResult(res);
      pathOut.textContent = res.rows.length > 0 ? "" : t("noPath");
      if (res.rows.length > 0) return;
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) return showError(err, query);
    }
    // Fallback in the browser: shortest path over the undirected view.
    const path = undirectedPath(graph, a, b);
    if (!path) {
      pathOut.textContent = t("noPath");
      return;
    }
    const edges = new Set<string>();
    for (let i = 0; i + 1 < path.length; i++) {
      const e = graph.edges(path[i], path[i + 1])[0] ?? graph.edges(path[i + 1], path[i])[0];
      if (e) edges.add(e);
    }
    pathOut.textContent = path.map((k) => graph.getNodeAttribute(k, "label")).join(" — ");
    actions.highlight(new Set(path), edges);
  };

  root.append(
    el("div", { class: "console-head" },
      el("h2", { "data-i18n": "queryConsole" }, t("queryConsole")),
      button(t("run"), runCurrent, { "data-i18n": "run", class: "primary", "data-action": "run-query" }),
      pastSelect,
      button(t("clearHighlight"), () => actions.clearHighlight(), { "data-i18n": "clearHighlight", "data-action": "clear-highlight" })),
    host,
    el("div", { class: "path" }, el("span", { "data-i18n": "pathBetween" }, t("pathBetween")), pa, pb,
      button(t("findPath"), () => void findPath(), { "data-i18n": "findPath", "data-action": "find-path" }), pathOut),
    output);
  return { run, view };
}
