/**
 * Pins the shipped model (graph-data/models/ner-anercorp.bin.gz) on the ANERcorp test split through the
 * `eval:ner` command itself. After retraining (`npm run train:ner`), update PINNED_F1 to the new value that
 * `npm run eval:ner` prints, rounded to 2 decimals (docs/ner.md, "Retraining").
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runEval } from "../../src/ner/eval-cli.ts";
import { readNerModelSync } from "../../src/ner/model-io.ts";
import { SHIPPED_NER_MODEL } from "../../src/ner/shipped.ts";
import { ROOT } from "../helpers/seed.ts";

const PINNED_F1 = "0.73";

describe("the shipped NER model", () => {
  it(`scores micro-F1 ${PINNED_F1} (PERS, LOC, ORG) on the test split, printed as the last line of eval:ner`, async () => {
    const lines: string[] = [];
    const code = await runEval(["--test", resolve(ROOT, "../shared/ner/anercorp-camellab/ANERCorp_CamelLab_test.txt")], (l) => lines.push(l));
    expect(code).toBe(0);
    const last = lines[lines.length - 1];
    expect(last).toMatch(/^ner micro-F1 \(PERS, LOC, ORG\): \d\.\d{3}$/u);
    const f1 = Number(last.split(": ")[1]);
    expect(f1).toBeGreaterThanOrEqual(0.72);
    expect(f1.toFixed(2)).toBe(PINNED_F1);
    // the per-type table is there, with the micro row agreeing with the last line
    const table = lines.join("\n");
    for (const t of ["PERS", "LOC", "ORG", "MISC", "micro"]) expect(table).toMatch(new RegExp(`^${t}\\s+\\d\\.\\d{3}`, "mu"));
    expect(table).toMatch(new RegExp(`^micro\\s+\\S+\\s+\\S+\\s+${f1.toFixed(3)}`, "mu"));
  });

  it("loads in under a second of CPU time and is well under 20 MB", () => {
    const t0 = process.cpuUsage();
    const b = readNerModelSync(SHIPPED_NER_MODEL);
    const d = process.cpuUsage(t0);
    expect((d.user + d.system) / 1e6).toBeLessThan(1);
    expect(b.model.features.size).toBeGreaterThan(10_000);
    expect(readFileSync(SHIPPED_NER_MODEL).length).toBeLessThan(20e6);
    expect(b.training.corpus).toMatch(/train/u);
  });
});
