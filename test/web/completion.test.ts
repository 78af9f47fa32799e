/** The query console's completion (web/src/cypher-completion.ts) on the seed graph's vocabulary. */
import { CompletionContext } from "@codemirror/autocomplete";
import { EditorState } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { knownFunctionNames, isKnownFunction } from "../../src/query/functions.ts";
import { CYPHER_FUNCTIONS, completionKind, cypherCompletionSource, graphVocabulary } from "../../web/src/cypher-completion.ts";
import { seedGraph } from "../helpers/seed.ts";

describe("completionKind", () => {
  it.each([
    ["MATCH (o:", "label"],
    ["MATCH (o:offi", "label"],
    ["MATCH (o {name: 'x'})-[r:", "relType"],
    ["MATCH (a)-[:MEMBER_OF]->(b:for", "label"],
    ["MATCH (a)-[r:HEADS|", "word"],
    ["MATCH (o) RETURN o.lab", "property"],
    ["MATCH (o) WHERE o.", "property"],
    ["RETURN shabaka.fi", "word"],
    ["MATCH (o) RET", "word"],
    ["RETURN 1.5", "word"],
  ])("%s → %s", (before, kind) => {
    expect(completionKind(before)).toBe(kind);
  });
});

describe("function list", () => {
  it("names only functions the engine knows, and every one it knows", () => {
    for (const f of CYPHER_FUNCTIONS) expect(isKnownFunction(f), f).toBe(true);
    expect(CYPHER_FUNCTIONS.map((f) => f.toLowerCase()).sort()).toEqual(knownFunctionNames());
  });
});

describe("cypherCompletionSource on the seed graph", async () => {
  const graph = await seedGraph();
  const vocab = graphVocabulary(graph);
  const source = cypherCompletionSource(vocab);
  const complete = (doc: string, explicit = false) => {
    const state = EditorState.create({ doc });
    const r = source(new CompletionContext(state, doc.length, explicit));
    if (r === null || r instanceof Promise) return null;
    return { from: r.from, labels: r.options.map((o) => o.label) };
  };

  it("offers the node types of the graph after (x:", () => {
    const r = complete("MATCH (o:");
    expect(r?.from).toBe(9);
    expect(r?.labels).toEqual(vocab.labels);
    expect(r?.labels).toContain("official");
    expect(r?.labels).not.toContain("HEADS");
  });
  it("offers relationship types inside [ ]", () => {
    const r = complete("MATCH (o)-[r:ME");
    expect(r?.from).toBe(13);
    expect(r?.labels).toContain("MEMBER_OF");
    expect(r?.labels).not.toContain("official");
  });
  it("offers attribute keys after a variable and a dot", () => {
    const r = complete("MATCH (o) RETURN o.la");
    expect(r?.from).toBe(19);
    expect(r?.labels).toContain("label");
    expect(r?.labels).toContain("provenance");
  });
  it("offers keywords and functions for a word, and nothing unasked on empty input", () => {
    expect(complete("MATCH (o) RET")?.labels).toContain("RETURN");
    expect(complete("RETURN toU")?.labels).toContain("toUpper");
    expect(complete("")).toBeNull();
    expect(complete("", true)?.labels).toContain("MATCH");
  });
});
