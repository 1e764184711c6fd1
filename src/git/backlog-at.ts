// The backlog as it is at a commit, or in the working tree: its files, model and findings.
import { fsSource } from '../load/fs-source.js';
import { loadFiles } from '../load/load-files.js';
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

export async function backlogAt(repository: Repository, at: string, root: string, options: { asOf: string; memo?: Map<string, SourceFile> }): Promise<BacklogAt> {
  const source = at === WORKTREE ? fsSource(root) : await gitSource(repository, at);
  const files = await loadFiles(source, { allowEmpty: true, ...(options.memo ? { memo: options.memo } : {}) });
  return { at, files, result: validate(files, { asOf: options.asOf }), notices: source.notices };
}
