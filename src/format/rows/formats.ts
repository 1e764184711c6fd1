/** The names `backlog list -f` takes; the CLI's choices, kept apart from the formatters so that they load only when used. */
export const ROWS_FORMATS = ['table', 'json', 'csv', 'markdown', 'yaml', 'ids'] as const;
export type RowsFormat = (typeof ROWS_FORMATS)[number];
