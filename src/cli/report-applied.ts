// What a writing command says when done: the diff of a dry run, the files written, or why
// nothing was written (exit 1, with the findings the change would add).
import type { ChalkInstance } from 'chalk';
import type { ApplyResult } from '../edit/apply-changes.js';
import { plural } from '../text/list.js';
import { printable } from '../text/printable.js';
import type { CliIO } from './io.js';
import { writeOutput } from './write-output.js';

export function reportApplied(result: ApplyResult, io: CliIO, style: ChalkInstance): number {
  switch (result.status) {
    case 'unchanged':
      writeOutput(io, 'Nothing to change.\n');
      return 0;
    case 'dry-run':
      writeOutput(io, result.diff);
      io.stderr(`backlog: dry run: ${plural(result.files.length, 'file')} would change, nothing was written\n`);
      return 0;
    case 'applied':
      writeOutput(io, `Wrote ${printable(result.files.join(', '))}.\n`);
      return 0;
    case 'refused':
      io.stderr(`backlog: ${printable(result.reason)}\n`);
      for (const d of result.introduced) {
        const where = d.line !== undefined ? `${d.file}:${d.line}:${d.column}` : d.file;
        io.stderr(`  ${printable(where)}  ${style.red(d.severity)}  ${printable(d.message)}  ${style.dim(d.code)}\n`);
        if (d.hint) io.stderr(`    ${style.cyan('hint:')} ${printable(d.hint)}\n`);
      }
      return 1;
  }
}
