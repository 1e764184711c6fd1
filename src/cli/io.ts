// Everything the CLI touches of its process, passed in, so tests run commands in-process.
import { errorMessage } from '../errors.js';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTTY: boolean;
  /** Terminal width, when stdout is a terminal. */
  columns: number | undefined;
}

export function processIO(): CliIO {
  return {
    stdout: closedQuietly(process.stdout),
    stderr: closedQuietly(process.stderr),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  };
}

/** Set when writing to stdout failed for a reason other than the reader leaving. */
let outputFailed = false;

/** The exit code of a run whose output could not be written: 3, the code of an I/O error. */
export function exitCodeAfterOutput(exitCode: number): number {
  return outputFailed ? 3 : exitCode;
}

/**
 * A writer that stops writing when the reader goes away (`backlog validate | head`): the pipe
 * closing is not an error of ours, and must not end in a stack trace. Any other failure of stdout
 * (a full disk under `> file`) is said on stderr, once, and makes the exit code 3.
 */
function closedQuietly(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    closed = true;
    // stderr carries only messages about the answer, whose exit code already says what matters.
    if (error.code === 'EPIPE' || stream === process.stderr) return;
    outputFailed = true;
    process.exitCode = 3;
    process.stderr.write(`backlog: cannot write the output: ${errorMessage(error)}\n`);
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}
