// Tarjan's components: which nodes bind, and the order they come out in (callers rely on both).
import { describe, expect, it } from 'vitest';
import { stronglyConnectedComponents } from '../../src/model/strongly-connected.js';

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

  it('walks a 100,000-node chain without overflowing the stack', () => {
    const n = 100_000;
    const components = stronglyConnectedComponents(Array.from({ length: n }, (_, i) => i), (i) => [(i + 1) % n]);
    expect(components).toHaveLength(1);
    expect(components[0]).toHaveLength(n);
  });
});
