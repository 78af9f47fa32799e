/**
 * A small Arabic date finder used by the event extractor until the text layer's `findDates`
 * (src/text/dates.ts) is available; same result shape, so switching is an import change.
 *
 * Recognised: "4 آب أغسطس عام 2014" (day, Levantine and/or Egyptian month names, optional عام/سنة, year),
 * "كانون الثاني يناير عام 2017" (month), "عام 2014" (year), "15/3/2021", weekdays (السبت → the last Saturday on
 * or before the document date), "التاسع من الشهر الحالي" / "9 من الشهر الجاري" / "من الشهر الماضي", أمس، اليوم.
 * Relative forms need `refDate`; without it they are returned with no value.
 */
import { tokenize } from "../../text/tokenize.ts";
import type { Token } from "../../text/types.ts";
import { proclitcReadings } from "../relations/words.ts";

/** A date found in text. `value` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` at the precision the text gives. */
export interface FoundDate {
  start: number;
  end: number;
  text: string;
  value?: string;
  precision?: "year" | "month" | "day";
  relative: boolean;
}

const MONTHS: [string, number][] = [
  ["كانون الثاني", 1], ["شباط", 2], ["اذار", 3], ["نيسان", 4], ["ايار", 5], ["حزيران", 6], ["تموز", 7], ["اب", 8],
  ["ايلول", 9], ["تشرين الاول", 10], ["تشرين الثاني", 11], ["كانون الاول", 12],
  ["يناير", 1], ["فبراير", 2], ["مارس", 3], ["ابريل", 4], ["مايو", 5], ["يونيو", 6], ["يونيه", 6], ["يوليو", 7],
  ["يوليه", 7], ["اغسطس", 8], ["سبتمبر", 9], ["اكتوبر", 10], ["نوفمبر", 11], ["ديسمبر", 12],
];
const WEEKDAYS: Record<string, number> = { "الاحد": 0, "الاثنين": 1, "الثلاثاء": 2, "الاربعاء": 3, "الخميس": 4, "الجمعه": 5, "السبت": 6 };
const UNITS = ["الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"];
const ORDINALS = new Map<string, number>([
  ...UNITS.map((w, i) => [w, i + 1] as [string, number]),
  ["العاشر", 10], ["الحادي عشر", 11], ["الثاني عشر", 12], ["الثالث عشر", 13], ["الرابع عشر", 14], ["الخامس عشر", 15],
  ["السادس عشر", 16], ["السابع عشر", 17], ["الثامن عشر", 18], ["التاسع عشر", 19], ["العشرين", 20], ["الثلاثين", 30],
  ...UNITS.map((w, i) => [`${i === 0 ? "الحادي" : w} والعشرين`, 21 + i] as [string, number]),
  ["الحادي والثلاثين", 31],
]);
const YEAR_WORDS = new Set(["عام", "العام", "سنه", "لعام", "عامي"]);

const pad = (n: number) => String(n).padStart(2, "0");

function parseRef(refDate?: string): Date | undefined {
  if (!refDate || !/^\d{4}-\d{2}-\d{2}$/.test(refDate)) return undefined;
  const d = new Date(`${refDate}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** Longest phrase of `table` (normalised words) at token `i`, first word read through proclitics. */
function phraseAt(tokens: Token[], i: number, table: Iterable<[string, number]>): [number, number] | null {
  let best: [number, number] | null = null;
  for (const [name, value] of table) {
    const words = name.split(" ");
    if (i + words.length > tokens.length) continue;
    if (!proclitcReadings(tokens[i].key).includes(words[0])) continue;
    if (!words.every((w, k) => k === 0 || tokens[i + k].key === w)) continue;
    if (!best || words.length > best[1]) best = [value, words.length];
  }
  return best;
}

const num = (t: Token | undefined) => (t && t.kind === "number" && /^\d+$/.test(t.key) ? Number(t.key) : undefined);

/**
 * Finds dates in `text`.
 * @param refDate document date `YYYY-MM-DD`, against which relative dates resolve.
 * @returns non-overlapping dates in text order, offsets into `text`.
 */
export function findDates(text: string, refDate?: string): FoundDate[] {
  const tokens = tokenize(text);
  const ref = parseRef(refDate);
  const out: FoundDate[] = [];
  const push = (i: number, j: number, value: string | undefined, precision: FoundDate["precision"], relative: boolean) => {
    const start = tokens[i].start;
    const end = tokens[j - 1].end;
    out.push({ start, end, text: text.slice(start, end), value, precision: value ? precision : undefined, relative });
  };
  for (let i = 0; i < tokens.length; i++) {
    // [day] month [alt month] [عام] [year]
    const day = num(tokens[i]);
    const mi = day !== undefined && day >= 1 && day <= 31 ? i + 1 : i;
    const month = mi < tokens.length ? phraseAt(tokens, mi, MONTHS) : null;
    if (month) {
      let j = mi + month[1];
      const alt = j < tokens.length ? phraseAt(tokens, j, MONTHS) : null;
      if (alt && alt[0] === month[0]) j += alt[1];
      let k = j;
      if (k < tokens.length && tokens[k].kind === "punct" && /[/()\-]/u.test(tokens[k].surface)) k++;
      if (k < tokens.length && YEAR_WORDS.has(tokens[k].key)) k++;
      const year = num(tokens[k]);
      const hasYear = year !== undefined && year >= 1900 && year <= 2100;
      const m = month[0];
      if (mi > i) {
        const y = hasYear ? year : ref?.getUTCFullYear();
        push(i, hasYear ? k + 1 : j, y === undefined ? undefined : `${y}-${pad(m)}-${pad(day!)}`, "day", !hasYear);
      } else if (hasYear) push(i, k + 1, `${year}-${pad(m)}`, "month", false);
      else {
        continue;
      }
      i = (hasYear ? k + 1 : j) - 1;
      continue;
    }
    // d/m/yyyy
    const t = tokens[i];
    if (t.kind === "number" && tokens[i + 1]?.surface === "/" && num(tokens[i + 2]) !== undefined && tokens[i + 3]?.surface === "/") {
      const y = num(tokens[i + 4]);
      const d = Number(t.key), mo = num(tokens[i + 2])!;
      if (y !== undefined && y >= 1900 && y <= 2100 && d >= 1 && d <= 31 && mo >= 1 && mo <= 12) {
        push(i, i + 5, `${y}-${pad(mo)}-${pad(d)}`, "day", false);
        i += 4;
        continue;
      }
    }
    // عام 2014
    if (YEAR_WORDS.has(t.key)) {
      const y = num(tokens[i + 1]);
      if (y !== undefined && y >= 1900 && y <= 2100) {
        push(i, i + 2, String(y), "year", false);
        i += 1;
        continue;
      }
    }
    // ordinal / number + من الشهر الحالي|الجاري|الماضي
    const ord = phraseAt(tokens, i, ORDINALS) ?? (day !== undefined && day >= 1 && day <= 31 ? [day, 1] as [number, number] : null);
    if (ord) {
      const j = i + ord[1];
      if (tokens[j]?.key === "من" && tokens[j + 1]?.key === "الشهر" && tokens[j + 2]) {
        const which = tokens[j + 2].key;
        if (which === "الحالي" || which === "الجاري" || which === "الماضي" || which === "المقبل") {
          let value: string | undefined;
          if (ref) {
            const shift = which === "الماضي" ? -1 : which === "المقبل" ? 1 : 0;
            const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() + shift, ord[0]));
            value = iso(d);
          }
          push(i, j + 3, value, "day", true);
          i = j + 2;
          continue;
        }
      }
    }
    // weekdays, أمس, اليوم
    const readings = proclitcReadings(t.key);
    const wd = readings.map((r) => WEEKDAYS[r]).find((x) => x !== undefined);
    if (wd !== undefined) {
      let value: string | undefined;
      if (ref) {
        const back = (ref.getUTCDay() - wd + 7) % 7;
        value = iso(new Date(ref.getTime() - back * 86400000));
      }
      push(i, i + 1, value, "day", true);
      continue;
    }
    if (readings.includes("امس")) {
      push(i, i + 1, ref ? iso(new Date(ref.getTime() - 86400000)) : undefined, "day", true);
    }
  }
  return out;
}
