import { Secret, TOTP } from 'otpauth';

const ISSUER = 'canbo';

function totpFor(secret: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function otpauthUri(secret: string, label: string): string {
  return totpFor(secret, label).toString();
}

/**
 * The time step a code belongs to (one step of drift either way), or null if it is wrong.
 * Callers refuse a step at or before the last one used, so a code works once.
 */
export function matchTotp(secret: string, code: string, now = Date.now()): number | null {
  const delta = totpFor(secret, 'x').validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return null;
  return Math.floor(now / 30_000) + delta;
}

export function totpCode(secret: string, now = Date.now()): string {
  return totpFor(secret, 'x').generate({ timestamp: now });
}
