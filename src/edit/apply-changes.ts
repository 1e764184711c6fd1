// Every command that writes goes through here: the changed backlog is validated first, a change
// that would add errors or touch a file with YAML errors is refused, and files are written
// atomically; with --dry-run, a unified diff instead.
import { closeSync, existsSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from '../load/types.js';
import type { BacklogModel } from '../load/backlog-of-files.js';
import { readSourceFile } from '../load/read-source-file.js';
import { findingDelta } from '../diff/review.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { validate } from '../validate/validate.js';
import { writeFilesAtomic, writeFilesJournaled } from '../files/atomic-write.js';
import { readFileText } from '../load/file-text.js';
import { errorMessage, IoError } from '../errors.js';
import { withLineEndsOf } from './line-ends.js';
import { applyEdits, EditError, type Edit } from './text-edits.js';
import { unifiedDiff } from './unified-diff.js';
import { openRegularFile } from '../files/regular-file.js';
import { isReadOnly, writeTarget } from '../files/write-target.js';

export interface ApplyOptions {
  root: string;
  dryRun: boolean;
  asOf: string;
  /** The journal of the backlog's lock (backlog-lock.ts): the files are then written all or none, even across a crash. */
  journal?: string;
  /** The model of `files` when the caller has it: the findings before the change are taken from it, not from the files again. */
  model?: BacklogModel;
}

export type ApplyResult =
  | { status: 'applied' | 'dry-run' | 'unchanged'; diff: string; files: string[] }
  | { status: 'refused'; reason: string; introduced: Diagnostic[] };

export function applyChanges(files: readonly SourceFile[], changes: ReadonlyMap<string, string>, options: ApplyOptions): ApplyResult {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const changed = [...changes]
    .map(([path, text]): [string, string] => [path, withLineEndsOf(byPath.get(path)?.text ?? '', text)])
    .filter(([path, text]) => byPath.get(path)?.text !== text);
  if (changed.length === 0) return { status: 'unchanged', diff: '', files: [] };
  for (const [path] of changed) {
    const file = byPath.get(path);
    if (file && file.problems.length > 0) return refusedFor(path);
    // A file the backlog does not read (excluded by the project) would be written over whole.
    if (!file && existsSync(join(options.root, path))) {
      return { status: 'refused', reason: `${path} exists but is not read as part of the backlog (see \`exclude\` in backlog.yaml): name another file; nothing was written`, introduced: [] };
    }
  }
  const written = new Map(changed);
  const after = [...byPath.values()].map((file) => (written.has(file.path) ? readSourceFile(file.path, Buffer.from(written.get(file.path)!)) : file));
  for (const [path, text] of changed) if (!byPath.has(path)) after.push(readSourceFile(path, Buffer.from(text)));
  const checks = { asOf: options.asOf, errorsOnly: true };
  const introduced = findingDelta(validate(files, checks, options.model).diagnostics, validate(after, checks).diagnostics).introduced;
  if (introduced.length > 0) return { status: 'refused', reason: 'the change would add errors; nothing was written', introduced };

  // The diff only for a dry run, which prints it: a large import's costs time to make.
  if (options.dryRun) return { status: 'dry-run', diff: changed.map(([path, text]) => unifiedDiff(path, byPath.get(path)?.text ?? '', text)).join(''), files: changed.map(([path]) => path) };
  const moved = changed.find(([path]) => textNow(join(options.root, path)) !== byPath.get(path)?.text);
  if (moved) {
    return { status: 'refused', reason: `${moved[0]} changed since it was read (another command or an editor wrote it): nothing was written; run the command again`, introduced: [] };
  }
  const readOnly = changed.find(([path]) => isReadOnly(join(options.root, path)));
  if (readOnly) return { status: 'refused', reason: `${readOnly[0]} is read-only: make it writable first; nothing was written`, introduced: [] };
  // Through a symbolic link, on the file it points at: the link stays a link.
  const writes = changed.map(([path, text]) => [writeTarget(join(options.root, path)), withByteOrderMarkOf(join(options.root, path), text)] as const);
  if (options.journal) writeFilesJournaled(writes, options.journal);
  else writeFilesAtomic(writes);
  return { status: 'applied', diff: '', files: changed.map(([path]) => path) };
}

/**
 * Edits by file, applied to the files' texts and then written as applyChanges writes: a file
 * with YAML errors, or an edit that cannot be made, is a refusal naming the file.
 */
export function applyFileEdits(files: readonly SourceFile[], edits: ReadonlyMap<string, readonly Edit[]>, options: ApplyOptions): ApplyResult {
  const changes = new Map<string, string>();
  for (const [path, fileEdits] of edits) {
    const file = files.find((f) => f.path === path);
    if (file && file.problems.length > 0) return refusedFor(path);
    try {
      changes.set(path, applyEdits(file?.text ?? '', fileEdits));
    } catch (error) {
      if (error instanceof EditError) return { status: 'refused', reason: `cannot edit ${path}: ${error.message}; nothing was written`, introduced: [] };
      throw error;
    }
  }
  return applyChanges(files, changes, options);
}

const BYTE_ORDER_MARK = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The text, starting with a byte-order mark when the file it replaces starts with one: the
 * text read has it removed (load/decode.ts), and an editor that wrote it wants it kept.
 */
function withByteOrderMarkOf(path: string, text: string): string {
  const head = Buffer.alloc(BYTE_ORDER_MARK.length);
  try {
    const fd = openRegularFile(path);
    try {
      readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return text; // A new file, or one that cannot be read: the write reports what matters.
  }
  return head.equals(BYTE_ORDER_MARK) ? `\uFEFF${text}` : text;
}

/** A file's text as it is now; undefined when there is none. */
function textNow(path: string): string | undefined {
  try {
    return readFileText(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new IoError(`cannot read ${path}: ${errorMessage(error)}`, { cause: error });
  }
}

function refusedFor(path: string): ApplyResult {
  return { status: 'refused', reason: `${path} has YAML errors: fix them first (see \`backlog validate\`), nothing was written`, introduced: [] };
}
