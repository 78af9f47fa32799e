/** Helpers of the export tests: strict XML checks, external tools, temp files. */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SaxesParser } from "saxes";
import { expect } from "vitest";

/** A fresh temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "shabaka-export-"));
}

/** Writes `text` to `name` in a new temp dir and returns the path. */
export function tempFile(name: string, text: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text, "utf8");
  return path;
}

export interface ParsedElement {
  name: string;
  uri: string;
  attributes: Record<string, string>;
  text: string;
}

/**
 * Parses `xml` with saxes (strict XML 1.0, namespaces on) and returns every element with its attributes and
 * direct text; throws on the first well-formedness or namespace error.
 */
export function saxesParse(xml: string): ParsedElement[] {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const out: ParsedElement[] = [];
  const stack: ParsedElement[] = [];
  let error: Error | null = null;
  parser.on("error", (e) => {
    error ??= e;
  });
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {};
    for (const [k, a] of Object.entries(tag.attributes)) attributes[k] = typeof a === "string" ? a : a.value;
    const el = { name: tag.local ?? tag.name, uri: tag.uri ?? "", attributes, text: "" };
    out.push(el);
    stack.push(el);
  });
  parser.on("text", (t) => {
    if (stack.length > 0) stack[stack.length - 1].text += t;
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (error) throw error;
  return out;
}

/** Path of xmllint, or null. */
export function xmllintPath(): string | null {
  const r = spawnSync("sh", ["-c", "command -v xmllint"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Runs `xmllint --noout` on a file; returns stderr ("" when well-formed) and the exit status. */
export function xmllint(path: string): { status: number | null; stderr: string } {
  const r = spawnSync("xmllint", ["--noout", "--huge", path], { encoding: "utf8" });
  return { status: r.status, stderr: r.stderr };
}

/**
 * Interpreters tried for the Python readers: `$SHABAKA_PYTHON` alone when set (an explicit choice; .ci/run sets it
 * to /usr/bin/python3), else Debian's /usr/bin/python3 — where python3-networkx and python3-igraph live, which a
 * pyenv `python3` earlier on PATH does not see — and only then `python3`.
 */
const candidates = (): string[] => {
  const explicit = process.env.SHABAKA_PYTHON;
  return explicit !== undefined && explicit !== "" ? [explicit] : ["/usr/bin/python3", "python3"];
};

/** The first interpreter of {@link candidates} that imports every module in `modules`, or null. */
export function findPython(modules: string[]): string | null {
  for (const py of candidates()) {
    const r = spawnSync(py, ["-c", modules.map((m) => `import ${m}`).join("; ")], { encoding: "utf8" });
    if (r.status === 0) return py;
  }
  return null;
}

/** Under CI=true a missing external tool fails the run instead of skipping. */
export const IN_CI = process.env.CI === "true";

/** Runs a Python script file with arguments and parses its stdout as JSON. */
export function runPythonJson(python: string, script: string, args: string[]): unknown {
  const out = execFileSync(python, [script, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out);
}

/**
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF records; a leading BOM is an error unless `bom`),
 * independently of the writer, into rows of fields.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  let atStart = true;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        if (i < text.length && text[i] !== "," && text[i] !== "\r") throw new Error(`parseCsv: text after a closing quote at ${i}`);
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && atStart) {
      quoted = true;
      atStart = false;
      i++;
    } else if (c === ",") {
      row.push(field);
      field = "";
      atStart = true;
      i++;
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      atStart = true;
      i += 2;
    } else if (c === '"' || c === "\n" || c === "\r") {
      throw new Error(`parseCsv: bare ${JSON.stringify(c)} in an unquoted field at ${i}`);
    } else {
      field += c;
      atStart = false;
      i++;
    }
  }
  if (quoted) throw new Error("parseCsv: unterminated quoted field");
  if (field !== "" || row.length > 0) throw new Error("parseCsv: last record not ended by CRLF");
  return rows;
}

/** CSV rows as objects keyed by the header row. */
export function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => {
    expect(r).toHaveLength(header.length);
    return Object.fromEntries(header.map((h, i) => [h, r[i]]));
  });
}

/**
 * Decodes a GEXF `liststring` value the way Gephi does (graphstore `ArraysParser.parseArray`: brackets, commas
 * and blanks between values are skipped; a literal between `"` or `'` runs to its closing quote, `\` escaping
 * the next character; anything else is a bare value up to a comma or bracket). An independent reader for tests.
 */
export function parseGephiList(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if ("[](), \t\r\n".includes(c)) {
      i++;
    } else if (c === '"' || c === "'") {
      let s = "";
      let escaped = false;
      for (i++; i < text.length; i++) {
        const d = text[i];
        if (escaped) {
          s += d;
          escaped = false;
        } else if (d === "\\") escaped = true;
        else if (d === c) break;
        else s += d;
      }
      i++;
      out.push(s);
    } else {
      let s = "";
      while (i < text.length && !",)]".includes(text[i])) s += text[i++];
      out.push(s.trim());
    }
  }
  return out;
}
