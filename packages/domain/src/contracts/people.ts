import { z } from 'zod';
import { CalendarDate } from '../formats/dates';
import { Id, PageQuery, pageOf, Version } from './common';

/**
 * People: the essentials of the cadre résumé (Mẫu 2C), party membership, positions held,
 * disciplines, awards and training courses. See docs/PEOPLE.md.
 *
 * Conventions:
 * - Dates are calendar dates 'YYYY-MM-DD'; text is stored in NFC with single spaces.
 * - In an update, a missing key leaves the field as it is and `null` clears it.
 * - Masking: `cccd` is masked ("001*******89") and `cccdMasked` is true unless the caller holds
 *   people.readSensitive over the person's unit or the record is the caller's own. Party data is then
 *   `party: null` with `partyMasked: true`; otherwise `party` is the full object and `partyMasked`
 *   is false. A masked response never says whether the hidden values are set.
 */

export const SEXES = ['male', 'female'] as const;
export const Sex = z.enum(SEXES);

/** Cán bộ, công chức, viên chức, lao động hợp đồng, người hoạt động không chuyên trách cấp xã. */
export const STAFF_CATEGORIES = [
  'cadre',
  'civil_servant',
  'public_employee',
  'contract_worker',
  'commune_nonprofessional',
] as const;
export const StaffCategory = z.enum(STAFF_CATEGORIES);
export type StaffCategory = z.infer<typeof StaffCategory>;

/** Lý luận chính trị: none, sơ cấp, trung cấp, cao cấp, cử nhân. */
export const POLITICAL_THEORY_LEVELS = [
  'none',
  'elementary',
  'intermediate',
  'advanced',
  'bachelor',
] as const;
export const PoliticalTheory = z.enum(POLITICAL_THEORY_LEVELS);

/** Đảng viên: not a member, dự bị, chính thức, đình chỉ sinh hoạt, đã ra khỏi Đảng (khai trừ, xóa tên). */
export const PARTY_STATUSES = ['none', 'probationary', 'full', 'suspended', 'removed'] as const;
export const PartyStatus = z.enum(PARTY_STATUSES);
export type PartyStatus = z.infer<typeof PartyStatus>;

export const PERSON_STATUSES = ['active', 'left', 'retired', 'deceased'] as const;
export const PersonStatus = z.enum(PERSON_STATUSES);

/** Khiển trách, cảnh cáo, cách chức, buộc thôi việc, khai trừ, hạ bậc lương / giáng chức, buộc từ chức… */
export const DISCIPLINE_FORMS = [
  'reprimand',
  'warning',
  'removal_from_post',
  'dismissal',
  'expulsion',
  'demotion',
  'forced_resignation',
] as const;
export const DisciplineForm = z.enum(DISCIPLINE_FORMS);

/** Huân chương, huy chương, danh hiệu vinh dự, bằng khen, giấy khen, cờ thi đua, danh hiệu thi đua, huy hiệu Đảng. */
export const AWARD_KINDS = [
  'order',
  'medal',
  'honorary_title',
  'certificate_of_merit',
  'commendation',
  'emulation_flag',
  'emulation_title',
  'party_badge',
  'other',
] as const;
export const AwardKind = z.enum(AWARD_KINDS);

/** Chuyên môn, lý luận chính trị, quản lý nhà nước, ngoại ngữ, tin học, quốc phòng – an ninh, khác. */
export const TRAINING_KINDS = [
  'professional',
  'political_theory',
  'state_management',
  'foreign_language',
  'it',
  'defence_security',
  'other',
] as const;
export const TrainingKind = z.enum(TRAINING_KINDS);

// ── input fields ─────────────────────────────────────────────────────────────────────

const text = (max: number) => z.string().trim().min(1).max(max);
/** Số CCCD: 12 digits (spaces typed inside are dropped); province and century checks run on the server. */
export const Cccd = z
  .string()
  .trim()
  .overwrite((s) => s.replace(/\s+/g, ''))
  .regex(/^\d{12}$/, 'must have exactly 12 digits');
/** Vietnamese phone numbers: 0 or +84 then 9–10 digits; spaces, dots, dashes and brackets are dropped. */
export const Phone = z
  .string()
  .trim()
  .overwrite((s) => s.replace(/[\s.()-]/g, ''))
  .regex(/^(?:\+84|0)\d{9,10}$/, 'must be a phone number such as 0912345678 or +84912345678');
export const PersonEmail = z.email().max(254);
/** Số hiệu cán bộ: generated ("CB" + 10 characters) when a new record does not give one. */
export const PersonCode = z
  .string()
  .trim()
  .min(1)
  .max(30)
  .regex(/^[A-Za-z0-9._/-]+$/, 'letters, digits and . _ / - only');
const CardNumber = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[A-Za-z0-9./-]+$/, 'letters, digits and . / - only');

/**
 * Party membership. Rules checked on the server (422 naming the field): a member has an admission
 * date on or after their 18th birthday; `probationary` has no full-member date; `full` has one, after
 * the admission date; `none` has no dates and no card number; no date lies in the future.
 */
export const PartyInput = z.strictObject({
  status: PartyStatus,
  admittedDate: CalendarDate.nullish(),
  fullDate: CalendarDate.nullish(),
  cardNumber: CardNumber.nullish(),
});
export type PartyInput = z.infer<typeof PartyInput>;

const personFields = {
  code: PersonCode,
  /** The unit that keeps the record (and decides who may read it). */
  unitId: Id,
  fullName: text(150),
  otherName: text(150).nullish(),
  sex: Sex,
  birthDate: CalendarDate,
  birthPlace: text(300).nullish(),
  hometown: text(300).nullish(),
  ethnicity: text(50),
  religion: text(100).nullish(),
  cccd: Cccd.nullish(),
  phone: Phone.nullish(),
  email: PersonEmail.nullish(),
  educationLevel: text(100).nullish(),
  professionalQualification: text(300).nullish(),
  politicalTheory: PoliticalTheory.nullish(),
  stateManagement: text(100).nullish(),
  foreignLanguage: text(100).nullish(),
  itLevel: text(100).nullish(),
  staffCategory: StaffCategory,
  /** Mã ngạch, e.g. "01.003". */
  salaryScale: text(20).nullish(),
  /** Bậc lương 1–20. */
  salaryStep: z.number().int().min(1).max(20).nullish(),
  salaryDate: CalendarDate.nullish(),
  status: PersonStatus,
  party: PartyInput,
};

/** New record; `code` is generated when omitted, `ethnicity` defaults to Kinh, `status` to active. */
export const CreatePersonInput = z.strictObject({
  ...personFields,
  code: personFields.code.optional(),
  ethnicity: personFields.ethnicity.optional(),
  status: personFields.status.optional(),
  party: personFields.party.optional(),
});
export type CreatePersonInput = z.infer<typeof CreatePersonInput>;

/** Changes to a record: only the keys sent change. Changing `cccd` or `party` needs people.readSensitive. */
export const UpdatePersonInput = z.strictObject({
  ...Object.fromEntries(Object.entries(personFields).map(([k, v]) => [k, v.optional()])),
  version: Version,
} as { [K in keyof typeof personFields]: z.ZodOptional<(typeof personFields)[K]> } & {
  version: typeof Version;
});
export type UpdatePersonInput = z.infer<typeof UpdatePersonInput>;

const positionFields = {
  unitId: Id,
  /** Chức danh / chức vụ as written in the decision, e.g. "Phó Chủ tịch UBND phường". */
  title: text(200),
  /** Group of similar posts (quota groups in evaluation), a short code such as "leader" or "specialist". */
  titleGroup: text(50).nullish(),
  isLeader: z.boolean(),
  /** Kiêm nhiệm: a post held besides the main one; any number may be open at once. */
  isConcurrent: z.boolean(),
  startDate: CalendarDate,
  endDate: CalendarDate.nullish(),
  decisionNumber: text(50).nullish(),
  endReason: text(300).nullish(),
};
export const CreatePositionInput = z.strictObject({
  ...positionFields,
  isLeader: positionFields.isLeader.optional(),
  isConcurrent: positionFields.isConcurrent.optional(),
});
export type CreatePositionInput = z.infer<typeof CreatePositionInput>;
export const UpdatePositionInput = z.strictObject({
  unitId: positionFields.unitId.optional(),
  title: positionFields.title.optional(),
  titleGroup: positionFields.titleGroup,
  isLeader: positionFields.isLeader.optional(),
  isConcurrent: positionFields.isConcurrent.optional(),
  startDate: positionFields.startDate.optional(),
  endDate: positionFields.endDate,
  decisionNumber: positionFields.decisionNumber,
  endReason: positionFields.endReason,
  version: Version,
});
export type UpdatePositionInput = z.infer<typeof UpdatePositionInput>;
/** Ends an open post (thôi giữ chức vụ): the end date is the first day the post is no longer held. */
export const EndPositionInput = z.strictObject({
  endDate: CalendarDate,
  endReason: text(300).nullish(),
  version: Version,
});
export type EndPositionInput = z.infer<typeof EndPositionInput>;

export const CreateDisciplineInput = z.strictObject({
  form: DisciplineForm,
  decisionNumber: text(50).nullish(),
  decisionDate: CalendarDate,
  issuer: text(200).nullish(),
  reason: text(1000).nullish(),
  /** The day the discipline stops counting; after the decision date. */
  expiryDate: CalendarDate.nullish(),
});
export type CreateDisciplineInput = z.infer<typeof CreateDisciplineInput>;
export const UpdateDisciplineInput = CreateDisciplineInput.partial().extend({ version: Version });
export type UpdateDisciplineInput = z.infer<typeof UpdateDisciplineInput>;

export const CreateAwardInput = z.strictObject({
  kind: AwardKind,
  /** e.g. "Bằng khen của Chủ tịch UBND Thành phố", "Huân chương Lao động hạng Ba". */
  title: text(300),
  decisionNumber: text(50).nullish(),
  decisionDate: CalendarDate,
  issuer: text(200).nullish(),
});
export type CreateAwardInput = z.infer<typeof CreateAwardInput>;
export const UpdateAwardInput = CreateAwardInput.partial().extend({ version: Version });
export type UpdateAwardInput = z.infer<typeof UpdateAwardInput>;

export const CreateTrainingInput = z.strictObject({
  kind: TrainingKind,
  /** Ngành học hoặc tên lớp học. */
  course: text(300),
  /** Tên trường. */
  institution: text(300).nullish(),
  startDate: CalendarDate,
  endDate: CalendarDate.nullish(),
  /** Văn bằng, chứng chỉ. */
  certificate: text(200).nullish(),
});
export type CreateTrainingInput = z.infer<typeof CreateTrainingInput>;
export const UpdateTrainingInput = CreateTrainingInput.partial().extend({ version: Version });
export type UpdateTrainingInput = z.infer<typeof UpdateTrainingInput>;

export const PersonItemParams = z.strictObject({ id: Id, itemId: Id });
/** Deleting a sub-record names the version it read: `DELETE …/:itemId?version=3`. */
export const DeleteItemQuery = z.strictObject({ version: z.coerce.number().int().min(1).max(2_147_483_647) });

// ── views ────────────────────────────────────────────────────────────────────────────

export const PartyView = z.object({
  status: PartyStatus,
  admittedDate: z.string().nullable(),
  fullDate: z.string().nullable(),
  cardNumber: z.string().nullable(),
});
export type PartyView = z.infer<typeof PartyView>;

/** What the caller may do with this record (for showing buttons; the server checks again). */
export const PersonAbilities = z.object({
  manage: z.boolean(),
  readSensitive: z.boolean(),
  isSelf: z.boolean(),
});

export const PositionView = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  title: z.string(),
  titleGroup: z.string().nullable(),
  isLeader: z.boolean(),
  isConcurrent: z.boolean(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  endReason: z.string().nullable(),
  /** Held today: started and not ended. */
  current: z.boolean(),
  version: z.number().int(),
});
export type PositionView = z.infer<typeof PositionView>;

export const DisciplineView = z.object({
  id: Id,
  form: DisciplineForm,
  decisionNumber: z.string().nullable(),
  decisionDate: z.string(),
  issuer: z.string().nullable(),
  reason: z.string().nullable(),
  expiryDate: z.string().nullable(),
  /** Decided and not expired today. */
  inForce: z.boolean(),
  version: z.number().int(),
});
export type DisciplineView = z.infer<typeof DisciplineView>;

export const AwardView = z.object({
  id: Id,
  kind: AwardKind,
  title: z.string(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string(),
  issuer: z.string().nullable(),
  version: z.number().int(),
});
export type AwardView = z.infer<typeof AwardView>;

export const TrainingView = z.object({
  id: Id,
  kind: TrainingKind,
  course: z.string(),
  institution: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  certificate: z.string().nullable(),
  version: z.number().int(),
});
export type TrainingView = z.infer<typeof TrainingView>;

const personViewFields = {
  id: Id,
  code: z.string(),
  unitId: Id,
  unitName: z.string(),
  fullName: z.string(),
  sex: Sex,
  birthDate: z.string(),
  /** Completed years today. */
  age: z.number().int(),
  ethnicity: z.string(),
  staffCategory: StaffCategory,
  status: PersonStatus,
  /** Masked as "001*******89" unless `cccdMasked` is false. */
  cccd: z.string().nullable(),
  cccdMasked: z.boolean(),
  /** Null when masked (`partyMasked` true). */
  party: PartyView.nullable(),
  partyMasked: z.boolean(),
};

export const PersonView = z.object({
  ...personViewFields,
  otherName: z.string().nullable(),
  birthPlace: z.string().nullable(),
  hometown: z.string().nullable(),
  religion: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  educationLevel: z.string().nullable(),
  professionalQualification: z.string().nullable(),
  politicalTheory: PoliticalTheory.nullable(),
  stateManagement: z.string().nullable(),
  foreignLanguage: z.string().nullable(),
  itLevel: z.string().nullable(),
  salaryScale: z.string().nullable(),
  salaryStep: z.number().int().nullable(),
  salaryDate: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PersonView = z.infer<typeof PersonView>;

/** GET /api/people/:id — the whole résumé; positions newest first, the rest by date, newest first. */
export const PersonProfile = PersonView.extend({
  positions: z.array(PositionView),
  disciplines: z.array(DisciplineView),
  awards: z.array(AwardView),
  trainings: z.array(TrainingView),
  abilities: PersonAbilities,
});
export type PersonProfile = z.infer<typeof PersonProfile>;

export const PersonListItem = z.object({
  ...personViewFields,
  /** Posts held on the list's `asOf` date (default today), leaders' posts first. */
  positions: z.array(
    z.object({
      id: Id,
      title: z.string(),
      unitName: z.string(),
      isLeader: z.boolean(),
      isConcurrent: z.boolean(),
    }),
  ),
});
export type PersonListItem = z.infer<typeof PersonListItem>;
export const PersonPage = pageOf(PersonListItem);

export const AGE_BANDS = ['under30', '30to39', '40to49', '50plus'] as const;
export const AgeBand = z.enum(AGE_BANDS);
export const PERSON_SORTS = ['name', 'birthDate', 'code', 'updatedAt'] as const;

/**
 * GET /api/people. `q`: a 12-digit number finds that CCCD exactly (only within the caller's
 * people.readSensitive scope; for anyone else it is an ordinary text query), otherwise every word of
 * `q` must occur in the unaccented, lower-case name (any order, any case, with or without
 * diacritics), or `q` equals the record code. Filters combine with AND; ages are in completed years
 * as of `asOf` (default today); `ageBand` and `ageFrom`/`ageTo` may be combined. `partyStatus` needs
 * people.readSensitive and only matches people in that scope. `status` defaults to active; `all`
 * lists every status. `sort=name` (default) is Vietnamese order by given name, then the rest.
 */
export const PersonListQuery = PageQuery.extend({
  unitId: Id.optional(),
  asOf: CalendarDate.optional(),
  staffCategory: StaffCategory.optional(),
  partyStatus: PartyStatus.optional(),
  sex: Sex.optional(),
  ethnicity: z.string().trim().min(1).max(50).optional(),
  ageBand: AgeBand.optional(),
  ageFrom: z.coerce.number().int().min(0).max(120).optional(),
  ageTo: z.coerce.number().int().min(0).max(120).optional(),
  /** Words of a title of a post held (as of `asOf`, default today), without diacritics or case. */
  position: z.string().trim().min(1).max(100).optional(),
  status: z.enum([...PERSON_STATUSES, 'all']).default('active'),
  sort: z.enum(PERSON_SORTS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
}).refine((q) => q.ageFrom === undefined || q.ageTo === undefined || q.ageFrom <= q.ageTo, {
  path: ['ageTo'],
  message: 'must not be less than ageFrom',
});
export type PersonListQuery = z.infer<typeof PersonListQuery>;

// ── history and timeline ────────────────────────────────────────────────────────────

export const HISTORY_SECTIONS = [
  'profile',
  'party',
  'position',
  'discipline',
  'award',
  'training',
  'unit',
] as const;

/**
 * One change of the record as written in person_history: the fields that changed, before and after.
 * `action` is created (before null), deleted (after null) or updated. Party changes are hidden
 * (`masked`, before and after null) and CCCD values masked for callers who may not read them.
 */
export const PersonChangeView = z.object({
  id: Id,
  at: z.string(),
  changedBy: z.object({ id: Id, name: z.string() }).nullable(),
  source: z.enum(['form', 'import', 'restructure', 'seed']),
  section: z.string(),
  action: z.enum(['created', 'updated', 'deleted']),
  /** The position, discipline, award or training row concerned. */
  itemId: Id.nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  masked: z.boolean(),
});
export type PersonChangeView = z.infer<typeof PersonChangeView>;

/**
 * The résumé timeline: dated events, oldest first (by `date`, then by kind). A position is one event
 * spanning `date`–`endDate`; party events appear only for callers who may read party data.
 */
export const TimelineEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('position'),
    date: z.string(),
    endDate: z.string().nullable(),
    position: PositionView,
  }),
  z.object({
    type: z.literal('discipline'),
    date: z.string(),
    endDate: z.string().nullable(),
    discipline: DisciplineView,
  }),
  z.object({ type: z.literal('award'), date: z.string(), endDate: z.null(), award: AwardView }),
  z.object({
    type: z.literal('training'),
    date: z.string(),
    endDate: z.string().nullable(),
    training: TrainingView,
  }),
  z.object({ type: z.literal('partyAdmitted'), date: z.string(), endDate: z.null() }),
  z.object({ type: z.literal('partyFull'), date: z.string(), endDate: z.null() }),
  z.object({ type: z.literal('change'), date: z.string(), endDate: z.null(), change: PersonChangeView }),
]);
export type TimelineEvent = z.infer<typeof TimelineEvent>;

/** GET /api/people/:id/history: career events and record changes on one timeline. */
export const PersonHistory = z.object({
  personId: Id,
  fullName: z.string(),
  events: z.array(TimelineEvent),
});
export type PersonHistory = z.infer<typeof PersonHistory>;
