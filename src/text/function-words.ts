/**
 * Arabic function words (closed-class words: prepositions, conjunctions, particles, pronouns, demonstratives,
 * relative pronouns, quantifiers), so extraction can refuse them as names. This is grammar, not a name list.
 * Source: the closed classes of Modern Standard Arabic grammar as listed in common stop-word lists (e.g. the
 * Arabic list of NLTK's stopwords corpus and mohataher/arabic-stop-words), reduced to words that are never names.
 *
 * Matching keeps ى, ة and the hamza-alef forms distinct (unlike `normalizeKey`): the preposition على is a function
 * word, the name علي is not; أمام (in front of) is, إمام (imam) is not. Harakat and tatweel are ignored; both
 * spellings in use (إلى and الى) are listed.
 */

const WORDS = `
في من الى إلى على عن مع حتى منذ مذ لدى عند نحو خلال بين ضد عبر حول دون قبل بعد أمام خلف فوق تحت وراء سوى غير
الا إلا عدا خلا حاشا ب ل ك و ف ثم او أو ام أم بل لكن لكنه لكنها لكنهم بينما حيث كما اذ إذ اذا إذا ان أن إن انه أنه إنه
انها أنها إنها انهم أنهم إنهم لان لأن كي لكي لو لولا لما عندما حين حينما كلما ما ماذا لماذا كيف اين أين متى هل لا لم لن
قد لقد سوف هو هي هم هما هن انا أنا نحن انت أنت انتم أنتم انتما أنتما ذلك تلك هذا هذه هذان هاتان هؤلاء اولئك أولئك هناك
هنا هنالك الذي التي الذين اللذان اللتان اللذين اللتين اللواتي اللاتي اللائي كل بعض جميع اي أي اية أية عدة كافة ايضا أيضا
كذلك فقط نفس عليه عليها عليهم عليهما اليه إليه اليها إليها اليهم إليهم منه منها منهم فيه فيها فيهم به بها بهم له لها لهم
لنا لي معه معها معهم عنه عنها عنهم بينه بينها بينهم لدي لديه لديها لديهم كان كانت كانوا يكون تكون ليس ليست ليسوا اما أما
إما وفق وفقا طبقا جراء إثر اثر عقب لدن ريثما فيما كأن كأنه لعل ليت عسى إذن اذن نعم كلا بلى ذا ذي ذو تلكم ذلكم
`;

function surfaceKey(s: string): string {
  return s.replace(/[\u064B-\u065F\u0670\u0640]/gu, "");
}

let set: Set<string> | undefined;

/** The list as surface keys (built on first use). */
export function functionWords(): ReadonlySet<string> {
  set ??= new Set(WORDS.split(/\s+/u).filter((w) => w !== "").map(surfaceKey));
  return set;
}

/**
 * True when `surface` (one token, as written) is a function word, also with a leading conjunction و or ف
 * (وعلى، فإن). `isFunctionWord("على") === true`, `isFunctionWord("علي") === false`.
 */
export function isFunctionWord(surface: string): boolean {
  const k = surfaceKey(surface.trim());
  const words = functionWords();
  if (words.has(k)) return true;
  return k.length > 1 && (k[0] === "و" || k[0] === "ف") && words.has(k.slice(1));
}
