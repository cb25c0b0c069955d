import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeLike,
  likeContains,
  likePrefix,
  nfc,
  nfcMultiline,
  searchKey,
  searchTokens,
  stripDiacritics,
  tokenLikePatterns,
} from './normalize';

const VIETNAMESE_LOWER =
  'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ';
const VIETNAMESE = [...VIETNAMESE_LOWER, ...VIETNAMESE_LOWER.toUpperCase()];
const vietnameseText = fc
  .array(fc.oneof(fc.constantFrom(...VIETNAMESE), fc.constantFrom(' ', '  ', '\u00A0', '\t')), {
    maxLength: 30,
  })
  .map((chars) => chars.join(''));

/** PostgreSQL's LIKE with the default backslash escape, to check the patterns we build. */
function like(text: string, pattern: string): boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') source += (pattern[++i] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '%') source += '[\\s\\S]*';
    else if (c === '_') source += '[\\s\\S]';
    else source += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'u').test(text);
}

describe('nfc', () => {
  it('composes decomposed input, so NFD and NFC forms of a name are equal', () => {
    const decomposed = 'Nguyễn Văn Đức'.normalize('NFD');
    expect(decomposed).not.toBe('Nguyễn Văn Đức');
    expect(nfc(decomposed)).toBe('Nguyễn Văn Đức');
  });

  it('trims and collapses runs of any Unicode space to one space', () => {
    expect(nfc('  Nguyễn\u00A0\u00A0Văn\tĐức \u2003\u3000')).toBe('Nguyễn Văn Đức');
    expect(nfc('Phòng\u202FTổ chức\n\r\nHành chính')).toBe('Phòng Tổ chức Hành chính');
  });

  it('drops invisible characters pasted from Word and control characters PostgreSQL would refuse', () => {
    expect(nfc('\uFEFFNguy\u00ADễn\u200B Văn\u2060 Đức\u0000\u0007\u007F\u0085')).toBe('Nguyễn Văn Đức');
  });

  it('gives an empty string for blank input', () => {
    expect(nfc(' \u00A0\t\n ')).toBe('');
  });

  it('is idempotent, NFC, trimmed and never holds two spaces in a row', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), vietnameseText), (text) => {
        const once = nfc(text);
        expect(nfc(once)).toBe(once);
        expect(once.normalize('NFC')).toBe(once);
        expect(once).toBe(once.trim());
        expect(once).not.toMatch(/\s\s|[^\S ]/);
      }),
    );
  });
});

describe('nfcMultiline', () => {
  it('keeps line breaks, tidies each line and keeps at most one empty line', () => {
    expect(nfcMultiline('  Ưu điểm:\u00A0 tốt \r\n\r\n\r\n\r\n- Hạn chế  \r- Khác\u2028Cuối ')).toBe(
      'Ưu điểm: tốt\n\n- Hạn chế\n- Khác\nCuối',
    );
  });
});

describe('stripDiacritics', () => {
  it('maps every Vietnamese letter, lower and upper case, to its ASCII base', () => {
    // 6 forms (no tone + 5 tones) of a ă â, e ê, i, o ô ơ, u ư, y.
    const ascii = `${'a'.repeat(18)}bcdd${'e'.repeat(12)}gh${'i'.repeat(6)}klmn${'o'.repeat(18)}pqrst${'u'.repeat(12)}vx${'y'.repeat(6)}`;
    expect(stripDiacritics(VIETNAMESE_LOWER)).toBe(ascii);
    expect(stripDiacritics(VIETNAMESE_LOWER.toUpperCase())).toBe(ascii.toUpperCase());
  });

  it('maps đ and Đ, which NFD does not decompose, and the legacy look-alikes Ð/ð', () => {
    expect('đ'.normalize('NFD')).toBe('đ');
    expect(stripDiacritics('Đặng đình Ðức ðạt')).toBe('Dang dinh Duc dat');
  });

  it('turns any Vietnamese text into ASCII, whatever its normal form', () => {
    fc.assert(
      fc.property(vietnameseText, (text) => {
        expect(stripDiacritics(nfc(text))).toMatch(/^[a-zA-Z ]*$/);
        expect(stripDiacritics(text.normalize('NFD'))).toBe(stripDiacritics(text));
      }),
    );
  });
});

describe('searchKey', () => {
  it('brings a name, its NFD form, upper case and sloppy spacing to one key', () => {
    for (const input of [
      'Nguyễn Văn Đức',
      'Nguyễn Văn Đức'.normalize('NFD'),
      'NGUYEN VAN DUC',
      'nguyen  van duc',
    ]) {
      expect(searchKey(input)).toBe('nguyen van duc');
    }
    expect(searchKey('  NGUYỄN\u00A0VĂN   ĐỨC ')).toBe('nguyen van duc');
  });

  it('keeps punctuation and digits so unit names stay readable', () => {
    expect(searchKey('Phòng Tổ chức - Hành chính, Chi bộ số 2')).toBe(
      'phong to chuc - hanh chinh, chi bo so 2',
    );
  });

  it('is idempotent and ignores case and normal form', () => {
    fc.assert(
      fc.property(vietnameseText, (text) => {
        const key = searchKey(text);
        expect(searchKey(key)).toBe(key);
        expect(searchKey(text.toUpperCase())).toBe(key);
        expect(searchKey(text.normalize('NFD'))).toBe(key);
        expect(key).toMatch(/^[a-z]*( [a-z]+)*$/);
      }),
    );
  });
});

describe('search patterns', () => {
  it('splits a query into distinct unaccented words', () => {
    expect(searchTokens('  Đức   NGUYỄN đức ')).toEqual(['duc', 'nguyen']);
    expect(searchTokens(' \u00A0 ')).toEqual([]);
  });

  it('escapes %, _ and backslash so user text matches literally', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
    expect(likeContains('50%')).toBe('%50\\%%');
    expect(likePrefix('Nguyễn_')).toBe('nguyen\\_%');
  });

  it('returns null or no patterns for an empty query, so the caller adds no condition', () => {
    expect(likeContains('  ')).toBeNull();
    expect(likePrefix('')).toBeNull();
    expect(tokenLikePatterns('\t')).toEqual([]);
  });

  it('finds "Nguyễn Văn Đức" from "nguyen van duc", "van duc", and from words in any order', () => {
    const stored = searchKey('Nguyễn Văn Đức');
    expect(like(stored, likeContains('nguyen van duc')!)).toBe(true);
    expect(like(stored, likeContains('VĂN ĐỨC')!)).toBe(true);
    expect(like(stored, likePrefix('nguyễn v')!)).toBe(true);
    expect(like(stored, likePrefix('van')!)).toBe(false);
    expect(tokenLikePatterns('duc nguyen').every((p) => like(stored, p))).toBe(true);
    expect(tokenLikePatterns('duc tran').every((p) => like(stored, p))).toBe(false);
  });

  it('does not let _ or % in a query act as wildcards', () => {
    expect(like('a1b', likeContains('a_b')!)).toBe(false);
    expect(like('a_b', likeContains('a_b')!)).toBe(true);
    expect(like('100 nguoi', likeContains('100%')!)).toBe(false);
  });

  it('matches exactly when the query key is a substring of the stored key (LIKE semantics)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '%', '_', '\\', ' ', 'đ', 'Ă') });
    fc.assert(
      fc.property(text, text, (stored, query) => {
        const pattern = likeContains(query);
        fc.pre(pattern !== null);
        const storedKey = searchKey(stored);
        expect(like(storedKey, pattern!)).toBe(storedKey.includes(searchKey(query)));
      }),
    );
  });
});
