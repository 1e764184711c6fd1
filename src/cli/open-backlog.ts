// Loading a backlog for the query commands: the model with what could be read, and a word on
// stderr when the backlog has errors (the queries still answer from the rest).
import type { SourceFile } from '../load/types.js';
import { resolveRoot } from '../load/find-root.js';
import { fsSource } from '../load/fs-source.js';
import { loadFiles } from '../load/load-files.js';
import type { QueryContext } from '../query/context.js';
import { plural } from '../text/list.js';
import { readBacklog, type ReadBacklog } from '../validate/validate.js';
import type { CliIO } from './io.js';
import { parseCache } from './parse-cache.js';

export interface OpenBacklog extends ReadBacklog {
  root: string;
  files: SourceFile[];
  context: QueryContext;
}

export async function openBacklog(io: CliIO, rootOption: string | undefined): Promise<OpenBacklog> {
  const root = resolveRoot(io.cwd, rootOption);
  const source = fsSource(root);
  const caching = parseCache(root, io);
  const files = await loadFiles(source, caching);
  caching.cache?.save();
  for (const notice of source.notices) io.stderr(`backlog: ${notice}\n`);
  const read = readBacklog(files);
  if (read.drafts.length > 0) {
    io.stderr(`backlog: the backlog has ${plural(read.drafts.length, 'error')} (see \`backlog validate\`); this answer leaves out what could not be read\n`);
  }
  return { ...read, root, files, context: { backlog: read.backlog, graph: read.graph } };
}
