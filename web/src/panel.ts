/**
 * The details panel. A node shows its type, English name, roles, aliases, neighbours grouped by relation type and
 * the evidence: every source sentence with the mention highlighted (`<mark>`), its document title, outlet, date
 * and link. An edge shows its ends, type, role, weight and the sentences supporting it. All text is inserted with
 * textContent; links are kept only when they are http(s).
 */
import { evidenceFor, type Evidence } from "../../src/graph/evidence.ts";
import { NODE_COLORS, RELATION_COLORS, RELATION_TYPES, type Provenance } from "../../src/graph/schema.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { fetchEvidence } from "./api.ts";
import { button, el } from "./dom.ts";
import { lang, t, typeName } from "./i18n.ts";

export interface PanelActions {
  selectNode(key: string): void;
  selectEdge(key: string): void;
  focus(key: string, hops: 1 | 2): void;
  unfocus(): void;
  close(): void;
  isFocused(key: string): boolean;
  /** The label language chosen for the graph: the panel names nodes in it too. */
  labelLang(): "ar" | "en";
}

/**
 * A node's name in the label language (`en`: the English name when there is one, else the Arabic label) and its
 * other name (null when the node has only one).
 */
export function nodeNames(a: { label: string; labelEn?: string }, labelLang: "ar" | "en"): { name: string; other: string | null; nameLang: "ar" | "en" } {
  const en = typeof a.labelEn === "string" && a.labelEn !== "" && a.labelEn !== a.label ? a.labelEn : null;
  if (labelLang === "en" && en !== null) return { name: en, other: a.label, nameLang: "en" };
  return { name: a.label, other: en, nameLang: "ar" };
}

function safeUrl(u: string | undefined): string | null {
  if (!u) return null;
  try {
    const url = new URL(u);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** One evidence item: the document line (title, outlet, date, link), then the sentence with the mention in `<mark>`. */
export function evidenceItem(ev: Evidence): HTMLLIElement {
  const s = ev.sentence;
  const quote = el("blockquote", { class: "sentence", dir: "auto", lang: "ar" },
    s.slice(0, ev.mentionStart), el("mark", {}, s.slice(ev.mentionStart, ev.mentionEnd)), s.slice(ev.mentionEnd));
  const href = safeUrl(ev.url);
  const meta = el("div", { class: "doc-meta" },
    el("span", { class: "doc-title", dir: "auto" }, ev.title ?? ev.doc),
    ev.source ? el("span", { class: "doc-source" }, ev.source) : null,
    ev.date ? el("time", { datetime: ev.date }, ev.date) : null,
    href ? el("a", { href, target: "_blank", rel: "noopener noreferrer", "data-i18n": "openSource" }, t("openSource")) : null);
  return el("li", { class: "evidence", "data-doc": ev.doc, "data-sentence": ev.sentenceIndex }, meta, quote);
}

function fillEvidence(section: HTMLElement, items: Evidence[]): void {
  const list = el("ol", { class: "evidence-list" });
  for (const e of items) list.append(evidenceItem(e));
  section.replaceChildren(el("h3", {}, `${t("evidence")} (${items.length})`), items.length ? list : el("p", {}, t("noEvidence")));
  section.dataset.state = "ready";
}

let pending: AbortController | null = null;

/**
 * The evidence section of a node or edge: read from the graph when it carries provenance and documents, else
 * fetched from the server (the explorer loads the graph without them), showing "loading" meanwhile.
 */
function evidenceSection(graph: KnowledgeGraph, kind: "node" | "edge", key: string, provenance: Provenance[] | undefined): HTMLElement {
  pending?.abort();
  pending = null;
  const section = el("section", { class: "evidence-section", "data-state": "loading" });
  const docs = graph.getAttribute("documents") ?? {};
  if (provenance !== undefined && Object.keys(docs).length > 0) {
    fillEvidence(section, evidenceFor(graph, provenance));
    return section;
  }
  section.append(el("h3", {}, t("evidence")), el("p", { class: "hint" }, t("loading")));
  const ctl = new AbortController();
  pending = ctl;
  fetchEvidence(kind, key, ctl.signal).then(
    (items) => fillEvidence(section, items),
    (err: unknown) => {
      if (ctl.signal.aborted) return;
      section.replaceChildren(el("h3", {}, t("evidence")), el("p", { class: "error" }, String((err as Error)?.message ?? err)));
      section.dataset.state = "error";
    });
  return section;
}

function row(label: string, value: Node | string | null | undefined): HTMLElement | null {
  if (value === null || value === undefined || value === "") return null;
  return el("div", { class: "row" }, el("dt", {}, label), el("dd", {}, value));
}

function header(title: string, color: string, typeLabel: string, actions: PanelActions, titleLang?: "ar" | "en"): HTMLElement {
  const sw = el("span", { class: "swatch", "aria-hidden": "true" });
  sw.style.background = color;
  return el("header", { class: "panel-head" },
    el("h2", { dir: "auto", id: "panel-title", lang: titleLang }, sw, title),
    el("span", { class: "badge" }, typeLabel),
    button("×", () => actions.close(), { class: "close", "aria-label": t("close"), title: t("close") }));
}

/** A button naming node `key` in the label language, its other name as the tooltip. */
function nodeLink(graph: KnowledgeGraph, key: string, actions: PanelActions): HTMLButtonElement {
  const n = nodeNames(graph.getNodeAttributes(key), actions.labelLang());
  return button(el("span", { dir: "auto", lang: n.nameLang }, n.name), () => actions.selectNode(key), { class: "link", "data-key": key, title: n.other ?? n.name });
}

/** Fills `root` with a node's details. */
export function showNode(root: HTMLElement, graph: KnowledgeGraph, key: string, actions: PanelActions): void {
  const a = graph.getNodeAttributes(key);
  // The title follows the label language; the other name stays visible just below it.
  const names = nodeNames(a, actions.labelLang());
  const content: (HTMLElement | null)[] = [header(names.name, NODE_COLORS[a.type], typeName(a.type), actions, names.nameLang)];
  if (names.other !== null) {
    const otherLang = names.nameLang === "en" ? "ar" : "en";
    content.push(el("p", { class: "panel-alt", dir: "auto", lang: otherLang, title: t(otherLang === "en" ? "englishName" : "arabicName") }, names.other));
  }
  const dl = el("dl", { class: "facts" },
    row(t("type"), `${typeName(a.type)} (${a.type})`),
    row(t("eventType"), a.eventType ? `${typeName(a.eventType)} (${a.eventType})` : null),
    row(t("date"), a.date ?? null),
    row(t("roles"), a.roles?.length ? a.roles.join("، ") : null),
    row(t("aliases"), a.aliases?.length ? el("span", { dir: "auto" }, a.aliases.join("، ")) : null));
  content.push(dl);
  const focused = actions.isFocused(key);
  content.push(el("div", { class: "actions" },
    button(t("focus1"), () => actions.focus(key, 1), { "data-action": "focus1" }),
    button(t("focus2"), () => actions.focus(key, 2), { "data-action": "focus2" }),
    focused ? button(t("unfocus"), () => actions.unfocus(), { "data-action": "unfocus" }) : null));

  const groups = new Map<string, HTMLElement[]>();
  graph.forEachEdge(key, (edge, ea, src, tgt) => {
    const out = src === key;
    const other = out ? tgt : src;
    const b = nodeLink(graph, other, actions);
    // The arrow points the relation's way along the reading direction: towards the neighbour when it is the target.
    const arrow = out === (lang() === "ar") ? "←" : "→";
    const eb = button(arrow, () => actions.selectEdge(edge), { class: "edge-link", "data-edge": edge, "data-direction": out ? "out" : "in", title: `${typeName(ea.type)} (${ea.type})`, "aria-label": `${typeName(ea.type)} ${out ? t("outgoing") : t("incoming")}` });
    const li = el("li", {}, eb, b, ea.role ? el("span", { class: "role" }, ea.role) : null);
    const list = groups.get(ea.type) ?? [];
    list.push(li);
    groups.set(ea.type, list);
  });
  const nb = el("section", { class: "neighbours" }, el("h3", {}, t("neighbours")));
  for (const type of RELATION_TYPES) {
    const items = groups.get(type);
    if (!items) continue;
    const sw = el("span", { class: "swatch swatch-line", "aria-hidden": "true" });
    sw.style.background = RELATION_COLORS[type];
    nb.append(el("details", { open: type !== "MENTIONED_WITH", "data-relation": type },
      el("summary", {}, sw, `${typeName(type)} · ${type} (${items.length})`), el("ul", {}, ...items)));
  }
  // Evidence first: it is what the analyst checks; the neighbour lists of a hub can be long.
  content.push(evidenceSection(graph, "node", key, a.provenance));
  content.push(nb);
  root.replaceChildren(...content.filter((x): x is HTMLElement => x !== null));
  root.hidden = false;
  root.dataset.node = key;
  delete root.dataset.edge;
}

/** Fills `root` with an edge's details and supporting sentences. */
export function showEdge(root: HTMLElement, graph: KnowledgeGraph, key: string, actions: PanelActions): void {
  const a = graph.getEdgeAttributes(key);
  const src = graph.source(key);
  const tgt = graph.target(key);
  const end = (k: string) => nodeLink(graph, k, actions);
  const content: (HTMLElement | null)[] = [
    header(`${typeName(a.type)}`, RELATION_COLORS[a.type], a.type, actions),
    el("p", { class: "edge-ends" }, end(src), el("span", { class: "arrow", "aria-hidden": "true" }, lang() === "ar" ? " ← " : " → "), end(tgt)),
    el("dl", { class: "facts" }, row(t("role"), a.role ?? null), row(t("weight"), String(a.weight))),
    evidenceSection(graph, "edge", key, a.provenance),
  ];
  root.replaceChildren(...content.filter((x): x is HTMLElement => x !== null));
  root.hidden = false;
  root.dataset.edge = key;
  delete root.dataset.node;
}

/** Empties and hides the panel. */
export function hidePanel(root: HTMLElement): void {
  pending?.abort();
  pending = null;
  root.replaceChildren();
  root.hidden = true;
  delete root.dataset.node;
  delete root.dataset.edge;
}
