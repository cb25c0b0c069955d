import { describe, expect, it } from 'vitest';
import { createLoop } from './loop';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createLoop', () => {
  it('runs the first step once, then rounds one after another until stopped', async () => {
    const events: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const loop = createLoop(
      async () => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        events.push('round');
        await pause(15);
        inFlight--;
      },
      5,
      () => events.push('error'),
      async () => {
        events.push('first');
      },
    );
    loop.start();
    await pause(80);
    await loop.stop();
    const rounds = events.filter((e) => e === 'round').length;
    expect(events[0]).toBe('first');
    expect(rounds).toBeGreaterThanOrEqual(2);
    expect(maxInFlight).toBe(1);
    expect(inFlight).toBe(0); // stop waited for the round in progress
    await pause(30);
    expect(events.filter((e) => e === 'round').length).toBe(rounds);
  });

  it('passes a failing round to onError and keeps going', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const loop = createLoop(
      async () => {
        calls++;
        if (calls === 1) throw new Error('boom');
      },
      5,
      (error) => errors.push(error),
    );
    loop.start();
    await pause(60);
    await loop.stop();
    expect(errors).toHaveLength(1);
    expect(calls).toBeGreaterThan(1);
  });
});
