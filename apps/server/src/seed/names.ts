import { type Random, WeightedTable } from './random';

export type Sex = 'male' | 'female';

/**
 * Surnames at their approximate national shares (per cent). The head of the table follows
 * the published estimates (Nguyễn ~38%, Trần ~11%, Lê ~9.5%, …); the tail shares the rest.
 */
export const SURNAME_SHARES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 3.3],
  ['Huỳnh', 1.7],
  ['Phan', 4.5],
  ['Vũ', 2.6],
  ['Võ', 1.3],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  // The tail: 11.5% together.
  ['Đinh', 1],
  ['Đào', 0.9],
  ['Trịnh', 0.8],
  ['Đoàn', 0.7],
  ['Hà', 0.9],
  ['Mai', 0.6],
  ['Cao', 0.6],
  ['Lương', 0.5],
  ['Tạ', 0.4],
  ['Phùng', 0.4],
  ['Lưu', 0.4],
  ['Chu', 0.4],
  ['Tô', 0.4],
  ['Kiều', 0.3],
  ['Lâm', 0.3],
  ['Khuất', 0.3],
  ['Nghiêm', 0.3],
  ['Triệu', 0.3],
  ['Vương', 0.3],
  ['Quách', 0.2],
  ['Lại', 0.2],
  ['Thái', 0.2],
  ['Tống', 0.2],
  ['Lã', 0.2],
  ['Doãn', 0.2],
  ['Giang', 0.1],
  ['Tăng', 0.1],
  ['Khổng', 0.1],
  ['Âu', 0.1],
  ['Ông', 0.1],
];

// biome-ignore format: a data table, kept compact
const MIDDLE: Record<Sex, readonly (readonly [string, number])[]> = {
  male: [
    ['Văn', 30], ['Đức', 9], ['Minh', 9], ['Hữu', 7], ['Quang', 7], ['Đình', 5], ['Thanh', 4], ['Công', 4],
    ['Xuân', 3], ['Mạnh', 3], ['Ngọc', 3], ['Trọng', 3], ['Duy', 3], ['Việt', 3], ['Thế', 3], ['Tiến', 2],
    ['Anh', 2], ['Hoàng', 2], ['Trung', 2], ['Quốc', 2], ['Bá', 1], ['Khắc', 1], ['Kim', 1], ['Hồng', 1],
  ],
  female: [
    ['Thị', 42], ['Thu', 7], ['Ngọc', 7], ['Thanh', 6], ['Minh', 4], ['Phương', 4], ['Thùy', 4], ['Hồng', 4],
    ['Kim', 3], ['Mai', 3], ['Bích', 2], ['Diệu', 2], ['Hoài', 2], ['Khánh', 2], ['Lan', 2], ['Hải', 2],
    ['Quỳnh', 2], ['Bảo', 1], ['Tuyết', 1], ['Vân', 1],
  ],
};

/** A second middle word, mostly after "Thị" ("Nguyễn Thị Hồng Nhung"). */
// biome-ignore format: a data table, kept compact
const SECOND_MIDDLE: Record<Sex, readonly string[]> = {
  male: ['Minh', 'Quang', 'Thanh', 'Tuấn', 'Anh', 'Đức', 'Hoàng', 'Ngọc'],
  female: ['Thu', 'Hồng', 'Thanh', 'Minh', 'Ngọc', 'Kim', 'Phương', 'Thùy', 'Lan', 'Bích', 'Mai', 'Hải'],
};

// biome-ignore format: a data table, kept compact
const GIVEN: Record<Sex, readonly (readonly [string, number])[]> = {
  male: [
    ['Hùng', 5], ['Dũng', 5], ['Tuấn', 5], ['Hải', 4], ['Nam', 4], ['Sơn', 4], ['Đức', 4], ['Long', 4],
    ['Minh', 4], ['Quang', 3], ['Thắng', 3], ['Trung', 3], ['Cường', 3], ['Hiếu', 3], ['Huy', 3], ['Khánh', 2],
    ['Phong', 2], ['Tùng', 3], ['Thành', 3], ['Bình', 3], ['Công', 2], ['Việt', 2], ['Anh', 4], ['Hoàng', 2],
    ['Kiên', 2], ['Lâm', 1], ['Nghĩa', 2], ['Phúc', 2], ['Quân', 2], ['Tài', 1], ['Tâm', 1], ['Thịnh', 1],
    ['Toàn', 2], ['Trí', 1], ['Vinh', 2], ['Vũ', 1], ['Hưng', 3], ['Đạt', 3], ['Duy', 2], ['Hiệp', 1],
    ['Hòa', 1], ['Lợi', 1], ['Mạnh', 2], ['Chiến', 2], ['Thái', 1], ['Tú', 1], ['Khoa', 1], ['Bảo', 1],
    ['Đông', 1], ['Thanh', 2], ['Thuận', 1], ['Phương', 1], ['Trường', 1], ['Quý', 1], ['Tiến', 2], ['Ân', 0.5],
  ],
  female: [
    ['Hoa', 4], ['Lan', 4], ['Hương', 5], ['Mai', 4], ['Hà', 4], ['Linh', 5], ['Trang', 5], ['Thảo', 4],
    ['Hằng', 4], ['Huyền', 4], ['Nga', 3], ['Ngọc', 3], ['Nhung', 3], ['Phương', 3], ['Quỳnh', 2], ['Thủy', 3],
    ['Thu', 2], ['Vân', 2], ['Yến', 3], ['Anh', 4], ['Chi', 2], ['Dung', 3], ['Giang', 2], ['Hạnh', 3],
    ['Hiền', 3], ['Hồng', 2], ['Liên', 2], ['Loan', 2], ['Ly', 2], ['My', 1], ['Nhàn', 1], ['Oanh', 2],
    ['Tâm', 1], ['Thanh', 2], ['Thúy', 2], ['Tuyết', 1], ['Uyên', 1], ['Vy', 1], ['Xuân', 1], ['Ngân', 2],
    ['Diệp', 1], ['Duyên', 2], ['Hòa', 1], ['Lệ', 1], ['Nhi', 1], ['Phượng', 2], ['Thư', 2], ['Hậu', 1],
    ['Ánh', 1], ['An', 0.5],
  ],
};

/** Surnames common among Hanoi's ethnic minorities (Mường in the west, Dao, Tày, Thái, Nùng, Mông). */
// biome-ignore format: a data table, kept compact
const MINORITY_SURNAMES: Record<string, readonly string[]> = {
  'Mường': ['Đinh', 'Quách', 'Bạch', 'Hà', 'Bùi', 'Xa'],
  Dao: ['Triệu', 'Bàn', 'Đặng', 'Lý'],
  'Tày': ['Hoàng', 'Nông', 'Lục', 'Ma', 'Hà'],
  'Thái': ['Lò', 'Cầm', 'Lường', 'Quàng', 'Điêu'],
  'Nùng': ['Nông', 'Hoàng', 'Lương', 'Vi'],
  'Mông': ['Giàng', 'Sùng', 'Vàng', 'Thào', 'Mùa'],
};

export const surnameTable = new WeightedTable(SURNAME_SHARES);
const middleTable = { male: new WeightedTable(MIDDLE.male), female: new WeightedTable(MIDDLE.female) };
const givenTable = { male: new WeightedTable(GIVEN.male), female: new WeightedTable(GIVEN.female) };

/** A full name in NFC: surname, one or two middle words, given name. */
export function drawName(rng: Random, sex: Sex, ethnicity = 'Kinh'): string {
  const minority = MINORITY_SURNAMES[ethnicity];
  const surname = minority && rng.chance(0.75) ? rng.pick(minority) : rng.weighted(surnameTable);
  let middle = rng.weighted(middleTable[sex]);
  const given = rng.weighted(givenTable[sex]);
  const twoMiddle = sex === 'female' ? (middle === 'Thị' ? 0.3 : 0.05) : middle === 'Văn' ? 0.02 : 0.08;
  if (rng.chance(twoMiddle)) {
    const second = rng.pick(SECOND_MIDDLE[sex]);
    if (second !== middle && second !== given) middle = `${middle} ${second}`;
  }
  if (middle.endsWith(given)) middle = sex === 'female' ? 'Thị' : 'Văn';
  return `${surname} ${middle} ${given}`.normalize('NFC');
}
