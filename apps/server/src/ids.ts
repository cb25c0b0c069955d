import { randomBytes, randomUUID } from 'node:crypto';

/**
 * UUID version 7: time-ordered ids generated in the app (PostgreSQL 15 has no uuidv7()). The 74
 * random bits come from randomUUID(), which draws on a buffered CSPRNG: bulk writes (imports,
 * seeding) make hundreds of thousands of ids, and a randomBytes() call per id costs ten times more.
 */
export function newId(now = Date.now()): string {
  const time = now.toString(16).padStart(12, '0');
  // A v4 UUID is xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx with the variant bits set: keep its random
  // part, put the 48-bit time in front and the version 7 in place of the 4.
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${randomUUID().slice(15)}`;
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
