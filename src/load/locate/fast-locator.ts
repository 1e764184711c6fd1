// Positions for files read by the fast parser: js-yaml parses the file again with a listener
// that records where every node opens and closes; the tree of those events is matched against
// the values by path. Only files with findings pay for this.
import type * as JsYaml from 'js-yaml';
import { coreSchema } from '../parse/core-schema.js';
import { jsYamlLibrary } from '../parse/libraries.js';
import type { OffsetRange } from '../types.js';
import type { LocateRequest, Locator } from './locate-request.js';

interface EventNode {
  start: number;
  end: number;
  kind: 'mapping' | 'sequence' | 'scalar' | null;
  result: unknown;
  children: EventNode[];
}

interface ListenerState {
  position: number;
  kind: EventNode['kind'];
  result: unknown;
}

export function fastLocator(text: string): Locator {
  const roots = eventTree(text);
  return (request) => {
    const root = roots[request.doc];
    return root ? locateIn(text, root, request) : undefined;
  };
}

function eventTree(text: string): EventNode[] {
  const stack: EventNode[] = [{ start: 0, end: 0, kind: null, result: null, children: [] }];
  const listener = (event: 'open' | 'close', state: ListenerState) => {
    if (event === 'open') {
      stack.push({ start: state.position, end: state.position, kind: null, result: null, children: [] });
      return;
    }
    const node = stack.pop()!;
    node.end = state.position;
    node.kind = state.kind;
    // An empty node leaves the previous node's result in the state.
    node.result = state.kind === null ? null : state.result;
    stack.at(-1)!.children.push(unwrap(node));
  };
  // Repeated keys allowed, the last winning: a large file with one is read that way (parse-text.ts).
  const options = { schema: coreSchema(), listener, maxDepth: 1000, json: true } as unknown as JsYaml.LoadOptions;
  jsYamlLibrary().loadAll(text, () => undefined, options);
  return stack[0]!.children;
}

/** js-yaml opens a node twice for some forms (`- x`, flow mappings in a block); keep the inner one. */
function unwrap(node: EventNode): EventNode {
  let current = node;
  while (current.children.length === 1) {
    const child = current.children[0]!;
    const same = child.kind === current.kind && (current.kind === 'scalar' || child.result === current.result);
    if (!same) break;
    current = child;
  }
  return current;
}

function locateIn(text: string, root: EventNode, { path, target }: LocateRequest): OffsetRange | undefined {
  let node = root;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (node.kind === 'mapping') {
      const pair = pairs(node).find(([key]) => String(key.result) === String(segment));
      if (!pair) break;
      const [key, value] = pair;
      if ((last && target === 'key') || value === undefined) return rangeOf(text, key);
      node = value;
    } else if (node.kind === 'sequence' && typeof segment === 'number') {
      const item = items(node)[segment];
      if (!item) break;
      node = item;
    } else {
      break;
    }
  }
  if (node.kind === 'mapping' && node.children[0]) return rangeOf(text, node.children[0]);
  return rangeOf(text, node);
}

/** Key and value nodes of a mapping; a value written as nothing (`key:`) may have no node. */
function pairs(node: EventNode): Array<[EventNode, EventNode | undefined]> {
  const values = node.result as Record<string, unknown>;
  const result: Array<[EventNode, EventNode | undefined]> = [];
  const children = node.children;
  for (let c = 0; c < children.length; c++) {
    const key = children[c]!;
    const next = children[c + 1];
    const value = Object.hasOwn(values, String(key.result)) ? values[String(key.result)] : undefined;
    if (next !== undefined && (value !== null || next.result === null)) {
      result.push([key, next]);
      c += 1;
    } else {
      result.push([key, undefined]);
    }
  }
  return result;
}

/** Item nodes of a sequence by index; an empty item (`-` alone) has no node. */
function items(node: EventNode): Array<EventNode | undefined> {
  const values = node.result as unknown[];
  const result: Array<EventNode | undefined> = [];
  let c = 0;
  for (const value of values) {
    const child = node.children[c];
    if (value === null && (child === undefined || child.result !== null)) {
      result.push(undefined);
    } else {
      result.push(child);
      c += 1;
    }
  }
  return result;
}

/** js-yaml opens a value before the blanks and comments that precede it; trim both ends to the text. */
function rangeOf(text: string, node: EventNode): OffsetRange {
  // A value written as nothing is placed right after its key's colon, as the yaml package does
  // (js-yaml opens it there in block style, past the blanks in flow style).
  if (node.kind === null) {
    let at = node.start;
    while (at > 0 && /\s/.test(text[at - 1]!)) at -= 1;
    return [at, at];
  }
  let start = node.start;
  let end = node.end;
  while (start < end) {
    const ch = text[start]!;
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') start += 1;
    else if (ch === '#') {
      const newline = text.indexOf('\n', start);
      start = newline === -1 || newline >= end ? end : newline + 1;
    } else break;
  }
  while (end > start && /[\s]/.test(text[end - 1]!)) end -= 1;
  return [start, end];
}
