// The build: one esbuild bundle of the CLI and of the programmatic API, split into chunks so
// that each command loads only what it needs (start-up is a bar of the specification), plus
// type declarations from tsc for the API.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunks are named by content hash: without a clean start, old ones pile up.
rmSync('dist', { recursive: true, force: true });

await build({
  entryPoints: { 'cli/main': 'src/cli/main.ts', index: 'src/index.ts', 'load/parse-worker': 'src/load/parse-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  logLevel: 'warning',
  // CommonJS dependencies bundled into ESM still call require() for Node's own modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
});
