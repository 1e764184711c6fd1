// The backlog snapshot: the model of a whole backlog as the queries read it, saved in one file
// with a section per collection. A query on a backlog that has not changed since reads neither
// its files nor the parse cache, only the collections it asks for (`list --priority` reads the
// workloads and the priorities, not the 50,000 servers).
//
// "Not changed" is decided as git decides it for its index: every file is where it was, with
// the size, times and inode it had. Writing a file changes its ctime, which no tool can set
// back, so a file written after it was read no longer matches — unless it was written in the
// same clock tick as before (git's "racily clean" files). Files changed within RACY_MS of the
// snapshot are therefore also kept by content hash and compared byte for byte on every use.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { COLLECTION_NAMES, type CollectionName } from '../../schemas/collections.js';
import type { Project } from '../../schemas/project.js';
import { writeFileAtomic } from '../edit/atomic-write.js';
import { lazyBacklog, type Backlog } from '../model/backlog.js';
import type { Entity, NodeLocation } from '../model/entity.js';
import type { DiagnosticDraft } from '../validate/diagnostic.js';
import { decodeEntities, encodeEntity, type StoredEntity } from './cache-codec.js';
import { decodeText } from './decode.js';
import type { ParserName } from './types.js';

/** Bump when the snapshot changes shape. */
const SNAPSHOT_FORMAT = 1;

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
  backlog: Backlog;
  drafts: DiagnosticDraft[];
  unreadableFiles: string[];
}

interface SnapshotHeader {
  format: number;
  version: string;
  paths: string[];
  stamps: string[];
  /** Content hashes of the files changed shortly before the snapshot, by index in `paths`. */
  hashes: Record<number, string>;
  /** Files read by the full parser, by index (the others by the fast one). */
  fullParser: number[];
  exclude: string[];
  drafts: DiagnosticDraft[];
  unreadableFiles: string[];
  project: { data: Project; location: NodeLocation } | undefined;
  /** Byte ranges of each collection's section, after the header. */
  sections: Record<CollectionName, [start: number, end: number]>;
}

/** A collection's section: the entities, and the index of the file each comes from. */
interface StoredSection {
  files: number[];
  entities: StoredEntity[];
}

/** A snapshot that matched the files: the model (read lazily) and what queries ask of files. */
export interface OpenedSnapshot {
  backlog: Backlog;
  drafts: DiagnosticDraft[];
  unreadableFiles: string[];
  parserOf(path: string): ParserName;
}

/**
 * Saves the snapshot, unless a file changed while it was read (then the next run saves it).
 * `takenAt` is the time just before the files were listed.
 */
export async function saveSnapshot(
  location: string,
  version: string,
  source: StampedSource,
  content: SnapshotContent,
  takenAt: number,
): Promise<void> {
  const stamps: string[] = [];
  const hashes: Record<number, string> = {};
  for (const [index, file] of content.files.entries()) {
    const stamp = source.stamp(file.path);
    if (!stamp) return;
    stamps.push(stamp.key);
    if (stamp.changedAt >= takenAt - RACY_MS) {
      const bytes = await source.readFile(file.path);
      if (!bytes || decodeText(bytes).text !== file.text) return;
      hashes[index] = hashOf(bytes);
    }
  }
  const fileIndex = new Map(content.files.map((file, index) => [file.path, index]));
  const sections = {} as SnapshotHeader['sections'];
  const texts: string[] = [];
  let offset = 0;
  for (const name of COLLECTION_NAMES) {
    const entities = content.backlog.entities[name] as Entity[];
    const section: StoredSection = { files: entities.map((e) => fileIndex.get(e.location.file)!), entities: entities.map(encodeEntity) };
    const text = JSON.stringify(section);
    const end = offset + Buffer.byteLength(text);
    sections[name] = [offset, end];
    texts.push(text);
    offset = end;
  }
  const { project, projectLocation } = content.backlog;
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    version,
    paths: content.files.map((file) => file.path),
    stamps,
    hashes,
    fullParser: content.files.flatMap((file, index) => (file.parser === 'full' ? [index] : [])),
    exclude: [...content.exclude],
    drafts: content.drafts,
    unreadableFiles: content.unreadableFiles,
    project: project && projectLocation ? { data: project, location: projectLocation } : undefined,
    sections,
  };
  const headerText = JSON.stringify(header);
  try {
    mkdirSync(dirname(location), { recursive: true });
    writeFileAtomic(location, `${Buffer.byteLength(headerText)}\n${headerText}${texts.join('')}`);
  } catch {
    // A read-only or full disk: the next run reads the files again.
  }
}

/**
 * The snapshot, when there is one for this version and every file is as it was; undefined
 * otherwise (and for a snapshot that cannot be read: the caller reads the files).
 * `filesOf(exclude)` lists the backlog files as the loader would with those exclude globs.
 */
export async function openSnapshot(
  location: string,
  version: string,
  source: StampedSource,
  filesOf: (exclude: readonly string[]) => Promise<string[]>,
): Promise<OpenedSnapshot | undefined> {
  let bytes: Buffer;
  let header: SnapshotHeader;
  let body: number;
  try {
    bytes = readFileSync(location);
    const newline = bytes.indexOf(10);
    const headerLength = Number(bytes.toString('latin1', 0, newline));
    body = newline + 1 + headerLength;
    header = JSON.parse(bytes.toString('utf8', newline + 1, body)) as SnapshotHeader;
  } catch {
    return undefined;
  }
  if (header.format !== SNAPSHOT_FORMAT || header.version !== version) return undefined;
  if (!(await matches(header, source, filesOf))) return undefined;

  const paths = header.paths;
  const readCollection = <C extends CollectionName>(name: C): Entity<C>[] => {
    const [start, end] = header.sections[name];
    const section = JSON.parse(bytes.toString('utf8', body + start, body + end)) as StoredSection;
    return decodeEntities(section.entities, (index) => paths[section.files[index]!]!) as Entity<C>[];
  };
  const fullParser = new Set(header.fullParser.map((index) => paths[index]));
  return {
    backlog: lazyBacklog(readCollection, header.project),
    drafts: header.drafts,
    unreadableFiles: header.unreadableFiles,
    parserOf: (path) => (fullParser.has(path) ? 'full' : 'fast'),
  };
}

async function matches(header: SnapshotHeader, source: StampedSource, filesOf: (exclude: readonly string[]) => Promise<string[]>): Promise<boolean> {
  const paths = await filesOf(header.exclude);
  if (paths.length !== header.paths.length || paths.some((path, index) => path !== header.paths[index])) return false;
  for (const [index, path] of paths.entries()) {
    if (source.stamp(path)?.key !== header.stamps[index]) return false;
    const hash = header.hashes[index];
    if (hash !== undefined) {
      const bytes = await source.readFile(path);
      if (!bytes || hashOf(bytes) !== hash) return false;
    }
  }
  return true;
}

function hashOf(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}
