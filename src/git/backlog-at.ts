// The backlog as it is at a commit, or in the working tree: its files, model and findings.
import { fsSource } from '../load/fs-source.js';
import { loadBacklog, type LoadOptions } from '../load/load-backlog.js';
import type { SourceFile } from '../load/types.js';
import { validate, type ValidationResult } from '../validate/validate.js';
import type { BacklogSource } from '../load/source.js';
import { gitSources } from './git-source.js';
import { WORKTREE, type Repository } from './repository.js';

export interface BacklogAt {
  /** A commit id, or WORKTREE. */
  at: string;
  files: SourceFile[];
  result: ValidationResult;
  notices: string[];
}

type BacklogAtOptions = { asOf: string; /** The working tree's source, when the caller has it already. */ worktree?: BacklogSource } & Pick<LoadOptions, 'memo' | 'cache'>;

/** The parse cache serves commits as it serves the working tree: it is keyed by content alone. */
export async function backlogAt(repository: Repository, at: string, root: string, options: BacklogAtOptions): Promise<BacklogAt> {
  const [backlog] = await backlogsAt(repository, [at], root, options);
  return backlog!;
}

/** The backlog at several commits (or the working tree), the blobs of all of them read at once. */
export async function backlogsAt(repository: Repository, ats: readonly string[], root: string, options: BacklogAtOptions): Promise<BacklogAt[]> {
  const commits = [...new Set(ats.filter((at) => at !== WORKTREE))];
  const fromGit = new Map((await gitSources(repository, commits)).map((source, index) => [commits[index]!, source]));
  const backlogs: BacklogAt[] = [];
  for (const at of ats) backlogs.push(await loadAt(at, at === WORKTREE ? (options.worktree ?? fsSource(root)) : fromGit.get(at)!, options));
  return backlogs;
}

async function loadAt(at: string, source: BacklogSource, options: BacklogAtOptions): Promise<BacklogAt> {
  const { asOf, worktree: _, ...load } = options;
  const loaded = await loadBacklog(source, { allowEmpty: true, ...load });
  return { at, files: loaded.files, result: validate(loaded.files, { asOf }, loaded), notices: source.notices };
}
