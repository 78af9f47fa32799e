/**
 * WebGL programs for sigma that draw without instancing. Sigma 3's disc, rectangle and arrow programs are
 * instanced (one small constant vertex buffer, one instance per item). Software WebGL — SwiftShader, used by
 * headless chromium and by browsers without a usable GPU — pays a fixed cost per instance: measured on the
 * 10,000-node benchmark graph (bench/web.bench.ts), the instanced disc program took ≈ 400 ms of GPU-process CPU
 * per frame, the same discs drawn as plain triangles ≈ 60 ms. {@link deinstanced} turns an instanced program
 * into an equivalent plain one: the per-vertex constants become ordinary attributes and every item writes its
 * vertices in full. The shaders are sigma's own, unchanged, so the drawing is identical.
 */
import { EdgeLineProgram, EdgeRectangleProgram, NodeCircleProgram, createEdgeArrowHeadProgram, createEdgeClampedProgram, createEdgeCompoundProgram, getAttributesItemsCount, type EdgeProgramType, type NodeProgramType } from "sigma/rendering";

/** Fields of a sigma program definition that {@link deinstanced} reads. */
interface Definition {
  VERTICES: number;
  ATTRIBUTES: { name: string; size: number; type: number; normalized?: boolean }[];
  CONSTANT_ATTRIBUTES?: { name: string; size: number; type: number; normalized?: boolean }[];
  CONSTANT_DATA?: number[][];
  [k: string]: unknown;
}

/** The members of sigma's `Program` used here. */
interface ProgramLike {
  array: Float32Array;
  getDefinition(): Definition;
  processVisibleItem(index: number, start: number, ...rest: unknown[]): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ProgramClass = new (...args: any[]) => any;

/**
 * A subclass of the sigma program class `Base` that draws without instancing: its definition lists the constant
 * attributes after the per-item ones, and `processVisibleItem` writes the item's attributes (through `Base`)
 * followed by each vertex's constants, for every vertex. A program that is not instanced is returned as is.
 */
export function deinstanced<C extends ProgramClass>(Base: C): C {
  const probe = (Base.prototype as ProgramLike).getDefinition.call(Object.create(Base.prototype));
  if (!probe.CONSTANT_ATTRIBUTES) return Base;
  const constants = probe.CONSTANT_DATA ?? [];
  const itemFloats = getAttributesItemsCount(probe.ATTRIBUTES as never);
  const vertexFloats = itemFloats + getAttributesItemsCount(probe.CONSTANT_ATTRIBUTES as never);
  const scratch = new Float32Array(itemFloats);
  const Plain = class extends (Base as unknown as new (...args: unknown[]) => ProgramLike) {
    override getDefinition(): Definition {
      const { CONSTANT_ATTRIBUTES, CONSTANT_DATA: _unused, ...rest } = super.getDefinition();
      return { ...rest, ATTRIBUTES: [...rest.ATTRIBUTES, ...(CONSTANT_ATTRIBUTES ?? [])] };
    }
    override processVisibleItem(index: number, start: number, ...rest: unknown[]): void {
      // The base writes the item's own attributes at `start`, as it would in its instance buffer.
      super.processVisibleItem(index, start, ...rest);
      const a = this.array;
      scratch.set(a.subarray(start, start + itemFloats));
      for (let v = 0; v < constants.length; v++) {
        const off = start + v * vertexFloats;
        a.set(scratch, off);
        const c = constants[v];
        for (let j = 0; j < c.length; j++) a[off + itemFloats + j] = c[j];
      }
    }
  };
  return Plain as unknown as C;
}

/** Discs (sigma's circle program) drawn as three plain vertices per node. */
export const NodeDiscProgram = deinstanced(NodeCircleProgram) as unknown as NodeProgramType;

/** Straight edges of a given thickness (sigma's rectangle program), plain vertices. */
export const EdgeBandProgram = deinstanced(EdgeRectangleProgram) as unknown as EdgeProgramType;

/** Arrows (sigma's clamped body + arrow head, default proportions), plain vertices. */
export const EdgeArrowPlainProgram = createEdgeCompoundProgram([
  deinstanced(createEdgeClampedProgram()) as unknown as EdgeProgramType,
  deinstanced(createEdgeArrowHeadProgram()) as unknown as EdgeProgramType,
]);

/** 1-px lines (already plain): the cheapest edges, used on large graphs. */
export { EdgeLineProgram };
