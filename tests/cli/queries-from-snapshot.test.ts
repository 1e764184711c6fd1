// The query commands answer from the model's snapshot (load/snapshot.ts) and read only what
// they need of it: each answer must be byte for byte the one read from the files (--no-cache).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a JavaScript module of the benchmark, without types.
import { generateEstate } from '../../bench/generate-estate.mjs';
import { runCli } from '../helpers/run-cli.js';
import { copyOf, tempDir } from '../helpers/temp-dir.js';

const examples = join(import.meta.dirname, '..', '..', 'examples');
const fixtures = join(import.meta.dirname, '..', 'fixtures');

const QUERIES: string[][] = [
  ['waves'],
  ['waves', '-f', 'json'],
  ['waves', '--suggest'],
  ['waves', '--suggest', '--reassign', '--max-servers', '7', '-f', 'json'],
  ['report'],
  ['report', '-f', 'json'],
  ['graph', '-f', 'json'],
  ['report', '-f', 'html'],
  ['list', '--columns', 'id,servers,cores,memory_gb'],
];

/**
 * For the small fixtures, which differ from one another only in their model (waves, move
 * groups, references): the formats that show all of it. The text and HTML renderings of the
 * same answers are compared on the examples, the inline backlog and the generated estate.
 */
const MODEL_QUERIES: string[][] = [
  ['waves', '-f', 'json'],
  ['waves', '--suggest', '-f', 'json'],
  ['waves', '--suggest', '--reassign', '--max-servers', '7', '-f', 'json'],
  ['report', '-f', 'json'],
  ['graph', '-f', 'json'],
  ['list', '--columns', 'id,servers,cores,memory_gb'],
];

/** The files of a cache folder and a hash of each: what a run found there, to tell whether it changed it. */
function cacheState(dir: string): string {
  if (!existsSync(dir)) return '';
  return readdirSync(dir)
    .sort()
    .map((name) => `${name} ${createHash('sha256').update(readFileSync(join(dir, name))).digest('hex')}`)
    .join('\n');
}

/**
 * Each query run from the files, then with the cache until a run leaves the cache as it found
 * it: the first takes the snapshot, later ones keep what they work out from it and then read
 * it. Every state the cache passes through answers as the files do; a run on a cache it does
 * not change is followed by the same run on the same cache, so it is not repeated.
 */
async function expectAlike(root: string, queries: string[][]): Promise<void> {
  const env = { XDG_CACHE_HOME: tempDir() };
  const dir = join(env.XDG_CACHE_HOME, 'migration-backlog');
  for (const args of queries) {
    const fromFiles = await runCli([...args, '--root', root, '--no-cache'], { env });
    for (let run = 1; ; run++) {
      const before = cacheState(dir);
      expect(await runCli([...args, '--root', root], { env }), `${root}: ${args.join(' ')}, run ${run} with the cache`).toEqual(fromFiles);
      if (cacheState(dir) === before) break;
      expect(run, `${root}: ${args.join(' ')}: the cache settles`).toBeLessThan(4);
    }
  }
  expect(existsSync(dir) && readdirSync(dir).some((name) => name.endsWith('.snapshot.cache'))).toBe(true);
}

describe('queries from the snapshot', () => {
  it('answer as from the files on the examples and the fixtures about waves, move groups and references', async () => {
    const fixtureQueries = [...QUERIES, ['show', 'wave-1'], ['graph', '--level', 'server', '-f', 'json']];
    await expectAlike(copyOf(join(examples, 'contoso')), [...fixtureQueries, ['show', 'crm'], ['show', 'payroll', '-f', 'json'], ['graph', '--focus', 'crm', '--depth', '2']]);
    await expectAlike(copyOf(join(examples, 'broken')), QUERIES);
    for (const fixture of ['wave-order', 'wave-capacity', 'split-move-group', 'unrationalized-in-wave', 'unknown-reference', 'duplicate-id', 'self-dependency']) {
      await expectAlike(copyOf(join(fixtures, fixture)), MODEL_QUERIES);
    }
  });

  it('answer as from the files where a server repeats an id with other figures, or has none, or one in error', async () => {
    const root = tempDir({
      'backlog.yaml': `waves:
  - { id: w1, order: 1, max_servers: 2 }
workloads:
  - { id: crm, name: CRM, owner: Ana, wave: w1, strategy: rehost, status: migrated }
  - { id: erp, name: ERP, owner: Bo, wave: w1, strategy: rehost }
servers:
  - { id: S1, workloads: [crm, erp], cores: 4, memory_gb: 8.5, status: migrated }
  - { id: S2, workloads: [erp] }
  - { id: S3, workloads: [erp], cores: many, memory_gb: 0.1, status: gone }
`,
      'more.yaml': 'servers:\n  - { id: s1, workloads: [erp], cores: 64, memory_gb: 2.25, status: decommissioned }\n',
    });
    await expectAlike(root, [...QUERIES, ['show', 'w1', '-f', 'json'], ['show', 'erp', '-f', 'json']]);
  });

  it('answer as from the files on a generated estate', async () => {
    const root = join(tempDir(), 'estate');
    generateEstate('XS', root);
    // The page of this estate is compared below, on every day.
    await expectAlike(root, [
      ...QUERIES.filter((args) => args.join(' ') !== 'report -f html'),
      ['show', 'wl-42'],
      ['show', 'wl-7', '-f', 'json'],
      ['show', 'SRV000210'],
      ['show', 'wave-2', '-f', 'yaml'],
      ['graph', '--focus', 'wl-42'],
      ['graph', '--focus', 'wl-42', '--depth', '2', '-f', 'json'],
      ['graph', '--focus', 'SRV000210', '--level', 'server', '-f', 'dot'],
      ['list', '--columns', 'id,servers,cores,memory_gb,blocked_by,move_group,depends_on_count,dependents_count'],
    ]);
  });
});

describe('what is kept with the snapshot', () => {
  it('is a report for its day, and a wave plan for its options: another day, or other options, are worked out again; a new snapshot drops the rest', async () => {
    const root = copyOf(join(examples, 'contoso'));
    writeFileSync(join(root, 'zz-later.yaml'), 'assumptions:\n  - { id: egress, statement: Egress is free, owner: Ana, review_by: 2026-05-01 }\n');
    const env = { XDG_CACHE_HOME: tempDir() };
    const asked = [
      ['waves', '-f', 'json', '--as-of', '2026-06-01'],
      ['report', '-f', 'json', '--as-of', '2026-06-01'],
      ['report', '-f', 'json', '--as-of', '2026-04-01'],
      ['waves', '--suggest', '-f', 'json'],
      ['waves', '--suggest', '-f', 'json', '--max-servers', '2'],
      ['waves', '--suggest', '-f', 'json', '--reassign'],
    ];
    const fromFiles = await Promise.all(asked.map((args) => runCli([...args, '--root', root, '--no-cache'], { env })));
    // Each differs from the one before it: a value kept for one would be wrong for the next.
    for (let at = 1; at < asked.length; at++) expect(fromFiles[at]!.stdout, asked[at]!.join(' ')).not.toBe(fromFiles[at - 1]!.stdout);
    for (const round of ['worked out', 'kept']) {
      for (const [at, args] of asked.entries()) expect(await runCli([...args, '--root', root], { env }), `${args.join(' ')}, ${round}`).toEqual(fromFiles[at]);
    }
    const entries = readdirSync(join(env.XDG_CACHE_HOME, 'migration-backlog'));
    for (const kept of ['.kept.waves.', '.kept.report.2026-06-01.', '.kept.report.2026-04-01.', '.kept.wave-plan.keep.default.', '.kept.wave-plan.keep.2.', '.kept.wave-plan.reassign.default.']) {
      expect(entries.some((name) => name.includes(kept)), kept).toBe(true);
    }
    // A change: the next query takes a new snapshot, and what was kept of the last one goes.
    writeFileSync(join(root, 'zz-later.yaml'), 'assumptions:\n  - { id: egress, statement: Egress is cheap, owner: Ana, review_by: 2026-05-01 }\n');
    await runCli([...asked[1]!, '--root', root], { env });
    const keptNow = readdirSync(join(env.XDG_CACHE_HOME, 'migration-backlog')).filter((name) => name.includes('.kept.'));
    expect(keptNow.map((name) => name.split('.').slice(2, 4).join('.'))).toEqual(['report.2026-06-01']);
  });
});

describe('the page from the snapshot', () => {
  it('is the page from the files on any day, its findings that hold whatever the day kept with the snapshot', async () => {
    const root = join(tempDir(), 'estate');
    generateEstate('XS', root);
    // Findings of several rules, one of them (the stale assumption) only after 2026-05-01.
    writeFileSync(
      join(root, 'workloads', 'zz-findings.yaml'),
      [
        'workloads:',
        '  - { id: wl-0, name: Again, status: identified }',
        '  - { id: wl-extra, name: Extra, status: identified, wave: wave-2, depends_on: [wl-missing] }',
        'servers:',
        '  - { id: SRV-lonely, status: not-started }',
        'assumptions:',
        '  - { id: egress, statement: Egress is free, review_by: 2026-05-01 }',
        '',
      ].join('\n'),
    );
    const env = { XDG_CACHE_HOME: tempDir() };
    const page = (asOf: string, ...more: string[]) => runCli(['report', '-f', 'html', '--root', root, '--as-of', asOf, ...more], { env });
    const pages = new Map<string, Awaited<ReturnType<typeof runCli>>>();
    // The first day: from the files (the snapshot taken), from the snapshot (the findings and
    // the page's parts kept), then with them kept. Once they are kept, every run reads them:
    // another day twice, then the first day again.
    for (const [asOf, runs] of [['2026-06-01', 3], ['2026-04-01', 2], ['2026-06-01', 1]] as const) {
      if (!pages.has(asOf)) pages.set(asOf, await page(asOf, '--no-cache'));
      for (let run = 1; run <= runs; run++) expect(await page(asOf), `${asOf}, run ${run}`).toEqual(pages.get(asOf));
    }
    for (const code of ['DUPLICATE_ID', 'UNKNOWN_REFERENCE', 'ORPHAN_SERVER', 'STALE_ASSUMPTION']) expect(pages.get('2026-06-01')!.stdout).toContain(`<code>${code}</code>`);
    expect(pages.get('2026-04-01')!.stdout).not.toContain('<code>STALE_ASSUMPTION</code>');
    const entries = readdirSync(join(env.XDG_CACHE_HOME, 'migration-backlog'));
    for (const kept of ['.kept.findings.', '.kept.page-parts.']) expect(entries.some((name) => name.includes(kept)), kept).toBe(true);
  });
});
