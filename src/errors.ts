// The small error taxonomy. Findings are data, not errors; these are for "cannot continue".
// The CLI's one top-level catch turns each into its exit code (STYLE: knip's util/errors.ts).

/** The user asked for something that cannot be done as asked: exit 2, a short message. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** Reading or writing files, or running git, failed: exit 3. */
export class IoError extends Error {
  override readonly name: string = 'IoError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * A cache file found damaged once an answer was under way (its header was sound). The file is
 * gone by then; the command answers again from the backlog's files.
 */
export class DamagedCacheError extends IoError {
  override readonly name = 'DamagedCacheError';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
