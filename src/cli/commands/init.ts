// `backlog init [DIR]`: a starter backlog that validates clean. Refuses to overwrite anything.
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { writeFileAtomic } from '../../edit/atomic-write.js';
import { starterFiles } from '../../edit/starter-backlog.js';
import { errorMessage, IoError, UsageError } from '../../errors.js';
import { makeFolder } from '../../files/make-folder.js';
import type { CliIO } from '../io.js';

export function runInit(dir: string | undefined, io: CliIO): number {
  const target = resolve(io.cwd, dir ?? '.');
  const files = starterFiles();
  const shown = relative(io.cwd, target);
  const where = shown === '' ? '.' : shown.startsWith('..') ? target : shown;
  const existing = [...files.keys()].filter((path) => existsSync(join(target, path)));
  if (existing.length > 0) {
    throw new UsageError(`${where} already has ${existing.join(', ')}: init writes nothing over existing files`, 'run it in a new folder');
  }
  try {
    for (const [path, text] of files) {
      makeFolder(dirname(join(target, path)));
      writeFileAtomic(join(target, path), text);
    }
  } catch (error) {
    throw error instanceof IoError ? error : new IoError(`cannot create the backlog in ${target}: ${errorMessage(error)}`, { cause: error });
  }
  io.stdout(`Started a backlog in ${where}:\n${[...files.keys()].map((path) => `  ${path}\n`).join('')}Next: edit the examples, then \`backlog validate${where === '.' ? '' : ` --root ${where}`}\`.\n`);
  return 0;
}
