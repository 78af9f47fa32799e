/**
 * Reading inputs from the file system: files and folders (recursively, in a stable sorted order), each file
 * parsed by {@link parseDocument}. Duplicate articles (same id) are kept once.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../errors.ts";
import type { SourceDocument } from "../text/types.ts";
import type { ParseOptions } from "./parse.ts";
import { FORMAT_BY_EXTENSION, formatOf, parseDocument } from "./parse.ts";

/** Options of {@link readInputs}. */
export interface ReadOptions {
  /** Declared encoding for every file (detected per file when absent). */
  encoding?: string;
  /** Boilerplate rules (`false` keeps every line). */
  boilerplate?: ParseOptions["boilerplate"];
}

/** Result of {@link readInputs}. */
export interface ReadResult {
  documents: SourceDocument[];
  /** Human-readable notes: skipped files, duplicates, empty articles. */
  warnings: string[];
}

async function statOrThrow(path: string) {
  try {
    return await stat(path);
  } catch (cause) {
    throw new InputError(`readInputs: "${path}" not found.`, { cause });
  }
}

async function listFolder(dir: string, warnings: string[], out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) await listFolder(p, warnings, out);
    else if (e.isFile()) {
      if (formatOf(p) === undefined) warnings.push(`readInputs: skipped "${p}": unsupported extension.`);
      else out.push(p);
    }
  }
}

/**
 * Reads every article in `paths` (files or folders, folders recursively; hidden entries skipped).
 *
 * @returns documents in path order (folder entries sorted by name) and warnings for files skipped in folders
 *   (unsupported extension), duplicate articles and articles left empty after boilerplate removal.
 * @throws InputError when a path does not exist, a file named directly has an unsupported extension, or a file
 *   cannot be decoded or parsed (the message names the file and the byte offset or line).
 */
export async function readInputs(paths: string[], options: ReadOptions = {}): Promise<ReadResult> {
  const warnings: string[] = [];
  const files: string[] = [];
  for (const p of paths) {
    const st = await statOrThrow(p);
    if (st.isDirectory()) await listFolder(p, warnings, files);
    else if (formatOf(p) === undefined) {
      throw new InputError(
        `readInputs: "${p}" has an unsupported extension (supported: ${Object.keys(FORMAT_BY_EXTENSION).join(", ")}).`,
      );
    } else files.push(p);
  }
  const documents: SourceDocument[] = [];
  const seen = new Map<string, string>();
  for (const f of files) {
    const bytes = new Uint8Array(await readFile(f));
    const parseOptions: ParseOptions = {};
    if (options.encoding !== undefined) parseOptions.encoding = options.encoding;
    if (options.boilerplate !== undefined) parseOptions.boilerplate = options.boilerplate;
    for (const doc of parseDocument(bytes, f, parseOptions)) {
      if (doc.text.trim() === "") {
        warnings.push(`readInputs: skipped "${doc.origin}": no article text.`);
        continue;
      }
      const first = seen.get(doc.id);
      if (first !== undefined) {
        warnings.push(`readInputs: "${doc.origin}" is the same article as "${first}" (id ${doc.id}); kept once.`);
        continue;
      }
      seen.set(doc.id, doc.origin);
      documents.push(doc);
    }
  }
  return { documents, warnings };
}
