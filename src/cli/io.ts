// Everything the CLI touches of its process, passed in, so tests run commands in-process.

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

/**
 * A writer that stops writing when the reader goes away (`backlog validate | head`): the pipe
 * closing is not an error of ours, and must not end in a stack trace.
 */
function closedQuietly(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}
