import { type CreatePersonInput, nfc, type PartyInput, type UpdatePersonInput } from '@canbo/domain';
import type { PersonColumns, PersonRow } from './people.repository';

/** API field → column, for the profile section of the record (the party section is separate). */
export const PROFILE_COLUMNS = {
  code: 'code',
  fullName: 'full_name',
  otherName: 'other_name',
  sex: 'sex',
  birthDate: 'birth_date',
  birthPlace: 'birth_place',
  hometown: 'hometown',
  ethnicity: 'ethnicity',
  religion: 'religion',
  cccd: 'cccd',
  phone: 'phone',
  email: 'email',
  educationLevel: 'education_level',
  professionalQualification: 'professional_qualification',
  politicalTheory: 'political_theory',
  stateManagement: 'state_management',
  foreignLanguage: 'foreign_language',
  itLevel: 'it_level',
  staffCategory: 'staff_category',
  salaryScale: 'salary_scale',
  salaryStep: 'salary_step',
  salaryDate: 'salary_date',
  status: 'status',
} as const satisfies Record<string, keyof PersonColumns>;

export const PARTY_COLUMNS = {
  status: 'party_status',
  admittedDate: 'party_admitted_date',
  fullDate: 'party_full_date',
  cardNumber: 'party_card_number',
} as const satisfies Record<keyof PartyInput, keyof PersonColumns>;

export type ProfileField = keyof typeof PROFILE_COLUMNS;
export type PartyField = keyof typeof PARTY_COLUMNS;
export type Values = Record<string, string | number | null>;

/** Text in NFC without invisible characters and with single spaces (dates and numbers pass through). */
export function tidy<T extends Record<string, unknown>>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = typeof v === 'string' ? nfc(v) : v;
  return out as T;
}

/** The profile section of a stored record, keyed by API field. */
export function profileOf(row: PersonRow): Values {
  const out: Values = {};
  for (const [field, column] of Object.entries(PROFILE_COLUMNS))
    out[field] = row[column] as string | number | null;
  return out;
}

export function partyOf(row: PersonRow): Values {
  const out: Values = {};
  for (const [field, column] of Object.entries(PARTY_COLUMNS)) out[field] = row[column] as string | null;
  return out;
}

/** A party input as stored values: what is not given is empty (the section is replaced whole). */
export function partyValues(party: PartyInput | undefined): Values {
  return {
    status: party?.status ?? 'none',
    admittedDate: party?.admittedDate ?? null,
    fullDate: party?.fullDate ?? null,
    cardNumber: party?.cardNumber ?? null,
  };
}

/** The profile fields a new record starts with; optional ones are null when not given. */
export function newProfile(input: CreatePersonInput, code: string): Values {
  const out: Values = {};
  for (const field of Object.keys(PROFILE_COLUMNS) as ProfileField[]) {
    const value = (input as Record<string, unknown>)[field];
    out[field] = (value ?? null) as string | number | null;
  }
  out.code = code;
  out.ethnicity = input.ethnicity ?? 'Kinh';
  out.status = input.status ?? 'active';
  return out;
}

/** The profile fields an update sends (undefined = unchanged, null = cleared). */
export function profileChanges(input: UpdatePersonInput): Values {
  const out: Values = {};
  for (const field of Object.keys(PROFILE_COLUMNS) as ProfileField[]) {
    const value = (input as Record<string, unknown>)[field];
    if (value !== undefined) out[field] = value as string | number | null;
  }
  return out;
}

/** Keys whose value differs, with the before and after of each. */
export function diff(before: Values, after: Values): { before: Values; after: Values } | null {
  const b: Values = {};
  const a: Values = {};
  for (const key of Object.keys(after)) {
    if ((before[key] ?? null) !== (after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}

/** API-keyed values → columns. */
export function toColumns(profile: Values, party: Values | null): Partial<PersonColumns> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(profile)) {
    const column = PROFILE_COLUMNS[field as ProfileField];
    if (column) out[column] = value;
  }
  if (party)
    for (const [field, value] of Object.entries(party)) out[PARTY_COLUMNS[field as PartyField]] = value;
  return out as Partial<PersonColumns>;
}
