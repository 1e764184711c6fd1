import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every `.yaml` and `.yml` file below a folder, as full paths. */
export function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** The `.yaml` and `.yml` files below a folder by their path in it (with `/`), and their texts: a commit of `gitRepo`. */
export function yamlFilesOf(dir: string): Record<string, string> {
  return Object.fromEntries(yamlFiles(dir).map((path) => [relative(dir, path).split(sep).join('/'), readFileSync(path, 'utf8')]));
}
