import { fsSource } from '../../src/load/fs-source.js';
import { loadBacklog } from '../../src/load/load-backlog.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { validate, type ValidationResult } from '../../src/validate/validate.js';
import { tempDir } from './temp-dir.js';

const AS_OF = '2026-06-01';

/** A root file with one workload that has every field a rule asks for. */
export const OK_WORKLOAD = 'workloads:\n  - { id: crm, name: CRM, owner: Ana }\n';

/** The findings of a backlog of these files, in a temporary folder. */
export async function findingsOf(files: Record<string, string | Uint8Array>): Promise<Diagnostic[]> {
  return (await validateDir(tempDir(files))).diagnostics;
}

export async function validateDir(root: string, asOf = AS_OF): Promise<ValidationResult> {
  const loaded = await loadBacklog(fsSource(root));
  return validate(loaded.files, { asOf }, loaded);
}

/** `CODE file:line:column`, the form fixture tests compare. */
export function brief(d: Diagnostic): string {
  return `${d.code} ${d.file}:${d.line ?? '-'}:${d.column ?? '-'}`;
}
