// Plain scalars as the `yaml` package's YAML 1.2 core schema reads them, for the fast reader
// (subset.ts): no two readers may disagree on what a file means.

type Form = [test: RegExp, construct: (text: string) => unknown];

/** The forms of each tag, tried in this order (the `yaml` package's order). */
const FORMS: Array<[tag: string, forms: Form[]]> = [
  ['null', [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]],
  ['bool', [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (text) => text[0] === 't' || text[0] === 'T']]],
  [
    'int',
    [
      [/^0o[0-7]+$/, (text) => parseInt(text.substring(2), 8)],
      [/^[-+]?[0-9]+$/, (text) => parseInt(text, 10)],
      [/^0x[0-9a-fA-F]+$/, (text) => parseInt(text.substring(2), 16)],
    ],
  ],
  [
    'float',
    [
      [
        /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
        (text) => (text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? -Infinity : Infinity),
      ],
      [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, parseFloat],
      [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, parseFloat],
    ],
  ],
];

const ALL_FORMS = FORMS.flatMap(([, forms]) => forms);

/** The first characters a null, bool, int or float can have (the empty scalar is null). */
const NON_STRING_START = /^(?:$|[~nNtTfF0-9+.-])/;

/** Whether JSON gives the number back as it is (it writes Infinity and NaN as null, -0 as 0). */
export function isJsonNumber(value: number): boolean {
  return Number.isFinite(value) && !Object.is(value, -0);
}

/**
 * A plain scalar's value: null, a boolean, a number, or else the text itself. The forms are
 * told apart by the first character before any pattern is tried (a backlog has hundreds of
 * thousands of scalars): only null starts with n, N or ~, only a boolean with t, T, f or F, and
 * digits alone are a decimal int.
 */
export function plainScalarValue(text: string): unknown {
  switch (text.charCodeAt(0)) {
    case 110: // n
    case 78: // N
      return text === 'null' || text === 'Null' || text === 'NULL' ? null : text;
    case 126: // ~
      return text === '~' ? null : text;
    case 116: // t
    case 84: // T
      return text === 'true' || text === 'True' || text === 'TRUE' ? true : text;
    case 102: // f
    case 70: // F
      return text === 'false' || text === 'False' || text === 'FALSE' ? false : text;
    default:
      if (isDigits(text)) return parseInt(text, 10);
      return valueByForms(text);
  }
}

/** What plainScalarValue gives, found by trying the forms' patterns in order. */
export function valueByForms(text: string): unknown {
  if (!NON_STRING_START.test(text)) return text;
  for (const [test, construct] of ALL_FORMS) if (test.test(text)) return construct(text);
  return text;
}

function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let at = 0; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
