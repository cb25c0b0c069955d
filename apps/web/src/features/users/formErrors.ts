import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client';

/**
 * Puts the server's validation details on the fields they name (`body.email` → `email`).
 * Returns true when every detail found its field, so no separate alert is needed.
 */
export function applyFieldErrors(
  form: FormInstance,
  err: unknown,
  fields: readonly string[],
  english: boolean,
): boolean {
  if (!(err instanceof ApiError) || err.details.length === 0) return false;
  let placed = 0;
  for (const d of err.details) {
    const name = d.path.split('.').pop() ?? '';
    if (!fields.includes(name)) continue;
    form.setFields([{ name, errors: [english ? (d.messageEn ?? d.message) : d.message] }]);
    placed += 1;
  }
  return placed === err.details.length;
}
