// A seeded generator of YAML documents shaped like backlog files, with the constructs readers
// are most likely to read differently: empty items and values, CRLF, comments, block scalars
// with every chomping, keys that look like numbers or null, quoted and explicit keys, flow
// collections, anchors, aliases and tags, tabs, repeated keys, a missing final newline — and
// small random damage. The same seed always gives the same documents.

/** A small, fast, seeded random number generator (mulberry32). */
export function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Plain scalars any reader takes as they are written (strings, numbers, booleans, nulls). */
const PLAIN_WORDS = ['crm', 'Payroll', 'wave-1', 'Tom & Jerry', 'x#y', 'yes', 'No', 'on', '~', 'null', 'NULL', 'True', 'false', '0012', '012', '0x10', '0o17', '0b101', '1_000', '+12', '-0', '-0.0', '1e3', '1.', '.5', '.inf', '-.Inf', '.NaN', '2027-01-31', '12:30', '3.14', 'é→ü', 'Ab c', 'a:b', 'k-1'];
const PLAIN_KEYS = ['id', 'name', 'owner', 'x-list', 'x-map', 'notes', 'tags', 'depends_on', 'a', 'b_c', 'k.1', 'kebab-key', 'x-a', 'x-b', 'Null_ish', 'trueish'];
const WORDS = ['crm', 'Payroll', 'wave-1', 'Tom & Jerry', 'a: b', 'x#y', 'ends:', '-', '- x', 'yes', 'No', 'on', '~', 'null', 'NULL', 'True', 'false', '0012', '012', '0x10', '0o17', '0b101', '1_000', '+12', '-0', '-0.0', '1e3', '1.', '.5', '.inf', '-.Inf', '.NaN', '2027-01-31', '12:30', '3.14', 'é→ü', '@home', '`tick`', '%pct', '!bang', '"q"', "'s'", '[x]', '{y}', 'a,b', '', ' lead', 'trail ', 'Ab c'];
const KEYS = ['id', 'name', 'owner', 'x-list', 'x-map', 'notes', 'tags', 'depends_on', 'a', 'b_c', 'k.1', 'kebab-key', '0x10', '010', '1e3', '~', 'null', 'true', 'False', '__proto__', 'constructor', '"quoted key"', "'single'", '"0x10"', 'x-a', 'x-b'];

export interface FuzzOptions {
  /** Probability of a small random edit of the finished text. */
  damage?: number;
}

export function generateDocument(random: () => number, options: FuzzOptions = {}): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  // Most documents keep to what backlog files hold, so that the fast reader takes them and its
  // answers are compared; the others use every construct.
  const plainOnly = random() < 0.6;
  const chance = (p: number) => random() < p;
  const rare = (p: number) => !plainOnly && random() < p;
  let anchors = 0;

  const plain = (): string => {
    const words = plainOnly && !chance(0.02) ? PLAIN_WORDS : WORDS;
    const word = pick(words);
    return chance(0.1) ? `${word} ${pick(words)}` : word;
  };
  const anyKey = () => (plainOnly && !chance(0.03) ? pick(PLAIN_KEYS) : pick(KEYS));
  const doubleQuoted = (): string => `"${pick(WORDS).replace(/["\\]/g, (c) => `\\${c}`)}${pick(['', '\\n', '\\t', '\\u00e9', '\\x41', '\\/', '\\ ', '\\0'])}"`;
  const singleQuoted = (): string => `'${pick(WORDS).replace(/'/g, "''")}'`;
  const scalar = (inFlow: boolean): string => {
    const roll = random();
    let text = roll < 0.55 ? plain() : roll < 0.75 ? doubleQuoted() : roll < 0.9 || plainOnly ? singleQuoted() : roll < 0.95 ? `${pick(['!!str', '!!int', '!custom'])} ${plain()}` : `*a${Math.floor(random() * (anchors + 1))}`;
    if (rare(0.05)) text = `&a${++anchors} ${text}`;
    if (inFlow && chance(0.02)) text = '';
    return text;
  };
  const flow = (depth: number): string => {
    if (depth > 2 || chance(0.3)) return scalar(true);
    const isMap = chance(0.5);
    const body = Array.from({ length: Math.floor(random() * 4) }, () => (isMap || rare(0.2) ? `${anyKey()}: ${flow(depth + 1)}` : flow(depth + 1)));
    const close = rare(0.03) ? ',' : '';
    return isMap ? `{${body.join(', ')}${close}}` : `[${body.join(', ')}${close}]`;
  };
  const comment = () => (chance(0.15) ? `  # ${pick(WORDS)}` : '');
  const space = () => (chance(0.05) ? '   ' : rare(0.02) ? '\t' : '');

  /** Lines of a block scalar's content at `indent`. */
  const blockScalar = (indent: number): string[] => {
    const header = `${pick(['|', '>'])}${pick(['', '', '-', '+'])}${chance(0.1) ? '2' : ''}${comment()}`;
    const lines = [header];
    const count = Math.floor(random() * 4);
    for (let i = 0; i < count; i++) {
      const extra = chance(0.2) ? '  ' : '';
      lines.push(chance(0.15) ? (chance(0.5) ? '' : ' '.repeat(indent + 1)) : `${' '.repeat(indent)}${extra}${pick(WORDS)}`);
    }
    if (chance(0.2)) lines.push(' '.repeat(indent + Math.floor(random() * 4)));
    return lines;
  };

  /** A value after `key:` or `-` at `indent`: the text after the indicator, and any lines below. */
  const value = (indent: number, depth: number): { inline: string; below: string[] } => {
    const roll = random();
    if (depth >= 4 || roll < 0.45) return { inline: ` ${scalar(false)}${comment()}`, below: [] };
    if (roll < 0.55) return { inline: comment(), below: [] }; // empty
    if (roll < 0.62) return { inline: ` ${flow(0)}${comment()}`, below: [] };
    if (roll < 0.7 && !plainOnly) {
      const [header, ...lines] = blockScalar(indent + 2);
      return { inline: ` ${header}`, below: lines };
    }
    if (roll < 0.85) return { inline: comment(), below: mapping(indent + 2, depth + 1) };
    // A sequence under a key may stand at the key's own indent.
    return { inline: comment(), below: sequence(chance(0.3) ? indent : indent + 2, depth + 1) };
  };

  function mapping(indent: number, depth: number): string[] {
    const lines: string[] = [];
    const count = 1 + Math.floor(random() * 4);
    const keys = new Set<string>();
    for (let i = 0; i < count; i++) {
      let key = anyKey();
      if (keys.has(key) && !chance(0.1)) continue;
      keys.add(key);
      if (rare(0.02)) key = `? ${key}\n${' '.repeat(indent)}`;
      const { inline, below } = value(indent, depth);
      lines.push(`${' '.repeat(indent)}${key}:${space()}${inline}`, ...below);
      if (chance(0.05)) lines.push(chance(0.5) ? '' : `${' '.repeat(indent)}# ${pick(WORDS)}`);
    }
    return lines;
  }

  function sequence(indent: number, depth: number): string[] {
    const lines: string[] = [];
    const count = 1 + Math.floor(random() * 4);
    for (let i = 0; i < count; i++) {
      const roll = random();
      const pad = ' '.repeat(indent);
      if (roll < 0.15) {
        lines.push(`${pad}-${chance(0.5) ? ' ' : ''}${comment()}`); // an empty item
      } else if (roll < 0.55 && depth < 4) {
        // `- key: value` and the rest of the mapping under it
        const [first, ...rest] = mapping(indent + 2, depth + 1);
        lines.push(`${pad}- ${first!.slice(indent + 2)}`, ...rest);
      } else if (roll < 0.62 && depth < 4) {
        lines.push(`${pad}- - ${scalar(false)}`);
      } else {
        const { inline, below } = value(indent, depth + 1);
        lines.push(`${pad}-${inline.length > 0 ? inline : ''}`, ...below);
      }
    }
    return lines;
  }

  const collection = pick(['workloads', 'servers', 'dependencies', 'waves', 'x-other']);
  const lines = [`${collection}:`, ...sequence(chance(0.2) ? 0 : 2, 1)];
  if (chance(0.3)) lines.push(`${pick(['project', 'priorities', 'risks'])}:${comment()}`, ...mapping(2, 1));
  if (rare(0.03)) lines.push('---', 'outcomes: []');
  const newline = chance(0.2) ? '\r\n' : '\n';
  let text = lines.join(newline) + (chance(0.85) ? newline : '');
  const damage = options.damage ?? 0.1;
  if (chance(plainOnly ? damage / 2 : damage)) {
    const at = Math.floor(random() * text.length);
    text = chance(0.5) ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + pick([' ', '-', ':', '"', '\n', '#', '[', '\t', '\r']) + text.slice(at);
  }
  return text;
}
