/** The names `backlog log -f` takes; the CLI's choices, kept apart from the formatters so that they load only when used. */
export const LOG_FORMATS = ['text', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];
