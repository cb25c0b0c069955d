import { z } from 'zod';
import { CalendarDate } from '../formats/dates';
import { Id, PageQuery, pageOf, Version } from './common';

/**
 * Units of the political system (đơn vị, cơ quan, tổ chức) and their dated history.
 * See docs/ORG.md. Dates are calendar dates 'YYYY-MM-DD'; a period [validFrom, validTo)
 * includes its first day and excludes its last.
 */

export const UnitCode = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[A-Za-z0-9._-]+$/);

/**
 * Thành ủy/Tỉnh ủy, đảng bộ trực thuộc, đảng bộ cơ sở, chi bộ cơ sở, chi bộ trực thuộc,
 * cơ quan nhà nước, đơn vị sự nghiệp, doanh nghiệp, MTTQ và đoàn thể, xã/phường,
 * phòng/ban (a department inside a unit), other.
 */
export const UNIT_TYPES = [
  'city_party_committee',
  'affiliated_party_committee',
  'base_party_committee',
  'base_party_cell',
  'party_cell',
  'state_agency',
  'public_service_unit',
  'enterprise',
  'mass_organisation',
  'commune',
  'department',
  'other',
] as const;
export const UnitType = z.enum(UNIT_TYPES);
export type UnitType = z.infer<typeof UnitType>;

/** Cấp: trung ương, tỉnh/thành phố, huyện (before July 2025), xã/phường, cơ sở. */
export const UNIT_LEVELS = ['central', 'province', 'district', 'commune', 'base'] as const;
export const UnitLevel = z.enum(UNIT_LEVELS);
/** The level as stored: one of UNIT_LEVELS when entered here; imported data may carry other text. */
const StoredLevel = z.string().nullable();

/** A unit is active until it is dissolved, merged into another or split into several. */
export const UNIT_STATUSES = ['active', 'dissolved', 'merged', 'split'] as const;
export const UnitStatus = z.enum(UNIT_STATUSES);
export type UnitStatus = z.infer<typeof UnitStatus>;

const name = z.string().trim().min(1).max(300);
const optionalText = (max: number) => z.string().trim().min(1).max(max).nullish();

export const UnitView = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  parentId: Id.nullable(),
  /** Has sub-units (active ones; as of the date asked, for an "as of" list). */
  hasChildren: z.boolean(),
  /** Optimistic concurrency: name it in every change of this unit. */
  version: z.number().int(),
  shortName: z.string().nullable(),
  type: UnitType,
  isPartyOrg: z.boolean(),
  /** Status today; an "as of" answer gives the status on that date (always active: it existed). */
  status: UnitStatus,
  depth: z.number().int(),
  /** The unit's lifetime: the day it began and, once closed, the day it ended. */
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type UnitView = z.infer<typeof UnitView>;

export const UnitLink = z.object({ id: Id, code: z.string(), name: z.string() });
export type UnitLink = z.infer<typeof UnitLink>;

/** A predecessor or successor left by a merge or a split. */
export const SuccessionLink = UnitLink.extend({
  kind: z.enum(['merge', 'split']),
  effectiveDate: z.string(),
  changeId: Id,
});
export type SuccessionLink = z.infer<typeof SuccessionLink>;

export const UnitDetail = UnitView.extend({
  level: StoredLevel,
  address: z.string().nullable(),
  adminArea: z.string().nullable(),
  /** From the top of the tree down to the parent, with the names they had on `asOf`. */
  ancestors: z.array(UnitLink),
  predecessors: z.array(SuccessionLink),
  successors: z.array(SuccessionLink),
  /** The date the answer describes; null for today. */
  asOf: z.string().nullable(),
});
export type UnitDetail = z.infer<typeof UnitDetail>;

export const UnitListQuery = z.strictObject({
  /** Children of this unit; without it, the units at the top of the actor's scope. */
  parentId: Id.optional(),
  /** Words of the name, short name or code, without diacritics or case ("ba dinh"). */
  q: z.string().trim().max(200).optional(),
  /** The tree as it was on this date (names, parents and paths from the dated versions). */
  asOf: CalendarDate.optional(),
  /** Also list dissolved, merged and split units (today's tree only). */
  includeClosed: z.enum(['true', 'false']).optional(),
});
export type UnitListQuery = z.infer<typeof UnitListQuery>;

export const AsOfQuery = z.strictObject({ asOf: CalendarDate.optional() });

const unitAttributes = {
  shortName: optionalText(100),
  type: UnitType,
  level: UnitLevel.nullish(),
  address: optionalText(500),
  isPartyOrg: z.boolean(),
  /** Địa bàn hành chính: the administrative area the unit serves, e.g. "Phường Ba Đình, Hà Nội". */
  adminArea: optionalText(200),
};

export const CreateUnitInput = z.strictObject({
  code: UnitCode,
  name,
  parentId: Id,
  shortName: unitAttributes.shortName,
  type: unitAttributes.type.optional(),
  level: unitAttributes.level,
  address: unitAttributes.address,
  isPartyOrg: unitAttributes.isPartyOrg.optional(),
  adminArea: unitAttributes.adminArea,
  /** The day the unit begins (default today); the parent must exist on that day. */
  validFrom: CalendarDate.optional(),
});
export type CreateUnitInput = z.infer<typeof CreateUnitInput>;

/**
 * Rename or correct a unit from `effectiveDate` on (PATCH /api/units/:id). A change of name,
 * short name or code is recorded as a rename, any other as an update; both write a dated version.
 */
export const UpdateUnitInput = z
  .strictObject({
    version: Version,
    effectiveDate: CalendarDate,
    code: UnitCode.optional(),
    name: name.optional(),
    shortName: unitAttributes.shortName,
    type: unitAttributes.type.optional(),
    level: unitAttributes.level,
    address: unitAttributes.address,
    isPartyOrg: unitAttributes.isPartyOrg.optional(),
    adminArea: unitAttributes.adminArea,
    decisionNumber: optionalText(100),
    note: optionalText(2000),
  })
  .refine(
    (v) => Object.keys(v).some((k) => !['version', 'effectiveDate', 'decisionNumber', 'note'].includes(k)),
    {
      message: 'nothing to change',
      path: ['name'],
    },
  );
export type UpdateUnitInput = z.infer<typeof UpdateUnitInput>;

/** One stretch of time in which the unit's name, parent, path and attributes stayed the same. */
export const UnitVersionView = z.object({
  validFrom: z.string(),
  validTo: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  type: UnitType,
  level: StoredLevel,
  address: z.string().nullable(),
  adminArea: z.string().nullable(),
  isPartyOrg: z.boolean(),
  parentId: Id.nullable(),
  /** The parent's name in this period (from its own version on validFrom). */
  parentName: z.string().nullable(),
  depth: z.number().int(),
  /** The ancestors' names in this period, top first. */
  pathNames: z.array(z.string()),
  /** The operation that began this version (null for versions written before changes were recorded). */
  changeId: Id.nullable(),
});
export type UnitVersionView = z.infer<typeof UnitVersionView>;

/** Counts of a unit on a date (today by default), by SQL over positions and units. */
export const UnitSummary = z.object({
  unitId: Id,
  asOf: z.string(),
  childUnits: z.number().int(),
  /** Units in the subtree, the unit itself excluded. */
  subtreeUnits: z.number().int(),
  /** Posts held in the unit itself on the date (concurrent posts included). */
  positions: z.number().int(),
  leaders: z.number().int(),
  concurrent: z.number().int(),
  /** Distinct people holding a post in the unit itself. */
  people: z.number().int(),
  /** Posts held anywhere in the subtree, and the distinct people holding them. */
  positionsInSubtree: z.number().int(),
  peopleInSubtree: z.number().int(),
  /** Records kept by the unit today (person.unit_id); not dated. */
  recordsKept: z.number().int(),
});
export type UnitSummary = z.infer<typeof UnitSummary>;

export const UnitPositionsQuery = PageQuery.omit({ pageSize: true }).extend({
  pageSize: z.coerce.number().int().min(1).max(1000).default(200),
  asOf: CalendarDate.optional(),
});
export type UnitPositionsQuery = z.infer<typeof UnitPositionsQuery>;

/** A post held in the unit: what the split wizard assigns to a new unit. */
export const UnitPositionView = z.object({
  id: Id,
  personId: Id,
  personCode: z.string(),
  fullName: z.string(),
  title: z.string(),
  titleGroup: z.string().nullable(),
  isLeader: z.boolean(),
  isConcurrent: z.boolean(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  /** The person's record is kept by this unit (person.unit_id). */
  recordKeptHere: z.boolean(),
  version: z.number().int(),
});
export type UnitPositionView = z.infer<typeof UnitPositionView>;
export const UnitPositionPage = pageOf(UnitPositionView);
