import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { type Column, constant, insertRows, updateRows } from './bulk';
import type { HistoryRow, PeoplePlan, PersonWrite, PositionChange, PositionInsert } from './people.types';

/** Writes a people plan inside the caller's transaction; `progress` hears how many rows are written. */

const DATE_COLUMNS = new Set(['birth_date', 'salary_date', 'party_admitted_date', 'party_full_date']);

const PERSON_COLUMN_NAMES = [
  'code',
  'unit_id',
  'full_name',
  'other_name',
  'sex',
  'birth_date',
  'birth_place',
  'hometown',
  'ethnicity',
  'religion',
  'cccd',
  'phone',
  'email',
  'education_level',
  'professional_qualification',
  'political_theory',
  'state_management',
  'foreign_language',
  'it_level',
  'staff_category',
  'salary_scale',
  'salary_step',
  'salary_date',
  'party_status',
  'party_admitted_date',
  'party_full_date',
  'party_card_number',
  'search_key',
  'sort_key',
  'status',
] as const;

const personColumns: Column<PersonWrite>[] = PERSON_COLUMN_NAMES.map((name) => ({
  name,
  type:
    name === 'unit_id' ? 'uuid' : name === 'salary_step' ? 'int' : DATE_COLUMNS.has(name) ? 'date' : 'text',
  value: (row) => row.columns[name] ?? null,
}));

const historyColumns: Column<HistoryRow>[] = [
  { name: 'id', type: 'uuid', value: (h) => h.id },
  { name: 'person_id', type: 'uuid', value: (h) => h.personId },
  { name: 'section', type: 'text', value: (h) => h.section },
  { name: 'before', type: 'jsonb', value: (h) => h.before },
  { name: 'after', type: 'jsonb', value: (h) => h.after },
];

const positionColumns: Column<PositionInsert>[] = [
  { name: 'id', type: 'uuid', value: (p) => p.id },
  { name: 'person_id', type: 'uuid', value: (p) => p.personId },
  { name: 'unit_id', type: 'uuid', value: (p) => p.unitId },
  { name: 'title', type: 'text', value: (p) => p.title },
  { name: 'is_leader', type: 'bool', value: (p) => p.isLeader },
  { name: 'is_concurrent', type: 'bool', value: (p) => p.isConcurrent },
  { name: 'start_date', type: 'date', value: (p) => p.startDate },
  { name: 'decision_number', type: 'text', value: (p) => p.decisionNumber },
];

const positionChangeColumns: Column<PositionChange>[] = [
  { name: 'start_date', type: 'date', value: (p) => p.startDate },
  { name: 'end_date', type: 'date', value: (p) => p.endDate },
  { name: 'is_leader', type: 'bool', value: (p) => p.isLeader },
  { name: 'decision_number', type: 'text', value: (p) => p.decisionNumber },
  { name: 'end_reason', type: 'text', value: (p) => p.endReason },
];

export async function writePeople(
  tx: Transaction<DB>,
  tenantId: string,
  actorId: string | null,
  plan: PeoplePlan,
  progress: (written: number) => Promise<void> | void,
): Promise<void> {
  const now = new Date();
  const tenant = constant(tenantId, 'uuid');
  const at = constant(now, 'timestamptz');
  await insertRows(
    tx,
    'person',
    { tenant_id: tenant, created_at: at, updated_at: at },
    [{ name: 'id', type: 'uuid', value: (r) => r.id }, ...personColumns],
    plan.inserts,
    progress,
  );
  const inserted = plan.inserts.length;
  for (let i = 0; i < plan.updates.length; i += 5_000) {
    await updateRows(tx, 'person', tenantId, personColumns, plan.updates.slice(i, i + 5_000), [
      sql`updated_at = ${now}`,
    ]);
    await progress(inserted + Math.min(plan.updates.length, i + 5_000));
  }
  await updateRows(tx, 'position', tenantId, positionChangeColumns, plan.positionChanges);
  await insertRows(
    tx,
    'position',
    { tenant_id: tenant, created_at: at },
    positionColumns,
    plan.positionInserts,
  );
  await insertRows(
    tx,
    'person_history',
    {
      tenant_id: tenant,
      changed_at: at,
      changed_by: constant(actorId, 'uuid'),
      source: constant('import', 'text'),
    },
    historyColumns,
    plan.history,
  );
}
