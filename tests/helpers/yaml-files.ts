import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every `.yaml` and `.yml` file below a folder, as full paths. */
export function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}
