// SARIF 2.1.0 for code scanning: one run, every rule described, results with repository-relative
// locations and fingerprints that survive lines moving.
import { createHash } from 'node:crypto';
import type { Severity } from '../../schemas/diagnostic-codes.js';
import { DIAGNOSTIC_CODES } from '../../schemas/diagnostic-codes.js';
import { CODES } from '../validate/codes.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { SourceTexts } from '../validate/validate.js';
import type { ValidationFormatter } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://www.npmjs.com/package/migration-backlog';

export const sarif: ValidationFormatter = (report, context) => {
  const ruleIndex = new Map(DIAGNOSTIC_CODES.map((code, index) => [code, index]));
  const fingerprints = fingerprintsOf(report.diagnostics, context.sources);
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

/**
 * Identities that survive lines moving: the code, the file, the entity and the path inside it
 * (not the entity's index in its list, which changes when entities are added above it), or
 * for a finding without a path the text of its line. Findings that are alike are told apart by
 * their order; the message is left out, since it carries counts that change.
 */
function fingerprintsOf(diagnostics: readonly Diagnostic[], sources: SourceTexts): string[] {
  const seen = new Map<string, number>();
  const lines = new Map<string, string[]>();
  const lineText = (file: string, line: number | undefined) => {
    if (line === undefined) return '';
    if (!lines.has(file)) lines.set(file, (sources.get(file) ?? '').split(/\r?\n/));
    return lines.get(file)![line - 1]?.trim() ?? '';
  };
  return diagnostics.map((d) => {
    const where = d.path && d.path.length > 0 ? JSON.stringify(d.entity ? d.path.slice(2) : d.path) : lineText(d.file, d.line);
    const identity = [d.code, d.file, d.entity ?? '', where].join('\u0000');
    const occurrence = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, occurrence);
    return createHash('sha256').update(`${identity}\u0000${occurrence}`).digest('hex').slice(0, 32);
  });
}

function pascalCase(code: string): string {
  return code
    .toLowerCase()
    .split('_')
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}
