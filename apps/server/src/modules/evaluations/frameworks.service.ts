import {
  type CreateFrameworkInput,
  type CriterionNode,
  defaultFramework,
  type FrameworkListQuery,
  type FrameworkView,
  RULE_SETS,
  type RuleSet,
  ruleSetById,
  type UpdateFrameworkInput,
  validateFramework,
  withParameters,
} from '@canbo/domain';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { type Actor, assertCan, scopeOf, systemActor } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { AppContext } from '../../context';
import type { DB } from '../../db/schema';
import { Conflict, NotFound, RuleViolation } from '../../errors';
import { newId } from '../../ids';
import { todayInVietnam } from '../units/units.dates';
import { findUnitIn } from './cycles.repository';
import { type Db, evaluationAccess } from './evaluations.access';
import { presentFramework, presentRuleSet } from './frameworks.presenter';
import * as repo from './frameworks.repository';

type Parameters = Record<string, number | string | boolean>;

function ruleSetOf(id: string): RuleSet {
  const ruleSet = ruleSetById(id);
  if (!ruleSet) {
    throw new RuleViolation('UNKNOWN_RULE_SET', `Không có bộ quy tắc ${id}.`, `There is no rule set ${id}.`, [
      { path: 'ruleSetId', message: `Không có bộ quy tắc ${id}.`, messageEn: `There is no rule set ${id}.` },
    ]);
  }
  return ruleSet;
}

/** validateFramework and the parameter checks, as one 422 naming each criterion path. */
export function checkFramework(ruleSet: RuleSet, criteria: CriterionNode[], parameters: Parameters): void {
  const details = validateFramework(ruleSet, { ruleSetId: ruleSet.id, groups: criteria }).map((issue) => ({
    path: issue.path ? `criteria/${issue.path}` : 'criteria',
    message: issue.message.vi,
    messageEn: issue.message.en,
  }));
  try {
    withParameters(ruleSet, parameters);
  } catch (error) {
    const e = error as { key?: string; text?: { vi: string; en: string } };
    if (!e.key || !e.text) throw error;
    details.push({ path: `parameters.${e.key}`, message: e.text.vi, messageEn: e.text.en });
  }
  if (details.length > 0) {
    throw new RuleViolation(
      'INVALID_FRAMEWORK',
      `Khung tiêu chí chưa hợp lệ theo ${ruleSet.id}.`,
      `The criteria framework is not valid under ${ruleSet.id}.`,
      details,
    );
  }
}

function immutable(row: repo.FrameworkRow): Conflict {
  const state = row.status === 'published' ? ['đã ban hành', 'published'] : ['đã thôi áp dụng', 'retired'];
  return new Conflict(
    `Khung tiêu chí "${row.name}" (phiên bản ${row.version_no}) ${state[0]}, không sửa được. Hãy tạo phiên bản mới.`,
    `The framework "${row.name}" (version ${row.version_no}) is ${state[1]} and cannot change. Create a new version.`,
    'FRAMEWORK_IMMUTABLE',
  );
}

export function createFrameworksService(ctx: AppContext) {
  const { db, tenantId } = ctx;
  const access = (actor: Actor, dbx: Db = db) => evaluationAccess(dbx, actor, todayInVietnam());

  async function visible(dbx: Db, actor: Actor, id: string, lock = false) {
    const row = await repo.findFramework(dbx, await access(actor, dbx), id, lock);
    if (!row) throw new NotFound('framework');
    return row;
  }

  async function reload(tx: Db, id: string): Promise<FrameworkView> {
    const row = await repo.findFramework(tx, await access(systemActor(tenantId), tx), id);
    return presentFramework(row!);
  }

  return {
    ruleSets: () => RULE_SETS.map(presentRuleSet),

    async list(actor: Actor, query: z.infer<typeof FrameworkListQuery>) {
      const acc = await access(actor);
      let unitPath: string | undefined;
      if (query.unitId) {
        const unit = await findUnitIn(db, scopeOf(actor, 'units.read'), query.unitId);
        if (!unit) throw new NotFound('unit');
        unitPath = unit.path;
      }
      const { rows, total } = await repo.listFrameworks(db, acc, {
        ...(unitPath ? { unitPath } : {}),
        ...(query.ruleSetId ? { ruleSetId: query.ruleSetId } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.q ? { q: query.q } : {}),
        page: query.page,
        pageSize: query.pageSize,
      });
      return { items: rows.map(presentFramework), total, page: query.page, pageSize: query.pageSize };
    },

    async get(actor: Actor, id: string) {
      return presentFramework(await visible(db, actor, id));
    },

    async create(actor: Actor, input: z.infer<typeof CreateFrameworkInput>): Promise<FrameworkView> {
      const unit = await findUnitIn(db, scopeOf(actor, 'units.read'), input.unitId);
      if (!unit) throw new NotFound('unit');
      assertCan(actor, 'evaluations.manage', unit.path);
      const ruleSet = ruleSetOf(input.ruleSetId);
      const base = input.basedOnId ? await visible(db, actor, input.basedOnId) : null;
      if (base && base.rule_set_id !== ruleSet.id) {
        const [vi, en] = [
          `Khung gốc thuộc bộ quy tắc ${base.rule_set_id}, không phải ${ruleSet.id}.`,
          `The base framework belongs to ${base.rule_set_id}, not ${ruleSet.id}.`,
        ];
        throw new RuleViolation('RULE_SET_MISMATCH', vi, en, [
          { path: 'basedOnId', message: vi, messageEn: en },
        ]);
      }
      if (input.newVersion && !base) {
        const [vi, en] = ['Phiên bản mới cần có khung gốc.', 'A new version needs the framework it follows.'];
        throw new RuleViolation('BASE_REQUIRED', vi, en, [{ path: 'basedOnId', message: vi, messageEn: en }]);
      }
      if (input.newVersion && base && base.unit_id !== unit.id) {
        const [vi, en] = [
          'Phiên bản mới phải thuộc cùng đơn vị với khung gốc.',
          'A new version belongs to the same unit as the framework it follows.',
        ];
        throw new RuleViolation('FAMILY_UNIT', vi, en, [{ path: 'unitId', message: vi, messageEn: en }]);
      }
      const criteria = (input.criteria ??
        (base ? base.criteria : defaultFramework(ruleSet).groups)) as CriterionNode[];
      const parameters = (input.parameters ?? (base ? base.parameters : {})) as Parameters;
      checkFramework(ruleSet, criteria, parameters);
      const id = newId();
      return db.transaction().execute(async (tx) => {
        const familyId = input.newVersion && base ? base.family_id : id;
        const versionNo = input.newVersion && base ? await repo.nextVersionNo(tx, tenantId, familyId) : 1;
        const fields = {
          id,
          familyId,
          versionNo,
          ruleSetId: ruleSet.id,
          unitId: unit.id,
          name: input.name,
          criteria,
          parameters,
          basedOnId: base?.id ?? null,
          createdBy: actor.userId,
        };
        try {
          await repo.insertFramework(tx, tenantId, fields, new Date());
        } catch (error) {
          if ((error as { code?: string }).code === '23505') throw new Conflict();
          throw error;
        }
        await recordAudit(tx, actor, {
          action: 'evaluationFramework.created',
          entityType: 'eval_framework',
          entityId: id,
          unitPath: unit.path,
          after: { ...fields, criteria: undefined },
        });
        return reload(tx, id);
      });
    },

    async update(actor: Actor, id: string, input: z.infer<typeof UpdateFrameworkInput>) {
      return db.transaction().execute(async (tx) => {
        const row = await visible(tx, actor, id, true);
        assertCan(actor, 'evaluations.manage', row.unit_path);
        if (row.status !== 'draft') throw immutable(row);
        if (row.version !== input.version) throw new Conflict();
        const criteria = (input.criteria ?? row.criteria) as CriterionNode[];
        const parameters = (input.parameters ?? row.parameters) as Parameters;
        checkFramework(ruleSetOf(row.rule_set_id), criteria, parameters);
        const changes: repo.FrameworkChanges = {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.criteria ? { criteria: JSON.stringify(criteria) } : {}),
          ...(input.parameters ? { parameters: repo.jsonb(parameters) } : {}),
        };
        if (!(await repo.updateFramework(tx, tenantId, id, input.version, changes))) throw new Conflict();
        await recordAudit(tx, actor, {
          action: 'evaluationFramework.updated',
          entityType: 'eval_framework',
          entityId: id,
          unitPath: row.unit_path,
          before: { name: row.name, criteria: row.criteria, parameters: row.parameters },
          after: { name: input.name ?? row.name, criteria, parameters },
        });
        return reload(tx, id);
      });
    },

    /** Publishing freezes the version; older published versions stay, so running cycles keep theirs. */
    async publish(actor: Actor, id: string, version: number) {
      return db.transaction().execute(async (tx: Transaction<DB>) => {
        const row = await visible(tx, actor, id, true);
        assertCan(actor, 'evaluations.manage', row.unit_path);
        if (row.status !== 'draft') throw immutable(row);
        if (row.version !== version) throw new Conflict();
        checkFramework(
          ruleSetOf(row.rule_set_id),
          row.criteria as CriterionNode[],
          row.parameters as Parameters,
        );
        const changes = { status: 'published', published_at: new Date(), published_by: actor.userId };
        if (!(await repo.updateFramework(tx, tenantId, id, version, changes))) throw new Conflict();
        await recordAudit(tx, actor, {
          action: 'evaluationFramework.published',
          entityType: 'eval_framework',
          entityId: id,
          unitPath: row.unit_path,
          after: { familyId: row.family_id, versionNo: row.version_no },
        });
        return reload(tx, id);
      });
    },
  };
}

export type FrameworksService = ReturnType<typeof createFrameworksService>;
