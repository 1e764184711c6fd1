import type { Severity } from '../../../schemas/diagnostic-codes.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { plural } from '../../text/list.js';

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(diagnostics: readonly Diagnostic[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const diagnostic of diagnostics) counts[diagnostic.severity] += 1;
  return counts;
}

/** "2 errors, 1 warning and 0 infos" without the zeros: "2 errors, 1 warning". */
export function describeCounts(counts: SeverityCounts): string {
  const parts = [
    counts.error ? plural(counts.error, 'error') : '',
    counts.warning ? plural(counts.warning, 'warning') : '',
    counts.info ? plural(counts.info, 'info') : '',
  ].filter(Boolean);
  return parts.join(', ');
}
