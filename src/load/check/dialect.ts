// The YAML dialect rule that applies to values whichever parser read them: nesting at most 64
// levels deep; deeper leaves nothing to check. (Merge keys are found by the full parser, the
// only one that can tell a plain `<<` from a quoted one, and reported with the file's check.)
// Values are never changed here: parsed files may be shared.
import type { PathSegment } from '../../model/place.js';
import type { DiagnosticDraft } from '../../model/diagnostic.js';

export const MAX_NESTING = 64;

interface Visit {
  value: unknown;
  depth: number;
  parent: Visit | undefined;
  segment: PathSegment;
}

export interface DialectCheck {
  drafts: DiagnosticDraft[];
  /** False when the document is too deep to check further. */
  readable: boolean;
}

export function checkDialect(root: unknown, file: string, doc: number): DialectCheck {
  const drafts: DiagnosticDraft[] = [];
  // Paths are rebuilt from parent links only for findings: this walk sees every value of every file.
  const stack: Visit[] = [{ value: root, depth: 0, parent: undefined, segment: '' }];
  let tooDeep = false;
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { value, depth } = visit;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_NESTING) {
      if (!tooDeep) {
        drafts.push({ code: 'UNSUPPORTED_YAML', message: `nesting deeper than ${MAX_NESTING} levels`, place: { file, doc, path: pathOf(visit) } });
      }
      tooDeep = true;
      continue;
    }
    // Only collections are visited: a scalar is never too deep, and most values are scalars.
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        const item: unknown = value[index];
        if (typeof item === 'object' && item !== null) stack.push({ value: item, depth: depth + 1, parent: visit, segment: index });
      }
      continue;
    }
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      if (typeof item === 'object' && item !== null) stack.push({ value: item, depth: depth + 1, parent: visit, segment: key });
    }
  }
  return { drafts, readable: !tooDeep };
}

function pathOf(visit: Visit): PathSegment[] {
  const path: PathSegment[] = [];
  for (let current: Visit | undefined = visit; current?.parent; current = current.parent) path.unshift(current.segment);
  return path;
}
