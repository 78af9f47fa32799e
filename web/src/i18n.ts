/**
 * Interface strings in Arabic and English, and the interface-language switch (`dir="rtl"` for Arabic). The choice
 * is remembered in localStorage under `shabaka.lang`. Elements carrying `data-i18n="key"` get their text replaced
 * on every switch; `data-i18n-title`, `data-i18n-placeholder` and `data-i18n-aria` do the same for attributes.
 */
export type Lang = "ar" | "en";

const STRINGS = {
  appName: ["شبكة", "Shabaka"],
  search: ["ابحث عن اسم…", "Search a name…"],
  searchLabel: ["بحث", "Search"],
  noResults: ["لا نتائج", "No results"],
  nodeTypes: ["أنواع العقد", "Node types"],
  relationTypes: ["أنواع العلاقات", "Relation types"],
  eventTypes: ["أنواع الأحداث", "Event types"],
  dateRange: ["المدة", "Date range"],
  from: ["من", "From"],
  to: ["إلى", "To"],
  clear: ["مسح", "Clear"],
  layout: ["التخطيط", "Layout"],
  runLayout: ["تشغيل التخطيط", "Run layout"],
  stopLayout: ["إيقاف التخطيط", "Stop layout"],
  forceLayout: ["قوى", "Force"],
  mapLayout: ["خريطة", "Map"],
  labelsAr: ["تسميات عربية", "Arabic labels"],
  labelsEn: ["تسميات إنكليزية", "English labels"],
  interface: ["English", "العربية"],
  queryConsole: ["وحدة الاستعلام", "Query console"],
  downloads: ["تنزيل", "Download"],
  wholeGraph: ["الشبكة كلها", "Whole graph"],
  currentView: ["العرض الحالي", "Current view"],
  png: ["صورة PNG", "PNG image"],
  close: ["إغلاق", "Close"],
  type: ["النوع", "Type"],
  englishName: ["الاسم بالإنكليزية", "English name"],
  arabicName: ["الاسم بالعربية", "Arabic name"],
  roles: ["المناصب والرتب", "Roles"],
  aliases: ["أسماء أخرى", "Aliases"],
  neighbours: ["الجيران", "Neighbours"],
  evidence: ["الأدلة", "Evidence"],
  noEvidence: ["لا جمل مصدرية", "No source sentences"],
  focus1: ["تركيز: خطوة", "Focus: 1 hop"],
  focus2: ["تركيز: خطوتان", "Focus: 2 hops"],
  unfocus: ["إلغاء التركيز", "Show all"],
  openSource: ["المصدر", "Source"],
  weight: ["الوزن", "Weight"],
  role: ["الدور", "Role"],
  date: ["التاريخ", "Date"],
  eventType: ["نوع الحدث", "Event type"],
  run: ["تشغيل", "Run"],
  history: ["السجل", "History"],
  clearHighlight: ["إلغاء التمييز", "Clear highlight"],
  pathBetween: ["مسار بين", "Path between"],
  findPath: ["إيجاد المسار", "Find path"],
  noPath: ["لا مسار", "No path"],
  rows: ["صفوف", "rows"],
  loading: ["جارٍ التحميل…", "Loading…"],
  loadError: ["تعذر تحميل الشبكة", "Could not load the graph"],
  nodesLabel: ["العقد", "Nodes"],
  edgesLabel: ["الروابط", "Edges"],
  highlighted: ["نتائج الاستعلام مميزة", "Query results highlighted"],
  timeline: ["الخط الزمني للأحداث", "Event timeline"],
  undated: ["أحداث بلا تاريخ تُخفى عند تحديد مدة", "Undated events are hidden while a range is set"],
  hint: ["اسحب لتحديد مدة، انقر حدثاً للتركيز عليه", "Drag to select a range, click an event to focus it"],
  outgoing: ["صادرة", "outgoing"],
  incoming: ["واردة", "incoming"],
  labels: ["التسميات", "Labels"],
  sizeBy: ["حجم العقدة", "Node size"],
  sizeDegree: ["الحجم: الروابط", "Size: links"],
  sizeMentions: ["الحجم: الذكر", "Size: mentions"],
  legendHint: ["انقر لإخفاء أو إظهار", "Click to hide or show"],
} as const satisfies Record<string, readonly [string, string]>;

export type StringKey = keyof typeof STRINGS;

const TYPE_NAMES: Record<string, [string, string]> = {
  official: ["مسؤول", "Official"], person: ["شخص", "Person"], ministry: ["وزارة / هيئة", "Ministry / body"],
  force: ["قوة", "Force"], place: ["مكان", "Place"], organization: ["منظمة", "Organization"], event: ["حدث", "Event"],
  HEADS: ["يرأس", "heads"], SPOKESPERSON_OF: ["متحدث باسم", "spokesperson of"], MEMBER_OF: ["عضو في", "member of"],
  PART_OF: ["جزء من", "part of"], LOCATED_IN: ["يقع في", "located in"], CAPITAL_OF: ["عاصمة", "capital of"],
  COOPERATES_WITH: ["يتعاون مع", "cooperates with"], OPPOSES: ["يواجه", "opposes"], RELATIVE_OF: ["قريب", "relative of"],
  PARTICIPANT_IN: ["مشارك في", "participant in"], OCCURRED_IN: ["وقع في", "occurred in"],
  MENTIONED_WITH: ["ذُكر مع", "mentioned with"],
  handover: ["تسليم", "handover"], formation: ["تشكيل", "formation"], meeting: ["اجتماع", "meeting"], visit: ["زيارة", "visit"],
  agreement: ["اتفاق", "agreement"], attack: ["هجوم", "attack"], killing: ["قتل", "killing"], raid: ["مداهمة", "raid"],
  arrest: ["اعتقال", "arrest"], appointment: ["تعيين", "appointment"], election: ["انتخاب", "election"],
  protest: ["احتجاج", "protest"], explosion: ["انفجار", "explosion"], kidnapping: ["خطف", "kidnapping"],
  release: ["إطلاق سراح", "release"], other: ["أخرى", "other"],
};

const STORAGE_KEY = "shabaka.lang";
let current: Lang = "ar";
const listeners = new Set<(lang: Lang) => void>();

/** The interface language now in use. */
export function lang(): Lang {
  return current;
}

/** The string `key` in the interface language. */
export function t(key: StringKey): string {
  return STRINGS[key][current === "ar" ? 0 : 1];
}

/** The display name of a node type, relation type or event type in the interface language (the code if unknown). */
export function typeName(code: string): string {
  const names = TYPE_NAMES[code];
  return names ? names[current === "ar" ? 0 : 1] : code;
}

function readStored(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === "en" ? "en" : "ar";
  } catch {
    return "ar";
  }
}

/** Reads the remembered language and applies it to the document. Call once at start-up. */
export function initLang(): Lang {
  setLang(readStored(), false);
  return current;
}

/** Switches the interface language, updates `<html lang dir>` and every `data-i18n*` element, and notifies listeners. */
export function setLang(next: Lang, remember = true): void {
  current = next;
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // storage may be disabled: the choice then lasts for this page only
    }
  }
  const root = document.documentElement;
  root.lang = next;
  root.dir = next === "ar" ? "rtl" : "ltr";
  applyStrings(document);
  for (const fn of listeners) fn(next);
}

/** Re-applies `data-i18n*` strings inside `scope`. */
export function applyStrings(scope: ParentNode): void {
  scope.querySelectorAll<HTMLElement>("[data-i18n]").forEach((el) => {
    el.textContent = t(el.dataset.i18n as StringKey);
  });
  for (const [attr, data] of [["title", "i18nTitle"], ["placeholder", "i18nPlaceholder"], ["aria-label", "i18nAria"]] as const) {
    scope.querySelectorAll<HTMLElement>(`[data-${data.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase())}]`).forEach((el) => {
      el.setAttribute(attr, t(el.dataset[data] as StringKey));
    });
  }
}

/** Calls `fn` after every language switch. Returns a function that removes it. */
export function onLangChange(fn: (lang: Lang) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
