// The formats of rows. Each loads when asked for: the YAML writer and the table drawer are
// most of what a query would otherwise load at start-up.
import type { RowsFormat } from './formats.js';
import type { RowsFormatter } from './types.js';

const LOADERS: Record<RowsFormat, () => Promise<RowsFormatter>> = {
  table: async () => (await import('./table.js')).table,
  json: async () => (await import('./structured.js')).json,
  csv: async () => (await import('./csv.js')).csv,
  markdown: async () => (await import('./markdown.js')).markdownTable,
  yaml: async () => (await import('./yaml.js')).yaml,
  ids: async () => (await import('./structured.js')).ids,
};

export function rowsFormatter(format: RowsFormat): Promise<RowsFormatter> {
  return LOADERS[format]();
}

