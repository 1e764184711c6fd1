// The process entry: real stdin/stdout, real exit code. Everything else is in run().
import { exitCodeAfterOutput, processIO } from './io.js';
import { toolVersion } from './version.js';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // Answered before the program (commander and every command) is loaded: for `--version`,
  // start-up is the whole cost. The output is the program's own (tests/cli/bin.test.ts).
  processIO().stdout(`${toolVersion()}\n`);
  process.exitCode = exitCodeAfterOutput(0);
} else {
  const { run } = await import('./program.js');
  const exitCode = await run(argv, processIO());
  // Set, not process.exit(): let stdout drain when it is a pipe.
  process.exitCode = exitCodeAfterOutput(exitCode);
}
