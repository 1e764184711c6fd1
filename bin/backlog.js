#!/usr/bin/env node
// A shim: the CLI is built into dist/ by `npm run build` (run by `npm ci` through `prepare`).
// Without it, one line says what to do instead of Node's stack trace.
try {
  await import('../dist/cli/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist')) throw error;
  // oxlint-disable-next-line no-console -- the CLI's own printing is what is missing
  console.error('backlog: the CLI is not built (dist/ is missing or partial): run `npm ci` or `npm run build` in its folder');
  process.exitCode = 3;
}
