// `backlog fmt [--check] [paths]`: the canonical layout, comments kept; --check lists the files
// that would change and exits 1.
import { relative, resolve, sep } from 'node:path';
import { applyChanges } from '../../edit/apply-changes.js';
import { formatYaml } from '../../edit/format-yaml.js';
import { withLineEndsOf } from '../../edit/line-ends.js';
import { UsageError } from '../../errors.js';
import { plural } from '../../text/list.js';
import { printable } from '../../text/printable.js';
import { resolveAsOf } from '../as-of.js';
import { colourEnabled, createStyle } from '../colour.js';
import type { CliIO } from '../io.js';
import { openBacklog, whileWriting } from '../open-backlog.js';
import { reportApplied } from '../report-applied.js';
import { writeOutput } from '../write-output.js';

type FmtOptions = { root?: string; check?: boolean; dryRun?: boolean; asOf?: string; color?: boolean };

export async function runFmt(paths: string[], options: FmtOptions, io: CliIO): Promise<number> {
  const writes = options.check !== true && options.dryRun !== true;
  return whileWriting(io, options.root, writes, (journal) => fmt(paths, options, io, journal));
}

async function fmt(paths: string[], options: FmtOptions, io: CliIO, journal: string | undefined): Promise<number> {
  const asOf = resolveAsOf(options.asOf, io.env);
  const opened = await openBacklog(io, options.root);
  const wanted = paths.map((path) => {
    const rel = relative(opened.root, resolve(io.cwd, path)).split(sep).join('/');
    if (rel.startsWith('..')) throw new UsageError(`${path} is outside the backlog root ${opened.root}`);
    return rel;
  });
  const chosen = opened.files.filter((file) => wanted.length === 0 || wanted.some((w) => w === '' || file.path === w || file.path.startsWith(`${w}/`)));
  if (wanted.length > 0 && chosen.length === 0) throw new UsageError(`no backlog files in ${paths.join(', ')}`);
  const changes = new Map<string, string>();
  const skipped: string[] = [];
  for (const file of chosen) {
    if (file.problems.length > 0) {
      skipped.push(file.path);
      continue;
    }
    const formatted = withLineEndsOf(file.text, formatYaml(file.text));
    if (formatted !== file.text) changes.set(file.path, formatted);
  }
  for (const path of skipped) io.stderr(`backlog: skipped ${printable(path)}: it has YAML errors (see \`backlog validate\`)\n`);
  if (options.check) {
    for (const path of changes.keys()) writeOutput(io, `${printable(path)}\n`);
    if (changes.size > 0) io.stderr(`backlog: ${plural(changes.size, 'file')} would be reformatted; run \`backlog fmt\`\n`);
    return changes.size > 0 || skipped.length > 0 ? 1 : 0;
  }
  const result = applyChanges(opened.files, changes, { root: opened.root, dryRun: options.dryRun === true, asOf, ...(journal ? { journal } : {}) });
  const code = reportApplied(result, io, createStyle(colourEnabled(io, options.color)));
  return skipped.length > 0 ? Math.max(code, 1) : code;
}
