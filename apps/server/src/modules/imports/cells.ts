import {
  cccdFromExcelNumber,
  formatDate,
  nfc,
  normalizeCccd,
  PersonCode,
  PersonEmail,
  Phone,
  parseDate,
  searchKey,
  UnitCode,
} from '@canbo/domain';
import type { z } from 'zod';
import { type CellValue, DateCell } from '../../documents/xlsx-reader';
import type { ColumnSpec } from './columns';
import type { EnumOption } from './labels';

/**
 * One cell of an import row → a typed value, or a message (Vietnamese and English) saying why not.
 * Empty cells (nothing, or only spaces) are `undefined`: on an existing record they leave the field
 * as it is. Text comes out in NFC with single spaces.
 */

export interface CellMessage {
  vi: string;
  en: string;
}

export type CellResult = { ok: true; value: string | number | boolean } | { ok: false; error: CellMessage };

export interface CellContext {
  date1904: boolean;
}

const ok = (value: string | number | boolean): CellResult => ({ ok: true, value });
const bad = (vi: string, en: string): CellResult => ({ ok: false, error: { vi, en } });

/** What a cell showed, for the error report. */
export function displayValue(value: CellValue | undefined, ctx: CellContext): string {
  if (value === undefined || value === null) return '';
  if (value instanceof DateCell) {
    const parsed = parseDate(value.serial, { excelDateSystem: ctx.date1904 ? 1904 : 1900 });
    return parsed.ok ? formatDate(parsed.date) : String(value.serial);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** Text of a cell that should hold text: numbers become their digits, dates dd/mm/yyyy. */
function asText(value: CellValue, ctx: CellContext): string {
  return nfc(displayValue(value, ctx));
}

/** An option chosen by its label, an alias or its code, compared without diacritics or case. */
export function matchOption(options: readonly EnumOption[], input: string): EnumOption | null {
  let keys = OPTION_KEYS.get(options);
  if (!keys) {
    keys = new Map();
    for (const o of options)
      for (const name of [o.label, o.code, ...(o.aliases ?? [])])
        if (!keys.has(searchKey(name))) keys.set(searchKey(name), o);
    OPTION_KEYS.set(options, keys);
  }
  return keys.get(searchKey(input)) ?? null;
}
const OPTION_KEYS = new WeakMap<readonly EnumOption[], Map<string, EnumOption>>();

function fromSchema(schema: z.ZodType<string>, input: string, vi: string, en: string): CellResult {
  const result = schema.safeParse(input);
  return result.success ? ok(result.data) : bad(vi, en);
}

function parseDateCell(value: CellValue, ctx: CellContext): CellResult {
  const input = value instanceof DateCell ? value.serial : typeof value === 'string' ? nfc(value) : value;
  if (typeof input === 'boolean') return bad('Giá trị này không phải là ngày.', 'This value is not a date.');
  const result = parseDate(input, { excelDateSystem: ctx.date1904 ? 1904 : 1900 });
  return result.ok ? ok(result.date) : bad(result.failure.vi, result.failure.en);
}

function parseCccdCell(value: CellValue): CellResult {
  let digits: string | null;
  if (typeof value === 'number') digits = cccdFromExcelNumber(value);
  else if (typeof value === 'string') digits = normalizeCccd(nfc(value));
  else digits = null;
  if (digits === null || !/^\d{12}$/.test(digits)) {
    return bad('Số CCCD phải gồm đúng 12 chữ số.', 'The citizen ID number must have exactly 12 digits.');
  }
  return ok(digits);
}

function parseBool(value: CellValue, spec: ColumnSpec, ctx: CellContext): CellResult {
  if (typeof value === 'boolean') return ok(value);
  const option = matchOption(spec.options ?? [], asText(value, ctx));
  return option ? ok(option.code === 'true') : bad('Hãy ghi Có hoặc Không.', 'Write Có (yes) or Không (no).');
}

function parseInteger(value: CellValue, spec: ColumnSpec, ctx: CellContext): CellResult {
  const n = typeof value === 'number' ? value : Number(asText(value, ctx).replace(',', '.'));
  const min = spec.min ?? Number.MIN_SAFE_INTEGER;
  const max = spec.max ?? Number.MAX_SAFE_INTEGER;
  if (!Number.isInteger(n) || n < min || n > max) {
    return bad(`Phải là số nguyên từ ${min} đến ${max}.`, `Must be a whole number from ${min} to ${max}.`);
  }
  return ok(n);
}

function parsePhone(value: CellValue, ctx: CellContext): CellResult {
  // A number cell drops the leading 0 of 0912345678.
  const input =
    typeof value === 'number' && Number.isInteger(value) && String(value).length === 9
      ? `0${value}`
      : asText(value, ctx);
  return fromSchema(
    Phone,
    input,
    'Số điện thoại không hợp lệ (ví dụ 0912345678).',
    'Not a phone number (e.g. 0912345678).',
  );
}

const CARD_NUMBER = /^[A-Za-z0-9./-]{1,20}$/;

export function parseCell(
  spec: ColumnSpec,
  value: CellValue | undefined,
  ctx: CellContext,
): CellResult | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && nfc(value) === '') return undefined;
  switch (spec.type) {
    case 'date':
      return parseDateCell(value, ctx);
    case 'cccd':
      return parseCccdCell(value);
    case 'bool':
      return parseBool(value, spec, ctx);
    case 'int':
      return parseInteger(value, spec, ctx);
    case 'phone':
      return parsePhone(value, ctx);
    case 'email':
      return fromSchema(
        PersonEmail,
        asText(value, ctx),
        'Địa chỉ email không hợp lệ.',
        'Not an email address.',
      );
    case 'personCode':
      return fromSchema(
        PersonCode,
        asText(value, ctx),
        'Mã cán bộ chỉ gồm chữ, số và . _ / - (tối đa 30 ký tự).',
        'A record code has letters, digits and . _ / - only (at most 30).',
      );
    case 'unitCode':
      return fromSchema(
        UnitCode,
        asText(value, ctx),
        'Mã đơn vị chỉ gồm chữ, số và . _ - (tối đa 50 ký tự).',
        'A unit code has letters, digits and . _ - only (at most 50).',
      );
    case 'cardNumber': {
      const card = asText(value, ctx);
      return CARD_NUMBER.test(card)
        ? ok(card)
        : bad(
            'Số thẻ đảng viên chỉ gồm chữ, số và . / - (tối đa 20 ký tự).',
            'A party card number has letters, digits and . / - only (at most 20).',
          );
    }
    case 'enum': {
      const input = asText(value, ctx);
      const option = matchOption(spec.options ?? [], input);
      if (option) return ok(option.code);
      const allowed = (spec.options ?? []).map((o) => o.label).join('; ');
      return bad(
        `"${input}" không có trong danh mục. Chọn một trong: ${allowed}.`,
        `"${input}" is not an allowed value. Use one of: ${allowed}.`,
      );
    }
    case 'text': {
      const s = asText(value, ctx);
      if (spec.max !== undefined && [...s].length > spec.max) {
        return bad(`Dài quá ${spec.max} ký tự.`, `Longer than ${spec.max} characters.`);
      }
      return ok(s);
    }
  }
}
