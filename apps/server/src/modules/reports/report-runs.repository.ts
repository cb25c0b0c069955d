import type { Scope } from '../../access/actor';
import { inScope } from '../../access/scope-sql';
import type { Db } from './reports.repository';

/** SQL of report templates and runs. Every read that starts from an id takes the caller's scope. */

const TEMPLATE_COLUMNS = [
  't.id',
  't.unit_id',
  't.name',
  't.kind',
  't.sections',
  't.version',
  't.updated_at',
  'u.name as unit_name',
  'u.path as unit_path',
] as const;

function templates(db: Db, scope: Scope) {
  return db
    .selectFrom('report_template as t')
    .innerJoin('org_unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 't.tenant_id').onRef('u.id', '=', 't.unit_id'),
    )
    .where('t.tenant_id', '=', scope.tenantId)
    .where('t.deleted_at', 'is', null)
    .where(inScope(scope, 'u.path'));
}

export function getTemplate(db: Db, scope: Scope, id: string, lock = false) {
  const q = templates(db, scope).select(TEMPLATE_COLUMNS).where('t.id', '=', id);
  return (lock ? q.forUpdate('t') : q).executeTakeFirst();
}
export type TemplateRow = NonNullable<Awaited<ReturnType<typeof getTemplate>>>;

export function listTemplates(db: Db, scope: Scope, unitPath?: string) {
  let q = templates(db, scope).select(TEMPLATE_COLUMNS);
  if (unitPath) q = q.where(inScope({ tenantId: scope.tenantId, paths: [unitPath] }, 'u.path'));
  return q.orderBy('t.name').orderBy('t.id').limit(200).execute();
}

const RUN_COLUMNS = [
  'r.id',
  'r.template_id',
  'r.template_name',
  'r.kind',
  'r.template',
  'r.unit_id',
  'r.period_from',
  'r.period_to',
  'r.as_of',
  'r.document_number',
  'r.place',
  'r.issue_date',
  'r.state',
  'r.sections_done',
  'r.sections_total',
  'r.job_id',
  'r.error',
  'r.data_read_at',
  'r.rule_sets',
  'r.docx_file_id',
  'r.xlsx_file_id',
  'r.pdf_file_id',
  'r.created_at',
  'r.finished_at',
  'r.created_by',
  'u.name as unit_name',
  'u.path as unit_path',
  'cu.display_name as created_by_name',
] as const;

function runs(db: Db, scope: Scope) {
  return db
    .selectFrom('report_run as r')
    .innerJoin('org_unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 'r.tenant_id').onRef('u.id', '=', 'r.unit_id'),
    )
    .leftJoin('app_user as cu', (j) =>
      j.onRef('cu.tenant_id', '=', 'r.tenant_id').onRef('cu.id', '=', 'r.created_by'),
    )
    .where('r.tenant_id', '=', scope.tenantId)
    .where(inScope(scope, 'u.path'));
}

export function getRun(db: Db, scope: Scope, id: string) {
  return runs(db, scope).select(RUN_COLUMNS).where('r.id', '=', id).executeTakeFirst();
}
export type RunRow = NonNullable<Awaited<ReturnType<typeof getRun>>>;

export function runData(db: Db, tenantId: string, id: string) {
  return db
    .selectFrom('report_run')
    .select('data')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listRuns(
  db: Db,
  scope: Scope,
  filter: { unitPath?: string; state?: string; page: number; pageSize: number },
) {
  let q = runs(db, scope);
  if (filter.unitPath) q = q.where(inScope({ tenantId: scope.tenantId, paths: [filter.unitPath] }, 'u.path'));
  if (filter.state) q = q.where('r.state', '=', filter.state);
  const [items, count] = await Promise.all([
    q
      .select(RUN_COLUMNS)
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
