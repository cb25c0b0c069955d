import { describe, expect, it } from 'vitest';
import { isSessionLive, needsTouch, sessionExpiry, sessionIdOf } from './sessions';

const policy = { idleMinutes: 30, absoluteHours: 12 };
const t0 = new Date('2026-01-05T08:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('session expiry', () => {
  const session = { createdAt: t0, lastSeenAt: t0, expiresAt: sessionExpiry(policy, t0) };

  it('is live just before the idle timeout and dead at it', () => {
    expect(isSessionLive(policy, session, at(29.99))).toBe(true);
    expect(isSessionLive(policy, session, at(30))).toBe(false);
  });

  it('activity extends the idle window but never past the absolute expiry', () => {
    const active = { ...session, lastSeenAt: at(12 * 60 - 1) };
    expect(isSessionLive(policy, active, at(12 * 60 - 0.5))).toBe(true);
    expect(isSessionLive(policy, active, at(12 * 60))).toBe(false);
  });

  it('touches the session at most once a minute', () => {
    expect(needsTouch(session, at(0.99))).toBe(false);
    expect(needsTouch(session, at(1))).toBe(true);
  });

  it('stores a hash, not the token', () => {
    const id = sessionIdOf('token-value');
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(id).not.toContain('token-value');
  });
});
