// The models of a backlog at a series of commits, for figures over time: the model of each is
// the one before with the files that changed replaced (model/backlog-by-file.ts). Files'
// entities are kept by their blob ids, so a commit after the first parses only the contents no
// earlier commit had (through the parse cache), and nothing else of a file is kept.
import type { CollectionName } from '../../schemas/vocabulary.js';
import type { Backlog } from '../model/backlog.js';
import { BacklogByFile, type FirstChanged } from '../model/backlog-by-file.js';
import type { Entity } from '../model/entity.js';
import { backlogPaths } from '../load/file-filter.js';
import { ROOT_FILE } from '../load/find-root.js';
import type { ParseCache } from '../load/parse-cache.js';
import { readBacklogFiles } from '../load/read-files.js';
import { projectOf } from '../load/read-project.js';
import { readSourceFile } from '../load/read-source-file.js';
import type { BacklogSource } from '../load/source.js';
import { gitSources } from './git-source.js';
import type { Repository } from './repository.js';

/** What a file's content gives the model: its entities, and for the root file its exclude globs. */
interface Content {
  entities: readonly Entity[];
  exclude: readonly string[];
}

/**
 * The backlog at each commit, in the order given: the entities of `collections` as a load of
 * the commit indexes them (no other entity, no project, no findings). Each is valid until the
 * next is asked for.
 */
export async function* commitBacklogs(
  repository: Repository,
  commits: readonly string[],
  collections: readonly CollectionName[],
  options: { cache?: () => ParseCache | undefined; firstChanged?: FirstChanged } = {},
): AsyncGenerator<Backlog> {
  // The others are never indexed: at 50,000 servers, the dependencies are most of the entities.
  const wanted = new Set(collections);
  const ofWanted = (entities: readonly Entity[]) => entities.filter((entity) => wanted.has(entity.collection));
  let cache: ParseCache | undefined;
  // Opened once git has listed the trees (git's processes start faster from a process with a
  // small heap); git then reads only the files whose checks the cache does not hold.
  const sources = await gitSources(repository, commits, () => {
    cache = options.cache?.();
    // The trees share nearly all their blobs: each is looked up once.
    const held = new Map<string, boolean>();
    return (path, blob) => {
      if (path === ROOT_FILE || !cache) return true;
      let found = held.get(blob);
      if (found === undefined) held.set(blob, (found = cache.hasBlob(path, blob)));
      return !found;
    };
  });
  const contents = new Map<string, Content>();
  const model = new BacklogByFile(options.firstChanged);
  /** The blob id of each file the model holds. */
  const heldBlobs = new Map<string, string | undefined>();
  // The root file is checked apart (only it may hold `project`): the same content elsewhere is another file.
  const keyOf = (source: BacklogSource, path: string) => `${path === ROOT_FILE}\0${source.contentId!(path)}`;
  for (const source of sources) {
    const rootBytes = await source.readFile(ROOT_FILE);
    if (rootBytes && !contents.has(keyOf(source, ROOT_FILE))) {
      const file = readSourceFile(ROOT_FILE, rootBytes);
      contents.set(keyOf(source, ROOT_FILE), { entities: ofWanted(file.check.entities), exclude: projectOf(file)?.exclude ?? [] });
    }
    const exclude = rootBytes ? contents.get(keyOf(source, ROOT_FILE))!.exclude : [];
    const paths = await backlogPaths(source, exclude);
    // Only the files whose blob is not the one the model holds for their path are looked at.
    const changed = paths.filter((path) => heldBlobs.get(path) !== source.contentId!(path));
    const unread = changed.filter((path) => !contents.has(keyOf(source, path)));
    const cached = new Map(unread.map((path) => [path, cache?.checkOfBlob(path, source.contentId!(path)!, wanted)]));
    for (const [path, check] of cached) if (check) contents.set(keyOf(source, path), { entities: check.entities, exclude: [] });
    const toRead = unread.filter((path) => !cached.get(path));
    for await (const file of readBacklogFiles(only(source, toRead), { allowEmpty: true, ...(cache ? { cache } : {}) })) {
      contents.set(keyOf(source, file.path), { entities: ofWanted(file.check.entities), exclude: [] });
    }
    const listed = new Set(paths);
    for (const path of [...heldBlobs.keys()]) {
      if (listed.has(path)) continue;
      model.set(path, undefined);
      heldBlobs.delete(path);
    }
    for (const path of changed) {
      model.set(path, contents.get(keyOf(source, path))?.entities);
      heldBlobs.set(path, source.contentId!(path));
    }
    yield model.backlog();
  }
}

/** The source with only these files (never the root file: read apart, with its own check). */
function only(source: BacklogSource, paths: readonly string[]): BacklogSource {
  const listed = new Set(paths.filter((path) => path !== ROOT_FILE));
  return {
    description: source.description,
    notices: [],
    listFiles: async () => [...listed],
    readFile: async (path, room) => (listed.has(path) ? source.readFile(path, room) : undefined),
    contentId: (path) => source.contentId?.(path),
  };
}
