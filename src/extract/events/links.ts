/**
 * How the event mentions of one sentence share arguments (docs/extraction.md, "Events"):
 *
 * - a verb written with the conjunction و after another trigger shares that trigger's subject and date
 *   ("زار … مقر القيادة واجتمع بقادة الحشد": the visitor met them; the mention right before واجتمع is the
 *   visit's object, not the meeting's subject);
 * - a trigger after أثناء / خلال (during) or after أسفرت عن / أدت إلى (consequence) inherits the date, places and
 *   the agent or victim of the event before it ("نفذت عملية في منطقة الحسينية أسفرت عن تحرير المختطفة");
 * - two triggers of one type, the second cutting the first's window short, share their arguments ("صوت المجلس على
 *   انتخاب X");
 * - a trigger whose window the next trigger cut short, with only a linking word between ("اعتقال خمسة عناصر في
 *   عملية دهم في سنجار", "بانفجار عبوة ناسفة استهدفت دوريتهم قرب القائم"), takes that trigger's places and date
 *   when it has none; when the next trigger's type is one this type absorbs (an explosion absorbs the attack
 *   "استهدفت"), both name one happening and the next one takes this type.
 */
import type { ParticipantRole } from "../../graph/schema.ts";
import type { TriggerLexicon } from "../../lexicon/triggers.ts";
import type { Argument, EventMention } from "./mentions.ts";

const SUBJECT_ROLES: ReadonlySet<ParticipantRole> = new Set(["agent", "attendee", "perpetrator", "leader"]);

function inherit(ev: EventMention, prev: EventMention): void {
  ev.date ??= prev.date;
  if (ev.places.length === 0) ev.places.push(...prev.places);
  const role = ev.entry.before ?? "agent";
  for (const p of prev.participants) {
    if (!ev.participants.some((q) => q.entity === p.entity) && (p.role === "victim" || p.role === "agent")) {
      ev.participants.push({ ...p, role });
    }
  }
}

/** The subject a conjoined verb takes from the trigger before it. */
function subjectOf(prev: EventMention): Argument | undefined {
  return prev.subject ?? prev.participants.find((p) => p.role !== undefined && SUBJECT_ROLES.has(p.role));
}

/** Links the mentions of one sentence in place (they are in text order; `chained` was set by the reader). */
export function linkSentenceEvents(mentions: EventMention[], lex: TriggerLexicon): void {
  for (let i = 1; i < mentions.length; i++) {
    const ev = mentions[i];
    const prev = mentions[i - 1];
    if (ev.conjoined) {
      if (prev.during || prev.consequence) {
        ev.during ||= prev.during;
        ev.consequence ||= prev.consequence;
      }
      const subj = subjectOf(prev);
      if (subj !== undefined && !ev.during && !ev.consequence) {
        if (ev.subject !== undefined) ev.participants = ev.participants.filter((p) => p !== ev.subject);
        const role = ev.entry.before ?? ev.entry.after ?? "agent";
        const arg = { ...subj, role };
        ev.participants.unshift(arg);
        ev.subject = arg;
        ev.date ??= prev.date;
      }
    }
    if ((ev.during && prev.windowEnd >= ev.tokenStart - 1) || ev.consequence) inherit(ev, mentions[i - 1]);
  }
  for (let i = mentions.length - 2; i >= 0; i--) {
    const ev = mentions[i];
    const next = mentions[i + 1];
    // Two triggers of one type, the second cutting the first's window ("صوت المجلس على انتخاب X"): one happening.
    if (ev.windowEnd === next.tokenStart && ev.type === next.type) {
      for (const p of next.participants) if (!ev.participants.some((q) => q.entity === p.entity)) ev.participants.push(p);
      for (const p of ev.participants) if (!next.participants.some((q) => q.entity === p.entity)) next.participants.push(p);
      for (const p of next.places) if (!ev.places.some((q) => q.entity === p.entity)) ev.places.push(p);
      ev.date ??= next.date;
      next.date ??= ev.date;
    }
    if (!ev.chained) continue;
    if (ev.places.length === 0) ev.places.push(...next.places);
    ev.date ??= next.date;
    if (lex.eventTypes[ev.type]?.absorbs?.includes(next.type)) next.type = ev.type;
  }
}
