/**
 * How person_history rows hold changes. A row is one change of one section (`profile`, `party`,
 * `unit`, `position`…): its `before` and `after` are the fields that changed. A write that touches
 * several sections of a record at once may store them as one `bundle` row instead: `before` null,
 * `after` `{ changes: [{ id, section, before, after }, …] }`, each element what a row of its own
 * would hold. The timeline reads a bundle as its changes, in their order, so both forms show the
 * same. An import writes one row per record this way: a new record with a post and party data was
 * three rows, and the rows (each with its index entries and foreign-key check) were most of what the
 * import wrote.
 */

export const BUNDLE_SECTION = 'bundle';

export interface SectionChange {
  id: string;
  section: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The stored form of several changes of one record made at once: one row's section, before and after. */
export function bundle(changes: readonly SectionChange[]): {
  section: string;
  before: null;
  after: { changes: readonly SectionChange[] };
} {
  return { section: BUNDLE_SECTION, before: null, after: { changes } };
}

function parsed(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/** History rows as single changes: a bundle becomes its changes (with the row's time and author). */
export function unbundle<R extends { id: string; section: string; before: unknown; after: unknown }>(
  rows: readonly R[],
): R[] {
  const out: R[] = [];
  for (const row of rows) {
    if (row.section !== BUNDLE_SECTION) {
      out.push(row);
      continue;
    }
    const after = parsed(row.after) as { changes?: SectionChange[] } | null;
    for (const change of after?.changes ?? []) {
      out.push({
        ...row,
        id: change.id,
        section: change.section,
        before: change.before,
        after: change.after,
      });
    }
  }
  return out;
}
