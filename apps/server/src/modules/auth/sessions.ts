import { createHash } from 'node:crypto';
import { randomToken } from '../../ids';

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

/** Only the hash of the cookie's token is stored: a copy of the table opens no session. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newSessionToken(): string {
  return randomToken(32);
}

export function sessionExpiry(policy: SessionPolicy, createdAt: Date): Date {
  return new Date(createdAt.getTime() + policy.absoluteHours * 3_600_000);
}

/** A session ends at its absolute expiry or after `idleMinutes` without a request, whichever is first. */
export function isSessionLive(policy: SessionPolicy, session: SessionTimes, now: Date): boolean {
  if (now.getTime() >= session.expiresAt.getTime()) return false;
  return now.getTime() - session.lastSeenAt.getTime() < policy.idleMinutes * 60_000;
}

/** Writing last_seen_at on every request would turn each read into a write; once a minute is enough. */
export function needsTouch(session: SessionTimes, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= 60_000;
}
