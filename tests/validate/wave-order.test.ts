// WAVE_ORDER reads the graph's edges in order (it builds no map of workload dependencies): one
// finding per pair of workloads however many edges join them, naming the pair's first edge, and
// an edge of a repeated workload counted as the first one's.
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { validateDir } from '../helpers/validate-dir.js';

const WAVES = 'waves:\n  - { id: wave-1, order: 1 }\n  - { id: wave-2, order: 2 }\n';

async function waveOrder(files: Record<string, string>) {
  const result = await validateDir(tempDir(files));
  return result.diagnostics
    .filter((d) => d.code === 'WAVE_ORDER')
    .map((d) => ({ at: `${d.file}:${d.line}:${d.column}`, related: d.related?.map((r) => `${r.file}:${r.line}:${r.column}`), message: d.message }));
}

describe('WAVE_ORDER', () => {
  it('reports a pair once, naming its first edge, however many edges join it', async () => {
    const text = [
      WAVES,
      'workloads:\n',
      '  - { id: web, name: Web, owner: Ana, strategy: rehost, wave: wave-1, depends_on: [db] }\n',
      '  - { id: db, name: DB, owner: Ana, strategy: rehost, wave: wave-2 }\n',
      'servers:\n',
      '  - { id: s-web, workloads: [web] }\n',
      '  - { id: s-db, workloads: [db] }\n',
      'dependencies:\n',
      '  - { from: server:s-web, to: server:s-db, port: 1433 }\n',
      '  - { from: workload:web, to: workload:db, port: 443 }\n',
    ].join('');
    expect(await waveOrder({ 'backlog.yaml': text })).toEqual([
      {
        at: 'backlog.yaml:5:63',
        // db's wave, then the first edge: the first dependency's `to` (depends_on edges come after every dependency's).
        related: ['backlog.yaml:6:61', 'backlog.yaml:11:31'],
        message: '`web` is in wave-1 (order 1) but depends on `db`, which moves later in wave-2 (order 2)',
      },
    ]);
  });

  it('counts the depends_on of a repeated workload as the first one of its id, placed on that one', async () => {
    const files = {
      'backlog.yaml': `${WAVES}workloads:\n  - { id: web, name: Web, owner: Ana, strategy: rehost, wave: wave-1 }\n  - { id: db, name: DB, owner: Ana, strategy: rehost, wave: wave-2 }\n`,
      'more.yaml': 'workloads:\n  - { id: WEB, name: Web again, owner: Ana, strategy: rehost, wave: wave-2, depends_on: [db] }\n',
    };
    expect(await waveOrder(files)).toEqual([
      {
        at: 'backlog.yaml:5:63',
        related: ['backlog.yaml:6:61', 'more.yaml:2:90'],
        message: '`web` is in wave-1 (order 1) but depends on `db`, which moves later in wave-2 (order 2)',
      },
    ]);
  });

  it('says nothing of workloads bound in one move group, and reports each other pair', async () => {
    const text = [
      WAVES,
      'workloads:\n',
      '  - { id: a, name: A, owner: Ana, strategy: rehost, wave: wave-1, depends_on: [b, c] }\n',
      '  - { id: b, name: B, owner: Ana, strategy: rehost, wave: wave-2, depends_on: [a] }\n',
      '  - { id: c, name: C, owner: Ana, strategy: rehost, wave: wave-2 }\n',
    ].join('');
    const found = await waveOrder({ 'backlog.yaml': text });
    expect(found.map((f) => f.message)).toEqual(['`a` is in wave-1 (order 1) but depends on `c`, which moves later in wave-2 (order 2)']);
  });
});
