import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DataError } from "../../src/errors.ts";
import { decodeNerModel, encodeNerModel, readNerModel, writeNerModel, type NerModelBundle } from "../../src/ner/model-io.ts";
import { NerTagger } from "../../src/ner/tagger.ts";
import { buildResources, trainNer, DEFAULT_NER_TRAIN_SETTINGS } from "../../src/ner/train.ts";
import type { TaggedSentence } from "../../src/ner/types.ts";

/** A tiny corpus made here: titles before persons, في before places. */
function corpus(): TaggedSentence[] {
  const persons = [["سامر", "الحداد"], ["نادر", "الكبيسي"], ["وسيم", "العاني"], ["رائد", "الجنابي"]];
  const places = ["بعقوبة", "الرمادي", "تكريت", "الكوت"];
  const out: TaggedSentence[] = [];
  for (let k = 0; k < 24; k++) {
    const p = persons[k % persons.length];
    const l = places[(k * 3) % places.length];
    out.push({ tokens: ["قال", "الوزير", ...p, "في", l, "."], tags: ["O", "O", "B-PERS", "I-PERS", "O", "B-LOC", "O"] });
  }
  return out;
}

function bundle(): NerModelBundle {
  const train = corpus();
  const lists = { title: ["الوزير"], first: ["سامر"] };
  const model = trainNer(train, buildResources(train, lists), { ...DEFAULT_NER_TRAIN_SETTINGS, epochs1: 3, epochs2: 3, folds: 2, window: 2 });
  return { model, lists, training: { corpus: "test", sentences: train.length, tokens: 0, settings: {} } };
}

const expectDataError = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).code).toBe("DATA_ERROR");
    return;
  }
  throw new Error("expected a DataError");
};

describe("the NER model file", () => {
  const b = bundle();
  const bytes = encodeNerModel(b);

  it("round-trips: the decoded model tags like the trained one", () => {
    const back = decodeNerModel(bytes);
    const sents = [["قال", "الوزير", "نادر", "الكبيسي", "في", "تكريت", "."], ["وصل", "الوزير", "سامر", "الحداد", "."]];
    expect(new NerTagger(back.model).tagDocument(sents).tags).toEqual(new NerTagger(b.model).tagDocument(sents).tags);
    expect(back.lists).toEqual(b.lists);
    expect(back.model.resources.frequent).toEqual(b.model.resources.frequent);
  });

  it("is deterministic and quantised to int8 (one byte per weight and tag)", () => {
    expect(Buffer.from(encodeNerModel(bundle())).equals(Buffer.from(bytes))).toBe(true);
    const back = decodeNerModel(bytes);
    const raw = gunzipSync(bytes);
    const T = back.model.tags.length;
    expect(raw.length).toBeGreaterThan(2 * back.model.features.size * T);
    // every weight is a multiple of its stage scale
    const w = back.model.stage2.weights;
    const scale = Math.max(...Array.from(w, Math.abs)) / 127;
    for (const x of w) expect(Math.abs(x / scale - Math.round(x / scale))).toBeLessThan(1e-3);
  });

  it("rejects corrupt files with a DataError", () => {
    expectDataError(() => decodeNerModel(Buffer.from("not gzip at all"), "x.bin.gz"));
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(flipped.length / 2)] ^= 0xff;
    expectDataError(() => decodeNerModel(flipped, "flipped"));
    const raw = gunzipSync(bytes);
    expectDataError(() => decodeNerModel(gzipSync(raw.subarray(0, raw.length - 5)), "truncated"));
    const badMagic = Buffer.from(raw);
    badMagic.write("XXXXXXXX", 0, "ascii");
    expectDataError(() => decodeNerModel(gzipSync(badMagic), "magic"));
    const hl = raw.readUInt32LE(8);
    const header = JSON.parse(raw.subarray(12, 12 + hl).toString("utf8"));
    const rebuild = (h: object) => {
      const head = Buffer.from(JSON.stringify(h), "utf8");
      const len = Buffer.alloc(4);
      len.writeUInt32LE(head.length);
      return gzipSync(Buffer.concat([raw.subarray(0, 8), len, head, raw.subarray(12 + hl)]));
    };
    expect(() => decodeNerModel(rebuild(header))).not.toThrow();
    expectDataError(() => decodeNerModel(rebuild({ ...header, version: 99 })));
    expectDataError(() => decodeNerModel(rebuild({ ...header, features: header.features + 1 })));
    expectDataError(() => decodeNerModel(rebuild({ ...header, trans1: [1, 2, 3] })));
    expectDataError(() => decodeNerModel(rebuild({ ...header, tags: ["O", "B-X"] })));
  });

  it("is written atomically and read back; a missing file is a DataError", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ner-model-"));
    const file = join(dir, "m.bin.gz");
    const n = await writeNerModel(file, b);
    expect(readFileSync(file).length).toBe(n);
    expect((await readNerModel(file)).model.features.size).toBe(decodeNerModel(bytes).model.features.size);
    await expect(readNerModel(join(dir, "absent.bin.gz"))).rejects.toBeInstanceOf(DataError);
    writeFileSync(file, "garbage");
    await expect(readNerModel(file)).rejects.toMatchObject({ code: "DATA_ERROR" });
  });
});
