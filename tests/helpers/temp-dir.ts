import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const created: string[] = [];

/** Removes the folders made so far: after each test file (tests/helpers/after-each-file.ts). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A temporary folder holding the given files (text or bytes), removed after the test file. */
export function tempDir(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'backlog-test-'));
  created.push(dir);
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/** A temporary copy of a folder, with some files written over it. */
export function copyOf(from: string, files: Record<string, string | Uint8Array> = {}): string {
  const dir = tempDir();
  cpSync(from, dir, { recursive: true });
  writeFiles(dir, files);
  return dir;
}

/** A file's text, by its path inside a folder. */
export const read = (root: string, path: string): string => readFileSync(join(root, path), 'utf8');

/** Every file under a folder with its text, by `/`-separated path: to show what was (not) written. */
export function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(root, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return out;
}
