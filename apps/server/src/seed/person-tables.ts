import { BIRTH_PROVINCES } from './catalog';
import type { Profile, StaffCategory, TitleGroup } from './profiles';
import { WeightedTable } from './random';

/** Shares of the people's attributes (weights; a table's shares sum to its total). */

export const GENERAL_ETHNICITY = new WeightedTable<string>([
  ['Kinh', 985],
  ['Mường', 6],
  ['Tày', 3.5],
  ['Thái', 2],
  ['Nùng', 1.5],
  ['Dao', 1],
  ['Mông', 0.5],
  ['Hoa', 0.5],
]);
export const MINORITY_ETHNICITY = new WeightedTable<string>([
  ['Kinh', 50],
  ['Mường', 38],
  ['Dao', 7],
  ['Tày', 2],
  ['Thái', 2],
  ['Nùng', 1],
]);
export const RELIGION = new WeightedTable<string>([
  ['Không', 85],
  ['Phật giáo', 9],
  ['Công giáo', 5.4],
  ['Tin lành', 0.6],
]);
export const BIRTH = new WeightedTable(BIRTH_PROVINCES);
export const LANGUAGE = new WeightedTable<string | null>([
  ['Tiếng Anh B1', 40],
  ['Tiếng Anh B2', 15],
  ['Tiếng Anh C1', 3],
  ['Tiếng Pháp B1', 2],
  ['Tiếng Trung B1', 1],
  [null, 39],
]);
export const IT = new WeightedTable<string | null>([
  ['Ứng dụng công nghệ thông tin cơ bản', 60],
  ['Ứng dụng công nghệ thông tin nâng cao', 15],
  [null, 25],
]);
export const PHONE_PREFIXES = [
  '091',
  '094',
  '088',
  '098',
  '097',
  '096',
  '086',
  '090',
  '093',
  '089',
  '070',
  '079',
  '077',
  '083',
  '084',
  '085',
  '081',
  '032',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '039',
];

export type Theory = 'none' | 'elementary' | 'intermediate' | 'advanced' | 'bachelor';
export const THEORY: Record<'leader' | 'deputy', Record<Profile['level'], WeightedTable<Theory>>> = {
  leader: {
    city: new WeightedTable<Theory>([
      ['advanced', 70],
      ['bachelor', 10],
      ['intermediate', 20],
    ]),
    commune: new WeightedTable<Theory>([
      ['advanced', 35],
      ['intermediate', 60],
      ['bachelor', 5],
    ]),
    base: new WeightedTable<Theory>([
      ['intermediate', 55],
      ['advanced', 25],
      ['elementary', 20],
    ]),
  },
  deputy: {
    city: new WeightedTable<Theory>([
      ['advanced', 45],
      ['intermediate', 50],
      ['bachelor', 5],
    ]),
    commune: new WeightedTable<Theory>([
      ['intermediate', 75],
      ['advanced', 15],
      ['elementary', 10],
    ]),
    base: new WeightedTable<Theory>([
      ['intermediate', 45],
      ['elementary', 45],
      ['advanced', 10],
    ]),
  },
};
export const MEMBER_THEORY = new WeightedTable<Theory>([
  ['elementary', 55],
  ['intermediate', 35],
  ['advanced', 5],
  ['bachelor', 5],
]);

/** Probability of party membership by post and staff category. */
export const PARTY_SHARE: Record<TitleGroup, Record<StaffCategory, number>> = {
  leader: {
    cadre: 0.99,
    civil_servant: 0.98,
    public_employee: 0.97,
    contract_worker: 0.9,
    commune_nonprofessional: 1,
  },
  deputy: {
    cadre: 0.97,
    civil_servant: 0.93,
    public_employee: 0.9,
    contract_worker: 0.75,
    commune_nonprofessional: 1,
  },
  specialist: {
    cadre: 0.7,
    civil_servant: 0.42,
    public_employee: 0.33,
    contract_worker: 0.12,
    commune_nonprofessional: 1,
  },
  staff: {
    cadre: 0.25,
    civil_servant: 0.2,
    public_employee: 0.15,
    contract_worker: 0.05,
    commune_nonprofessional: 1,
  },
};
