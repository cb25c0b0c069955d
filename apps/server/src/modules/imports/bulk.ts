import { type RawBuilder, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { Conflict } from '../../errors';

/**
 * Set-based writes for imports: each statement carries one array per column and unnests them
 * (`INSERT … SELECT FROM unnest($1::uuid[], $2::text[], …)`), so 5,000 rows cost one statement with
 * a handful of parameters instead of 5,000 statements or 150,000 bind parameters.
 *
 * The arrays are sent as array literals built here (node-postgres would otherwise serialise each
 * chunk only when sending it, with the database idle meanwhile). A `StatementQueue` runs the built
 * statements one after another in the transaction while the caller goes on planning and building
 * the next ones, so the Node thread's work overlaps the database's.
 */

export type PgType = 'uuid' | 'text' | 'date' | 'int' | 'bool' | 'jsonb';

export interface Column<T> {
  name: string;
  type: PgType;
  value(row: T): unknown;
}

export const CHUNK_ROWS = 5_000;

/** Values of these types never need quoting in an array literal (hex, digits, ISO dates, true/false). */
const PLAIN_TYPES = new Set<PgType>(['uuid', 'date', 'int', 'bool']);
const PLAIN = /^[0-9A-Za-z:.+-]+$/;
const SPECIAL = /[\\"]/;
const SPECIALS = /[\\"]/g;

/** One element of an array literal, as node-postgres would write it: NULL, or quoted and escaped. */
function element(value: unknown, type: PgType): string {
  if (value === null || value === undefined) return 'NULL';
  const text =
    type === 'jsonb' ? JSON.stringify(value) : value instanceof Date ? value.toISOString() : String(value);
  if (PLAIN_TYPES.has(type) && PLAIN.test(text)) return text;
  return SPECIAL.test(text) ? `"${text.replace(SPECIALS, '\\$&')}"` : `"${text}"`;
}

/** Each column of `rows` as one array literal ('{"a",NULL,…}'), cast to its type in the statement. */
function arrays<T>(columns: readonly Column<T>[], rows: readonly T[]): RawBuilder<unknown>[] {
  return columns.map((c) => {
    const parts = new Array<string>(rows.length);
    for (let i = 0; i < rows.length; i++) parts[i] = element(c.value(rows[i]!), c.type);
    return sql`${`{${parts.join(',')}}`}::${sql.raw(c.type)}[]`;
  });
}

const ident = (name: string) => sql.ref(name);

/** A value the same on every row, cast to its column's type. */
export function constant(value: unknown, type: PgType | 'timestamptz'): RawBuilder<unknown> {
  return sql`${value}::${sql.raw(type)}`;
}

/** A statement built now and run later: `run` fails if it did not touch the rows it names. */
export type Statement = (tx: Transaction<DB>) => Promise<void>;

/** INSERT of `rows` (one statement, ≤ CHUNK_ROWS rows) with `constants` the same on every row. */
export function insertStatement<T>(
  table: keyof DB,
  constants: Record<string, RawBuilder<unknown>>,
  columns: readonly Column<T>[],
  rows: readonly T[],
): Statement {
  const names = [...Object.keys(constants), ...columns.map((c) => c.name)].map(ident);
  const built = arrays(columns, rows);
  const query = sql`INSERT INTO ${sql.table(table)} (${sql.join(names)})
    SELECT ${sql.join([...Object.values(constants), sql`u.*`])} FROM unnest(${sql.join(built)}) AS u`;
  return async (tx) => {
    await query.execute(tx);
  };
}

/**
 * UPDATE of rows by id with optimistic concurrency: each row names the version it read, and the
 * statement bumps it. A row someone else changed meanwhile is not updated, and the whole import
 * then fails with 409 (its transaction rolls back).
 */
export function updateStatement<T extends { id: string; version: number }>(
  table: keyof DB,
  tenantId: string,
  columns: readonly Column<T>[],
  rows: readonly T[],
  extraSet: RawBuilder<unknown>[] = [],
): Statement {
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
  const query = sql`UPDATE ${sql.table(table)} AS t SET ${sql.join(sets)}
    FROM unnest(${sql.join(arrays(all, rows))}) AS u(${sql.join(all.map((c) => ident(c.name)))})
    WHERE t.tenant_id = ${tenantId} AND t.id = u.id AND t.version = u.expected_version`;
  return async (tx) => {
    const result = await query.execute(tx);
    if (Number(result.numAffectedRows ?? 0) !== rows.length) {
      throw new Conflict(
        'Dữ liệu đã được người khác thay đổi trong khi nhập. Hãy nhập lại tệp.',
        `Records changed while the import ran (${table}); import the file again.`,
      );
    }
  };
}

/** `rows` in slices of CHUNK_ROWS. */
export function chunksOf<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) out.push(rows.slice(i, i + CHUNK_ROWS));
  return out;
}

/** Lets pending I/O (a finished statement, the next one to send) run between slices of CPU work. */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Statements run in order, one at a time, in the transaction, while the caller builds more. After
 * the first failure the rest are skipped; `drain()` waits for all and throws that failure.
 */
export class StatementQueue {
  private readonly running: Promise<void>[] = [];
  private tail: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;

  constructor(private readonly tx: Transaction<DB>) {}

  get failed(): boolean {
    return this.failure !== null;
  }

  add(statement: Statement, after?: () => Promise<void> | void): void {
    this.tail = this.tail.then(async () => {
      if (this.failure) return;
      try {
        await statement(this.tx);
        await after?.();
      } catch (error) {
        this.failure = { error };
      }
    });
    this.running.push(this.tail);
  }

  /** Waits until at most `ahead` statements are queued (bounds the memory held by built statements). */
  async room(ahead: number): Promise<void> {
    const waitFor = this.running.length - 1 - ahead;
    if (waitFor >= 0) await this.running[waitFor];
  }

  async drain(): Promise<void> {
    await this.tail;
    if (this.failure) throw this.failure.error;
  }

  /**
   * Skips what is not sent yet and waits for the statement running: the transaction must not be
   * ended (or its connection handed back) while one of its statements is still to come.
   */
  async abandon(): Promise<void> {
    this.failure ??= { error: new Error('abandoned') };
    await this.tail;
  }
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
  const queue = new StatementQueue(tx);
  let written = 0;
  for (const chunk of chunksOf(rows)) {
    queue.add(insertStatement(table, constants, columns, chunk), () => {
      written += chunk.length;
      return afterChunk?.(written);
    });
    await queue.room(1);
    await breathe();
  }
  await queue.drain();
}

/** Updates rows by id with optimistic concurrency (see `updateStatement`). */
export async function updateRows<T extends { id: string; version: number }>(
  tx: Transaction<DB>,
  table: keyof DB,
  tenantId: string,
  columns: readonly Column<T>[],
  rows: readonly T[],
  extraSet: RawBuilder<unknown>[] = [],
): Promise<void> {
  const queue = new StatementQueue(tx);
  for (const chunk of chunksOf(rows)) {
    queue.add(updateStatement(table, tenantId, columns, chunk, extraSet));
    await queue.room(1);
    await breathe();
  }
  await queue.drain();
}
