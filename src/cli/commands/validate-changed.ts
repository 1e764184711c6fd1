// `backlog validate --changed`: only the findings a change is answerable for. Apart from
// validate.ts so that git and its library are loaded only when asked for.
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { Cache } from '../../cache/cache.js';
import { findingDelta } from '../../diff/review.js';
import { changedFiles, defaultBase, resolveCommit, withRepository, WORKTREE } from '../../git/repository.js';
import { reviewSidesAt, type CheckedSide } from '../../git/review-sides.js';
import { readFileText } from '../../load/file-text.js';
import { noBacklogFiles } from '../../load/read-files.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { SourceTexts } from '../../validate/validate.js';
import type { CliIO } from '../io.js';

/** What `validate` reports of the working tree, its findings those a change is answerable for. */
interface ChangedValidation {
  files: readonly string[];
  entities: number;
  diagnostics: Diagnostic[];
  sources: SourceTexts;
  /** What the listing of the files skipped. */
  notices: readonly string[];
}

/**
 * The findings a change is answerable for: those in the files it changed (new files included),
 * and those anywhere that were not there at the base (a workload removed but still referenced).
 * Both sides are review sides: from the cache when it holds them (a working tree with HEAD's
 * files is HEAD), else read.
 */
export async function validateChanged(root: string, { baseRef, asOf, cache }: { baseRef: string | undefined; asOf: string; cache?: Cache }, io: CliIO): Promise<ChangedValidation> {
  const [changedPaths, sides] = await withRepository(root, async (repository) => {
    const base = baseRef === undefined ? await defaultBase(repository, 'HEAD', io.env) : await resolveCommit(repository, baseRef);
    return Promise.all([changedFiles(repository, base, WORKTREE), reviewSidesAt(repository, [base, WORKTREE], root, { asOf, ...(cache ? { cache } : {}) })]);
  });
  const changed = new Set(changedPaths);
  const [before, after] = sides as [CheckedSide, CheckedSide];
  if (after.files.length === 0) throw noBacklogFiles(root);
  const introduced = new Set(findingDelta(before.diagnostics, after.diagnostics).introduced);
  return {
    files: after.files,
    entities: after.entities,
    diagnostics: after.diagnostics.filter((d) => changed.has(d.file) || introduced.has(d)),
    sources: textsOnDisk(root),
    notices: after.notices,
  };
}

/** The texts of the working tree's files, each read when a finding is shown (the side may come from the cache). */
function textsOnDisk(root: string): SourceTexts {
  const realRoot = realpathSync(root);
  return {
    get(path) {
      try {
        return readFileText(join(realRoot, path));
      } catch {
        // Gone since: the finding is shown without its line.
        return undefined;
      }
    },
  };
}
