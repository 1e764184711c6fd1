// `backlog show REF`: one entity in full, as text, json or yaml.
import type { ShowFormat } from '../../format/show/formats.js';
import { SHOW_FORMATTERS } from '../../format/show/index.js';
import { createLocator, LineIndex } from '../../load/locate/index.js';
import { locationOf } from '../../model/entity.js';
import { findEntity, showEntity } from '../../query/show.js';
import { colourEnabled, createStyle } from '../colour.js';
import type { CliIO } from '../io.js';
import { openForQuery } from '../open-backlog.js';
import { writeOutput } from '../write-output.js';

export async function runShow(ref: string, options: { root?: string; format: ShowFormat; color?: boolean }, io: CliIO): Promise<number> {
  const { context, sourceOf, read } = await openForQuery(io, options.root);
  const entity = findEntity(context, ref, read.unreadableFiles);
  const { file: path, doc, path: nodePath } = locationOf(entity);
  const { text, parser } = sourceOf(path);
  const range = createLocator(text, parser)({ doc, path: nodePath, target: 'value' });
  const line = range ? new LineIndex(text).position(range[0]).line : undefined;
  const detail = showEntity(context, entity, line === undefined ? path : `${path}:${line}`);
  writeOutput(io, SHOW_FORMATTERS[options.format](detail, createStyle(colourEnabled(io, options.color)), io.columns));
  return 0;
}
