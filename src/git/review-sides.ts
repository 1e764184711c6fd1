// The two sides of a review (`backlog diff`): for each commit, the model, its findings and its
// dependency edges. What a commit's backlog means is kept in the cache by the id of the tree of
// the backlog folder — a name git gives the content of every file below it — with the tool's
// version and the "today" of the date rules: an entry can never be stale. A side not in the
// cache is read from git (both commits' blobs at once), and added when it is the second time
// that commit is reviewed; the newest few entries stay.
import { existsSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { edgeSet, edgeSetOf, type EdgeChange, type ReviewSide } from '../diff/review.js';
import { modelHeader, modelOf, modelSections, PATHS_SECTION, type ModelHeader } from '../load/model-snapshot.js';
import { defineLazy } from '../model/lazy.js';
import { cacheFileOf, ParseCache } from '../load/parse-cache.js';
import { readSectionedFile, writeSectionedFile } from '../load/sectioned-file.js';
import type { SourceFile } from '../load/types.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { backlogsAt } from './backlog-at.js';
import { makeFolder } from '../files/make-folder.js';
import { run, WORKTREE, type Repository } from './repository.js';

/** Bump when an entry changes shape. */
const REVIEW_FORMAT = 2;
/** Entries kept per backlog root: the commits reviewed lately (a base and the heads of a few changes); each is about the size of the backlog. */
const KEEP = 8;
/** How many markers of commits reviewed once (empty files) are kept per backlog root. */
const KEEP_SEEN = 64;

interface ReviewHeader extends ModelHeader {
  format: number;
  version: string;
}

export interface ReviewSidesOptions {
  asOf: string;
  version: string;
  /** The environment, for the cache folder; undefined when caching is off. */
  cacheEnv: Readonly<Record<string, string | undefined>> | undefined;
}

/** The review side of each commit (or WORKTREE), from the cache where it can be. */
export async function reviewSidesAt(repository: Repository, ats: readonly string[], root: string, options: ReviewSidesOptions): Promise<ReviewSide[]> {
  const { asOf, version, cacheEnv } = options;
  const locations = await Promise.all(
    ats.map(async (at) => {
      if (cacheEnv === undefined || at === WORKTREE) return undefined;
      const tree = await treeOf(repository, at);
      return tree === undefined ? undefined : cacheFileOf(root, cacheEnv, `.${tree}.${asOf}.review`);
    }),
  );
  const sides: Array<ReviewSide | undefined> = locations.map((location) => (location ? readSide(location, version) : undefined));
  const missing = ats.filter((_, index) => sides[index] === undefined);
  if (missing.length === 0) return sides as ReviewSide[];

  const cache = cacheEnv === undefined ? undefined : ParseCache.open(root, version, cacheEnv);
  const loaded = await backlogsAt(repository, missing, root, { asOf, memo: new Map<string, SourceFile>(), ...(cache ? { cache } : {}) });
  await cache?.save('all');
  // Both sides may be one tree (a change outside the backlog folder): one decision for it.
  const admitted = new Map<string, boolean>();
  for (const [index, at] of ats.entries()) {
    if (sides[index] !== undefined) continue;
    const { files, result } = loaded[missing.indexOf(at)]!;
    const side: ReviewSide = { backlog: result.backlog, diagnostics: result.diagnostics, edges: edgeSet(result.graph) };
    sides[index] = side;
    const location = locations[index];
    if (location === undefined || admitted.has(location)) continue;
    admitted.set(location, admitOnSecondReview(location));
    if (admitted.get(location)) writeSide(location, version, side, files.map((file) => file.path));
  }
  const location = locations.find((l) => l !== undefined);
  if (location) keepNewest(location);
  return sides as ReviewSide[];
}

/**
 * Whether to write the entry of a commit now: an entry costs about a second to write at 50,000
 * servers, which a commit reviewed once — a pull request's run in CI — would never earn back.
 * The first review of a commit leaves a marker (an empty file) and answers no; the second
 * takes the marker away and answers yes; later ones read the entry.
 */
function admitOnSecondReview(location: string): boolean {
  const marker = `${location}.seen`;
  try {
    if (existsSync(marker)) {
      rmSync(marker, { force: true });
      return true;
    }
    makeFolder(dirname(marker));
    writeFileSync(marker, '');
  } catch {
    // A cache folder that cannot be written: nothing is kept, as nothing could be.
  }
  return false;
}

/** The id of the tree of the backlog folder at a commit; undefined when the commit has none. */
async function treeOf(repository: Repository, commit: string): Promise<string | undefined> {
  try {
    const tree = (await run(repository, ['rev-parse', '--verify', '--quiet', `${commit}:${repository.prefix}`])).trim();
    return /^[0-9a-f]{40,64}$/.test(tree) ? tree : undefined;
  } catch {
    return undefined;
  }
}

function readSide(location: string, version: string): ReviewSide | undefined {
  const file = readSectionedFile<ReviewHeader>(location);
  if (!file || file.header.format !== REVIEW_FORMAT || file.header.version !== version) return undefined;
  const diagnostics = file.section<Diagnostic[]>('diagnostics');
  const paths = file.sectionHash(PATHS_SECTION);
  if (!diagnostics || paths === undefined || file.sectionHash('edges') === undefined) return undefined;
  touch(location);
  const side: ReviewSide = {
    backlog: modelOf(file),
    diagnostics,
    edges: new Map(),
    // Entities name their file by its index: a collection is the same only where the files are.
    fingerprint: (part) => {
      const hash = file.sectionHash(part);
      return part === 'edges' || hash === undefined ? hash : `${paths}/${hash}`;
    },
  };
  defineLazy(side, 'edges', () => edgeSetOf(file.section<EdgeChange[]>('edges') ?? []));
  return side;
}

function writeSide(location: string, version: string, side: ReviewSide, paths: readonly string[]): void {
  const header: ReviewHeader = { format: REVIEW_FORMAT, version, ...modelHeader(side.backlog) };
  writeSectionedFile(location, header, { ...modelSections(side.backlog, paths), diagnostics: side.diagnostics, edges: [...side.edges.values()] });
}

/** Marks an entry as used now, so that keepNewest keeps it. */
function touch(location: string): void {
  try {
    const now = new Date();
    utimesSync(location, now, now);
  } catch {
    // Read-only: it may be removed sooner, nothing more.
  }
}

/** Removes all but the KEEP newest review entries of this root, and all but the KEEP_SEEN newest markers. */
function keepNewest(location: string): void {
  try {
    const dir = dirname(location);
    const rootPrefix = `${basename(location).split('.')[0]}.`;
    const names = readdirSync(dir).filter((name) => name.startsWith(rootPrefix));
    const newestFirst = (suffix: string) =>
      names
        .filter((name) => name.endsWith(suffix))
        .map((name) => ({ path: join(dir, name), time: statSync(join(dir, name)).mtimeMs }))
        .sort((a, b) => b.time - a.time);
    for (const { path } of newestFirst('.review').slice(KEEP)) rmSync(path, { force: true });
    for (const { path } of newestFirst('.review.seen').slice(KEEP_SEEN)) rmSync(path, { force: true });
  } catch {
    // Another run tidying at the same time: it only ever saves room.
  }
}
