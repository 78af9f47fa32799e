import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { BadRequestError, DataError } from "../../src/errors.ts";
import { runEval } from "../../src/ner/eval-cli.ts";
import { runTrain } from "../../src/ner/train-cli.ts";
import { ROOT } from "../helpers/seed.ts";

/** A small corpus in the CAMeL Lab format, written here. */
function smallCorpus(): string {
  const lines: string[] = [];
  const persons = [["سامر", "الحداد"], ["نادر", "الكبيسي"], ["وسيم", "العاني"]];
  const places = ["بعقوبة", "الرمادي", "تكريت"];
  for (let k = 0; k < 36; k++) {
    const [a, b] = persons[k % 3];
    lines.push("قال O", "الوزير O", `${a} B-PERS`, `${b} I-PERS`, "في O", `${places[(k * 2) % 3]} B-LOC`, ". O", "");
  }
  return lines.join("\n");
}

describe("train:ner and eval:ner", () => {
  const dir = mkdtempSync(join(tmpdir(), "ner-cli-"));
  const train = join(dir, "train.txt");
  writeFileSync(train, smallCorpus());
  const common = ["--train", train, "--gazetteers", resolve(ROOT, "../shared/gazetteers"), "--data", resolve(ROOT, "graph-data/ner"), "--epochs", "3"];

  it("trains reproducibly: two runs with the same seed write identical files, which eval:ner scores", async () => {
    const log: string[] = [];
    await runTrain([...common, "--out", join(dir, "a.bin.gz")], (l) => log.push(l));
    await runTrain([...common, "--out", join(dir, "b.bin.gz")], () => {});
    expect(readFileSync(join(dir, "a.bin.gz")).equals(readFileSync(join(dir, "b.bin.gz")))).toBe(true);
    expect(log[log.length - 1]).toMatch(/wrote .*a\.bin\.gz \(\d+\.\d\d MB\)/u);
    const out: string[] = [];
    await runEval(["--test", train, "--model", join(dir, "a.bin.gz")], (l) => out.push(l));
    expect(out[out.length - 1]).toMatch(/^ner micro-F1 \(PERS, LOC, ORG\): 1\.000$/u);
  });

  it("scores the held-out last sixth with --holdout and writes nothing", async () => {
    const log: string[] = [];
    await runTrain([...common, "--holdout", "--out", join(dir, "never.bin.gz")], (l) => log.push(l));
    expect(log[log.length - 1]).toMatch(/^held-out micro-F1 \(PERS, LOC, ORG\): \d\.\d{3}$/u);
    expect(() => readFileSync(join(dir, "never.bin.gz"))).toThrow();
  });

  it("reports bad arguments and missing files by kind", async () => {
    await expect(runTrain([...common, "--seed", "x"])).rejects.toBeInstanceOf(BadRequestError);
    await expect(runTrain(["--train", join(dir, "absent.txt")])).rejects.toBeInstanceOf(DataError);
    await expect(runEval(["--test", train, "--model", join(dir, "absent.bin.gz")])).rejects.toMatchObject({ code: "DATA_ERROR" });
  });

  it("exits 1 with one line on stderr when the model is corrupt", async () => {
    const bad = join(dir, "bad.bin.gz");
    writeFileSync(bad, "not a model");
    const run = promisify(execFile)(process.execPath, ["--import", "tsx", resolve(ROOT, "src/ner/eval-cli.ts"), "--test", train, "--model", bad], { cwd: ROOT });
    const err = await run.then(() => null, (e: { code: number; stderr: string }) => e);
    expect(err?.code).toBe(1);
    expect(err?.stderr.trim().split("\n")).toHaveLength(1);
    expect(err?.stderr).toMatch(/^eval:ner: .*bad\.bin\.gz/u);
  }, 30_000);
});
