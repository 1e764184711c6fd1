// YAML text for entities as imports append them — mappings of scalars, lists of scalars and
// mappings of scalars — written directly, as the `yaml` package would write them (toYaml in
// text-edits.ts), in a fraction of its time: an import of 20,000 servers spent seconds in the
// package's document model. Each scalar is still written by the package (once per distinct
// value), so quoting is its own; anything else (text over several lines, a list of mappings,
// a key that needs quotes) gives undefined, and the package writes the whole value.
import { stringify } from 'yaml';

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Characters that end a plain scalar inside `[...]`, where a top-level one may hold them. */
const FLOW_INDICATORS = /[,[\]{}]/;

export class PlainYaml {
  private readonly scalars = new Map<unknown, string | undefined>();

  /** `{ servers: [...] }` or `[item]`, as toYaml writes it; undefined when not plain. */
  write(value: unknown): string | undefined {
    if (Array.isArray(value)) return this.items(value, 0);
    if (!isMapping(value)) return undefined;
    const keys = Object.keys(value);
    if (keys.length !== 1 || !PLAIN_KEY.test(keys[0]!)) return undefined;
    const items = value[keys[0]!];
    if (!Array.isArray(items) || items.length === 0) return undefined;
    const body = this.items(items, 2);
    return body === undefined ? undefined : `${keys[0]}:\n${body}`;
  }

  /** Each item a mapping, `- ` at `indent`, its fields under the first. */
  private items(items: readonly unknown[], indent: number): string | undefined {
    let text = '';
    const pad = ' '.repeat(indent);
    for (const item of items) {
      if (!isMapping(item) || Object.keys(item).length === 0) return undefined;
      const fields = this.fields(item, indent + 2);
      if (fields === undefined) return undefined;
      text += `${pad}- ${fields.slice(indent + 2)}`;
    }
    return text;
  }

  private fields(mapping: Record<string, unknown>, indent: number): string | undefined {
    let text = '';
    const pad = ' '.repeat(indent);
    for (const [key, value] of Object.entries(mapping)) {
      if (value === undefined) continue;
      if (!PLAIN_KEY.test(key)) return undefined;
      if (isMapping(value)) {
        if (Object.keys(value).length === 0) return undefined;
        const inner = this.fields(value, indent + 2);
        if (inner === undefined || Object.values(value).some((v) => isMapping(v) || Array.isArray(v))) return undefined;
        text += `${pad}${key}:\n${inner}`;
        continue;
      }
      const written = Array.isArray(value) ? this.list(value) : this.scalar(value, false);
      if (written === undefined) return undefined;
      text += `${pad}${key}: ${written}\n`;
    }
    return text;
  }

  private list(items: readonly unknown[]): string | undefined {
    const written: string[] = [];
    for (const item of items) {
      const text = this.scalar(item, true);
      if (text === undefined) return undefined;
      written.push(text);
    }
    return `[${written.join(', ')}]`;
  }

  private scalar(value: unknown, inFlow: boolean): string | undefined {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
    if (inFlow && typeof value === 'string' && FLOW_INDICATORS.test(value)) return undefined;
    if (!this.scalars.has(value)) {
      const text = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
      this.scalars.set(value, text.includes('\n') ? undefined : text);
    }
    return this.scalars.get(value);
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
