/**
 * Resolution within a document: candidates → entities (aliases and coreference merged) and mentions.
 *
 * - lexicon candidates join by lexicon id (الداخلية and وزارة الداخلية are one entity);
 * - persons join by normalised name; short forms were already labelled with the full name (mentions.ts);
 * - a pattern body whose words begin another body's name of the same type joins it (اللجنة التنسيقية →
 *   اللجنة التنسيقية الامنية العليا) when exactly one such body exists; so does one whose words follow the head of
 *   exactly one other (اسايش السليمانية → مديرية أسايش السليمانية);
 * - a role mention (رئيس الوزراء، المتحدث العسكري) joins the one person of the document holding a title of the
 *   same group, as evidence; it is dropped when no or several persons hold it.
 */
import type { EntityType } from "../graph/schema.ts";
import type { Lexicon } from "../lexicon/types.ts";
import { sharedNameKeys } from "../lexicon/trie.ts";
import { spacesCollapsed } from "../text/normalize.ts";
import { cachedKey as normalizeKey } from "./keys.ts";
import type { ExtractedEntity, Mention } from "./types.ts";
import type { Candidate, TitleSpan } from "./candidates.ts";
import { shortFormHosts } from "./short-forms.ts";
import { transliterate } from "./transliterate.ts";

const HUMAN = new Set<EntityType>(["official", "person"]);

function entityKeyOf(c: Candidate): string {
  if (c.entry !== undefined) return `lex:${c.entry.id}`;
  if (HUMAN.has(c.type)) return `human:${normalizeKey(c.label)}`;
  return `${c.type}:${normalizeKey(c.label)}`;
}

/** White space collapsed and trimmed (the regex is skipped when it would change nothing). */
const display = (s: string): string => (spacesCollapsed(s) ? s : s.replace(/\s+/g, " ").trim());

/** Result of {@link resolveMentions}. */
export interface Resolution {
  entities: ExtractedEntity[];
  mentions: Mention[];
}

/** Short and full forms of one person (see ./short-forms.ts) join the full form's entity. */
function joinShortForms(cands: Candidate[]): void {
  const humans = cands.filter((c) => HUMAN.has(c.type) && c.roleOnly !== true && c.entry === undefined);
  const hosts = shortFormHosts(humans.map((c) => c.label));
  if (hosts.size === 0) return;
  const keyOfName = new Map<string, string>();
  for (const c of humans) {
    const k = sharedNameKeys(c.label).join(" ");
    if (!hosts.has(k) && !keyOfName.has(k)) keyOfName.set(k, c.entityKey!);
  }
  for (const c of humans) {
    const host = hosts.get(sharedNameKeys(c.label).join(" "));
    const key = host !== undefined ? keyOfName.get(host) : undefined;
    if (key !== undefined) c.entityKey = key;
  }
}

/** Assigns every candidate an entity key, folding pattern short forms and role mentions; drops unresolved roles. */
function assignKeys(cands: Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  for (const c of cands) if (c.roleOnly !== true) c.entityKey = entityKeyOf(c);
  joinShortForms(cands);
  // Pattern bodies that begin a longer same-type name.
  const labels = new Map<string, { type: EntityType; words: readonly string[] }>();
  for (const c of cands) {
    if (c.roleOnly === true || HUMAN.has(c.type)) continue;
    labels.set(c.entityKey!, { type: c.type, words: sharedNameKeys(c.entry?.label ?? c.label) });
  }
  // The labels by type and first word, and by type and second word (the hosts and outer names below share one of
  // those with the candidate): same entries, same order as the whole list.
  const labelList = [...labels];
  const byFirst = new Map<string, typeof labelList>();
  const bySecond = new Map<string, typeof labelList>();
  for (const e of labelList) {
    const push = (m: Map<string, typeof labelList>, w: string) => {
      const key = `${e[1].type}\u0000${w}`;
      const list = m.get(key);
      if (list === undefined) m.set(key, [e]);
      else list.push(e);
    };
    if (e[1].words.length > 0) push(byFirst, e[1].words[0]);
    if (e[1].words.length > 1) push(bySecond, e[1].words[1]);
  }
  for (const c of cands) {
    if (c.roleOnly === true || c.entry !== undefined || HUMAN.has(c.type) || c.type === "place") continue;
    const words = sharedNameKeys(c.label);
    const pool = words.length === 0 ? labelList : byFirst.get(`${c.type}\u0000${words[0]}`) ?? [];
    const hosts = pool.filter(([k, l]) => k !== c.entityKey && l.type === c.type &&
      l.words.length > words.length && words.every((w, i) => l.words[i] === w));
    // … or the name after a further head (اسايش السليمانية → مديرية أسايش السليمانية، شرطة البصرة → قيادة شرطة البصرة)
    const outer = hosts.length > 0 || words.length < 2 ? [] : (bySecond.get(`${c.type}\u0000${words[0]}`) ?? []).filter(([k, l]) => k !== c.entityKey && l.type === c.type &&
      l.words.length === words.length + 1 && words.every((w, i) => l.words[i + 1] === w));
    if (hosts.length === 1) c.entityKey = hosts[0][0];
    else if (outer.length === 1) c.entityKey = outer[0][0];
  }
  // Role mentions: the one person holding a title of the same group — among them, those whose title names the
  // same body when the role names one (رئيس جهاز المخابرات → the person with a title of that body).
  const holders = new Map<string, Map<string, Set<string>>>();
  for (const c of cands) {
    if (!HUMAN.has(c.type) || c.roleOnly === true) continue;
    for (const t of c.titles ?? []) {
      const g = t.entry.group;
      if (g === undefined) continue;
      let byPerson = holders.get(g);
      if (byPerson === undefined) holders.set(g, (byPerson = new Map()));
      let bodies = byPerson.get(c.entityKey!);
      if (bodies === undefined) byPerson.set(c.entityKey!, (bodies = new Set()));
      if (t.body?.entityKey !== undefined) bodies.add(t.body.entityKey);
    }
  }
  for (const c of cands) {
    if (c.roleOnly !== true) {
      kept.push(c);
      continue;
    }
    const t = c.titles?.[0];
    const byPerson = t?.entry.group !== undefined ? holders.get(t.entry.group) : undefined;
    if (byPerson === undefined) continue;
    let persons = [...byPerson.keys()];
    const body = t?.body?.entityKey;
    if (body !== undefined) {
      const same = persons.filter((p) => byPerson.get(p)!.has(body));
      if (same.length > 0) persons = same;
    }
    if (persons.length === 1) {
      c.entityKey = persons[0];
      kept.push(c);
    }
  }
  return kept;
}

/** The title a mention reports: the first functional title, else the first rank, else the first honorific. */
function mentionTitle(c: Candidate, text: string, idOf: Map<string, string>, typeOf: Map<string, EntityType>, lexicon: Lexicon): Mention["title"] {
  const spans = c.titles ?? [];
  const t: TitleSpan | undefined = spans.find((x) => x.entry.kind === "title") ?? spans.find((x) => x.entry.kind === "rank") ??
    spans.find((x) => x.entry.kind === "honorific");
  if (t === undefined) return undefined;
  let body = t.body?.entityKey !== undefined ? idOf.get(t.body.entityKey) : undefined;
  if (body === undefined && t.entry.implies !== undefined && lexicon.entries.has(t.entry.implies)) {
    body = idOf.get(`lex:${t.entry.implies}`);
  }
  let relation = t.entry.relation ?? (t.entry.kind === "rank" ? "MEMBER_OF" : undefined);
  if (t.entry.kind === "honorific") relation = undefined;
  const bodyType = body !== undefined ? typeOf.get(body) : undefined;
  if (bodyType !== undefined && t.entry.relationByBodyType?.[bodyType] !== undefined) relation = t.entry.relationByBodyType[bodyType];
  const extra = (t.extraBodies ?? []).map((b) => (b.entityKey !== undefined ? idOf.get(b.entityKey) : undefined))
    .filter((id): id is string => id !== undefined && id !== body);
  return { text: display(text.slice(t.start, t.end)), start: t.start, end: t.end, relation, body, ...(extra.length > 0 ? { extraBodies: extra } : {}) };
}

/**
 * Builds the entities and mentions of one document from its candidates. `docId` goes into provenance.
 */
export function resolveMentions(docId: string, text: string, cands: Candidate[], lexicon: Lexicon): Resolution {
  const kept = assignKeys(cands);
  const groups = new Map<string, Candidate[]>();
  for (const c of kept) {
    let g = groups.get(c.entityKey!);
    if (g === undefined) groups.set(c.entityKey!, (g = []));
    g.push(c);
  }
  const entities: ExtractedEntity[] = [];
  const idOf = new Map<string, string>();
  const typeOf = new Map<string, EntityType>();
  for (const [key, cs] of groups) {
    const id = `e${entities.length}`;
    idOf.set(key, id);
    const proper = cs.filter((c) => c.roleOnly !== true && c.anaphor !== true);
    const named = proper.length > 0 ? proper : cs.filter((c) => c.roleOnly !== true);
    const entry = named.find((c) => c.entry !== undefined)?.entry;
    const human = HUMAN.has(cs[0].type);
    const type: EntityType = entry?.type ?? (human ? (cs.some((c) => c.type === "official") ? "official" : "person") : named[0].type);
    typeOf.set(id, type);
    const label = entry?.label ?? display(named.reduce((a, b) => (sharedNameKeys(b.label).length > sharedNameKeys(a.label).length ? b : a)).label);
    const labelKey = normalizeKey(label);
    const aliases: string[] = [];
    const seen = new Set([labelKey]);
    for (const c of named) {
      // A surface after لل (للداخلية) lost the article's alef: it is no spelling of the name.
      const surface = text.slice(c.start, c.end);
      const clipped = c.start > 0 && text[c.start - 1] === "ل" && surface.startsWith("ل") && !normalizeKey(surface).startsWith("ال");
      for (const s of [...(clipped ? [] : [surface]), ...(c.extraAliases ?? [])]) {
        const d = display(s);
        const k = normalizeKey(d);
        if (!seen.has(k)) {
          seen.add(k);
          aliases.push(d);
        }
      }
    }
    const roles: string[] = [];
    const roleKeys = new Set<string>();
    for (const c of cs) for (const t of c.titles ?? []) {
      const r = display(text.slice(t.start, t.end));
      const k = normalizeKey(r);
      if (!roleKeys.has(k)) {
        roleKeys.add(k);
        roles.push(r);
      }
    }
    const en = entry !== undefined ? { text: entry.en, source: "lexicon" as const }
      : named.find((c) => c.en !== undefined)?.en ?? { text: transliterate(label, lexicon), source: "transliteration" as const };
    const e: ExtractedEntity = {
      id, type, label, aliases, labelEn: en.text, labelEnSource: en.source,
      provenance: cs.map((c) => ({ doc: docId, sentence: c.sentence, start: c.start, end: c.end })),
      confidence: cs.reduce((m, c) => Math.max(m, c.confidence), -Infinity),
      source: [...new Set(cs.map((c) => c.source))].join(","),
    };
    if (human && roles.length > 0) e.roles = roles;
    if (entry !== undefined) {
      e.lexiconId = entry.id;
      if (entry.lat !== undefined) e.lat = entry.lat;
      if (entry.lon !== undefined) e.lon = entry.lon;
      if (entry.pcode !== undefined) e.pcode = entry.pcode;
    }
    entities.push(e);
  }
  const mentions: Mention[] = kept.map((c) => {
    const m: Mention = {
      entity: idOf.get(c.entityKey!)!, type: typeOf.get(idOf.get(c.entityKey!)!)!, sentence: c.sentence,
      start: c.start, end: c.end, surface: text.slice(c.start, c.end), tokenStart: c.tokenStart, tokenEnd: c.tokenEnd,
      source: c.source,
    };
    const title = mentionTitle(c, text, idOf, typeOf, lexicon);
    if (title !== undefined) m.title = title;
    return m;
  });
  return { entities, mentions };
}
