// Drafts -> diagnostics: the one place where paths become lines and columns, and only for
// the files that have findings (a bulk load keeps no positions).
import { clampToLine, createLocator, LineIndex, type Locator } from '../load/locate/index.js';
import type { SourceFile } from '../load/types.js';
import type { OffsetRange } from '../model/place.js';
import type { Diagnostic, DiagnosticDraft, DraftPlace, RelatedLocation } from '../model/diagnostic.js';
import type { Severity } from '../../schemas/diagnostic-codes.js';

/** The files findings are placed in, by path: each one's text and the parser that read it. */
export interface LocatableFiles {
  get(path: string): LocatableFile | undefined;
}

type LocatableFile = Pick<SourceFile, 'text' | 'parser'>;

interface FilePositions {
  file: LocatableFile;
  lines: LineIndex;
  locator: Locator | undefined;
}

export class DiagnosticLocator {
  private readonly cache = new Map<string, FilePositions>();

  constructor(private readonly files: LocatableFiles) {}

  locate(draft: DiagnosticDraft, severity: Severity): Diagnostic {
    const { place } = draft;
    const diagnostic: Diagnostic = { code: draft.code, severity, message: draft.message, file: place.file };
    const range = this.rangeOf(place);
    const positions = this.positions(place.file);
    if (range && positions) {
      const start = positions.lines.position(range[0]);
      const end = positions.lines.position(range[1]);
      Object.assign(diagnostic, { line: start.line, column: start.column, endLine: end.line, endColumn: end.column });
    }
    // A finding placed by offsets (a syntax error) has no path: an empty one, as JSON expects one.
    diagnostic.path = place.path ? [...place.path] : [];
    if (draft.entity) diagnostic.entity = draft.entity;
    const source = range && positions ? positions.file.text.slice(range[0], range[1]) : undefined;
    const hint = draft.quoteHint && source !== undefined ? `YAML read \`${source}\` as ${draft.quoteHint}: quote it, "${source}"` : draft.hint;
    if (hint) diagnostic.hint = hint;
    if (draft.related?.length) diagnostic.related = draft.related.map((related) => this.relatedLocation(related));
    return diagnostic;
  }

  private relatedLocation(place: DraftPlace): RelatedLocation {
    const range = this.rangeOf(place);
    const positions = this.positions(place.file);
    if (!range || !positions) return { file: place.file };
    const { line, column } = positions.lines.position(range[0]);
    return { file: place.file, line, column };
  }

  private rangeOf(place: DraftPlace): OffsetRange | undefined {
    const positions = this.positions(place.file);
    if (!positions) return undefined;
    let range = place.range;
    if (!range && place.path) {
      positions.locator ??= safeLocator(positions.file);
      range = positions.locator({ doc: place.doc ?? 0, path: place.path, target: place.target ?? 'value' });
    }
    return range && clampToLine(positions.file.text, range);
  }

  private positions(path: string): FilePositions | undefined {
    let positions = this.cache.get(path);
    if (!positions) {
      const file = this.files.get(path);
      if (!file) return undefined;
      positions = { file, lines: new LineIndex(file.text), locator: undefined };
      this.cache.set(path, positions);
    }
    return positions;
  }
}

/** A finding without a place is better than no finding: a locator that fails places nothing. */
function safeLocator(file: LocatableFile): Locator {
  try {
    const locator = createLocator(file.text, file.parser);
    return (request) => {
      try {
        return locator(request);
      } catch {
        return undefined;
      }
    };
  } catch {
    return () => undefined;
  }
}

/** By file, line, column, then code: the order of every output. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareText(a.file, b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    compareText(a.code, b.code) ||
    compareText(a.message, b.message)
  );
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
