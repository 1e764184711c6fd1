// The graph of a backlog: servers under their workloads in server order, the edges dependencies
// and depends_on lift to, in that order (dependency order, then depends_on in workload order),
// whichever file names an entity of a later one.
import { describe, expect, it } from 'vitest';
import { readSourceFile } from '../../src/load/read-source-file.js';
import type { SourceFile } from '../../src/load/types.js';
import { backlogOfFiles } from '../../src/load/backlog-of-files.js';
import { buildGraph, type WorkloadGraph } from '../../src/model/graph.js';

const files = (texts: Record<string, string>): SourceFile[] =>
  Object.entries(texts).map(([path, text]) => readSourceFile(path, new TextEncoder().encode(text)));

/** The graph as plain values, in its orders. */
function shape(graph: WorkloadGraph) {
  return {
    edges: graph.edges.map((edge) => `${edge.from.id}->${edge.to.id} ${edge.classification} ${edge.dependency ? `${edge.dependency.data.from}=>${edge.dependency.data.to}` : 'depends_on'}`),
    serversOf: [...graph.serversOf].map(([workload, servers]) => `${workload}: ${servers.map((server) => server.id).join(',')}`),
    ownersOf: [...graph.ownersOf].map(([server, owners]) => `${server}: ${owners.map((owner) => owner.id).join(',')}`),
    appDependencies: [...graph.appDependencies].map(([from, to]) => `${from}: ${[...to.keys()].join(',')}`),
    moveGroups: graph.moveGroups.map((group) => group.map((workload) => workload.id).join(',')),
  };
}

/** The graph of the files' backlog, as plain values; the loader's is the same. */
function bothWays(texts: Record<string, string>) {
  const model = backlogOfFiles(files(texts));
  const expected = shape(buildGraph(model.backlog));
  expect(shape(model.graph)).toEqual(expected);
  return expected;
}

describe('the graph', () => {
  it('places dependencies whose ends are known, and the ones naming later files at the end, in dependency order', () => {
    const graph = bothWays({
      'a.yaml': `workloads: [{ id: a, name: A, owner: O }]
servers: [{ id: A1, workloads: [a] }]
dependencies:
  - { from: server:A1, to: server:C1, port: 1 }
  - { from: server:A1, to: workload:a, port: 2 }
  - { from: server:A1, to: server:B1, port: 3 }
`,
      'b.yaml': `workloads: [{ id: b, name: B, owner: O }]
servers: [{ id: B1, workloads: [b] }]
dependencies:
  - { from: server:B1, to: server:A1, port: 4 }
  - { from: server:B1, to: server:C1, port: 5, classification: shared-infra }
`,
      'c.yaml': `workloads: [{ id: c, name: C, owner: O }]
servers: [{ id: C1, workloads: [c] }]
`,
    });
    expect(graph.edges).toEqual(['a->c app server:A1=>server:C1', 'a->b app server:A1=>server:B1', 'b->a app server:B1=>server:A1', 'b->c shared-infra server:B1=>server:C1']);
    expect(graph.moveGroups).toEqual(['a,b']);
  });

  it('lists servers written before their workloads in server order, and their owners', () => {
    const graph = bothWays({
      'a-servers.yaml': `servers:
  - { id: S1, workloads: [y] }
  - { id: S2, workloads: [x, y] }
  - { id: S3, workloads: [x] }
  - { id: S1, workloads: [x] }
`,
      'b-workloads.yaml': `workloads: [{ id: x, name: X, owner: O }, { id: y, name: Y, owner: O }]
dependencies:
  - { from: server:S1, to: server:S3, port: 1 }
  - { from: server:S2, to: server:S3, port: 2 }
`,
    });
    // S1 written twice: the first one counts.
    expect(graph.serversOf).toEqual(['y: S1,S2', 'x: S2,S3']);
    expect(graph.ownersOf).toEqual(['s1: y', 's2: x,y', 's3: x']);
    // S2 is x's own server as well as y's: only y depends on x through it.
    expect(graph.edges).toEqual(['y->x app server:S1=>server:S3', 'y->x app server:S2=>server:S3']);
  });

  it('lists each server once under each workload it names that exists', () => {
    const graph = bothWays({
      'a.yaml': `servers: [{ id: S1, workloads: [x, nope] }, { id: S2, workloads: [x] }, { id: S1, workloads: [gone] }]\n`,
      'b.yaml': 'workloads: [{ id: x, name: X, owner: O }]\n',
    });
    expect(graph.serversOf).toEqual(['x: S1,S2']);
    expect(graph.ownersOf).toEqual(['s1: x', 's2: x']);
  });

  it('puts the edges of depends_on after every dependency\'s, in workload order', () => {
    const graph = bothWays({
      'a.yaml': `workloads:
  - { id: a, name: A, owner: O, depends_on: [c, b] }
  - { id: b, name: B, owner: O, depends_on: [a] }
dependencies:
  - { from: workload:c, to: workload:a, port: 1 }
`,
      'b.yaml': `workloads:
  - { id: c, name: C, owner: O, depends_on: [a, 'external:dns', nowhere] }
  - { id: A, name: A again, owner: O, depends_on: [b] }
`,
      'c.yaml': `workloads: [{ id: d, name: D, owner: O, depends_on: [c] }]
`,
    });
    expect(graph.edges).toEqual([
      'c->a app workload:c=>workload:a',
      'a->c app depends_on',
      'a->b app depends_on',
      'b->a app depends_on',
      'c->a app depends_on',
      // A repeated workload's depends_on makes edges of its own, counted as its id's.
      'A->b app depends_on',
      'd->c app depends_on',
    ]);
    expect(graph.appDependencies).toEqual(['c: a', 'a: c,b', 'b: a', 'd: c']);
    expect(graph.moveGroups).toEqual(['a,b,c']);
  });

  it('makes no edge of a dependency naming nothing in the estate (unknown ids, outside the estate)', () => {
    const graph = bothWays({
      'a.yaml': `workloads: [{ id: a, name: A, owner: O, depends_on: [b, nowhere, 'external:dns'] }]
servers: [{ id: A1, workloads: [a] }]
dependencies:
  - { from: server:A1, to: server:NOPE, port: 1 }
  - { from: server:A1, to: 'external:payments', port: 2 }
  - { from: server:A1, to: server:B1, port: 3 }
  - { from: workload:a, to: workload:b, port: 4 }
`,
      'b.yaml': `workloads: [{ id: b, name: B, owner: O }]
servers: [{ id: B1, workloads: [b, gone] }]
dependencies:
  - { from: server:B1, to: server:NOPE2, port: 5 }
`,
    });
    expect(graph.edges).toEqual(['a->b app server:A1=>server:B1', 'a->b app workload:a=>workload:b', 'a->b app depends_on']);
    expect(graph.ownersOf).toEqual(['a1: a', 'b1: b']);
  });
});
