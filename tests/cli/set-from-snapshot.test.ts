// `set` (and `import`, `waves --suggest --write`) starts from the model's snapshot when the cache has one (cli/open-for-edit.ts): the
// files it edits are read and swapped into the model, the rules run over it, and the snapshot is
// written forward. Over generated backlogs and generated edits — several fields, files and kinds
// of entity; edits refused for the errors they would add, edits that fix errors, files changed by
// hand between edits — it must refuse, accept and write exactly as the same command reading every
// file, and as validating the files before and after says; and the queries after it must answer
// from the snapshot as from the files.
import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
// @ts-expect-error: a JavaScript module of the benchmark, without types.
import { generateEstate } from '../../bench/generate-estate.mjs';
import type { CollectionName } from '../../schemas/vocabulary.js';
import { findingDelta } from '../../src/diff/review.js';
import { parseAssignment } from '../../src/edit/assignment-path.js';
import { assignmentEdits, resolveAssignments } from '../../src/edit/set-fields.js';
import { applyEdits, type Edit } from '../../src/edit/text-edits.js';
import { fsSource } from '../../src/load/fs-source.js';
import { loadBacklog, type LoadedBacklog } from '../../src/load/load-backlog.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { addTo } from '../../src/model/group.js';
import { matchingEntities } from '../../src/query/list.js';
import { findEntity } from '../../src/query/show.js';
import { parseCondition } from '../../src/query/where.js';
import { findings, validate } from '../../src/validate/validate.js';
import { DATED_RULES, RULES } from '../../src/validate/rules/index.js';
import { openSnapshot, RACY_MS } from '../../src/load/snapshot.js';
import { backlogPaths } from '../../src/load/file-filter.js';
import { cacheOf } from '../../src/cli/caching.js';
import type { CliIO } from '../../src/cli/io.js';
import { readCacheFile } from '../../src/cache/cache-file.js';
import { runCli } from '../helpers/run-cli.js';
import { copyOf, snapshot, tempDir, writeFiles } from '../helpers/temp-dir.js';
import { randomFrom } from '../helpers/yaml-fuzz.js';

const AS_OF = '2026-06-01';

/** The same edits on every run. */
const random = randomFrom;

/** What the files say of an edit: the texts it writes, the errors it would add. */
interface Expected {
  texts: Map<string, string>;
  introduced: Diagnostic[];
}

const errorsIn = (loaded: LoadedBacklog): Diagnostic[] => validate(loaded.files, { asOf: AS_OF, errorsOnly: true }, loaded).diagnostics;

/**
 * The edit worked out from the files alone, as `set` read every file before the snapshot: the
 * entities, the texts edited, and the errors `validate` finds after and not before (the files
 * of `root` are written, and put back when the edit adds errors).
 */
async function expectedOf(root: string, args: readonly string[]): Promise<Expected | undefined> {
  const loaded = await loadBacklog(fsSource(root));
  const context = { backlog: loaded.backlog, graph: loaded.graph };
  const where = args.flatMap((arg, i) => (args[i - 1] === '--where' ? [parseCondition(arg)] : []));
  const collection = (args.includes('--collection') ? args[args.indexOf('--collection') + 1] : 'workloads') as CollectionName;
  const assignments = args.slice(1).filter((arg, i) => arg.includes('=') && !['--where', '--collection'].includes(args[i]!)).map(parseAssignment);
  const entities = where.length > 0 ? matchingEntities(context, collection, where) : [findEntity(context, args[1]!)];
  const edits = new Map<string, Edit[]>();
  for (const entity of entities) for (const edit of assignmentEdits(entity, resolveAssignments(entity, assignments))) addTo(edits, entity.file, edit);
  const texts = new Map<string, string>();
  for (const [path, fileEdits] of edits) {
    const before = loaded.files.find((file) => file.path === path)!.text;
    const after = applyEdits(before, fileEdits);
    if (after !== before) texts.set(path, after);
  }
  if (texts.size === 0) return undefined;
  const before = errorsIn(loaded);
  const old = new Map([...texts.keys()].map((path) => [path, readFileSync(join(root, path), 'utf8')]));
  for (const [path, text] of texts) writeFileSync(join(root, path), text);
  const introduced = findingDelta(before, errorsIn(await loadBacklog(fsSource(root)))).introduced;
  if (introduced.length > 0) for (const [path, text] of old) writeFileSync(join(root, path), text);
  return { texts, introduced };
}

/** What `set` prints of a refusal for the errors it would add (cli/report-applied.ts). */
function refusal(introduced: readonly Diagnostic[]): string {
  const lines = introduced.flatMap((d) => [`  ${d.line !== undefined ? `${d.file}:${d.line}:${d.column}` : d.file}  error  ${d.message}  ${d.code}\n`, ...(d.hint ? [`    hint: ${d.hint}\n`] : [])]);
  return `backlog: the change would add errors; nothing was written\n${lines.join('')}`;
}

const cacheFile = (cache: string, kind: string) => readdirSync(join(cache, 'migration-backlog')).find((name) => name.endsWith(`.${kind}.cache`));
const modified = (cache: string, kind: string) => {
  const name = cacheFile(cache, kind);
  return name === undefined ? undefined : statSync(join(cache, 'migration-backlog', name)).mtimeMs;
};

/** The edits a step may make: `pick` chooses among the generated backlog's entities. */
function editOf(next: () => number, workloads: number, servers: number): string[] {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const workload = `wl-${Math.floor(next() * workloads)}`;
  const other = `wl-${Math.floor(next() * workloads)}`;
  const server = `SRV${String(Math.floor(next() * servers)).padStart(6, '0')}`;
  return pick<string[]>([
    ['set', workload, `priority=${pick(['high', 'medium', 'low'])}`],
    ['set', workload, `priority=${pick(['high', 'low'])}`, `criticality=${pick(['high', 'low'])}`],
    ['set', workload, 'status=halfway'],
    ['set', workload, `status=${pick(['ready', 'migrated', 'assessing'])}`],
    ['set', workload, `wave=${pick(['wave-1', 'wave-4', 'wave-nowhere'])}`],
    ['set', workload, `depends_on+=${other}`],
    ['set', workload, 'depends_on='],
    ['set', workload, 'owner='],
    ['set', workload, `rank=${1 + Math.floor(next() * 3)}`],
    ['set', workload, `id=${other}`],
    ['set', workload, `x-note=${pick(['moved', 'kept'])}`],
    ['set', server, `workloads=${pick([other, 'wl-nowhere'])}`],
    ['set', server, `cores=${pick([2, 8, 'many'])}`],
    ['set', server, `status=${pick(['migrated', 'decommissioned', 'lost'])}`],
    ['set', 'wave-2', `order=${pick([2, 9])}`],
    ['set', '--where', `wave=wave-${1 + Math.floor(next() * 4)}`, '--where', `priority=${pick(['high', 'low'])}`, `criticality=${pick(['high', 'medium'])}`],
    ['set', '--collection', 'dependencies', '--where', `from=server:${server}`, `port=${pick([22, 443])}`],
    ['set', '--collection', 'dependencies', '--where', `from=server:${server}`, `to=${pick([`workload:${other}`, 'workload:wl-nowhere'])}`],
  ]);
}

/** A change made by hand between two edits, to every copy alike: the snapshot then has a file changed since. */
function changeByHand(next: () => number, roots: readonly string[], workloads: number): void {
  const path = join('workloads', `wl-${Math.floor(next() * workloads)}.yaml`);
  const text = readFileSync(join(roots[0]!, path), 'utf8');
  const changed = [
    text.replace(/priority: \w+/, 'priority: medium'),
    text.replace(/wave: wave-\d+/, 'wave: wave-gone'),
    text.replace(/status: \w+/, 'status: ready'),
    `${text}  - {\n`,
  ][Math.floor(next() * 4)]!;
  for (const root of roots) writeFileSync(join(root, path), changed);
}

/**
 * The findings kept with the root's snapshot, when its files are as it says and it has them
 * (what the next edit, and the dashboard, read); and those of its files read again, of the
 * rules that do not read the date.
 */
async function keptAndRead(root: string, cacheHome: string): Promise<{ kept: Diagnostic[] | undefined; read: Diagnostic[] }> {
  const cache = cacheOf({ env: { XDG_CACHE_HOME: cacheHome } } as unknown as CliIO)!;
  const source = fsSource(root);
  const opened = await openSnapshot(cache, root, source, (exclude) => backlogPaths(source, exclude));
  const notKept = new Error('not kept');
  let kept: Diagnostic[] | undefined;
  try {
    kept = opened?.kept<Diagnostic[]>('findings', () => {
      throw notKept;
    });
  } catch (error) {
    if (error !== notKept) throw error;
  }
  const loaded = await loadBacklog(fsSource(root));
  const read = findings(loaded, { asOf: AS_OF }, new Map(loaded.files.map((file) => [file.path, file])), RULES.filter((rule) => !DATED_RULES.includes(rule)));
  return { kept, read };
}

/** What is asked after an edit, answered from the snapshot written forward. */
const QUERIES_AFTER = [
  ['validate', '-f', 'json'],
  ['report', '-f', 'json'],
  ['waves', '-f', 'json'],
  ['waves', '--suggest', '-f', 'json'],
  ['list', '--columns', 'id,priority,criticality,wave,status,depends_on'],
  ['show', 'wl-60', '-f', 'json'],
  ['graph', '-f', 'json'],
];

describe('set from the snapshot', () => {
  it('refuses, accepts and writes as from every file, over generated edits, and leaves a snapshot the queries answer from as from the files', async () => {
    const generated = join(tempDir(), 'estate');
    const { workloads, servers } = generateEstate('XS', generated) as { workloads: number; servers: number };
    // Errors to fix, in a workload file and a server's.
    const broken = readFileSync(join(generated, 'workloads', 'wl-3.yaml'), 'utf8').replace(/wave: wave-\d+/, 'wave: wave-missing').replace(/status: \w+/, 'status: halfway');
    writeFileSync(join(generated, 'workloads', 'wl-3.yaml'), broken);
    // An id twice, in two files: which is first (the one that stands for it) is the files' order.
    const twice = readFileSync(join(generated, 'workloads', 'wl-59.yaml'), 'utf8').replace('workloads:\n', 'workloads:\n  - { id: wl-60, name: Also sixty, owner: Ana, priority: low }\n');
    writeFileSync(join(generated, 'workloads', 'wl-59.yaml'), twice);
    const fast = copyOf(generated);
    const full = copyOf(generated);
    const oracle = copyOf(generated);
    const env = { XDG_CACHE_HOME: tempDir() };
    // The snapshot the first edit starts from.
    await runCli(['list', '--root', fast], { env });
    // A seed whose edits are of every kind (the counts at the end).
    const next = random(10);
    // Sheets of workloads to import: some of the backlog's, with other values; one may give a
    // priority the backlog does not know, one adds a workload.
    const inputs = tempDir();
    const importFile = (i: number, kind: 'plain' | 'urgent' | 'new') => {
      const path = join(inputs, `import-${i}.csv`);
      const priorities = kind === 'urgent' ? ['high', 'low', 'urgent'] : ['high', 'low'];
      const row = () => {
        const k = Math.floor(next() * workloads);
        return `wl-${k},Workload ${k},owner${k % 97}@example.com,${priorities[Math.floor(next() * priorities.length)]},${['ready', 'migrated'][Math.floor(next() * 2)]}`;
      };
      writeFileSync(path, `id,name,owner,priority,status\n${row()}\n${row()}\n${kind === 'new' ? `wl-new-${i},New ${i},ana@example.com,low,ready\n` : ''}`);
      return ['import', 'csv', path, '--collection', 'workloads'];
    };
    // Among the generated edits, the steps of the other commands that write.
    const otherAt: Record<number, () => string[]> = {
      3: () => importFile(3, 'plain'),
      7: () => ['waves', '--suggest', '--write'],
      9: () => importFile(9, 'urgent'),
      12: () => importFile(12, 'new'),
      15: () => ['waves', '--suggest', '--write', '--reassign'],
    };
    const steps: string[][] = [
      ['set', 'wl-3', 'wave=wave-1'],
      ['set', 'wl-3', 'status=ready'],
      ['set', 'wl-59', 'priority=low'],
      ['set', 'wl-60', 'priority=medium'],
      // A wave later than that of wl-3, which depends on it: a finding in a file not edited.
      ['set', 'wl-0', 'wave=wave-4'],
      // Servers' figures, which the snapshot's graph keeps apart: the queries after the third read them.
      ['set', 'SRV000010', 'cores=64'],
      ['set', 'SRV000011', 'status=decommissioned'],
      ['set', 'SRV000012', 'memory_gb=512'],
      ...Array.from({ length: 16 }, (_, i) => otherAt[i]?.() ?? editOf(next, workloads, servers)),
    ];
    const seen = { refused: 0, written: 0, unchanged: 0, others: 0, fromSnapshot: 0, changedByHand: 0, findingsKept: 0 };
    for (const [step, args] of steps.entries()) {
      if (step > 4 && next() < 0.2) {
        changeByHand(next, [fast, full, oracle], workloads);
        seen.changedByHand++;
      }
      const label = `step ${step}: ${args.join(' ')}`;
      const isSet = args[0] === 'set';
      const expected = isSet ? await expectedOf(oracle, args) : undefined;
      const parseCacheBefore = modified(env.XDG_CACHE_HOME, 'parse');
      const fromSnapshot = await runCli([...args, '--root', fast], { env });
      const fromFiles = await runCli([...args, '--root', full, '--no-cache'], { env });
      expect(fromSnapshot, label).toEqual(fromFiles);
      expect(snapshot(fast), label).toEqual(snapshot(full));
      // `waves --write` and `import`: what they write is compared with the same command reading every file.
      if (!isSet) writeFiles(oracle, snapshot(full));
      expect(snapshot(fast), label).toEqual(snapshot(oracle));
      if (!isSet) {
        seen.others++;
      } else if (!expected) {
        expect(fromSnapshot.stdout, label).toMatch(/Nothing to change|nothing to change/);
        seen.unchanged++;
      } else if (expected.introduced.length > 0) {
        expect(fromSnapshot.code, label).toBe(1);
        expect(fromSnapshot.stderr.endsWith(refusal(expected.introduced)), `${label}\n${fromSnapshot.stderr}`).toBe(true);
        seen.refused++;
      } else {
        expect(fromSnapshot.code, `${label}\n${fromSnapshot.stderr}`).toBe(0);
        for (const [path, text] of expected.texts) expect(readFileSync(join(fast, path), 'utf8'), label).toBe(text);
        seen.written++;
      }
      // The findings kept with the snapshot written forward are those of its files.
      const { kept, read } = await keptAndRead(fast, env.XDG_CACHE_HOME);
      if (kept) {
        expect(kept, `${label}: the findings kept`).toEqual(read);
        seen.findingsKept++;
      }
      // Not a file was read through the parse cache: the edit started from the snapshot.
      if (parseCacheBefore !== undefined && modified(env.XDG_CACHE_HOME, 'parse') === parseCacheBefore) seen.fromSnapshot++;
      // The queries after it answer from the snapshot as from the files: validate after every
      // step, the others after every fourth and the last.
      const queries = step % 4 === 3 || step === steps.length - 1 ? QUERIES_AFTER : QUERIES_AFTER.slice(0, 1);
      for (const query of queries) {
        const warm = await runCli([...query, '--root', fast], { env });
        expect(warm, `${label}, then ${query.join(' ')}`).toEqual(await runCli([...query, '--root', fast, '--no-cache'], { env }));
      }
    }
    // The edits were of every kind.
    expect(seen.refused).toBeGreaterThan(3);
    expect(seen.written).toBeGreaterThan(8);
    expect(seen.unchanged).toBeGreaterThan(1);
    expect(seen.changedByHand).toBeGreaterThan(3);
    expect(seen.others).toBe(5);
    expect(seen.fromSnapshot).toBeGreaterThan(steps.length / 2);
    expect(seen.findingsKept).toBeGreaterThan(steps.length / 2);
  }, 240_000);

  it('writes the snapshot forward: the next edit and the next query read no file but the ones edited', async () => {
    const root = tempDir();
    const { workloads } = generateEstate('XS', root) as { workloads: number };
    const env = { XDG_CACHE_HOME: tempDir() };
    await runCli(['list', '--root', root], { env });
    const snapshotAt = modified(env.XDG_CACHE_HOME, 'snapshot');
    expect(readFileSync(join(root, 'workloads', 'wl-42.yaml'), 'utf8')).toContain('priority: high');
    expect(await runCli(['set', 'wl-42', 'priority=medium', '--root', root], { env })).toEqual({ code: 0, stdout: 'Wrote workloads/wl-42.yaml.\n', stderr: '' });
    expect(modified(env.XDG_CACHE_HOME, 'snapshot')).not.toBe(snapshotAt);
    // The next query and the next edit read the snapshot written, not the files (nor the parse cache).
    const parseCacheAt = modified(env.XDG_CACHE_HOME, 'parse');
    expect((await runCli(['show', 'wl-42', '-f', 'json', '--root', root], { env })).stdout).toContain('"priority": "medium"');
    expect(await runCli(['set', 'wl-42', 'priority=low', '--root', root], { env })).toEqual({ code: 0, stdout: 'Wrote workloads/wl-42.yaml.\n', stderr: '' });
    expect(modified(env.XDG_CACHE_HOME, 'parse')).toBe(parseCacheAt);
    // A file written (every file, just generated) is kept by its content until it is older than
    // a clock tick can hide; the next edit, that long after, keeps it by its stamp again (as a
    // query would have settled it), all but the file it writes.
    const racyOf = () => Object.keys(readCacheFile<{ racy: Record<string, unknown>; stamped: string[] }>(join(env.XDG_CACHE_HOME, 'migration-backlog', cacheFile(env.XDG_CACHE_HOME, 'snapshot')!))!.header.racy);
    const stamped = readCacheFile<{ stamped: string[] }>(join(env.XDG_CACHE_HOME, 'migration-backlog', cacheFile(env.XDG_CACHE_HOME, 'snapshot')!))!.header.stamped;
    expect(racyOf()).toContain(String(stamped.indexOf('workloads/wl-42.yaml')));
    // That long after, by the clock the command reads (the files keep their times).
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + RACY_MS + 200 });
    try {
      expect((await runCli(['set', 'wl-7', 'priority=low', '--root', root], { env })).code).toBe(0);
    } finally {
      vi.useRealTimers();
    }
    expect(racyOf()).toEqual([String(stamped.indexOf('workloads/wl-7.yaml'))]);
    // Removing a file leaves the snapshot behind: the next edit reads the files, and says the same.
    unlinkSync(join(root, 'workloads', `wl-${workloads - 1}.yaml`));
    const other = copyOf(root);
    expect(await runCli(['set', 'wl-42', 'priority=high', '--root', root], { env })).toEqual(await runCli(['set', 'wl-42', 'priority=high', '--root', other, '--no-cache'], { env }));
    expect(snapshot(root)).toEqual(snapshot(other));
  }, 60_000);

  it('writes an edit whole when the snapshot it starts from is found damaged only after the write', async () => {
    const root = tempDir();
    generateEstate('XS', root);
    const env = { XDG_CACHE_HOME: tempDir() };
    // A snapshot with its findings kept: the next edit reads no dependency before it writes.
    await runCli(['list', '--root', root], { env });
    expect((await runCli(['set', 'wl-42', 'priority=low', '--root', root], { env })).code).toBe(0);
    // A part of the dependencies damaged: a server's cores change the graph, which is then made
    // again from every entity, once the file is written.
    const location = join(env.XDG_CACHE_HOME, 'migration-backlog', cacheFile(env.XDG_CACHE_HOME, 'snapshot')!);
    const [start, end] = readCacheFile<{ sections: Record<string, [number, number]> }>(location)!.header.sections['dependencies@0']!;
    const bytes = readFileSync(location);
    const at = bytes.indexOf('SRV', start);
    expect(at).toBeGreaterThan(start);
    expect(at).toBeLessThan(end);
    bytes[at] = 'X'.charCodeAt(0);
    writeFileSync(location, bytes);
    const server = 'SRV000250';
    expect(await runCli(['set', server, 'cores=64', '--root', root], { env })).toEqual({ code: 0, stdout: expect.stringMatching(/^Wrote workloads\/wl-\d+\.yaml\.\n$/), stderr: '' });
    const shown = await runCli(['show', server, '-f', 'json', '--root', root], { env });
    expect(shown.stdout).toContain('"cores": 64');
    expect(shown).toEqual(await runCli(['show', server, '-f', 'json', '--root', root, '--no-cache'], { env }));
  });
});
