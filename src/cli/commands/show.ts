// `backlog show REF`: one entity in full, as text, json or yaml.
import { stringify } from 'yaml';
import { showText } from '../../format/show-text.js';
import { createLocator, LineIndex } from '../../load/locate/index.js';
import { findEntity, showEntity } from '../../query/show.js';
import { colourEnabled, createStyle } from '../colour.js';
import type { CliIO } from '../io.js';
import { openBacklog } from '../open-backlog.js';

export async function runShow(ref: string, options: { root?: string; format: 'text' | 'json' | 'yaml'; color?: boolean }, io: CliIO): Promise<number> {
  const { context, files } = await openBacklog(io, options.root);
  const entity = findEntity(context, ref);
  const file = files.find((f) => f.path === entity.location.file)!;
  const range = createLocator(file.text, file.parser)({ doc: entity.location.doc, path: entity.location.path, target: 'value' });
  const line = range ? new LineIndex(file.text).position(range[0]).line : undefined;
  const detail = showEntity(context, entity, line === undefined ? file.path : `${file.path}:${line}`);
  if (options.format === 'json') io.stdout(`${JSON.stringify(detail, null, 2)}\n`);
  else if (options.format === 'yaml') io.stdout(stringify(detail, { lineWidth: 0 }));
  else io.stdout(showText(detail, createStyle(colourEnabled(io, options.color))));
  return 0;
}
