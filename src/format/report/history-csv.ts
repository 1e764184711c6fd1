import type { ChalkInstance } from 'chalk';
import type { HistoryPoint, Interval } from '../../git/kpi-history.js';
import { csv } from '../rows/csv.js';

/** `backlog report --history -f csv`: a row per date, the points' keys as columns. */
export function historyCsv(points: readonly HistoryPoint[], _every: Interval, style: ChalkInstance): string {
  const columns = Object.keys(points[0] ?? {}) as Array<keyof HistoryPoint>;
  return csv({ columns, rows: points as unknown as Array<Record<string, unknown>>, idColumn: 'date' }, { style, columns: undefined });
}
