import { DIAGNOSTIC_CODES } from '../../../schemas/diagnostic-codes.js';
import type { Project } from '../../../schemas/project.js';
import { CODES } from '../../validate/codes.js';
import { severityOf } from '../../validate/severity.js';
import { colourEnabled, createStyle } from '../colour.js';
import type { CliIO } from '../io.js';
import { jsonText, OUTPUT_VERSION } from '../../format/shared/json-output.js';
import { renderTable } from '../../format/rows/table-layout.js';

export interface RulesOptions {
  format: 'table' | 'json';
  wide?: boolean;
  color?: boolean;
}

/**
 * `backlog rules`: every code with its default severity and what it means; inside a backlog
 * whose `project.rules` changes severities, also the severity there.
 */
export function runRules(options: RulesOptions, project: Project | undefined, io: CliIO): number {
  const overridden = project?.rules !== undefined && Object.keys(project.rules).length > 0;
  const here = (code: (typeof DIAGNOSTIC_CODES)[number]) => severityOf(code, project) ?? 'off';
  if (options.format === 'json') {
    const rules = DIAGNOSTIC_CODES.map((code) => ({
      code,
      severity: CODES[code].severity,
      ...(overridden ? { configured: here(code) } : {}),
      description: CODES[code].summary,
    }));
    io.stdout(jsonText({ version: OUTPUT_VERSION, rules }));
    return 0;
  }
  const style = createStyle(colourEnabled(io, options.color));
  const head = overridden ? ['Code', 'Default', 'Configured', 'Description'] : ['Code', 'Default', 'Description'];
  const rows = DIAGNOSTIC_CODES.map((code) =>
    overridden ? [code, CODES[code].severity, here(code), CODES[code].summary] : [code, CODES[code].severity, CODES[code].summary],
  );
  io.stdout(renderTable(head, rows, { style, columns: options.wide ? undefined : io.columns, fits: head.map((title) => (title === 'Description' ? 'text' : 'fixed')) }));
  return 0;
}
