/**
 * Search box with suggestions (ARIA combobox + listbox): labels, aliases and English names under the project's
 * Arabic normalisation (`searchNodes` of src/graph/search.ts), so typing اربيل suggests أربيل. Arrow keys move,
 * Enter selects, Escape closes.
 */
import { NODE_COLORS } from "../../src/graph/schema.ts";
import { searchNodes, type SearchResult } from "../../src/graph/search.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { el } from "./dom.ts";
import { t, typeName, type StringKey } from "./i18n.ts";

let counter = 0;

export interface SearchBox {
  input: HTMLInputElement;
  clear(): void;
}

/** Builds a search box in `root`; `onSelect(key)` runs when a suggestion is chosen. */
export function createSearchBox(root: HTMLElement, graph: KnowledgeGraph, onSelect: (key: string, r: SearchResult) => void, placeholder: StringKey = "search"): SearchBox {
  const id = `sb${counter++}`;
  const input = el("input", {
    type: "search", role: "combobox", "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": `${id}-list`,
    autocomplete: "off", spellcheck: "false", dir: "auto", class: "search-input",
    placeholder: t(placeholder), "data-i18n-placeholder": placeholder, "aria-label": t("searchLabel"), "data-i18n-aria": "searchLabel",
  });
  const list = el("ul", { role: "listbox", id: `${id}-list`, class: "suggestions", hidden: true });
  root.append(el("div", { class: "search-box" }, input, list));
  let results: SearchResult[] = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const mark = () => {
    [...list.children].forEach((li, i) => li.setAttribute("aria-selected", String(i === active)));
    if (active >= 0) input.setAttribute("aria-activedescendant", `${id}-opt${active}`);
  };
  const choose = (i: number) => {
    const r = results[i];
    if (!r) return;
    input.value = r.label;
    close();
    onSelect(r.key, r);
  };
  const render = () => {
    list.replaceChildren();
    results = searchNodes(graph, input.value, { limit: 10 });
    if (input.value.trim() === "") return close();
    if (results.length === 0) {
      list.append(el("li", { class: "empty", role: "option", "aria-disabled": "true" }, t("noResults")));
    }
    results.forEach((r, i) => {
      const sw = el("span", { class: "swatch", "aria-hidden": "true" });
      sw.style.background = NODE_COLORS[r.type];
      const li = el("li", { role: "option", id: `${id}-opt${i}`, "data-key": r.key, class: "suggestion" },
        sw, el("span", { class: "s-label", dir: "auto" }, r.label),
        r.labelEn ? el("span", { class: "s-en", dir: "ltr" }, r.labelEn) : null,
        el("span", { class: "s-type" }, typeName(r.type)),
        r.matched !== r.label && r.matched !== r.labelEn ? el("span", { class: "s-matched", dir: "auto" }, r.matched) : null);
      li.addEventListener("mousedown", (ev) => {
        ev.preventDefault();
        choose(i);
      });
      list.append(li);
    });
    active = results.length > 0 ? 0 : -1;
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    mark();
  };
  input.addEventListener("input", render);
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" && results.length > 0) {
      active = (active + 1) % results.length;
      mark();
      ev.preventDefault();
    } else if (ev.key === "ArrowUp" && results.length > 0) {
      active = (active - 1 + results.length) % results.length;
      mark();
      ev.preventDefault();
    } else if (ev.key === "Enter") {
      if (list.hidden) render();
      choose(Math.max(active, 0));
      ev.preventDefault();
    } else if (ev.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
  return { input, clear: () => { input.value = ""; close(); } };
}
