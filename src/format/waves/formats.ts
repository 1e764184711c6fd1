/** The names `backlog waves -f` takes; the CLI's choices, kept apart from the formatters so that they load only when used. */
export const WAVES_FORMATS = ['table', 'json', 'markdown', 'csv'] as const;
export type WavesFormat = (typeof WAVES_FORMATS)[number];
