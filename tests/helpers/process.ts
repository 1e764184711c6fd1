// Runs a program as a process, for the tests that must (the package, the action, pre-commit):
// its exit code and both streams, never a throw for a failing exit.
import { execFile } from 'node:child_process';

export interface ProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ProcessOptions {
  cwd: string;
  /** The whole environment of the process (not added to this one's). */
  env?: Record<string, string | undefined>;
}

export function runProcess(file: string, args: readonly string[], options: ProcessOptions): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(file, args, { cwd: options.cwd, env: options.env ?? process.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
    // Nothing to read: a process that ends at once has closed its end already (EPIPE).
    child.stdin?.on('error', () => undefined);
    child.stdin?.end();
  });
}

/**
 * This process's environment without the npm_ variables of the npm that started the tests
 * (`npm test` runs them with --silent, for one): an npm started by a test behaves as a user's.
 */
export function userEnv(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name))), ...extra };
}
