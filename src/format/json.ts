// The machine format: exactly the envelope of the specification, nothing else on stdout.
import type { Diagnostic } from '../model/diagnostic.js';
import { countBySeverity } from './summary.js';
import { jsonText, OUTPUT_VERSION } from './json-output.js';
import type { ValidationFormatter } from './types.js';

export const json: ValidationFormatter = (report) => {
  const counts = countBySeverity(report.diagnostics);
  const envelope = {
    version: OUTPUT_VERSION,
    summary: {
      files: report.files.length,
      entities: report.entities,
      errors: counts.error,
      warnings: counts.warning,
      infos: counts.info,
    },
    diagnostics: report.diagnostics.map(diagnosticJson),
  };
  return jsonText(envelope);
};

/** The keys in a fixed order; absent ones left out. Shared with other JSON outputs (diff). */
export function diagnosticJson(d: Diagnostic): Record<string, unknown> {
  const out: Record<string, unknown> = { code: d.code, severity: d.severity, message: d.message, file: d.file };
  for (const key of ['line', 'column', 'endLine', 'endColumn', 'path', 'entity', 'hint', 'related'] as const) {
    if (d[key] !== undefined) out[key] = d[key];
  }
  return out;
}
