// The workload graph: server edges lifted to the workloads that own the servers, move groups.
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/model/graph.js';
import { tempDir } from '../helpers/temp-dir.js';
import { brief, validateDir } from '../helpers/validate-dir.js';

const WAVES = 'waves: [{ id: w1, order: 1 }, { id: w2, order: 2 }]\n';

async function graphOf(yaml: string) {
  const result = await validateDir(tempDir({ 'backlog.yaml': yaml }));
  const graph = buildGraph(result.backlog);
  const edges = graph.edges.map((e) => `${e.from.id}->${e.to.id} ${e.classification}`);
  const groups = graph.moveGroups.map((group) => group.map((w) => w.id).join(','));
  return { edges, groups, findings: result.diagnostics.map(brief) };
}

describe('lifting server edges to workloads', () => {
  it('lifts an edge between servers of two workloads, with its classification', async () => {
    const { edges } = await graphOf(`workloads: [{ id: a, name: A, owner: O }, { id: b, name: B, owner: O }]
servers: [{ id: A1, workloads: [a] }, { id: B1, workloads: [b] }]
dependencies:
  - { from: server:A1, to: server:B1, port: 1433 }
  - { from: server:A1, to: server:B1, port: 53, classification: shared-infra }
`);
    expect(edges).toEqual(['a->b app', 'a->b shared-infra']);
  });

  it('an edge between two servers of one workload is no workload edge', async () => {
    const { edges, findings } = await graphOf(`workloads: [{ id: a, name: A, owner: O }]
servers: [{ id: A1, workloads: [a] }, { id: A2, workloads: [a] }]
dependencies: [{ from: server:A1, to: server:A2 }]
`);
    expect(edges).toEqual([]);
    expect(findings).toEqual([]);
  });

  it('a workload using a server it shares with another does not depend on the other', async () => {
    const { edges, groups } = await graphOf(`workloads: [{ id: a, name: A, owner: O }, { id: b, name: B, owner: O }]
servers: [{ id: A1, workloads: [a] }, { id: B1, workloads: [b] }, { id: SQL, workloads: [a, b] }]
dependencies:
  - { from: server:A1, to: server:SQL, port: 1433 }
  - { from: server:B1, to: server:SQL, port: 1433 }
`);
    expect(edges).toEqual([]);
    expect(groups).toEqual([]);
  });

  it('a server edge to itself on a shared server makes no move group', async () => {
    const { groups, findings } = await graphOf(`${WAVES}workloads:
  - { id: a, name: A, owner: O, strategy: rehost, wave: w1 }
  - { id: b, name: B, owner: O, strategy: rehost, wave: w2 }
servers: [{ id: S1, workloads: [a, b] }]
dependencies: [{ from: server:S1, to: server:S1 }]
`);
    expect(groups).toEqual([]);
    expect(findings).toEqual(['SELF_DEPENDENCY backlog.yaml:6:39']);
  });

  it('a shared server depending on another workload binds each of its owners to it', async () => {
    const { edges } = await graphOf(`workloads: [{ id: a, name: A, owner: O }, { id: b, name: B, owner: O }, { id: c, name: C, owner: O }]
servers: [{ id: S, workloads: [a, b] }, { id: C1, workloads: [c] }]
dependencies: [{ from: server:S, to: server:C1 }]
`);
    expect(edges).toEqual(['a->c app', 'b->c app']);
  });

  it('finds move groups: cycles of app edges, not of other classifications', async () => {
    const { groups } = await graphOf(`workloads:
  - { id: a, name: A, owner: O, depends_on: [b] }
  - { id: b, name: B, owner: O, depends_on: [C] }
  - { id: c, name: C, owner: O, depends_on: [a] }
  - { id: d, name: D, owner: O, depends_on: [e] }
  - { id: e, name: E, owner: O }
dependencies: [{ from: e, to: d, classification: shared-infra }]
`);
    expect(groups).toEqual(['a,b,c']);
  });

  it('finds move groups in a 10,000-workload chain without overflowing the stack', async () => {
    const n = 10_000;
    const lines = Array.from({ length: n }, (_, i) => `  - { id: w${i}, name: W, owner: O, depends_on: [w${(i + 1) % n}] }`);
    const { groups } = await graphOf(`workloads:\n${lines.join('\n')}\n`);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.split(',')).toHaveLength(n);
  });
});
