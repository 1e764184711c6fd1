/** The names `backlog show -f` takes; the CLI's choices, kept apart from the formatters so that they load only when used. */
export const SHOW_FORMATS = ['text', 'json', 'yaml'] as const;
export type ShowFormat = (typeof SHOW_FORMATS)[number];
