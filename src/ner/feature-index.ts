/**
 * The model's feature dictionary split for fast lookup at inference: word-level features by template and value
 * (so a feature is found without building its `name=value` string), templates that take the same value looked
 * up together, the four word-pair templates of one pair of words looked up together by integer keys, and shape
 * trigrams and document codes in typed arrays. Built once per tagger in one pass over the dictionary (part of
 * the model load time, docs/ner.md "Speed").
 */
import { SHAPES, VALUELESS, WORD_PAIRS, WORD_TEMPLATES } from "./features.ts";
import { DOCUMENT_CODE_COUNT, documentFeatureName } from "./document.ts";

const NSH = SHAPES.length;
const NPAIRS = WORD_PAIRS.length;

/**
 * Templates that the feature functions apply to the same value (the key as itself and as each neighbour, the
 * bare form, its last 3 and 2 letters): one lookup of the value serves the whole group.
 */
const GROUPS: readonly (readonly string[])[] = [
  ["w", "w-2", "w-1", "w+1", "w+2"],
  ["ba", "b-1", "b+1"],
  ["s3", "s3-1", "s3+1"],
  ["s2", "s2+1"],
];
/** Slots per group entry; the key group has one more slot: the key's id in the word-pair vocabulary. */
const SIZE = GROUPS.map((g, k) => g.length + (k === 0 ? 1 : 0));
const VID_SLOT = GROUPS[0].length;

/** Row lookups over a model's feature dictionary (`name → row`); rows are −1 when absent. */
export class FeatureIndex {
  /** Shape-trigram rows by `(s−1 · NSH + s) · NSH + s+1` (−1 when absent), shapes as indices of {@link SHAPES}. */
  readonly shapeRows: Int32Array;
  /** Row of every document feature code (−1 when the model lacks it). */
  readonly docRows: Int32Array;
  /** Word-level template id ({@link WORD_TEMPLATES}) → value → row (`""` for valueless); empty for grouped ones. */
  private readonly templates: Map<string, number>[];
  /** Group of each template (−1: none) and its slot in the group's entries. */
  private readonly groupOf = new Int8Array(WORD_TEMPLATES.length).fill(-1);
  private readonly slotOf = new Int8Array(WORD_TEMPLATES.length);
  /** Per group: value → entry; slot `k` of entry `e` at `[e · SIZE[g] + k]` (−1 when absent). */
  private readonly groupIds: Map<string, number>[];
  private readonly groupRows: Int32Array[];
  /** The last value looked up in each group and its entry (a pure cache). */
  private readonly lastValue: string[];
  private readonly lastEntry: Int32Array;
  /**
   * Word pairs → entry, an open-addressing hash table (linear probing, load ≤ 1/2) of slots
   * `[first id + 1 (0: empty), second id, entry]`: one cache line per lookup, where a Map takes several.
   * Rows of template `k` of entry `e` at `pairRows[e · 4 + k]`.
   */
  private readonly pairSlots: Int32Array;
  private readonly pairMask: number;
  private readonly pairRows: Int32Array;
  /** Phrase rows by `mask · 2 + begin`. */
  private readonly phraseRows = new Map<number, number>();

  constructor(private readonly features: ReadonlyMap<string, number>) {
    this.templates = WORD_TEMPLATES.map(() => new Map());
    const ids = new Map(WORD_TEMPLATES.map((name, t) => [name, t]));
    const pairTemplate = new Map(WORD_PAIRS.map(([name], k) => [name, k]));
    GROUPS.forEach((names, g) => names.forEach((name, k) => {
      const t = WORD_TEMPLATES.indexOf(name);
      this.groupOf[t] = g;
      this.slotOf[t] = k;
    }));
    this.groupIds = GROUPS.map(() => new Map());
    const rows: number[][] = GROUPS.map(() => []);
    const entry = (g: number, value: string): number => {
      let e = this.groupIds[g].get(value);
      if (e === undefined) {
        this.groupIds[g].set(value, (e = rows[g].length / SIZE[g]));
        for (let k = 0; k < SIZE[g]; k++) rows[g].push(-1);
      }
      return e;
    };
    let vocab = 0;
    const vid = (key: string): number => {
      const at = entry(0, key) * SIZE[0] + VID_SLOT;
      if (rows[0][at] < 0) rows[0][at] = vocab++;
      return rows[0][at];
    };
    const pairs: number[] = [];
    // The model file stores names sorted, so consecutive names mostly share their template: remember the last.
    let lastName = "";
    let lastT = -1;
    let lastPair = -1;
    for (const [f, row] of features) {
      const e = f.indexOf("=");
      if (e < 0) {
        const t = ids.get(f);
        if (t !== undefined && VALUELESS.has(t)) this.templates[t].set("", row);
        continue;
      }
      if (e !== lastName.length || !f.startsWith(lastName)) {
        lastName = f.slice(0, e);
        const t = ids.get(lastName);
        lastT = t !== undefined && !VALUELESS.has(t) ? t : -1;
        lastPair = pairTemplate.get(lastName) ?? -1;
      }
      if (lastT >= 0) {
        const g = this.groupOf[lastT];
        if (g < 0) this.templates[lastT].set(f.slice(e + 1), row);
        else rows[g][entry(g, f.slice(e + 1)) * SIZE[g] + this.slotOf[lastT]] = row;
      } else if (lastPair >= 0) {
        const bar = f.indexOf("|", e + 1);
        if (bar < 0 || f.indexOf("|", bar + 1) >= 0) continue; // a key with "|" in it: looked up by name
        pairs.push(lastPair, vid(f.slice(e + 1, bar)), vid(f.slice(bar + 1)), row);
      }
    }
    this.groupRows = rows.map((r) => Int32Array.from(r));
    this.lastValue = GROUPS.map(() => "");
    this.lastEntry = Int32Array.from(GROUPS, (_, g) => this.groupIds[g].get("") ?? -1);
    let cap = 16;
    while (cap < pairs.length / 2) cap *= 2; // pairs holds 4 numbers per pair feature: load ≤ 1/2
    this.pairMask = cap - 1;
    this.pairSlots = new Int32Array(cap * 3);
    let entries = 0;
    const pairRows: number[] = [];
    for (let p = 0; p < pairs.length; p += 4) {
      const slot = this.pairSlot(pairs[p + 1], pairs[p + 2]);
      if (this.pairSlots[slot] === 0) {
        this.pairSlots[slot] = pairs[p + 1] + 1;
        this.pairSlots[slot + 1] = pairs[p + 2];
        this.pairSlots[slot + 2] = entries++;
        for (let k = 0; k < NPAIRS; k++) pairRows.push(-1);
      }
      pairRows[this.pairSlots[slot + 2] * NPAIRS + pairs[p]] = pairs[p + 3];
    }
    this.pairRows = Int32Array.from(pairRows);
    this.shapeRows = new Int32Array(NSH * NSH * NSH);
    for (let a = 0; a < NSH; a++) for (let b = 0; b < NSH; b++) for (let c = 0; c < NSH; c++) {
      this.shapeRows[(a * NSH + b) * NSH + c] = features.get(`sh-1|sh|sh+1=${SHAPES[a]}|${SHAPES[b]}|${SHAPES[c]}`) ?? -1;
    }
    this.docRows = new Int32Array(DOCUMENT_CODE_COUNT);
    for (let c = 0; c < DOCUMENT_CODE_COUNT; c++) this.docRows[c] = features.get(documentFeatureName(c)) ?? -1;
  }

  /** The slot of the pair (va, vb) in {@link pairSlots}: where it is, or the empty slot where it would go. */
  private pairSlot(va: number, vb: number): number {
    let h = Math.imul(va ^ Math.imul(vb, 0x9e3779b1), 0x85ebca6b);
    h = (h ^ (h >>> 15)) & this.pairMask;
    const slots = this.pairSlots;
    for (;;) {
      const s = h * 3;
      const a = slots[s];
      if (a === 0 || (a === va + 1 && slots[s + 1] === vb)) return s;
      h = (h + 1) & this.pairMask;
    }
  }

  /** Entry of `value` in group `g` (−1: none), through a one-value cache. */
  private entryOf(g: number, value: string): number {
    if (value !== this.lastValue[g]) {
      this.lastValue[g] = value;
      this.lastEntry[g] = this.groupIds[g].get(value) ?? -1;
    }
    return this.lastEntry[g];
  }

  /** Row of word-level feature (template `t` of {@link WORD_TEMPLATES}, `value`), −1 when the model lacks it. */
  row(t: number, value: string): number {
    const g = this.groupOf[t];
    if (g < 0) return this.templates[t].get(value) ?? -1;
    const e = this.entryOf(g, value);
    return e < 0 ? -1 : this.groupRows[g][e * SIZE[g] + this.slotOf[t]];
  }

  /** Id of a key in the word-pair vocabulary: −1 when it is in no pair, −2 when it holds "|" (see {@link pairRows}). */
  vocabId(key: string): number {
    if (key.includes("|")) return -2;
    const e = this.entryOf(0, key);
    return e < 0 ? -1 : this.groupRows[0][e * SIZE[0] + VID_SLOT];
  }

  /**
   * Adds to `out[at .. at + 4)` the rows of the four word-pair templates ({@link WORD_PAIRS}, in order) for the
   * keys `a`, `b` with vocabulary ids `va`, `vb` ({@link vocabId}), −1 where the model has none.
   */
  pairRowsOf(a: string, va: number, b: string, vb: number, out: Int32Array, at: number): void {
    if (va === -2 || vb === -2) {
      for (let k = 0; k < NPAIRS; k++) out[at + k] = this.features.get(`${WORD_PAIRS[k][0]}=${a}|${b}`) ?? -1;
      return;
    }
    const slot = va < 0 || vb < 0 ? -1 : this.pairSlot(va, vb);
    if (slot < 0 || this.pairSlots[slot] === 0) out.fill(-1, at, at + NPAIRS);
    else {
      const e = this.pairSlots[slot + 2];
      for (let k = 0; k < NPAIRS; k++) out[at + k] = this.pairRows[e * NPAIRS + k];
    }
  }

  /** Row of a multi-word gazetteer phrase feature (`ph=` mask, B or I), −1 if none. */
  phraseRow(mask: number, begin: boolean): number {
    const code = mask * 2 + (begin ? 1 : 0);
    let r = this.phraseRows.get(code);
    if (r === undefined) this.phraseRows.set(code, (r = this.features.get(`ph=${mask}${begin ? "B" : "I"}`) ?? -1));
    return r;
  }
}
