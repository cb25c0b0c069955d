import { BadRequest } from '../errors';

/**
 * Text enters the system in NFC (Vietnamese typed on macOS or pasted from PDFs arrives as NFD).
 * NUL cannot be stored in PostgreSQL text, so it is refused here with the field's name.
 */
export function normalizeInput(value: unknown, path = 'body'): unknown {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) {
      throw new BadRequest(
        'INVALID_CHARACTER',
        `${path}: có ký tự không hợp lệ (NUL).`,
        `${path}: contains an invalid character (NUL).`,
        [
          {
            path,
            message: 'Có ký tự không hợp lệ (NUL).',
            messageEn: 'Contains an invalid character (NUL).',
          },
        ],
      );
    }
    return value.normalize('NFC');
  }
  if (Array.isArray(value)) return value.map((v, i) => normalizeInput(v, `${path}.${i}`));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = normalizeInput(v, `${path}.${k}`);
    return out;
  }
  return value;
}
