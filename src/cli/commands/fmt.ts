// `backlog fmt [--check] [paths]`: the canonical layout, comments kept; --check lists the files
// that would change and exits 1. Contents with a verdict already are not formatted again; --check
// on a backlog unchanged since its snapshot reads the files' bytes and nothing else of them.
import { relative, resolve, sep } from 'node:path';
import { FormatVerdicts } from '../../edit/format-verdicts.js';
import { formatFiles, type FormatCandidate } from '../../edit/format-files.js';
import { UsageError } from '../../errors.js';
import { decodeText } from '../../load/decode.js';
import { backlogPaths } from '../../load/file-filter.js';
import { fsSource } from '../../load/fs-source.js';
import { ROOT_FILE } from '../../load/find-root.js';
import { openSnapshot } from '../../load/snapshot.js';
import type { Cache } from '../../cache/cache.js';
import type { SourceFile } from '../../load/types.js';
import { plural } from '../../text/list.js';
import { printable } from '../../text/printable.js';
import { resolveAsOf } from '../as-of.js';
import { backlogRoot } from '../backlog-root.js';
import { cacheOf } from '../caching.js';
import { colourEnabled, createStyle } from '../colour.js';
import type { CliIO } from '../io.js';
import { openBacklog, warnOfSkipsAndErrors, whileWriting } from '../open-backlog.js';
import { reportApplied } from '../report-applied.js';
import { writeOutput } from '../write-output.js';

type FmtOptions = { root?: string; check?: boolean; dryRun?: boolean; asOf?: string; color?: boolean };

export async function runFmt(paths: string[], options: FmtOptions, io: CliIO): Promise<number> {
  if (options.check) return check(paths, options, io);
  const writes = options.dryRun !== true;
  return whileWriting(io, options.root, writes, (journal) => fmt(paths, options, io, journal));
}

async function check(paths: string[], options: FmtOptions, io: CliIO): Promise<number> {
  resolveAsOf(options.asOf, io.env); // checked as every command checks it, though nothing is dated
  const cache = cacheOf(io);
  const root = await backlogRoot(io, options.root);
  const files = (cache && (await unchangedFiles(io, cache, root))) ?? (await loadedFiles(io, root));
  const verdicts = cache && FormatVerdicts.open(cache, root);
  const { changed, skipped } = await formatFiles(chosen(files, paths, wantedPaths(paths, root, io)), { texts: false, verdicts });
  verdicts?.save();
  for (const skip of skipped) io.stderr(skippedLine(skip));
  for (const path of changed) writeOutput(io, `${printable(path)}\n`);
  if (changed.length > 0) io.stderr(`backlog: ${plural(changed.length, 'file')} would be reformatted; run \`backlog fmt\`\n`);
  return changed.length > 0 || skipped.length > 0 ? 1 : 0;
}

/** The files of a backlog unchanged since its snapshot, read one at a time (their text decoded if asked); undefined when it changed. */
async function unchangedFiles(io: CliIO, cache: Cache, root: string): Promise<AsyncIterable<FormatCandidate> | undefined> {
  const source = fsSource(root);
  let paths: string[] = [];
  const snapshot = await openSnapshot(cache, root, source, async (exclude) => (paths = await backlogPaths(source, exclude)));
  if (!snapshot) return undefined;
  warnOfSkipsAndErrors(io, source, snapshot.drafts, 'edit');
  // Each file read into the same room: most have a verdict by their bytes, and kept no longer.
  let room = new Uint8Array(64 * 1024);
  const roomFor = (size: number) => (size <= room.length ? room : (room = new Uint8Array(size)));
  return (async function* () {
    for (const path of paths) {
      const bytes = await source.readFile(path, roomFor);
      if (!bytes) continue;
      yield { path, bytes, text: () => textOf(path, Buffer.from(bytes)) };
    }
  })();

  /** A file's text, or undefined when it has problems (the parsers loaded only for a file formatted now). */
  async function textOf(path: string, bytes: Uint8Array): Promise<string | undefined> {
    const { text, problem } = decodeText(bytes);
    if (problem) return undefined;
    const { readSourceFile } = await import('../../load/read-source-file.js');
    return readSourceFile(path, bytes).problems.length > 0 ? undefined : text;
  }
}

/** Every file read and checked (a snapshot taken for the next run). */
async function loadedFiles(io: CliIO, root: string): Promise<FormatCandidate[]> {
  const opened = await openBacklog(io, root, { snapshot: true, use: 'edit' });
  return opened.files.map(candidate);
}

/** A file read: known by its text (equal to its bytes unless they had a byte-order mark or lone CRs). */
function candidate(file: SourceFile): FormatCandidate {
  const clean = file.problems.length === 0;
  return { path: file.path, bytes: clean ? Buffer.from(file.text) : undefined, text: () => (clean ? file.text : undefined) };
}

/** The paths given, relative to the root. */
function wantedPaths(paths: string[], root: string, io: CliIO): string[] {
  return paths.map((path) => {
    const rel = relative(root, resolve(io.cwd, path)).split(sep).join('/');
    if (rel.startsWith('..')) throw new UsageError(`${path} is outside the backlog root ${root}`);
    return rel;
  });
}

/** The files under the paths given (every file when none is). */
async function* chosen<F extends { path: string }>(files: Iterable<F> | AsyncIterable<F>, paths: string[], wanted: readonly string[]): AsyncGenerator<F> {
  let found = 0;
  for await (const file of files) {
    if (wanted.length > 0 && !wanted.some((w) => w === '' || file.path === w || file.path.startsWith(`${w}/`))) continue;
    found += 1;
    yield file;
  }
  if (wanted.length > 0 && found === 0) throw new UsageError(`no backlog files in ${paths.join(', ')}`);
}

function skippedLine({ path, foreign }: { path: string; foreign?: string | undefined }): string {
  if (foreign !== undefined) {
    return `backlog: skipped ${printable(path)}: ${printable(foreign)}, so it is no backlog file; list it in \`exclude\` of ${ROOT_FILE}'s project\n`;
  }
  return `backlog: skipped ${printable(path)}: it has YAML errors (see \`backlog validate\`)\n`;
}

async function fmt(paths: string[], options: FmtOptions, io: CliIO, journal: string | undefined): Promise<number> {
  const asOf = resolveAsOf(options.asOf, io.env);
  const opened = await openBacklog(io, options.root, { use: 'edit' });
  const cache = cacheOf(io);
  const verdicts = cache && FormatVerdicts.open(cache, opened.root);
  const { texts: changes, skipped } = await formatFiles(chosen(opened.files.map(candidate), paths, wantedPaths(paths, opened.root, io)), { texts: true, verdicts });
  verdicts?.save();
  for (const skip of skipped) io.stderr(skippedLine(skip));
  const { applyChanges, editBaseOfFiles } = await import('../../edit/apply-changes.js');
  const result = applyChanges(editBaseOfFiles(opened.files, opened), changes, { root: opened.root, dryRun: options.dryRun === true, asOf, ...(journal ? { journal } : {}) });
  if (skipped.length > 0 && result.status === 'unchanged') {
    // After the files skipped, "Nothing to change" would read as all is well, beside exit 1.
    writeOutput(io, 'Nothing else to change.\n');
    return 1;
  }
  const code = reportApplied(result, io, createStyle(colourEnabled(io, options.color)));
  return skipped.length > 0 ? Math.max(code, 1) : code;
}
