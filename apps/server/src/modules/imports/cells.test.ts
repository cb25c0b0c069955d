import { describe, expect, it } from 'vitest';
import { DateCell } from '../../documents/xlsx-reader';
import { displayValue, matchOption, parseCell } from './cells';
import { type ColumnSpec, PEOPLE_COLUMNS, UNIT_COLUMNS } from './columns';
import { PARTY_STATUS_OPTIONS, STAFF_CATEGORY_OPTIONS } from './labels';

const spec = (key: string): ColumnSpec => [...PEOPLE_COLUMNS, ...UNIT_COLUMNS].find((c) => c.key === key)!;
const ctx = { date1904: false };
const parse = (key: string, value: Parameters<typeof parseCell>[1], c = ctx) =>
  parseCell(spec(key), value, c);

describe('import cells', () => {
  it('reads dates written dd/mm/yyyy, as Excel date cells and as bare serial numbers', () => {
    expect(parse('birthDate', '05/03/1980')).toEqual({ ok: true, value: '1980-03-05' });
    expect(parse('birthDate', ' 5/3/1980 ')).toEqual({ ok: true, value: '1980-03-05' });
    expect(parse('birthDate', '05-03-1980')).toEqual({ ok: true, value: '1980-03-05' });
    expect(parse('birthDate', new DateCell(29_285))).toEqual({ ok: true, value: '1980-03-05' });
    expect(parse('birthDate', 29_285)).toEqual({ ok: true, value: '1980-03-05' });
    // Old Mac workbooks count from 1904.
    expect(parse('birthDate', new DateCell(27_823), { date1904: true })).toEqual({
      ok: true,
      value: '1980-03-05',
    });
  });

  it('refuses impossible dates, two-digit years and non-dates, in Vietnamese and English', () => {
    expect(parse('birthDate', '31/02/1980')).toEqual({
      ok: false,
      error: { vi: 'Ngày 31/02/1980 không tồn tại.', en: 'The date 31/02/1980 does not exist.' },
    });
    expect(parse('birthDate', '05/03/80')).toMatchObject({
      ok: false,
      error: { vi: expect.stringContaining('4 chữ số') },
    });
    expect(parse('birthDate', true)).toMatchObject({ ok: false });
    expect(parse('birthDate', 'hôm qua')).toMatchObject({
      ok: false,
      error: { en: expect.stringContaining('dd/mm/yyyy') },
    });
  });

  it('treats empty and blank cells as not given', () => {
    expect(parse('fullName', undefined)).toBeUndefined();
    expect(parse('fullName', null)).toBeUndefined();
    expect(parse('fullName', ' \u00a0 ')).toBeUndefined();
  });

  it('puts back the leading zeros Excel drops from a CCCD typed as a number, and refuses other lengths', () => {
    expect(parse('cccd', 1_080_012_345)).toEqual({ ok: true, value: '001080012345' });
    expect(parse('cccd', '001 080 012 345')).toEqual({ ok: true, value: '001080012345' });
    expect(parse('cccd', '001*******45')).toMatchObject({
      ok: false,
      error: { vi: 'Số CCCD phải gồm đúng 12 chữ số.' },
    });
    expect(parse('cccd', 12.5)).toMatchObject({ ok: false });
  });

  it('maps Vietnamese labels, aliases and codes to codes, whatever the case, accents or spaces', () => {
    expect(parse('sex', 'Nữ')).toEqual({ ok: true, value: 'female' });
    expect(parse('sex', 'NU'.normalize('NFD'))).toEqual({ ok: true, value: 'female' });
    expect(parse('staffCategory', '  viên   chức ')).toEqual({ ok: true, value: 'public_employee' });
    expect(parse('staffCategory', 'civil_servant')).toEqual({ ok: true, value: 'civil_servant' });
    expect(parse('partyStatus', 'Đảng viên chính thức')).toEqual({ ok: true, value: 'full' });
    expect(parse('type', 'chi bo co so')).toEqual({ ok: true, value: 'base_party_cell' });
    const refused = parse('politicalTheory', 'Tiến sĩ');
    expect(refused).toMatchObject({
      ok: false,
      error: { vi: expect.stringContaining('Sơ cấp; Trung cấp; Cao cấp; Cử nhân') },
    });
    expect(matchOption(STAFF_CATEGORY_OPTIONS, 'HĐ')?.code).toBe('contract_worker');
    expect(matchOption(PARTY_STATUS_OPTIONS, 'khai tru')?.code).toBe('removed');
  });

  it('reads yes/no cells, whole numbers, codes, phones and e-mail addresses', () => {
    expect(parse('isLeader', true)).toEqual({ ok: true, value: true });
    expect(parse('isLeader', 'x')).toEqual({ ok: true, value: true });
    expect(parse('isLeader', 'không')).toEqual({ ok: true, value: false });
    expect(parse('isLeader', 'có lẽ')).toMatchObject({ ok: false });
    expect(parse('salaryStep', 3)).toEqual({ ok: true, value: 3 });
    expect(parse('salaryStep', '21')).toMatchObject({
      ok: false,
      error: { vi: 'Phải là số nguyên từ 1 đến 20.' },
    });
    expect(parse('code', 12_345)).toEqual({ ok: true, value: '12345' });
    expect(parse('code', 'CB 01')).toMatchObject({ ok: false });
    expect(parse('unitCode', 'PBD-01')).toEqual({ ok: true, value: 'PBD-01' });
    expect(parse('phone', 912_345_678)).toEqual({ ok: true, value: '0912345678' });
    expect(parse('phone', '0912.345.678')).toEqual({ ok: true, value: '0912345678' });
    expect(parse('email', 'khong-phai-email')).toMatchObject({ ok: false });
    expect(parse('partyCardNumber', '01.012345')).toEqual({ ok: true, value: '01.012345' });
  });

  it('keeps text in NFC with single spaces and refuses text over the column limit', () => {
    expect(parse('fullName', '  Nguyễn   Văn\u00a0Đức '.normalize('NFD'))).toEqual({
      ok: true,
      value: 'Nguyễn Văn Đức',
    });
    expect(parse('fullName', 'a'.repeat(151))).toMatchObject({
      ok: false,
      error: { vi: 'Dài quá 150 ký tự.' },
    });
    expect(parse('title', 42)).toEqual({ ok: true, value: '42' });
  });

  it('shows a cell as the user saw it in the error report', () => {
    expect(displayValue(new DateCell(29_285), ctx)).toBe('05/03/1980');
    expect(displayValue(1_080_012_345, ctx)).toBe('1080012345');
    expect(displayValue(false, ctx)).toBe('FALSE');
    expect(displayValue(undefined, ctx)).toBe('');
  });
});
