import { DEMO_AS_OF } from './dates';
import { PersonFactory } from './person-factory';
import { planOrganisation } from './plan-city';
import { Random, SeedIds } from './random';
import { generatePeople, type PeopleBatch, type Pin, scaleStaffing } from './staffing';
import { type PlannedUnit, type RootRef, TreeBuilder } from './tree';

export const DEMO_SCALES = ['small', 'city'] as const;
export type DemoScale = (typeof DEMO_SCALES)[number];

/** About how many people each scale has. */
export const PEOPLE_TARGET: Record<DemoScale, number> = { small: 300, city: 160_000 };

export const DEFAULT_SEED = 1;

export interface DemoPlan {
  scale: DemoScale;
  seed: number;
  units: PlannedUnit[];
  /** People the plan will produce (every one holds one main position). */
  people: number;
  ids: SeedIds;
}

/**
 * The organisation tree of the demo, under the tenant's root unit. Everything is derived from
 * the seed (and the root's id and path), so the same seed gives the same units.
 */
export function planDemo(scale: DemoScale, seed: number, root: RootRef, pins: readonly Pin[] = []): DemoPlan {
  const ids = new SeedIds(seed, DEMO_AS_OF);
  const builder = new TreeBuilder(ids, root);
  planOrganisation(builder, Random.stream(seed, 'tree'), { small: scale === 'small' });
  scaleStaffing(builder.units, PEOPLE_TARGET[scale]);
  for (const pin of pins) {
    const unit = builder.has(pin.unitCode) ? builder.get(pin.unitCode) : null;
    if (unit?.staffing && pin.group === 'specialist')
      unit.staffing.specialists = Math.max(unit.staffing.specialists, pin.index + 1);
    if (unit?.staffing && pin.group === 'staff')
      unit.staffing.staff = Math.max(unit.staffing.staff, pin.index + 1);
  }
  let people = 0;
  for (const u of builder.units)
    if (u.staffing) people += u.staffing.heads.length + u.staffing.specialists + u.staffing.staff;
  return { scale, seed, units: builder.units, people, ids };
}

/** The people and positions of a plan, one batch per staffed unit (generate once per plan). */
export function demoPeople(plan: DemoPlan, pins: readonly Pin[] = []): Generator<PeopleBatch> {
  return generatePeople(plan.units, new PersonFactory(plan.seed, plan.ids), plan.ids, pins);
}
