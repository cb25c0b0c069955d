import type { DesignateWeakOrgInput, UpdateWeakOrgInput, WeakOrgListQuery, WeakOrgView } from '@canbo/domain';
import type { z } from 'zod';
import { type Actor, assertCan, minimalPaths, type Scope, scopeOf } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { AppContext } from '../../context';
import { Conflict, NotFound, RuleViolation } from '../../errors';
import { newId } from '../../ids';
import { todayInVietnam } from '../units/units.dates';
import * as repo from './weak-orgs.repository';

type Status = WeakOrgView['status'];
type Measure = z.infer<typeof UpdateWeakOrgInput>['measures'][number];

/**
 * Party organisations that may be listed as weak: the base organisations (đảng bộ cơ sở, chi bộ cơ
 * sở, chi bộ trực thuộc) and any other unit marked as a party organisation, but not the committees
 * above the base level.
 */
const BASE_PARTY_TYPES = new Set(['base_party_committee', 'base_party_cell', 'party_cell']);
const ABOVE_BASE_TYPES = new Set(['city_party_committee', 'affiliated_party_committee']);

export function isBasePartyOrganisation(unit: { type: string; is_party_org: boolean }): boolean {
  if (BASE_PARTY_TYPES.has(unit.type)) return true;
  return unit.is_party_org && !ABOVE_BASE_TYPES.has(unit.type);
}

/** planned → inProgress → consolidated / notConsolidated; a result can be taken back to inProgress. */
const NEXT: Record<Status, readonly Status[]> = {
  planned: ['inProgress'],
  inProgress: ['consolidated', 'notConsolidated'],
  consolidated: ['inProgress'],
  notConsolidated: ['inProgress'],
};

const STATUS_VI: Record<Status, string> = {
  planned: 'Đã lập kế hoạch',
  inProgress: 'Đang củng cố',
  consolidated: 'Đã củng cố',
  notConsolidated: 'Chưa củng cố được',
};

const refuse = (code: string, path: string, vi: string, en: string) =>
  new RuleViolation(code, vi, en, [{ path, message: vi, messageEn: en }]);

/** Weak organisations are read with evaluations.read or evaluations.manage over their unit. */
function readScope(actor: Actor): Scope {
  const scopes = [scopeOf(actor, 'evaluations.read'), scopeOf(actor, 'evaluations.manage')];
  if (scopes.some((s) => s.paths === null)) return { tenantId: actor.tenantId, paths: null };
  return { tenantId: actor.tenantId, paths: minimalPaths(scopes.flatMap((s) => s.paths ?? [])) };
}

/** People a measure may be entrusted to: anyone whose record the caller can read. */
function peopleScope(actor: Actor): Scope {
  const scopes = [scopeOf(actor, 'people.read'), scopeOf(actor, 'people.manage')];
  if (scopes.some((s) => s.paths === null)) return { tenantId: actor.tenantId, paths: null };
  return { tenantId: actor.tenantId, paths: minimalPaths(scopes.flatMap((s) => s.paths ?? [])) };
}

function storedMeasures(value: unknown): repo.StoredMeasure[] {
  return Array.isArray(value) ? (value as repo.StoredMeasure[]) : [];
}

function present(row: repo.WeakOrgRow, names: Map<string, string>, today: string): WeakOrgView {
  const measures = storedMeasures(row.measures);
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    unitType: row.unit_type,
    year: row.year,
    reason: row.reason as WeakOrgView['reason'],
    reviewId: row.review_id,
    note: row.note,
    status: row.status as Status,
    statusNote: row.status_note,
    measures: measures.map((m) => ({
      content: m.content,
      responsiblePersonId: m.responsiblePersonId,
      responsibleName: m.responsiblePersonId ? (names.get(m.responsiblePersonId) ?? null) : null,
      deadline: m.deadline,
      doneOn: m.doneOn ?? null,
    })),
    overdue: measures.filter((m) => !m.doneOn && m.deadline < today).length,
    consolidatedOn: row.consolidated_on,
    version: row.version,
  };
}

/**
 * Weak base party organisations (docs/ANNUAL.md): the organisations of a year graded "not completed"
 * (filed by the publication of the annual review) or designated weak by an officer, each with its
 * consolidation plan — measures with a responsible person, a deadline and the day done — and its
 * status, and "consolidated X/Y" for any year and subtree.
 */
export function createWeakOrgsService(ctx: AppContext) {
  const { db, tenantId } = ctx;

  async function presentRows(rows: repo.WeakOrgRow[]): Promise<WeakOrgView[]> {
    const ids = rows.flatMap((r) => storedMeasures(r.measures).flatMap((m) => m.responsiblePersonId ?? []));
    const names = await repo.personNames(db, tenantId, ids);
    const today = todayInVietnam();
    return rows.map((r) => present(r, names, today));
  }

  async function load(actor: Actor, id: string, tx: repo.Db = db, lock = false) {
    const row = await repo.getWeakOrg(tx, readScope(actor), id, lock);
    if (!row) throw new NotFound('weak organisation');
    return row;
  }

  /** Responsible people must be readable by the caller; dates done cannot lie in the future. */
  async function checkMeasures(
    tx: repo.Db,
    actor: Actor,
    measures: readonly Measure[],
    status: Status,
    today: string,
  ) {
    const ids = [...new Set(measures.flatMap((m) => m.responsiblePersonId ?? []))];
    const found = new Set((await repo.peopleInScope(tx, peopleScope(actor), ids)).map((p) => p.id));
    measures.forEach((m, i) => {
      if (m.responsiblePersonId && !found.has(m.responsiblePersonId))
        throw refuse(
          'PERSON_OUT_OF_SCOPE',
          `measures.${i}.responsiblePersonId`,
          'Không tìm thấy người phụ trách trong phạm vi bạn quản lý.',
          'The person responsible is not among the people you manage.',
        );
      if (m.doneOn && m.doneOn > today)
        throw refuse(
          'DONE_IN_FUTURE',
          `measures.${i}.doneOn`,
          'Ngày hoàn thành không được sau ngày hôm nay.',
          'The day done cannot be after today.',
        );
    });
    if (status !== 'planned' && measures.length === 0)
      throw refuse(
        'NO_MEASURES',
        'measures',
        'Cần có ít nhất một biện pháp củng cố trước khi chuyển trạng thái.',
        'The plan needs at least one measure before its status moves on.',
      );
    if (status === 'consolidated') {
      const open = measures.findIndex((m) => !m.doneOn);
      if (open >= 0)
        throw refuse(
          'MEASURES_NOT_DONE',
          `measures.${open}.doneOn`,
          'Chỉ xác nhận đã củng cố khi mọi biện pháp đã hoàn thành.',
          'An organisation is consolidated only when every measure is done.',
        );
    }
  }

  return {
    readScope,

    async list(actor: Actor, query: z.infer<typeof WeakOrgListQuery>) {
      const { rows, total, consolidated, totalWeak } = await repo.listWeakOrgs(db, readScope(actor), query);
      return {
        items: await presentRows(rows),
        total,
        page: query.page,
        pageSize: query.pageSize,
        consolidated,
        totalWeak,
      };
    },

    async get(actor: Actor, id: string): Promise<WeakOrgView> {
      const [view] = await presentRows([await load(actor, id)]);
      return view!;
    },

    /** An officer lists a base party organisation as weak for a year (evaluations.manage over it). */
    async designate(actor: Actor, input: z.infer<typeof DesignateWeakOrgInput>): Promise<WeakOrgView> {
      const unit = await repo.unitInScope(db, scopeOf(actor, 'units.read'), input.unitId);
      if (!unit) throw new NotFound('unit');
      assertCan(actor, 'evaluations.manage', unit.path);
      if (!isBasePartyOrganisation(unit))
        throw refuse(
          'NOT_PARTY_ORGANISATION',
          'unitId',
          'Chỉ tổ chức cơ sở đảng (đảng bộ cơ sở, chi bộ cơ sở, chi bộ trực thuộc) mới được xác định là yếu kém.',
          'Only a base party organisation (base committee, base cell, affiliated cell) can be listed as weak.',
        );
      if (unit.status !== 'active')
        throw refuse(
          'UNIT_NOT_ACTIVE',
          'unitId',
          'Tổ chức này không còn hoạt động.',
          'This organisation is no longer active.',
        );
      if (await repo.existsFor(db, tenantId, unit.id, input.year))
        throw new Conflict(
          `Tổ chức này đã có trong danh sách yếu kém năm ${input.year}.`,
          `This organisation is already listed as weak for ${input.year}.`,
          'WEAK_ORG_EXISTS',
        );
      const id = newId();
      await db.transaction().execute(async (tx) => {
        await repo.insertWeakOrg(tx, {
          tenantId,
          id,
          unitId: unit.id,
          unitPath: unit.path,
          year: input.year,
          note: input.note,
          createdBy: actor.userId,
        });
        await recordAudit(tx, actor, {
          action: 'weakOrg.designated',
          entityType: 'weak_org',
          entityId: id,
          unitPath: unit.path,
          after: { unitId: unit.id, year: input.year, note: input.note },
        });
      });
      return this.get(actor, id);
    },

    /** The plan and its status, in one step: measures are replaced as a whole. */
    async update(actor: Actor, id: string, input: z.infer<typeof UpdateWeakOrgInput>): Promise<WeakOrgView> {
      const today = todayInVietnam();
      await db.transaction().execute(async (tx) => {
        const row = await load(actor, id, tx, true);
        assertCan(actor, 'evaluations.manage', row.unit_path);
        if (row.version !== input.version) throw new Conflict();
        const from = row.status as Status;
        if (input.status !== from && !NEXT[from].includes(input.status))
          throw refuse(
            'WEAK_ORG_STATUS',
            'status',
            `Không thể chuyển từ "${STATUS_VI[from]}" sang "${STATUS_VI[input.status]}".`,
            `The status cannot move from ${from} to ${input.status}.`,
          );
        await checkMeasures(tx, actor, input.measures, input.status, today);
        const measures: repo.StoredMeasure[] = input.measures.map((m) => ({
          content: m.content,
          responsiblePersonId: m.responsiblePersonId,
          deadline: m.deadline,
          doneOn: m.doneOn ?? null,
        }));
        const consolidatedOn =
          input.status === 'consolidated' ? (from === 'consolidated' ? row.consolidated_on : today) : null;
        const changes = {
          measures,
          status: input.status,
          status_note: input.statusNote ?? null,
          consolidated_on: consolidatedOn,
        };
        if (!(await repo.saveWeakOrg(tx, tenantId, id, input.version, changes))) throw new Conflict();
        await recordAudit(tx, actor, {
          action: 'weakOrg.updated',
          entityType: 'weak_org',
          entityId: id,
          unitPath: row.unit_path,
          before: {
            status: from,
            statusNote: row.status_note,
            measures: storedMeasures(row.measures),
            consolidatedOn: row.consolidated_on,
          },
          after: {
            status: input.status,
            statusNote: changes.status_note,
            measures,
            consolidatedOn,
          },
        });
      });
      return this.get(actor, id);
    },
  };
}

export type WeakOrgsService = ReturnType<typeof createWeakOrgsService>;
