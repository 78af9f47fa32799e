/**
 * Visual attributes for GEXF `viz`: colour as r/g/b integers, a finite size, and a position for every node.
 */
import { NODE_COLORS, RELATION_COLORS, isNodeType, isRelationType } from "../graph/schema.ts";

export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** Alpha in [0, 1]; absent for opaque colours. */
  a?: number;
}

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const FUNC = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/i;

function channel(x: number): number | undefined {
  return Number.isFinite(x) && x >= 0 && x <= 255 ? Math.round(x) : undefined;
}

/**
 * Parses a CSS colour in the forms the project writes (`#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb(r,g,b)`,
 * `rgba(r,g,b,a)`) into integer channels; undefined for anything else (named colours, out-of-range numbers).
 */
export function parseColor(value: unknown): Rgba | undefined {
  if (typeof value !== "string") return undefined;
  const s = value.trim();
  const hex = HEX.exec(s);
  if (hex) {
    let h = hex[1];
    if (h.length <= 4) h = [...h].map((c) => c + c).join("");
    const r = parseInt(h.slice(0, 2), 16);
    const g = parseInt(h.slice(2, 4), 16);
    const b = parseInt(h.slice(4, 6), 16);
    return h.length === 8 ? { r, g, b, a: Math.round((parseInt(h.slice(6, 8), 16) / 255) * 1000) / 1000 } : { r, g, b };
  }
  const f = FUNC.exec(s);
  if (f) {
    const r = channel(+f[1]);
    const g = channel(+f[2]);
    const b = channel(+f[3]);
    if (r === undefined || g === undefined || b === undefined) return undefined;
    if (f[4] === undefined) return { r, g, b };
    const a = +f[4];
    return Number.isFinite(a) && a >= 0 && a <= 1 ? { r, g, b, a } : undefined;
  }
  return undefined;
}

const GREY: Rgba = { r: 153, g: 153, b: 153 };

/** The schema's type colours, parsed once (every node or edge of a type shares one). */
const NODE_RGB = new Map(Object.entries(NODE_COLORS).map(([t, c]) => [t, parseColor(c) ?? GREY]));
const RELATION_RGB = new Map(Object.entries(RELATION_COLORS).map(([t, c]) => [t, parseColor(c) ?? GREY]));

/** A node's colour: its own `color` when parseable, else the colour of its type (NODE_COLORS), else grey. */
export function nodeColor(attrs: { color?: unknown; type?: unknown }): Rgba {
  return parseColor(attrs.color) ?? (isNodeType(attrs.type) ? NODE_RGB.get(attrs.type) : undefined) ?? GREY;
}

/** An edge's colour: its own `color` when parseable, else the colour of its relation type, else grey. */
export function edgeColor(attrs: { color?: unknown; type?: unknown }): Rgba {
  return parseColor(attrs.color) ?? (isRelationType(attrs.type) ? RELATION_RGB.get(attrs.type) : undefined) ?? GREY;
}

/**
 * A node's size: its own `size` when finite and positive, else `4 + 2·√mentions` (so a node mentioned 25 times
 * is 14, three and a half times a node never counted), the area growing with the mention count.
 */
export function nodeSize(attrs: { size?: unknown; mentions?: unknown }): number {
  if (typeof attrs.size === "number" && Number.isFinite(attrs.size) && attrs.size > 0) return attrs.size;
  const m = typeof attrs.mentions === "number" && Number.isFinite(attrs.mentions) && attrs.mentions > 0 ? attrs.mentions : 0;
  return 4 + 2 * Math.sqrt(m);
}

/**
 * Position for node `index` of `count` when it has no finite x/y (a fresh build has no layout): evenly spaced on
 * a circle centred on the origin with about 10 units between neighbours (radius at least 100). Deterministic,
 * so two exports of the same graph are identical.
 */
export function circlePosition(index: number, count: number): { x: number; y: number } {
  const radius = Math.max(100, (10 * count) / (2 * Math.PI));
  const angle = (2 * Math.PI * index) / Math.max(1, count);
  return { x: Math.round(radius * Math.cos(angle) * 1000) / 1000, y: Math.round(radius * Math.sin(angle) * 1000) / 1000 };
}
