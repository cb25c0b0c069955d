import { createHash, randomBytes } from 'node:crypto';
import { BALLOT_CODE_ALPHABET, BALLOT_CODE_LENGTH } from '@canbo/domain';

/**
 * One-time ballot codes: 12 characters from a 32-letter alphabet (60 random bits), typed at a kiosk
 * or carried in the link /phieu/<code>. Only the SHA-256 of a code is stored, so the database alone
 * cannot produce a working ballot; whoever holds the code can vote once.
 */
export function newBallotCode(): string {
  // 256 is a multiple of 32: taking the low 5 bits of each byte is unbiased.
  return [...randomBytes(BALLOT_CODE_LENGTH)].map((b) => BALLOT_CODE_ALPHABET[b & 31]).join('');
}

export function hashBallotCode(code: string): string {
  return createHash('sha256').update(`canbo-ballot:${code}`).digest('hex');
}

export const ballotPath = (code: string) => `/phieu/${code}`;
