import { DIAGNOSTIC_CODES } from '../../../schemas/diagnostic-codes.js';
import type { Project } from '../../../schemas/project.js';
import { CODES } from '../../validate/codes.js';
import { severityOf } from '../../validate/severity.js';
import { colourEnabled, createStyle } from '../colour.js';
import type { CliIO } from '../io.js';
import type { RulesFormat } from '../../format/rules/formats.js';
import { RULES_FORMATTERS } from '../../format/rules/index.js';
import { writeOutput } from '../write-output.js';

export interface RulesOptions {
  format: RulesFormat;
  wide?: boolean;
  color?: boolean;
}

/**
 * `backlog rules`: every code with its default severity and what it means; inside a backlog
 * whose `project.rules` changes severities, also the severity there.
 */
export function runRules(options: RulesOptions, project: Project | undefined, io: CliIO): number {
  const overridden = project?.rules !== undefined && Object.keys(project.rules).length > 0;
  const rules = DIAGNOSTIC_CODES.map((code) => ({
    code,
    severity: CODES[code].severity,
    ...(overridden ? { configured: severityOf(code, project) ?? 'off' } : {}),
    description: CODES[code].summary,
  }));
  const style = createStyle(options.format === 'table' && colourEnabled(io, options.color));
  writeOutput(io, RULES_FORMATTERS[options.format](rules, { style, columns: options.wide ? undefined : io.columns }));
  return 0;
}
