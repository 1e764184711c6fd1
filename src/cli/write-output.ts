// How every command delivers what it made: to stdout, or to the file that `-o FILE` or
// `-f FORMAT=FILE` names, and in GitHub Actions to the job summary too.
import { appendFileSync, realpathSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { errorMessage, IoError } from '../errors.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import type { CliIO } from './io.js';

export interface OutputTarget {
  /** A file to write instead of stdout, relative to the working folder. */
  file?: string | undefined;
  /** With a file: make its folder when there is none (the default); false: a missing folder is an error. */
  makeFolder?: boolean;
  /** Also append the output to the job summary, when GITHUB_STEP_SUMMARY names one. */
  jobSummary?: boolean;
}

export function writeOutput(io: CliIO, content: string, target?: OutputTarget): void;
export function writeOutput(io: CliIO, content: Uint8Array, target: OutputTarget & { file: string }): void;
export function writeOutput(io: CliIO, content: string | Uint8Array, target: OutputTarget = {}): void {
  if (target.file === undefined) io.stdout(content as string);
  else writeFile(resolve(io.cwd, target.file), content, target.makeFolder !== false);
  if (target.jobSummary) appendJobSummary(io, content as string);
}

/** Markdown for the page GitHub shows under the job; outside GitHub Actions, nothing. */
export function appendJobSummary(io: CliIO, markdown: string): void {
  const summary = io.env.GITHUB_STEP_SUMMARY;
  if (!summary) return;
  try {
    appendFileSync(summary, markdown);
  } catch (error) {
    throw new IoError(`cannot append to GITHUB_STEP_SUMMARY (${summary}): ${errorMessage(error)}`, { cause: error });
  }
}

/**
 * A file is replaced whole, so that a reader never sees half of it; through a link, its target
 * is. A device or a pipe (`/dev/stderr`) has nothing to replace: it is written into.
 */
function writeFile(path: string, content: string | Uint8Array, makeFolder: boolean): void {
  const found = statOf(path);
  if (found && !found.isFile()) {
    try {
      writeFileSync(path, content);
    } catch (error) {
      throw new IoError(`cannot write ${path}: ${errorMessage(error)}`, { cause: error });
    }
    return;
  }
  if (!found && !makeFolder && !statOf(dirname(path))) throw new IoError(`cannot write ${path}: ENOENT: no folder ${dirname(path)}`);
  writeFileAtomic(found ? realpathSync(path) : path, content);
}

/** What is at a path; undefined when nothing is, or it cannot be seen (the write then says why). */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
