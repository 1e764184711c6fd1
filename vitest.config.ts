import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The CLI runs in-process; a few tests spawn the built binary and need more time.
    testTimeout: 30_000,
    pool: 'forks',
  },
});
