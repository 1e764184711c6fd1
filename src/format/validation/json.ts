// The machine format: exactly the envelope of the specification, nothing else on stdout.
import { countBySeverity } from './severity-counts.js';
import { jsonText, OUTPUT_VERSION } from '../shared/json-output.js';
import { diagnosticJson } from '../shared/diagnostic-json.js';
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
