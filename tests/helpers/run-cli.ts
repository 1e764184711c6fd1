import type { CliIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/program.js';

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
    env: { BACKLOG_AS_OF: '2026-06-01', ...options.env },
    stdoutIsTTY: options.tty ?? false,
    columns: options.columns,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}
