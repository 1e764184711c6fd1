// `backlog validate --changed`: only the findings a change is answerable for. Apart from
// validate.ts so that git and its library are loaded only when asked for.
import { findingDelta } from '../../diff/review.js';
import { backlogAt } from '../../git/backlog-at.js';
import { changedFiles, defaultBase, openRepository, resolveCommit, WORKTREE } from '../../git/repository.js';
import type { ParseCache } from '../../load/parse-cache.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { CliIO } from '../io.js';

/**
 * The findings a change is answerable for: those in the files it changed (new files included),
 * and those anywhere that were not there at the base (a workload removed but still referenced).
 */
export async function changedOnly(root: string, diagnostics: Diagnostic[], { baseRef, asOf, cache }: { baseRef: string | undefined; asOf: string; cache?: ParseCache }, io: CliIO): Promise<Diagnostic[]> {
  const repository = await openRepository(root);
  const base = baseRef === undefined ? await defaultBase(repository, 'HEAD', io.env) : await resolveCommit(repository, baseRef);
  const changed = new Set(await changedFiles(repository, base, WORKTREE));
  const before = await backlogAt(repository, base, root, { asOf, ...(cache ? { cache } : {}) });
  const introduced = new Set(findingDelta(before.result.diagnostics, diagnostics).introduced);
  return diagnostics.filter((d) => changed.has(d.file) || introduced.has(d));
}
