import { type RawBuilder, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { Conflict } from '../../errors';

/**
 * Set-based writes for imports: each statement carries one array per column and unnests them
 * (`INSERT … SELECT FROM unnest($1::uuid[], $2::text[], …)`), so 5,000 rows cost one statement with
 * a handful of parameters instead of 5,000 statements or 150,000 bind parameters.
 *
 * The arrays are sent as array literals built here, the next chunk's while the database writes the
 * current one: turning 5,000 rows into text is a good part of an import's time on the Node thread,
 * and this way it overlaps the database's own work instead of following it.
 */

export type PgType = 'uuid' | 'text' | 'date' | 'int' | 'bool' | 'jsonb';

export interface Column<T> {
  name: string;
  type: PgType;
  value(row: T): unknown;
}

export const CHUNK_ROWS = 5_000;

/** One element of an array literal, as node-postgres would write it: NULL, or quoted and escaped. */
function element(value: unknown, type: PgType): string {
  if (value === null || value === undefined) return 'NULL';
  const text =
    type === 'jsonb' ? JSON.stringify(value) : value instanceof Date ? value.toISOString() : String(value);
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Each column of `rows` as one array literal ('{"a",NULL,…}'), cast to its type in the statement. */
function arrays<T>(columns: readonly Column<T>[], rows: readonly T[]): RawBuilder<unknown>[] {
  return columns.map((c) => {
    const literal = `{${rows.map((r) => element(c.value(r), c.type)).join(',')}}`;
    return sql`${literal}::${sql.raw(c.type)}[]`;
  });
}

/**
 * Runs `statement` for each chunk of `rows`, in order, building the next chunk's arrays while the
 * database runs the current one (the yield lets the query reach the socket first).
 */
async function chunked<T>(
  rows: readonly T[],
  build: (chunk: readonly T[]) => RawBuilder<unknown>[],
  statement: (arrays: RawBuilder<unknown>[], chunk: readonly T[]) => Promise<void>,
): Promise<void> {
  const chunkAt = (i: number) => rows.slice(i, i + CHUNK_ROWS);
  let chunk = chunkAt(0);
  let built = chunk.length ? build(chunk) : [];
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    const running = statement(built, chunk);
    running.catch(() => {}); // handled by the await below; keeps a failure meanwhile from going unhandled
    const next = chunkAt(i + CHUNK_ROWS);
    if (next.length) {
      await new Promise((resolve) => setImmediate(resolve));
      built = build(next);
    }
    await running;
    chunk = next;
  }
}

const ident = (name: string) => sql.ref(name);

/** A value the same on every row, cast to its column's type. */
export function constant(value: unknown, type: PgType | 'timestamptz'): RawBuilder<unknown> {
  return sql`${value}::${sql.raw(type)}`;
}

/** Inserts rows with `constants` (tenant_id, timestamps…) the same on every row. */
export async function insertRows<T>(
  tx: Transaction<DB>,
  table: keyof DB,
  constants: Record<string, RawBuilder<unknown>>,
  columns: readonly Column<T>[],
  rows: readonly T[],
  afterChunk?: (written: number) => Promise<void> | void,
): Promise<void> {
  const names = [...Object.keys(constants), ...columns.map((c) => c.name)].map(ident);
  const fixed = Object.values(constants);
  let written = 0;
  await chunked(
    rows,
    (chunk) => arrays(columns, chunk),
    async (built, chunk) => {
      await sql`INSERT INTO ${sql.table(table)} (${sql.join(names)})
        SELECT ${sql.join([...fixed, sql`u.*`])} FROM unnest(${sql.join(built)}) AS u`.execute(tx);
      written += chunk.length;
      await afterChunk?.(written);
    },
  );
}

/**
 * Updates rows by id with optimistic concurrency: each row names the version it read, and the
 * statement bumps it. A row someone else changed meanwhile is not updated, and the whole import
 * then fails with 409 (its transaction rolls back).
 */
export async function updateRows<T extends { id: string; version: number }>(
  tx: Transaction<DB>,
  table: keyof DB,
  tenantId: string,
  columns: readonly Column<T>[],
  rows: readonly T[],
  extraSet: RawBuilder<unknown>[] = [],
): Promise<void> {
  const key: Column<T>[] = [
    { name: 'id', type: 'uuid', value: (r) => r.id },
    { name: 'expected_version', type: 'int', value: (r) => r.version },
  ];
  const all = [...key, ...columns];
  const sets = [
    ...columns.map((c) => sql`${ident(c.name)} = u.${ident(c.name)}`),
    sql`version = t.version + 1`,
    ...extraSet,
  ];
  await chunked(
    rows,
    (chunk) => arrays(all, chunk),
    async (built, chunk) => {
      const result = await sql`UPDATE ${sql.table(table)} AS t SET ${sql.join(sets)}
        FROM unnest(${sql.join(built)}) AS u(${sql.join(all.map((c) => ident(c.name)))})
        WHERE t.tenant_id = ${tenantId} AND t.id = u.id AND t.version = u.expected_version`.execute(tx);
      if (Number(result.numAffectedRows ?? 0) !== chunk.length) {
        throw new Conflict(
          'Dữ liệu đã được người khác thay đổi trong khi nhập. Hãy nhập lại tệp.',
          `Records changed while the import ran (${table}); import the file again.`,
        );
      }
    },
  );
}
