// `backlog show REF`: one entity in full, as text, json or yaml.
import { stringify } from 'yaml';
import { showJson, showOutput } from '../../format/show/json.js';
import { showText } from '../../format/show/text.js';
import { createLocator, LineIndex } from '../../load/locate/index.js';
import { locationOf } from '../../model/entity.js';
import { findEntity, showEntity } from '../../query/show.js';
import { colourEnabled, createStyle } from '../colour.js';
import type { CliIO } from '../io.js';
import { openForQuery } from '../open-backlog.js';

export async function runShow(ref: string, options: { root?: string; format: 'text' | 'json' | 'yaml'; color?: boolean }, io: CliIO): Promise<number> {
  const { context, sourceOf } = await openForQuery(io, options.root);
  const entity = findEntity(context, ref);
  const { file: path, doc, path: nodePath } = locationOf(entity);
  const { text, parser } = sourceOf(path);
  const range = createLocator(text, parser)({ doc, path: nodePath, target: 'value' });
  const line = range ? new LineIndex(text).position(range[0]).line : undefined;
  const detail = showEntity(context, entity, line === undefined ? path : `${path}:${line}`);
  if (options.format === 'json') io.stdout(showJson(detail));
  else if (options.format === 'yaml') io.stdout(stringify(showOutput(detail), { lineWidth: 0 }));
  else io.stdout(showText(detail, createStyle(colourEnabled(io, options.color))));
  return 0;
}
