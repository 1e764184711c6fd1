import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { useRunTempDir } from './tests/helpers/run-temp-dir.js';

useRunTempDir();

// Two projects, both in `npm test`: `unit` runs the CLI in-process (run(argv, io)); `e2e`
// starts processes and threads of the build, which its global setup makes first. Timeouts only
// guard against a hang: a busy machine may be several times slower than a quiet one.
export default defineConfig({
  test: {
    // Vitest's default leaves a core idle; the tests wait on files and child processes too.
    maxWorkers: Math.max(2, availableParallelism()),
    pool: 'forks',
    // The HTML report imports its stylesheet as text (`?raw`): vitest would otherwise give it as empty.
    css: { include: [/\.css\?raw$/] },
    setupFiles: ['tests/helpers/after-each-file.ts'],
    projects: [
      {
        extends: true,
        // One module graph per worker, not per file (in both projects): loading the sources again
        // for each file cost a third of the run. Tests restore what they stub.
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**'], isolate: false, testTimeout: 120_000, hookTimeout: 120_000 },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], isolate: false, globalSetup: ['tests/e2e/build-once.ts'], testTimeout: 300_000, hookTimeout: 300_000 },
      },
    ],
  },
});
