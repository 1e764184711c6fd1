// Mermaid's own parser, the one GitHub renders with, run under jsdom: a diagram the tool writes
// must parse there, within Mermaid's default limits (500 edges; 50,000 characters, past which
// Mermaid draws "Maximum text size in diagram exceeded" instead).
import { JSDOM } from 'jsdom';

export const MERMAID_MAX_TEXT = 50_000;

/** What Mermaid read: the kind of diagram, and the configuration the text itself set (directives, front matter). */
export interface MermaidParse {
  diagramType: string;
  config: Record<string, unknown>;
}

type Mermaid = { parse(text: string): Promise<MermaidParse>; initialize(config: object): void };
let loaded: Promise<Mermaid> | undefined;

async function mermaid(): Promise<Mermaid> {
  loaded ??= (async () => {
    const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
    const globals = globalThis as Record<string, unknown>;
    for (const name of ['window', 'document', 'DOMParser', 'Element', 'HTMLElement', 'Node', 'navigator']) {
      if (globals[name] === undefined) Object.defineProperty(globalThis, name, { value: (window as unknown as Record<string, unknown>)[name], configurable: true, writable: true });
    }
    const module = (await import('mermaid')) as unknown as { default: Mermaid };
    module.default.initialize({ startOnLoad: false });
    return module.default;
  })();
  return loaded;
}

/** Throws Mermaid's own error when the diagram does not parse, or when Mermaid would not draw it for its size. */
export async function parseMermaid(text: string): Promise<MermaidParse> {
  if (text.length > MERMAID_MAX_TEXT) throw new Error(`Maximum text size in diagram exceeded: ${text.length} characters`);
  return (await mermaid()).parse(text);
}
