/**
 * Arabic calendar words as normalised keys (`normalizeKey`: آذار → اذار, جويلية → جويليه). Month series: Syriac
 * names used in Iraq and the Levant; names from French/English used in Egypt and the Gulf; Algerian/Tunisian
 * (French-derived) and Moroccan variants.
 */

const MONTH_LIST: [string, number][] = [
  // Levantine / Iraqi
  ["كانون الثاني", 1], ["كانون ثاني", 1], ["شباط", 2], ["اذار", 3], ["نيسان", 4], ["ايار", 5], ["حزيران", 6],
  ["تموز", 7], ["اب", 8], ["ايلول", 9], ["تشرين الاول", 10], ["تشرين اول", 10], ["تشرين الثاني", 11],
  ["تشرين ثاني", 11], ["كانون الاول", 12], ["كانون اول", 12],
  // Egyptian / Gulf
  ["يناير", 1], ["فبراير", 2], ["مارس", 3], ["ابريل", 4], ["مايو", 5], ["يونيو", 6], ["يونيه", 6], ["يوليو", 7],
  ["يوليه", 7], ["اغسطس", 8], ["سبتمبر", 9], ["اكتوبر", 10], ["نوفمبر", 11], ["ديسمبر", 12],
  // Algerian / Tunisian
  ["جانفي", 1], ["فيفري", 2], ["افريل", 4], ["ماي", 5], ["جوان", 6], ["جويليه", 7], ["اوت", 8],
  // Moroccan
  ["يوليوز", 7], ["غشت", 8], ["شتنبر", 9], ["نونبر", 11], ["دجنبر", 12],
];

/** Normalised month name → month number 1–12. */
export const MONTHS: ReadonlyMap<string, number> = new Map(MONTH_LIST);

const UNITS = ["الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"];
const FIRST_TEN = ["الاول", ...UNITS.slice(1), "العاشر"];

function ordinals(): [string, number][] {
  const out: [string, number][] = FIRST_TEN.map((w, i) => [w, i + 1]);
  UNITS.forEach((u, i) => out.push([`${u} عشر`, 11 + i]));
  out.push(["العشرين", 20], ["الثلاثين", 30]);
  UNITS.forEach((u, i) => out.push([`${u} والعشرين`, 21 + i]));
  out.push(["الحادي والثلاثين", 31]);
  return out;
}

/** Normalised ordinal day (الثالث، الحادي عشر، الحادي والثلاثين) → day of month. */
export const ORDINAL_DAYS: ReadonlyMap<string, number> = new Map(ordinals());

/** Normalised weekday (with article) → JavaScript day number (0 = Sunday). */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ["الاحد", 0], ["الاثنين", 1], ["الثلاثاء", 2], ["الاربعاء", 3], ["الخميس", 4], ["الجمعه", 5], ["السبت", 6],
]);

/** Normalised counts of days (ثلاثة أيام، خمس أيام) → number, for "قبل ثلاثة أيام". */
export const DAY_COUNTS: ReadonlyMap<string, number> = new Map([
  ["ثلاثه", 3], ["ثلاث", 3], ["اربعه", 4], ["اربع", 4], ["خمسه", 5], ["خمس", 5], ["سته", 6], ["ست", 6],
  ["سبعه", 7], ["سبع", 7], ["ثمانيه", 8], ["ثماني", 8], ["تسعه", 9], ["تسع", 9], ["عشره", 10], ["عشر", 10],
]);
