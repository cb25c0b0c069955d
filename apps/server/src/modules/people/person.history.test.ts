import { describe, expect, it } from 'vitest';
import { bundle, unbundle } from './person.history';

const at = new Date('2026-03-01T02:00:00Z');
const row = (id: string, section: string, before: unknown, after: unknown) => ({
  id,
  changed_at: at,
  changed_by: 'u1',
  section,
  before,
  after,
});

describe('person history rows', () => {
  it('reads a bundle as the changes it holds, in order, with the row’s time and author', () => {
    const stored = bundle([
      { id: 'c1', section: 'profile', before: null, after: { fullName: 'Lê Văn An' } },
      { id: 'c2', section: 'party', before: null, after: { status: 'full' } },
      {
        id: 'c3',
        section: 'position',
        before: { id: 'p1', endDate: null },
        after: { id: 'p1', endDate: '2026-03-01' },
      },
    ]);
    const rows = [
      row('r0', 'profile', { phone: null }, { phone: '0912345678' }),
      // As the database returns it (PGlite and pg parse jsonb; a JSON string is read too).
      row('r1', stored.section, stored.before, JSON.stringify(stored.after)),
    ];
    expect(unbundle(rows)).toEqual([
      rows[0],
      row('c1', 'profile', null, { fullName: 'Lê Văn An' }),
      row('c2', 'party', null, { status: 'full' }),
      row('c3', 'position', { id: 'p1', endDate: null }, { id: 'p1', endDate: '2026-03-01' }),
    ]);
  });

  it('leaves rows of one section as they are', () => {
    const rows = [row('r0', 'unit', { unitId: 'a' }, { unitId: 'b' })];
    expect(unbundle(rows)).toEqual(rows);
  });
});
