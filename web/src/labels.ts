/**
 * Node label and hover drawing for sigma that handles right-to-left scripts (sigma's own functions always draw
 * left to right from the node's right edge: sigma issue #979).
 *
 * A right-to-left label (first strong character Arabic, etc.) is drawn with `context.direction = "rtl"`,
 * right-aligned, ending `gap` pixels left of the node's disc, so the text reads away from the node and never
 * covers it; a left-to-right label is drawn as sigma does, starting right of the disc. The hover box is measured
 * with `measureText` on the same font, so it fits the text in both directions.
 */
import type { Settings } from "sigma/settings";
import type { NodeDisplayData, PartialButFor } from "sigma/types";
import { isRtl } from "./dom.ts";

type LabelData = PartialButFor<NodeDisplayData, "x" | "y" | "size" | "label" | "color">;

/** Horizontal gap between a node's disc and its label, in pixels. */
export const LABEL_GAP = 3;
const PADDING = 2;

/** Where a label starts and which way it runs: the anchor `x` is the text's edge nearest the node. */
export function labelAnchor(data: { x: number; size: number; label: string }): { rtl: boolean; x: number } {
  const rtl = isRtl(data.label);
  return { rtl, x: rtl ? data.x - data.size - LABEL_GAP : data.x + data.size + LABEL_GAP };
}

function font(settings: Settings): string {
  return `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
}

/**
 * Occupied boxes of the frame being drawn, so labels do not overlap at rest: a label that would cover a label
 * already drawn, or (on graphs small enough to check every node) another node's disc, is skipped unless its node
 * has `forceLabel` (hovered neighbourhood, selection, query result). The renderer calls
 * {@link LabelCollider.reset} and registers the discs before each frame.
 */
export class LabelCollider {
  private boxes: number[] = [];
  reset(): void {
    this.boxes.length = 0;
  }
  /** Marks a box as taken (a node's disc) without drawing anything there. */
  occupy(x0: number, y0: number, x1: number, y1: number): void {
    this.boxes.push(x0, y0, x1, y1);
  }
  /** Registers the box and returns true when it overlaps none drawn so far (or when `force`). */
  claim(x0: number, y0: number, x1: number, y1: number, force: boolean): boolean {
    const b = this.boxes;
    if (!force) {
      for (let i = 0; i < b.length; i += 4) {
        if (x0 < b[i + 2] && x1 > b[i] && y0 < b[i + 3] && y1 > b[i + 1]) return false;
      }
    }
    b.push(x0, y0, x1, y1);
    return true;
  }
}

/** The collider shared by the live renderer's label layer. */
export const labelCollider = new LabelCollider();

/** Replacement of sigma's `defaultDrawNodeLabel`: right-to-left labels on the node's left, no overlaps at rest. */
export function drawNodeLabel(context: CanvasRenderingContext2D, data: LabelData, settings: Settings): void {
  if (!data.label) return;
  context.font = font(settings);
  const w = context.measureText(data.label).width;
  const { rtl: r, x: ax } = labelAnchor({ x: data.x, size: data.size, label: data.label });
  const x0 = r ? ax - w : ax;
  const h = settings.labelSize;
  // A label cut by the stage's edge is left out at rest (zooming or hovering shows it).
  const width = context.canvas.width / (globalThis.devicePixelRatio || 1);
  if (data.forceLabel !== true && (x0 < 0 || x0 + w > width)) return;
  if (!labelCollider.claim(x0 - 1, data.y - h / 2 - 1, x0 + w + 1, data.y + h / 2 + 1, data.forceLabel === true)) return;
  paintLabel(context, data, settings);
}

/** Draws the label text (no collision check): used by the hover layer. */
export function paintLabel(context: CanvasRenderingContext2D, data: LabelData, settings: Settings): void {
  if (!data.label) return;
  const size = settings.labelSize;
  const lc = settings.labelColor;
  const attr = "attribute" in lc ? lc.attribute : undefined;
  const color = attr ? ((data as unknown as Record<string, string>)[attr] ?? lc.color ?? "#000") : (lc.color ?? "#000");
  const { rtl, x } = labelAnchor({ x: data.x, size: data.size, label: data.label });
  context.save();
  context.fillStyle = color;
  context.font = font(settings);
  context.direction = rtl ? "rtl" : "ltr";
  context.textAlign = rtl ? "right" : "left";
  // A white halo keeps the text readable where it crosses edges or a node's rim.
  context.lineJoin = "round";
  context.lineWidth = 3;
  context.strokeStyle = "rgba(255,255,255,0.85)";
  context.strokeText(data.label, x, data.y + size / 3);
  context.fillText(data.label, x, data.y + size / 3);
  context.restore();
}

/**
 * Replacement of sigma's `defaultDrawNodeHover`: a white box with a shadow that wraps the disc and extends on
 * the label's side by the measured text width, then the label.
 */
export function drawNodeHover(context: CanvasRenderingContext2D, data: LabelData, settings: Settings): void {
  const size = settings.labelSize;
  context.save();
  context.font = font(settings);
  context.fillStyle = "#fff";
  context.shadowOffsetX = 0;
  context.shadowOffsetY = 0;
  context.shadowBlur = 8;
  context.shadowColor = "#000";
  if (typeof data.label === "string" && data.label.length > 0) {
    const rtl = isRtl(data.label);
    context.direction = rtl ? "rtl" : "ltr";
    const textWidth = context.measureText(data.label).width;
    const boxWidth = Math.round(textWidth + LABEL_GAP + PADDING * 2);
    const boxHeight = Math.round(size + 2 * PADDING);
    const radius = Math.max(data.size, size / 2) + PADDING;
    const half = Math.min(boxHeight / 2, radius);
    const angle = Math.asin(half / radius);
    const dx = Math.sqrt(Math.max(0, radius * radius - half * half));
    const s = rtl ? -1 : 1;
    context.beginPath();
    context.moveTo(data.x + s * dx, data.y + half);
    context.lineTo(data.x + s * (radius + boxWidth), data.y + half);
    context.lineTo(data.x + s * (radius + boxWidth), data.y - half);
    context.lineTo(data.x + s * dx, data.y - half);
    if (rtl) context.arc(data.x, data.y, radius, Math.PI + angle, Math.PI - angle);
    else context.arc(data.x, data.y, radius, -angle, angle, true);
    context.closePath();
    context.fill();
  } else {
    context.beginPath();
    context.arc(data.x, data.y, data.size + PADDING, 0, Math.PI * 2);
    context.closePath();
    context.fill();
  }
  context.restore();
  paintLabel(context, data, settings);
}
