// The process entry: real stdin/stdout, real exit code. Everything else is in run().
import { readFileSync } from 'node:fs';
import { exitCodeAfterOutput, processIO } from './io.js';
import { toolVersion } from './version.js';

const argv = process.argv.slice(2);
const help = argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h') ? builtHelp() : undefined;
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // Answered before the program (commander and every command) is loaded: for `--version`,
  // start-up is the whole cost. The output is the program's own (tests/e2e/bin.test.ts).
  processIO().stdout(`${toolVersion()}\n`);
  process.exitCode = exitCodeAfterOutput(0);
} else if (help !== undefined) {
  processIO().stdout(help);
  process.exitCode = exitCodeAfterOutput(0);
} else {
  const { run } = await import('./program.js');
  const exitCode = await run(argv, processIO());
  // Set, not process.exit(): let stdout drain when it is a pipe.
  process.exitCode = exitCodeAfterOutput(exitCode);
}

/**
 * The program's help as the build wrote it (build.mjs, dist/help.txt), for output that is not a
 * terminal: the program lays it out to a terminal's width, else always alike.
 */
function builtHelp(): string | undefined {
  if (process.stdout.isTTY) return undefined;
  try {
    return readFileSync(new URL('../help.txt', import.meta.url), 'utf8');
  } catch {
    return undefined;
  }
}
