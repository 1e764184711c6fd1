/** The names `backlog graph -f` takes; the CLI's choices, kept apart from the formatters so that they load only when used. */
export const GRAPH_FORMATS = ['mermaid', 'dot', 'json'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];
