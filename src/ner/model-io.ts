/**
 * The NER model file (docs/ner.md, "Model format"): a gzip stream (node:zlib) holding
 *
 *   magic `SHBKNER1` (8 bytes) · header length H (uint32 LE) · header (H bytes of UTF-8 JSON) ·
 *   feature dictionary (`header.dictBytes` bytes of UTF-8, feature names joined by "\n", sorted) ·
 *   stage-1 weights (`features × tags` int8) · stage-2 weights (`features × tags` int8).
 *
 * Weights are quantised linearly per stage: `w ≈ q × scale` (`header.scale1`, `header.scale2`), q ∈ [−127, 127];
 * feature rows that are zero in both stages after quantisation are dropped. Transition scores, the gazetteer
 * lists, the frequent-word set and the training record live in the header. Reading validates every part and
 * throws a DataError naming the file and the problem. Pure except {@link readNerModel} / {@link writeNerModel}.
 */
import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { DataError } from "../errors.ts";
import { writeFileAtomic } from "../graph/store.ts";
import { buildGazetteer, GAZ_CATEGORIES, type GazetteerLists } from "./gazetteer.ts";
import type { NerModel } from "./tagger.ts";
import { NER_TAGS } from "./types.ts";

const MAGIC = "SHBKNER1";
/** Version of the layout above; readers reject other versions. */
export const NER_MODEL_VERSION = 1;

/** What the header records about training (reproducibility, docs/ner.md). */
export interface NerTrainingRecord {
  corpus: string;
  sentences: number;
  tokens: number;
  settings: Record<string, number>;
  /** ISO date of training is deliberately absent: the file is byte-identical for the same data and seed. */
}

/** The JSON header of the model file. */
export interface NerModelHeader {
  format: "shabaka-ner";
  version: number;
  tags: string[];
  window: number;
  features: number;
  dictBytes: number;
  scale1: number;
  scale2: number;
  trans1: number[];
  trans2: number[];
  gazetteer: GazetteerLists;
  frequent: string[];
  clusters: [string, string][];
  training: NerTrainingRecord;
}

/** A model together with what it was built from (the lists are kept so the file can be rewritten). */
export interface NerModelBundle {
  model: NerModel;
  lists: GazetteerLists;
  training: NerTrainingRecord;
}

function quantScale(w: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < w.length; i++) max = Math.max(max, Math.abs(w[i]));
  return max > 0 ? max / 127 : 1;
}

/**
 * Serialises a model to the gzip-compressed format above. Deterministic: the same model gives the same bytes.
 */
export function encodeNerModel(bundle: NerModelBundle): Uint8Array {
  const { model } = bundle;
  const T = model.tags.length;
  const s1 = quantScale(model.stage1.weights);
  const s2 = quantScale(model.stage2.weights);
  const names = [...model.features.keys()].sort();
  const kept: string[] = [];
  const q1 = new Int8Array(names.length * T);
  const q2 = new Int8Array(names.length * T);
  const w1 = model.stage1.weights;
  const w2 = model.stage2.weights;
  let p = 0;
  for (const name of names) {
    const r = model.features.get(name)! * T;
    let nz = false;
    for (let t = 0; t < T; t++) {
      const a = Math.round(w1[r + t] / s1);
      const b = Math.round(w2[r + t] / s2);
      q1[p + t] = a;
      q2[p + t] = b;
      if (a !== 0 || b !== 0) nz = true;
    }
    if (!nz) continue;
    kept.push(name);
    p += T;
  }
  const dict = Buffer.from(kept.join("\n"), "utf8");
  const header: NerModelHeader = {
    format: "shabaka-ner",
    version: NER_MODEL_VERSION,
    tags: [...model.tags],
    window: model.window,
    features: kept.length,
    dictBytes: dict.length,
    scale1: s1,
    scale2: s2,
    trans1: Array.from(model.stage1.trans),
    trans2: Array.from(model.stage2.trans),
    gazetteer: bundle.lists,
    frequent: [...model.resources.frequent].sort(),
    clusters: [...model.resources.clusters].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
    training: bundle.training,
  };
  const head = Buffer.from(JSON.stringify(header), "utf8");
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  const body = Buffer.concat([
    Buffer.from(MAGIC, "ascii"), len, head, dict, Buffer.from(q1.buffer, 0, p), Buffer.from(q2.buffer, 0, p),
  ]);
  return gzipSync(body, { level: 9 });
}

function fail(origin: string, problem: string, cause?: unknown): never {
  throw new DataError(`readNerModel: "${origin}" ${problem}.`, cause === undefined ? undefined : { cause });
}

function isNumArray(x: unknown, n: number): x is number[] {
  return Array.isArray(x) && x.length === n && x.every((v) => typeof v === "number" && Number.isFinite(v));
}

function checkHeader(h: unknown, origin: string): NerModelHeader {
  if (typeof h !== "object" || h === null) fail(origin, "has a header that is not a JSON object");
  const o = h as Record<string, unknown>;
  if (o.format !== "shabaka-ner") fail(origin, `is not a shabaka NER model (format ${JSON.stringify(o.format)})`);
  if (o.version !== NER_MODEL_VERSION) fail(origin, `has model version ${String(o.version)}, expected ${NER_MODEL_VERSION}`);
  if (!Array.isArray(o.tags) || o.tags.join(",") !== NER_TAGS.join(",")) fail(origin, `has tags ${JSON.stringify(o.tags)}, expected ${NER_TAGS.join(",")}`);
  const T = NER_TAGS.length;
  for (const k of ["window", "features", "dictBytes"] as const) {
    const v = o[k];
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) fail(origin, `has a bad "${k}" (${String(v)})`);
  }
  for (const k of ["scale1", "scale2"] as const) {
    const v = o[k];
    if (typeof v !== "number" || !(v > 0) || !Number.isFinite(v)) fail(origin, `has a bad "${k}" (${String(v)})`);
  }
  if (!isNumArray(o.trans1, (T + 1) * T) || !isNumArray(o.trans2, (T + 1) * T)) fail(origin, `has transition tables of the wrong size (expected ${(T + 1) * T} numbers)`);
  if (!Array.isArray(o.frequent) || !o.frequent.every((x) => typeof x === "string")) fail(origin, `has a bad "frequent" list`);
  if (!Array.isArray(o.clusters) || !o.clusters.every((x) => Array.isArray(x) && x.length === 2 && typeof x[0] === "string" && typeof x[1] === "string")) {
    fail(origin, `has a bad "clusters" list`);
  }
  const g = o.gazetteer;
  if (typeof g !== "object" || g === null) fail(origin, `has no gazetteer lists`);
  for (const [k, v] of Object.entries(g as Record<string, unknown>)) {
    if (!(GAZ_CATEGORIES as readonly string[]).includes(k)) fail(origin, `has an unknown gazetteer category "${k}"`);
    if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) fail(origin, `has a bad gazetteer list "${k}"`);
  }
  if (typeof o.training !== "object" || o.training === null) fail(origin, `has no training record`);
  return o as unknown as NerModelHeader;
}

/**
 * Parses and validates a model file's bytes.
 * @param origin file name for messages.
 * @throws DataError (code DATA_ERROR) when the bytes are not gzip, the magic or version is wrong, the header is
 *   malformed, or a section's length disagrees with the header.
 */
export function decodeNerModel(bytes: Uint8Array, origin = "<model>"): NerModelBundle {
  let raw: Buffer;
  try {
    raw = gunzipSync(bytes);
  } catch (err) {
    fail(origin, `is not a valid gzip stream (${(err as Error).message})`, err);
  }
  if (raw.length < 12 || raw.subarray(0, 8).toString("ascii") !== MAGIC) fail(origin, `does not start with the magic "${MAGIC}"`);
  const hl = raw.readUInt32LE(8);
  if (12 + hl > raw.length) fail(origin, `is truncated in its header (${hl} bytes announced, ${raw.length - 12} present)`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.subarray(12, 12 + hl).toString("utf8"));
  } catch (err) {
    fail(origin, `has a header that is not valid JSON`, err);
  }
  const h = checkHeader(parsed, origin);
  const T = h.tags.length;
  const dictStart = 12 + hl;
  const w1Start = dictStart + h.dictBytes;
  const w2Start = w1Start + h.features * T;
  const end = w2Start + h.features * T;
  if (end !== raw.length) fail(origin, `has ${raw.length} bytes but its header implies ${end}`);
  const names = h.features === 0 ? [] : raw.subarray(dictStart, w1Start).toString("utf8").split("\n");
  if (names.length !== h.features) fail(origin, `has ${names.length} feature names but its header says ${h.features}`);
  const features = new Map<string, number>();
  for (let i = 0; i < names.length; i++) features.set(names[i], i);
  if (features.size !== names.length) fail(origin, `has duplicate feature names`);
  const q1 = new Int8Array(raw.buffer, raw.byteOffset + w1Start, h.features * T);
  const q2 = new Int8Array(raw.buffer, raw.byteOffset + w2Start, h.features * T);
  const w1 = new Float32Array(h.features * T);
  const w2 = new Float32Array(h.features * T);
  for (let i = 0; i < w1.length; i++) {
    w1[i] = q1[i] * h.scale1;
    w2[i] = q2[i] * h.scale2;
  }
  const model: NerModel = {
    tags: NER_TAGS,
    window: h.window,
    resources: { gazetteer: buildGazetteer(h.gazetteer), frequent: new Set(h.frequent), clusters: new Map(h.clusters) },
    features,
    stage1: { weights: w1, trans: Float64Array.from(h.trans1), quantised: { q: q1.slice(), scale: h.scale1 } },
    stage2: { weights: w2, trans: Float64Array.from(h.trans2), quantised: { q: q2.slice(), scale: h.scale2 } },
  };
  return { model, lists: h.gazetteer, training: h.training };
}

/** Writes a model file atomically (temporary file + rename). Returns the number of bytes written. */
export async function writeNerModel(file: string, bundle: NerModelBundle): Promise<number> {
  const bytes = encodeNerModel(bundle);
  await writeFileAtomic(file, bytes);
  return bytes.length;
}

/**
 * Reads and validates a model file.
 * @throws DataError when the file is missing or invalid (see {@link decodeNerModel}).
 */
export async function readNerModel(file: string): Promise<NerModelBundle> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    fail(file, `cannot be read (${(err as Error).message})`, err);
  }
  return decodeNerModel(bytes, file);
}

/** Synchronous {@link readNerModel}, for lazy loading inside synchronous extraction. */
export function readNerModelSync(file: string): NerModelBundle {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    fail(file, `cannot be read (${(err as Error).message})`, err);
  }
  return decodeNerModel(bytes, file);
}
