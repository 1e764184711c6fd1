/**
 * Strongly connected components of a directed graph (Tarjan's algorithm, iterative so that a
 * 10,000-workload chain cannot overflow the stack). Components come out in reverse topological
 * order: a component's dependencies (edge targets) come before it.
 */
export function stronglyConnectedComponents<T>(nodes: Iterable<T>, next: (node: T) => Iterable<T>): T[][] {
  // Nodes are numbered (those given first, in order, then those only reached), each one's
  // successors asked for once, and the walk runs on the numbers.
  const numberOf = new Map<T, number>();
  const nodeAt: T[] = [];
  const numbered = (node: T) => {
    let number = numberOf.get(node);
    if (number === undefined) {
      number = nodeAt.length;
      numberOf.set(node, number);
      nodeAt.push(node);
    }
    return number;
  };
  for (const node of nodes) numbered(node);
  const starts = nodeAt.length;
  const firstEdge = [0];
  const targets: number[] = [];
  for (let at = 0; at < nodeAt.length; at++) {
    for (const successor of next(nodeAt[at]!)) targets.push(numbered(successor));
    firstEdge.push(targets.length);
  }
  const graph = { nodes: nodeAt.length, firstEdge: Int32Array.from(firstEdge), targets: Int32Array.from(targets) };
  return componentsOfNumbers(graph, starts).map((component) => component.map((number) => nodeAt[number]!));
}

/**
 * A graph of nodes 0..nodes-1, its edges grouped by source: node n's successors are
 * targets[firstEdge[n]] to targets[firstEdge[n + 1] - 1], in order.
 */
export interface NumberedGraph {
  nodes: number;
  firstEdge: Int32Array;
  targets: Int32Array;
}

/**
 * The components of a numbered graph, walked from nodes 0..starts-1 in turn (the rest only
 * when reached), each node's successors in order. The walk's state is in typed arrays: the
 * dependency graph of a large estate has 100,000 edges, and maps keyed by node cost a lookup
 * on each.
 */
export function componentsOfNumbers({ nodes, firstEdge, targets }: NumberedGraph, starts = nodes): number[][] {
  /** Each node's place in the order of the walk (Tarjan's index); -1 before it is reached. */
  const order = new Int32Array(nodes).fill(-1);
  const low = new Int32Array(nodes);
  const onStack = new Uint8Array(nodes);
  const stack = new Int32Array(nodes);
  let stackSize = 0;
  // The depth-first walk's own stack: a node, and the next of its edges to follow.
  const walkNode = new Int32Array(nodes);
  const walkEdge = new Int32Array(nodes);
  let depth = 0;
  let reached = 0;
  const components: number[][] = [];

  const enter = (node: number) => {
    order[node] = low[node] = reached++;
    onStack[node] = 1;
    stack[stackSize++] = node;
    walkNode[depth] = node;
    walkEdge[depth++] = firstEdge[node]!;
  };

  for (let start = 0; start < starts; start++) {
    if (order[start] !== -1) continue;
    enter(start);
    while (depth > 0) {
      const node = walkNode[depth - 1]!;
      const edge = walkEdge[depth - 1]!;
      if (edge < firstEdge[node + 1]!) {
        walkEdge[depth - 1] = edge + 1;
        const successor = targets[edge]!;
        if (order[successor] === -1) enter(successor);
        // The lowest place reachable goes down to the node.
        else if (onStack[successor] && order[successor]! < low[node]!) low[node] = order[successor]!;
        continue;
      }
      depth--;
      if (depth > 0) {
        const parent = walkNode[depth - 1]!;
        if (low[node]! < low[parent]!) low[parent] = low[node]!;
      }
      if (low[node] === order[node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack[--stackSize]!;
          onStack[member] = 0;
          component.push(member);
        } while (member !== node);
        components.push(component);
      }
    }
  }
  return components;
}
