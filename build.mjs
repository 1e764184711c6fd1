// The build: one esbuild bundle of the CLI and of the programmatic API, split into chunks so
// that each command loads only what it needs (start-up is a bar of the specification), plus
// type declarations from tsc for the API.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

// The caches are keyed by this as well as the version: another build never reads their entries.
const hash = createHash('sha1');
for (const file of readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.js')).sort()) {
  hash.update(file).update(readFileSync(join('dist', file)));
}
writeFileSync(join('dist', 'build-id'), `${hash.digest('hex').slice(0, 16)}\n`);
