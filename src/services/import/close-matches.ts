// Host customers that look like an online order's customer ("Klant identificeren"), so staff do not
// create a duplicate. The host only offers narrow exact/prefix searches, so candidates are gathered with
// several small queries and ranked here.
import type { Customer, CustomerQuery } from '../../host/index.js';

export interface PersonToMatch {
  readonly firstName: string;
  readonly lastName: string;
  readonly email?: string;
  readonly phone?: string;
  readonly postcode?: string;
}

export type CloseMatchReason = 'email' | 'phone' | 'postcode' | 'name';

export interface CloseMatch {
  readonly customer: Customer;
  /** 0..1, higher is closer */
  readonly score: number;
  readonly reasons: readonly CloseMatchReason[];
}

/**
 * A name this similar counts as the same person's. 0.75 lets a typo or two through ("Jansen" ~ "Janssen"
 * is 0.86, "Sofie Jansen" ~ "Sophie Jansen" 0.84) but not a shared first or last name alone ("Jan Jansen"
 * ~ "Jan Bakker" is 0.56, ~ "Kees Jansen" 0.63).
 */
const NAME_THRESHOLD = 0.75;

/**
 * Two words less alike than this are different words: they add nothing to a name's similarity, so that
 * "Jansen" and "Bakker" do not score a third of a match merely for having the same length.
 */
const WORD_FLOOR = 0.5;

/** An initial ("J.") standing for a word that starts with it: likely, not certain. */
const INITIAL_SIMILARITY = 0.8;

/** Letters a word weighs at least: an initial or a short name stands for a whole name, so leaving one unpaired ("K. Jansen" ~ "Jan Jansen") must cost. */
const MIN_WORD_WEIGHT = 3;

/**
 * How strongly each kind of evidence alone says "same person", combined as a noisy-or so that every
 * further piece of evidence raises the score without passing 1. A shared e-mail or phone is nearly
 * conclusive (a household may share them); a same postcode is weak (a street); a name counts in
 * proportion to its similarity but never as much as an e-mail, since names repeat.
 */
const EMAIL_EVIDENCE = 0.9;
const PHONE_EVIDENCE = 0.85;
const POSTCODE_EVIDENCE = 0.3;
const NAME_EVIDENCE = 0.8;

/** Fewer digits than this are no phone number worth comparing (e.g. a placeholder "0" or "-"). */
const MIN_PHONE_DIGITS = 6;

/** Letters of a surname word to search by: short enough that a typo later in the word still matches. */
const NAME_PREFIX_LENGTH = 3;

/** Words that precede a surname in Dutch (and neighbouring) names; "van der Berg" sorts and is typed as "Berg". */
const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'van', 'von', 'vom', 'de', 'der', 'den', 'des', 'het', 't', 'ter', 'ten', 'te', 'in', 'op', 'aan', 'uit',
  'onder', 'bij', 'over', 'voor', 'tot', 'd', 'l', 'la', 'le', 'les', 'du', 'da', 'das', 'dos', 'di', 'del',
  'della', 'zu', 'zum', 'zur',
]);

/** Queries that gather candidates through the host's indexes: by e-mail, phone, postcode, and name prefixes short enough to catch misspellings (e.g. first 3 letters of the last name's main word, ignoring Dutch particles like "de", "van der"), and the first name's prefix with the surname's initial to catch a misspelling early in the surname. */
export function closeMatchQueries(person: PersonToMatch): CustomerQuery[] {
  const queries: CustomerQuery[] = [];
  const email = person.email?.trim();
  if (email) queries.push({ email });
  const phone = person.phone === undefined ? '' : normalizePhone(person.phone);
  if (phone.length >= MIN_PHONE_DIGITS) queries.push({ phone });
  const postcode = person.postcode === undefined ? '' : normalizePostcode(person.postcode);
  if (postcode) queries.push({ postcode });

  const firstWords = withoutParticles(nameWords(person.firstName, false));
  let surnameWords = withoutParticles(nameWords(person.lastName, false));
  // Someone who typed the whole name into the first-name field is still findable by its last word.
  if (surnameWords.length === 0) surnameWords = firstWords.slice(-1);
  for (const word of surnameWords) {
    for (const prefix of prefixes(word, NAME_PREFIX_LENGTH)) queries.push({ name: prefix });
  }
  const firstWord = firstWords[0];
  const surnameWord = surnameWords[0];
  if (firstWord !== undefined && surnameWord !== undefined && firstWord !== surnameWord) {
    for (const prefix of prefixes(firstWord, NAME_PREFIX_LENGTH)) {
      for (const initial of prefixes(surnameWord, 1)) queries.push({ name: `${prefix} ${initial}` });
    }
  }
  return uniqueQueries(queries);
}

/** Similarity 0..1 of two full names, tolerant of case, accents (é=e), extra spaces, Dutch particles ("van der Berg" ~ "Berg"), swapped first/last name, and typos (Damerau-Levenshtein: transpositions count as one edit). */
export function nameSimilarity(a: string, b: string): number {
  const wordsA = nameWords(a, true);
  const wordsB = nameWords(b, true);
  if (wordsA.length === 0 || wordsB.length === 0) return 0;
  // Word by word in any order handles swapped names and particles; the words run together handle a name
  // written as one word or split differently ("Vanderberg" ~ "van der Berg", "OBrien" ~ "O'Brien").
  return Math.max(wordAlignment(withoutParticles(wordsA), withoutParticles(wordsB)), stringSimilarity(wordsA.join(''), wordsB.join('')));
}

/** The candidates that look like the person, best first, deduplicated by customer id, at most `limit` (default 10); a candidate needs a same e-mail/phone, or a name similarity above a threshold (postcode alone is not enough, but raises the score). */
export function rankCloseMatches(person: PersonToMatch, candidates: readonly Customer[], limit = 10): CloseMatch[] {
  const personName = `${person.firstName} ${person.lastName}`;
  const personEmail = person.email === undefined ? '' : normalizeEmail(person.email);
  const personPhone = person.phone === undefined ? '' : normalizePhone(person.phone);
  const personPostcode = person.postcode === undefined ? '' : normalizePostcode(person.postcode);

  const seen = new Set<string>();
  const ranked: { match: CloseMatch; nameScore: number }[] = [];
  for (const customer of candidates) {
    if (seen.has(customer.id)) continue;
    seen.add(customer.id);

    const sameEmail = personEmail !== '' && customer.email !== undefined && normalizeEmail(customer.email) === personEmail;
    const samePhone =
      personPhone.length >= MIN_PHONE_DIGITS && customer.phone !== undefined && normalizePhone(customer.phone) === personPhone;
    const samePostcode =
      personPostcode !== '' &&
      [customer.address, customer.shippingAddress].some((address) => address !== undefined && normalizePostcode(address.postcode) === personPostcode);
    const nameScore = nameSimilarity(personName, `${customer.firstName} ${customer.lastName}`);
    const closeName = nameScore >= NAME_THRESHOLD;
    if (!sameEmail && !samePhone && !closeName) continue;

    const reasons: CloseMatchReason[] = [];
    if (sameEmail) reasons.push('email');
    if (samePhone) reasons.push('phone');
    if (samePostcode) reasons.push('postcode');
    if (closeName) reasons.push('name');
    const doubt =
      (sameEmail ? 1 - EMAIL_EVIDENCE : 1) *
      (samePhone ? 1 - PHONE_EVIDENCE : 1) *
      (samePostcode ? 1 - POSTCODE_EVIDENCE : 1) *
      (1 - NAME_EVIDENCE * nameScore);
    ranked.push({ match: { customer, score: 1 - doubt, reasons }, nameScore });
  }
  // Stable sort: equal scores keep the order the host returned them in.
  ranked.sort((x, y) => y.match.score - x.match.score || y.nameScore - x.nameScore);
  return ranked.slice(0, Math.max(0, limit)).map(({ match }) => match);
}

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Digits only, with the Dutch country code ("+31", "0031", also "+31 (0)6…") written as the trunk 0. */
function normalizePhone(phone: string): string {
  const written = phone.trim().replace(/^\+/, '00').replace(/^(00\d{1,3})\s*\(0\)/, '$1');
  const digits = written.replace(/\D/g, '');
  return digits.startsWith('0031') ? '0' + digits.slice(4) : digits;
}

function normalizePostcode(postcode: string): string {
  return postcode.replace(/\s+/g, '').toUpperCase();
}

/** Lower case, without diacritics. */
function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/** The words of a name in lower case; `fold` also drops diacritics. Punctuation ("J.", "O'Brien", "Smit-Jansen") separates words. */
function nameWords(name: string, fold: boolean): string[] {
  const text = fold ? foldText(name) : name.toLowerCase();
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** The words without particles, unless nothing else is left (a surname may be "Van" itself). */
function withoutParticles(words: readonly string[]): string[] {
  const rest = words.filter((word) => !NAME_PARTICLES.has(foldText(word)));
  return rest.length > 0 ? rest : [...words];
}

/** The word's first `length` letters as written and without diacritics, so a host that folds neither still finds "Müller" and "Muller". */
function prefixes(word: string, length: number): string[] {
  const prefix = [...word].slice(0, length).join('');
  const folded = [...foldText(word)].slice(0, length).join('');
  return prefix === folded ? [prefix] : [prefix, folded];
}

function uniqueQueries(queries: readonly CustomerQuery[]): CustomerQuery[] {
  const seen = new Set<string>();
  return queries.filter((query) => {
    const key = JSON.stringify([query.name, query.email, query.phone, query.postcode]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Pairs the words of two names, most similar pairs first, and weighs each pair by its letters; words
 * left without a partner (a middle name) count against the similarity.
 */
function wordAlignment(wordsA: readonly string[], wordsB: readonly string[]): number {
  const pairs: { a: number; b: number; similarity: number; weight: number }[] = [];
  wordsA.forEach((wordA, a) =>
    wordsB.forEach((wordB, b) => {
      const similarity = wordSimilarity(wordA, wordB);
      if (similarity >= WORD_FLOOR) pairs.push({ a, b, similarity, weight: wordWeight(wordA) + wordWeight(wordB) });
    }),
  );
  pairs.sort((x, y) => y.similarity * y.weight - x.similarity * x.weight);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let matched = 0;
  for (const pair of pairs) {
    if (usedA.has(pair.a) || usedB.has(pair.b)) continue;
    usedA.add(pair.a);
    usedB.add(pair.b);
    matched += pair.similarity * pair.weight;
  }
  const total = [...wordsA, ...wordsB].reduce((sum, word) => sum + wordWeight(word), 0);
  return total === 0 ? 0 : matched / total;
}

function wordWeight(word: string): number {
  return Math.max(word.length, MIN_WORD_WEIGHT);
}

function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if ((a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b))) return INITIAL_SIMILARITY;
  return stringSimilarity(a, b);
}

/** 1 minus the edit distance relative to the longer string. */
function stringSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

/** Damerau-Levenshtein distance (optimal string alignment): insertions, deletions, substitutions and adjacent transpositions each cost one. */
function editDistance(a: string, b: string): number {
  const width = b.length + 1;
  const distances = new Array<number>((a.length + 1) * width).fill(0);
  const at = (i: number, j: number): number => distances[i * width + j] ?? 0;
  for (let i = 0; i <= a.length; i++) distances[i * width] = i;
  for (let j = 0; j <= b.length; j++) distances[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      distances[i * width + j] = best;
    }
  }
  return at(a.length, b.length);
}
