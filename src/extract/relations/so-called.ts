/**
 * A post in an armed group given after the name (ONTOLOGY.md, MEMBER_OF): "مقتل المدعو أبو خطاب الشامي ما يسمى
 * والي الجنوب في تنظيم داعش" — the person is a member of the force named after the so-called post.
 */
import { normalizeKey } from "../../text/normalize.ts";
import { type DocView, type RelationSet, isPerson, typeOf } from "./view.ts";

/** "ما يسمى" / "ما يسمى بـ" / "المسمى" right after the name (normalised). */
const SO_CALLED = /^[\s،,]*(ما\s+(يسمي|يسمى|تسمي|تسمى)|المسمي|المسمى)\s/u;
/** Words between the so-called post and the force, at most. */
const MAX_WORDS = 6;

/** Adds MEMBER_OF from each person followed by a so-called post (ما يسمى والي …) to the force named in it. */
export function soCalledRelations(view: DocView, rels: RelationSet, confidence: number): void {
  for (const s of view.sentences) {
    s.mentions.forEach((m, i) => {
      if (!isPerson(typeOf(view, m))) return;
      const next = s.mentions[i + 1];
      if (next === undefined || typeOf(view, next) !== "force") return;
      const between = view.text.slice(m.end, next.start);
      if (!SO_CALLED.test(between) && !SO_CALLED.test(normalizeKey(between))) return;
      if (between.trim().split(/\s+/u).length > MAX_WORDS + 2 || /[.:؛"«»()]/u.test(between)) return;
      rels.add("MEMBER_OF", m.entity, next.entity, s.index, m.start, next.end, confidence);
    });
  }
}
