/**
 * English labels of event nodes, composed from the extraction (events have an Arabic label built from their
 * trigger and participants, and no English name in any lexicon): the event type in English, up to three
 * participants' English labels in the order the relations give them, and the first place the event occurred in —
 * `Killing: Abu Bakr al-Samarrai, ISIS — Tikrit`. Such labels carry `labelEnSource: "composed"`.
 */
import type { EventType } from "./schema.ts";
import type { ExtractedEvent, Extraction } from "../extract/types.ts";

/** The English name of each event type (ONTOLOGY.md, "Event types"). */
export const EVENT_TYPE_EN: Readonly<Record<EventType, string>> = {
  handover: "Handover", formation: "Formation", meeting: "Meeting", visit: "Visit", agreement: "Agreement",
  attack: "Attack", killing: "Killing", raid: "Raid", arrest: "Arrest", appointment: "Appointment",
  election: "Election", protest: "Protest", explosion: "Explosion", kidnapping: "Kidnapping", release: "Release",
  other: "Event",
};

/** How many participants a composed label names before "+N". */
const MAX_PARTICIPANTS = 3;

/**
 * English labels of every event of `extraction`, by local event id. Participants are the sources of its
 * `PARTICIPANT_IN` relations, the place the target of its first `OCCURRED_IN`; an entity without `labelEn`
 * is left out. Pure; O(relations).
 */
export function eventLabelsEn(extraction: Extraction): Map<string, string> {
  const en = new Map<string, string>();
  for (const e of extraction.entities) if (e.labelEn !== undefined && e.labelEn !== "") en.set(e.id, e.labelEn);
  const participants = new Map<string, string[]>();
  const place = new Map<string, string>();
  for (const r of extraction.relations) {
    if (r.type === "PARTICIPANT_IN") {
      const name = en.get(r.source);
      if (name === undefined) continue;
      const list = participants.get(r.target) ?? [];
      if (!list.includes(name)) list.push(name);
      participants.set(r.target, list);
    } else if (r.type === "OCCURRED_IN" && !place.has(r.source)) {
      const name = en.get(r.target);
      if (name !== undefined) place.set(r.source, name);
    }
  }
  const out = new Map<string, string>();
  for (const ev of extraction.events) out.set(ev.id, composeEventLabel(ev, participants.get(ev.id) ?? [], place.get(ev.id)));
  return out;
}

/** `Type: A, B, C +2 — Place` (parts left out when empty). */
export function composeEventLabel(ev: Pick<ExtractedEvent, "eventType">, participants: readonly string[], place: string | undefined): string {
  let s = EVENT_TYPE_EN[ev.eventType] ?? "Event";
  if (participants.length > 0) {
    const shown = participants.slice(0, MAX_PARTICIPANTS).join(", ");
    const more = participants.length - MAX_PARTICIPANTS;
    s += `: ${shown}${more > 0 ? ` +${more}` : ""}`;
  }
  if (place !== undefined) s += ` — ${place}`;
  return s;
}
