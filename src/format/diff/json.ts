// `backlog diff -f json`: the review as data.
import { diagnosticJson } from '../shared/diagnostic-json.js';
import { jsonText, OUTPUT_VERSION } from '../shared/json-output.js';
import type { DiffFormatter } from './types.js';

export const diffJson: DiffFormatter = (review, header) => {
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
};
