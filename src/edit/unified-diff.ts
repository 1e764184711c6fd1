// A unified diff of two texts (what --dry-run prints), from Myers' O(ND) line diff: edits are
// small against large files, so D stays small.

type Op = { kind: ' ' | '-' | '+'; line: string };

export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  const hunks: string[] = [];
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.kind === ' ') {
      i += 1;
      continue;
    }
    // A hunk: the change, with `context` lines around, merged with changes that close.
    const start = Math.max(0, i - context);
    let end = i;
    while (end < ops.length) {
      let next = end;
      while (next < ops.length && ops[next]!.kind !== ' ') next += 1;
      let gap = next;
      while (gap < ops.length && ops[gap]!.kind === ' ') gap += 1;
      end = next;
      if (gap >= ops.length || gap - next > 2 * context) break;
      end = gap;
    }
    end = Math.min(ops.length, end + context);
    const oldStart = 1 + ops.slice(0, start).filter((op) => op.kind !== '+').length;
    const newStart = 1 + ops.slice(0, start).filter((op) => op.kind !== '-').length;
    const slice = ops.slice(start, end);
    const oldCount = slice.filter((op) => op.kind !== '+').length;
    const newCount = slice.filter((op) => op.kind !== '-').length;
    hunks.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n${slice.map((op) => `${op.kind}${op.line}`).join('\n')}\n`);
    i = end;
  }
  return `--- a/${path}\n+++ b/${path}\n${hunks.join('')}`;
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * The lines both texts start and end with are kept as they are, and Myers runs on the rest
 * only: its trace grows with the square of the lines changed, and an import that appends
 * thousands of entities changes nothing else.
 */
function diffLines(a: string[], b: string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end += 1;
  const same = (lines: string[]): Op[] => lines.map((line) => ({ kind: ' ', line }));
  const middleA = a.slice(start, a.length - end);
  const middleB = b.slice(start, b.length - end);
  const middle =
    middleA.length === 0 || middleB.length === 0
      ? [...middleA.map((line): Op => ({ kind: '-', line })), ...middleB.map((line): Op => ({ kind: '+', line }))]
      : myers(middleA, middleB);
  return [...same(a.slice(0, start)), ...middle, ...same(a.slice(a.length - end))];
}

function myers(a: string[], b: string[]): Op[] {
  const max = a.length + b.length;
  const v = new Map<number, number>([[1, 0]]);
  const trace: Array<Map<number, number>> = [];
  for (let d = 0; d <= max; d++) {
    trace.push(new Map(v));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v.get(k - 1) ?? -1) < (v.get(k + 1) ?? -1));
      let x = down ? v.get(k + 1)! : v.get(k - 1)! + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      v.set(k, x);
      if (x >= a.length && y >= b.length) return backtrack(trace, a, b);
    }
  }
  return [];
}

function backtrack(trace: Array<Map<number, number>>, a: string[], b: string[]): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && (v.get(k - 1) ?? -1) < (v.get(k + 1) ?? -1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = v.get(prevK) ?? 0;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', line: a[x - 1]! });
      x -= 1;
      y -= 1;
    }
    if (d > 0) {
      if (down) ops.push({ kind: '+', line: b[y - 1]! });
      else ops.push({ kind: '-', line: a[x - 1]! });
    }
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}
