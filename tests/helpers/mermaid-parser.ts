// Mermaid's own parser, the one GitHub renders with, run under jsdom: a diagram the tool writes
// must parse there, within Mermaid's default limits (500 edges; 50,000 characters, past which
// Mermaid draws "Maximum text size in diagram exceeded" instead). The browser globals Mermaid
// needs are there only while it parses: other tests share the worker.
import { JSDOM } from 'jsdom';
import { MERMAID_MAX_TEXT } from '../../src/format/graph/mermaid.js';

/** What Mermaid read: the kind of diagram, and the configuration the text itself set (directives, front matter). */
export interface MermaidParse {
  diagramType: string;
  config: Record<string, unknown>;
}

type Mermaid = { parse(text: string): Promise<MermaidParse>; initialize(config: object): void };

const BROWSER_GLOBALS = ['window', 'document', 'DOMParser', 'Element', 'HTMLElement', 'Node', 'navigator'];
const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
let loaded: Mermaid | undefined;

/** Runs `work` with jsdom's window as the browser globals, then takes away what it added. */
async function inBrowser<T>(work: () => Promise<T>): Promise<T> {
  const globals = globalThis as Record<string, unknown>;
  const added = BROWSER_GLOBALS.filter((name) => globals[name] === undefined);
  for (const name of added) Object.defineProperty(globalThis, name, { value: (window as unknown as Record<string, unknown>)[name], configurable: true, writable: true });
  try {
    return await work();
  } finally {
    for (const name of added) delete globals[name];
  }
}

/** Throws Mermaid's own error when the diagram does not parse, or when Mermaid would not draw it for its size. */
export async function parseMermaid(text: string): Promise<MermaidParse> {
  if (text.length > MERMAID_MAX_TEXT) throw new Error(`Maximum text size in diagram exceeded: ${text.length} characters`);
  return inBrowser(async () => {
    if (!loaded) {
      loaded = ((await import('mermaid')) as unknown as { default: Mermaid }).default;
      loaded.initialize({ startOnLoad: false });
    }
    return loaded.parse(text);
  });
}
