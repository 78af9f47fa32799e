/**
 * A predecessor named after خلفاً لـ (ONTOLOGY.md, HEADS): "انتخب المجلس X محافظاً لواسط خلفاً للمحافظ المستقيل
 * Y" — Y held the post X now holds, so Y HEADS what X heads (the successor: the nearest person before in the
 * sentence with a HEADS relation).
 */
import { normalizeKey } from "../../text/normalize.ts";
import { type DocView, type RelationSet, isPerson, typeOf } from "./view.ts";

/** "خلفاً" written before the predecessor's title (normalised, with or without tanwin). */
const SUCCESSION = /^(خلفا|خلف)$/u;

/** Adds HEADS from each predecessor (خلفاً للمحافظ Y) to the targets its successor heads. */
export function successionRelations(view: DocView, rels: RelationSet, confidence: number): void {
  for (const s of view.sentences) {
    for (const m of s.mentions) {
      if (m.title === undefined || !isPerson(typeOf(view, m))) continue;
      // the title starts after its clitic (خلفاً ل|لمحافظ): the clitic is dropped
      const before = view.text.slice(s.start, m.title.start).replace(/ل$/u, "").trim().split(/\s+/u);
      if (!SUCCESSION.test(normalizeKey(before[before.length - 1] ?? "").replace(/\u064B/gu, ""))) continue;
      const successors = s.mentions.filter((x) => x.end <= m.title!.start && x.entity !== m.entity && isPerson(typeOf(view, x)) &&
        rels.targets("HEADS", x.entity).length > 0);
      const successor = successors[successors.length - 1];
      if (successor === undefined) continue;
      for (const t of rels.targets("HEADS", successor.entity)) {
        rels.add("HEADS", m.entity, t, s.index, successor.start, m.end, confidence);
      }
    }
  }
}
