import {
  type AwardView,
  type DisciplineView,
  maskCccd,
  type PartyStatus,
  type PartyView,
  type PersonListItem,
  type PersonView,
  type PositionView,
  type TrainingView,
} from '@canbo/domain';
import { ageOn } from './people.dates';
import type { PersonRow } from './people.repository';
import type { AwardRow, DisciplineRow, PositionRow, TrainingRow } from './records.repository';

/**
 * Row → API shape. Masking lives here: without `sensitive`, the CCCD is masked ("001*******89") and
 * party data is replaced by `party: null, partyMasked: true`.
 */
export function presentParty(row: PersonRow): PartyView {
  return {
    status: row.party_status as PartyStatus,
    admittedDate: row.party_admitted_date,
    fullDate: row.party_full_date,
    cardNumber: row.party_card_number,
  };
}

function sensitiveFields(row: PersonRow, sensitive: boolean) {
  return {
    cccd: row.cccd === null ? null : sensitive ? row.cccd : maskCccd(row.cccd),
    cccdMasked: !sensitive,
    party: sensitive ? presentParty(row) : null,
    partyMasked: !sensitive,
  };
}

function coreFields(row: PersonRow, today: string, sensitive: boolean) {
  return {
    id: row.id,
    code: row.code,
    unitId: row.unit_id,
    unitName: row.unit_name,
    fullName: row.full_name,
    sex: row.sex as PersonView['sex'],
    birthDate: row.birth_date,
    age: ageOn(row.birth_date, today),
    ethnicity: row.ethnicity,
    staffCategory: row.staff_category as PersonView['staffCategory'],
    status: row.status as PersonView['status'],
    ...sensitiveFields(row, sensitive),
  };
}

export function presentPerson(row: PersonRow, today: string, sensitive: boolean): PersonView {
  return {
    ...coreFields(row, today, sensitive),
    otherName: row.other_name,
    birthPlace: row.birth_place,
    hometown: row.hometown,
    religion: row.religion,
    phone: row.phone,
    email: row.email,
    educationLevel: row.education_level,
    professionalQualification: row.professional_qualification,
    politicalTheory: row.political_theory as PersonView['politicalTheory'],
    stateManagement: row.state_management,
    foreignLanguage: row.foreign_language,
    itLevel: row.it_level,
    salaryScale: row.salary_scale,
    salaryStep: row.salary_step,
    salaryDate: row.salary_date,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentListItem(
  row: PersonRow,
  positions: PositionRow[],
  today: string,
  sensitive: boolean,
): PersonListItem {
  return {
    ...coreFields(row, today, sensitive),
    positions: positions.map((p) => ({
      id: p.id,
      title: p.title,
      unitName: p.unit_name,
      isLeader: p.is_leader,
      isConcurrent: p.is_concurrent,
    })),
  };
}

export function presentPosition(row: PositionRow, today: string): PositionView {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    title: row.title,
    titleGroup: row.title_group,
    isLeader: row.is_leader,
    isConcurrent: row.is_concurrent,
    startDate: row.start_date,
    endDate: row.end_date,
    decisionNumber: row.decision_number,
    endReason: row.end_reason,
    current: row.start_date <= today && (row.end_date === null || row.end_date > today),
    version: row.version,
  };
}

export function presentDiscipline(row: DisciplineRow, today: string): DisciplineView {
  return {
    id: row.id,
    form: row.form as DisciplineView['form'],
    decisionNumber: row.decision_number,
    decisionDate: row.decision_date,
    issuer: row.issuer,
    reason: row.reason,
    expiryDate: row.expiry_date,
    inForce: row.decision_date <= today && (row.expiry_date === null || row.expiry_date > today),
    version: row.version,
  };
}

export function presentAward(row: AwardRow): AwardView {
  return {
    id: row.id,
    kind: row.kind as AwardView['kind'],
    title: row.title,
    decisionNumber: row.decision_number,
    decisionDate: row.decision_date,
    issuer: row.issuer,
    version: row.version,
  };
}

export function presentTraining(row: TrainingRow): TrainingView {
  return {
    id: row.id,
    kind: row.kind as TrainingView['kind'],
    course: row.course,
    institution: row.institution,
    startDate: row.start_date,
    endDate: row.end_date,
    certificate: row.certificate,
    version: row.version,
  };
}

/** Which sensitive fields a response shows in clear, for the audit entry of the read. */
export function revealedFields(row: PersonRow): string[] {
  const fields = row.cccd === null ? [] : ['cccd'];
  fields.push('partyStatus');
  if (row.party_admitted_date !== null) fields.push('partyAdmittedDate');
  if (row.party_full_date !== null) fields.push('partyFullDate');
  if (row.party_card_number !== null) fields.push('partyCardNumber');
  return fields;
}
