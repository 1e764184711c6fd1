import { DIAGNOSTIC_CODES } from '../../../schemas/diagnostic-codes.js';
import { CODES } from '../../validate/codes.js';
import { colourEnabled, createStyle } from '../colour.js';
import type { CliIO } from '../io.js';
import { renderTable } from '../table.js';

export interface RulesOptions {
  format: 'table' | 'json';
  color?: boolean;
}

/** `backlog rules`: every code with its default severity and what it means. */
export function runRules(options: RulesOptions, io: CliIO): number {
  if (options.format === 'json') {
    const rules = DIAGNOSTIC_CODES.map((code) => ({ code, severity: CODES[code].severity, description: CODES[code].summary }));
    io.stdout(`${JSON.stringify(rules, null, 2)}\n`);
    return 0;
  }
  const style = createStyle(colourEnabled(io, options.color));
  const rows = DIAGNOSTIC_CODES.map((code) => [code, CODES[code].severity, CODES[code].summary]);
  io.stdout(renderTable(['Code', 'Default', 'Description'], rows, { style, columns: io.columns, flexibleColumn: 2 }));
  return 0;
}
