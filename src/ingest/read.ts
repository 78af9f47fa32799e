/**
 * Reading inputs from the file system: files and folders (recursively, in a stable sorted order), each file
 * parsed by {@link parseDocument}. Duplicate articles (same source and body, see `id.ts`) are kept once.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../errors.ts";
import type { SourceDocument } from "../text/types.ts";
import type { ParseOptions } from "./parse.ts";
import { contentKey } from "./id.ts";
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
 *   (unsupported extension), empty files, duplicate articles, articles left empty after boilerplate removal, and
 *   text that already holds U+FFFD.
 * @throws InputError when a path does not exist, a file named directly has an unsupported extension, a file
 *   cannot be decoded or parsed (the message names the file and the byte offset or line), two different articles
 *   share an id (JSONL `id` fields), or no article at all is found.
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
  const byContent = new Map<string, string>();
  const byId = new Map<string, string>();
  for (const f of files) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(f));
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code ?? "read error";
      throw new InputError(`readInputs: "${f}" cannot be read (${code}).`, { cause });
    }
    const parseOptions: ParseOptions = {};
    if (options.encoding !== undefined) parseOptions.encoding = options.encoding;
    if (options.boilerplate !== undefined) parseOptions.boilerplate = options.boilerplate;
    if (bytes.length === 0) {
      warnings.push(`readInputs: skipped "${f}": empty file.`);
      continue;
    }
    for (const doc of parseDocument(bytes, f, parseOptions)) {
      if (doc.text.trim() === "") {
        const why = doc.removed.length > 0 ? `every line was boilerplate (${doc.removed.length} removed)` : "no article text";
        warnings.push(`readInputs: skipped "${doc.origin}": ${why}.`);
        continue;
      }
      if (doc.text.includes("\uFFFD")) {
        warnings.push(`readInputs: "${doc.origin}" already contains U+FFFD replacement characters (damaged before it was saved).`);
      }
      const key = contentKey(doc, doc.text);
      const same = byContent.get(key);
      if (same !== undefined) {
        warnings.push(`readInputs: "${doc.origin}" is the same article as "${same}"; kept once.`);
        continue;
      }
      const clash = byId.get(doc.id);
      if (clash !== undefined) {
        throw new InputError(`readInputs: "${doc.origin}" has id "${doc.id}", already used by a different article in "${clash}".`);
      }
      byContent.set(key, doc.origin);
      byId.set(doc.id, doc.origin);
      documents.push(doc);
    }
  }
  if (documents.length === 0) {
    const reason = warnings.length > 0 ? ` (${warnings[warnings.length - 1].replace(/^readInputs: /u, "").replace(/\.$/u, "")})` : "";
    throw new InputError(`readInputs: no article found in ${paths.map((p) => `"${p}"`).join(", ")}${reason}.`);
  }
  return { documents, warnings };
}
