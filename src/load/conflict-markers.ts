import type { FileProblem } from './types.js';

// Git writes these at the start of a line; `=======` alone on its line separates the sides.
const MARKER = /^(?:<{7}(?: .*)?|={7}|>{7}(?: .*)?|\|{7}(?: .*)?)\r?$/gm;

/** Unresolved merge-conflict markers, one problem per marker line. */
export function findConflictMarkers(text: string): FileProblem[] {
  if (!text.includes('<<<<<<<') && !text.includes('>>>>>>>')) return [];
  const problems: FileProblem[] = [];
  for (const match of text.matchAll(MARKER)) {
    const line = match[0].replace(/\r$/, '');
    problems.push({
      code: 'MERGE_CONFLICT',
      message: `unresolved merge conflict marker \`${line.slice(0, 7)}\``,
      range: [match.index, match.index + line.length],
      hint: 'resolve the conflict: keep the lines you want from either side and delete the marker lines',
    });
  }
  return problems;
}
