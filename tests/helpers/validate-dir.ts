import { fsSource } from '../../src/load/fs-source.js';
import { loadFiles } from '../../src/load/load-files.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { validate, type ValidationResult } from '../../src/validate/validate.js';

export const AS_OF = '2026-06-01';

export async function validateDir(root: string, asOf = AS_OF): Promise<ValidationResult> {
  return validate(await loadFiles(fsSource(root)), { asOf });
}

/** `CODE file:line:column`, the form fixture tests compare. */
export function brief(d: Diagnostic): string {
  return `${d.code} ${d.file}:${d.line ?? '-'}:${d.column ?? '-'}`;
}
