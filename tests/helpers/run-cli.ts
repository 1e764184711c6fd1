import type { CliIO } from '../../src/cli/io.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/program.js';

const testCache = mkdtempSync(join(tmpdir(), 'backlog-test-cache-'));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  tty?: boolean;
  columns?: number;
}

/** Runs the CLI in-process with captured output: no colour, no TTY, a fixed "today" unless given. */
export async function runCli(args: string[], options: CliRunOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    cwd: options.cwd ?? process.cwd(),
    // A cache folder of the test run's own: tests never touch the user's cache.
    env: { BACKLOG_AS_OF: '2026-06-01', XDG_CACHE_HOME: testCache, ...options.env },
    stdoutIsTTY: options.tty ?? false,
    columns: options.columns,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}
