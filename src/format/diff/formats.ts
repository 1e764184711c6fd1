/** The names `backlog diff -f` takes; the CLI's choices, kept apart from the formatters so that they load only when used. */
export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];
