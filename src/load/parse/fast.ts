// The fast path: the subset parser (subset.ts), then js-yaml with an exact YAML 1.2 core
// schema, for the plain files that make up nearly every backlog. It keeps no positions.
// Anything it cannot take exactly as the `yaml` package would (anchors, aliases, tags, merge
// keys, explicit keys, directives) or any error sends the file to the full parser instead,
// which reports with detail.
import type * as JsYaml from 'js-yaml';
import { coreSchema } from './core-schema.js';
import { jsYamlLibrary } from './libraries.js';
import { parseSubset } from './subset.js';

/** Constructs whose meaning the fast path does not reproduce exactly; seen anywhere, the file takes the full parser. */
const NEEDS_FULL_PARSER = /(?:^|[\s[\]{},])[&*!]|<<|(?:^|\s)\?(?:\s|$)|^%/m;

/** js-yaml counts every node (scalars too); this only guards the stack. Depth rules are checked on values. */
const MAX_PARSE_DEPTH = 1000;

/** `plain`, `finiteNumbers`: see ParsedDocument; set only for what the subset parser read. */
export type FastParse = { ok: true; values: unknown[]; plain?: boolean; finiteNumbers?: boolean } | { ok: false; reason: string; offset: number };

/**
 * `duplicatesAllowed` reads a mapping with a repeated key as YAML does, the last one winning:
 * for a file too large for the full parser, whose duplicate is reported separately.
 */
export function parseFast(text: string, duplicatesAllowed = false): FastParse {
  // Most files are in the subset that parser reads, faster than js-yaml; it gives up on the rest
  // (among it every construct below), so it goes first: a value like `Tom & Jerry`, which the
  // pattern cannot tell from an anchor, is read here too.
  const inSubset = parseSubset(text);
  if (inSubset !== undefined) return { ok: true, values: [inSubset.value], plain: !inSubset.extensionKeys, finiteNumbers: inSubset.finiteNumbers };
  const construct = NEEDS_FULL_PARSER.exec(text);
  if (construct) {
    const offset = construct.index + construct[0].search(/\S/);
    return { ok: false, reason: 'anchors, aliases, tags, merge keys, explicit keys or directives', offset };
  }
  const jsYaml = jsYamlLibrary();
  try {
    const values: unknown[] = [];
    const options = { schema: coreSchema(), maxDepth: MAX_PARSE_DEPTH, json: duplicatesAllowed } as JsYaml.LoadOptions;
    jsYaml.loadAll(text, (value) => values.push(value === undefined ? null : value), options);
    return { ok: true, values };
  } catch (error) {
    if (error instanceof jsYaml.YAMLException) {
      return { ok: false, reason: error.reason, offset: error.mark?.position ?? 0 };
    }
    if (error instanceof RangeError) return { ok: false, reason: 'nesting too deep', offset: 0 };
    throw error;
  }
}
