import { renderTable } from '../rows/table-layout.js';
import type { RowsContext } from '../rows/types.js';
import type { RuleRow } from './types.js';

/** The descriptions give way on a narrow terminal; the codes and severities stay whole. */
export function rulesTable(rules: readonly RuleRow[], context: RowsContext): string {
  const configured = rules.some((rule) => rule.configured !== undefined);
  const head = configured ? ['Code', 'Default', 'Configured', 'Description'] : ['Code', 'Default', 'Description'];
  const rows = rules.map((rule) => (configured ? [rule.code, rule.severity, rule.configured ?? '', rule.description] : [rule.code, rule.severity, rule.description]));
  return renderTable(head, rows, { style: context.style, columns: context.columns, fits: head.map((title) => (title === 'Description' ? 'text' : 'fixed')) });
}
