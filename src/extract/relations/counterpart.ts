/**
 * A minister's counterpart (ONTOLOGY.md, HEADS): "التقى وزير الخارجية الأردني بنظيره العراقي X في مقر وزارة
 * الخارجية العراقية" — the counterpart holds the same post in the country his nationality adjective names, so he
 * HEADS the ministry of the sentence written with that adjective (the feminine: العراقي → العراقية).
 */
import { normalizeKey } from "../../text/normalize.ts";
import { type DocView, type RelationSet, isPerson, typeOf } from "./view.ts";

/** Words of a counterpart title (normalised keys). */
const COUNTERPART = /^[وب]?(نظيره|نظيرها|نظيريه)$/u;

/**
 * Adds HEADS from each person introduced as a counterpart with a nationality (نظيره العراقي X) to the ministry of
 * the same sentence whose name is followed by or ends with the feminine of that nationality.
 */
export function counterpartRelations(view: DocView, rels: RelationSet, confidence: number): void {
  for (const s of view.sentences) {
    for (const m of s.mentions) {
      if (m.title === undefined || !isPerson(typeOf(view, m))) continue;
      const words = view.text.slice(m.title.start, m.title.end).split(/\s+/u).map(normalizeKey);
      const at = words.findIndex((w) => COUNTERPART.test(w));
      const nationality = at >= 0 ? words[at + 1] : undefined;
      if (nationality === undefined || !nationality.startsWith("ال") || !nationality.endsWith("ي")) continue;
      const feminine = `${nationality}ه`;
      for (const b of s.mentions) {
        // not a body inside the counterpart's own title
        if (b === m || typeOf(view, b) !== "ministry" || (b.end > m.title.start && b.start < m.title.end)) continue;
        const written = view.text.slice(b.start, b.end).split(/\s+/u).map(normalizeKey);
        const next = normalizeKey(view.text.slice(b.end).trim().split(/\s+/u)[0] ?? "");
        if (written[written.length - 1] !== feminine && next !== feminine) continue;
        rels.add("HEADS", m.entity, b.entity, s.index, Math.min(m.title.start, b.start), Math.max(m.end, b.end), confidence);
        break;
      }
    }
  }
}
