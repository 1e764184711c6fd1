import type { DiagnosticCode, Severity } from '../../schemas/diagnostic-codes.js';
import { FIXED_CODES } from '../../schemas/diagnostic-codes.js';
import type { Project } from '../../schemas/project.js';
import { CODES } from './codes.js';

const FIXED = new Set<DiagnosticCode>(FIXED_CODES);

/** The severity of a code in this backlog, or undefined when `project.rules` turns it off. */
export function severityOf(code: DiagnosticCode, project: Project | undefined): Severity | undefined {
  if (FIXED.has(code)) return CODES[code].severity;
  const setting = project?.rules?.[code as keyof NonNullable<Project['rules']>];
  if (setting === 'off') return undefined;
  return setting ?? CODES[code].severity;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export type FailOn = Severity | 'never';

/** Whether a finding of this severity fails the run at this threshold. */
export function fails(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'never' && SEVERITY_RANK[severity] >= SEVERITY_RANK[failOn];
}
