// The backlog snapshot: the model of a whole backlog as the queries read it, kept in the cache
// (cache/cache.ts) with a section per collection. A query on a backlog that has not changed since reads neither
// its files nor the parse cache, only the collections it asks for (`list --priority` reads the
// workloads and the priorities, not the 50,000 servers).
//
// "Not changed" is decided as git decides it for its index: every file is where it was, with
// the size, times and inode it had. Writing a file changes its ctime, which no tool can set
// back, so a file written after it was read no longer matches — unless it was written in the
// same clock tick as before (git's "racily clean" files). Files changed within RACY_MS of the
// snapshot are therefore also kept by content hash and compared byte for byte on every use.
import { createHash } from 'node:crypto';
import { entityAtIndex, type Backlog } from '../model/backlog.js';
import type { DiagnosticDraft } from '../model/diagnostic.js';
import { DamagedCacheError } from '../errors.js';
import { decodeText } from './decode.js';
import { ROOT_FILE } from './find-root.js';
import type { Cache } from '../cache/cache.js';
import type { CacheFile } from '../cache/cache-file.js';
import { modelHeader, modelSections, storedModelOf, type EarlierModel, type ModelHeader, type StoredModel } from './model-snapshot.js';
import { buildGraph, type WorkloadGraph } from '../model/graph.js';
import { defineLazy } from '../model/lazy.js';
import { graphOfSections, graphSections, graphSectionsAsWritten } from './graph-snapshot.js';
import type { CollectionName } from '../../schemas/vocabulary.js';
import type { ParserName } from './types.js';

/** Bump when the snapshot changes shape. */
const SNAPSHOT_FORMAT = 6;

/** Coarser than any file system's clock (FAT: 2 s) and any skew between the clock and it. */
export const RACY_MS = 3000;

/** A file's size, times and inode: changes whenever its content does. */
export interface FileStamp {
  key: string;
  /** The last time its content or its inode changed (ms since the epoch). */
  changedAt: number;
}

/** Where the files come from, as the snapshot needs to see them. */
export interface StampedSource {
  listFiles(): Promise<string[]>;
  readFile(path: string): Promise<Uint8Array | undefined>;
  stamp(path: string): FileStamp | undefined;
}

/** What a snapshot holds: the model's parts that are not entities, and the entities. */
export interface SnapshotContent {
  /** The globs of `project.exclude` the file list was made with. */
  exclude: readonly string[];
  /** Every file read, in order, with the text it was read with and the parser that read it. */
  files: ReadonlyArray<{ path: string; text: string; parser: ParserName }>;
  /** The root file as read for its exclude globs, listed or not; undefined when there was none. */
  rootFile: { text: string } | undefined;
  backlog: Backlog;
  /** The backlog's graph, when the reader built it already. */
  graph?: WorkloadGraph;
  drafts: DiagnosticDraft[];
  unreadableFiles: string[];
}

interface SnapshotHeader extends ModelHeader {
  format: number;
  /** The files, in order (also the model's `paths` section). */
  paths: string[];
  /** The files whose stamps it depends on: `paths`, and the root file when it is not among them. */
  stamped: string[];
  /** Their stamps, by index in `stamped`; null for a root file there was none of. */
  stamps: Array<string | null>;
  /**
   * The files changed shortly before the snapshot, by index in `stamped`: their content hash,
   * and when they changed. Once that is RACY_MS past, a query drops them (`settle`).
   */
  racy: Record<number, { hash: string; changedAt: number }>;
  /** Files read by the full parser, by index (the others by the fast one). */
  fullParser: number[];
  exclude: string[];
  drafts: DiagnosticDraft[];
  unreadableFiles: string[];
}

/** A snapshot that matched the files: the model (read lazily) and what queries ask of files. */
export interface OpenedSnapshot {
  backlog: Backlog;
  /** Its dependency graph, read when first used. */
  graph: WorkloadGraph;
  drafts: DiagnosticDraft[];
  unreadableFiles: string[];
  parserOf(path: string): ParserName;
  kept: Keep;
  /** The files, in order. */
  paths: readonly string[];
  /** The files changed since it was taken (none unless `changedAtMost` allows): the model is not theirs. */
  changed: readonly string[];
  /** Whether these bytes, just read from the file at `path`, are the ones the snapshot was taken of. */
  holds(path: string, bytes: Uint8Array): boolean;
  /**
   * Writes the snapshot of the model after some of its files were written (`content.written`,
   * each with its new text), the others as they were: unless a file changed otherwise, or the
   * files are others. Gives the keeper of the values worked out from it.
   */
  writeForward(content: ForwardContent): Promise<Keep | undefined>;
  /**
   * Its graph over another backlog whose entities give the graph the same, place by place
   * (model/graph.ts, sameForGraph); or the same but for the figures of the servers at
   * `serversChanged`, read from that backlog.
   */
  graphOver(backlog: Backlog, serversChanged?: readonly number[]): WorkloadGraph;
  /** Whether a graph is its own, or one `graphOver` made with no server changed. */
  madeGraph(graph: WorkloadGraph): boolean;
}

/** A model after some of the snapshot's files were written (SnapshotContent without the files that stayed). */
type ForwardContent = Omit<SnapshotContent, 'files' | 'exclude' | 'rootFile'> & {
  paths: readonly string[];
  written: ReadonlyArray<{ path: string; text: string; parser: ParserName }>;
};

/**
 * A value worked out from a snapshot's model alone (as JSON), kept in the cache beside it:
 * `compute` runs once for as long as the snapshot stands.
 */
export type Keep = <T>(name: string, compute: () => T) => T;

/**
 * Saves the snapshot of a root, unless a file changed while it was read (then the next run
 * saves it). `takenAt` is the time just before the files were listed. Gives the keeper of the
 * values worked out from it (undefined when none was taken).
 */
export async function saveSnapshot(cache: Cache, root: string, source: StampedSource, content: SnapshotContent, takenAt: number): Promise<Keep | undefined> {
  // The root file counts even when it is not listed: its exclude globs made the list.
  // A file's text is read only to compare it (its decoding is put off until asked for).
  const stamped: Array<{ path: string; file: { text: string } | undefined }> = content.files.map((file) => ({ path: file.path, file }));
  if (!content.files.some((file) => file.path === ROOT_FILE)) stamped.push({ path: ROOT_FILE, file: content.rootFile });
  const stamps: Array<string | null> = [];
  const racy: SnapshotHeader['racy'] = {};
  for (const [index, { path, file }] of stamped.entries()) {
    const stamp = source.stamp(path);
    if (file === undefined) {
      if (stamp) return; // There was none when read, and there is one now.
      stamps.push(null);
      continue;
    }
    if (!stamp) return;
    stamps.push(stamp.key);
    if (stamp.changedAt >= takenAt - RACY_MS) {
      const bytes = await source.readFile(path);
      if (!bytes || decodeText(bytes).text !== file.text) return;
      racy[index] = { hash: hashOf(bytes), changedAt: stamp.changedAt };
    }
  }
  const paths = content.files.map((file) => file.path);
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    ...modelHeader(content.backlog),
    paths,
    stamped: stamped.map((file) => file.path),
    stamps,
    racy,
    fullParser: content.files.flatMap((file, index) => (file.parser === 'full' ? [index] : [])),
    exclude: [...content.exclude],
    drafts: content.drafts,
    unreadableFiles: content.unreadableFiles,
  };
  return writeSnapshot(cache, root, header, content);
}

/** `earlier`: the snapshot this one is written forward from, with its graph's sections when the graph is the same. */
function writeSnapshot(cache: Cache, root: string, header: SnapshotHeader, content: Pick<SnapshotContent, 'backlog' | 'graph'>, earlier?: EarlierModel & { graph?: Record<string, unknown> }): Keep | undefined {
  const graph = earlier?.graph ?? graphSections(content.backlog, content.graph ?? buildGraph(content.backlog));
  const written = cache.write(cache.location(root, 'snapshot'), header, { ...modelSections(content.backlog, header.paths, true, earlier), ...graph });
  if (!written) return undefined;
  // A root has one snapshot: what was kept of another is of no use, and would crowd out reviews.
  const current = `.${contentIdOf(header)}`;
  cache.remove(root, 'kept', (key) => !key.endsWith(current));
  cache.tidy(root);
  return keeper(cache, root, header);
}

/** The header of the snapshot after `content.written` were written (see OpenedSnapshot.writeForward); undefined when it cannot be. */
async function headerForward(header: SnapshotHeader, source: StampedSource, content: ForwardContent, checkedAt: number): Promise<SnapshotHeader | undefined> {
  if (content.paths.length !== header.paths.length || content.paths.some((path, index) => path !== header.paths[index])) return undefined;
  const written = new Map(content.written.map((file) => [file.path, file]));
  const stamps = [...header.stamps];
  // A racy file whose content was checked when the snapshot was opened, and which had changed
  // RACY_MS before that, is settled (see `settle`); every file written is (racy) below.
  const racy = Object.fromEntries(Object.entries(header.racy).filter(([, entry]) => entry.changedAt >= checkedAt - RACY_MS)) as SnapshotHeader['racy'];
  for (const [index, path] of header.stamped.entries()) {
    // Another file keeps the stamp the model was made with: if it changed since, it no longer matches.
    const file = written.get(path);
    if (!file) continue;
    // Written just now: racy, kept by the hash of what was written.
    const stamp = source.stamp(path);
    const bytes = await source.readFile(path);
    if (!stamp || !bytes || decodeText(bytes).text !== file.text) return undefined;
    stamps[index] = stamp.key;
    racy[index] = { hash: hashOf(bytes), changedAt: stamp.changedAt };
  }
  const fullParser = header.paths.flatMap((path, index) => ((written.get(path)?.parser ?? (header.fullParser.includes(index) ? 'full' : 'fast')) === 'full' ? [index] : []));
  const { cache: _cache, version: _version, sections: _sections, ...kept } = header as SnapshotHeader & Partial<Record<'cache' | 'version' | 'sections', unknown>>;
  return { ...kept, ...modelHeader(content.backlog), stamps, racy, fullParser, drafts: content.drafts, unreadableFiles: content.unreadableFiles };
}

/**
 * The snapshot of a root, when there is one and every file is as it was; undefined otherwise
 * (and for a snapshot that cannot be read: the caller reads the files). `filesOf(exclude)`
 * lists the backlog files as the loader would with those exclude globs. `changedAtMost`: a
 * snapshot that this many files at most (not the root file) changed since is opened still, and
 * says which (`changed`). `settle: false`: its racy files are left for `writeForward` to settle
 * (an edit writes it forward: settling would write it twice).
 */
export async function openSnapshot(
  cache: Cache,
  root: string,
  source: StampedSource,
  filesOf: (exclude: readonly string[]) => Promise<string[]>,
  options: { changedAtMost?: number; settle?: boolean } = {},
): Promise<OpenedSnapshot | undefined> {
  const file = cache.read<SnapshotHeader>(cache.location(root, 'snapshot'));
  const header = file?.header;
  if (!file || !header || header.format !== SNAPSHOT_FORMAT) return undefined;
  const checkedAt = Date.now();
  const changedAtMost = options.changedAtMost ?? 0;
  const differing = await differingFiles(header, source, filesOf, changedAtMost);
  if (!differing || differing.length > changedAtMost || differing.includes(ROOT_FILE)) return undefined;
  if (differing.length === 0 && options.settle !== false) settle(file, header, checkedAt);
  const fullParser = new Set(header.fullParser.map((index) => header.paths[index]));
  const model = storedModelOf(file, header.paths);
  const section = <T>(name: string): T => {
    const found = file.section<T>(name);
    if (found === undefined) throw new DamagedCacheError(`the snapshot ${cache.location(root, 'snapshot')} has no ${name}`);
    return found;
  };
  /** Graphs made of this snapshot's over another model (`graphOver`), with the servers whose figures are that model's: its sections are theirs, but for those figures. */
  const alike = new WeakMap<WorkloadGraph, readonly number[]>();
  const graphOf = (over: StoredModel, serversChanged: readonly number[] = []) => {
    const graph = graphOfSections(section, over, serversChanged);
    alike.set(graph, serversChanged);
    return graph;
  };
  const graphOver = (backlog: Backlog, serversChanged?: readonly number[]) =>
    graphOf({ backlog, entityAt: ((name: CollectionName, index: number) => entityAtIndex(backlog, name, index)) as StoredModel['entityAt'] }, serversChanged);
  const stampedIndex = new Map(header.stamped.map((path, index) => [path, index]));
  const opened = {
    backlog: model.backlog,
    drafts: header.drafts,
    unreadableFiles: header.unreadableFiles,
    parserOf: (path: string): ParserName => (fullParser.has(path) ? 'full' : 'fast'),
    kept: keeper(cache, root, header),
    paths: header.paths,
    changed: differing,
    graphOver,
    madeGraph: (graph: WorkloadGraph) => alike.get(graph)?.length === 0,
    holds: (path: string, bytes: Uint8Array) => {
      const index = stampedIndex.get(path);
      if (index === undefined || (source.stamp(path)?.key ?? null) !== header.stamps[index]) return false;
      const hash = header.racy[index]?.hash;
      return hash === undefined || hashOf(bytes) === hash;
    },
    writeForward: async (content: ForwardContent) => {
      const forward = await headerForward(header, source, content, checkedAt);
      if (!forward) return undefined;
      const sectionAsWritten = (name: string) => file.sectionAsWritten(name);
      const serversChanged = content.graph && alike.get(content.graph);
      const graph = serversChanged ? graphSectionsAsWritten(sectionAsWritten, serversChanged.length > 0 ? content.graph!.serverFigures : undefined) : undefined;
      return writeSnapshot(cache, root, forward, content, { backlog: model.backlog, sectionAsWritten, ...(graph ? { graph } : {}) });
    },
  } as Omit<OpenedSnapshot, 'graph'> as OpenedSnapshot;
  defineLazy(opened, 'graph', () => graphOf(model));
  return opened;
}

/**
 * Values kept beside a snapshot are keyed by what its header says of the files and the model, as
 * written: not by its racy files, which settle later, nor by what the cache adds in writing it.
 */
function keeper(cache: Cache, root: string, header: SnapshotHeader): Keep {
  return (name, compute) => keptValue(cache, root, `${name}.${contentIdOf(header)}`, compute);
}

/** The hash of a header's content, made once per header (it names every file). */
const contentIds = new WeakMap<SnapshotHeader, string>();

function contentIdOf(header: SnapshotHeader): string {
  let id = contentIds.get(header);
  if (id === undefined) contentIds.set(header, (id = hashOfHeld(header)));
  return id;
}

function hashOfHeld(header: SnapshotHeader): string {
  const { racy: _racy, ...held } = header as SnapshotHeader & Partial<Record<'cache' | 'version' | 'sections', unknown>>;
  delete held.cache;
  delete held.version;
  delete held.sections;
  return hashOf(Buffer.from(JSON.stringify(held)));
}

/** The section of a value kept beside a snapshot. */
const KEPT_SECTION = 'value';

/** `key`: the value's name and the hash of the snapshot it was worked out from. */
function keptValue<T>(cache: Cache, root: string, key: string, compute: () => T): T {
  const location = cache.location(root, 'kept', key);
  const stored = cache.read(location)?.section<{ value: T }>(KEPT_SECTION);
  if (stored) return stored.value;
  const value = compute();
  if (cache.write(location, {}, { [KEPT_SECTION]: { value } })) cache.tidy(root);
  return value;
}

/** The files changed since the snapshot was taken; undefined when the files are others. */
async function differingFiles(header: SnapshotHeader, source: StampedSource, filesOf: (exclude: readonly string[]) => Promise<string[]>, atMost: number): Promise<string[] | undefined> {
  const paths = await filesOf(header.exclude);
  if (paths.length !== header.paths.length || paths.some((path, index) => path !== header.paths[index])) return undefined;
  const differing: string[] = [];
  for (const [index, path] of header.stamped.entries()) {
    if ((source.stamp(path)?.key ?? null) !== header.stamps[index]) differing.push(path);
    else if (header.racy[index] !== undefined) {
      const bytes = await source.readFile(path);
      if (!bytes || hashOf(bytes) !== header.racy[index].hash) differing.push(path);
    }
    if (differing.length > atMost) break;
  }
  return differing;
}

/**
 * Once the racy files of a snapshot that matched (their content checked just now) changed
 * longer than RACY_MS before the check began, a change to them would show in their stamps:
 * the snapshot is written again without them, and stops reading them on every query (git
 * refreshes its index the same way).
 */
function settle(file: CacheFile<SnapshotHeader>, header: SnapshotHeader, checkedAt: number): void {
  const racy = Object.values(header.racy);
  if (racy.length === 0 || racy.some(({ changedAt }) => changedAt >= checkedAt - RACY_MS)) return;
  file.rewrite({ ...header, racy: {} });
}

function hashOf(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}
