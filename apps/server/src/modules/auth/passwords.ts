import { randomInt } from 'node:crypto';
import { type Algorithm, hash, verify } from '@node-rs/argon2';

/** argon2id with OWASP's minimum memory setting: ~20–40 ms per hash on this class of machine. */
/** Algorithm.Argon2id; a const enum cannot be read under verbatimModuleSyntax. */
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;
/** Verifying against a fixed hash when the user does not exist keeps timings alike. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('not-a-real-password-0');
  return dummy;
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

/** Readable one-time password (no 0/O, 1/l/I), always with letters and digits. */
export function temporaryPassword(length = 14): string {
  const chars = Array.from({ length: length - 3 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  for (let i = 0; i < 3; i++) chars.splice(randomInt(chars.length + 1), 0, DIGITS[randomInt(DIGITS.length)]);
  return chars.join('');
}
