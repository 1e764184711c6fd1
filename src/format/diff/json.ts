// `backlog diff -f json`: the review as data.
import type { Review } from '../../diff/review.js';
import { diagnosticJson } from '../shared/diagnostic-json.js';
import { jsonText, OUTPUT_VERSION } from '../shared/json-output.js';

export interface DiffHeader {
  base: string;
  /** A commit, or WORKTREE for the working tree. */
  head: string;
}

export function diffJson(review: Review, header: DiffHeader): string {
  const data = {
    version: OUTPUT_VERSION,
    base: header.base,
    head: header.head,
    changes: review.changes.map((change) => ({
      collection: change.collection,
      id: change.id,
      change: change.change,
      file: change.file,
      ...(change.movedFrom ? { movedFrom: change.movedFrom } : {}),
      fields: change.fields,
    })),
    planning: review.planning,
    findings: { introduced: review.findings.introduced.map(diagnosticJson), fixed: review.findings.fixed.map(diagnosticJson) },
  };
  return jsonText(data);
}
