import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'models/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          testTimeout: 60_000,
          // vitest's default on a 2-core machine is one worker (cores − 1); two finish the unit suite in 176 s
          // instead of 253 s here, and nothing in it depends on having the machine to itself
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // each file launches its own Chromium and server; two cores → one file at a time
          fileParallelism: false,
        },
      },
    ],
  },
});
