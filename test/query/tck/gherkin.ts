/**
 * A small reader for the openCypher TCK's Gherkin feature files: Feature, Scenario, Scenario Outline with
 * Examples (each example row becomes one scenario), steps with doc strings (""") and data tables (| a | b |).
 * Only what the TCK uses; lines starting with # are comments.
 */

export interface Step {
  keyword: string;
  text: string;
  docString?: string;
  table?: string[][];
}

export interface Scenario {
  feature: string;
  name: string;
  steps: Step[];
}

function cells(line: string): string[] {
  const t = line.trim();
  const out: string[] = [];
  let cur = "";
  let quote: string | null = null;
  for (let i = 1; i < t.length; i++) {
    const c = t[i];
    // Gherkin table escapes: \| is a bar, \\ a backslash, \n a newline.
    if (c === "\\" && (t[i + 1] === "|" || t[i + 1] === "\\")) {
      cur += t[++i];
      continue;
    }
    if (c === "\\" && t[i + 1] === "n") {
      cur += "\n";
      i++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = null;
      cur += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      cur += c;
    } else if (c === "|") {
      out.push(cur.trim());
      cur = "";
    } else cur += c;
  }
  return out;
}

/** Parses one feature file into its scenarios (outlines expanded). */
export function parseFeature(text: string, file: string): Scenario[] {
  const lines = text.split(/\r?\n/);
  const out: Scenario[] = [];
  let feature = file;
  // An outline may have several Examples blocks, each with its own header row.
  let cur: { name: string; outline: boolean; steps: Step[]; examples: string[][][] } | null = null;
  let inExamples = false;
  let background: Step[] = [];
  const flush = (): void => {
    if (!cur) return;
    if (cur.name === "\u0000background") {
      background = cur.steps;
      cur = null;
      return;
    }
    cur.steps = [...background, ...cur.steps];
    if (!cur.outline) out.push({ feature, name: cur.name, steps: cur.steps });
    else {
      const expanded = cur.examples.flatMap(([head, ...rows]) => rows.map((row) => ({ head, row })));
      expanded.forEach(({ head, row }, k) => {
        const sub = (s: string): string => s.replace(/<([^<>\s]+)>/g, (m, name: string) => {
          const idx = head.indexOf(name);
          return idx >= 0 ? row[idx] : m;
        });
        out.push({
          feature,
          name: `${cur!.name} #${k + 1}`,
          steps: cur!.steps.map((s) => ({
            keyword: s.keyword,
            text: sub(s.text),
            docString: s.docString === undefined ? undefined : sub(s.docString),
            table: s.table?.map((r) => r.map(sub)),
          })),
        });
      });
    }
    cur = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const t = line.trim();
    if (t === "" || t.startsWith("#")) continue;
    if (t.startsWith("Feature:")) {
      feature = t.slice(8).trim();
      continue;
    }
    if (t.startsWith("Background:")) {
      flush();
      cur = { name: "\u0000background", outline: false, steps: [], examples: [] };
      continue;
    }
    const sm = /^(Scenario Outline|Scenario):\s*(.*)$/.exec(t);
    if (sm) {
      flush();
      cur = { name: sm[2], outline: sm[1] === "Scenario Outline", steps: [], examples: [] };
      inExamples = false;
      continue;
    }
    if (!cur) continue;
    if (t.startsWith("Examples:")) {
      inExamples = true;
      cur.examples.push([]);
      continue;
    }
    if (t.startsWith("|")) {
      if (inExamples) cur.examples[cur.examples.length - 1].push(cells(t));
      else {
        const last = cur.steps[cur.steps.length - 1];
        (last.table ??= []).push(cells(t));
      }
      continue;
    }
    if (t.startsWith('"""')) {
      const indent = line.indexOf('"""');
      const body: string[] = [];
      i++;
      while (i < lines.length && lines[i].trim() !== '"""') {
        body.push(lines[i].slice(Math.min(indent, lines[i].search(/\S|$/))));
        i++;
      }
      cur.steps[cur.steps.length - 1].docString = body.join("\n");
      continue;
    }
    const km = /^(Given|When|Then|And|But)\s+(.*)$/.exec(t);
    if (km) cur.steps.push({ keyword: km[1], text: km[2] });
  }
  flush();
  return out;
}
