import { describe, expect, it } from 'vitest';
import { ageOn, birthDateRange, todayInVietnam, yearsBefore } from './people.dates';
import { checkParty, checkPerson, type PersonFacts } from './people.rules';
import { ageBandYears } from './people.search';

const base: PersonFacts = {
  sex: 'male',
  birthDate: '1985-06-15',
  cccd: null,
  partyStatus: 'none',
  partyAdmittedDate: null,
  partyFullDate: null,
  partyCardNumber: null,
  salaryDate: null,
};
const paths = (errors: { path: string }[]) => errors.map((e) => e.path);

describe('ages in completed years', () => {
  it('counts a year only from the birthday on', () => {
    expect(ageOn('1985-06-15', '2025-06-14')).toBe(39);
    expect(ageOn('1985-06-15', '2025-06-15')).toBe(40);
  });

  it('someone born on 29 February turns a year older on 1 March in a common year', () => {
    expect(ageOn('2000-02-29', '2025-02-28')).toBe(24);
    expect(ageOn('2000-02-29', '2025-03-01')).toBe(25);
    expect(yearsBefore('2024-02-29', 1)).toBe('2023-02-28');
  });

  it('turns an age range into birth dates that agree with ageOn', () => {
    const on = '2025-06-15';
    const { onOrBefore, after } = birthDateRange(on, 30, 39);
    for (const birth of [
      '1985-06-15',
      '1985-06-16',
      '1995-06-15',
      '1995-06-16',
      '1986-06-16',
      '1986-06-15',
    ]) {
      const age = ageOn(birth, on);
      const inRange = birth <= onOrBefore! && birth > after!;
      expect(inRange, `${birth} is ${age}`).toBe(age >= 30 && age <= 39);
    }
  });

  it('combines a band with explicit ages as their intersection', () => {
    expect(ageBandYears({ ageBand: '30to39', ageFrom: 35 })).toEqual({ from: 35, to: 39 });
    expect(ageBandYears({ ageBand: 'under30' })).toEqual({ to: 29 });
    expect(ageBandYears({ ageBand: '50plus', ageTo: 60 })).toEqual({ from: 50, to: 60 });
  });

  it('knows today in Việt Nam whatever the server time zone', () => {
    expect(todayInVietnam(new Date('2025-12-31T17:30:00Z'))).toBe('2026-01-01');
  });
});

describe('party membership consistency (Party Statute: admission from 18; probation before full membership)', () => {
  const today = '2025-06-01';
  it('accepts a full member admitted as an adult, full after admission', () => {
    expect(
      checkParty(
        { ...base, partyStatus: 'full', partyAdmittedDate: '2010-05-19', partyFullDate: '2011-05-19' },
        today,
      ),
    ).toEqual([]);
  });
  it('refuses an admission before the 18th birthday, and accepts it on that day', () => {
    const on = (d: string) =>
      paths(checkParty({ ...base, partyStatus: 'probationary', partyAdmittedDate: d }, today));
    expect(on('2003-06-14')).toEqual(['party.admittedDate']);
    expect(on('2003-06-15')).toEqual([]);
  });
  it('refuses dates in the future and a non-member with party data', () => {
    expect(
      paths(checkParty({ ...base, partyStatus: 'probationary', partyAdmittedDate: '2025-07-01' }, today)),
    ).toEqual(['party.admittedDate']);
    expect(paths(checkParty({ ...base, partyAdmittedDate: '2010-01-01' }, today))).toEqual(['party.status']);
  });
  it('a suspended or removed member keeps their dates', () => {
    const facts = { ...base, partyAdmittedDate: '2010-05-19', partyFullDate: '2011-05-19' };
    expect(checkParty({ ...facts, partyStatus: 'suspended' }, today)).toEqual([]);
    expect(checkParty({ ...facts, partyStatus: 'removed' }, today)).toEqual([]);
  });
  it('checks the CCCD and the birth date with the rest of the record', () => {
    expect(paths(checkPerson({ ...base, cccd: '001085000001' }, today))).toEqual([]);
    expect(paths(checkPerson({ ...base, cccd: '001185000001' }, today))).toEqual(['cccd']);
    expect(paths(checkPerson({ ...base, birthDate: '2025-06-01' }, today))).toContain('birthDate');
  });
});
