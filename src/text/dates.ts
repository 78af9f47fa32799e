/**
 * Arabic date mentions → normalised dates at exactly the precision the text gives (ONTOLOGY.md: January 2017 is
 * `2017-01`, never `2017-01-01`). Absolute forms: "15 آذار مارس 2021", "كانون الثاني يناير عام 2017",
 * "28/12/2014", "2014-12-28", "٢٠٢١م", "عام 2014". Month names of the Levantine/Iraqi (كانون الثاني …),
 * Egyptian/Gulf (يناير …), Algerian/Tunisian (جانفي …) and Moroccan (يوليوز، غشت …) series, alone or paired
 * ("آب أغسطس", "كانون الثاني/يناير"). Relative forms (اليوم، أمس، غداً، الأحد، السبت الماضي، في الثالث من
 * الشهر الحالي، الشهر الماضي، العام الماضي، قبل ثلاثة أيام, a day and month without a year) are resolved against `refDate`
 * (the document date) and left without a value when it is unknown.
 *
 * Matching runs on the normalised text (`normalizeWithMap`: alef forms, ة → ه, ى → ي, harakat dropped,
 * Arabic-Indic digits → ASCII), and offsets are mapped back to the original.
 */
import { normalizeWithMap } from "./normalize.ts";
import { DAY_COUNTS, MONTHS, ORDINAL_DAYS, WEEKDAYS } from "./date-words.ts";

/** A date mention: `[start, end)` offsets into the text, the text as written, and its value when known. */
export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; absent for a relative mention without `refDate`. */
  value?: string;
  precision?: "year" | "month" | "day";
  /** True when the value depends on the document date (weekday, "yesterday", a month without a year, …). */
  relative: boolean;
}

type Found = Omit<DateMention, "start" | "end" | "text">;

interface YMD { y: number; m: number; d: number }

const W = "[\\p{L}\\p{M}\\p{Nd}]";
const B = `(?<!${W})`;
const E = `(?!${W})`;
const alt = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/ /gu, "\\s+")).join("|");

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const fmt = (p: YMD, precision: "year" | "month" | "day") =>
  precision === "year" ? pad(p.y, 4) : precision === "month" ? `${pad(p.y, 4)}-${pad(p.m)}` : `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}`;

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
function valid(y: number, m: number, d = 1): boolean {
  return y >= 1000 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}
function addDays(p: YMD, n: number): YMD {
  const t = new Date(Date.UTC(p.y, p.m - 1, p.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}
function addMonths(p: YMD, n: number): YMD {
  const k = p.y * 12 + (p.m - 1) + n;
  return { y: Math.floor(k / 12), m: (k % 12) + 1, d: 1 };
}
function parseRef(ref: string | undefined): YMD | undefined {
  const m = ref === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})/u.exec(ref);
  if (!m) return undefined;
  const p = { y: +m[1], m: +m[2], d: +m[3] };
  return valid(p.y, p.m, p.d) ? p : undefined;
}
const dayNumber = (p: YMD) => Date.UTC(p.y, p.m - 1, p.d) / 86400000;

const monthOf = (s: string | undefined): number | undefined => (s === undefined ? undefined : MONTHS.get(s.replace(/\s+/gu, " ")));
const ordinalOf = (s: string): number | undefined => ORDINAL_DAYS.get(s.replace(/\s+/gu, " "));

const MONTH = alt([...MONTHS.keys()]);
const ORD = alt([...ORDINAL_DAYS.keys()]);
const PAST = "الماضي|الماضيه|المنصرم|المنصرمه|الفائت|الفائته|السابق";
const NEXT = "المقبل|المقبله|القادم|القادمه";
const THIS = "الحالي|الحاليه|الجاري|الجاريه";
const YEARWORD = "عام|العام|سنه|السنه|لعام|لسنه|بعام|وعام";
const YEAR = `(?:\\s*[,،]?\\s*(?:من\\s+)?(?:${YEARWORD})?\\s*(\\d{4})(?:\\s*م${E}|\\s*ميلادي(?:ه)?${E})?)`;
const MONTHX = `(${MONTH})(?:\\s*[/(\\-–]?\\s*(${MONTH})\\s*\\)?)?`;
/** Where a day starts: not at the ordinal inside a month name (كانون الثاني، تشرين الاول). */
const NOT_IN_MONTH = `(?<!(?:كانون|تشرين)\\s+)`;
/** A day number or ordinal (rules with a day start where {@link NOT_IN_MONTH} holds). */
const DAY = `(?:(\\d{1,2})|(${ORD}))`;

/** Whole-word tests for the captured relative words. */
const IS_PAST = new RegExp(`^(?:${PAST})$`, "u");
const IS_NEXT = new RegExp(`^(?:${NEXT})$`, "u");
const IS_THIS = new RegExp(`^(?:${THIS})$`, "u");

/** Resolves a year for a day/month given without one: the year that puts it closest to the reference date. */
function nearestYear(ref: YMD, m: number, d: number): number {
  let best = ref.y;
  let bestGap = Infinity;
  for (const y of [ref.y - 1, ref.y, ref.y + 1]) {
    if (!valid(y, m, d)) continue;
    const gap = Math.abs(dayNumber({ y, m, d }) - dayNumber(ref));
    if (gap < bestGap) { best = y; bestGap = gap; }
  }
  return best;
}

interface Rule {
  re: RegExp;
  /**
   * Zero-width assertions the match must satisfy where it starts (sticky; `B`, the word start, and for day
   * numbers also "not inside a month name"); `re` is the pattern after them.
   */
  startsWhere?: RegExp;
  make: (m: RegExpExecArray, ref: YMD | undefined) => Found | null;
}

/**
 * A rule pattern `lead` + `rest` where `lead` holds only lookbehinds (B, a word start, and the like): `lead` is
 * tested at the matches of `rest` (see {@link nextMatch}), not at every position of the text — a lookbehind on
 * large Unicode classes at every position is what made the scan slow — and the matches are the same.
 */
const atWordStart = (rest: string, lead = B) => ({ re: new RegExp(rest, "gu"), startsWhere: new RegExp(lead, "uy") });

/**
 * The next match of a rule from `rule.re.lastIndex`: for a rule with `startsWhere`, the first match of the
 * pattern after the lead at a position where the lead holds — what lead + pattern would match, since the lead is
 * zero-width and captures nothing.
 */
function nextMatch(rule: Rule, text: string): RegExpExecArray | null {
  const re = rule.re;
  const lead = rule.startsWhere;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (lead === undefined) return m;
    lead.lastIndex = m.index;
    if (lead.test(text)) return m;
    // As a global /u search does after a failed position: advance one code point.
    const c = text.charCodeAt(m.index);
    const d = text.charCodeAt(m.index + 1);
    re.lastIndex = m.index + (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? 2 : 1);
  }
  return null;
}

function relative(ref: YMD | undefined, f: (r: YMD) => { p: YMD; precision: "year" | "month" | "day" } | null): Found | null {
  if (ref === undefined) return { relative: true };
  const r = f(ref);
  return r === null ? null : { value: fmt(r.p, r.precision), precision: r.precision, relative: true };
}

const RULES: Rule[] = [
  // Numeric: 28/12/2014, 28-12-2014, 28.12.2014 (day first, the Arabic convention) and ISO 2014-12-28.
  {
    re: new RegExp(`(?<![\\d/.\\-])(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})(?![\\d/\\-]|\\.\\d)`, "gu"),
    make: (m) => (valid(+m[3], +m[2], +m[1]) ? { value: fmt({ y: +m[3], m: +m[2], d: +m[1] }, "day"), precision: "day", relative: false } : null),
  },
  {
    re: new RegExp(`(?<![\\d/.\\-])(\\d{4})[/\\-](\\d{1,2})[/\\-](\\d{1,2})(?![\\d/\\-]|\\.\\d)`, "gu"),
    make: (m) => (valid(+m[1], +m[2], +m[3]) ? { value: fmt({ y: +m[1], m: +m[2], d: +m[3] }, "day"), precision: "day", relative: false } : null),
  },
  // Day + month (+ year | + past/next): "15 آذار مارس 2021", "التاسع من ايار", "4 آب الماضي".
  {
    ...atWordStart(`${DAY}\\s*(?:من\\s+)?(?:شهر\\s+)?${MONTHX}(?:${YEAR}|\\s+(${PAST}|${NEXT}|${THIS})${E})?${E}`, B + NOT_IN_MONTH),
    make: (m, ref) => {
      const d = m[1] !== undefined ? +m[1] : ordinalOf(m[2])!;
      const mo = monthOf(m[3])!;
      if (m[5] !== undefined) {
        const y = +m[5];
        return valid(y, mo, d) ? { value: fmt({ y, m: mo, d }, "day"), precision: "day", relative: false } : null;
      }
      return relative(ref, (r) => {
        let y = nearestYear(r, mo, d);
        if (m[6] !== undefined && IS_PAST.test(m[6])) y = dayNumber({ y: r.y, m: mo, d }) < dayNumber(r) ? r.y : r.y - 1;
        else if (m[6] !== undefined && IS_NEXT.test(m[6])) y = dayNumber({ y: r.y, m: mo, d }) > dayNumber(r) ? r.y : r.y + 1;
        return valid(y, mo, d) ? { p: { y, m: mo, d }, precision: "day" } : null;
      });
    },
  },
  // Day of the current / last / next month: "في الثالث من الشهر الحالي", "في 9 من الشهر الجاري".
  {
    ...atWordStart(`${DAY}\\s+(?:من\\s+)?(?:الشهر|هذا\\s+الشهر)\\s*(${THIS}|${PAST}|${NEXT})?${E}`, B + NOT_IN_MONTH),
    make: (m, ref) => {
      const d = m[1] !== undefined ? +m[1] : ordinalOf(m[2])!;
      if (d < 1 || d > 31) return null;
      const shift = m[3] === undefined || IS_THIS.test(m[3]) ? 0 : IS_PAST.test(m[3]) ? -1 : 1;
      return relative(ref, (r) => {
        const p = addMonths(r, shift);
        return valid(p.y, p.m, d) ? { p: { y: p.y, m: p.m, d }, precision: "day" } : null;
      });
    },
  },
  // Month + year: "كانون الثاني يناير عام 2017", "آب 2014".
  {
    ...atWordStart(`(?:شهر\\s+)?${MONTHX}${YEAR}${E}`),
    make: (m) => {
      const mo = monthOf(m[1])!;
      const y = +m[3];
      return valid(y, mo) ? { value: fmt({ y, m: mo, d: 1 }, "month"), precision: "month", relative: false } : null;
    },
  },
  // Month + past / next / current: "آذار الماضي", "حزيران المقبل".
  {
    ...atWordStart(`(?:شهر\\s+)?${MONTHX}\\s+(${PAST}|${NEXT}|${THIS})${E}`),
    make: (m, ref) => {
      const mo = monthOf(m[1])!;
      return relative(ref, (r) => {
        let y = r.y;
        if (IS_PAST.test(m[3])) y = mo < r.m ? r.y : r.y - 1;
        else if (IS_NEXT.test(m[3])) y = mo > r.m ? r.y : r.y + 1;
        return { p: { y, m: mo, d: 1 }, precision: "month" };
      });
    },
  },
  // "شهر" + month without a year: "في شهر آب" → the nearest such month (a bare month name is too ambiguous: آب, ماي).
  {
    ...atWordStart(`شهر\\s+${MONTHX}${E}`),
    make: (m, ref) => {
      const mo = monthOf(m[1])!;
      return relative(ref, (r) => {
        const k = [-1, 0, 1].map((dy) => ({ y: r.y + dy, gap: Math.abs((r.y + dy) * 12 + mo - (r.y * 12 + r.m)) }));
        const y = k.sort((a, b) => a.gap - b.gap || a.y - b.y)[0].y;
        return { p: { y, m: mo, d: 1 }, precision: "month" };
      });
    },
  },
  // Year: "عام 2014", "2021م", "سنة 2020 ميلادية", "في 2014." (not Hijri years: "1442 هـ").
  {
    ...atWordStart(
      `(?:(?:${YEARWORD}|منذ|حتي|مطلع|اواخر|اوائل|منتصف)\\s+(\\d{4})(?!\\s*ه${E}|\\s*هجري)(?:\\s*م${E}|\\s*ميلادي(?:ه)?${E})?` +
        `|(\\d{4})\\s*(?:م|ميلادي|ميلاديه)${E}` +
        // "في 2014" only when the number ends the clause (not "في 2000 منزل").
        // (the lookbehind after the digits, which it re-reads: a pattern opening with a lookbehind is tried at
        // every position of the text)
        `|((?:19|20)\\d\\d)(?<=${B}في\\s+\\d{4})(?=\\s*(?:[.,،؛:)\\n]|$)))(?![\\d])`,
    ),
    make: (m) => {
      const y = +(m[1] ?? m[2] ?? m[3]);
      return y >= 1000 && y <= 2199 ? { value: pad(y, 4), precision: "year", relative: false } : null;
    },
  },
  // Day words: "أول أمس", "أمس", "اليوم", "غداً", "بعد غد".
  {
    ...atWordStart(`(اول\\s+(?:من\\s+)?امس|امس|البارحه|اليوم|غدا|بعد\\s+غد)${E}`),
    make: (m, ref) => {
      const w = m[1].replace(/\s+/gu, " ");
      const shift = w.startsWith("اول") ? -2 : w === "امس" || w === "البارحه" ? -1 : w === "اليوم" ? 0 : w === "غدا" ? 1 : 2;
      return relative(ref, (r) => ({ p: addDays(r, shift), precision: "day" }));
    },
  },
  // Days ago: "قبل ثلاثة أيام", "منذ يومين", "قبل 10 أيام" — an exact day; not "قبل يومين من الهجوم" (counted
  // from another event) nor "منذ يوم الأحد". Weeks ago ("قبل أسبوع", "الأسبوع الماضي") give no day and are left undated.
  {
    ...atWordStart(`(?:قبل|منذ)\\s+(?:(\\d{1,2})\\s+(?:ايام|يوما|يوم)|(${alt([...DAY_COUNTS.keys()])})\\s+(?:ايام|يوما)|(يومين|يوم))${E}(?!\\s+(?:من\\s+ال|${alt([...WEEKDAYS.keys()])}|امس|واحد))`),
    make: (m, ref) => {
      const n = m[1] !== undefined ? +m[1] : m[2] !== undefined ? DAY_COUNTS.get(m[2])! : m[3] === "يومين" ? 2 : 1;
      if (n < 1 || n > 60) return null;
      return relative(ref, (r) => ({ p: addDays(r, -n), precision: "day" }));
    },
  },
  // Weekdays: "الأحد" (the latest on or before the document date), "يوم السبت الماضي", "الخميس المقبل".
  {
    ...atWordStart(`(?:يوم\\s+)?(${alt([...WEEKDAYS.keys()])})(?:\\s+(${PAST}|${NEXT}))?${E}`),
    make: (m, ref) => {
      const wd = WEEKDAYS.get(m[1])!;
      return relative(ref, (r) => {
        const today = new Date(Date.UTC(r.y, r.m - 1, r.d)).getUTCDay();
        let back = (today - wd + 7) % 7;
        if (m[2] !== undefined && IS_NEXT.test(m[2])) return { p: addDays(r, (wd - today + 7) % 7 || 7), precision: "day" };
        if (m[2] !== undefined && back === 0) back = 7;
        return { p: addDays(r, -back), precision: "day" };
      });
    },
  },
  // This / last / next month or year: "الشهر الماضي", "العام الماضي", "السنة المقبلة", "هذا العام".
  {
    ...atWordStart(`(?:(?:ال)?(شهر|عام|سنه)\\s+(${PAST}|${NEXT}|${THIS})|هذا\\s+(الشهر|العام)|هذه\\s+(السنه))${E}`),
    make: (m, ref) => {
      const unit = m[1] ?? m[3] ?? m[4];
      const month = unit === "شهر" || unit === "الشهر";
      const which = m[2];
      const shift = which === undefined || IS_THIS.test(which) ? 0 : IS_PAST.test(which) ? -1 : 1;
      return relative(ref, (r) => (month ? { p: addMonths(r, shift), precision: "month" } : { p: { y: r.y + shift, m: 1, d: 1 }, precision: "year" }));
    },
  },
];

/**
 * Finds date mentions in `text`, in text order, non-overlapping (a longer, more specific form wins: a day-month-
 * year date is one mention, not a day plus a year).
 *
 * @param refDate the document date, `YYYY-MM-DD`; relative mentions get a value only when it is given and valid.
 */
export function findDates(text: string, refDate?: string): DateMention[] {
  const ref = parseRef(refDate);
  const { text: norm, map } = normalizeWithMap(text);
  const taken: [number, number][] = [];
  const out: DateMention[] = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = nextMatch(rule, norm); m !== null; m = nextMatch(rule, norm)) {
      const ns = m.index;
      const ne = ns + m[0].length;
      if (!free(ns, ne)) continue;
      const f = rule.make(m, ref);
      if (f === null) continue;
      taken.push([ns, ne]);
      const start = map[ns];
      let end = ne >= norm.length ? text.length : map[ne];
      while (end > start && /\s/u.test(text[end - 1])) end--;
      out.push({ start, end, text: text.slice(start, end), ...f });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
