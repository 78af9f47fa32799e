/**
 * The sidebar: node-type legend (colour, name, visible/total count; click hides or shows a type), relation
 * types (colour; click hides or shows; MENTIONED_WITH hidden by default) and event types. Every entry is a
 * toggle button with `aria-pressed`, reachable by keyboard.
 */
import { EVENT_TYPES, NODE_COLORS, NODE_TYPES, RELATION_COLORS, RELATION_TYPES, type EventType, type NodeType, type RelationType } from "../../src/graph/schema.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { el } from "./dom.ts";
import type { Visibility } from "./filters.ts";
import { t, typeName } from "./i18n.ts";
import type { ViewState } from "./state.ts";

export interface LegendHandle {
  /** Redraws counts and pressed states. */
  update(vis: Visibility): void;
}

function toggle<T>(set: Set<T>, v: T): void {
  if (set.has(v)) set.delete(v);
  else set.add(v);
}

/** Builds the legend inside `root`. `changed()` is called after a toggle. */
export function createLegend(root: HTMLElement, graph: KnowledgeGraph, state: ViewState, changed: () => void): LegendHandle {
  const totals = new Map<string, number>();
  graph.forEachNode((_k, a) => {
    totals.set(a.type, (totals.get(a.type) ?? 0) + 1);
    if (a.eventType) totals.set("ev:" + a.eventType, (totals.get("ev:" + a.eventType) ?? 0) + 1);
  });
  graph.forEachEdge((_k, a) => totals.set("rel:" + a.type, (totals.get("rel:" + a.type) ?? 0) + 1));

  const buttons: { btn: HTMLButtonElement; name: HTMLElement; count: HTMLElement; code: string; kind: "node" | "rel" | "ev" }[] = [];
  const section = (titleKey: "nodeTypes" | "relationTypes" | "eventTypes", kind: "node" | "rel" | "ev", codes: readonly string[], colors: Record<string, string> | null) => {
    const list = el("ul", { class: "legend-list" });
    for (const code of codes) {
      const total = totals.get(kind === "node" ? code : `${kind}:${code}`) ?? 0;
      if (total === 0 && kind !== "node") continue;
      const name = el("span", { class: "legend-name" });
      const count = el("span", { class: "legend-count" });
      const swatch = el("span", { class: kind === "rel" ? "swatch swatch-line" : "swatch", "aria-hidden": "true" });
      if (colors) swatch.style.background = colors[code];
      const btn = el("button", { type: "button", class: "legend-item", "data-type": code, "data-kind": kind }, swatch, name, count);
      btn.addEventListener("click", () => {
        const f = state.filters;
        if (kind === "node") toggle(f.hiddenTypes, code as NodeType);
        else if (kind === "rel") toggle(f.hiddenRelations, code as RelationType);
        else toggle(f.hiddenEventTypes, code as EventType);
        changed();
      });
      buttons.push({ btn, name, count, code, kind });
      list.append(el("li", {}, btn));
    }
    if (list.childElementCount === 0) return;
    root.append(el("section", { class: "legend", "data-section": kind }, el("h2", { "data-i18n": titleKey }, t(titleKey)), list));
  };
  section("nodeTypes", "node", NODE_TYPES, NODE_COLORS);
  section("relationTypes", "rel", RELATION_TYPES, RELATION_COLORS);
  section("eventTypes", "ev", EVENT_TYPES, null);
  root.append(el("p", { class: "hint", "data-i18n": "legendHint" }, t("legendHint")));

  return {
    update(vis: Visibility) {
      const shown = new Map<string, number>();
      for (const k of vis.nodes) {
        const a = graph.getNodeAttributes(k);
        shown.set(a.type, (shown.get(a.type) ?? 0) + 1);
        if (a.eventType) shown.set("ev:" + a.eventType, (shown.get("ev:" + a.eventType) ?? 0) + 1);
      }
      for (const k of vis.edges) {
        const tp = graph.getEdgeAttribute(k, "type");
        shown.set("rel:" + tp, (shown.get("rel:" + tp) ?? 0) + 1);
      }
      const f = state.filters;
      for (const b of buttons) {
        const id = b.kind === "node" ? b.code : `${b.kind}:${b.code}`;
        const hidden = b.kind === "node" ? f.hiddenTypes.has(b.code as NodeType) : b.kind === "rel" ? f.hiddenRelations.has(b.code as RelationType) : f.hiddenEventTypes.has(b.code as EventType);
        b.btn.setAttribute("aria-pressed", String(!hidden));
        b.btn.classList.toggle("off", hidden);
        b.name.textContent = typeName(b.code);
        b.btn.title = `${typeName(b.code)} (${b.code})`;
        const total = totals.get(id) ?? 0;
        const n = shown.get(id) ?? 0;
        b.count.textContent = n === total ? String(total) : `${n}/${total}`;
      }
    },
  };
}
