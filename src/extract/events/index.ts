/**
 * Events of one document: trigger mentions with their arguments (./mentions.ts), merged so that repeated
 * mentions of one happening become one event, each with an id `ev<n>`, a short Arabic label, a date at the
 * precision the text gives, and PARTICIPANT_IN (entity → event, with role) and OCCURRED_IN (event → place)
 * relations.
 *
 * Merge rule: same eventType, compatible dates (equal, or one a prefix of the other, or one missing), the key
 * role (a killing's victim) not contradicting, and a shared participant (or one PART_OF the other) or place — or,
 * when one side has no participants, no places or places in one governorate; a definite trigger noun (الهجوم،
 * القتيلين) joins an earlier event of its type unless the key roles contradict (persons are compared with
 * persons, bodies with bodies: "قتل جنديان من الجيش" and "القتيلين هما X وY" are one killing). A mention with no argument at all,
 * or without its type's required role (a release with no one released), joins the latest earlier event of its
 * type that fits, else the first later one ("تنفيذ الاتفاق" after the agreement was described; a headline before
 * the body), or is dropped.
 */
import type { DatePrecision, EventType, ParticipantRole, Provenance } from "../../graph/schema.ts";
import type { TriggerLexicon } from "../../lexicon/triggers.ts";
import type { ExtractedEvent } from "../types.ts";
import type { DocView, RelationSet } from "../relations/view.ts";
import { type DateMention, findDates } from "../../text/dates.ts";
import { normalizeKey } from "../../text/normalize.ts";
import { type EventMention, type LeadWords, sentenceEvents } from "./mentions.ts";

interface Cluster {
  type: EventType;
  mentions: EventMention[];
  /** entity → role (first role seen; the key role wins). */
  participants: Map<string, ParticipantRole>;
  places: string[];
  date?: string;
  precision?: DatePrecision;
}

const compatibleDates = (a?: string, b?: string) => !a || !b || a.startsWith(b) || b.startsWith(a);

/** Role order for labels: who the event is about first. */
const LABEL_ROLES: ParticipantRole[] = ["victim", "agent", "leader", "attendee", "recipient", "target", "perpetrator", "source"];

function keyEntities(participants: Iterable<[string, ParticipantRole]>, role?: ParticipantRole): Set<string> {
  const out = new Set<string>();
  if (!role) return out;
  for (const [e, r] of participants) if (r === role) out.add(e);
  return out;
}

/** Two participants are the same side when equal or when one is PART_OF the other (a ministry and its forces). */
type SameSide = (a: string, b: string) => boolean;
/** Two places can hold one happening: equal, or in one governorate by the gazetteer (p-code prefix). */
type NearPlaces = (a: string, b: string) => boolean;

/** Whether an entity is a person (persons and bodies in a key role do not contradict each other). */
type IsPerson = (id: string) => boolean;

/** True when the key-role entities of the two sides differ within persons or within bodies (one side PART_OF the other is the same). */
function contradicts(kc: Set<string>, km: Set<string>, person: IsPerson, same?: SameSide): boolean {
  for (const human of [true, false]) {
    const a = [...kc].filter((e) => person(e) === human);
    const b = [...km].filter((e) => person(e) === human);
    if (a.length > 0 && b.length > 0 && !b.some((e) => a.some((f) => f === e || (same !== undefined && same(e, f))))) return true;
  }
  return false;
}

/** A definite trigger noun (الهجوم، القتيلين، الاجتماع) refers back to a happening already reported. */
const definite = (m: EventMention) => /^(?:[وف]?(?:ب|ل|ك)?ال|[وف]?لل)/u.test(normalizeKey(m.surface));

function mergeable(c: Cluster, m: EventMention, same: SameSide, near: NearPlaces, person: IsPerson, keyRole?: ParticipantRole,
  distinct: readonly ParticipantRole[] = []): boolean {
  if (c.type !== m.type || !compatibleDates(c.date, m.date?.value)) return false;
  const mp = new Map(m.participants.map((p) => [p.entity, p.role!]));
  for (const role of [keyRole, ...distinct]) {
    if (role === undefined) continue;
    const kc = keyEntities(c.participants, role);
    const km = keyEntities(mp, role);
    if (contradicts(kc, km, person, same)) return false;
  }
  if (definite(m)) return true;
  const shareP = [...mp.keys()].some((e) => c.participants.has(e) || [...c.participants.keys()].some((f) => same(e, f)));
  const mPlaces = m.places.map((p) => p.entity);
  const shareL = mPlaces.some((e) => c.places.includes(e));
  if (shareP || shareL) return true;
  const noP = mp.size === 0 || c.participants.size === 0;
  const noL = mPlaces.length === 0 || c.places.length === 0;
  // A mention that names no participant (a headline: "اعتقال خمسة ارهابيين في عملية دهم غربي الموصل") joins an
  // event placed in the same governorate.
  return noP && (noL || mPlaces.some((a) => c.places.some((b) => near(a, b))));
}

function absorb(c: Cluster, m: EventMention, keyRole?: ParticipantRole): void {
  c.mentions.push(m);
  for (const p of m.participants) {
    const old = c.participants.get(p.entity);
    if (old === undefined || (p.role === keyRole && old !== keyRole)) c.participants.set(p.entity, p.role!);
  }
  for (const p of m.places) if (!c.places.includes(p.entity)) c.places.push(p.entity);
  const d = m.date;
  if (d?.value && (!c.date || (d.value.length > c.date.length && d.value.startsWith(c.date)))) {
    c.date = d.value;
    c.precision = d.precision;
  }
}

function label(view: DocView, c: Cluster, noun: string): string {
  const names: string[] = [];
  for (const role of LABEL_ROLES) {
    for (const [e, r] of c.participants) {
      if (r !== role || names.length >= 2) continue;
      const l = view.entity.get(e)?.label;
      if (l && !names.includes(l)) names.push(l);
    }
  }
  const place = c.places.length > 0 ? view.entity.get(c.places[0])?.label : undefined;
  return [noun, names.join(" و"), place ? `في ${place}` : ""].filter((x) => x.length > 0).join(" ");
}

/**
 * A cluster of a type with `onePerPerson` (a killing) naming several persons in its key role becomes one cluster
 * per person, each with the other participants, the places, the date and the mentions of the whole.
 */
function splitPerPerson(clusters: Cluster[], lex: TriggerLexicon, person: IsPerson): Cluster[] {
  const out: Cluster[] = [];
  for (const c of clusters) {
    const info = lex.eventTypes[c.type];
    const key = info?.keyRole;
    const victims = key === undefined || info?.onePerPerson !== true ? [] : [...c.participants].filter(([e, r]) => r === key && person(e)).map(([e]) => e);
    if (victims.length < 2) {
      out.push(c);
      continue;
    }
    for (const v of victims) {
      const participants = new Map([...c.participants].filter(([e, r]) => e === v || r !== key || !person(e)));
      out.push({ ...c, participants });
    }
  }
  return out;
}

/**
 * Finds, merges and labels the events of a document and adds their PARTICIPANT_IN / OCCURRED_IN relations to
 * `rels`.
 * @param words designators and descriptors (cue lexicon) skipped when reading the words before an argument.
 */
export function extractEvents(view: DocView, lex: TriggerLexicon, rels: RelationSet, words: LeadWords): ExtractedEvent[] {
  // The document's dates, read once and only when a sentence holds a trigger.
  let dates: DateMention[] | undefined;
  const datesOf = () => (dates ??= findDates(view.text, view.analysis.doc.date));
  const same: SameSide = (a, b) => a === b || rels.has("PART_OF", a, b) || rels.has("PART_OF", b, a);
  const pcode = (id: string) => view.entity.get(id)?.pcode;
  const near: NearPlaces = (a, b) => {
    const pa = pcode(a);
    const pb = pcode(b);
    return a === b || (pa !== undefined && pb !== undefined && pa.slice(0, 5) === pb.slice(0, 5));
  };
  const person: IsPerson = (id) => {
    const t = view.entity.get(id)?.type;
    return t === "official" || t === "person";
  };
  const clusters: Cluster[] = [];
  // Mentions that cannot found an event (no argument, or no required role) join one found elsewhere.
  const joiners: EventMention[] = [];
  for (const s of view.sentences) {
    for (const m of sentenceEvents(view, s, lex, datesOf, words)) {
      // "اعتقلت خلال العملية": the date of the operation reported before (the latest dated event of an operation type).
      if (m.inOperation === true && m.date === undefined) {
        const before = clusters.filter((c) => c.date !== undefined && lex.operationTypes.has(c.type) && c.mentions.some((x) => x.start < m.start));
        const lastStart = (c: (typeof before)[number]) => c.mentions.reduce((mx, x) => Math.max(mx, x.start), -Infinity);
        const last = before.sort((a, b) => lastStart(a) - lastStart(b)).pop();
        if (last !== undefined) m.date = { start: m.start, end: m.start, text: "", value: last.date, precision: last.precision, relative: true };
      }
      const keyRole = lex.eventTypes[m.type]?.keyRole;
      const argless = m.participants.length === 0 && m.places.length === 0;
      if (argless || m.joinOnly) {
        joiners.push(m);
        continue;
      }
      let target: Cluster | undefined;
      for (let i = clusters.length - 1; i >= 0 && !target; i--) if (mergeable(clusters[i], m, same, near, person, keyRole, lex.eventTypes[m.type]?.distinct)) target = clusters[i];
      if (target) absorb(target, m, keyRole);
      else {
        const c: Cluster = { type: m.type, mentions: [], participants: new Map(), places: [] };
        absorb(c, m, keyRole);
        clusters.push(c);
      }
    }
  }
  for (const m of joiners) {
    const keyRole = lex.eventTypes[m.type]?.keyRole;
    const argless = m.participants.length === 0 && m.places.length === 0;
    const fits = (c: Cluster) => (argless ? c.type === m.type && compatibleDates(c.date, m.date?.value) : mergeable(c, m, same, near, person, keyRole, lex.eventTypes[m.type]?.distinct));
    const before = clusters.filter((c) => c.mentions[0].start < m.start);
    const target = [...before].reverse().find(fits) ?? clusters.find((c) => c.mentions[0].start > m.start && fits(c));
    if (target) absorb(target, m, keyRole);
  }
  for (const c of clusters) c.mentions.sort((a, b) => a.start - b.start);
  const doc = view.analysis.doc.id;
  return splitPerPerson(clusters, lex, person).map((c, n) => {
    const id = `ev${n}`;
    const info = lex.eventTypes[c.type];
    const confidence = Math.min(0.95, (info?.confidence ?? 0.6) + 0.05 * (c.mentions.length - 1));
    const provenance: Provenance[] = c.mentions.map((m) => ({ doc, sentence: m.sentence, start: m.start, end: m.end }));
    for (const m of c.mentions) {
      for (const p of m.participants) {
        if (!c.participants.has(p.entity)) continue;
        rels.add("PARTICIPANT_IN", p.entity, id, m.sentence, m.start, m.end, confidence, c.participants.get(p.entity));
      }
      for (const p of m.places) rels.add("OCCURRED_IN", id, p.entity, m.sentence, m.start, m.end, confidence);
    }
    const ev: ExtractedEvent = {
      id,
      eventType: c.type,
      label: label(view, c, info?.noun ?? c.type),
      triggers: [...new Set(c.mentions.map((m) => m.surface))],
      provenance,
      confidence,
    };
    if (c.date) {
      ev.date = c.date;
      ev.datePrecision = c.precision;
    }
    return ev;
  });
}
