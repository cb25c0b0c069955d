/**
 * Vietnamese alphabetical order as a sort key that sorts right byte by byte, so that
 * `ORDER BY sort_key COLLATE "C"` gives the same order on PGlite, PostgreSQL and in the browser
 * (no dependency on the ICU build of either).
 *
 * Convention: the dictionary rules of the Vietnam Lexicography Centre (Vũ Xuân Lương, "Quy tắc sắp
 * xếp đơn vị từ vựng trong từ điển tiếng Việt", Vietlex), which CLDR's `vi` collation also follows:
 * - letters a ă â b c d đ e ê (f) g h i (j) k l m n o ô ơ p q r s t u ư v (w) x y (z);
 * - tones only break ties between the same letters, in the order ngang (none), huyền, hỏi, ngã,
 *   sắc, nặng: ba < bà < bả < bã < bá < bạ, while "ang" < "anh" and "ác" < "ách" whatever the tones;
 * - a shorter word sorts before a longer one it begins ("cha" < "chan"); lower case before upper;
 * - text is compared word by word (syllable by syllable), each word fully (letters, tones, case)
 *   before the next: "ba xa" < "bà a".
 * We chose it because it is the order of Vietnamese dictionaries and of the tone table users
 * learned at school, and because the project reference on name lists cites it.
 *
 * Key layout, per word: primary (letters) `$` secondary (tones) `$` tertiary (case); words joined
 * by `#`. Every separator sorts below every code, so a prefix sorts first. Keys use printable ASCII
 * only (`!#$&+~`, digits, lower-case letters), so they store as plain text and compare the same in
 * UTF-8 bytes and in UTF-16 code units.
 */
import { nfc } from './normalize';

const WORD = '#';
const LEVEL = '$';
/** Between the given name and the rest in `personSortKey`: below `#`, so "An" sorts before "An Khánh". */
const PERSON = '!';
/** Punctuation and symbols: before digits and letters, by code point. */
const SYMBOL = '&';
/** A run of digits: compared by value, so "Chi bộ 2" < "Chi bộ 10". */
const NUMBER = '+';
/** Letters outside the Vietnamese alphabet (other scripts, foreign accents): after z, by code point. */
const OTHER_LETTER = '~';

// Secondary codes, in dictionary order; ngang (no mark) writes nothing, so it sorts first.
const TONES: Readonly<Record<string, string>> = {
  '\u0300': '1', // huyền
  '\u0309': '2', // hỏi
  '\u0303': '3', // ngã
  '\u0301': '4', // sắc
  '\u0323': '5', // nặng
};
// Primary codes are two characters, the ASCII base and a variant digit ("a0" a, "a1" ă, "a2" â,
// "d1" đ …), which keeps the alphabet in ASCII order and the keys readable when debugging.
const MODIFIED: Readonly<Record<string, string>> = {
  'a\u0306': 'a1', // ă
  'a\u0302': 'a2', // â
  'e\u0302': 'e1', // ê
  'o\u0302': 'o1', // ô
  'o\u031B': 'o2', // ơ
  'u\u031B': 'u1', // ư
};
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const D_STROKE = new Set(['đ', 'Đ', 'ð', 'Ð']); // Ð/ð: legacy look-alikes of Đ (see stripDiacritics)
const ASCII_LETTER = /^[A-Za-z]$/;
// Digit runs, then a base character with its combining marks, then marks with no base.
const UNITS = /(\d+)|(\P{M}\p{M}*)|(\p{M}+)/gu;

interface Letter {
  code: string;
  tone: string;
  upper: boolean;
}

/** A Vietnamese letter with at most one modifier and one tone (on a vowel); null for anything else. */
function letterOf(cluster: string): Letter | null {
  const [base = '', ...marks] = cluster;
  if (D_STROKE.has(base)) {
    return marks.length === 0 ? { code: 'd1', tone: '', upper: base === 'Đ' || base === 'Ð' } : null;
  }
  if (!ASCII_LETTER.test(base)) return null;
  const lower = base.toLowerCase();
  let code = `${lower}0`;
  let tone = '';
  let modified = false;
  for (const mark of marks) {
    const toneCode = TONES[mark];
    if (toneCode !== undefined) {
      if (tone !== '' || !VOWELS.has(lower)) return null;
      tone = toneCode;
    } else {
      const modifiedCode = MODIFIED[lower + mark];
      if (modifiedCode === undefined || modified) return null;
      code = modifiedCode;
      modified = true;
    }
  }
  return { code, tone, upper: base !== lower };
}

function hex(codePoint: number): string {
  return codePoint.toString(16).padStart(6, '0');
}

function numberCode(digits: string): string {
  // Leading zeros do not count ("01" and "1" compare equal). The length goes first, itself preceded
  // by its own number of digits, so a longer number sorts after a shorter one at any length.
  const value = digits.replace(/^0+(?=\d)/, '');
  const length = String(value.length);
  return NUMBER + length.length + length + value;
}

function otherCode(cluster: string): string {
  let code = '';
  for (const char of cluster.normalize('NFC')) {
    const marker = /\p{L}/u.test(char) ? OTHER_LETTER : SYMBOL;
    code += marker + hex(char.codePointAt(0)!);
  }
  return code;
}

/**
 * One word's key. Tones are listed in the order they appear rather than by letter position, so the
 * old and new tone placements ("hoà" and "hòa", "thuỷ" and "thủy") get the same key.
 */
function wordKey(word: string): string {
  let primary = '';
  let tones = '';
  let cases = '';
  for (const [, digits, cluster, orphanMarks] of word.normalize('NFD').matchAll(UNITS)) {
    if (digits !== undefined) {
      primary += numberCode(digits);
      continue;
    }
    const letter = cluster === undefined ? null : letterOf(cluster);
    if (letter === null) {
      primary += otherCode(cluster ?? orphanMarks ?? '');
      continue;
    }
    primary += letter.code;
    tones += letter.tone;
    cases += letter.upper ? '1' : '0';
  }
  return primary + LEVEL + tones + LEVEL + cases;
}

/** Sort key of any text in Vietnamese alphabetical order; compare keys with `<` or `COLLATE "C"`. */
export function vnSortKey(text: string): string {
  const normalized = nfc(text);
  return normalized === '' ? '' : normalized.split(' ').map(wordKey).join(WORD);
}

/** Byte order of two keys (ASCII, so code-unit order is byte order). */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareVietnamese(a: string, b: string): number {
  return compareKeys(vnSortKey(a), vnSortKey(b));
}

export interface PersonNameParts {
  /** Tên: the given name, by default the last word. */
  given: string;
  /** Họ and tên đệm: surname and middle names, as written. */
  rest: string;
}

/**
 * Splits a full name into the given name and the rest. A stored given name can be passed for names
 * whose last word is not the given name alone; it is taken off the end of the full name when it
 * ends it, otherwise the full name is kept whole as the rest.
 */
export function splitPersonName(fullName: string, givenName?: string): PersonNameParts {
  const words = nfc(fullName).split(' ').filter(Boolean);
  const stored = givenName === undefined ? '' : nfc(givenName);
  if (stored !== '') {
    const givenWords = stored.split(' ');
    const tail = words.slice(words.length - givenWords.length);
    const endsWithGiven = words.length >= givenWords.length && tail.join(' ') === stored;
    return { given: stored, rest: (endsWithGiven ? words.slice(0, -givenWords.length) : words).join(' ') };
  }
  return { given: words.at(-1) ?? '', rest: words.slice(0, -1).join(' ') };
}

/**
 * The stored `sort_key` of a person: given name first, then surname and middle names as written
 * (DOMAIN.md: "sort by given name (the last word), then by the rest"; it is also what sorting an
 * Excel list on its "Tên" then "Họ đệm" columns gives). Some lists break ties on the middle names
 * before the surname; that would be a different key, and a new rule, not a silent change here.
 */
export function personSortKey(fullName: string, givenName?: string): string {
  const { given, rest } = splitPersonName(fullName, givenName);
  return vnSortKey(given) + PERSON + vnSortKey(rest);
}

export function comparePersonNames(a: string, b: string): number {
  return compareKeys(personSortKey(a), personSortKey(b));
}

/** Sorts a copy of `items`, computing each key once (cheaper than a comparator over long lists). */
export function sortByKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, key: key(item) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map(({ item }) => item);
}
