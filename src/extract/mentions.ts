/**
 * Mention recognition over one document: a left-to-right scan per sentence where, at each token, a person
 * introduced by titles is tried first, then the longest lexicon or pattern match, then a name with no title, then
 * an anaphoric definite noun (الوزارة) resolved to an earlier mention.
 * A second pass adds short forms of the persons found (الحسناوي for كريم الحسناوي) and lexicon names that needed
 * context but were confirmed elsewhere in the document.
 */
import type { Lexicon } from "../lexicon/types.ts";
import { TokenTrie, nameKeys } from "../lexicon/trie.ts";
import type { Candidate } from "./candidates.ts";
import { strippedStart, type TokenView } from "./context.ts";
import { lexiconAt } from "./lexical.ts";
import { patternAt } from "./patterns.ts";
import { anaphorAt } from "./anaphora.ts";
import { bareNameAt, personAt, readName } from "./persons.ts";
import { contextNameAt } from "./context-names.ts";
import { kinAppositionNameAt, widenBareName } from "./name-extents.ts";
import { abbreviationAlias, abbreviationOwner, unitOfParent } from "./body-extents.ts";
import { postTitleAt, postTitledNameAt, withPostTitle } from "./post-titles.ts";
import { shortFormHosts } from "./short-forms.ts";

/** First pass: every candidate of the document, in text order, non-overlapping. */
export function scanMentions(v: TokenView, lexicon: Lexicon): Candidate[] {
  const out: Candidate[] = [];
  for (const [from, to] of v.sentenceTokens) {
    let i = from;
    while (i < to) {
      if (v.keys[i] === null) {
        i++;
        continue;
      }
      const person = personAt(v, i, to, lexicon, out);
      // A lexicon body that opens with a rank word and covers the "person" is the body (لواء علي الأكبر).
      const lexFirst = person !== null ? lexiconAt(v, i, to, lexicon) : null;
      if (person !== null && lexFirst !== null && lexFirst.type !== "place" && lexFirst.tokenEnd >= person.end) {
        out.push(lexFirst);
        i = lexFirst.tokenEnd;
        continue;
      }
      if (person !== null && !person.candidates.some((c) => c.roleOnly === true)) {
        const post = postTitleAt(v, person.end, to, lexicon, out);
        const last = person.candidates[person.candidates.length - 1];
        if (post !== null) out.push(...person.candidates.slice(0, -1), ...withPostTitle(last, post));
        else out.push(...person.candidates);
        i = post?.end ?? person.end;
        continue;
      }
      const lex = lexiconAt(v, i, to, lexicon);
      const pats = patternAt(v, i, to, lexicon);
      const patEnd = pats.length > 0 ? pats[pats.length - 1].tokenEnd : -1;
      if (lex !== null || pats.length > 0) {
        if (lex !== null && lex.tokenEnd >= patEnd && !(person !== null && person.end > lex.tokenEnd)) {
          const unit = unitOfParent(v, lex, to, lexicon);
          const read = unit ?? [lex];
          const alias = abbreviationAlias(v, read[read.length - 1], to, lexicon, abbreviationOwner(v, read[read.length - 1], out));
          out.push(...read, ...(alias !== null ? [alias] : []));
          i = alias !== null ? alias.tokenEnd + 1 : read[read.length - 1].tokenEnd;
          continue;
        }
        if (pats.length > 0 && !(person !== null && person.end > patEnd)) {
          const alias = abbreviationAlias(v, pats[pats.length - 1], to, lexicon);
          out.push(...pats, ...(alias !== null ? [alias] : []));
          i = alias !== null ? alias.tokenEnd + 1 : patEnd;
          continue;
        }
      }
      if (person !== null) {
        out.push(...person.candidates);
        i = person.end;
        continue;
      }
      const bareAt = bareNameAt(v, i, to, lexicon);
      const bare = bareAt !== null ? widenBareName(v, bareAt, from, out, lexicon) : null;
      if (bare !== null) {
        const post = postTitleAt(v, bare.tokenEnd, to, lexicon, out);
        out.push(...(post !== null ? withPostTitle(bare, post) : [bare]));
        i = post?.end ?? bare.tokenEnd;
        continue;
      }
      const kinOrSpeaker = contextNameAt(v, i, to, lexicon);
      if (kinOrSpeaker !== null) {
        const post = postTitleAt(v, kinOrSpeaker.tokenEnd, to, lexicon, out);
        out.push(...(post !== null ? withPostTitle(kinOrSpeaker, post) : [kinOrSpeaker]));
        i = post?.end ?? kinOrSpeaker.tokenEnd;
        continue;
      }
      const kinAt = kinAppositionNameAt(v, i, to, lexicon, readName);
      const kinNamed = kinAt !== null ? widenBareName(v, kinAt, from, out, lexicon) : null;
      if (kinNamed !== null) {
        out.push(kinNamed);
        i = kinNamed.tokenEnd;
        continue;
      }
      const titled = postTitledNameAt(v, i, to, lexicon, out);
      if (titled !== null) {
        out.push(...titled.candidates);
        i = titled.end;
        continue;
      }
      const ana = anaphorAt(v, i, to, lexicon, out);
      if (ana !== null) {
        out.push(ana);
        i = ana.tokenEnd;
        continue;
      }
      i++;
    }
  }
  return out;
}

interface PersonForm {
  label: string;
  person: Candidate;
}

/**
 * Second pass: short forms of persons (full name, family name, family name with or without the article) at
 * tokens no candidate covers. A form shared by two different persons (brothers with one family name) is skipped.
 */
export function addShortForms(v: TokenView, lexicon: Lexicon, found: Candidate[]): Candidate[] {
  const persons = found.filter((c) => (c.type === "official" || c.type === "person") && c.roleOnly !== true);
  if (persons.length === 0) return found;
  const forms = new Map<string, Set<string>>();
  const byLabel = new Map<string, Candidate>();
  // A short form of another name found (سالم الدليمي for سالم حمد الدليمي) stands for that name: their forms are one
  // person's, not two persons' (./short-forms.ts).
  const hosts = shortFormHosts(persons.map((p) => p.label));
  const canonical = new Map<string, Candidate>();
  for (const p of persons) if (!hosts.has(nameKeys(p.label).join(" "))) canonical.set(nameKeys(p.label).join(" "), p);
  const add = (form: string, p: Candidate) => {
    const k = nameKeys(form).join(" ");
    if (k === "") return;
    let s = forms.get(k);
    if (s === undefined) forms.set(k, (s = new Set()));
    const own = nameKeys(p.label).join(" ");
    s.add(hosts.get(own) ?? own);
  };
  for (const p of persons) {
    const words = nameKeys(p.label);
    const own = words.join(" ");
    const host = hosts.get(own);
    byLabel.set(own, host !== undefined ? canonical.get(host) ?? p : p);
    add(p.label, p);
    if (words.length >= 2) {
      const last = words[words.length - 1];
      if (last.length >= 3 && !lexicon.words.nameSecondParts.has(last)) {
        add(last, p);
        add(last.startsWith("ال") ? last.slice(2) : `ال${last}`, p);
      }
    }
  }
  const trie = new TokenTrie<PersonForm>();
  for (const [form, labels] of forms) {
    if (labels.size !== 1) continue;
    const label = [...labels][0];
    trie.add(form, { label, person: byLabel.get(label)! });
  }
  const covered = new Uint8Array(v.tokens.length);
  for (const c of found) for (let k = c.tokenStart; k < c.tokenEnd; k++) covered[k] = 1;
  const extra: Candidate[] = [];
  for (const [from, to] of v.sentenceTokens) {
    for (let i = from; i < to; i++) {
      if (covered[i] === 1 || v.keys[i] === null) continue;
      const m = trie.longest(v.keys, i, true, to);
      if (m === null) continue;
      let free = true;
      for (let k = i; k < i + m.length; k++) if (covered[k] === 1) free = false;
      if (!free) continue;
      const { person } = m.values[0];
      // على (a preposition) and علي (a name) share a key: the spelling of the first word must agree.
      const firstLabel = person.label.trim().split(/\s+/)[0] ?? "";
      if (v.tokens[i].surface.endsWith("ى") !== firstLabel.endsWith("ى") && m.prefix === 0 && v.keys[i] === nameKeys(firstLabel)[0]) continue;
      // A single word that is also a strong lexicon name stays the lexicon's.
      const lex = lexiconAt(v, i, to, lexicon);
      if (lex !== null && lex.tokenEnd >= i + m.length) continue;
      const start = strippedStart(v.tokens[i], m.prefix);
      const end = v.tokens[i + m.length - 1].end;
      extra.push({
        type: person.type, label: person.label, tokenStart: i, tokenEnd: i + m.length, start, end,
        sentence: v.sentenceOf[i], source: "alias", confidence: Math.min(person.confidence, 0.85),
      });
      for (let k = i; k < i + m.length; k++) covered[k] = 1;
      i += m.length - 1;
    }
  }
  return [...found, ...extra].sort((a, b) => a.start - b.start || a.end - b.end);
}
