// Loading a backlog: its files read in order (read-files.ts), each added to the model as it
// comes — a cold load parses on two threads, and the model is built meanwhile — and the model
// finished once the last one is in.
import { ModelBuilder, type BacklogModel } from './backlog-of-files.js';
import { readBacklogFiles, type ReadOptions, type RootFile } from './read-files.js';
import type { BacklogSource } from './source.js';
import type { SourceFile } from './types.js';

export type LoadOptions = ReadOptions;

export interface LoadedBacklog extends BacklogModel {
  /** Every file read, in order. */
  files: SourceFile[];
  /** The root file as read for its exclude globs, listed or not. */
  root: RootFile;
}

export async function loadBacklog(source: BacklogSource, options: LoadOptions = {}): Promise<LoadedBacklog> {
  const builder = new ModelBuilder();
  const files: SourceFile[] = [];
  let root: RootFile = { file: undefined, exclude: [] };
  for await (const file of readBacklogFiles(source, options, (found) => (root = found))) {
    files.push(file);
    builder.add(file);
  }
  return { files, root, ...builder.finish() };
}
