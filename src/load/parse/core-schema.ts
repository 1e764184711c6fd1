// A js-yaml schema that resolves plain scalars exactly as the `yaml` package's YAML 1.2 core
// schema does. js-yaml's own CORE_SCHEMA is looser (binary ints, `_` separators), and the two
// parsers must never disagree on what a file means.
import jsYaml from 'js-yaml';

/** One js-yaml type per tag (js-yaml keeps only the last type of a tag), tried form by form. */
function scalarType(tag: string, forms: Array<[RegExp, (text: string) => unknown]>) {
  const formOf = (text: string) => forms.find(([test]) => test.test(text));
  return new jsYaml.Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (text: string | null) => formOf(text ?? '') !== undefined,
    construct: (text: string | null) => formOf(text ?? '')![1](text ?? ''),
  });
}

export const CORE_SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    scalarType('null', [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]),
    scalarType('bool', [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (text) => text[0] === 't' || text[0] === 'T']]),
    scalarType('int', [
      [/^0o[0-7]+$/, (text) => parseInt(text.substring(2), 8)],
      [/^[-+]?[0-9]+$/, (text) => parseInt(text, 10)],
      [/^0x[0-9a-fA-F]+$/, (text) => parseInt(text.substring(2), 16)],
    ]),
    scalarType('float', [
      [
        /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
        (text) => (text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? -Infinity : Infinity),
      ],
      [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, parseFloat],
      [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, parseFloat],
    ]),
  ],
});
