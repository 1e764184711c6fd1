// The process entry: real stdin/stdout, real exit code. Everything else is in run().
import { processIO } from './io.js';
import { run } from './program.js';

const exitCode = await run(process.argv.slice(2), processIO());
// Set, not process.exit(): let stdout drain when it is a pipe.
process.exitCode = exitCode;
