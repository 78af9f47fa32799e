/**
 * Containment sanity for LOCATED_IN between places (docs/extraction.md, "Relations"): a larger administrative
 * unit never lies in a smaller one. "في محافظة نينوى في مدينة الموصل" states two places, not that the governorate
 * lies in its capital; "الحدود مع إيران" in a sentence about Wasit does not put Iran in Wasit. The place kinds come
 * from the lexicon (gazetteer kinds: country > region > governorate > district > city > sub-district > area).
 */
import type { PlaceHierarchy } from "./patterns.ts";
import type { DocView, RelationSet } from "./view.ts";

const RANK: Readonly<Record<string, number>> = { country: 6, region: 5, governorate: 4, district: 3, city: 2, subdistrict: 1, area: 0, site: 0 };

/** Removes LOCATED_IN from a place to a place of a smaller kind (or from a country to anything but a region of it). */
export function dropInvertedContainment(view: DocView, rels: RelationSet, hierarchy: PlaceHierarchy | undefined): void {
  if (hierarchy?.kindOf === undefined) return;
  const kindOf = (id: string): string | undefined => {
    const e = view.entity.get(id);
    return e?.type === "place" && e.lexiconId !== undefined ? hierarchy.kindOf!(e.lexiconId) : undefined;
  };
  for (const r of rels.list()) {
    if (r.type !== "LOCATED_IN") continue;
    const ks = kindOf(r.source);
    const kt = kindOf(r.target);
    if (ks === undefined || kt === undefined) continue;
    const rs = RANK[ks];
    const rt = RANK[kt];
    if (rs === undefined || rt === undefined) continue;
    if (rs > rt || (ks === "country" && kt !== "country")) rels.remove("LOCATED_IN", r.source, r.target);
  }
}
