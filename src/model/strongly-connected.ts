/**
 * Strongly connected components of a directed graph (Tarjan's algorithm, iterative so that a
 * 10,000-workload chain cannot overflow the stack). Components come out in reverse topological
 * order: a component's dependencies (edge targets) come before it.
 */
export function stronglyConnectedComponents<T>(nodes: Iterable<T>, next: (node: T) => Iterable<T>): T[][] {
  const index = new Map<T, number>();
  const low = new Map<T, number>();
  const onStack = new Set<T>();
  const stack: T[] = [];
  const components: T[][] = [];
  let counter = 0;

  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: Array<{ node: T; successors: Iterator<T> }> = [];
    const enter = (node: T) => {
      index.set(node, counter);
      low.set(node, counter);
      counter += 1;
      stack.push(node);
      onStack.add(node);
      work.push({ node, successors: next(node)[Symbol.iterator]() });
    };
    enter(start);
    while (work.length > 0) {
      const frame = work.at(-1)!;
      const step = frame.successors.next();
      if (!step.done) {
        const successor = step.value;
        if (!index.has(successor)) enter(successor);
        else if (onStack.has(successor)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(successor)!));
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: T[] = [];
        let member: T;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}
