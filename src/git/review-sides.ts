// The two sides of a review (`backlog diff`): for each commit, the model, its findings and its
// dependency edges. What a commit's backlog means is kept in the cache by the id of the tree of
// the backlog folder — a name git gives the content of every file below it — with the tool's
// version and the "today" of the date rules: an entry can never be stale. A side not in the
// cache is read from git (both commits' blobs at once), and added when it is the second time
// that commit is reviewed; the newest few entries stay.
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cache } from '../cache/cache.js';
import { rootHash } from '../cache/cache.js';
import { edgeSet, edgeSetOf, type EdgeChange, type ReviewSide } from '../diff/review.js';
import { collectionHash, modelHeader, modelOf, modelSections, PATHS_SECTION, type ModelHeader } from '../load/model-snapshot.js';
import { defineLazy } from '../model/lazy.js';
import { ParseCache } from '../load/parse-cache.js';
import type { SourceFile } from '../load/types.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { backlogsAt } from './backlog-at.js';
import { makeFolder } from '../files/make-folder.js';
import { backlogTreeOf } from './object-ids.js';
import { WORKTREE, type Repository } from './repository.js';
import { WorktreeBlobIds } from './worktree-blob-ids.js';
import { commitOfWorktree } from './worktree-commit.js';
import { fsSource } from '../load/fs-source.js';

/** Bump when an entry changes shape. */
const REVIEW_FORMAT = 4;
/** How many markers of commits reviewed once (empty files) are kept per backlog root. */
const KEEP_SEEN = 64;

interface ReviewHeader extends ModelHeader {
  format: number;
  entities: number;
}

/** A side with what `validate` tells of it besides its findings. */
export interface CheckedSide extends ReviewSide {
  /** Its files, in order. */
  files: readonly string[];
  entities: number;
  /** What the listing of its files skipped (none for a side from the cache). */
  notices: readonly string[];
}

export interface ReviewSidesOptions {
  asOf: string;
  /** The cache; undefined when caching is off. */
  cache?: Cache;
}

/** The review side of each commit (or WORKTREE), from the cache where it can be. */
export async function reviewSidesAt(repository: Repository, given: readonly string[], root: string, options: ReviewSidesOptions): Promise<CheckedSide[]> {
  const { asOf, cache } = options;
  // A working tree with HEAD's files is HEAD, whose side the cache may hold; its listing's notices are its own.
  const worktreeSource = fsSource(root);
  const locationOf = async (at: string) => {
    if (cache === undefined || at === WORKTREE) return undefined;
    const tree = await backlogTreeOf(repository, at);
    return tree === undefined ? undefined : cache.location(root, 'review', `${tree}.${asOf}`);
  };
  // The commits' entries are looked for while the working tree is read.
  const commitLocations = new Map(given.map((at) => [at, locationOf(at)]));
  const worktree = cache && given.includes(WORKTREE) ? await commitOfWorktree(repository, worktreeSource, WorktreeBlobIds.open(cache, root)) : undefined;
  const ats = worktree === undefined ? given : given.map((at) => (at === WORKTREE ? worktree : at));
  const noticesOf = (index: number, notices: readonly string[]) => (given[index] === WORKTREE ? worktreeSource.notices : notices);
  const locations = await Promise.all(ats.map((at) => commitLocations.get(at) ?? locationOf(at)));
  const sides: Array<CheckedSide | undefined> = locations.map((location, index) => {
    const side = location ? readSide(cache!, location) : undefined;
    return side && Object.assign(side, { notices: noticesOf(index, []) });
  });
  const missing = ats.filter((_, index) => sides[index] === undefined);
  if (missing.length === 0) return sides as CheckedSide[];

  const parseCache = cache && ParseCache.open(cache, root);
  const loaded = await backlogsAt(repository, missing, root, { asOf, worktree: worktreeSource, memo: new Map<string, SourceFile>(), ...(parseCache ? { cache: parseCache } : {}) });
  await parseCache?.save('all');
  // Both sides may be one tree (a change outside the backlog folder): one decision for it.
  const admitted = new Map<string, boolean>();
  for (const [index, at] of ats.entries()) {
    if (sides[index] !== undefined) continue;
    const { files, result, notices } = loaded[missing.indexOf(at)]!;
    const paths = files.map((file) => file.path);
    const side: CheckedSide = { backlog: result.backlog, diagnostics: result.diagnostics, edges: edgeSet(result.graph), files: paths, entities: result.entities, notices: noticesOf(index, notices) };
    sides[index] = side;
    const location = locations[index];
    if (location === undefined || admitted.has(location)) continue;
    admitted.set(location, admitOnSecondReview(location));
    if (admitted.get(location)) writeSide(cache!, location, side);
  }
  if (cache) {
    cache.tidy(root);
    keepNewestMarkers(cache, root);
  }
  return sides as CheckedSide[];
}

/**
 * Whether to write the entry of a commit now: an entry costs about a second to write at 50,000
 * servers, which a commit reviewed once — a pull request's run in CI — would never earn back.
 * The first review of a commit leaves a marker (an empty file) and answers no; the second
 * takes the marker away and answers yes; later ones read the entry.
 */
function admitOnSecondReview(location: string): boolean {
  const marker = markerOf(location);
  try {
    if (existsSync(marker)) {
      rmSync(marker, { force: true });
      return true;
    }
    makeFolder(join(marker, '..'));
    writeFileSync(marker, '');
  } catch {
    // A cache folder that cannot be written: nothing is kept, as nothing could be.
  }
  return false;
}

const markerOf = (location: string) => `${location}.seen`;

function readSide(cache: Cache, location: string): Omit<CheckedSide, 'notices'> | undefined {
  const file = cache.read<ReviewHeader>(location);
  if (!file || file.header.format !== REVIEW_FORMAT) return undefined;
  const diagnostics = file.section<Diagnostic[]>('diagnostics');
  const paths = file.sectionHash(PATHS_SECTION);
  if (!diagnostics || paths === undefined || file.sectionHash('edges') === undefined) return undefined;
  const side: Omit<CheckedSide, 'notices'> = {
    backlog: modelOf(file),
    diagnostics,
    edges: new Map(),
    files: [],
    entities: file.header.entities,
    // Entities name their file by its index: a collection is the same only where the files are.
    fingerprint: (part) => {
      if (part === 'edges') return file.sectionHash(part);
      const hash = collectionHash(file, part);
      return hash === undefined ? hash : `${paths}/${hash}`;
    },
  };
  defineLazy(side, 'edges', () => edgeSetOf(file.section<EdgeChange[]>('edges') ?? []));
  defineLazy(side, 'files', () => file.section<string[]>(PATHS_SECTION) ?? []);
  return side;
}

/** Its large collections in parts, as a snapshot's: `log` finds one entity without decoding the rest. */
function writeSide(cache: Cache, location: string, side: CheckedSide): void {
  const header: ReviewHeader = { format: REVIEW_FORMAT, entities: side.entities, ...modelHeader(side.backlog) };
  cache.write(location, header, { ...modelSections(side.backlog, side.files, true), diagnostics: side.diagnostics, edges: [...side.edges.values()] });
}

/** Removes all but the KEEP_SEEN newest markers of commits reviewed once, of this root. */
function keepNewestMarkers(cache: Cache, root: string): void {
  try {
    const prefix = `${rootHash(root)}.review.`;
    const markers = readdirSync(cache.folder)
      .filter((name) => name.startsWith(prefix) && name.endsWith('.seen'))
      .map((name) => ({ path: join(cache.folder, name), time: statSync(join(cache.folder, name)).mtimeMs }))
      .sort((a, b) => b.time - a.time);
    for (const { path } of markers.slice(KEEP_SEEN)) rmSync(path, { force: true });
  } catch {
    // Another run tidying at the same time: it only ever saves room.
  }
}
