// SARIF 2.1.0 for code scanning: one run, every rule described, results with repository-relative
// locations and fingerprints that survive lines moving.
import type { Severity } from '../../../schemas/diagnostic-codes.js';
import { DIAGNOSTIC_CODES } from '../../../schemas/diagnostic-codes.js';
import { CODES } from '../../validate/codes.js';
import { findingFingerprints } from './finding-fingerprint.js';
import type { ValidationFormatter } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://www.npmjs.com/package/migration-backlog';

export const sarif: ValidationFormatter = (report, context) => {
  const ruleIndex = new Map(DIAGNOSTIC_CODES.map((code, index) => [code, index]));
  const fingerprints = findingFingerprints(report.diagnostics, context.sources);
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'backlog',
            semanticVersion: context.toolVersion,
            informationUri: INFORMATION_URI,
            rules: DIAGNOSTIC_CODES.map((code) => {
              const info = CODES[code];
              return {
                id: code,
                name: pascalCase(code),
                shortDescription: { text: info.summary },
                fullDescription: { text: info.explanation },
                help: {
                  text: `${info.explanation}\n\nFix: ${info.fix}`,
                  markdown: `${info.explanation}\n\n\`\`\`yaml\n${info.example}\n\`\`\`\n\n**Fix:** ${info.fix}`,
                },
                defaultConfiguration: { level: LEVEL[info.severity] },
              };
            }),
          },
        },
        results: report.diagnostics.map((d, i) => ({
          ruleId: d.code,
          ruleIndex: ruleIndex.get(d.code)!,
          level: LEVEL[d.severity],
          message: { text: d.hint ? `${d.message} — ${d.hint}` : d.message },
          locations: [physicalLocation(context.pathPrefix + d.file, d)],
          ...(d.related?.length
            ? { relatedLocations: d.related.map((r, id) => ({ id, ...physicalLocation(context.pathPrefix + r.file, r) })) }
            : {}),
          partialFingerprints: { 'backlogFinding/v2': fingerprints[i]! },
        })),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function physicalLocation(uri: string, place: { line?: number; column?: number; endLine?: number; endColumn?: number }) {
  const region =
    place.line !== undefined
      ? {
          region: {
            startLine: place.line,
            startColumn: place.column,
            ...(place.endLine !== undefined ? { endLine: place.endLine, endColumn: place.endColumn } : {}),
          },
        }
      : {};
  return { physicalLocation: { artifactLocation: { uri: relativeUri(uri), uriBaseId: '%SRCROOT%' }, ...region } };
}

/**
 * A `/`-separated path as a relative URI reference (RFC 3986): each segment percent-encoded, so
 * that `wave1:draft.yaml` is not read as the scheme `wave1:`, nor `#` and `?` as a fragment or a query.
 */
function relativeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function pascalCase(code: string): string {
  return code
    .toLowerCase()
    .split('_')
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}
