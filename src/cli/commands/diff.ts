// `backlog diff [BASE] [HEAD]`: what a change means for the backlog, for a terminal, a pull
// request comment or a machine.
import { appendFileSync } from 'node:fs';
import { review } from '../../diff/review.js';
import { errorMessage, IoError } from '../../errors.js';
import { diffJson } from '../../format/diff-json.js';
import { diffMarkdown } from '../../format/diff-markdown.js';
import { diffText } from '../../format/diff-text.js';
import { backlogsAt, type BacklogAt } from '../../git/backlog-at.js';
import { defaultBase, openRepository, resolveCommit, WORKTREE } from '../../git/repository.js';
import { resolveRoot } from '../../load/find-root.js';
import type { SourceFile } from '../../load/types.js';
import { resolveAsOf } from '../as-of.js';
import { colourEnabled, createStyle } from '../colour.js';
import type { CliIO } from '../io.js';
import { parseCache } from '../parse-cache.js';

export interface DiffOptions {
  root?: string;
  format: 'text' | 'markdown' | 'json';
  exitCode?: boolean;
  asOf?: string;
  color?: boolean;
}

export async function runDiff(baseRef: string | undefined, headRef: string | undefined, options: DiffOptions, io: CliIO): Promise<number> {
  const asOf = resolveAsOf(options.asOf, io.env);
  const root = resolveRoot(io.cwd, options.root);
  const repository = await openRepository(root);
  const head = headRef === undefined ? WORKTREE : await resolveCommit(repository, headRef);
  const base = baseRef === undefined ? await defaultBase(repository, head === WORKTREE ? 'HEAD' : head, io.env) : await resolveCommit(repository, baseRef);
  // Both sides share nearly every file: each distinct text is parsed once.
  const load = { asOf, memo: new Map<string, SourceFile>(), ...parseCache(root, io) };
  const [before, after] = (await backlogsAt(repository, [base, head], root, load)) as [BacklogAt, BacklogAt];
  load.cache?.save();
  const changes = review(
    { backlog: before.result.backlog, graph: before.result.graph, diagnostics: before.result.diagnostics },
    { backlog: after.result.backlog, graph: after.result.graph, diagnostics: after.result.diagnostics },
  );
  const header = { base, head };
  if (options.format === 'json') io.stdout(diffJson(changes, header));
  else if (options.format === 'markdown') {
    const text = diffMarkdown(changes, header);
    io.stdout(text);
    const summary = io.env.GITHUB_STEP_SUMMARY;
    if (summary) {
      try {
        appendFileSync(summary, text);
      } catch (error) {
        throw new IoError(`cannot append to GITHUB_STEP_SUMMARY (${summary}): ${errorMessage(error)}`, { cause: error });
      }
    }
  } else io.stdout(diffText(changes, header, createStyle(colourEnabled(io, options.color))));
  return options.exitCode && changes.changes.length > 0 ? 1 : 0;
}
