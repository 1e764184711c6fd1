// GitLab's Code Quality report: the JSON array that `artifacts: reports: codequality` reads, so
// that merge requests show the findings a change adds and fixes (matched by fingerprint).
import type { Severity } from '../../../schemas/diagnostic-codes.js';
import type { ValidationFormatter } from './types.js';
import { findingFingerprints } from './finding-fingerprint.js';

/** GitLab's scale is info, minor, major, critical, blocker; an error blocks nothing by itself. */
const GITLAB_SEVERITY: Record<Severity, 'info' | 'minor' | 'major'> = { error: 'major', warning: 'minor', info: 'info' };

export const gitlab: ValidationFormatter = (report, context) => {
  const fingerprints = findingFingerprints(report.diagnostics, context.sources);
  const issues = report.diagnostics.map((d, i) => ({
    description: d.hint ? `${d.message} — ${d.hint}` : d.message,
    check_name: d.code,
    fingerprint: fingerprints[i]!,
    severity: GITLAB_SEVERITY[d.severity],
    // A finding about a whole file is placed on its first line: GitLab needs a line.
    location: { path: context.pathPrefix + d.file, lines: { begin: d.line ?? 1 } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
};
