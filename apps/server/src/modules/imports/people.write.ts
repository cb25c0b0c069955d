import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import {
  breathe,
  CHUNK_ROWS,
  type Column,
  chunksOf,
  constant,
  insertStatement,
  type Statement,
  StatementQueue,
  updateStatement,
} from './bulk';
import type {
  HistoryRow,
  PeoplePlanner,
  PeopleWrites,
  PersonWrite,
  PositionChange,
  PositionInsert,
} from './people.types';
import type { Issues, ParsedRow } from './rows';

/** Writes a people import inside the caller's transaction, overlapping the checks and plan with the writes. */

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

/** The statements that write one slice's plan, in the order the foreign keys need. */
function statements(
  tenantId: string,
  actorId: string | null,
  now: Date,
  writes: PeopleWrites,
): (() => Statement)[] {
  const tenant = constant(tenantId, 'uuid');
  const at = constant(now, 'timestamptz');
  const out: (() => Statement)[] = [];
  for (const rows of chunksOf(writes.inserts)) {
    out.push(() =>
      insertStatement(
        'person',
        { tenant_id: tenant, created_at: at, updated_at: at },
        [{ name: 'id', type: 'uuid', value: (r) => r.id }, ...personColumns],
        rows,
      ),
    );
  }
  for (const rows of chunksOf(writes.updates)) {
    out.push(() => updateStatement('person', tenantId, personColumns, rows, [sql`updated_at = ${now}`]));
  }
  for (const rows of chunksOf(writes.positionChanges))
    out.push(() => updateStatement('position', tenantId, positionChangeColumns, rows));
  for (const rows of chunksOf(writes.positionInserts)) {
    out.push(() => insertStatement('position', { tenant_id: tenant, created_at: at }, positionColumns, rows));
  }
  for (const rows of chunksOf(writes.history)) {
    out.push(() =>
      insertStatement(
        'person_history',
        {
          tenant_id: tenant,
          changed_at: at,
          changed_by: constant(actorId, 'uuid'),
          source: constant('import', 'text'),
        },
        historyColumns,
        rows,
      ),
    );
  }
  return out;
}

/** Rows planned between two chances for the database's replies to be handled. */
const PLAN_STEP = 1_000;
/** Statements built ahead of the one the database runs (each up to CHUNK_ROWS rows). */
const AHEAD = 4;

export interface PeopleProgress {
  /** Rows checked and planned so far. */
  planned(rows: number): Promise<void> | void;
  /** Rows written so far. */
  written(rows: number): Promise<void> | void;
}

/**
 * Checks, plans and writes the rows in one pass inside the caller's transaction: while the database
 * writes one slice of CHUNK_ROWS rows, the next slice is checked, planned and turned into
 * statements. Once any row has an issue nothing more is sent, but every row is still checked, so
 * that the report lists every problem; the caller then rolls the transaction back, and so do the
 * slices already written. A failed statement (a record changed meanwhile, a constraint) is thrown
 * once every row is checked and only when no row has an issue: the rows' problems come first.
 */
export async function applyPeople(
  tx: Transaction<DB>,
  planner: PeoplePlanner,
  rows: readonly ParsedRow[],
  issues: Issues,
  tenantId: string,
  actorId: string | null,
  progress: PeopleProgress,
): Promise<void> {
  const queue = new StatementQueue(tx);
  try {
    await planAndWrite(queue, planner, rows, issues, tenantId, actorId, progress);
  } finally {
    await queue.abandon();
  }
}

async function planAndWrite(
  queue: StatementQueue,
  planner: PeoplePlanner,
  rows: readonly ParsedRow[],
  issues: Issues,
  tenantId: string,
  actorId: string | null,
  progress: PeopleProgress,
): Promise<void> {
  const now = new Date();
  let written = 0;
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const slice = rows.slice(start, start + CHUNK_ROWS);
    const writes: PeopleWrites[] = [];
    for (let i = 0; i < slice.length; i += PLAN_STEP) {
      writes.push(planner.plan(slice.slice(i, i + PLAN_STEP)));
      await progress.planned(start + Math.min(slice.length, i + PLAN_STEP));
      await breathe();
    }
    if (issues.list.length > 0 || queue.failed) continue;
    const merged = merge(writes);
    const built = statements(tenantId, actorId, now, merged);
    const rowsOf = merged.inserts.length + merged.updates.length;
    for (const [i, build] of built.entries()) {
      await queue.room(AHEAD);
      // The slice's records count as written with its last statement.
      const done = i === built.length - 1 ? rowsOf : 0;
      queue.add(build(), () => {
        written += done;
        return done ? progress.written(written) : undefined;
      });
      await breathe();
    }
  }
  if (issues.list.length > 0) return;
  await queue.drain();
}

function merge(parts: PeopleWrites[]): PeopleWrites {
  return {
    inserts: parts.flatMap((p) => p.inserts),
    updates: parts.flatMap((p) => p.updates),
    positionInserts: parts.flatMap((p) => p.positionInserts),
    positionChanges: parts.flatMap((p) => p.positionChanges),
    history: parts.flatMap((p) => p.history),
  };
}
