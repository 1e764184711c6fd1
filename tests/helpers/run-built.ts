// The built CLI as a separate process, for the few tests about the process itself: exit codes
// and streams as a caller sees them, the bin shim, the parse worker (which exists only in the
// build). tests/e2e/build-once.ts builds dist/ before these run.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { join } from 'node:path';

export const repo = join(import.meta.dirname, '..', '..');
export const bin = join(repo, 'bin', 'backlog.js');

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The signal that ended it, when one did (a timeout). */
  signal?: string;
}

export interface BuiltRunOptions {
  /** Flags for node itself, before the script. */
  nodeArgs?: string[];
  env?: Record<string, string | undefined>;
  cwd?: string;
  stdio?: SpawnSyncOptions['stdio'];
  /** Milliseconds before the process is killed (a hang then shows as a null code and SIGTERM). */
  timeout?: number;
}

/** Runs `node bin/backlog.js ARGS` with no colour and a fixed "today"; returns what a caller sees. */
export function runBuilt(args: string[], options: BuiltRunOptions = {}): ProcessResult {
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), bin, ...args], {
    cwd: options.cwd ?? repo,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', BACKLOG_AS_OF: '2026-06-01', ...options.env },
    ...(options.stdio ? { stdio: options.stdio } : {}),
    ...(options.timeout ? { timeout: options.timeout } : {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, ...(result.signal ? { signal: result.signal } : {}) };
}
