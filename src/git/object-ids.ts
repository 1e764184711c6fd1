// The object ids of names (`main^{commit}`, `HEAD^{commit}:plan`), asked of the command's one
// `git cat-file --batch` for all the names a step needs, and once per command: each git process
// costs its start, and more from a process holding a large backlog.
import type { GitObject } from './object-reader.js';
import type { Repository } from './repository.js';

/** The id of each name (a commit or tree id), undefined for a name git does not know. */
export function objectIds(repository: Repository, names: readonly string[]): Promise<Array<string | undefined>> {
  const asked = [...new Set(names.filter((name) => !repository.objectIds.has(name)))];
  if (asked.length > 0) {
    const answers = lookUp(repository, asked);
    asked.forEach((name, index) => repository.objectIds.set(name, answers.then((ids) => ids[index])));
  }
  return Promise.all(names.map((name) => repository.objectIds.get(name)!));
}

/** The commit each ref names, undefined when there is none; the backlog folder's tree there is asked with it. */
export async function commitsOf(repository: Repository, refs: readonly string[]): Promise<Array<string | undefined>> {
  const ids = await objectIds(repository, refs.flatMap((ref) => [`${ref}^{commit}`, `${ref}^{commit}:${repository.prefix}`]));
  return refs.map((_, index) => {
    const [commit, tree] = [ids[2 * index], ids[2 * index + 1]];
    if (commit !== undefined && !repository.objectIds.has(treeName(repository, commit))) repository.objectIds.set(treeName(repository, commit), Promise.resolve(tree));
    return commit;
  });
}

/** The id of the tree of the backlog folder at a commit; undefined when the commit has none. */
export async function backlogTreeOf(repository: Repository, commit: string): Promise<string | undefined> {
  const [tree] = await objectIds(repository, [treeName(repository, commit)]);
  return tree;
}

const treeName = (repository: Repository, commit: string) => `${commit}:${repository.prefix}`;

/** Each name's id when it is a commit or a tree, from the command's `git cat-file --batch`. */
async function lookUp(repository: Repository, names: readonly string[]): Promise<Array<string | undefined>> {
  // One name a line: a ref cannot hold a line break, and a name that does is no ref.
  const asked = names.filter((name) => !name.includes('\n'));
  let objects: Map<string, GitObject>;
  try {
    objects = await repository.objects.objects(asked);
  } catch {
    return names.map(() => undefined);
  }
  return names.map((name) => {
    const object = objects.get(name);
    return object && (object.type === 'commit' || object.type === 'tree') ? object.id : undefined;
  });
}
