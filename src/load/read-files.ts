// The files of a backlog, parsed and checked, one at a time in their order as they are ready:
// list the files of a source, skip what is not part of the backlog, and read each — from the
// files read before (the same content), the parse cache, or by parsing it, here or on a worker
// thread beside this one (parallel/).
import { UsageError } from '../errors.js';
import { blobId } from './content-id.js';
import { backlogPaths } from './file-filter.js';
import { ROOT_FILE } from './find-root.js';
import { ParseWorker, readFiles, SharedReading, type FileToRead, type Threads } from './parallel/shared-reading.js';
import { relocate, type CacheEntry, type ParseCache } from './parse-cache.js';
import { projectOf } from './read-project.js';
import { readSourceFile } from './read-source-file.js';
import type { BacklogSource } from './source.js';
import type { SourceFile } from './types.js';

export interface ReadOptions {
  /** An empty backlog is a backlog (the base of a diff that adds one), not an error. */
  allowEmpty?: boolean;
  /**
   * Parsed files by their content id, shared between loads (the two sides of a diff share
   * nearly every file). Parsed values are never changed after parsing, so sharing is safe.
   */
  memo?: Map<string, SourceFile>;
  /** The persistent parse cache; its owner saves it once done loading. */
  cache?: ParseCache;
  threads?: Threads;
}

/** What reading found of the root file: read even when it is not listed (a link to outside the root), for its exclude globs. */
export interface RootFile {
  file: SourceFile | undefined;
  exclude: readonly string[];
}

/** A file read before under another path (the same content): its findings placed at this one, its text the same. */
function movedTo(file: SourceFile, path: string): SourceFile {
  const { problems, parser, unreadable } = file;
  return { path, problems, parser, unreadable, check: relocate(file.check, path), get text() { return file.text; } };
}

/** The error of a load that finds no file, where a backlog is asked for. */
export function noBacklogFiles(where: string): UsageError {
  return new UsageError(`no backlog files in ${where}: no *.yaml or *.yml file`);
}

/** From this many files on, a load with nothing cached starts the second thread before reading them. */
const EARLY_WORKER_FILES = 1000;

/**
 * The backlog's files in order, each as soon as it and every file before it are read (a cold
 * load parses on two threads, and the caller builds the model meanwhile); `onRootFile` is told
 * the root file first.
 */
export async function* readBacklogFiles(source: BacklogSource, options: ReadOptions = {}, onRootFile?: (root: RootFile) => void): AsyncGenerator<SourceFile> {
  const { memo, cache, threads } = options;
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
  onRootFile?.({ file: rootFile, exclude });
  const paths = await backlogPaths(source, exclude);
  if (paths.length === 0 && !options.allowEmpty) {
    throw noBacklogFiles(source.description);
  }
  // A cold load of many files will want a second thread: started now, it loads its code while
  // this one reads the files, and takes each as soon as it is read.
  const early = threads !== 1 && paths.length >= EARLY_WORKER_FILES && !cache?.size && !memo?.size ? ParseWorker.start(threads) : undefined;
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
  try {
    for (const [index, path] of paths.entries()) {
      if (path === ROOT_FILE && rootFile) {
        files.push(rootFile);
        reading.push(false);
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
      files.push(file);
      reading.push(Boolean(bytes && !file));
    }
  } catch (error) {
    worker?.stop();
    throw error;
  }
  /** The next file to give, and the files ready in order from it (those still being read wait). */
  let next = 0;
  const ready = function* (): Generator<SourceFile> {
    for (; next < files.length; next++) {
      const file = reading[next] ? sharing?.fileAt(next) : files[next];
      if (reading[next] && !file) return;
      if (file) yield file;
    }
  };
  let done: Awaited<ReturnType<typeof readFiles>>;
  if (sharing) {
    // Both threads read; the files ready are given between the files this thread reads.
    const progress = sharing.readInOrder();
    let step = await progress.next();
    while (!step.done) {
      yield* ready();
      step = await progress.next();
    }
    done = step.value;
  } else {
    done = await readFiles(toRead, threads, worker, packRequest);
  }
  const { read, packWritten } = done;
  toRead.forEach((wanted, i) => {
    const { file, entry } = (sharing ? read[wanted.index] : read[i])!;
    files[wanted.index] = file;
    reading[wanted.index] = false;
    keep(wanted, file, entry);
  });
  yield* ready();
  if (packWritten) cache!.writtenBy(packWritten);
  else for (const { path, bytes, file, cacheKey, entry } of fresh) cache?.set(cacheKey ?? cache.key(path, bytes), file, entry);
}
