import { stringify } from 'yaml';
import { rowObjects } from './structured.js';
import type { RowsFormatter } from './types.js';

export const yaml: RowsFormatter = (data) => (data.rows.length === 0 ? '[]\n' : stringify(rowObjects(data), { lineWidth: 0 }));
