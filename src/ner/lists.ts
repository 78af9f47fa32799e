/**
 * Reading the gazetteer lists the tagger uses as features (I/O; the pure parsing is `listsFromFiles` in
 * `gazetteer.ts`). Sources: `../shared/gazetteers` (countries, Iraqi administrative units, Arabic first and
 * family names; see its SOURCE.md) and `graph-data/ner/` (triggers.tsv, first-names.txt, places.txt,
 * organisations.txt; see docs/ner.md). Only training reads these files: the lists are stored in the model file.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { DataError } from "../errors.ts";
import { listsFromFiles, type GazetteerLists } from "./gazetteer.ts";

/** Where the list files are. */
export interface ListDirs {
  /** The shared gazetteers folder (countries.tsv, iraq-admin-units.tsv, arabic-names/). */
  sharedGazetteers: string;
  /** The project's NER data folder (graph-data/ner). */
  nerData: string;
}

function read(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    throw new DataError(`loadGazetteerLists: cannot read "${path}": ${(err as Error).message}`, { cause: err });
  }
}

/**
 * Loads every list file.
 * @throws DataError when a file is missing or malformed (the message names it).
 */
export function loadGazetteerLists(dirs: ListDirs): GazetteerLists {
  const g = dirs.sharedGazetteers;
  const n = dirs.nerData;
  return listsFromFiles({
    firstNames: [
      read(resolve(g, "arabic-names/male-first-names.txt")),
      read(resolve(g, "arabic-names/female-first-names.txt")),
      read(resolve(n, "first-names.txt")),
    ],
    familyNames: read(resolve(g, "arabic-names/family-names.txt")),
    countries: read(resolve(g, "countries.tsv")),
    adminUnits: read(resolve(g, "iraq-admin-units.tsv")),
    triggers: read(resolve(n, "triggers.tsv")),
    places: read(resolve(n, "places.txt")),
    organisations: read(resolve(n, "organisations.txt")),
  });
}
