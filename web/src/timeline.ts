/**
 * The timeline strip: dated events placed by date on an SVG axis. Dragging selects a date range (the events
 * outside it are hidden), clicking an event focuses it; two date inputs and a clear button do the same from the
 * keyboard. Events dated only to a year or month are drawn at the middle of their span.
 */
import { NODE_COLORS } from "../../src/graph/schema.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { button, el, svg } from "./dom.ts";
import { dateBounds } from "./filters.ts";
import { t, typeName } from "./i18n.ts";
import type { ViewState } from "./state.ts";

const DAY = 86_400_000;
const HEIGHT = 46;
const PAD = 14;

function ms(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}
function iso(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

export interface TimelineHandle {
  update(): void;
}

interface Item { key: string; t: number; label: string; date: string; eventType?: string }

/** Builds the timeline in `root`. `changed()` after a range change; `focusEvent(key)` after a click on an event. */
export function createTimeline(root: HTMLElement, graph: KnowledgeGraph, state: ViewState, changed: () => void, focusEvent: (key: string) => void): TimelineHandle {
  const items: Item[] = [];
  graph.forEachNode((key, a) => {
    if (a.type !== "event" || !a.date) return;
    const b = dateBounds(a.date);
    if (!b) return;
    items.push({ key, t: (ms(b[0]) + ms(b[1]) + DAY) / 2, label: a.label, date: a.date, eventType: a.eventType });
  });
  items.sort((x, y) => x.t - y.t);
  const fromInput = el("input", { type: "date", "aria-label": t("from"), "data-i18n-aria": "from", name: "from" });
  const toInput = el("input", { type: "date", "aria-label": t("to"), "data-i18n-aria": "to", name: "to" });
  const clearBtn = button(t("clear"), () => {
    state.filters.dateFrom = null;
    state.filters.dateTo = null;
    changed();
  }, { "data-i18n": "clear", class: "small" });
  const onInput = () => {
    state.filters.dateFrom = fromInput.value || null;
    state.filters.dateTo = toInput.value || null;
    changed();
  };
  fromInput.addEventListener("change", onInput);
  toInput.addEventListener("change", onInput);
  const chart = svg("svg", { class: "timeline-svg", height: HEIGHT, role: "group" });
  chart.setAttribute("aria-label", t("timeline"));
  root.append(
    el("div", { class: "timeline-controls" },
      el("span", { class: "timeline-title", "data-i18n": "dateRange" }, t("dateRange")),
      el("label", {}, el("span", { "data-i18n": "from" }, t("from")), fromInput),
      el("label", {}, el("span", { "data-i18n": "to" }, t("to")), toInput),
      clearBtn,
      el("span", { class: "hint", "data-i18n": "hint" }, t("hint"))),
    chart);
  if (items.length === 0) root.classList.add("empty");

  let lo = items.length ? items[0].t : Date.now();
  let hi = items.length ? items[items.length - 1].t : Date.now();
  const margin = Math.max((hi - lo) * 0.04, 30 * DAY);
  lo -= margin;
  hi += margin;
  let width = 600;
  const xOf = (tm: number) => PAD + ((tm - lo) / (hi - lo)) * (width - 2 * PAD);
  const tOf = (x: number) => lo + ((Math.min(Math.max(x, PAD), width - PAD) - PAD) / (width - 2 * PAD)) * (hi - lo);
  // The axis runs left to right (earlier → later) in both interface languages, like a numeric scale.
  chart.setAttribute("direction", "ltr");

  const brush = svg("rect", { class: "brush", y: 2, height: HEIGHT - 16 });
  let drag: { x0: number; moved: boolean } | null = null;
  const localX = (ev: PointerEvent) => ev.clientX - chart.getBoundingClientRect().left;
  chart.addEventListener("pointerdown", (ev) => {
    if ((ev.target as Element).classList.contains("tl-event")) return;
    drag = { x0: localX(ev), moved: false };
    chart.setPointerCapture(ev.pointerId);
  });
  chart.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    const x = localX(ev);
    if (Math.abs(x - drag.x0) > 3) drag.moved = true;
    brush.setAttribute("x", String(Math.min(x, drag.x0)));
    brush.setAttribute("width", String(Math.abs(x - drag.x0)));
    brush.style.display = drag.moved ? "" : "none";
  });
  chart.addEventListener("pointerup", (ev) => {
    if (!drag) return;
    const x = localX(ev);
    const d = drag;
    drag = null;
    if (!d.moved) return;
    const a = iso(tOf(Math.min(x, d.x0)));
    const b = iso(tOf(Math.max(x, d.x0)));
    state.filters.dateFrom = a;
    state.filters.dateTo = b;
    changed();
  });

  const update = () => {
    width = Math.max(200, Math.round(chart.getBoundingClientRect().width || root.clientWidth || 600));
    chart.setAttribute("viewBox", `0 0 ${width} ${HEIGHT}`);
    const f = state.filters;
    fromInput.value = f.dateFrom && /^\d{4}-\d{2}-\d{2}$/.test(f.dateFrom) ? f.dateFrom : (f.dateFrom ? dateBounds(f.dateFrom)?.[0] ?? "" : "");
    toInput.value = f.dateTo && /^\d{4}-\d{2}-\d{2}$/.test(f.dateTo) ? f.dateTo : (f.dateTo ? dateBounds(f.dateTo)?.[1] ?? "" : "");
    const parts: SVGElement[] = [svg("line", { x1: PAD, x2: width - PAD, y1: HEIGHT - 16, y2: HEIGHT - 16, class: "axis" })];
    const y0 = new Date(lo).getUTCFullYear();
    const y1 = new Date(hi).getUTCFullYear();
    const step = Math.max(1, Math.ceil((y1 - y0 + 1) / Math.max(2, Math.floor(width / 60))));
    for (let y = y0; y <= y1 + 1; y += step) {
      const x = xOf(Date.UTC(y, 0, 1));
      if (x < PAD || x > width - PAD) continue;
      parts.push(svg("line", { x1: x, x2: x, y1: HEIGHT - 19, y2: HEIGHT - 13, class: "tick" }));
      const label = svg("text", { x, y: HEIGHT - 2, class: "tick-label", "text-anchor": "middle" });
      label.textContent = String(y);
      parts.push(label);
    }
    if (f.dateFrom !== null || f.dateTo !== null) {
      const a = f.dateFrom ? ms(dateBounds(f.dateFrom)![0]) : lo;
      const b = f.dateTo ? ms(dateBounds(f.dateTo)![1]) + DAY : hi;
      parts.push(svg("rect", { class: "range", x: xOf(a), width: Math.max(2, xOf(b) - xOf(a)), y: 2, height: HEIGHT - 16 }));
    }
    brush.style.display = "none";
    parts.push(brush);
    const inRange = (it: Item) => {
      const b = dateBounds(it.date)!;
      return !((f.dateFrom && b[1] < dateBounds(f.dateFrom)![0]) || (f.dateTo && b[0] > dateBounds(f.dateTo)![1]));
    };
    items.forEach((it, i) => {
      const c = svg("circle", { cx: xOf(it.t), cy: 10 + (i % 3) * 7, r: 5, class: "tl-event", tabindex: 0, role: "button", "data-key": it.key, "data-date": it.date });
      c.setAttribute("fill", inRange(it) ? NODE_COLORS.event : "#ccc");
      const title = svg("title");
      title.textContent = `${it.date} · ${it.eventType ? typeName(it.eventType) : ""} · ${it.label}`;
      c.append(title);
      const go = () => focusEvent(it.key);
      c.addEventListener("click", go);
      c.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter" || ev.key === " ") {
          ev.preventDefault();
          go();
        }
      });
      parts.push(c);
    });
    chart.replaceChildren(...parts);
  };
  new ResizeObserver(() => update()).observe(root);
  update();
  return { update };
}
