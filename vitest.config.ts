import { defineConfig } from 'vitest/config';

// Integration tests (*.int.test.ts) run once per database engine: PGlite always,
// PostgreSQL when TEST_DATABASE_URL is set. Browser journeys live in e2e/.
const engines = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/**/src/**/*.test.ts', 'apps/server/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      ...engines.map((engine) => ({
        test: {
          name: engine,
          include: ['apps/server/**/*.int.test.ts'],
          env: { CANBO_TEST_ENGINE: engine },
          testTimeout: 60_000,
        },
      })),
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
