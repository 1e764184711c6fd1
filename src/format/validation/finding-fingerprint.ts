// A finding's identity that survives lines moving: its code, file and entity, and where in the
// entity it is (or, for a finding outside any entity, the text of its line), numbered when the
// same identity repeats. CI tools use it to tell the findings a change adds from those it fixes.
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { SourceTexts } from '../../validate/validate.js';

export function findingFingerprints(diagnostics: readonly Diagnostic[], sources: SourceTexts): string[] {
  const seen = new Map<string, number>();
  const lines = new Map<string, string[]>();
  const lineText = (file: string, line: number | undefined) => {
    if (line === undefined) return '';
    if (!lines.has(file)) lines.set(file, (sources.get(file) ?? '').split(/\r?\n/));
    return lines.get(file)![line - 1]?.trim() ?? '';
  };
  return diagnostics.map((d) => {
    // An entity's path starts with its collection and index, which change when entities move.
    const where = d.path && d.path.length > 0 ? JSON.stringify(d.entity ? d.path.slice(2) : d.path) : lineText(d.file, d.line);
    const identity = [d.code, d.file, d.entity ?? '', where].join('\u0000');
    const occurrence = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, occurrence);
    return createHash('sha256').update(`${identity}\u0000${occurrence}`).digest('hex').slice(0, 32);
  });
}
