/**
 * The openCypher TCK subset of issue #6 as part of `npm test`: every scenario of the listed folders runs, the pass
 * counts may not fall below the committed baseline (test/query/tck/baseline.json), every failure must be listed
 * with its reason in excluded.json, and the harness itself must be able to fail.
 */
import { existsSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { improvements, readBaseline, readExcluded, regressions, summarise, tckRoot, type Baseline } from "./baseline.ts";
import type { Scenario } from "./gherkin.ts";
import { parseFeature } from "./gherkin.ts";
import { runAll, runScenario, TCK_FOLDERS, type Outcome } from "./runner.ts";

describe("openCypher TCK subset", () => {
  let outcomes: Outcome[];
  let now: Baseline;
  const base = readBaseline();

  beforeAll(() => {
    const root = tckRoot();
    if (!existsSync(root)) throw new Error(`TCK features not found at "${root}" (set SHABAKA_TCK to the features folder).`);
    outcomes = runAll(root);
    now = summarise(outcomes, TCK_FOLDERS);
  });

  it("runs exactly the listed folders, with the scenario counts of the baseline", () => {
    expect(base.folders).toEqual(TCK_FOLDERS);
    expect(new Set(outcomes.map((o) => o.file.slice(0, o.file.lastIndexOf("/"))))).toEqual(new Set(TCK_FOLDERS));
    const changed = Object.entries(base.files).filter(([f, c]) => now.files[f]?.total !== c.total).map(([f]) => f);
    expect(changed, "scenario counts changed: check the harness, then `npx tsx test/query/tck/run.ts --write-baseline`").toEqual([]);
    expect(now.overall.total).toBe(base.overall.total);
  });

  it("passes at least the baseline in every file and overall, and at least 85% of the scenarios", () => {
    expect(regressions(base, now)).toEqual([]);
    const up = improvements(base, now);
    if (up.length > 0) console.log(`TCK above the baseline; raise it with \`npx tsx test/query/tck/run.ts --write-baseline\`:\n  ${up.join("\n  ")}`);
    expect(now.overall.passed / now.overall.total).toBeGreaterThanOrEqual(0.85);
  });

  it("lists every failing scenario with a reason in excluded.json", () => {
    const excluded = readExcluded();
    for (const e of excluded) expect(e.reason.trim().length, `${e.file} ${e.scenario}`).toBeGreaterThan(10);
    const listed = new Set(excluded.map((e) => `${e.file}\u0001${e.scenario}`));
    const unlisted = outcomes.filter((o) => !o.passed && !listed.has(`${o.file}\u0001${o.scenario}`)).map((o) => `${o.file} ${o.scenario}: ${o.reason}`);
    expect(unlisted).toEqual([]);
  });
});

/** One scenario from feature text. */
function scenario(text: string): Scenario {
  const s = parseFeature(`Feature: self-test\n${text}`, "self-test.feature");
  expect(s).toHaveLength(1);
  return s[0];
}

describe("TCK harness honesty", () => {
  const setup = `    Given an empty graph
    And having executed:
      """
      CREATE (:A {num: 1})-[:T]->(:B {num: 2}), (:A {num: 3})
      """
    When executing query:
      """
      MATCH (a:A) RETURN a.num AS n ORDER BY n
      """
`;
  it("passes a correct expectation and fails wrong values, row counts, order and column names", () => {
    expect(runScenario(scenario(`  Scenario: ok\n${setup}    Then the result should be, in order:\n      | n |\n      | 1 |\n      | 3 |\n    And no side effects\n`))).toBeNull();
    expect(runScenario(scenario(`  Scenario: value\n${setup}    Then the result should be, in any order:\n      | n |\n      | 1 |\n      | 4 |\n`))).toMatch(/rows differ/);
    expect(runScenario(scenario(`  Scenario: float\n${setup}    Then the result should be, in any order:\n      | n |\n      | 1.0 |\n      | 3 |\n`))).toMatch(/rows differ/);
    expect(runScenario(scenario(`  Scenario: count\n${setup}    Then the result should be, in any order:\n      | n |\n      | 1 |\n`))).toMatch(/expected 1 rows, got 2/);
    expect(runScenario(scenario(`  Scenario: order\n${setup}    Then the result should be, in order:\n      | n |\n      | 3 |\n      | 1 |\n`))).toMatch(/rows differ/);
    expect(runScenario(scenario(`  Scenario: any order\n${setup}    Then the result should be, in any order:\n      | n |\n      | 3 |\n      | 1 |\n`))).toBeNull();
    expect(runScenario(scenario(`  Scenario: column\n${setup}    Then the result should be, in order:\n      | m |\n      | 1 |\n      | 3 |\n`))).toMatch(/columns/);
  });

  it("fails wrong side effects, wrong node values and wrong error classes or details", () => {
    const create = `    Given an empty graph\n    When executing query:\n      """\n      CREATE (:A {num: 1})\n      """\n`;
    expect(runScenario(scenario(`  Scenario: fx\n${create}    Then the result should be empty\n    And the side effects should be:\n      | +nodes      | 1 |\n      | +labels     | 1 |\n      | +properties | 1 |\n`))).toBeNull();
    expect(runScenario(scenario(`  Scenario: fx wrong\n${create}    Then the result should be empty\n    And the side effects should be:\n      | +nodes  | 2 |\n`))).toMatch(/side effect/);
    expect(runScenario(scenario(`  Scenario: none\n${create}    Then the result should be empty\n    And no side effects\n`))).toMatch(/side effect/);
    const node = `${setup.replace("RETURN a.num AS n ORDER BY n", "RETURN a ORDER BY a.num")}`;
    expect(runScenario(scenario(`  Scenario: node\n${node}    Then the result should be, in order:\n      | a |\n      | (:A {num: 1}) |\n      | (:A {num: 3}) |\n`))).toBeNull();
    expect(runScenario(scenario(`  Scenario: node label\n${node}    Then the result should be, in order:\n      | a |\n      | (:B {num: 1}) |\n      | (:A {num: 3}) |\n`))).toMatch(/rows differ/);
    const bad = `    Given any graph\n    When executing query:\n      """\n      MATCH (n) RETURN m\n      """\n`;
    expect(runScenario(scenario(`  Scenario: err\n${bad}    Then a SyntaxError should be raised at compile time: UndefinedVariable\n`))).toBeNull();
    expect(runScenario(scenario(`  Scenario: err class\n${bad}    Then a TypeError should be raised at compile time: UndefinedVariable\n`))).toMatch(/expected TypeError/);
    expect(runScenario(scenario(`  Scenario: err detail\n${bad}    Then a SyntaxError should be raised at compile time: VariableTypeConflict\n`))).toMatch(/VariableTypeConflict/);
    expect(runScenario(scenario(`  Scenario: err phase\n${bad}    Then a SyntaxError should be raised at runtime: UndefinedVariable\n`))).toMatch(/raised at compile time/);
    expect(runScenario(scenario(`  Scenario: no err\n${setup}    Then a SyntaxError should be raised at compile time: UndefinedVariable\n`))).toMatch(/query succeeded/);
  });

  it("expands a Scenario Outline once per Examples row, across several Examples blocks", () => {
    const text = `Feature: f\n  Scenario Outline: o\n    Given any graph\n    When executing query:\n      """\n      RETURN <x> AS x\n      """\n    Then the result should be, in any order:\n      | x |\n      | <x> |\n\n    Examples:\n      | x |\n      | 1 |\n      | 2 |\n\n    Examples:\n      | x |\n      | 'a' |\n`;
    const s = parseFeature(text, "o.feature");
    expect(s.map((x) => x.steps[1].docString)).toEqual(["RETURN 1 AS x", "RETURN 2 AS x", "RETURN 'a' AS x"]);
    for (const x of s) expect(runScenario(x)).toBeNull();
  });
});
