/**
 * An {@link ExportFile} built from a generator of text pieces: batched into ~64 KiB chunks, readable as a string,
 * a Node stream or written to a `Writable` with back-pressure. Each write gets a fresh {@link ExportReport}.
 */
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Readable, type Writable } from "node:stream";
import { ShabakaError } from "../errors.ts";
import { ExportReport } from "./sanitize.ts";
import type { ExportFile } from "./types.ts";

const CHUNK_CHARS = 1 << 16;

/** Write buffer of {@link writeFileAtomic}: several chunks, so producing the next one overlaps the disk write. */
const FILE_HIGH_WATER_MARK = 1 << 20;

/** Latest report of each file of one export, by filename (what `ExportResult.warnings` reads). */
export type ReportRegistry = Map<string, ExportReport>;

/**
 * Wraps `produce` (which yields small text pieces and counts into the report it is given) as an ExportFile.
 * @param bom start the file with U+FEFF (UTF-8 byte order mark).
 */
export function makeFile(
  filename: string,
  mediaType: string,
  produce: (report: ExportReport) => Iterable<string>,
  registry: ReportRegistry,
  bom = false,
): ExportFile {
  function* chunks(): Generator<string> {
    const report = new ExportReport(filename);
    registry.set(filename, report);
    let buf = bom ? "\uFEFF" : "";
    for (const piece of produce(report)) {
      buf += piece;
      if (buf.length >= CHUNK_CHARS) {
        yield buf;
        buf = "";
      }
    }
    if (buf.length > 0) yield buf;
  }
  return {
    filename,
    mediaType,
    chunks,
    content() {
      let s = "";
      for (const c of chunks()) s += c;
      return s;
    },
    stream() {
      return Readable.from(
        (function* () {
          for (const c of chunks()) yield Buffer.from(c, "utf8");
        })(),
        { objectMode: false },
      );
    },
    async writeTo(out: Writable) {
      for (const c of chunks()) {
        if (!out.write(c)) await once(out, "drain");
      }
    },
  };
}

/**
 * Writes `file` to `path` atomically: into a temporary sibling (`.<name>.<pid>.<random>.tmp`), then renamed over
 * `path`, so a reader never sees half a file and a failed export leaves no partial file. Creates the folder.
 * @throws ShabakaError `WRITE_FAILED` naming `path` and the file system's code (EISDIR, ENOTDIR, EACCES,
 *   ENOSPC…), after removing the temporary file; the error's `cause` is the file system's error.
 */
export async function writeFileAtomic(file: ExportFile, path: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await mkdir(dirname(path), { recursive: true });
    const out = createWriteStream(tmp, { highWaterMark: FILE_HIGH_WATER_MARK });
    const closed = new Promise<void>((ok, fail) => {
      out.once("close", ok);
      out.once("error", fail);
    });
    await Promise.race([file.writeTo(out), closed]);
    out.end();
    await closed;
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    if (err instanceof ShabakaError) throw err;
    const e = err as NodeJS.ErrnoException;
    const why = e.code === "EISDIR" ? "it is a folder" : e.code === "ENOTDIR" ? "a part of the path is a file, not a folder"
      : e.code === "EACCES" || e.code === "EPERM" || e.code === "EROFS" ? "permission denied" : e.code === "ENOSPC" ? "no space left on the device"
      : e.code === "ENOENT" ? "its folder cannot be created" : (e.message ?? String(err));
    throw new ShabakaError("WRITE_FAILED", `writeFileAtomic: cannot write "${path}": ${why}${e.code ? ` (${e.code})` : ""}.`, 500, { cause: err });
  }
}
