import type {
  AGE_BANDS,
  AWARD_KINDS,
  DISCIPLINE_FORMS,
  PARTY_STATUSES,
  PERSON_STATUSES,
  POLITICAL_THEORY_LEVELS,
  SEXES,
  STAFF_CATEGORIES,
  TRAINING_KINDS,
  UNIT_LEVELS,
  UNIT_TYPES,
} from '@canbo/domain';

/**
 * The code lists of the shared contracts, for select boxes. They are written out here because the
 * contract modules build zod schemas when loaded, and the pages must not pull zod in for a list of
 * words; `Record<…, true>` makes the compiler refuse a list that misses a value of the contract.
 */
function listOf<K extends string>(values: Record<K, true>): K[] {
  return Object.keys(values) as K[];
}

type Of<T extends readonly string[]> = T[number];

export const UNIT_TYPE_LIST = listOf<Of<typeof UNIT_TYPES>>({
  city_party_committee: true,
  affiliated_party_committee: true,
  base_party_committee: true,
  base_party_cell: true,
  party_cell: true,
  state_agency: true,
  public_service_unit: true,
  enterprise: true,
  mass_organisation: true,
  commune: true,
  department: true,
  other: true,
});

export const UNIT_LEVEL_LIST = listOf<Of<typeof UNIT_LEVELS>>({
  central: true,
  province: true,
  district: true,
  commune: true,
  base: true,
});

export const SEX_LIST = listOf<Of<typeof SEXES>>({ male: true, female: true });

export const STAFF_CATEGORY_LIST = listOf<Of<typeof STAFF_CATEGORIES>>({
  cadre: true,
  civil_servant: true,
  public_employee: true,
  contract_worker: true,
  commune_nonprofessional: true,
});

export const POLITICAL_THEORY_LIST = listOf<Of<typeof POLITICAL_THEORY_LEVELS>>({
  none: true,
  elementary: true,
  intermediate: true,
  advanced: true,
  bachelor: true,
});

export const PARTY_STATUS_LIST = listOf<Of<typeof PARTY_STATUSES>>({
  none: true,
  probationary: true,
  full: true,
  suspended: true,
  removed: true,
});

export const PERSON_STATUS_LIST = listOf<Of<typeof PERSON_STATUSES>>({
  active: true,
  left: true,
  retired: true,
  deceased: true,
});

export const AGE_BAND_LIST = listOf<Of<typeof AGE_BANDS>>({
  under30: true,
  '30to39': true,
  '40to49': true,
  '50plus': true,
});

export const DISCIPLINE_FORM_LIST = listOf<Of<typeof DISCIPLINE_FORMS>>({
  reprimand: true,
  warning: true,
  removal_from_post: true,
  dismissal: true,
  expulsion: true,
  demotion: true,
  forced_resignation: true,
});

export const AWARD_KIND_LIST = listOf<Of<typeof AWARD_KINDS>>({
  order: true,
  medal: true,
  honorary_title: true,
  certificate_of_merit: true,
  commendation: true,
  emulation_flag: true,
  emulation_title: true,
  party_badge: true,
  other: true,
});

export const TRAINING_KIND_LIST = listOf<Of<typeof TRAINING_KINDS>>({
  professional: true,
  political_theory: true,
  state_management: true,
  foreign_language: true,
  it: true,
  defence_security: true,
  other: true,
});
