import type {
  IndicatorByUnitView,
  IndicatorDefinition,
  IndicatorQuery,
  IndicatorTable,
  IndicatorUnitFigure,
} from '@canbo/domain';
import { sql } from 'kysely';
import { type Actor, hasPermission, scopeOf } from '../../access/actor';
import type { AppContext } from '../../context';
import { Forbidden, NotFound, RuleViolation } from '../../errors';
import { DEFAULT_AGE_BANDS } from './indicators/parameters';
import { countPeople } from './indicators/people.indicators';
import { INDICATORS, indicatorById } from './indicators/registry';
import { resolveSubtree } from './indicators/subtree';
import * as repo from './reports.repository';

/** The map of units runs the indicator once per child: more children than this are refused (422). */
export const MAX_MAP_CHILDREN = 200;
/** Children computed at a time (PostgreSQL's pool; PGlite runs them one by one anyway). */
const MAP_CONCURRENCY = 4;

/** Today's direct children of a unit (not closed), with how many children each has in turn. */
async function childUnits(db: repo.Db, tenantId: string, parentId: string) {
  const { rows } = await sql<{ id: string; name: string; path: string; type: string; child_count: string }>`
    SELECT u.id, u.name, u.path, u.type,
           (SELECT count(*) FROM org_unit g
             WHERE g.tenant_id = u.tenant_id AND g.parent_id = u.id AND g.status = 'active') AS child_count
      FROM org_unit u
     WHERE u.tenant_id = ${tenantId} AND u.parent_id = ${parentId} AND u.status = 'active'
     ORDER BY u.sort_key, u.name, u.id`.execute(db);
  return rows.map((r) => ({ ...r, childCount: Number(r.child_count) }));
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * The indicators registry and its computations (docs/REPORTS.md). Reading needs reports.read over
 * the subtree's root; a root out of scope is missing (404). Figures are aggregates: no person is named.
 */
export function createIndicatorsService(ctx: AppContext) {
  const { db, tenantId } = ctx;

  return {
    registry(actor: Actor): { items: IndicatorDefinition[] } {
      if (!hasPermission(actor, 'reports.read')) throw new Forbidden();
      return {
        items: INDICATORS.map(({ compute: _compute, headline, ...definition }) => ({
          ...definition,
          ...(headline
            ? { headline: { key: headline.key, label: headline.label, unit: headline.unit } }
            : {}),
        })),
      };
    },

    async compute(actor: Actor, id: string, query: IndicatorQuery): Promise<IndicatorTable> {
      const unit = await repo.unitInScope(db, scopeOf(actor, 'reports.read'), query.unitId);
      if (!unit) throw new NotFound('unit');
      const indicator = indicatorById(id);
      if (!indicator) throw new NotFound('indicator');
      const asOf = query.asOf ?? query.to;
      const subtree = await resolveSubtree(db, tenantId, unit);
      const table = await indicator.compute({
        db,
        tenantId,
        subtree,
        from: query.from,
        to: query.to,
        asOf,
        bands: query.bands ?? DEFAULT_AGE_BANDS,
      });
      return {
        indicatorId: indicator.id,
        label: indicator.label,
        unit: indicator.unit,
        unitId: unit.id,
        unitName: unit.name,
        from: query.from,
        to: query.to,
        asOf,
        ...table,
      };
    },

    /**
     * The map of units: for each direct child of the unit (with its subtree), its headcount on the
     * as-of date and the indicator's headline, computed by running the indicator over that child's
     * subtree (at most MAX_MAP_CHILDREN children; docs/REPORTS.md, "The map of units").
     */
    async byUnit(actor: Actor, id: string, query: IndicatorQuery): Promise<IndicatorByUnitView> {
      const unit = await repo.unitInScope(db, scopeOf(actor, 'reports.read'), query.unitId);
      if (!unit) throw new NotFound('unit');
      const indicator = indicatorById(id);
      if (!indicator) throw new NotFound('indicator');
      const headline = indicator.headline;
      if (!headline)
        throw new RuleViolation(
          'NO_HEADLINE',
          'Chỉ số này không có số liệu tiêu biểu để tô màu bản đồ đơn vị',
          'This indicator has no headline figure to colour the map of units by',
        );
      const children = await childUnits(db, tenantId, unit.id);
      if (children.length > MAX_MAP_CHILDREN)
        throw new RuleViolation(
          'TOO_MANY_UNITS',
          `Đơn vị có hơn ${MAX_MAP_CHILDREN} đơn vị trực thuộc; hãy chọn một đơn vị cấp dưới`,
          `The unit has more than ${MAX_MAP_CHILDREN} child units; pick a lower unit`,
        );
      const asOf = query.asOf ?? query.to;
      const figureOf = async (root: { id: string; path: string }) => {
        const input = {
          db,
          tenantId,
          subtree: await resolveSubtree(db, tenantId, root),
          from: query.from,
          to: query.to,
          asOf,
          bands: query.bands ?? DEFAULT_AGE_BANDS,
        };
        const [table, headcount] = await Promise.all([indicator.compute(input), countPeople(input)]);
        return { headcount, value: headline.valueOf(table) };
      };
      const [whole, items] = await Promise.all([
        figureOf(unit),
        mapLimit(
          children,
          MAP_CONCURRENCY,
          async (c): Promise<IndicatorUnitFigure> => ({
            unitId: c.id,
            name: c.name,
            type: c.type,
            childCount: c.childCount,
            ...(await figureOf(c)),
          }),
        ),
      ]);
      return {
        indicatorId: indicator.id,
        label: indicator.label,
        headline: { key: headline.key, label: headline.label, unit: headline.unit },
        unitId: unit.id,
        unitName: unit.name,
        from: query.from,
        to: query.to,
        asOf,
        ...whole,
        items,
      };
    },
  };
}
