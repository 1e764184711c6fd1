// The built CLI started without waiting, for tests of processes that run at once or are killed.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { bin } from './run-built.js';

/**
 * Settles with the exit code and stdout. `kill`: SIGKILL it after so many milliseconds, or as
 * soon as a file holds a text (a journal saying what a write is doing).
 */
export function started(args: string[], env: Record<string, string>, kill?: number | { file: string; holds: string }): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, NO_COLOR: '1', BACKLOG_AS_OF: '2026-06-01', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  let watch: NodeJS.Timeout | undefined;
  if (typeof kill === 'number') setTimeout(() => child.kill('SIGKILL'), kill);
  else if (kill) {
    watch = setInterval(() => {
      if (existsSync(kill.file) && readFileSync(kill.file, 'utf8').includes(kill.holds)) child.kill('SIGKILL');
    }, 1);
  }
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearInterval(watch);
      resolve({ code, stdout });
    }),
  );
}
