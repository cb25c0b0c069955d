import { afterEach, describe, expect, it } from 'vitest';
import { poolSizeFromEnv } from './engine';

describe('PostgreSQL pool size', () => {
  const saved = process.env.CANBO_DB_POOL_SIZE;
  afterEach(() => {
    if (saved === undefined) delete process.env.CANBO_DB_POOL_SIZE;
    else process.env.CANBO_DB_POOL_SIZE = saved;
  });

  it('is 20 unless CANBO_DB_POOL_SIZE says otherwise', () => {
    delete process.env.CANBO_DB_POOL_SIZE;
    expect(poolSizeFromEnv()).toBe(20);
    process.env.CANBO_DB_POOL_SIZE = '';
    expect(poolSizeFromEnv()).toBe(20);
    process.env.CANBO_DB_POOL_SIZE = '8';
    expect(poolSizeFromEnv()).toBe(8);
  });

  it('refuses a size that is not a whole number from 1 to 500, naming the setting', () => {
    for (const bad of ['0', '-3', '2.5', 'many', '501']) {
      process.env.CANBO_DB_POOL_SIZE = bad;
      expect(() => poolSizeFromEnv()).toThrow(/CANBO_DB_POOL_SIZE/);
    }
  });
});
