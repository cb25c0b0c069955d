/**
 * Text at the boundary. Every name, title and query is stored in NFC with single spaces, so that
 * equal-looking text is equal byte for byte; search compares an unaccented, lower-case key so that
 * "nguyen van duc" finds "Nguyễn Văn Đức".
 */

// Invisible characters that come in with text copied from Word or web pages and make two equal-looking
// names differ: soft hyphen, zero-width space, word joiner, byte-order mark.
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/g;
// Control characters other than whitespace (C0, DEL, C1): PostgreSQL refuses NUL in text, and none
// of them is ever meant in a name or a title.
const CONTROL = /[^\P{Cc}\s]/gu;
// JavaScript's \s covers ASCII whitespace and every Unicode space: NBSP, U+1680, U+2000–U+200A,
// line and paragraph separators, U+202F, U+205F, U+3000.
const SPACES = /\s+/g;

/** NFC, without invisible or control characters, trimmed, every run of spaces turned into one space. */
export function nfc(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '').replace(CONTROL, '').replace(SPACES, ' ').trim();
}

/**
 * Like `nfc` for multi-line text (a self-review, a comment): keeps line breaks, tidies each line,
 * and keeps at most one empty line between paragraphs.
 */
export function nfcMultiline(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .split('\n')
    .map(nfc)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Every Vietnamese letter to its ASCII base: tones and the marks of ă â ê ô ơ ư go with NFD, but
 * đ is a letter of its own in Unicode (U+0111) and needs its own rule. Ð/ð (U+00D0/U+00F0) are
 * look-alikes that legacy encoding converters write for Đ, so they map to d too. Other combining
 * marks (of any script) are dropped as well; letters without a decomposition stay as they are.
 */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đð]/g, 'd')
    .replace(/[ĐÐ]/g, 'D')
    .normalize('NFC');
}

/**
 * The stored `search_key`: lower-case, no diacritics, single spaces. Queries go through the same
 * function, so "Nguyễn Văn Đức", its NFD form, "NGUYEN VAN DUC" and "nguyen  van duc" all meet at
 * "nguyen van duc". Lower-casing is locale-independent (no Turkish dotless-i surprises).
 */
export function searchKey(text: string): string {
  return nfc(stripDiacritics(nfc(text).toLowerCase()));
}

/** The distinct words of a query, as search keys; empty when the query has none. */
export function searchTokens(query: string): string[] {
  const key = searchKey(query);
  return key === '' ? [] : [...new Set(key.split(' '))];
}

/**
 * Escapes LIKE's wildcards so user text matches literally. The escape character is the backslash,
 * PostgreSQL's default for LIKE (no ESCAPE clause needed).
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%key%` for `search_key LIKE $1` (the whole query as one phrase); null when there is nothing to find. */
export function likeContains(query: string): string | null {
  const key = searchKey(query);
  return key === '' ? null : `%${escapeLike(key)}%`;
}

/**
 * `key%`: a prefix match, which a B-tree index on a `COLLATE "C"` column can serve;
 * null when there is nothing to find.
 */
export function likePrefix(query: string): string | null {
  const key = searchKey(query);
  return key === '' ? null : `${escapeLike(key)}%`;
}

/**
 * One `%word%` per query word, to be AND-ed: "duc nguyen" then finds "nguyen van duc" whatever the
 * word order. Empty when the query has no words (the caller adds no condition).
 */
export function tokenLikePatterns(query: string): string[] {
  return searchTokens(query).map((token) => `%${escapeLike(token)}%`);
}
