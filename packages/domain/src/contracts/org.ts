import { z } from 'zod';
import { CalendarDate } from '../formats/dates';
import { Id, PageQuery, pageOf, Version } from './common';
import { SuccessionLink, UnitCode, UnitLevel, UnitLink, UnitType, UnitVersionView } from './units';

/**
 * Restructuring (sắp xếp tổ chức bộ máy): rename, move, dissolve, merge, split. Each operation is
 * one transaction with an effective date; POST /api/org/changes/preview answers what it would touch
 * without writing. See docs/ORG.md.
 */

export const ORG_CHANGE_KINDS = ['create', 'update', 'rename', 'move', 'dissolve', 'merge', 'split'] as const;
export const OrgChangeKind = z.enum(ORG_CHANGE_KINDS);
export type OrgChangeKind = z.infer<typeof OrgChangeKind>;

/** A unit the operation changes, with the version the caller read (409 when it has moved on). */
export const UnitRef = z.strictObject({ id: Id, version: Version });
export type UnitRef = z.infer<typeof UnitRef>;

const text = (max: number) => z.string().trim().min(1).max(max);

/** A unit the operation creates (the result of a merge, a part of a split). */
export const NewUnitSpec = z.strictObject({
  code: UnitCode,
  name: text(300),
  shortName: text(100).nullish(),
  type: UnitType,
  level: UnitLevel.nullish(),
  address: text(500).nullish(),
  isPartyOrg: z.boolean().optional(),
  adminArea: text(200).nullish(),
  /** Where it goes; for a split part, the split unit's parent by default. */
  parentId: Id.optional(),
});
export type NewUnitSpec = z.infer<typeof NewUnitSpec>;

const common = {
  /** The first day the new structure is in force; not in the future, not before a unit's last change. */
  effectiveDate: CalendarDate,
  /** Số quyết định / nghị quyết, e.g. "1656/NQ-UBTVQH15"; copied onto the posts re-created. */
  decisionNumber: text(100).nullish(),
  note: text(2000).nullish(),
};

export const RenameChange = z.strictObject({
  kind: z.literal('rename'),
  ...common,
  unit: UnitRef,
  name: text(300).optional(),
  shortName: text(100).nullish(),
  code: UnitCode.optional(),
});

export const MoveChange = z.strictObject({
  kind: z.literal('move'),
  ...common,
  unit: UnitRef,
  /** The new parent; the whole subtree moves with the unit. */
  newParentId: Id,
});

export const DissolveChange = z.strictObject({
  kind: z.literal('dissolve'),
  ...common,
  unit: UnitRef,
  /** New parent of the active sub-units; required when there are any. */
  childrenTo: Id.optional(),
  /** Unit that takes over the current posts and the records kept; required when there are any. */
  peopleTo: Id.optional(),
});

/**
 * Grants (roles) held on the closed units: `keep` leaves them where they are (they then cover the
 * old unit and its history only, nothing new); `moveToSuccessor` moves them to the result.
 */
export const GrantPolicy = z.enum(['keep', 'moveToSuccessor']);

export const MergeChange = z.strictObject({
  kind: z.literal('merge'),
  ...common,
  /** The units merged (sáp nhập); they close with status "merged". */
  sources: z.array(UnitRef).min(1).max(50),
  into: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('existing'), unit: UnitRef }),
    /** parentId is required for a new result. */
    z.strictObject({ kind: z.literal('new'), unit: NewUnitSpec }),
  ]),
  grants: GrantPolicy.default('keep'),
});

const PartKey = z.string().trim().min(1).max(50);

export const SplitChange = z.strictObject({
  kind: z.literal('split'),
  ...common,
  /** The unit split (chia tách); it closes with status "split". */
  unit: UnitRef,
  parts: z
    .array(NewUnitSpec.extend({ key: PartKey }))
    .min(2)
    .max(20),
  /** Every post held in the unit on the effective date (and every later one) goes to a part. */
  positions: z.array(z.strictObject({ positionId: Id, part: PartKey })).max(20_000),
  /** Active sub-units, each to a part (or to `defaultPart`). */
  children: z
    .array(z.strictObject({ unitId: Id, part: PartKey }))
    .max(5_000)
    .default([]),
  /** Records kept by the unit of people without a post in it (others follow their main post). */
  people: z
    .array(z.strictObject({ personId: Id, part: PartKey }))
    .max(20_000)
    .default([]),
  /** Part for sub-units, records and accounts not listed; without it every one must be listed. */
  defaultPart: PartKey.optional(),
});

export const OrgChangeInput = z.discriminatedUnion('kind', [
  RenameChange,
  MoveChange,
  DissolveChange,
  MergeChange,
  SplitChange,
]);
export type OrgChangeInput = z.infer<typeof OrgChangeInput>;
export type OrgChangeInputOf<K extends OrgChangeInput['kind']> = Extract<OrgChangeInput, { kind: K }>;

export const PARTICIPANT_ROLES = [
  'subject',
  'source',
  'target',
  'created',
  'parent',
  'child',
  'receiver',
] as const;
export const ParticipantRole = z.enum(PARTICIPANT_ROLES);

/** A unit the operation touches directly; new units have an id already (assigned in the preview too). */
export const ChangeParticipant = z.object({
  unitId: Id,
  code: z.string(),
  name: z.string(),
  role: ParticipantRole,
  /** Split parts: the key given in the request. */
  key: z.string().nullable(),
});

export const OrgChangeCounts = z.object({
  unitsCreated: z.number().int(),
  unitsClosed: z.number().int(),
  unitsRenamed: z.number().int(),
  /** Units given a new parent (moved, or sub-units of a closed unit). */
  unitsReparented: z.number().int(),
  /** Units whose path changed (the reparented ones and their whole subtrees): each gets a new version. */
  unitsRepathed: z.number().int(),
  /** Posts held before the date that end on it and are re-created in the receiving unit. */
  positionsEnded: z.number().int(),
  positionsCreated: z.number().int(),
  /** Posts starting on or after the date: moved to the receiving unit as they are. */
  positionsMoved: z.number().int(),
  /** Records (person.unit_id) moved to another unit. */
  peopleMoved: z.number().int(),
  /** Accounts whose home unit moved. */
  accountsMoved: z.number().int(),
  grantsMoved: z.number().int(),
  /** Grants left on a closed unit (they keep resolving and cover nothing new). */
  grantsKept: z.number().int(),
});
export type OrgChangeCounts = z.infer<typeof OrgChangeCounts>;

/** What an operation touched (stored with the change) or would touch (preview). */
export const OrgChangeSummary = z.object({
  counts: OrgChangeCounts,
  participants: z.array(ChangeParticipant),
});
export type OrgChangeSummary = z.infer<typeof OrgChangeSummary>;

export const PositionTransferView = z.object({
  positionId: Id,
  personId: Id,
  personCode: z.string(),
  fullName: z.string(),
  title: z.string(),
  isLeader: z.boolean(),
  isConcurrent: z.boolean(),
  fromUnitId: Id,
  toUnitId: Id,
  /** 'end-and-recreate' for posts held before the date, 'move' for posts starting on or after it. */
  action: z.enum(['end-and-recreate', 'move']),
});

export const PersonMoveView = z.object({
  personId: Id,
  personCode: z.string(),
  fullName: z.string(),
  fromUnitId: Id,
  toUnitId: Id,
});

export const GrantEffectView = z.object({
  grantId: Id,
  userId: Id,
  displayName: z.string(),
  role: z.string(),
  unitId: Id,
  action: z.enum(['kept', 'moved']),
  toUnitId: Id.nullable(),
});

export const ChangeWarning = z.object({ code: z.string(), message: z.string(), messageEn: z.string() });

/** Lists are cut at this length; the counts are always complete. */
export const PREVIEW_LIST_LIMIT = 5_000;

export const OrgChangePreview = OrgChangeSummary.extend({
  kind: OrgChangeKind,
  effectiveDate: z.string(),
  positions: z.array(PositionTransferView),
  people: z.array(PersonMoveView),
  grants: z.array(GrantEffectView),
  /** Sub-units given a new parent: unit and its new parent. */
  reparented: z.array(z.object({ unitId: Id, code: z.string(), name: z.string(), newParentId: Id })),
  warnings: z.array(ChangeWarning),
  /** True when `positions` or `people` were cut at PREVIEW_LIST_LIMIT. */
  truncated: z.boolean(),
});
export type OrgChangePreview = z.infer<typeof OrgChangePreview>;

export const OrgChangeView = z.object({
  id: Id,
  kind: OrgChangeKind,
  effectiveDate: z.string(),
  decisionNumber: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.object({ id: Id, name: z.string() }).nullable(),
  summary: OrgChangeSummary,
});
export type OrgChangeView = z.infer<typeof OrgChangeView>;

export const OrgChangeDetail = OrgChangeView.extend({
  /** The request as it was applied. */
  payload: z.record(z.string(), z.unknown()),
});

export const OrgChangeListQuery = PageQuery.extend({
  /** Changes that touched this unit (directly, or by moving one of its ancestors). */
  unitId: Id.optional(),
  kind: OrgChangeKind.optional(),
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
});
export type OrgChangeListQuery = z.infer<typeof OrgChangeListQuery>;
export const OrgChangePage = pageOf(OrgChangeView);

/** GET /api/units/:id/history: the dated versions and the operations, newest last. */
export const UnitHistory = z.object({
  unit: UnitLink,
  versions: z.array(UnitVersionView),
  changes: z.array(OrgChangeView),
  predecessors: z.array(SuccessionLink),
  successors: z.array(SuccessionLink),
});
export type UnitHistory = z.infer<typeof UnitHistory>;
