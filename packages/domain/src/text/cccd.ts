/**
 * Citizen identity number (số CCCD / số định danh cá nhân): 12 digits, the join key with national
 * systems. Structure (Decree 137/2015/NĐ-CP, art. 13; codes in Circular 07/2016/TT-BCA, art. 7 and
 * Appendix 1, carried over by Circular 59/2021/TT-BCA; the Law on Identification 2023, art. 12, keeps
 * the 12 digits):
 *   digits 1–3  province (or country) where the birth was registered
 *   digit  4    century of birth and sex: 0/1 20th century male/female, 2/3 21st, 4/5 22nd …
 *   digits 5–6  last two digits of the year of birth
 *   digits 7–12 a random sequence
 */

/**
 * The 63 province codes of the pre-2025 list (Circular 07/2016/TT-BCA, Appendix 1). Numbers already
 * issued keep them after the 2025 merger of provinces, and each merged province kept one of these
 * codes, so the list stays valid for checking. Births registered abroad carry a country code whose
 * list we have not verified: pass extra codes through `CccdOptions.placeCodes` when a unit needs them.
 */
export const CCCD_PROVINCE_CODES: Readonly<Record<string, string>> = {
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
};

export interface CccdOptions {
  /** Accepted place codes; defaults to the 63 province codes. */
  placeCodes?: ReadonlySet<string> | readonly string[];
  /** When given, a birth year after it is refused (the domain reads no clock). */
  asOfYear?: number;
}

export interface CccdFailure {
  rule: 'format' | 'place_code' | 'century' | 'birth_year';
  vi: string;
  en: string;
}

export interface CccdBirthInfo {
  placeCode: string;
  /** Province name for the 63 known codes, null for any other accepted code. */
  province: string | null;
  /** 20 for 1900–1999, 21 for 2000–2099, … */
  century: number;
  sex: 'male' | 'female';
  birthYear: number;
}

/** Spaces people type or paste inside the number ("001 089 012 345") are not part of it. */
export function normalizeCccd(input: string): string {
  return input.replace(/\s+/g, '');
}

/**
 * An Excel cell formatted as a number loses the leading zeros ("001089012345" becomes 1089012345);
 * an importer that read a numeric cell pads it back. Null when the value cannot be such a number.
 */
export function cccdFromExcelNumber(value: number): string | null {
  if (!Number.isSafeInteger(value) || value <= 0 || value >= 1e12) return null;
  return String(value).padStart(12, '0');
}

/** Century and sex from digit 4; null for digits that mean a birth in the 22nd century or later. */
function centuryAndSex(digit: number): { century: number; sex: 'male' | 'female' } | null {
  // Digits 4–9 (22nd–24th centuries) are defined by the decree but cannot be issued before 2100.
  if (digit > 3) return null;
  return { century: 20 + Math.floor(digit / 2), sex: digit % 2 === 0 ? 'male' : 'female' };
}

function acceptedPlaces(options: CccdOptions): ReadonlySet<string> | null {
  const codes = options.placeCodes;
  if (codes === undefined) return null;
  return codes instanceof Set ? codes : new Set(codes);
}

/** Every rule the number breaks; empty when it is valid. */
export function validateCccd(input: string, options: CccdOptions = {}): CccdFailure[] {
  const cccd = normalizeCccd(input);
  if (!/^\d{12}$/.test(cccd)) {
    return [
      {
        rule: 'format',
        vi: 'Số CCCD phải gồm đúng 12 chữ số.',
        en: 'The citizen ID number must have exactly 12 digits.',
      },
    ];
  }
  const failures: CccdFailure[] = [];
  const place = cccd.slice(0, 3);
  const places = acceptedPlaces(options);
  if (places ? !places.has(place) : CCCD_PROVINCE_CODES[place] === undefined) {
    failures.push({
      rule: 'place_code',
      vi: `Mã nơi đăng ký khai sinh "${place}" (3 chữ số đầu) không có trong danh mục.`,
      en: `The birth registration code "${place}" (first 3 digits) is not in the list.`,
    });
  }
  const centurySex = centuryAndSex(Number(cccd[3]));
  if (centurySex === null) {
    failures.push({
      rule: 'century',
      vi: 'Chữ số thứ 4 (mã thế kỷ và giới tính) không hợp lệ.',
      en: 'The 4th digit (century and sex code) is not valid.',
    });
  } else if (options.asOfYear !== undefined) {
    const birthYear = (centurySex.century - 1) * 100 + Number(cccd.slice(4, 6));
    if (birthYear > options.asOfYear) {
      failures.push({
        rule: 'birth_year',
        vi: `Năm sinh ${birthYear} suy ra từ số CCCD là năm trong tương lai.`,
        en: `The birth year ${birthYear} read from the citizen ID number is in the future.`,
      });
    }
  }
  return failures;
}

/** Place, century, sex and birth year encoded in a valid number; null when it is not valid. */
export function cccdBirthInfo(input: string, options: CccdOptions = {}): CccdBirthInfo | null {
  if (validateCccd(input, options).length > 0) return null;
  const cccd = normalizeCccd(input);
  const { century, sex } = centuryAndSex(Number(cccd[3]))!;
  const placeCode = cccd.slice(0, 3);
  return {
    placeCode,
    province: CCCD_PROVINCE_CODES[placeCode] ?? null,
    century,
    sex,
    birthYear: (century - 1) * 100 + Number(cccd.slice(4, 6)),
  };
}

export interface CccdMismatch {
  rule: 'sex_mismatch' | 'birth_year_mismatch';
  vi: string;
  en: string;
}

/**
 * Cross-checks a valid number against the person's record (an import row, a résumé): the sex and
 * birth year it encodes must agree with the declared ones. Empty when they agree or when the number
 * is not valid (validateCccd reports that).
 */
export function checkCccdAgainstPerson(
  input: string,
  person: { sex?: 'male' | 'female' | null; birthYear?: number | null },
  options: CccdOptions = {},
): CccdMismatch[] {
  const info = cccdBirthInfo(input, options);
  if (info === null) return [];
  const mismatches: CccdMismatch[] = [];
  if (person.sex != null && person.sex !== info.sex) {
    mismatches.push({
      rule: 'sex_mismatch',
      vi: 'Giới tính không khớp với chữ số thứ 4 của số CCCD.',
      en: 'The sex does not match the 4th digit of the citizen ID number.',
    });
  }
  if (person.birthYear != null && person.birthYear !== info.birthYear) {
    mismatches.push({
      rule: 'birth_year_mismatch',
      vi: `Năm sinh ${person.birthYear} không khớp với năm ${info.birthYear} trong số CCCD.`,
      en: `The birth year ${person.birthYear} does not match ${info.birthYear} in the citizen ID number.`,
    });
  }
  return mismatches;
}

/**
 * For lists shown to people who need to tell records apart but not to read the number: keeps the
 * first 3 digits (birth province) and the last 2, "001*******89". The 4th digit would reveal sex and
 * century, so it is hidden. Anything that is not 12 characters keeps only its last 2, and nothing at
 * all when it has fewer than 6, so short or mistyped numbers do not leak.
 */
export function maskCccd(input: string): string {
  const chars = [...normalizeCccd(input)];
  const n = chars.length;
  if (n === 12) return `${chars.slice(0, 3).join('')}${'*'.repeat(7)}${chars.slice(10).join('')}`;
  if (n < 6) return '*'.repeat(n);
  return '*'.repeat(n - 2) + chars.slice(n - 2).join('');
}
