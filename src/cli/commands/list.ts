// `backlog list [collection]`: filtered, ordered rows in a table, json, csv, markdown, yaml or ids.
import { COLLECTION_KINDS, COLLECTION_NAMES, isCollectionName, type CollectionName } from '../../../schemas/vocabulary.js';
import { UsageError } from '../../errors.js';
import type { RowsFormat } from '../../format/rows/formats.js';
import { rowsFormatter } from '../../format/rows/index.js';
import { listEntities, parsePriorityLevels } from '../../query/list.js';
import { parseSort } from '../../query/order.js';
import { parseCondition, type Condition } from '../../query/where.js';
import { didYouMeanHint } from '../../text/did-you-mean.js';
import { colourEnabled, createStyle } from '../colour.js';
import type { CliIO } from '../io.js';
import { openForQuery } from '../open-backlog.js';
import { writeOutput } from '../write-output.js';

export interface ListCommandOptions {
  root?: string;
  where: string[];
  sort?: string;
  priority?: string | true;
  columns?: string;
  format: RowsFormat;
  wide?: boolean;
  color?: boolean;
  status?: string;
  wave?: string;
  strategy?: string;
  owner?: string;
  criticality?: string;
  tag?: string;
  environment?: string;
}

/** The shorthand filters, as the conditions they stand for. */
const SHORTHANDS: Array<[keyof ListCommandOptions, string, Condition['operator']]> = [
  ['status', 'status', '='],
  ['wave', 'wave', '='],
  ['strategy', 'strategy', '='],
  ['owner', 'owner', '~'],
  ['criticality', 'criticality', '='],
  ['tag', 'tags', '='],
  ['environment', 'environment', '='],
];

export async function runList(collectionName: string | undefined, options: ListCommandOptions, io: CliIO): Promise<number> {
  const collection = parseCollection(collectionName ?? 'workloads');
  const where = options.where.map(parseCondition);
  for (const [option, field, operator] of SHORTHANDS) {
    const value = options[option];
    if (typeof value === 'string') where.push({ field, operator, values: value.split(',').map((v) => v.trim()) });
  }
  const listOptions = {
    collection,
    where,
    sort: options.sort ? parseSort(options.sort) : [],
    ...(options.priority !== undefined ? { priority: { levels: parsePriorityLevels(options.priority) } } : {}),
    ...(options.columns ? { columns: options.columns.split(',').map((c) => c.trim()).filter(Boolean) } : {}),
    // A machine format gives whole records, unless columns are chosen.
    records: options.format === 'json' || options.format === 'yaml',
  };
  const { context } = await openForQuery(io, options.root);
  const rows = listEntities(context, listOptions);
  const style = createStyle(options.format === 'table' && colourEnabled(io, options.color));
  writeOutput(io, (await rowsFormatter(options.format))(rows, { style, columns: options.wide ? undefined : io.columns }));
  return 0;
}

/** A collection name; the singular (`workload`) is taken too. */
export function parseCollection(name: string): CollectionName {
  if (isCollectionName(name)) return name;
  const bySingular = COLLECTION_NAMES.find((collection) => COLLECTION_KINDS[collection] === name);
  if (bySingular) return bySingular;
  throw new UsageError(`\`${name}\` is not a collection`, didYouMeanHint(name, COLLECTION_NAMES) ?? `the collections are ${COLLECTION_NAMES.join(', ')}`);
}
