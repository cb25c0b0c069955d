import type {
  PARTY_STATUSES,
  PERSON_STATUSES,
  POLITICAL_THEORY_LEVELS,
  SEXES,
  STAFF_CATEGORIES,
  UNIT_LEVELS,
  UNIT_TYPES,
} from '@canbo/domain';

/**
 * Vietnamese labels of the coded values, as officers write them in spreadsheets. The first label
 * is the one templates and exports show; the others are accepted on import (compared without
 * diacritics, case or extra spaces, like the codes themselves).
 */
export interface EnumOption {
  code: string;
  label: string;
  aliases?: readonly string[];
}

type Options<T extends readonly string[]> = { [K in T[number]]: { label: string; aliases?: string[] } };

function options<T extends readonly string[]>(table: Options<T>): EnumOption[] {
  return Object.entries(table).map(([code, v]) => ({
    code,
    ...(v as { label: string; aliases?: string[] }),
  }));
}

export const SEX_OPTIONS = options<typeof SEXES>({
  male: { label: 'Nam' },
  female: { label: 'Nữ' },
});

export const STAFF_CATEGORY_OPTIONS = options<typeof STAFF_CATEGORIES>({
  cadre: { label: 'Cán bộ', aliases: ['CB'] },
  civil_servant: { label: 'Công chức', aliases: ['CC'] },
  public_employee: { label: 'Viên chức', aliases: ['VC'] },
  contract_worker: { label: 'Lao động hợp đồng', aliases: ['Hợp đồng', 'HĐ', 'Hợp đồng lao động'] },
  commune_nonprofessional: {
    label: 'Người hoạt động không chuyên trách cấp xã',
    aliases: ['Không chuyên trách', 'Người hoạt động không chuyên trách'],
  },
});

export const POLITICAL_THEORY_OPTIONS = options<typeof POLITICAL_THEORY_LEVELS>({
  none: { label: 'Chưa qua đào tạo', aliases: ['Không', 'Chưa có'] },
  elementary: { label: 'Sơ cấp' },
  intermediate: { label: 'Trung cấp' },
  advanced: { label: 'Cao cấp' },
  bachelor: { label: 'Cử nhân' },
});

export const PARTY_STATUS_OPTIONS = options<typeof PARTY_STATUSES>({
  none: { label: 'Không phải đảng viên', aliases: ['Không', 'Chưa vào Đảng', 'Quần chúng'] },
  probationary: { label: 'Dự bị', aliases: ['Đảng viên dự bị'] },
  full: { label: 'Chính thức', aliases: ['Đảng viên chính thức'] },
  suspended: { label: 'Đình chỉ sinh hoạt', aliases: ['Đình chỉ'] },
  removed: { label: 'Đã ra khỏi Đảng', aliases: ['Ra khỏi Đảng', 'Khai trừ', 'Xóa tên'] },
});

export const PERSON_STATUS_OPTIONS = options<typeof PERSON_STATUSES>({
  active: { label: 'Đang công tác' },
  left: {
    label: 'Đã nghỉ việc, chuyển công tác',
    aliases: ['Nghỉ việc', 'Chuyển công tác', 'Đã chuyển công tác'],
  },
  retired: { label: 'Nghỉ hưu', aliases: ['Đã nghỉ hưu'] },
  deceased: { label: 'Từ trần', aliases: ['Đã mất'] },
});

export const UNIT_TYPE_OPTIONS = options<typeof UNIT_TYPES>({
  city_party_committee: { label: 'Thành ủy, Tỉnh ủy', aliases: ['Thành ủy', 'Tỉnh ủy'] },
  affiliated_party_committee: { label: 'Đảng bộ trực thuộc', aliases: ['Đảng bộ trực thuộc Thành ủy'] },
  base_party_committee: { label: 'Đảng bộ cơ sở' },
  base_party_cell: { label: 'Chi bộ cơ sở' },
  party_cell: { label: 'Chi bộ trực thuộc', aliases: ['Chi bộ'] },
  state_agency: { label: 'Cơ quan nhà nước', aliases: ['Cơ quan hành chính', 'Sở, ngành'] },
  public_service_unit: { label: 'Đơn vị sự nghiệp công lập', aliases: ['Đơn vị sự nghiệp'] },
  enterprise: { label: 'Doanh nghiệp' },
  mass_organisation: {
    label: 'Mặt trận Tổ quốc, đoàn thể',
    aliases: ['Mặt trận Tổ quốc', 'Đoàn thể', 'Tổ chức chính trị - xã hội'],
  },
  commune: { label: 'Xã, phường, đặc khu', aliases: ['Xã', 'Phường', 'Xã, phường'] },
  department: { label: 'Phòng, ban', aliases: ['Phòng', 'Ban'] },
  other: { label: 'Khác' },
});

export const UNIT_LEVEL_OPTIONS = options<typeof UNIT_LEVELS>({
  central: { label: 'Trung ương' },
  province: { label: 'Tỉnh, thành phố', aliases: ['Tỉnh', 'Thành phố', 'Cấp tỉnh'] },
  district: { label: 'Huyện (trước 7/2025)', aliases: ['Huyện', 'Quận', 'Cấp huyện'] },
  commune: { label: 'Xã, phường', aliases: ['Xã', 'Phường', 'Cấp xã'] },
  base: { label: 'Cơ sở', aliases: ['Cấp cơ sở'] },
});

export const YES_NO_OPTIONS: EnumOption[] = [
  { code: 'true', label: 'Có', aliases: ['x', '1', 'Đúng', 'Yes', 'True', 'C'] },
  { code: 'false', label: 'Không', aliases: ['0', 'Sai', 'No', 'False', 'K'] },
];

/** The label shown for a code (the code itself when it has none). */
export function labelOf(list: readonly EnumOption[], code: string | null | undefined): string {
  if (code === null || code === undefined) return '';
  return list.find((o) => o.code === code)?.label ?? code;
}
