// The backlog as it is at a commit, or in the working tree: its files, model and findings.
import { fsSource } from '../load/fs-source.js';
import { loadFiles, type LoadOptions } from '../load/load-files.js';
import type { SourceFile } from '../load/types.js';
import { validate, type ValidationResult } from '../validate/validate.js';
import { gitSource } from './git-source.js';
import { WORKTREE, type Repository } from './repository.js';

export interface BacklogAt {
  /** A commit id, or WORKTREE. */
  at: string;
  files: SourceFile[];
  result: ValidationResult;
  notices: string[];
}

/** The parse cache serves commits as it serves the working tree: it is keyed by content alone. */
export async function backlogAt(repository: Repository, at: string, root: string, options: { asOf: string } & Pick<LoadOptions, 'memo' | 'cache'>): Promise<BacklogAt> {
  const source = at === WORKTREE ? fsSource(root) : await gitSource(repository, at);
  const { asOf, ...load } = options;
  const files = await loadFiles(source, { allowEmpty: true, ...load });
  return { at, files, result: validate(files, { asOf }), notices: source.notices };
}
