import { CompiledQuery, type Transaction } from 'kysely';
import type { DB } from '../db/schema';

/** PostgreSQL's limit of bind parameters in one statement. */
const MAX_PARAMETERS = 65_535;

/**
 * Buffers rows and writes them as multi-row INSERTs (up to `maxRows` rows and 65,535 parameters
 * per statement) inside the caller's transaction. Rows are plain records keyed by column name.
 */
export class BulkInsert<T extends object> {
  private buffer: T[] = [];
  private readonly rowsPerStatement: number;
  private readonly placeholders = new Map<number, string>();
  written = 0;

  constructor(
    private readonly tx: Transaction<DB>,
    private readonly table: keyof DB,
    private readonly columns: readonly string[],
    private readonly constants: Record<string, unknown>,
    maxRows = 2_000,
  ) {
    this.rowsPerStatement = Math.min(
      maxRows,
      Math.floor(MAX_PARAMETERS / (columns.length + Object.keys(constants).length)),
    );
  }

  get pending(): number {
    return this.buffer.length;
  }

  get full(): boolean {
    return this.buffer.length >= this.rowsPerStatement;
  }

  push(rows: readonly T[]): void {
    for (const row of rows) this.buffer.push(row);
  }

  /** Writes every buffered row. */
  async flush(): Promise<void> {
    const rows = this.buffer;
    this.buffer = [];
    for (let i = 0; i < rows.length; i += this.rowsPerStatement)
      await this.write(rows.slice(i, i + this.rowsPerStatement));
  }

  private async write(rows: readonly T[]): Promise<void> {
    const constantNames = Object.keys(this.constants);
    const constantValues = Object.values(this.constants);
    const names = [...constantNames, ...this.columns];
    const params: unknown[] = [];
    for (const row of rows) {
      for (const v of constantValues) params.push(v);
      const record = row as Record<string, unknown>;
      for (const c of this.columns) params.push(record[c] ?? null);
    }
    const text = `INSERT INTO ${this.table} (${names.join(', ')}) VALUES ${this.valuesList(rows.length, names.length)}`;
    await this.tx.executeQuery(CompiledQuery.raw(text, params));
    this.written += rows.length;
  }

  private valuesList(rows: number, width: number): string {
    let text = this.placeholders.get(rows);
    if (text) return text;
    const tuples: string[] = [];
    let n = 1;
    for (let r = 0; r < rows; r++) {
      const cells: string[] = [];
      for (let c = 0; c < width; c++) cells.push(`$${n++}`);
      tuples.push(`(${cells.join(',')})`);
    }
    text = tuples.join(',');
    this.placeholders.set(rows, text);
    return text;
  }
}
