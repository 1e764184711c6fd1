/** The names `backlog rules -f` takes; the CLI's choices, kept apart from the formatters so that they load only when used. */
export const RULES_FORMATS = ['table', 'json'] as const;
export type RulesFormat = (typeof RULES_FORMATS)[number];
