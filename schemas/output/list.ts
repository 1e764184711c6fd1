import * as z from 'zod';
import { COLLECTION_NAMES } from '../vocabulary.js';
import { fields, version } from './common.js';

export const ListOutput = z
  .strictObject({
    version: version(),
    collection: z.enum(COLLECTION_NAMES),
    items: z.array(fields()).describe('Whole records (every field, `x-*` fields too); with --columns, those columns, missing values as null.'),
  })
  .describe('backlog list -f json');
