// Every command that writes goes through here: the changed backlog is validated first, a change
// that would add errors or touch a file with YAML errors is refused, and files are written
// atomically; with --dry-run, a unified diff instead.
import { closeSync, existsSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from '../load/types.js';
import { backlogOfFiles, modelWithFilesSwapped, type BacklogModel } from '../load/backlog-of-files.js';
import { readSourceFile } from '../load/read-source-file.js';
import { findingDelta } from '../diff/review.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Backlog } from '../model/backlog.js';
import type { WorkloadGraph } from '../model/graph.js';
import { findings, findingsKept } from '../validate/validate.js';
import { undatedFindingsAfterEdit } from '../validate/findings-after-edit.js';
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
}

/**
 * The backlog an edit is checked against: its files as read and its model. The model after the
 * edit is this one with the edited files read again, the others' entities as they are.
 */
export interface EditBase {
  /** Every file of the backlog, in order. */
  paths: readonly string[];
  /** The file at a path as read; undefined when the backlog has none there. */
  fileAt(path: string): SourceFile | undefined;
  model: BacklogModel;
  /** The model's findings that do not depend on the date, of every severity, when the base keeps them (a snapshot's): `compute` works them out when they are not kept yet. */
  keptFindings?(compute: () => Diagnostic[]): Diagnostic[];
  /** Keeps findings with its model: a change to be written works out those of the model after (`AfterChange.undatedFindings`) to keep with it. */
  keepsFindings?: boolean;
  /** The model's graph over another backlog of the same graph (with `serversChanged`, but for those servers' figures), when it has one that names entities by their places (a snapshot's); undefined when not. */
  graphAlike?(backlog: Backlog, serversChanged?: readonly number[]): WorkloadGraph | undefined;
  /** The model of all these files, for an edit whose model cannot be made by swapping files (a file with `project`). */
  modelOfAll?(files: SourceFile[]): BacklogModel;
}

/** The base of an edit whose every file was read. */
export function editBaseOfFiles(files: readonly SourceFile[], model: BacklogModel): EditBase {
  const byPath = new Map(files.map((file) => [file.path, file]));
  return { paths: files.map((file) => file.path), fileAt: (path) => byPath.get(path), model, modelOfAll: backlogOfFiles };
}

/** The backlog after a change was written: its files in order, those written read again, and its model. */
export interface AfterChange {
  paths: string[];
  written: SourceFile[];
  model: BacklogModel;
  /** With a base that keeps findings: the model's findings that do not depend on the date, of every severity. */
  undatedFindings?: Diagnostic[];
}

export type ApplyResult =
  | { status: 'applied'; diff: string; files: string[]; after: AfterChange }
  | { status: 'dry-run' | 'unchanged'; diff: string; files: string[] }
  | { status: 'refused'; reason: string; introduced: Diagnostic[] };

export function applyChanges(base: EditBase, changes: ReadonlyMap<string, string>, options: ApplyOptions): ApplyResult {
  const changed = [...changes]
    .map(([path, text]): [string, string] => [path, withLineEndsOf(base.fileAt(path)?.text ?? '', text)])
    .filter(([path, text]) => base.fileAt(path)?.text !== text);
  if (changed.length === 0) return { status: 'unchanged', diff: '', files: [] };
  for (const [path] of changed) {
    const file = base.fileAt(path);
    if (file && file.problems.length > 0) return refusedFor(path);
    // A file the backlog does not read (excluded by the project) would be written over whole.
    if (!file && existsSync(join(options.root, path))) {
      return { status: 'refused', reason: `${path} exists but is not read as part of the backlog (see \`exclude\` in backlog.yaml): name another file; nothing was written`, introduced: [] };
    }
  }
  const after = modelAfter(base, changed);
  const checks = { asOf: options.asOf, errorsOnly: true };
  // The findings kept are of every severity.
  const everySeverity = { asOf: options.asOf };
  const errors = (all: Diagnostic[]) => all.filter((finding) => finding.severity === 'error');
  const placingBefore = { get: (path: string) => base.fileAt(path) };
  let keptBefore: Diagnostic[] | undefined;
  const before = base.keptFindings
    ? errors(findingsKept(() => base.model, everySeverity, placingBefore, (compute) => (keptBefore = base.keptFindings!(compute))))
    : findings(base.model, checks, placingBefore);
  const placing = { get: (path: string) => after.byPath.get(path) ?? base.fileAt(path) };
  // From the findings before, when the edit leaves every id where it was; else from the whole model.
  const edited = [...after.byPath.values()].map((file) => ({ before: base.fileAt(file.path), after: file }));
  const undatedAfter = keptBefore && undatedFindingsAfterEdit(keptBefore, edited, after.model, everySeverity, placing);
  const keepsAfter = base.keepsFindings === true && !options.dryRun;
  let undatedFindings: Diagnostic[] | undefined;
  const errorsAfter = keepsAfter || undatedAfter
    ? errors(findingsKept(() => after.model, everySeverity, placing, (compute) => (undatedFindings = undatedAfter ?? compute())))
    : findings(after.model, checks, placing);
  const introduced = findingDelta(before, errorsAfter).introduced;
  if (introduced.length > 0) return { status: 'refused', reason: 'the change would add errors; nothing was written', introduced };

  // The diff only for a dry run, which prints it: a large import's costs time to make.
  if (options.dryRun) return { status: 'dry-run', diff: changed.map(([path, text]) => unifiedDiff(path, base.fileAt(path)?.text ?? '', text)).join(''), files: changed.map(([path]) => path) };
  const moved = changed.find(([path]) => textNow(join(options.root, path)) !== base.fileAt(path)?.text);
  if (moved) {
    return { status: 'refused', reason: `${moved[0]} changed since it was read (another command or an editor wrote it): nothing was written; run the command again`, introduced: [] };
  }
  const readOnly = changed.find(([path]) => isReadOnly(join(options.root, path)));
  if (readOnly) return { status: 'refused', reason: `${readOnly[0]} is read-only: make it writable first; nothing was written`, introduced: [] };
  // Through a symbolic link, on the file it points at: the link stays a link.
  const writes = changed.map(([path, text]) => [writeTarget(join(options.root, path)), withByteOrderMarkOf(join(options.root, path), text)] as const);
  if (options.journal) writeFilesJournaled(writes, options.journal);
  else writeFilesAtomic(writes);
  return { status: 'applied', diff: '', files: changed.map(([path]) => path), after: { paths: after.paths, written: [...after.byPath.values()], model: after.model, ...(keepsAfter && undatedFindings ? { undatedFindings } : {}) } };
}

/** The model after the change: the base's with the changed files read again, else (a file with `project`) from all the files. */
function modelAfter(base: EditBase, changed: ReadonlyArray<[string, string]>) {
  const byPath = new Map(changed.map(([path, text]) => [path, readSourceFile(path, Buffer.from(text))]));
  // A new file takes its place in the order the files are listed in (by path), as a load would read it.
  const paths = [...base.paths];
  for (const [path] of changed) {
    if (base.fileAt(path)) continue;
    const after = paths.findIndex((other) => other > path);
    paths.splice(after === -1 ? paths.length : after, 0, path);
  }
  const model = modelWithFilesSwapped(base.model, paths, [...byPath.values()], base.graphAlike, (path) => base.fileAt(path)) ?? base.modelOfAll?.(paths.map((path) => byPath.get(path) ?? base.fileAt(path)!));
  if (!model) throw new Error('the model after the change needs every file read');
  return { paths, byPath, model };
}

/**
 * Edits by file, applied to the files' texts and then written as applyChanges writes: a file
 * with YAML errors, or an edit that cannot be made, is a refusal naming the file.
 */
export function applyFileEdits(base: EditBase, edits: ReadonlyMap<string, readonly Edit[]>, options: ApplyOptions): ApplyResult {
  const changes = new Map<string, string>();
  for (const [path, fileEdits] of edits) {
    const file = base.fileAt(path);
    if (file && file.problems.length > 0) return refusedFor(path);
    try {
      changes.set(path, applyEdits(file?.text ?? '', fileEdits));
    } catch (error) {
      if (error instanceof EditError) return { status: 'refused', reason: `cannot edit ${path}: ${error.message}; nothing was written`, introduced: [] };
      throw error;
    }
  }
  return applyChanges(base, changes, options);
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
