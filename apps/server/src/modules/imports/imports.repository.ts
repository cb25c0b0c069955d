import { type Kysely, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import type { Scope } from '../../access/actor';
import { inScope } from '../../access/scope-sql';
import type { DB, ImportRunTable } from '../../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

/** import_run without the file. */
export type RunRow = Omit<Selectable<ImportRunTable>, 'file'> & { created_by_name: string | null };

export interface NewRun {
  tenantId: string;
  id: string;
  kind: string;
  fileName: string;
  fileHash: string;
  sheet: string;
  status: 'queued' | 'validating';
  totalRows: number;
  file: Buffer | null;
  createdBy: string | null;
}

export function insertRun(db: Db, run: NewRun) {
  return db
    .insertInto('import_run')
    .values({
      tenant_id: run.tenantId,
      id: run.id,
      kind: run.kind,
      file_name: run.fileName,
      file_hash: run.fileHash,
      sheet: run.sheet,
      status: run.status,
      total_rows: run.totalRows,
      file: run.file,
      created_by: run.createdBy,
      created_at: new Date(),
    })
    .execute();
}

export async function updateRun(
  db: Db,
  tenantId: string,
  id: string,
  set: Updateable<ImportRunTable>,
): Promise<void> {
  await db
    .updateTable('import_run')
    .set(set)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

function runs(db: Db, tenantId: string) {
  return db
    .selectFrom('import_run as r')
    .leftJoin('app_user as a', (j) =>
      j.onRef('a.tenant_id', '=', 'r.tenant_id').onRef('a.id', '=', 'r.created_by'),
    )
    .select([
      'r.tenant_id',
      'r.id',
      'r.kind',
      'r.file_name',
      'r.file_hash',
      'r.sheet',
      'r.status',
      'r.total_rows',
      'r.done_rows',
      'r.created',
      'r.updated',
      'r.unchanged',
      'r.errors',
      'r.error_count',
      'r.message',
      'r.message_en',
      'r.unit_path',
      'r.created_by',
      'r.created_at',
      'r.finished_at',
      'a.display_name as created_by_name',
    ])
    .where('r.tenant_id', '=', tenantId);
}

/** A run the reader may see: their own, or one that wrote to units in `scope` (imports.run). */
function visible(userId: string | null, scope: Scope) {
  if (scope.paths === null) return sql<boolean>`true`;
  return sql<boolean>`(${userId === null ? sql`false` : sql`r.created_by = ${userId}`} OR (r.unit_path IS NOT NULL AND ${inScope(scope, 'r.unit_path')}))`;
}

export function findRun(
  db: Db,
  tenantId: string,
  id: string,
  reader: { userId: string | null; scope: Scope },
) {
  return runs(db, tenantId)
    .where('r.id', '=', id)
    .where(visible(reader.userId, reader.scope))
    .executeTakeFirst() as Promise<RunRow | undefined>;
}

export async function listRuns(
  db: Db,
  tenantId: string,
  reader: { userId: string | null; scope: Scope },
  page: number,
  pageSize: number,
) {
  const where = visible(reader.userId, reader.scope);
  const [items, count] = await Promise.all([
    runs(db, tenantId)
      .where(where)
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db
      .selectFrom('import_run as r')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('r.tenant_id', '=', tenantId)
      .where(where)
      .executeTakeFirstOrThrow(),
  ]);
  return { items: items as RunRow[], total: Number(count.n) };
}

export async function runFile(db: Db, tenantId: string, id: string): Promise<Buffer | null> {
  const row = await db
    .selectFrom('import_run')
    .select('file')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.file ?? null;
}
