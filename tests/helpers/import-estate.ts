// The small estate the import tests start from (tests/fixtures/imports/estate), with exports
// copied beside it.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { read, tempDir, writeFiles } from './temp-dir.js';

export const IMPORT_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'imports');
export const importGolden = (name: string): string => join(import.meta.dirname, '..', 'golden', 'import', name);

/**
 * A copy of a backlog (the estate by default) in a folder of its own inside a temporary one, so
 * that a path outside the root can be named; the given exports from the fixtures copied into
 * it, and files written over it.
 */
export function backlogWith(exports: string[], options: { from?: string; files?: Record<string, string> } = {}): string {
  const root = join(tempDir(), 'backlog');
  cpSync(options.from ?? join(IMPORT_FIXTURES, 'estate'), root, { recursive: true });
  for (const name of exports) cpSync(join(IMPORT_FIXTURES, name), join(root, name));
  writeFiles(root, options.files ?? {});
  return root;
}

export const serversOf = (root: string): Array<Record<string, unknown>> => (parse(read(root, 'servers.yaml')) as { servers: Array<Record<string, unknown>> }).servers;
export const server = (root: string, id: string): Record<string, unknown> | undefined => serversOf(root).find((s) => s.id === id);
