// Tarjan's components: which nodes bind, and the order they come out in (callers rely on both).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { componentsOfNumbers, stronglyConnectedComponents } from '../../src/model/strongly-connected.js';

/** The textbook recursive Tarjan, walking the given nodes in order: what the iterative walk must give, order included. */
function recursiveTarjan(nodes: readonly number[], next: (node: number) => readonly number[]): number[][] {
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const stack: number[] = [];
  const components: number[][] = [];
  const visit = (node: number) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const successor of next(node)) {
      if (!index.has(successor)) {
        visit(successor);
        low.set(node, Math.min(low.get(node)!, low.get(successor)!));
      } else if (stack.includes(successor)) {
        low.set(node, Math.min(low.get(node)!, index.get(successor)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: number[] = [];
      let member: number;
      do {
        member = stack.pop()!;
        component.push(member);
      } while (member !== node);
      components.push(component);
    }
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return components;
}

const componentsOf = (edges: Record<string, string[]>, nodes = Object.keys(edges)) =>
  stronglyConnectedComponents(nodes, (node) => edges[node] ?? []).map((component) => component.join(','));

describe('strongly connected components', () => {
  it('gives each node once, dependencies before what depends on them', () => {
    expect(componentsOf({ a: ['b'], b: ['c'], c: [] })).toEqual(['c', 'b', 'a']);
  });

  it('binds the nodes of a cycle, members in the order they leave the stack', () => {
    expect(componentsOf({ a: ['b'], b: ['c'], c: ['a', 'd'], d: [] })).toEqual(['d', 'c,b,a']);
  });

  it('keeps two cycles joined by one edge apart', () => {
    expect(componentsOf({ a: ['b'], b: ['a', 'c'], c: ['d'], d: ['c'] })).toEqual(['d,c', 'b,a']);
  });

  it('a node reached again through another path after its component is done joins nothing', () => {
    expect(componentsOf({ a: ['b', 'c'], b: ['d'], c: ['d'], d: [] })).toEqual(['d', 'b', 'c', 'a']);
  });

  it('follows edges to nodes it was not given', () => {
    expect(componentsOf({ a: ['x'], x: ['a'] }, ['a'])).toEqual(['x,a']);
  });

  it('takes successors from any iterable', () => {
    const edges = new Map([['a', new Set(['b'])], ['b', new Set(['a'])]]);
    expect(stronglyConnectedComponents(['a', 'b'], (node) => edges.get(node)!.values()).map((c) => c.join(','))).toEqual(['b,a']);
  });

  it('gives what the recursive algorithm gives, in its order, on any graph (nodes given in any order, some only reached)', () => {
    const graphs = fc.record({
      size: fc.integer({ min: 1, max: 12 }),
      edges: fc.array(fc.tuple(fc.nat(11), fc.nat(11)), { maxLength: 40 }),
      given: fc.array(fc.nat(11), { maxLength: 14 }),
    });
    fc.assert(
      fc.property(graphs, ({ size, edges, given }) => {
        const successors = Array.from({ length: size }, (_, node) => edges.filter(([from]) => from % size === node).map(([, to]) => to % size));
        const nodes = given.map((node) => node % size);
        expect(stronglyConnectedComponents(nodes, (node) => successors[node]!)).toEqual(recursiveTarjan(nodes, (node) => successors[node]!));
        // The numbered form, walked from every node in turn, on the same edges grouped by source.
        const firstEdge = Int32Array.from([0, ...successors.map((_, node) => successors.slice(0, node + 1).flat().length)]);
        const numbered = componentsOfNumbers({ nodes: size, firstEdge, targets: Int32Array.from(successors.flat()) });
        expect(numbered).toEqual(recursiveTarjan([...successors.keys()], (node) => successors[node]!));
      }),
      { numRuns: 500 },
    );
  });

  it('walks a 100,000-node chain without overflowing the stack', () => {
    const n = 100_000;
    const components = stronglyConnectedComponents(Array.from({ length: n }, (_, i) => i), (i) => [(i + 1) % n]);
    expect(components).toHaveLength(1);
    expect(components[0]).toHaveLength(n);
  });
});
