import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { statementTemplate } from './statement-template';

interface Tables {
  evaluation: { tenant_id: string; id: string; period_start: string; state: string };
}

const db = new Kysely<Tables>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

type Args = { tenantId: string; id: string; from: string };

function counting(build: (a: Args) => ReturnType<Kysely<Tables>['selectFrom']>) {
  let builds = 0;
  const template = statementTemplate(['tenantId', 'id', 'from'], (a: Args, _: null) => {
    builds++;
    return build(a).compile();
  });
  return { template, builds: () => builds };
}

const calls: Args[] = [
  { tenantId: 't1', id: 'e1', from: '2026-01-01' },
  { tenantId: 't1', id: 'e2', from: '2026-02-01' },
  { tenantId: 't2', id: 'e3', from: '2025-12-01' },
];

describe('statement templates', () => {
  it('build once per shape and bind each call’s arguments, constants kept', () => {
    const build = (a: Args) =>
      db
        .selectFrom('evaluation')
        .selectAll()
        .where('tenant_id', '=', a.tenantId)
        .where('id', '=', a.id)
        .where('state', '=', 'draft')
        .where('period_start', '>=', a.from);
    const { template, builds } = counting(build);
    for (const a of calls) {
      const fresh = build(a).compile();
      const bound = template('plain', a, null);
      expect(bound.sql).toBe(fresh.sql);
      expect(bound.parameters).toEqual(fresh.parameters);
    }
    // Two marker builds and the check of the first call; none after.
    expect(builds()).toBe(3);
    expect(template('plain', calls[0]!, null).sql).toBe(template('plain', calls[1]!, null).sql);
  });

  it('build every call when a parameter is derived from an argument (never binds a stale value)', () => {
    const build = (a: Args) =>
      db
        .selectFrom('evaluation')
        .selectAll()
        .where('tenant_id', '=', a.tenantId)
        .where('period_start', '>=', `${a.from.slice(0, 4)}-01-01`);
    const { template } = counting(build);
    for (const a of calls)
      expect(template('derived', a, null).parameters).toEqual(build(a).compile().parameters);
  });

  it('build every call when a derived value cannot be told from the markers (checked against a real build)', () => {
    const build = (a: Args) =>
      db
        .selectFrom('evaluation')
        .selectAll()
        .where('tenant_id', '=', a.tenantId)
        .where(sql<boolean>`extract(year FROM period_start) = ${Number(a.from.slice(0, 4))}`);
    const { template, builds } = counting(build);
    for (const a of calls)
      expect(template('year', a, null).parameters).toEqual(build(a).compile().parameters);
    expect(builds()).toBeGreaterThan(3);
  });

  it('keep shapes apart', () => {
    const { template } = counting((a) => db.selectFrom('evaluation').selectAll().where('id', '=', a.id));
    const other = statementTemplate(['tenantId', 'id', 'from'], (a: Args, locked: boolean) => {
      const q = db.selectFrom('evaluation').selectAll().where('id', '=', a.id);
      return (locked ? q.forUpdate() : q).compile();
    });
    expect(other('locked', calls[0]!, true).sql).toMatch(/for update$/);
    expect(other('plain', calls[0]!, false).sql).not.toMatch(/for update/);
    expect(template('plain', calls[1]!, null).parameters).toEqual(['e2']);
  });
});
