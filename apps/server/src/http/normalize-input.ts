import { BadRequest } from '../errors';

/**
 * How deeply a body may nest (objects and arrays). The deepest real body, a framework's criteria tree,
 * stays far below it. Found by the body fuzz test: a criteria tree some thousand levels deep (well
 * within the 256 KB body limit) overflowed the stack here or in zod's recursive schema — a 500.
 */
export const MAX_INPUT_DEPTH = 64;

/**
 * Text enters the system in NFC (Vietnamese typed on macOS or pasted from PDFs arrives as NFD).
 * NUL cannot be stored in PostgreSQL text, so it is refused here with the field's name.
 */
export function normalizeInput(value: unknown, path = 'body', depth = 0): unknown {
  if (depth > MAX_INPUT_DEPTH) {
    throw new BadRequest(
      'TOO_DEEP',
      `Dữ liệu lồng nhau quá sâu (tối đa ${MAX_INPUT_DEPTH} cấp).`,
      `The data is nested too deeply (at most ${MAX_INPUT_DEPTH} levels).`,
    );
  }
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
  if (Array.isArray(value)) return value.map((v, i) => normalizeInput(v, `${path}.${i}`, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = normalizeInput(v, `${path}.${k}`, depth + 1);
    return out;
  }
  return value;
}
