import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareKeys,
  comparePersonNames,
  compareVietnamese,
  personSortKey,
  sortByKey,
  splitPersonName,
  vnSortKey,
} from './collation';

const shuffled = <T>(items: readonly T[]) => [...items].reverse();
const sortText = (items: readonly string[]) => shuffled(items).sort(compareVietnamese);
const sortNames = (items: readonly string[]) => shuffled(items).sort(comparePersonNames);
/** What PostgreSQL's COLLATE "C" does: compare the UTF-8 bytes. */
const byteOrder = (a: string, b: string) => Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b)));

const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const LETTERS = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'g', 'h', 'i', 'k', 'l', 'm', 'n'];
const MORE_LETTERS = ['o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'x', 'y'];
const ALPHABET = [...LETTERS, ...MORE_LETTERS];
const VOWELS = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);

/** A Vietnamese-like word: letters of the alphabet, any case, at most one tone on a vowel. */
const word = fc
  .record({
    letters: fc.array(fc.record({ letter: fc.constantFrom(...ALPHABET), upper: fc.boolean() }), {
      minLength: 1,
      maxLength: 6,
    }),
    tone: fc.constantFrom(...TONES),
    tonePosition: fc.nat(),
  })
  .map(({ letters, tone, tonePosition }) => {
    const vowelAt = letters.map((l, i) => (VOWELS.has(l.letter) ? i : -1)).filter((i) => i >= 0);
    const toned = vowelAt.length > 0 ? vowelAt[tonePosition % vowelAt.length] : -1;
    return letters
      .map(({ letter, upper }, i) => (upper ? letter.toUpperCase() : letter) + (i === toned ? tone : ''))
      .join('')
      .normalize('NFC');
  });
const fullName = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
const anyText = fc.oneof(
  fullName,
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ maxLength: 12 }),
);

describe('Vietnamese alphabetical order (Vietlex dictionary rules)', () => {
  it('orders the letters a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y', () => {
    expect(sortText(ALPHABET)).toEqual(ALPHABET);
    expect(sortText([...ALPHABET.map((l) => l.toUpperCase())])).toEqual(ALPHABET.map((l) => l.toUpperCase()));
  });

  it('puts An before Ăn before Ân, and Dương before Đặng (A < Ă < Â; D < Đ)', () => {
    expect(sortText(['Đặng', 'Ân', 'Bùi', 'Dương', 'Ăn', 'An'])).toEqual([
      'An',
      'Ăn',
      'Ân',
      'Bùi',
      'Dương',
      'Đặng',
    ]);
  });

  it('orders tones ngang, huyền, hỏi, ngã, sắc, nặng when the letters are the same', () => {
    expect(sortText(['bạ', 'bá', 'bã', 'bả', 'bà', 'ba'])).toEqual(['ba', 'bà', 'bả', 'bã', 'bá', 'bạ']);
    expect(sortText(['hại', 'hài', 'hai'])).toEqual(['hai', 'hài', 'hại']);
  });

  it('compares letters before tones: ang < anh and ác < ách whatever the tones', () => {
    expect(compareVietnamese('ạng', 'anh')).toBe(-1);
    expect(compareVietnamese('áng', 'ành')).toBe(-1);
    expect(compareVietnamese('ác', 'ach')).toBe(-1);
    expect(compareVietnamese('apatit', 'apxe')).toBe(-1);
  });

  it('sorts a shorter word before a longer one it begins (cha < chan)', () => {
    expect(compareVietnamese('cha', 'chan')).toBe(-1);
    expect(compareVietnamese('chạ', 'chan')).toBe(-1);
  });

  it('sorts lower case before upper case, but only as the last tie-break', () => {
    expect(sortText(['A', 'a'])).toEqual(['a', 'A']);
    expect(compareVietnamese('AN', 'án')).toBe(-1); // the tone decides before the case
    expect(compareVietnamese('An', 'bà')).toBe(-1); // the letters decide before the case
  });

  it('matches the order of the project reference sample ("ác ách ang anh ba … dz đa")', () => {
    const sample = 'ác ách ang anh ba bà bả bã bá bạ bac bách da dz đa'.split(' ');
    expect(sortText(sample)).toEqual(sample);
  });

  it('compares syllable by syllable: the first syllable decides, tones included', () => {
    expect(compareVietnamese('ba xa', 'bà a')).toBe(-1);
    expect(compareVietnamese('Lê Văn', 'Lệ Anh')).toBe(-1);
    expect(compareVietnamese('an', 'an khang')).toBe(-1);
  });

  it('compares numbers by value ("Chi bộ 2" before "Chi bộ 10") and ignores leading zeros', () => {
    expect(sortText(['Chi bộ 10', 'Chi bộ 2', 'Chi bộ 1', 'Chi bộ 10A'])).toEqual([
      'Chi bộ 1',
      'Chi bộ 2',
      'Chi bộ 10',
      'Chi bộ 10A',
    ]);
    expect(vnSortKey('Tổ 01')).toBe(vnSortKey('Tổ 1'));
    expect(compareVietnamese('1'.repeat(150), '9'.repeat(120))).toBe(1);
  });

  it('puts punctuation before digits, digits before letters, and other scripts after y', () => {
    expect(sortText(['Я', 'y', 'a', '7', '-', 'ü', 'z'])).toEqual(['-', '7', 'a', 'y', 'z', 'ü', 'Я']);
  });

  it('gives NFD input the key of NFC input, and ignores spacing', () => {
    const name = 'Nguyễn Thị Ngọc Ánh';
    expect(vnSortKey(name.normalize('NFD'))).toBe(vnSortKey(name));
    expect(vnSortKey(`  Nguyễn\u00A0Thị   Ngọc\tÁnh `)).toBe(vnSortKey(name));
  });

  it('gives the old and new tone placements the same key (hoà = hòa, thuỷ = thủy)', () => {
    expect(vnSortKey('Hoà')).toBe(vnSortKey('Hòa'));
    expect(vnSortKey('Thuỷ')).toBe(vnSortKey('Thủy'));
    expect(vnSortKey('Khoẻ')).toBe(vnSortKey('Khỏe'));
  });

  it('treats the legacy look-alike Ð (U+00D0) as Đ', () => {
    expect(vnSortKey('Ðức')).toBe(vnSortKey('Đức'));
  });

  it('gives the empty string the empty key, first of all', () => {
    expect(vnSortKey('  ')).toBe('');
    expect(compareVietnamese('', 'a')).toBe(-1);
  });
});

describe('person names: given name first, then the rest', () => {
  it('puts "Trần Văn An" before "Nguyễn Thị Bình"', () => {
    expect(comparePersonNames('Trần Văn An', 'Nguyễn Thị Bình')).toBe(-1);
  });

  it('orders "Lê Văn Ba/Bà/Bả/Bã/Bá/Bạ" by tone', () => {
    const names = ['Lê Văn Ba', 'Lê Văn Bà', 'Lê Văn Bả', 'Lê Văn Bã', 'Lê Văn Bá', 'Lê Văn Bạ'];
    expect(sortNames(names)).toEqual(names);
  });

  it('orders given names as in the reference sample (An < Anh < Ảnh < … < Đạt)', () => {
    const given = 'An Anh Ảnh Ãnh Ánh Ạnh Ăn Ân Ấn Bình Dũng Đạt'.split(' ');
    expect(sortNames(given.map((g) => `Nguyễn Văn ${g}`))).toEqual(given.map((g) => `Nguyễn Văn ${g}`));
  });

  it('breaks a tie on the given name by surname and middle names as written', () => {
    expect(sortNames(['Trần Thị An', 'Nguyễn Văn An', 'Lê Văn An', 'An'])).toEqual([
      'An',
      'Lê Văn An',
      'Nguyễn Văn An',
      'Trần Thị An',
    ]);
  });

  it('sorts a real list the way an organisation officer expects', () => {
    expect(
      sortNames([
        'Đặng Thị Ân',
        'Bùi Văn Dương',
        'Nguyễn Văn Đức',
        'Phạm Thị An',
        'Hoàng Văn Ăn',
        'Lê Thị Dung',
      ]),
    ).toEqual([
      'Phạm Thị An',
      'Hoàng Văn Ăn',
      'Đặng Thị Ân',
      'Lê Thị Dung',
      'Bùi Văn Dương',
      'Nguyễn Văn Đức',
    ]);
  });

  it('uses a stored given name when the last word is not the given name alone', () => {
    expect(splitPersonName('Nguyễn Văn Đức')).toEqual({ given: 'Đức', rest: 'Nguyễn Văn' });
    expect(splitPersonName('Tôn Nữ Thị Minh Châu', 'Minh Châu')).toEqual({
      given: 'Minh Châu',
      rest: 'Tôn Nữ Thị',
    });
    expect(splitPersonName('H Hen Niê', 'Hen')).toEqual({ given: 'Hen', rest: 'H Hen Niê' });
    expect(comparePersonNames('Nguyễn An', 'Trần Văn An')).toBe(-1);
    expect(compareKeys(personSortKey('Lê An', 'An'), personSortKey('Lê An Khánh', 'An Khánh'))).toBe(-1);
  });

  it('gives NFD and NFC forms of a name the same key', () => {
    expect(personSortKey('Nguyễn Văn Đức'.normalize('NFD'))).toBe(personSortKey('Nguyễn Văn Đức'));
  });
});

describe('sort keys', () => {
  it('are printable ASCII with no space, quote, backslash, % or _ (they store as plain text)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(vnSortKey(text)).toMatch(/^[!#$&+0-9a-z~]*$/);
        expect(personSortKey(text)).toMatch(/^[!#$&+0-9a-z~]*$/);
      }),
    );
  });

  it('are the same for the NFC and NFD forms of any text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(vnSortKey(text.normalize('NFD'))).toBe(vnSortKey(text.normalize('NFC')));
        expect(personSortKey(text.normalize('NFD'))).toBe(personSortKey(text.normalize('NFC')));
      }),
    );
  });

  it('make comparePersonNames a total order that agrees with the byte order of the keys', () => {
    fc.assert(
      fc.property(anyText, anyText, anyText, (a, b, c) => {
        const ab = comparePersonNames(a, b);
        expect(ab).toBe(byteOrder(personSortKey(a), personSortKey(b)));
        expect(comparePersonNames(b, a) + ab).toBe(0); // antisymmetric
        expect(comparePersonNames(a, a)).toBe(0);
        if (ab <= 0 && comparePersonNames(b, c) <= 0) expect(comparePersonNames(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('sort a list in the same order whether by comparator or by COLLATE "C" on the stored keys', () => {
    fc.assert(
      fc.property(fc.array(fullName, { maxLength: 20 }), (names) => {
        const byComparator = [...names].sort(comparePersonNames);
        const byStoredKey = [...names].sort((a, b) => byteOrder(personSortKey(a), personSortKey(b)));
        expect(byComparator.map((n) => personSortKey(n))).toEqual(byStoredKey.map((n) => personSortKey(n)));
        expect(sortByKey(names, (n) => personSortKey(n)).map((n) => personSortKey(n))).toEqual(
          byComparator.map((n) => personSortKey(n)),
        );
      }),
    );
  });

  it("compare single words like ICU's Vietnamese collation, where it is available", () => {
    const collator = new Intl.Collator('vi');
    if (collator.resolvedOptions().locale !== 'vi') return;
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(compareVietnamese(a, b)).toBe(Math.sign(collator.compare(a, b)));
      }),
      { numRuns: 500 },
    );
  });
});
