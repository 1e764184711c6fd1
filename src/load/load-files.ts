// The only code that reads a backlog: list the files of a source, skip what is not part of
// the backlog, and parse each one.
import { UsageError } from '../errors.js';
import { backlogPaths } from './file-filter.js';
import { ROOT_FILE } from './find-root.js';
import { projectOf } from './read-project.js';
import { blobId } from './content-id.js';
import { ParseWorker, readFiles, SharedReading, type FileToRead } from './parallel-read.js';
import { relocate, type CacheEntry, type ParseCache } from './parse-cache.js';
import { readSourceFile } from './read-source-file.js';
import type { BacklogSource } from './source.js';
import type { SourceFile } from './types.js';

export interface LoadOptions {
  /** An empty backlog is a backlog (the base of a diff that adds one), not an error. */
  allowEmpty?: boolean;
  /**
   * Parsed files by their content id, shared between loads (the two sides of a diff share
   * nearly every file). Parsed values are never changed after parsing, so sharing is safe.
   */
  memo?: Map<string, SourceFile>;
  /** The persistent parse cache (parse-cache.ts); its owner saves it once done loading. */
  cache?: ParseCache;
  /**
   * Told the root file as read (undefined when there is none) and the exclude globs taken from
   * it — even when the file itself is not listed (a link to outside the root).
   */
  onRootFile?: (rootFile: SourceFile | undefined, exclude: readonly string[]) => void;
  /**
   * Told each file loaded, once, in the order of the files returned, before loadFiles returns.
   * When two threads read the files, this one tells what is in (a file and every file before
   * it) each time it has read a file of its own: `whileReading`, the rest are still being read,
   * and the model is built meanwhile (validate/read-backlog.ts). The others are told at the end.
   */
  onFile?: (file: SourceFile, whileReading: boolean) => void;
}

/** A file read before under another path (the same content): its findings placed at this one, its text the same. */
function movedTo(file: SourceFile, path: string): SourceFile {
  const { problems, parser, unreadable } = file;
  return { path, problems, parser, unreadable, check: relocate(file.check, path), get text() { return file.text; } };
}

/** From this many files on, a load with nothing cached starts the second thread before reading them. */
const EARLY_WORKER_FILES = 1000;

export async function loadFiles(source: BacklogSource, options: LoadOptions = {}): Promise<SourceFile[]> {
  const { memo, cache } = options;
  // A cache the worker may write the pack of is empty: nothing to look up, and no file hashed
  // unless this thread keeps it after all.
  const packTarget = cache?.packTarget();
  const lookIn = packTarget ? undefined : cache;
  const memoKeyOf = (path: string, bytes: Uint8Array) => (memo ? `${path === ROOT_FILE}\0${source.contentId?.(path) ?? blobId(bytes)}` : '');
  /** A file read before (this run, or an earlier one through the cache); undefined when new. */
  const known = (path: string, bytes: Uint8Array, memoKey: string, cacheKey: string | undefined): SourceFile | undefined => {
    const shared = memo?.get(memoKey);
    if (shared) return shared.path === path ? shared : movedTo(shared, path);
    const file = cacheKey === undefined ? undefined : lookIn!.get(cacheKey, path, bytes);
    if (file) memo?.set(memoKey, file);
    return file;
  };
  /** Files read now, for the cache once the load is done (unless the worker writes them). */
  const fresh: Array<FileToRead & { file: SourceFile; cacheKey: string | undefined; entry: CacheEntry | undefined }> = [];
  const keep = (read: FileToRead & { memoKey: string; cacheKey: string | undefined }, file: SourceFile, entry?: CacheEntry) => {
    if (cache) fresh.push({ path: read.path, bytes: read.bytes, file, cacheKey: read.cacheKey, entry });
    memo?.set(read.memoKey, file);
  };

  const rootBytes = await source.readFile(ROOT_FILE);
  let rootFile: SourceFile | undefined;
  if (rootBytes) {
    const root = { path: ROOT_FILE, bytes: rootBytes, memoKey: memoKeyOf(ROOT_FILE, rootBytes), cacheKey: lookIn?.key(ROOT_FILE, rootBytes) };
    rootFile = known(ROOT_FILE, rootBytes, root.memoKey, root.cacheKey);
    if (!rootFile) keep(root, (rootFile = readSourceFile(ROOT_FILE, rootBytes)));
  }
  const exclude = (rootFile && projectOf(rootFile)?.exclude) ?? [];
  options.onRootFile?.(rootFile, exclude);
  const paths = await backlogPaths(source, exclude);
  if (paths.length === 0 && !options.allowEmpty) {
    throw new UsageError(`no backlog files in ${source.description}: no *.yaml or *.yml file`);
  }
  // A cold load of many files will want a second thread: started now, it loads its code while
  // this one reads the files, and takes each as soon as it is read.
  const early = paths.length >= EARLY_WORKER_FILES && !cache?.size && !memo?.size ? ParseWorker.start() : undefined;
  // The worker, if it reads, writes the pack too: of these files and the one read already.
  const packRequest = packTarget && { ...packTarget, alsoInPack: fresh.map(({ path, bytes }) => ({ path, bytes })) };
  const sharing = early && SharedReading.start(early, paths, packRequest);
  const worker = sharing ? early : undefined;
  // Files read before are taken as they were; the new ones are read together (on both cores).
  // Each file's place is its place in the list; a file gone since it was listed leaves a hole.
  const files: Array<SourceFile | undefined> = [];
  const toRead: Array<FileToRead & { index: number; memoKey: string; cacheKey: string | undefined }> = [];
  /** Per file: being read still (a hole, or a file known already, is not). */
  const reading: boolean[] = [];
  const listed = (file: SourceFile | undefined, beingRead: boolean) => {
    files.push(file);
    reading.push(beingRead);
  };
  let told = 0;
  /** Tells onFile the files up to the first one still being read. */
  const tellReady = (whileReading: boolean) => {
    for (; told < files.length; told++) {
      const file = reading[told] ? sharing?.fileAt(told) : files[told];
      if (reading[told] && !file) return;
      if (file) options.onFile?.(file, whileReading);
    }
  };
  try {
    for (const [index, path] of paths.entries()) {
      if (path === ROOT_FILE && rootFile) {
        listed(rootFile, false);
        sharing?.put(index, undefined);
        continue;
      }
      // Read straight into the memory shared with the worker when it reads: nothing is cached
      // then (the worker is started only so), so every file read is put, and kept there.
      const bytes = await source.readFile(path, sharing && ((size) => sharing.roomFor(index, size)));
      const memoKey = bytes ? memoKeyOf(path, bytes) : '';
      const cacheKey = bytes && lookIn?.key(path, bytes);
      const file = bytes && known(path, bytes, memoKey, cacheKey);
      if (bytes && !file) toRead.push({ path, bytes, index, memoKey, cacheKey });
      sharing?.put(index, file ? undefined : bytes);
      listed(file, Boolean(bytes && !file));
    }
  } catch (error) {
    worker?.stop();
    throw error;
  }
  const { read, packWritten } = sharing ? await sharing.finish(options.onFile && (() => tellReady(true))) : await readFiles(toRead, worker, packRequest);
  toRead.forEach((wanted, i) => {
    const { file, entry } = (sharing ? read[wanted.index] : read[i])!;
    files[wanted.index] = file;
    reading[wanted.index] = false;
    keep(wanted, file, entry);
  });
  tellReady(false);
  if (packWritten) cache!.writtenBy(packWritten);
  else for (const { path, bytes, file, cacheKey, entry } of fresh) cache?.set(cacheKey ?? cache.key(path, bytes), file, entry);
  return files.filter((file): file is SourceFile => file !== undefined);
}
