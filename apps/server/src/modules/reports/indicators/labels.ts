import type { BilingualLabel } from '@canbo/domain';
import { text } from './types';

/** Labels of the codes indicators group by, in the order report tables list them. */

export const STAFF_CATEGORIES: Record<string, BilingualLabel> = {
  cadre: text('Cán bộ', 'Cadres'),
  civil_servant: text('Công chức', 'Civil servants'),
  public_employee: text('Viên chức', 'Public employees'),
  contract_worker: text('Lao động hợp đồng', 'Contract workers'),
  commune_nonprofessional: text('Người hoạt động không chuyên trách', 'Commune non-professional staff'),
};

export const SEXES: Record<string, BilingualLabel> = {
  male: text('Nam', 'Male'),
  female: text('Nữ', 'Female'),
};

export const POLITICAL_THEORY: Record<string, BilingualLabel> = {
  bachelor: text('Cử nhân', 'Bachelor'),
  advanced: text('Cao cấp', 'Advanced'),
  intermediate: text('Trung cấp', 'Intermediate'),
  elementary: text('Sơ cấp', 'Elementary'),
  none: text('Chưa qua đào tạo', 'None'),
  unknown: text('Chưa cập nhật', 'Not recorded'),
};

export const PARTY_STATUSES: Record<string, BilingualLabel> = {
  full: text('Đảng viên chính thức', 'Full members'),
  probationary: text('Đảng viên dự bị', 'Probationary members'),
  suspended: text('Đình chỉ sinh hoạt đảng', 'Suspended'),
};

export const GRADES: Record<string, BilingualLabel> = {
  excellent: text('Hoàn thành xuất sắc nhiệm vụ', 'Excellent'),
  good: text('Hoàn thành tốt nhiệm vụ', 'Good'),
  completed: text('Hoàn thành nhiệm vụ', 'Completed'),
  notCompleted: text('Không hoàn thành nhiệm vụ', 'Not completed'),
};

export const REVIEW_SUBJECTS: Record<string, BilingualLabel> = {
  person: text('Cá nhân', 'Individuals'),
  organisation: text('Tập thể (tổ chức)', 'Collectives (organisations)'),
  leadership: text('Tập thể lãnh đạo', 'Leadership collectives'),
};

export const REVIEW_TRACKS: Record<string, BilingualLabel> = {
  state: text('Cơ quan, đơn vị', 'State'),
  party: text('Đảng', 'Party'),
};

export const CHANGE_KINDS: Record<string, BilingualLabel> = {
  merge: text('Sáp nhập', 'Merge'),
  split: text('Chia tách', 'Split'),
  dissolve: text('Giải thể', 'Dissolve'),
  move: text('Điều chuyển', 'Move'),
  create: text('Thành lập', 'Create'),
  rename: text('Đổi tên', 'Rename'),
  update: text('Cập nhật', 'Update'),
};

/**
 * Tiers from the ages at which a new one begins: [40, 51] → "Dưới 40", "Từ 40 đến 50", "Trên 50".
 * Each tier is [from, to] in whole years (to null: no upper bound).
 */
export function ageTiers(bands: readonly number[]) {
  const tiers: { code: string; from: number | null; to: number | null; label: BilingualLabel }[] = [];
  bands.forEach((b, i) => {
    if (i === 0)
      tiers.push({ code: `lt${b}`, from: null, to: b - 1, label: text(`Dưới ${b}`, `Under ${b}`) });
    const next = bands[i + 1];
    if (next === undefined)
      tiers.push({ code: `ge${b}`, from: b, to: null, label: text(`Trên ${b - 1}`, `Over ${b - 1}`) });
    else
      tiers.push({
        code: `${b}to${next - 1}`,
        from: b,
        to: next - 1,
        label: text(`Từ ${b} đến ${next - 1}`, `${b} to ${next - 1}`),
      });
  });
  return tiers;
}
