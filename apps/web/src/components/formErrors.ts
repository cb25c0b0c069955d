import type { FormInstance } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { ApiError, type ErrorDetail } from '../api/client';

/** The server prefixes rule messages with their path ("cccd: …"); a field's own message reads better without it. */
function fieldMessage(d: ErrorDetail, english: boolean): string {
  const text = english ? (d.messageEn ?? d.message) : d.message;
  const prefix = `${d.path}: `;
  return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

/**
 * Puts the server's validation details on the form fields they name: the last segment of
 * `details[].path` (`body.birthDate` → `birthDate`, `party.fullDate` → `fullDate`), mapped through
 * `fields` (a list of field names, or a function that returns the form's name path or undefined).
 * Returns the details that found no field, so the caller can show them in an alert.
 */
export function placeFieldErrors(
  form: FormInstance,
  err: unknown,
  fields: readonly string[] | ((last: string, path: string) => NamePath | undefined),
  english: boolean,
): ErrorDetail[] {
  if (!(err instanceof ApiError)) return [];
  const rest: ErrorDetail[] = [];
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  for (const d of err.details) {
    const last = d.path.split('.').pop() ?? '';
    const name =
      typeof fields === 'function' ? fields(last, d.path) : fields.includes(last) ? last : undefined;
    if (name === undefined) {
      rest.push(d);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(fieldMessage(d, english));
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return rest;
}

/** An error still needs an alert unless every one of its details found a field. */
export function needsAlert(err: unknown, unplaced: readonly ErrorDetail[]): boolean {
  return !(err instanceof ApiError) || err.details.length === 0 || unplaced.length > 0;
}
