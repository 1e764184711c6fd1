/**
 * Strongly connected components of a directed graph (Tarjan's algorithm, iterative so that a
 * 10,000-workload chain cannot overflow the stack). Components come out in reverse topological
 * order: a component's dependencies (edge targets) come before it.
 *
 * Nodes are numbered in the order they are first visited (Tarjan's index), and the algorithm's
 * state is kept in arrays by that number: one lookup per edge, where maps and sets keyed by node
 * took four (the dependency graph of a large estate has 100,000 edges).
 */
export function stronglyConnectedComponents<T>(nodes: Iterable<T>, next: (node: T) => Iterable<T>): T[][] {
  const numberOf = new Map<T, number>();
  const nodeAt: T[] = [];
  const low: number[] = [];
  const onStack: boolean[] = [];
  const stack: number[] = [];
  const components: T[][] = [];
  // The depth-first walk's own stack: a node, its successors, and how many of them are done.
  const walkNode: number[] = [];
  const walkSuccessors: T[][] = [];
  const walkDone: number[] = [];

  const enter = (node: T) => {
    const number = nodeAt.length;
    numberOf.set(node, number);
    nodeAt.push(node);
    low.push(number);
    onStack.push(true);
    stack.push(number);
    const successors = next(node);
    walkNode.push(number);
    walkSuccessors.push(Array.isArray(successors) ? successors : [...successors]);
    walkDone.push(0);
  };

  for (const start of nodes) {
    if (numberOf.has(start)) continue;
    enter(start);
    while (walkNode.length > 0) {
      const top = walkNode.length - 1;
      const node = walkNode[top]!;
      const successors = walkSuccessors[top]!;
      if (walkDone[top]! < successors.length) {
        const successor = successors[walkDone[top]!++]!;
        const number = numberOf.get(successor);
        if (number === undefined) enter(successor);
        // A node's number is its index: the lowest index reachable goes down to it.
        else if (onStack[number] && number < low[node]!) low[node] = number;
        continue;
      }
      walkNode.pop();
      walkSuccessors.pop();
      walkDone.pop();
      if (top > 0) {
        const parent = walkNode[top - 1]!;
        if (low[node]! < low[parent]!) low[parent] = low[node]!;
      }
      if (low[node] === node) {
        const component: T[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = false;
          component.push(nodeAt[member]!);
        } while (member !== node);
        components.push(component);
      }
    }
  }
  return components;
}
