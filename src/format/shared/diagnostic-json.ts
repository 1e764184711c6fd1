import type { Diagnostic } from '../../model/diagnostic.js';

/** A finding in the JSON outputs (validate, diff): the keys in a fixed order, absent ones left out. */
export function diagnosticJson(d: Diagnostic): Record<string, unknown> {
  const out: Record<string, unknown> = { code: d.code, severity: d.severity, message: d.message, file: d.file };
  for (const key of ['line', 'column', 'endLine', 'endColumn', 'path', 'entity', 'hint', 'related'] as const) {
    if (d[key] !== undefined) out[key] = d[key];
  }
  return out;
}
