/**
 * Packs several export files into one ZIP stream (fflate's streaming `Zip` + `ZipDeflate`), for HTTP downloads
 * of the multi-file formats (csv, neo4j). Files are compressed chunk by chunk; nothing is held whole.
 */
import { Readable } from "node:stream";
import { Zip, ZipDeflate } from "fflate";
import type { ExportFile } from "./types.ts";

/** An extra entry written after the files, e.g. `warnings.txt`, computed once the files are done. */
export interface LateEntry {
  filename: string;
  /** Returns the text, or undefined to leave the entry out. */
  text(): string | undefined;
}

/** A readable stream of the ZIP archive holding `files` (then `late` entries, when they have text). */
export function zipStream(files: ExportFile[], late: LateEntry[] = []): Readable {
  const encoder = new TextEncoder();
  function* bytes(): Generator<Uint8Array> {
    const out: Uint8Array[] = [];
    let failure: Error | null = null;
    const zip = new Zip((err, data) => {
      if (err) failure = err;
      else out.push(data);
    });
    const drain = function* (): Generator<Uint8Array> {
      if (failure) throw failure;
      while (out.length > 0) yield out.shift() as Uint8Array;
    };
    const addEntry = function* (filename: string, pieces: Iterable<string>): Generator<Uint8Array> {
      const entry = new ZipDeflate(filename, { level: 6 });
      zip.add(entry);
      for (const piece of pieces) {
        entry.push(encoder.encode(piece));
        yield* drain();
      }
      entry.push(new Uint8Array(0), true);
      yield* drain();
    };
    for (const f of files) yield* addEntry(f.filename, f.chunks());
    for (const e of late) {
      const text = e.text();
      if (text !== undefined) yield* addEntry(e.filename, [text]);
    }
    zip.end();
    yield* drain();
  }
  return Readable.from(bytes(), { objectMode: false });
}
