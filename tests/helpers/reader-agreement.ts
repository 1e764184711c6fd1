// The differential check of the readers: on any text, what the tool reads (the fast reader
// where it takes the text, the `yaml` package elsewhere) must be what the `yaml` package reads
// with the tool's options, value for value — key order, -0 and NaN included — and every node
// placed on the same text. Returns the disagreements found, as sentences; none is the goal.
import { clampToLine, createLocator } from '../../src/load/locate/index.js';
import { fullLocator } from '../../src/load/locate/full-locator.js';
import { parseFull } from '../../src/load/parse/full.js';
import { parseText } from '../../src/load/parse/parse-text.js';
import { readSubset } from '../../src/load/parse/subset.js';
import type { OffsetRange, PathSegment } from '../../src/model/place.js';

export interface Agreement {
  /** Which reader the tool used. */
  reader: 'fast' | 'full';
  /** Whether the fast reader, reading a key written twice as the last one, took the text (as for a large file). */
  lenient: boolean;
  disagreements: string[];
}

export function compareReaders(text: string): Agreement {
  const disagreements: string[] = [];
  const ours = parseText(text);
  // Where the tool used the yaml package, that was this very reading: it is not done twice.
  const reference = ours.parser === 'full' ? ours : parseFull(text);
  if (ours.parser === 'fast') {
    if (reference.problems.length > 0) disagreements.push(`the fast reader took a text the yaml package finds problems in: ${reference.problems.map((p) => p.message).join('; ')}`);
    else if (reference.documents.length !== 1) disagreements.push(`the fast reader read one document, the yaml package ${reference.documents.length}`);
    else {
      const difference = valueDifference(ours.documents[0]!.value, reference.documents[0]!.value, []);
      if (difference) disagreements.push(`values differ ${difference}`);
      else disagreements.push(...placeDifferences(text, ours.documents[0]!.value));
    }
  }
  const lenient = readSubset(text, { lastKeyWins: true });
  if ('value' in lenient) {
    const others = reference.problems.filter((problem) => problem.code !== 'DUPLICATE_KEY');
    if (others.length > 0 || reference.documents.length !== 1) disagreements.push(`read with the last key winning, a text the yaml package finds other problems in: ${others.map((p) => p.message).join('; ')}`);
    else {
      const difference = valueDifference(lenient.value, reference.documents[0]!.value, []);
      if (difference) disagreements.push(`values differ with the last key winning ${difference}`);
      // In any order: the findings are sorted by place before they are shown.
      const ranges = (list: Array<{ range?: OffsetRange; related?: OffsetRange[] }>) =>
        JSON.stringify([...list].sort((x, y) => (x.range?.[0] ?? 0) - (y.range?.[0] ?? 0)).map((p) => [p.range, p.related]));
      const duplicates = reference.problems.map((p) => ({ range: p.range, related: p.related }));
      const ownDuplicates = lenient.duplicates.map((d) => ({ range: d.range, related: [d.first] }));
      if (ranges(duplicates) !== ranges(ownDuplicates)) disagreements.push(`repeated keys placed differently: ${ranges(ownDuplicates)} against ${ranges(duplicates)}`);
    }
  }
  return { reader: ours.parser, lenient: 'value' in lenient, disagreements };
}

/** Where two values differ, as a path and both values; undefined when they are the same. */
function valueDifference(a: unknown, b: unknown, path: PathSegment[]): string | undefined {
  const at = `at ${JSON.stringify(path)}`;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return `${at}: ${show(a)} against ${show(b)}`;
    for (let i = 0; i < a.length; i++) {
      const difference = valueDifference(a[i], b[i], [...path, i]);
      if (difference) return difference;
    }
    return undefined;
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return `${at}: ${show(a)} against ${show(b)}`;
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    if (keysA.join('\0') !== keysB.join('\0')) return `${at}: keys ${show(keysA)} against ${show(keysB)}`;
    for (const key of keysA) {
      const difference = valueDifference(a[key], b[key], [...path, key]);
      if (difference) return difference;
    }
    return undefined;
  }
  return Object.is(a, b) ? undefined : `${at}: ${show(a)} against ${show(b)}`;
}

function placeDifferences(text: string, value: unknown): string[] {
  const ours = createLocator(text, 'fast');
  const reference = fullLocator(text);
  const found: string[] = [];
  for (const path of pathsOf(value)) {
    for (const target of ['key', 'value'] as const) {
      if (target === 'key' && typeof path.at(-1) !== 'string') continue;
      const a = ours({ doc: 0, path, target });
      const b = reference({ doc: 0, path, target });
      const place = (range: OffsetRange | undefined) => (range ? JSON.stringify(clampToLine(text, range)) : 'nowhere');
      if (place(a) !== place(b)) found.push(`${target} of ${JSON.stringify(path)} placed at ${place(a)} against ${place(b)}`);
    }
  }
  return found;
}

function pathsOf(value: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  const found: PathSegment[][] = [prefix];
  if (Array.isArray(value)) value.forEach((item, i) => found.push(...pathsOf(item, [...prefix, i])));
  else if (isObject(value)) for (const [key, item] of Object.entries(value)) found.push(...pathsOf(item, [...prefix, key]));
  return found;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return Object.is(value, -0) ? '-0' : typeof value === 'number' && Number.isNaN(value) ? 'NaN' : JSON.stringify(value);
}
