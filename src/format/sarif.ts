// SARIF 2.1.0 for code scanning: one run, every rule described, results with repository-relative
// locations and fingerprints that survive lines moving.
import { createHash } from 'node:crypto';
import type { Severity } from '../../schemas/diagnostic-codes.js';
import { DIAGNOSTIC_CODES } from '../../schemas/diagnostic-codes.js';
import { CODES } from '../validate/codes.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import type { ValidationFormatter } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://www.npmjs.com/package/migration-backlog';

export const sarif: ValidationFormatter = (report, context) => {
  const ruleIndex = new Map(DIAGNOSTIC_CODES.map((code, index) => [code, index]));
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
        results: report.diagnostics.map((d) => ({
          ruleId: d.code,
          ruleIndex: ruleIndex.get(d.code)!,
          level: LEVEL[d.severity],
          message: { text: d.hint ? `${d.message} (${d.hint})` : d.message },
          locations: [physicalLocation(context.pathPrefix + d.file, d)],
          ...(d.related?.length
            ? { relatedLocations: d.related.map((r, id) => ({ id, ...physicalLocation(context.pathPrefix + r.file, r) })) }
            : {}),
          partialFingerprints: { 'backlogFinding/v1': fingerprint(d) },
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
  return { physicalLocation: { artifactLocation: { uri: encodeURI(uri), uriBaseId: '%SRCROOT%' }, ...region } };
}

/**
 * Identity without positions: the code, the file, the entity and the path inside the entity
 * (not the entity's index in its list, which changes when entities are added above it).
 */
function fingerprint(d: Diagnostic): string {
  const pathInEntity = d.entity && d.path ? d.path.slice(2) : (d.path ?? []);
  const identity = [d.code, d.file, d.entity ?? '', JSON.stringify(pathInEntity), d.message].join('\u0000');
  return createHash('sha256').update(identity).digest('hex').slice(0, 32);
}

function pascalCase(code: string): string {
  return code
    .toLowerCase()
    .split('_')
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}
