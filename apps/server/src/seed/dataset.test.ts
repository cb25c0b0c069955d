import { createHash } from 'node:crypto';
import { UnitCode } from '@canbo/domain';
import { describe, expect, it } from 'vitest';
import { demoPeople, planDemo } from './dataset';
import { DEMO_PINS } from './demo';

const root = {
  id: '01900000-0000-7000-8000-000000000001',
  path: '/01900000-0000-7000-8000-000000000001/',
  depth: 0,
};

/** A digest of everything generated (units, then people and positions), for byte-for-byte comparisons. */
function digest(scale: 'small' | 'city', seed: number, maxPeople = Number.POSITIVE_INFINITY): string {
  const plan = planDemo(scale, seed, root, DEMO_PINS);
  const hash = createHash('sha256');
  for (const u of plan.units) hash.update(JSON.stringify(u));
  let people = 0;
  for (const batch of demoPeople(plan, DEMO_PINS)) {
    hash.update(JSON.stringify(batch));
    people += batch.persons.length;
    if (people >= maxPeople) break;
  }
  return hash.digest('hex');
}

describe('demo dataset', () => {
  it('is the same for the same seed and different for another seed', () => {
    const first = digest('small', 7);
    expect(digest('small', 7)).toBe(first);
    expect(digest('small', 8)).not.toBe(first);
    expect(digest('city', 7, 10_000)).toBe(digest('city', 7, 10_000));
  });

  it('has the small organisation of the first start, with the people behind the demo accounts', () => {
    const plan = planDemo('small', 1, root, DEMO_PINS);
    const codes = plan.units.map((u) => u.code);
    for (const code of [
      'BTCTU',
      'UBKTTU',
      'SNV',
      'SNV-TCBC',
      'SNV-CCVC',
      'STC',
      'STC-NS',
      'P-BADINH',
      'P-BADINH-VP',
      'P-BADINH-KT',
      'P-HOANKIEM',
      'P-HOANKIEM-VP',
      'X-SOCSON',
      'X-SOCSON-VP',
    ]) {
      expect(codes).toContain(code);
    }
    expect(plan.people).toBeGreaterThanOrEqual(250);
    expect(plan.people).toBeLessThanOrEqual(350);
    expect(plan.units.some((u) => u.type === 'party_cell' && u.is_party_org)).toBe(true);
    const batches = [...demoPeople(plan, DEMO_PINS)];
    const pinned = new Map(batches.flatMap((b) => b.pinned).map((p) => [p.key, p.personId]));
    const persons = new Map(batches.flatMap((b) => b.persons).map((p) => [p.id, p]));
    expect(persons.size).toBe(plan.people);
    expect([...pinned.keys()].sort()).toEqual(DEMO_PINS.map((p) => p.key).sort());
    const staff = persons.get(pinned.get('chuyenvien')!)!;
    expect(staff.full_name).toBe('Phạm Minh Đức');
    expect(staff.unit_id).toBe(plan.units.find((u) => u.code === 'P-BADINH-KT')!.id);
  });

  it('plans a whole city: ≥ 120 communes and wards, ≥ 20 departments, ≥ 5,000 units, ≥ 150,000 people', () => {
    const plan = planDemo('city', 1, root);
    const count = (type: string) => plan.units.filter((u) => u.type === type).length;
    expect(count('commune')).toBeGreaterThanOrEqual(120);
    expect(count('department')).toBeGreaterThanOrEqual(20);
    expect(plan.units.length).toBeGreaterThanOrEqual(5_000);
    expect(plan.people).toBeGreaterThanOrEqual(150_000);
    expect(count('enterprise')).toBeGreaterThan(20);
    expect(count('mass_organisation')).toBeGreaterThan(100);
    expect(count('party_cell') + count('base_party_cell')).toBeGreaterThan(1_000);
    const communesOfReform = plan.units.filter((u) => u.type === 'commune');
    expect(communesOfReform.every((u) => u.valid_from === '2025-07-01')).toBe(true);
  });

  it('gives every unit a unique valid code, an NFC name and a path that extends its parent’s', () => {
    const plan = planDemo('city', 3, root);
    const byId = new Map<string, { path: string; depth: number }>([
      [root.id, root],
      ...plan.units.map((u) => [u.id, u] as const),
    ]);
    expect(new Set(plan.units.map((u) => u.code)).size).toBe(plan.units.length);
    expect(new Set(plan.units.map((u) => u.id)).size).toBe(plan.units.length);
    for (const u of plan.units) {
      const parent = byId.get(u.parent_id)!;
      expect(u.path).toBe(`${parent.path}${u.id}/`);
      expect(u.depth).toBe(parent.depth + 1);
      expect(UnitCode.safeParse(u.code).success).toBe(true);
      expect(u.name).toBe(u.name.normalize('NFC'));
      expect(u.is_party_org).toBe(
        ['affiliated_party_committee', 'base_party_committee', 'base_party_cell', 'party_cell'].includes(
          u.type,
        ),
      );
    }
  });
});
