import {
  checkCccdAgainstPerson,
  type PartyStatus,
  type PersonProfile,
  type UpdatePersonInput,
  validateCccd,
} from '@canbo/domain';
import type { Dayjs } from 'dayjs';
import { fromIsoDate, todayInVietnam, toIsoDate } from '../../components/dates';

/** The sections of the résumé that have their own edit form. */
export type PersonSection = 'identity' | 'employment' | 'qualifications';

export const SECTION_FIELDS = {
  identity: [
    'fullName',
    'otherName',
    'sex',
    'birthDate',
    'birthPlace',
    'hometown',
    'ethnicity',
    'religion',
    'cccd',
    'phone',
    'email',
  ],
  employment: ['code', 'unitId', 'staffCategory', 'status', 'salaryScale', 'salaryStep', 'salaryDate'],
  qualifications: [
    'educationLevel',
    'professionalQualification',
    'politicalTheory',
    'stateManagement',
    'foreignLanguage',
    'itLevel',
  ],
} as const satisfies Record<PersonSection, readonly string[]>;

export type PersonField = (typeof SECTION_FIELDS)[PersonSection][number];
const DATE_FIELDS = new Set<string>(['birthDate', 'salaryDate']);

/** Form values: dates as pickers, empty text as undefined. */
export type PersonFormValues = Partial<Record<PersonField, string | number | Dayjs | undefined>> & {
  party?: PartyFormValues;
};

export interface PartyFormValues {
  status: PartyStatus;
  admittedDate?: Dayjs;
  fullDate?: Dayjs;
  cardNumber?: string;
}

export function toFormValues(p: PersonProfile, fields: readonly PersonField[]): PersonFormValues {
  const out: PersonFormValues = {};
  for (const f of fields) {
    const v = (p as unknown as Record<string, unknown>)[f];
    if (DATE_FIELDS.has(f)) out[f] = fromIsoDate(v as string | null);
    else out[f] = v === null || v === undefined ? undefined : (v as string | number);
  }
  // A masked number is not a value to edit: the field starts empty and stays unchanged unless typed.
  if (fields.includes('cccd') && p.cccdMasked) out.cccd = undefined;
  return out;
}

function apiValue(field: string, v: unknown): unknown {
  if (DATE_FIELDS.has(field)) return toIsoDate(v as Dayjs | undefined) ?? null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  return v ?? null;
}

/** The fields that differ from the record, in API form; a cleared field is sent as null. */
export function changedFields(
  p: PersonProfile,
  values: PersonFormValues,
  fields: readonly PersonField[],
): Partial<UpdatePersonInput> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (!(f in values)) continue;
    if (f === 'cccd' && p.cccdMasked && !values.cccd) continue;
    const next = apiValue(f, values[f]);
    const current = (p as unknown as Record<string, unknown>)[f] ?? null;
    if (next !== current) out[f] = next;
  }
  return out as Partial<UpdatePersonInput>;
}

/** The whole form in API form, for a new record (empty fields left out). */
export function createValues(values: PersonFormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [f, v] of Object.entries(values)) {
    if (f === 'party') continue;
    const value = apiValue(f, v);
    if (value !== null && value !== undefined) out[f] = value;
  }
  if (values.party) out.party = partyInput(values.party);
  return out;
}

export function partyInput(v: PartyFormValues) {
  return {
    status: v.status,
    admittedDate: toIsoDate(v.admittedDate) ?? null,
    fullDate: toIsoDate(v.fullDate) ?? null,
    cardNumber: v.cardNumber?.trim() || null,
  };
}

// ── client-side rules, the same as the server's (it checks again) ────────────────────

/** Vietnamese phone numbers: 0 or +84, then 9–10 digits; spaces, dots, dashes and brackets ignored. */
export function isPhone(value: string): boolean {
  return /^(?:\+84|0)\d{9,10}$/.test(value.replace(/[\s.()-]/g, ''));
}

export const PERSON_CODE_PATTERN = /^[A-Za-z0-9._/-]+$/;
export const CARD_NUMBER_PATTERN = /^[A-Za-z0-9./-]+$/;

/** Messages of every CCCD rule the number breaks, in the UI language (the same checks as the server). */
export function cccdProblems(
  value: string,
  person: { sex?: 'male' | 'female'; birthDate?: Dayjs },
  english: boolean,
): string[] {
  const year = Number(todayInVietnam().slice(0, 4));
  const failures = [
    ...validateCccd(value, { asOfYear: year }),
    ...checkCccdAgainstPerson(
      value,
      { sex: person.sex ?? null, birthYear: person.birthDate?.isValid() ? person.birthDate.year() : null },
      { asOfYear: year },
    ),
  ];
  return failures.map((f) => (english ? f.en : f.vi));
}

/** Party membership consistency (the server's rules); messages keyed by the field they concern. */
export type PartyProblem =
  | 'partyRules.noneHasData'
  | 'partyRules.admittedRequired'
  | 'partyRules.admittedAge'
  | 'partyRules.probationaryNoFull'
  | 'partyRules.fullRequired'
  | 'partyRules.fullAfterAdmitted'
  | 'validation.notFuture';

export function partyProblems(
  v: PartyFormValues,
  birthDate: string | null,
): Partial<Record<keyof PartyFormValues, PartyProblem>> {
  const out: Partial<Record<keyof PartyFormValues, PartyProblem>> = {};
  const admitted = toIsoDate(v.admittedDate);
  const full = toIsoDate(v.fullDate);
  const today = todayInVietnam();
  if (v.status === 'none') {
    if (admitted || full || v.cardNumber?.trim()) out.status = 'partyRules.noneHasData';
    return out;
  }
  if (!admitted) out.admittedDate = 'partyRules.admittedRequired';
  else if (admitted > today) out.admittedDate = 'validation.notFuture';
  else if (birthDate && admitted < `${Number(birthDate.slice(0, 4)) + 18}${birthDate.slice(4)}`)
    out.admittedDate = 'partyRules.admittedAge';
  if (v.status === 'probationary' && full) out.fullDate = 'partyRules.probationaryNoFull';
  if (v.status === 'full' && !full) out.fullDate = 'partyRules.fullRequired';
  if (full && admitted && full <= admitted) out.fullDate = 'partyRules.fullAfterAdmitted';
  if (full && full > today) out.fullDate = 'validation.notFuture';
  return out;
}
