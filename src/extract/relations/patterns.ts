/**
 * Relations read from the words between two neighbouring mentions, and role appositions.
 *
 * - `X <cue> Y` patterns (affiliation → MEMBER_OF, geography → CAPITAL_OF / LOCATED_IN, body في body → PART_OF),
 *   cues from `graph-data/lexicon/cues.json`; a list before the cue distributes ("ناحيتا X وY التابعتان لقضاء Z").
 * - Role appositions: a person mention whose title names a body (Mention.title from entity recognition:
 *   "المتحدث باسم قيادة العمليات المشتركة اللواء …" → SPOKESPERSON_OF), or, when recognition left no title, a
 *   title head + body mention + optional ranks right before the person ("رئيس هيئة X الفريق Y" → HEADS).
 */
import type { EntityType } from "../../graph/schema.ts";
import type { CueLexicon } from "../../lexicon/cues.ts";
import type { Mention } from "../types.ts";
import { listLeft, listRight } from "./lists.ts";
import { type DocView, type RelationSet, type SentenceView, gap, isBody, isPerson, leftEdge, spanWords, typeOf } from "./view.ts";
import { designatorStages, endsWith, hasHardPunctuation, keyReadings, rankWordsOf, splitClitic } from "./words.ts";

/**
 * Pairs the members of a source list with the members of a target list: respectively when the counts are equal
 * ("قضاء سنجار وناحية سيدكان بمحافظتي نينوى وأربيل"), every source with the one target, or the one source with
 * every target; other shapes give nothing. A source the gazetteer places inside one of the targets goes to that
 * target only.
 */
function distribute(view: DocView, sources: Mention[], targets: Mention[], inside: (a: string, b: string) => boolean): [Mention, Mention][] {
  const out: [Mention, Mention][] = [];
  sources.forEach((src, k) => {
    const known = targets.filter((t) => inside(src.entity, t.entity));
    if (known.length > 0) for (const t of known) out.push([src, t]);
    else if (targets.length === 1) out.push([src, targets[0]]);
    else if (sources.length === targets.length) out.push([src, targets[k]]);
    else if (sources.length === 1) for (const t of targets) out.push([src, t]);
  });
  return out;
}

/** True when the gazetteer (p-code prefixes) places entity `a` inside entity `b`. */
function pcodeInside(view: DocView, a: string, b: string): boolean {
  const pa = view.entity.get(a)?.pcode;
  const pb = view.entity.get(b)?.pcode;
  return pa !== undefined && pb !== undefined && pa.length > pb.length && pa.startsWith(pb);
}

/** Tokens a cue gap may hold (the longest cue, designators, fillers and a title together). */
const MAX_GAP_TOKENS = 12;

/**
 * Applies every `X <cue> Y` pattern to each pair of neighbouring mentions. Filler words (وهو، الذي يعد، سابق) are
 * dropped from the gap first; lists on either side distribute (see {@link distribute}).
 */
export function betweenRelations(view: DocView, cues: CueLexicon, rels: RelationSet): void {
  for (const s of view.sentences) {
    // Mentions already read as the target of a cue ("… في محافظة واسط ومنفذ الشلامجة في البصرة": واسط) belong to
    // that phrase: they do not open the source list of a later cue.
    const targetOf = new Set<number>();
    for (let i = 0; i + 1 < s.mentions.length; i++) {
      const a = s.mentions[i];
      const b = s.mentions[i + 1];
      const ta0 = typeOf(view, a);
      const tb0 = typeOf(view, b);
      // Cheap tests first: some pattern fits the two types, and the gap is short enough for a cue.
      if (!cues.patterns.some((p) => p.source.has(ta0) && p.target.has(tb0))) continue;
      if (b.tokenStart - a.tokenEnd > MAX_GAP_TOKENS) continue;
      if (b.start < a.end || hasHardPunctuation(view.text, a.end, b.start)) continue;
      // Fillers out, and the adjectives agreeing with X at the start of the gap (منفذ زرباطية الحدودي في …).
      const all = gap(view, a, b).filter((w) => !cues.fillers.has(w));
      let lead = 0;
      while (lead < all.length - 1 && /^ال.{2,}(ي|يه)$/u.test(all[lead])) lead++;
      const words = all.slice(lead);
      const stages = designatorStages(words, cues.designators).map((w) => w.join(" "));
      const ta = typeOf(view, a);
      const tb = typeOf(view, b);
      for (const p of cues.patterns) {
        if (!p.source.has(ta) || !p.target.has(tb)) continue;
        if (!stages.some((g) => g.length > 0 && p.between.has(g))) continue;
        const conf = cues.confidence[p.family];
        const left = listLeft(view, s, i, p.source, cues.designators);
        const cut = left.findIndex((j) => targetOf.has(j));
        const sources = targetOf.has(i) ? [a] : [...(cut < 0 ? left : left.slice(0, cut)).reverse().map((j) => s.mentions[j]), a];
        targetOf.add(i + 1);
        // The targets are a list only after a plural designator (بمحافظتي نينوى وأربيل); otherwise "… في محافظة
        // واسط ومنفذ الشلامجة" has one target, and what follows it is another phrase.
        const plural = words.some((w) => splitClitic(w, cues.pluralDesignators) !== null);
        const targets = plural ? listRight(view, s, i + 1, p.target, cues.designators).map((j) => s.mentions[j]) : [b];
        if (p.reverse) {
          // "وفد من الحزب برئاسة Y": Y leads the delegation and is a member of the party.
          const lead = spanWords(view, i > 0 ? s.mentions[i - 1].end : s.start, leftEdge(a));
          const relation = p.relation === "HEADS" && cues.groupWords.some((g) => endsWith(lead, g)) ? "MEMBER_OF" : p.relation;
          rels.add(relation, b.entity, a.entity, s.index, a.start, b.end, conf);
          break;
        }
        for (const [x, y] of distribute(view, sources, targets, (u, w) => pcodeInside(view, u, w))) {
          rels.add(p.relation, x.entity, y.entity, s.index, x.start, y.end, conf);
        }
        break;
      }
    }
  }
}

/** The body (or place, for HEADS) a title names: set by recognition, inside the title span, or by its words. */
function titleBody(view: DocView, s: SentenceView, m: Mention, allowPlace: boolean): string | undefined {
  const t = m.title!;
  const ok = (id: string | undefined): id is string => {
    const e = id === undefined ? undefined : view.entity.get(id);
    return e !== undefined && e.id !== m.entity && (isBody(e.type) || (allowPlace && e.type === "place"));
  };
  if (ok(t.body)) return t.body;
  const inside = s.mentions.filter((x) => x.start >= t.start && x.end <= t.end && ok(x.entity));
  if (inside.length > 0) return inside[inside.length - 1].entity;
  const words = spanWords(view, t.start, t.end);
  for (let k = 1; k < words.length; k++) {
    for (const first of keyReadings(words[k])) {
      const ids = view.names.get([first, ...words.slice(k + 1)].join(" ")) ?? [];
      const hit = ids.find((id) => ok(id));
      if (hit) return hit;
    }
  }
  return undefined;
}

/** Role appositions: HEADS / SPOKESPERSON_OF / MEMBER_OF from a person's title. */
export function titleRelations(view: DocView, cues: CueLexicon, rels: RelationSet): void {
  const rankWords = rankWordsOf(cues);
  for (const s of view.sentences) {
    s.mentions.forEach((m, i) => {
      if (!isPerson(typeOf(view, m))) return;
      if (m.title?.relation) {
        const body = titleBody(view, s, m, m.title.relation === "HEADS");
        const from = Math.min(m.title.start, m.start);
        const to = Math.max(m.title.end, m.end);
        if (body) rels.add(m.title.relation, m.entity, body, s.index, from, to, cues.confidence.title);
        for (const extra of m.title.extraBodies ?? []) {
          const e = view.entity.get(extra);
          if (e !== undefined && isBody(e.type) && extra !== body) rels.add("MEMBER_OF", m.entity, extra, s.index, from, to, cues.confidence.title);
        }
        return;
      }
      // fallback: <title head> BODY [ranks] PERSON
      const b = s.mentions[i - 1];
      if (!b || b.end > m.start) return;
      const tb = typeOf(view, b);
      if (!isBody(tb) && tb !== "place") return;
      const between = gap(view, b, m);
      if (hasHardPunctuation(view.text, b.end, m.start) || !between.every((w) => rankWords.has(w))) return;
      const prevEnd = i >= 2 ? s.mentions[i - 2].end : s.start;
      const before = spanWords(view, prevEnd, b.start);
      for (const rule of cues.titles) {
        if (tb === "place" && rule.relation !== "HEADS") continue;
        const head = rule.heads.find((h) => endsWith(before, h));
        if (!head) continue;
        rels.add(rule.relation, m.entity, b.entity, s.index, b.start, m.end, cues.confidence.apposition);
        return;
      }
    });
  }
}

/** Types a body may be PART_OF, by the type of the part (a ministry is never part of a force). */
const PART_OF_TARGETS: Partial<Record<EntityType, ReadonlySet<EntityType>>> = {
  force: new Set(["force", "ministry"]),
  ministry: new Set(["ministry"]),
  organization: new Set(["organization", "ministry"]),
};

/**
 * Construct chains: a body whose name ends with the name of another body of the document is PART_OF that
 * body ("وكالة استخبارات وتحقيقات وزارة الداخلية", "قوات الداخلية" → وزارة الداخلية). The longest trailing
 * name wins; a trailing place ("شرطة محافظة البصرة") gives no relation: the name says where the body acts,
 * not where the text says it is based.
 */
export function constructRelations(view: DocView, cues: CueLexicon, rels: RelationSet): void {
  for (const s of view.sentences) {
    for (const m of s.mentions) {
      const tm = typeOf(view, m);
      const targets = PART_OF_TARGETS[tm];
      if (!targets) continue;
      const words = spanWords(view, m.start, m.end);
      search: for (let k = 1; k < words.length; k++) {
        for (const first of keyReadings(words[k])) {
          const ids = view.names.get([first, ...words.slice(k + 1)].join(" ")) ?? [];
          for (const id of ids) {
            if (id === m.entity) continue;
            const te = view.entity.get(id)!.type;
            if (targets.has(te)) rels.add("PART_OF", m.entity, id, s.index, m.start, m.end, cues.confidence.construct);
            // A place ending the name (قيادة شرطة كركوك) says where the body acts, not that the text states
            // where it is based: no LOCATED_IN (docs/extraction.md, "Construct chains").
            else if (te !== "place") continue;
            break search;
          }
        }
      }
    }
  }
}

/** Optional place hierarchy supplied by the lexicon: parent id of a lexicon id and, when known, its place kind. */
export interface PlaceHierarchy {
  parentOf(lexiconId: string): string | undefined;
  kindOf?(lexiconId: string): string | undefined;
}

/** Place kinds that are administrative units: the only parents the hierarchy gives. */
const ADMIN_KINDS: ReadonlySet<string> = new Set(["governorate", "district", "subdistrict"]);

/**
 * Gazetteer hierarchy: LOCATED_IN from each named place to its parent when the document names the parent too.
 * Parents come from the lexicon parent links (the OCHA COD-AB hierarchy, patched by overrides: حلبجة is a
 * governorate now, and its district lies in it) or, without a hierarchy, from the p-codes, which are hierarchical
 * by prefix (IQG16 ⊃ IQG16Q04 ⊃ IQG16Q04N03). No level is skipped: a sub-district is not linked to its
 * governorate over a district the article does not name (that is knowledge, not what the article says).
 * Only administrative units (governorates, districts,
 * sub-districts; places with a p-code when kinds are unknown) are parents: countries are left out (a
 * governorate LOCATED_IN its country says nothing the reader does not know). A place the text already locates
 * (any LOCATED_IN from it) gets nothing more: the text wins over the gazetteer.
 */
export function hierarchyRelations(view: DocView, cues: CueLexicon, rels: RelationSet, hierarchy?: PlaceHierarchy): void {
  const places = view.analysis.entities.filter((e) => e.type === "place");
  const byLexicon = new Map(places.filter((e) => e.lexiconId).map((e) => [e.lexiconId!, e]));
  const firstMention = new Map<string, Mention>();
  for (const m of view.analysis.mentions) if (!firstMention.has(m.entity)) firstMention.set(m.entity, m);
  const admin = (e: (typeof places)[number]): boolean => {
    const kind = e.lexiconId !== undefined ? hierarchy?.kindOf?.(e.lexiconId) : undefined;
    return kind !== undefined ? ADMIN_KINDS.has(kind) : e.pcode !== undefined;
  };
  for (const a of places) {
    if (rels.hasFrom("LOCATED_IN", a.id)) continue;
    let parent: typeof a | undefined;
    if (hierarchy && a.lexiconId) {
      const id = hierarchy.parentOf(a.lexiconId);
      const named = id !== undefined ? byLexicon.get(id) : undefined;
      if (named !== undefined && admin(named)) parent = named;
    } else if (a.pcode) {
      // The parent's p-code is the place's minus its last level (IQG16Q04N03 → IQG16Q04).
      const up = a.pcode.replace(/[A-Z]\d+$/u, "");
      parent = places.find((b) => b !== a && b.pcode === up);
    }
    if (!parent || parent.id === a.id || rels.linked(a.id, parent.id)) continue;
    const m = firstMention.get(a.id);
    if (!m) continue;
    rels.add("LOCATED_IN", a.id, parent.id, m.sentence, m.start, m.end, cues.confidence.hierarchy);
  }
}
