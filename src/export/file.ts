/**
 * An {@link ExportFile} built from a generator of text pieces: batched into ~64 KiB chunks, readable as a string,
 * a Node stream or written to a `Writable` with back-pressure. Each write gets a fresh {@link ExportReport}.
 */
import { once } from "node:events";
import { Readable, type Writable } from "node:stream";
import { ExportReport } from "./sanitize.ts";
import type { ExportFile } from "./types.ts";

const CHUNK_CHARS = 1 << 16;

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
