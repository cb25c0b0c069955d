import { checkCccdAgainstPerson, personSortKey, searchKey, validateCccd } from '@canbo/domain';
import { describe, expect, it } from 'vitest';
import { addMonths, addYears, DEMO_AS_OF, yearsBetween } from './dates';
import { PersonFactory, type PersonRecord } from './person-factory';
import { PROFILES, type TitleGroup } from './profiles';
import { SeedIds } from './random';

function people(count: number, group: TitleGroup, seed = 3, profile = PROFILES.department): PersonRecord[] {
  const factory = new PersonFactory(seed, new SeedIds(seed, DEMO_AS_OF));
  return Array.from({ length: count }, () =>
    factory.make({ unitId: 'u', profile, group, minorityArea: false }),
  );
}

const share = (list: readonly PersonRecord[], test: (p: PersonRecord) => boolean) =>
  (100 * list.filter(test).length) / list.length;

describe('generated people', () => {
  const crowd = people(20_000, 'specialist');

  it('carry surnames at their national shares', () => {
    const surname = (...names: string[]) => share(crowd, (p) => names.includes(p.full_name.split(' ')[0]!));
    expect(surname('Nguyễn')).toBeGreaterThan(36);
    expect(surname('Nguyễn')).toBeLessThan(40);
    expect(Math.abs(surname('Trần') - 11)).toBeLessThan(1.2);
    expect(Math.abs(surname('Lê') - 9.5)).toBeLessThan(1.2);
    expect(Math.abs(surname('Phạm') - 7)).toBeLessThan(1);
    expect(Math.abs(surname('Hoàng', 'Huỳnh') - 5)).toBeLessThan(1);
    expect(Math.abs(surname('Phan') - 4.5)).toBeLessThan(0.8);
    expect(Math.abs(surname('Vũ', 'Võ') - 3.9)).toBeLessThan(0.8);
    expect(Math.abs(surname('Đặng') - 2.1)).toBeLessThan(0.6);
    expect(Math.abs(surname('Bùi') - 2)).toBeLessThan(0.6);
    expect(Math.abs(surname('Đỗ') - 1.4)).toBeLessThan(0.5);
  });

  it('have NFC names with three words or more, and the domain search and sort keys', () => {
    for (const p of crowd) {
      expect(p.full_name).toBe(p.full_name.normalize('NFC'));
      expect(p.full_name.split(' ').length).toBeGreaterThanOrEqual(3);
      expect(p.search_key).toBe(searchKey(p.full_name));
      expect(p.sort_key).toBe(personSortKey(p.full_name));
    }
    // Middle names follow the sex: "Thị" is a woman's, "Văn" a man's.
    expect(crowd.filter((p) => p.full_name.split(' ')[1] === 'Thị').every((p) => p.sex === 'female')).toBe(
      true,
    );
    expect(crowd.filter((p) => p.full_name.split(' ')[1] === 'Văn').every((p) => p.sex === 'male')).toBe(
      true,
    );
  });

  it('are 22 to 60 years old, whatever their post', () => {
    for (const group of ['leader', 'deputy', 'specialist', 'staff'] as const) {
      for (const p of people(3_000, group, 11)) {
        const age = yearsBetween(p.birth_date, DEMO_AS_OF);
        expect(age).toBeGreaterThanOrEqual(22);
        expect(age).toBeLessThanOrEqual(60);
      }
    }
  });

  it('count about 30% women among leaders', () => {
    const women = share(people(5_000, 'leader', 5), (p) => p.sex === 'female');
    expect(women).toBeGreaterThan(25);
    expect(women).toBeLessThan(35);
  });

  it('have valid, unique citizen IDs that agree with their sex and birth year', () => {
    const ids = new Set(crowd.map((p) => p.cccd));
    expect(ids.size).toBe(crowd.length);
    for (const p of crowd) {
      expect(validateCccd(p.cccd, { asOfYear: 2026 })).toEqual([]);
      expect(
        checkCccdAgainstPerson(p.cccd, { sex: p.sex, birthYear: Number(p.birth_date.slice(0, 4)) }),
      ).toEqual([]);
    }
    expect(share(crowd, (p) => p.cccd.startsWith('001'))).toBeGreaterThan(60);
  });

  it('joined the party after 18, became full members 12 months later, and leaders almost all are members', () => {
    const leaders = people(2_000, 'leader', 7);
    expect(share(leaders, (p) => p.party_status !== 'none')).toBeGreaterThan(95);
    const civil = share(crowd, (p) => p.party_status !== 'none');
    expect(civil).toBeGreaterThan(30);
    expect(civil).toBeLessThan(60);
    for (const p of [...crowd, ...leaders]) {
      if (p.party_status === 'none') {
        expect(p.party_admitted_date).toBeNull();
        continue;
      }
      expect(p.party_admitted_date! > addYears(p.birth_date, 18)).toBe(true);
      expect(p.party_admitted_date! <= DEMO_AS_OF).toBe(true);
      if (p.party_status === 'full') expect(p.party_full_date).toBe(addMonths(p.party_admitted_date!, 12));
      else expect(addMonths(p.party_admitted_date!, 12) > DEMO_AS_OF).toBe(true);
    }
  });

  it('have political theory that rises with the post', () => {
    const advanced = (list: PersonRecord[]) =>
      share(list, (p) => p.political_theory === 'advanced' || p.political_theory === 'bachelor');
    expect(advanced(people(2_000, 'leader', 8))).toBeGreaterThan(advanced(people(2_000, 'deputy', 8)));
    expect(advanced(people(2_000, 'deputy', 8))).toBeGreaterThan(advanced(crowd));
  });

  it('live in minority communes with many Mường and Dao neighbours', () => {
    const factory = new PersonFactory(4, new SeedIds(4, DEMO_AS_OF));
    const locals = Array.from({ length: 3_000 }, () =>
      factory.make({ unitId: 'u', profile: PROFILES.primary, group: 'specialist', minorityArea: true }),
    );
    expect(share(locals, (p) => p.ethnicity !== 'Kinh')).toBeGreaterThan(35);
    expect(share(crowd, (p) => p.ethnicity !== 'Kinh')).toBeLessThan(4);
  });
});
